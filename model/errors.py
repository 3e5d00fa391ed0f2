"""The one exception type for input a person can fix.

It is raised anywhere in `model/` and caught at the edges (the CLI, the app), where its
message is shown as it is: what is wrong, where, and what was expected. The English text is
the exception's message; a French text can ride along for the app and `--lang fr`.
"""

from __future__ import annotations


class InputError(ValueError):
    """Bad input: a profile, a persona file, a judgements CSV, an export."""

    def __init__(self, message: str, fr: str | None = None) -> None:
        super().__init__(message)
        self.fr = fr

    def text(self, lang: str) -> str:
        """The message in `lang` ("fr" or "en"); English when no French text was given."""
        return self.fr if lang == "fr" and self.fr else str(self)
