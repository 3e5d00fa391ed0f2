"""The reading page (a file, so links and AppTest can address it)."""

from ui.reading_page import reading_page

reading_page()
