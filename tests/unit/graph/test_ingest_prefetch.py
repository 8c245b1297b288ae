"""graph.ingest.prefetched: the next batch is read in a thread while this one is written."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from graph.ingest import prefetched


def test_items_arrive_in_order() -> None:
    assert list(prefetched(range(100))) == list(range(100))
    assert list(prefetched([])) == []


def test_a_producer_error_arrives_after_the_items_before_it() -> None:
    def items() -> Iterator[int]:
        yield 1
        yield 2
        raise ValueError("line 3: bad record")

    got: list[int] = []
    with pytest.raises(ValueError, match="line 3"):
        for item in prefetched(items()):
            got.append(item)
    assert got == [1, 2]


def test_the_producer_runs_in_another_thread_and_ahead() -> None:
    threads: list[str] = []
    produced: list[int] = []

    def items() -> Iterator[int]:
        for i in range(3):
            threads.append(threading.current_thread().name)
            produced.append(i)
            yield i

    it = prefetched(items(), depth=1)
    assert next(it) == 0
    assert set(threads) == {"regkg-prefetch"}
    list(it)
    assert produced == [0, 1, 2]


def test_stopping_early_closes_the_producer() -> None:
    closed = threading.Event()

    def items() -> Iterator[int]:
        try:
            i = 0
            while True:
                yield i
                i += 1
        finally:
            closed.set()

    it = prefetched(items())
    for item in it:
        if item == 5:
            break
    it.close()  # what a for loop's owner does when it is dropped; also on an exception
    assert closed.wait(5)
