"""The `regards` command line: a face over the domain (`model/`), printing what the app shows, as text or JSON."""
