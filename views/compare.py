"""The compare page (a file, so links and AppTest can address it)."""

from ui.compare_page import compare_page

compare_page()
