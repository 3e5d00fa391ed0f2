"""The chart builders, without a browser: what each chart shows, in which order and colours."""

from __future__ import annotations

import numpy as np

from model.comparison import contribution_table
from model.curves import curve
from model.reading import read, read_all, verdict_of
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


def view(spec: dict) -> dict:
    """The chart's one view, beneath the frame (size, config)."""
    (inner,) = spec["layer"]
    return inner


SEED_EXAMPLE = profile(connections=300, press_contacts=0, company_posts_90d=0, summary_words=150)


def test_bars_are_sorted_by_size_with_the_largest_first(readers):
    reading = read(readers.readers["recruiter/communication"], SEED_EXAMPLE)
    sizes = contributions_frame(reading, "en")["contribution"].abs().tolist()
    assert sizes == sorted(sizes, reverse=True)
    assert contributions_frame(reading, "en")["signal"][0] == "press_contacts"


def test_bars_carry_their_number_and_sentence_in_the_readers_language(readers):
    reading = read(readers.readers["recruiter/communication"], SEED_EXAMPLE)
    spec = contributions_chart(reading, "fr")
    rows = view(spec)["data"]["values"]
    press = next(r for r in rows if r["signal"] == "press_contacts")
    assert press["text"].startswith("\u2212") and press["verdict_text"] == "défavorable"
    assert "contact presse" in press["sentence"]
    colours = view(spec)["layer"][0]["encoding"]["color"]["scale"]["range"]
    assert colours[:2] == [FAVOURABLE_COLOUR, UNFAVOURABLE_COLOUR]


def test_presenter_charts_use_larger_type(readers):
    reading = read(readers.readers["peer"], SEED_EXAMPLE)
    small = contributions_chart(reading, "en")["config"]["axis"]["labelFontSize"]
    big = contributions_chart(reading, "en", big=True)["config"]["axis"]["labelFontSize"]
    assert big > small >= 14


def test_the_spread_beneath_a_shape_counts_every_member_on_the_shapes_axis(readers):
    shape = curve(readers.readers["recruiter"], "connections", 300)
    frame = population_frame(shape)
    assert frame["members"].sum() == sum(min(shape.grid) <= v <= max(shape.grid) for v in shape.population)
    assert frame["x"].min() == min(shape.grid) and frame["x2"].max() == max(shape.grid)
    assert view(population_chart(shape, "en"))["encoding"]["x"]["scale"]["domain"] == [min(shape.grid), max(shape.grid)]


def test_a_yes_no_signal_spreads_members_over_two_bars(readers):
    assert len(population_frame(curve(readers.readers["peer"], "has_photo", True))) == 2


def test_the_shape_marks_where_you_are(readers):
    shape = curve(readers.readers["journalist"], "press_contacts", 12)
    spec = shape_chart(shape, "fr")
    texts = [r for layer in _layers(spec) for r in layer.get("data", {}).get("values", []) if r.get("text") == "vous êtes ici"]
    assert texts
    assert all(
        t == {"x": 12.0, "contribution": round(shape.here, 4), "verdict": verdict_of(shape.here), "text": "vous êtes ici"}
        for t in texts
    )


def test_the_heatmap_writes_every_cells_number(readers):
    readings = read_all(readers, profile(connections=180, controversial_share=0.5))
    names = {r.key: r.reader.name("en") for r in readings}
    rows = [{**row, "reader_name": names[row["reader"]]} for row in contribution_table(readings)]
    spec = heatmap(rows, "en")
    data = view(spec)["data"]["values"]
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


def _layers(spec: dict) -> list[dict]:
    """Every layer of a spec, nested ones included."""
    found = []
    for layer in spec.get("layer", []):
        found.append(layer)
        found.extend(_layers(layer))
    return found


