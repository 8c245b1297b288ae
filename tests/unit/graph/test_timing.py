"""The database time of a request: kept only inside a scope, added up across calls and threads."""

from __future__ import annotations

import contextvars
import threading
import time

from graph import timing


def test_outside_a_scope_nothing_is_kept() -> None:
    with timing.clock():
        time.sleep(0.001)  # no error, nothing to add to


def test_calls_in_a_scope_add_up_in_this_thread_and_in_a_worker_thread_with_its_context() -> None:
    with timing.measured() as spent:
        with timing.clock():
            time.sleep(0.01)
        ctx = contextvars.copy_context()  # as anyio's to_thread and Starlette's threadpool run a sync route
        worker = threading.Thread(target=ctx.run, args=(lambda: _timed(0.01),))
        worker.start()
        worker.join()
    assert 0.02 <= spent[0] < 1
    with timing.measured() as again:  # a new request starts from zero
        pass
    assert again == [0.0]


def _timed(seconds: float) -> None:
    with timing.clock():
        time.sleep(seconds)
