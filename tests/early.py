"""Slow work done in other processes, started as soon as the tests that need it are collected.

Type-checking the code, building and installing the wheel, tracing a report's system calls: each
is a child process that takes seconds and needs nothing from the tests before it. Started in a
thread when the session has collected its tests (`conftest.pytest_collection_finish`, for
the selected tests marked `@pytest.mark.early(work)`), it runs on the machine's other core while the rest
of the suite runs, and the test that needs it waits for what is left. Run alone, a test starts
its work itself.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Early(Generic[T]):
    """`work()` run once, in a background thread; `result()` waits for it and re-raises its error."""

    def __init__(self, work: Callable[[], T]) -> None:
        self._work = work
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._thread: threading.Thread | None = None
        self._value: T | None = None
        self._error: BaseException | None = None

    def start(self) -> None:
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="early", daemon=True)
                self._thread.start()

    def result(self) -> T:
        self.start()
        self._done.wait()
        if self._error is not None:
            raise self._error
        assert self._value is not None
        return self._value

    def _run(self) -> None:
        try:
            self._value = self._work()
        except BaseException as error:  # noqa: BLE001 - handed to the test that asks for the result
            self._error = error
        finally:
            self._done.set()
