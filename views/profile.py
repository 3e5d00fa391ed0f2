"""The profile page (a file, so links and AppTest can address it)."""

from ui.editor import profile_page

profile_page()
