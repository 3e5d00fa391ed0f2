"""Session state: the person's profile, reader, language and mode, kept in step with the URL.

The profile lives only in this session (never cached across sessions, never written). The
URL's query parameters carry the view, so a link reopens it and the back button steps back
through it: a URL we did not write ourselves (a link, a back or forward step) is loaded; our
own changes are written to it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final, TypedDict, TypeVar, cast

import streamlit as st

from model.errors import InputError
from model.presets import presets
from model.profile import Profile, from_signals
from model.signals import NAMES, SIGNALS, Value, unknown_signal
from words.i18n import Lang

if TYPE_CHECKING:  # the schema's types only: this module imports no more at run time
    from streamlit.runtime.uploaded_file_manager import UploadedFile

    from model.reader import Reader
    from model.reading import Verdict
    from model.workshop.room import Room
    from model.workshop.store import Role, Scale

DEFAULT_PRESET = "comms_manager"
DEFAULT_READER = "recruiter/communication"
LANG: Final = "lang"
READER: Final = "reader"
PRESENTER: Final = "presenter"
SIGNALS_KEY: Final = "signals"
PRESET: Final = "preset"
PRESET_CHOICE: Final = "preset_choice"
PROFILE_IN_URL: Final = "profile_in_url"
"""Whether the page's address carries the profile (for sharing and the back button). Off after
an import: an export's counts stay in the session, not in browser history or copied links."""
URL_WRITTEN: Final = "_url_written"
CHARTS: Final = "_charts"
CHARTS_KEPT = 24
BEFORE_CHANGE: Final = "_before_change"
EDITOR_PROBLEMS: Final = "_editor_problems"
FOCUS_IMPORT: Final = "_focus_import"
UPLOAD: Final = "upload"
UPLOAD_PROBLEM: Final = "upload_problem"
UPLOAD_LOADED: Final = "upload_loaded"
JUDGEMENTS_UPLOAD: Final = "judgements_upload"
JUDGEMENTS_PROBLEM: Final = "judgements_problem"
LEARNED: Final = "learned_readers"
LEVERS_ALSO: Final = "levers_also"
LEVERS_TARGET: Final = "levers_target"
LEVERS_APPLIED: Final = "levers_applied"
LINKEDIN_SUMMARY: Final = "linkedin_summary"
LINKEDIN_PROBLEM: Final = "linkedin_problem"
LINKEDIN_GENERATION: Final = "linkedin_uploader_generation"
LINKEDIN_PENDING: Final = "linkedin_pending"
LINKEDIN_UNDO: Final = "linkedin_undo_signals"
LINKEDIN_UNDONE: Final = "linkedin_undone"
JOIN_AT: Final = "join_at"
JOIN_PROBLEM: Final = "join_problem"
WORKSHOP_ROOMS: Final = "workshop_rooms"
WORKSHOP_PROBLEM: Final = "workshop_problem"
WORKSHOP_ENDED: Final = "workshop_ended"
WORKSHOP_READER: Final = "workshop_reader"
WORKSHOP_PROFILES: Final = "workshop_profiles"
WORKSHOP_LANG: Final = "workshop_lang"
WORKSHOP_SCALE: Final = "workshop_scale"
WORKSHOP_DAYS: Final = "workshop_days"
REPORT_FORMAT: Final = "report_format"
PRESENTER_START: Final = "_presenter_start"
URL_PROBLEM: Final = "_url_problem"
LEVERS_BUDGET: Final = "levers_budget"
LEVERS_TRADE_OFFS: Final = "levers_trade_offs"
LEVERS_FIXED: Final = "levers_fixed"
SHAPE_SIGNAL: Final = "shape_signal"
JOIN_CODE: Final = "join_code"
JOIN_ROLE: Final = "join_role"
WORKSHOP_ROLE: Final = "workshop_role"
# Buttons: True on the rerun a click causes.
BUTTON_LINKEDIN_SAMPLE: Final = "linkedin_sample"
BUTTON_LINKEDIN_SEE_READING: Final = "linkedin_see_reading"
BUTTON_LINKEDIN_UNDO: Final = "linkedin_undo"
BUTTON_LINKEDIN_APPLY: Final = "linkedin_apply"
BUTTON_LINKEDIN_CANCEL: Final = "linkedin_cancel"
BUTTON_LEVERS_APPLY: Final = "levers_apply"
BUTTON_LEVERS_UNDO: Final = "levers_undo"
BUTTON_WORKSHOP_REVEAL: Final = "workshop_reveal"
BUTTON_WORKSHOP_KEEP: Final = "workshop_keep"
BUTTON_WORKSHOP_CSV: Final = "workshop_csv"
BUTTON_WORKSHOP_PERSONA: Final = "workshop_persona"
BUTTON_WORKSHOP_END: Final = "workshop_end"
BUTTON_REPORT_DOWNLOAD: Final = "report_download"
BUTTON_EXAMPLE_ENTER: Final = "example_enter"
BUTTON_EXAMPLE_IMPORT: Final = "example_import"
BUTTON_BACK_TO_TEXTBOOK: Final = "back_to_textbook"
BUTTON_JOIN_CHANGE: Final = "join_change"
BUTTON_JOIN_BACK: Final = "join_back"
BUTTON_RESET: Final = "reset"
BUTTON_DOWNLOAD: Final = "download"
# Containers' keys name a CSS class (st-key-…); they hold no state.
BOX_EXAMPLE_NOTICE = "example_notice"
BOX_REGARDS_FACTS = "regards-facts"
BOX_LIVE_READING = "live_reading"
T = TypeVar("T")


