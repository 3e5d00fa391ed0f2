"""Import of a LinkedIn data export (the ZIP members download), in memory only."""

from model.linkedin.derive import ImportResult, import_export

__all__ = ["ImportResult", "import_export"]
