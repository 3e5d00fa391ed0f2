"""Slow work done in other processes, started as soon as the tests that need it are collected.

Type-checking the code, building and installing the wheel, tracing a report's system calls: each
is a child process that takes seconds and needs nothing from the tests before it. Queued when
the session has collected its tests (`conftest.pytest_collection_finish`, for the selected tests
marked `@pytest.mark.early(work)`, in the order the tests will ask for them), they run one at a
time in a background thread: on the machine's other core while the rest of the suite runs on
one, and the test that needs a result waits only for what is left. Run alone, a test queues its
work itself.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class Early(Generic[T]):
    """`work()` run once in the background thread; `result()` waits for it and re-raises its error."""

    _queue: queue.SimpleQueue[Early[Any]] = queue.SimpleQueue()
    _worker: threading.Thread | None = None
    _lock = threading.Lock()

    def __init__(self, work: Callable[[], T]) -> None:
        self._work = work
        self._queued = False
        self._began = False
        self._done = threading.Event()
        self._value: T | None = None
        self._error: BaseException | None = None

    def start(self) -> None:
        with Early._lock:
            if self._queued:
                return
            self._queued = True
            Early._queue.put(self)
            if Early._worker is None:
                Early._worker = threading.Thread(target=Early._drain, name="early", daemon=True)
                Early._worker.start()

    def result(self) -> T:
        if threading.current_thread() is Early._worker and not self._done.is_set():
            self._run()  # asked for by another piece of work: done here, or the queue would wait on itself
        self.start()
        self._done.wait()
        if self._error is not None:
            raise self._error
        assert self._value is not None
        return self._value

    @staticmethod
    def _drain() -> None:
        while True:
            Early._queue.get()._run()

    def _run(self) -> None:
        with Early._lock:
            if self._began:
                return
            self._began = True
        try:
            self._value = self._work()
        except BaseException as error:  # noqa: BLE001 - handed to the test that asks for the result
            self._error = error
        finally:
            self._done.set()
