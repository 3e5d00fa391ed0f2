"""A downloaded profile waits at no guessable address."""

from __future__ import annotations

import re

from ui.downloads import private_name


def test_two_downloads_of_the_same_profile_get_different_unguessable_names():
    names = {private_name("regards-profile", "json") for _ in range(50)}
    assert len(names) == 50
    assert all(re.fullmatch(r"regards-profile-[0-9a-f]{8}\.json", n) for n in names)
