"""Nobody ever sees a traceback: bad links, bad files and failing pages get a message in the
person's language, and their profile stays as it was."""

from __future__ import annotations

import atexit
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from unittest import mock

import pytest
from streamlit.testing.v1 import AppTest

from model.presets import load_presets
from tests.early import Early

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def start(**query: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


@pytest.mark.parametrize(
    ("link", "lang", "said"),
    [
        ("connections:inf", "en", "not a finite number"),
        ("connections:1e400", "fr", "pas un nombre fini"),
        ("conn%0Aections:3", "en", "unknown signal"),
        ("connections:abc", "fr", "n'est pas un nombre"),
    ],
)
def test_a_shared_link_with_a_bad_profile_is_ignored_with_a_message(link, lang, said):
    at = start(lang=lang, p=link)
    assert not at.exception
    warnings = " ".join(w.value for w in at.sidebar.warning)
    assert said.lower() in warnings.lower(), warnings
    assert at.title[0].value  # the page still reads the default profile


def test_a_page_that_fails_says_so_in_the_persons_language_and_keeps_the_profile():
    at = start(lang="fr")
    before = at.query_params["p"]
    with mock.patch("ui.reading_page.read", side_effect=RuntimeError("boom")):
        at.run()
    assert not at.exception
    assert any("Un problème est survenu sur cette page (RuntimeError)" in e.value for e in at.error)
    assert at.query_params["p"] == before


@pytest.mark.parametrize(
    "content",
    [
        b'{"signals": {"connections": Infinity}}',
        b'{"signals": {"connections": 1e400}}',
        b"[" * 5000 + b"]" * 5000,
        b'{"signals": {"connections": ' + b"9" * 5000 + b"}}",
    ],
)
def test_a_hostile_profile_file_is_refused_in_french_and_the_profile_kept(content):
    at = start(lang="fr")
    at.switch_page("views/profile.py")
    at.run()
    before = at.query_params["p"]
    at.file_uploader(key="upload").set_value(("profil.json", content, "application/json")).run()
    assert not at.exception
    assert any("Ce fichier n'a pas été chargé" in e.value and "profil" in e.value for e in at.error), [e.value for e in at.error]
    assert at.query_params["p"] == before


def test_a_broken_preset_file_is_left_out_and_the_others_load(tmp_path):
    source = Path(__file__).resolve().parent.parent / "data" / "presets"
    for path in source.glob("*.json"):
        (tmp_path / path.name).write_text(path.read_text("utf-8"), "utf-8")
    (tmp_path / "broken.json").write_text(json.dumps({"name": {"fr": "x"}, "signals": {}}), "utf-8")
    (tmp_path / "nested.json").write_text("[" * 5000 + "]" * 5000, "utf-8")
    found, problems = load_presets(tmp_path)
    assert "comms_manager" in found and "broken" not in found
    assert sorted(str(p.values["file"]) for p in problems) == ["broken.json", "nested.json"]


def test_after_an_import_the_address_no_longer_carries_the_profile_and_the_page_says_so():
    at = start(lang="en")
    assert "p" in at.query_params
    at.switch_page("views/profile.py")
    at.run()
    at.button(key="linkedin_sample").click().run()
    assert "p" in at.query_params  # previewed, not applied yet
    at.button(key="linkedin_apply").click().run()
    assert not at.exception
    assert "p" not in at.query_params
    assert any("holds no profile data" in c.value for c in at.sidebar.caption)


def test_a_person_can_share_the_view_without_their_data():
    at = start(lang="fr")
    at.sidebar.toggle(key="profile_in_url").set_value(False).run()
    assert "p" not in at.query_params and at.query_params["reader"]
    at.sidebar.toggle(key="profile_in_url").set_value(True).run()
    assert "p" in at.query_params


def test_text_from_an_archive_is_shown_as_plain_text_never_as_markdown():
    """A company named like an image link must not make the browser fetch anything."""
    from model.linkedin.synthetic import Spec, archive

    hostile = "![x](http://127.0.0.1:9/evil.png)"
    zipped = archive(
        Spec(connections=50),
        extra={
            "Positions.csv": f'Company Name,Title,Description,Location,Started On,Finished On\n"{hostile}",Chargée de communication,,Lyon,Jan 2023,\n'.encode()
        },
    )
    at = start(lang="en")
    at.switch_page("views/profile.py")
    at.run()
    at.file_uploader(key="linkedin_zip_0").set_value(("export.zip", zipped, "application/zip")).run()
    at.button(key="linkedin_apply").click().run()
    assert not at.exception
    shown = " ".join([m.value for m in at.markdown] + [c.value for c in at.caption])
    assert "![x](" not in shown
    assert "evil" in shown  # it is shown, escaped


def _app_with_every_persona_broken() -> subprocess.CompletedProcess[str]:
    folder = Path(tempfile.mkdtemp(prefix="regards-broken-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    for name in ("journalist", "peer", "recruiter"):
        (folder / f"{name}.toml").write_text("weight = nan\n", "utf-8")
    script = f"""
import json
from streamlit.testing.v1 import AppTest
at = AppTest.from_file({APP!r}, default_timeout=30)
at.query_params["lang"] = "fr"
at.run()
first = dict(exc=[e.value for e in at.exception], err=[e.value for e in at.error], warn=[w.value for w in at.sidebar.warning])
at.switch_page("views/profile.py")
at.run()
print(json.dumps(dict(first=first, profile_exc=[e.value for e in at.exception], profile_title=[t.value for t in at.title])))
"""
    # A fresh process: the readers are made once per process, from REGARDS_PERSONAS_DIR.
    return subprocess.run(
        [sys.executable, "-c", script],
        env={**os.environ, "REGARDS_PERSONAS_DIR": str(folder)},
        capture_output=True,
        text=True,
        timeout=120,
    )


BROKEN = Early(_app_with_every_persona_broken)


@pytest.mark.early(BROKEN)
def test_with_every_persona_file_broken_the_app_says_so_and_the_profile_page_still_works():
    result = BROKEN.result()
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["first"]["exc"] == [] and any("Aucun lecteur n'a pu être chargé" in e for e in seen["first"]["err"])
    assert sum("peer.toml" in w or "journalist.toml" in w or "recruiter.toml" in w for w in seen["first"]["warn"]) == 3
    assert seen["profile_exc"] == [] and seen["profile_title"]


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "An example profile could not be loaded: broken.json: 'description' needs a French and an English text"),
        (
            "fr",
            "Un profil d'exemple n'a pas pu être chargé\u202f: broken.json\u202f: 'description' demande un texte en français et"
            " en anglais",
        ),
    ],
)
def test_a_broken_example_profile_is_named_in_the_sidebar_and_the_others_are_offered(tmp_path, monkeypatch, lang, said):
    import functools

    from model import presets as preset_files

    source = Path(__file__).resolve().parent.parent / "data" / "presets"
    for path in source.glob("*.json"):
        (tmp_path / path.name).write_text(path.read_text("utf-8"), "utf-8")
    (tmp_path / "broken.json").write_text(json.dumps({"name": {"fr": "Cassé", "en": "Broken"}, "signals": {}}), "utf-8")
    with monkeypatch.context() as patched:
        patched.setattr(preset_files, "load_presets", functools.partial(preset_files.load_presets, tmp_path))
        preset_files.presets.cache_clear()
        preset_files.preset_problems.cache_clear()
        try:
            at = start(lang=lang)
            at.switch_page("views/profile.py")
            at.run()
        finally:
            preset_files.presets.cache_clear()
            preset_files.preset_problems.cache_clear()
    assert not at.exception
    assert [w.value for w in at.sidebar.warning] == [said]
    offered = at.selectbox(key="preset_choice").options
    assert "Broken" not in offered and "Cassé" not in offered and len(offered) == 1 + len(list(source.glob("*.json")))


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "No reader could be loaded: every persona file has a problem (listed in the sidebar)."),
        ("fr", "Aucun lecteur n'a pu être chargé\u202f: chaque fichier de lecteur a un problème (listé dans la barre latérale)."),
    ],
)
def test_with_every_persona_file_broken_each_page_that_reads_says_so_and_the_profile_page_works(
    tmp_path, monkeypatch, lang, said
):
    """In this process (the readers are made once per process: the cache is cleared before and after)."""
    import streamlit as st

    from model.reader import load_readers
    from ui import readers as ui_readers

    for name in ("journalist", "peer", "recruiter"):
        (tmp_path / f"{name}.toml").write_text("weight = nan\n", "utf-8")
    monkeypatch.setattr(ui_readers, "default_readers", lambda: load_readers(tmp_path))
    st.cache_resource.clear()
    try:
        at = start(lang=lang)
        assert not at.exception
        assert [e.value for e in at.sidebar.error] == [at.main.error[0].value]
        assert at.main.error[0].value.startswith(said)
        warned = [w.value for w in at.sidebar.warning]
        assert len(warned) == 3 and all(any(f"{name}.toml" in w for w in warned) for name in ("journalist", "peer", "recruiter"))
        for page in ("views/compare.py", "views/levers.py"):
            at.switch_page(page)
            at.run()
            assert not at.exception and at.main.error[0].value.startswith(said)
        at.switch_page("views/profile.py")
        at.run()
        assert not at.exception and not at.main.error and at.title[0].value
        at.number_input(key="signal_connections").set_value(1234).run()  # the profile can still be edited
        assert not at.exception and not at.main.error
        assert (
            "connections:1234" in at.query_params["p"] and "reader" not in at.query_params
        )  # was reader=None, and each rerun undid the edit
    finally:
        st.cache_resource.clear()
