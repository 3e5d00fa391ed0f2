"""The sources page (a file, so links and AppTest can address it)."""

from ui.evidence_page import evidence_page

evidence_page()
