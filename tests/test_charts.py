"""The chart builders, without a browser: what each chart shows, in which order and colours."""

from __future__ import annotations

import numpy as np

from model.comparison import contribution_table
from model.curves import curve
from model.reading import read, read_all
from tests.conftest import profile
from ui.charts import (
    FAVOURABLE_COLOUR,
    UNFAVOURABLE_COLOUR,
    contributions_chart,
    contributions_frame,
    heatmap,
    population_above,
    population_below,
    population_chart,
    population_frame,
    shape_chart,
)

SEED_EXAMPLE = profile(connections=300, press_contacts=0, company_posts_90d=0, summary_words=150)


def test_bars_are_sorted_by_size_with_the_largest_first(readers):
    reading = read(readers.readers["recruiter/communication"], SEED_EXAMPLE)
    sizes = contributions_frame(reading, "en")["contribution"].abs().tolist()
    assert sizes == sorted(sizes, reverse=True)
    assert contributions_frame(reading, "en")["signal"][0] == "press_contacts"


def test_bars_carry_their_number_and_sentence_in_the_readers_language(readers):
    reading = read(readers.readers["recruiter/communication"], SEED_EXAMPLE)
    spec = contributions_chart(reading, "fr").to_dict()
    rows = next(iter(spec["datasets"].values()))
    press = next(r for r in rows if r["signal"] == "press_contacts")
    assert press["text"].startswith("\u2212") and press["verdict_text"] == "défavorable"
    assert "contact presse" in press["sentence"]
    colours = spec["layer"][0]["encoding"]["color"]["scale"]["range"]
    assert colours[:2] == [FAVOURABLE_COLOUR, UNFAVOURABLE_COLOUR]


def test_presenter_charts_use_larger_type(readers):
    reading = read(readers.readers["peer"], SEED_EXAMPLE)
    small = contributions_chart(reading, "en").to_dict()["config"]["axis"]["labelFontSize"]
    big = contributions_chart(reading, "en", big=True).to_dict()["config"]["axis"]["labelFontSize"]
    assert big > small


def test_the_spread_beneath_a_shape_counts_every_member_on_the_shapes_axis(readers):
    shape = curve(readers.readers["recruiter"], "connections", 300)
    frame = population_frame(shape)
    assert frame["members"].sum() == sum(min(shape.grid) <= v <= max(shape.grid) for v in shape.population)
    assert frame["x"].min() == min(shape.grid) and frame["x2"].max() == max(shape.grid)
    assert population_chart(shape, "en").to_dict()["encoding"]["x"]["scale"]["domain"] == [min(shape.grid), max(shape.grid)]


def test_a_yes_no_signal_spreads_members_over_two_bars(readers):
    assert len(population_frame(curve(readers.readers["peer"], "has_photo", True))) == 2


def test_the_shape_marks_where_you_are(readers):
    shape = curve(readers.readers["journalist"], "press_contacts", 12)
    spec = shape_chart(shape, "fr").to_dict()
    texts = [r for rows in spec["datasets"].values() for r in rows if r.get("text") == "vous êtes ici"]
    assert texts == [{"x": 12.0, "contribution": shape.here, "text": "vous êtes ici"}]


def test_the_heatmap_writes_every_cells_number(readers):
    readings = read_all(readers, profile(connections=180, controversial_share=0.5))
    names = {r.key: r.reader.name("en") for r in readings}
    rows = [{**row, "reader_name": names[row["reader"]]} for row in contribution_table(readings)]
    spec = heatmap(rows, "en").to_dict()
    data = next(iter(spec["datasets"].values()))
    assert len(data) == len(rows)
    polarising = {r["reader_name"]: r["text"] for r in data if r["signal"] == "controversial_share"}
    assert polarising["Journalist"] == "\u22122.0" and polarising["Peer"] == "\u22121.5"
    network = {r["reader_name"]: r["text"] for r in data if r["signal"] == "connections"}
    assert network["Peer"].startswith("+") and network["Recruiter — Communications role"].startswith("\u2212")


def test_the_spread_in_words_splits_members_around_the_person(readers):
    shape = curve(readers.readers["recruiter"], "connections", 300)
    below, above = population_below(shape), population_above(shape)
    assert 0 < below < 1 and 0 < above < 1 and below + above <= 1
    assert population_below(curve(readers.readers["recruiter"], "connections", 0)) == 0


def test_a_shape_crosses_zero_where_the_reader_expects(readers):
    reader = readers.readers["recruiter"]
    shape = curve(reader, "summary_words", 150)
    assert shape.expects == reader.readings["summary_words"].expects
    assert float(reader.contribution("summary_words", np.array([shape.expects]))[0]) == 0


def test_bars_leave_out_what_the_reader_ignores(readers):
    reader = readers.readers["journalist"]
    ignored = [name for name in reader.readings if reader.ignores(name)]
    assert ignored
    assert not set(ignored) & set(contributions_frame(read(reader, SEED_EXAMPLE), "en")["signal"])