def test_a_yes_no_signal_is_drawn_as_two_bars_not_a_line(readers):
    spec = shape_chart(curve(readers.readers["recruiter"], "has_photo", False), "en")
    bars = [layer for layer in _layers(spec) if layer.get("mark", {}).get("type") == "bar"]
    assert bars and not [layer for layer in _layers(spec) if layer.get("mark", {}).get("type") == "line"]
    assert [row["x"] for row in view(spec)["data"]["values"]] == ["no", "yes"]
    assert view(spec)["encoding"]["x"]["type"] == "nominal"
    spread = population_chart(curve(readers.readers["recruiter"], "has_photo", False), "fr")
    assert [row["x"] for row in view(spread)["data"]["values"]] == ["non", "oui"]


def test_every_contribution_axis_has_a_zero_tick(readers):
    reading = read(readers.readers["recruiter/communication"], SEED_EXAMPLE)
    bars = view(contributions_chart(reading, "en"))["layer"][0]["encoding"]["x"]["axis"]["values"]
    assert 0 in bars
    for name in ("connections", "summary_words", "has_photo", "controversial_share"):
        shape = shape_chart(curve(readers.readers["peer"], name, 1 if name == "has_photo" else 50), "en")
        axis = next(
            layer["encoding"]["y"]["axis"] for layer in _layers(shape) if "axis" in layer.get("encoding", {}).get("y", {})
        )
        assert 0 in axis["values"]


def test_contribution_axes_speak_in_words_and_keep_the_exact_figure_in_the_tooltip(readers):
    reading = read(readers.readers["peer"], SEED_EXAMPLE)
    spec = contributions_chart(reading, "fr")
    axis = view(spec)["layer"][0]["encoding"]["x"]["axis"]
    assert "log" not in axis["title"] and "attend" in axis["title"]
    exact = next(tip for tip in view(spec)["encoding"]["tooltip"] if tip["field"] == "contribution")
    assert exact["format"] == "+.2f" and "log" in exact["title"]


def test_numbers_on_french_charts_use_french_separators(readers):
    reading = read(readers.readers["peer"], SEED_EXAMPLE)
    locale = contributions_chart(reading, "fr")["config"]["locale"]["number"]
    assert locale["decimal"] == "," and locale["thousands"] == "\u202f" and locale["minus"] == "\u2212"
    assert contributions_chart(reading, "en")["config"]["locale"]["number"]["decimal"] == "."


def test_one_colour_per_verdict_on_every_chart(readers):
    readings = read_all(readers, profile(connections=180, controversial_share=0.5))
    names = {r.key: r.reader.name("en") for r in readings}
    rows = [{**row, "reader_name": names[row["reader"]]} for row in contribution_table(readings)]
    shape = curve(readers.readers["peer"], "connections", 300)
    specs = [contributions_chart(readings[0], "en"), heatmap(rows, "en"), shape_chart(shape, "en")]
    scales = [
        layer["encoding"]["color"]["scale"]
        for spec in specs
        for layer in _layers(spec)
        if "scale" in layer.get("encoding", {}).get("color", {})
    ]
    assert len(scales) == 3
    assert all(scale == scales[0] for scale in scales)
    assert scales[0]["range"][:2] == [FAVOURABLE_COLOUR, UNFAVOURABLE_COLOUR]


def test_the_heatmaps_wrapped_header_sits_above_the_first_row(readers):
    readings = read_all(readers, profile())
    names = {r.key: r.reader.name("en") for r in readings}
    rows = [{**row, "reader_name": names[row["reader"]]} for row in contribution_table(readings)]
    axis = view(heatmap(rows, "en"))["encoding"]["x"]["axis"]
    assert axis["orient"] == "top" and axis["labelBaseline"] == "bottom"
    assert axis["labelPadding"] >= axis["labelLineHeight"]


def test_specs_are_plain_json(readers):
    import json

    reading = read(readers.readers["peer"], SEED_EXAMPLE)
    shape = curve(readers.readers["peer"], "connections", 300)
    for spec in (contributions_chart(reading, "fr"), shape_chart(shape, "fr"), population_chart(shape, "fr")):
        assert json.loads(json.dumps(spec)) == spec
        assert "data" not in spec, "a top-level data set is converted to Arrow by Streamlit on every rerun"
