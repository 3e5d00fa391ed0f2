"""The load benchmark's client against a real server: one session, three changes of each kind."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from benchmarks.bench_load import APP, Server, run_phase, serve

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    with serve(APP) as running:
        yield running


@pytest.mark.parametrize("kind", ["profile", "reading"])
def test_a_websocket_session_changes_the_app_and_times_each_rerun(server, kind):
    phase = run_phase(server, 1, duration=0, changes=3, seed=7, kinds=(kind,), think=(0.0, 0.05))
    assert phase.changes == 3
    assert all(0 < seconds < 30 for seconds in phase.latencies)
    assert phase.server_cpu > 0
