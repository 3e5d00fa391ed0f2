"""Who counts as a press contact: the eight-language lexicon on its labelled set and on its rules."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from model.linkedin import press
from model.linkedin.press import is_press

LABELLED = Path(__file__).parent / "data" / "press_labelled.csv"
HELDOUT = Path(__file__).parent / "data" / "press_heldout.csv"
LANGUAGES = ("fr", "en", "es", "pt", "de", "it", "nl", "sv")
GOAL = 0.95


def _read(path: Path) -> pd.DataFrame:
    rows = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    rows["press"] = rows["press"].map({"1": True, "0": False})
    rows["found"] = is_press(rows["title"], rows["company"]).to_numpy()
    return rows


@pytest.fixture(scope="module")
def labelled() -> pd.DataFrame:
    return _read(LABELLED)


@pytest.fixture(scope="module")
def heldout() -> pd.DataFrame:
    return _read(HELDOUT)


def _press(position: str, company: str = "") -> bool:
    return bool(is_press(pd.Series([position]), pd.Series([company])).iloc[0])


def test_the_labelled_set_holds_400_rows_in_eight_languages_half_of_them_hard_negatives(labelled):
    assert list(labelled.columns[:4]) == ["language", "title", "company", "press"]
    assert len(labelled) >= 400 and labelled["press"].notna().all()
    counts = labelled.groupby(["language", "press"]).size()
    assert all(counts[(language, press)] >= 25 for language in LANGUAGES for press in (True, False))
    assert set(labelled["language"]) == set(LANGUAGES)
    assert (~labelled["press"]).mean() >= 0.45
    assert (labelled.loc[~labelled["press"], "note"] != "").all(), "each hard negative says why it is hard"
    assert not labelled.duplicated(["language", "title", "company"]).any()


@pytest.mark.parametrize("language", LANGUAGES)
def test_precision_and_recall_reach_the_goal_in_each_language(labelled, language):
    rows = labelled[labelled["language"] == language]
    hits = (rows["press"] & rows["found"]).sum()
    precision, recall = hits / rows["found"].sum(), hits / rows["press"].sum()
    misread = rows.loc[rows["press"] != rows["found"], ["title", "company", "press"]].to_dict("records")
    assert precision >= GOAL and recall >= GOAL, f"{language}: precision {precision:.3f}, recall {recall:.3f}, {misread}"


def test_the_held_out_rows_are_none_of_the_labelled_ones(labelled, heldout):
    assert set(heldout["language"]) == set(LANGUAGES) and heldout["press"].notna().all()
    key = ["language", "title", "company"]
    assert heldout.merge(labelled[key], on=key).empty


def test_the_rules_keep_generalising_to_the_held_out_rows(heldout):
    """A loose guard against rules fitted to the labelled set (never tune on these rows)."""
    hits = (heldout["press"] & heldout["found"]).sum()
    assert hits / heldout["found"].sum() >= 0.9 and hits / heldout["press"].sum() >= 0.9


@pytest.mark.parametrize(
    ("position", "company"),
    [
        ("Sportreporter", "Acme GmbH"),
        ("Nachrichtenredakteurin", ""),
        ("Chefredaktör", ""),
        ("nieuwsredacteur", ""),
        ("Pressesprecherin", "Stadtwerke Kiel"),
        ("Pressekreterare", "Region Uppsala"),
        ("Periodista", ""),
        ("Responsable de Difusión y Prensa", "Universidad de Oviedo"),
        ("Assessor de imprensa", "Prefeitura de Curitiba"),
        ("Addetto stampa", "Comune di Torino"),
        ("Verslaggever", ""),
        ("Giornalista", ""),
    ],
)
def test_a_press_title_counts_whatever_the_company(position, company):
    assert _press(position, company)


@pytest.mark.parametrize(
    ("position", "company"),
    [
        ("Recruiter", "The New York Times"),
        ("Data Scientist", "The Guardian"),
        ("Contable", "El País"),
        ("Softwareentwickler", "Der Spiegel"),
        ("Säljare annonser", "Aftonbladet"),
        ("Video editor", "BBC"),
    ],
)
def test_a_clearly_non_press_title_at_a_newsroom_does_not_count(position, company):
    assert not _press(position, company)


@pytest.mark.parametrize(("position", "company"), [("Chef de projet", "Le Monde"), ("Producer", "CNN"), ("", "NRC")])
def test_a_neutral_title_at_a_newsroom_counts(position, company):
    assert _press(position, company)


@pytest.mark.parametrize(
    ("position", "company", "press"),
    [
        ("Editor", "The Atlantic", True),
        ("Editor", "Elsevier", False),
        ("Multimedia Editor", "Ubisoft", False),
        ("News editor", "", True),
        ("Editor de noticias", "", True),
        ("Editor de vídeo", "", False),
        ("Medical record editor", "", False),
        ("Editora", "Editorial Planeta", False),
    ],
)
def test_an_editor_is_press_at_a_newsroom_or_with_a_news_qualifier(position, company, press):
    assert _press(position, company) is press


@pytest.mark.parametrize(
    ("company", "press"),
    [
        ("BBC", True),
        ("BBC News", True),
        ("BBC News Brasil", True),
        ("bbc-news", True),
        ("BBC Carreira & RH", False),
        ("RTS", True),
        ("RTS Manpower Solutions", False),
        ("La Croix", True),
        ("La Croix-Rouge française", False),
        ("Stern", True),
        ("Stern-Apotheke", False),
        ("Xinhua News Agency", True),
        ("Yonhap News Agency", True),
        ("Agencia de Noticias Andina", True),
        ("Frankfurter Allgemeine Zeitung", True),
        ("Norrköpings Tidningar", True),
        ("Helsingborgs Dagblad", True),
        ("Corriere della Sera", True),
        ("Corriere Espresso Nord", False),
        ("Pressbyrån", False),
        ("Radio France", True),
        ("Radio Frequency Systems", False),
        ("The Irish Times", True),
        ("Happy Times", False),
        ("Diario de Sevilla", True),
        ("Diario Verde Restaurante", False),
    ],
)
def test_a_newsroom_is_the_whole_company_name_never_part_of_another(company, press):
    assert _press("Project manager", company) is press


def test_few_and_many_distinct_texts_are_matched_alike(labelled, monkeypatch):
    """Python's re serves small networks, pandas' string methods large ones: same answers."""
    monkeypatch.setattr(press, "SMALL", 0)
    assert (is_press(labelled["title"], labelled["company"]).to_numpy() == labelled["found"].to_numpy()).all()


def test_every_listed_newsroom_reads_as_a_newsroom():
    names = pd.Series(press.NEWSROOMS)
    found = is_press(pd.Series("Project manager", index=names.index), names)
    assert found.all(), names[~found].tolist()


def test_missing_values_are_not_press_and_the_index_is_kept():
    index = pd.Index([10, 20, 30])
    result = is_press(pd.Series(["Journalist", None, None], index=index), pd.Series([None, None, "Le Monde"], index=index))
    assert result.index.equals(index)
    assert result.tolist() == [True, False, True]


def test_thirty_thousand_connections_are_matched_in_well_under_a_second(labelled):
    """Loose on purpose (shared machines); benchmarks/bench_press.py prints the real figure."""
    pick = np.random.default_rng(0).integers(0, len(labelled), 30_000)
    positions = labelled["title"].iloc[pick].reset_index(drop=True) + pd.Series(range(30_000)).astype(str).radd(" #")
    companies = labelled["company"].iloc[pick].reset_index(drop=True)
    start = time.perf_counter()
    is_press(positions, companies)
    assert time.perf_counter() - start < 1.0