class BeforeChange(TypedDict):
    """The reading as it was just before a change (`remember_reading`)."""

    reader: str
    probability: float
    contributions: dict[str, float]
    verdicts: dict[str, Verdict]


class LeversApplied(TypedDict):
    """A plan applied on the what-to-change page: the profile before it, and the odds it moved."""

    signals: dict[str, Value]
    preset: str | None
    before: dict[str, float]
    after: dict[str, float]


class LinkedinPending(TypedDict):
    """An import read but not yet applied: the signals found, and what the import found, as JSON."""

    signals: dict[str, Value]
    summary: dict[str, Any]


class Schema(TypedDict, total=False):
    """Every key this app keeps in a session, with its type: one place to read what a session
    holds (keys made per item aside, by the functions below: the editor's `signal_<name>` and
    `never_<name>`, the import's uploader, a participant's answer buttons)."""

    lang: Lang
    reader: str
    presenter: bool
    signals: dict[str, Value]
    preset: str | None
    preset_choice: str
    profile_in_url: bool
    _url_written: dict[str, str]
    _charts: dict[tuple[object, ...], object]
    _before_change: BeforeChange
    _editor_problems: dict[str, str]
    _focus_import: bool
    upload: UploadedFile | None
    upload_problem: InputError
    upload_loaded: str
    judgements_upload: UploadedFile | None
    judgements_problem: InputError
    learned_readers: dict[str, Reader]
    levers_also: list[str]
    levers_target: float
    levers_applied: LeversApplied
    linkedin_summary: dict[str, Any]
    linkedin_problem: InputError
    linkedin_uploader_generation: int
    linkedin_pending: LinkedinPending
    linkedin_undo_signals: tuple[dict[str, Value], str | None, bool]
    linkedin_undone: bool
    join_at: int | None
    join_problem: str
    workshop_rooms: dict[tuple[str, Role | None], Room]
    workshop_problem: str
    workshop_ended: bool
    workshop_reader: str
    workshop_profiles: int
    workshop_lang: Lang
    workshop_scale: Scale
    workshop_days: int
    report_format: str
    _presenter_start: bool
    _url_problem: InputError
    levers_budget: float
    levers_trade_offs: bool
    levers_fixed: list[str]
    shape_signal: str
    join_code: str
    join_role: str
    workshop_role: str
    linkedin_sample: bool
    linkedin_see_reading: bool
    linkedin_undo: bool
    linkedin_apply: bool
    linkedin_cancel: bool
    levers_apply: bool
    levers_undo: bool
    workshop_reveal: bool
    workshop_keep: bool
    workshop_csv: bool
    workshop_persona: bool
    workshop_end: bool
    report_download: bool
    example_enter: bool
    example_import: bool
    back_to_textbook: bool
    join_change: bool
    join_back: bool
    reset: bool
    download: bool


