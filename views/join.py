"""The participant's page: join a workshop and judge its profiles (a file, so links and AppTest can address it)."""

from ui.workshop_participant import join_page

join_page()
