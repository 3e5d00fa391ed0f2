"""The what-to-change page (a file, so links and AppTest can address it)."""

from ui.levers_page import levers_page

levers_page()