def session() -> Schema:
    """This session's state, typed by `Schema`: read and write the schema's keys through it
    (`session()[READER]`), so each key's type is checked. The keys made per item below are
    outside the schema and stay on `st.session_state`.

    The same object as `st.session_state` (a mutable mapping: `[]`, `in`, `get`, `pop`,
    `setdefault`, `del` all work at run time); only its static type differs."""
    return cast(Schema, st.session_state)


def widget_key(name: str) -> str:
    return f"signal_{name}"


def linkedin_upload_key(generation: int) -> str:
    """The import's uploader, renewed after each upload so the archive's bytes are dropped."""
    return f"linkedin_zip_{generation}"


def vote_key(answer: int, at: int) -> str:
    """A participant's answer button for the profile at `at` (yes 1, no 0, or 1 to 5)."""
    return f"join_answer_{answer}_{at}"


def evidence_box(evidence_id: str) -> str:
    """A piece of evidence's container on the sources page (a CSS class, no state)."""
    return f"evidence_{evidence_id}"


def never_key(name: str) -> str:
    return f"never_{name}"


def init(reader_keys: list[str]) -> None:
    """Set session defaults once, then load the URL when it is not the one we wrote."""
    if LANG not in session():
        session()[LANG] = _browser_lang()
        session()[READER] = DEFAULT_READER if DEFAULT_READER in reader_keys else next(iter(reader_keys), "")
        session()[PRESENTER] = False
        default = presets().get(DEFAULT_PRESET)
        set_signals(dict(default.profile.to_json()["signals"]) if default else {}, DEFAULT_PRESET if default else None)
    url = {k: st.query_params[k] for k in st.query_params}
    if url and url != session().get(URL_WRITTEN):
        _load_url(url, reader_keys)
    if session()[READER] not in reader_keys:
        session()[READER] = next(iter(reader_keys), "")


def _browser_lang() -> Lang:
    locale = getattr(st.context, "locale", None) or ""
    return "fr" if str(locale).lower().startswith("fr") else "en"


def lang() -> Lang:
    return "fr" if session()[LANG] == "fr" else "en"


def presenting() -> bool:
    return bool(session()[PRESENTER])


def signals() -> dict[str, Value]:
    """The signals the person gave (the rest are assumed typical)."""
    given: dict[str, Value] = session()[SIGNALS_KEY]
    return given


def profile() -> Profile:
    return from_signals(signals())


def set_signals(values: dict[str, Value], preset: str | None = None) -> None:
    """Replace the profile and the editor's widgets with `values`."""
    full = from_signals(values)
    session()[SIGNALS_KEY] = {name: full.values[name] for name in NAMES if name in values}
    session()[PRESET] = preset
    session()[PRESET_CHOICE] = preset or ""
    for name in NAMES:
        value = full.values[name]
        if SIGNALS[name].nullable:
            st.session_state[never_key(name)] = value is None
        st.session_state[widget_key(name)] = to_widget(name, value)


def restore_widgets() -> None:
    """Streamlit forgets a widget's value while its page is not shown: put the profile back."""
    full = profile()
    session().setdefault(PRESET_CHOICE, session()[PRESET] or "")
    for name in NAMES:
        value = full.values[name]
        if SIGNALS[name].nullable and never_key(name) not in st.session_state:
            st.session_state[never_key(name)] = value is None
        if widget_key(name) not in st.session_state:
            st.session_state[widget_key(name)] = to_widget(name, value)


def to_widget(name: str, value: Value) -> Value:
    """A signal's value as its editor widget holds it: shares as whole percentages, never as 0."""
    if value is None:
        return 0
    return round(float(value) * 100) if SIGNALS[name].type == "share" else value


def from_widget(name: str, value: Value) -> Value:
    """The inverse of `to_widget` (the never-active box is read apart)."""
    return round(float(value or 0) / 100, 2) if SIGNALS[name].type == "share" else value


def set_signal(name: str, value: Value) -> None:
    """One signal changed in the editor."""
    checked = SIGNALS[name].validate(value)
    session()[SIGNALS_KEY] = {**signals(), name: checked}
    session()[PRESET] = None
    session()[PRESET_CHOICE] = ""


