"""The report a client takes home: one plain content object (`content`), drawn as a standalone
interactive HTML file (`html`) or a typeset PDF (`pdf`), built in memory only."""
