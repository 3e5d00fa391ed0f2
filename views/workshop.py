"""The trainer's workshop page (a file, so links and AppTest can address it)."""

from ui.workshop_trainer import workshop_page

workshop_page()