def unset_signal(name: str) -> None:
    """A field emptied in the editor: the signal is no longer given and takes the typical value, marked as assumed."""
    session()[SIGNALS_KEY] = {k: v for k, v in signals().items() if k != name}
    session()[PRESET] = None
    session()[PRESET_CHOICE] = ""


def encode_signals(values: dict[str, Value]) -> str:
    """Signals as a compact, readable query value: connections:300;has_photo:1;…"""

    def text(value: Value) -> str:
        if value is None:
            return "null"
        if isinstance(value, bool):
            return "1" if value else "0"
        return repr(value) if isinstance(value, float) else str(value)  # repr: the exact float back

    return ";".join(f"{name}:{text(values[name])}" for name in NAMES if name in values)


def decode_signals(text: str) -> dict[str, Value]:
    """The inverse of `encode_signals`; an InputError for anything it cannot read."""
    values: dict[str, Value] = {}
    for part in filter(None, text.split(";")):
        name, _, raw = part.partition(":")
        if name not in SIGNALS:
            raise unknown_signal(name)
        values[name] = _parse(name, raw)
    from_signals(values)
    return values


def _parse(name: str, raw: str) -> Value:
    signal = SIGNALS[name]
    if raw == "null":
        return None
    if signal.type == "bool":
        return raw == "1"
    try:
        number = float(raw)
    except ValueError:
        raise InputError("link.not_a_number", label=signal.label, shown=raw) from None
    return int(number) if signal.is_integer and number.is_integer() else number


def _load_url(url: dict[str, str], reader_keys: list[str]) -> None:
    if url.get("lang") in ("fr", "en"):
        session()[LANG] = "fr" if url["lang"] == "fr" else "en"
    if url.get("reader") in reader_keys:
        session()[READER] = url["reader"]
    presenting = url.get("presenter") == "1"
    if presenting and not session()[PRESENTER]:
        session()[PRESENTER_START] = True
    session()[PRESENTER] = presenting
    if "p" in url:
        try:
            values = decode_signals(url["p"])
        except InputError as error:
            session()[URL_PROBLEM] = error
        else:
            preset = url.get("preset") if url.get("preset") in presets() else None
            set_signals(values, preset)
    elif url.get("preset") in presets():
        # An example named without its values (the address leaves the profile out): the example's own.
        name = url["preset"]
        set_signals(dict(presets()[name].profile.to_json()["signals"]), name)


def url_state() -> dict[str, str]:
    """The view as query parameters; the profile only when the person keeps it in the address."""
    state: dict[str, str] = {"lang": lang()}
    if session()[READER]:  # none when no reader could be loaded
        state["reader"] = session()[READER]
    if session().get(PROFILE_IN_URL, True):
        state["p"] = encode_signals(signals())
    if preset := session()[PRESET]:
        state["preset"] = preset
    if session()[PRESENTER]:
        state["presenter"] = "1"
    return state


def write_url() -> None:
    """Write the view to the URL when it changed (each change is a step for the back button)."""
    state = url_state()
    current = {k: st.query_params[k] for k in st.query_params}
    if state != current:
        st.query_params.from_dict(state)
    session()[URL_WRITTEN] = state


def start_presenting() -> None:
    """Presenter mode was just switched on: the side-by-side view comes first."""
    session()[PRESENTER_START] = bool(session()[PRESENTER])


def take_presenter_start() -> bool:
    return bool(session().pop(PRESENTER_START, False))


def take_url_problem() -> InputError | None:
    return session().pop(URL_PROBLEM, None)


def cached_chart(kind: str, key: tuple[Any, ...], build: Callable[[], T]) -> T:
    """A chart spec kept in this session: a rerun that changed nothing for a chart does not rebuild it.

    `key` names what the chart depends on (reader, profile values, language, presenter mode);
    only the last few specs are kept, and only in this session (they carry the profile)."""
    cache = session().setdefault(CHARTS, {})
    full = (kind, *key)
    if full in cache:
        cache[full] = cache.pop(full)  # most recently used last
        return cast(T, cache[full])  # the spec `build` made for this key
    value = build()
    cache[full] = value
    while len(cache) > CHARTS_KEPT:
        cache.pop(next(iter(cache)))
    return value


def profile_key() -> tuple[tuple[str, Value], ...]:
    """The profile's given values as a hashable key."""
    return tuple(sorted(signals().items()))
