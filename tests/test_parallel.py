"""Work shared with forked workers gives exactly what doing it here gives, and falls back to
doing it here whenever a worker fails, however it fails (never leaving the caller waiting)."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from cards_util import card_text, write_pair
from toolkit import parallel
from toolkit.cards.parse import read_card
from toolkit.registry import capture_kinds

forking = pytest.mark.skipif(parallel.workers_for(10_000, 1) == 0, reason="needs fork, two processors, no threads")


@pytest.fixture
def files(tmp_path) -> list[Path]:
    out = []
    for n in range(105):
        broken = card_text(f"m{n}").replace("duration: 15", "duration: 16") if n % 7 == 0 else None
        out.extend(write_pair(tmp_path, id=f"m{n}", en=broken))
    return out


def parse_all(files):
    kinds = capture_kinds()
    return [read_card(f, kinds) for f in files]


def as_data(results):
    return [(r.card, [str(p) for p in r.problems]) for r in results]


@forking
def test_shared_parse_equals_parse_here(files):
    assert as_data(parallel.map_split(files, parse_all, min_items=10)) == as_data(parse_all(files))


@forking
@pytest.mark.parametrize("how", ["raises", "is killed", "prints garbage"])
def test_failing_worker_falls_back(files, how):
    parent = os.getpid()

    def work(share):
        if os.getpid() != parent:
            if how == "raises":
                raise RuntimeError("the worker dies")
            if how == "is killed":
                os.kill(os.getpid(), signal.SIGKILL)
            return ["not", "a", "result"]
        return parse_all(share)

    assert as_data(parallel.map_split(files, work, min_items=10)) == as_data(parse_all(files))


def test_few_items_stay_here(files, monkeypatch):
    monkeypatch.setattr(os, "fork", lambda: pytest.fail("must not fork for a few items"))
    assert as_data(parallel.map_split(files[:10], parse_all, min_items=200)) == as_data(parse_all(files[:10]))


def test_can_be_turned_off(monkeypatch):
    monkeypatch.setenv("CIMIS_WORKERS", "0")
    assert parallel.workers_for(10_000, 1) == 0


# --- pieces taken from a queue (chunks=...) ---------------------------------------------


def squares(share):
    return [n * n for n in share]


@forking
@pytest.mark.parametrize("chunks", [2, 7, 64, 255, 1000])
def test_pulled_pieces_give_the_results_in_order(chunks):
    items = list(range(1000))
    assert parallel.map_split(items, squares, min_items=10, chunks=chunks) == squares(items)


@forking
def test_pulled_pieces_are_shared_between_processes():
    import select

    parent = os.getpid()
    took, tell = os.pipe()

    def work(share):
        if os.getpid() != parent:
            os.write(tell, b"x")
        else:
            # the parent's first piece waits until a worker has taken one (or 20 s passed)
            select.select([took], [], [], 20)
        return [os.getpid() == parent for _ in share]

    try:
        done_here = parallel.map_split(list(range(400)), work, min_items=10, chunks=40)
    finally:
        os.close(took)
        os.close(tell)
    assert len(done_here) == 400
    assert not all(done_here), "no worker took a piece"


@forking
@pytest.mark.parametrize("how", ["raises", "is killed", "prints garbage", "half done then killed"])
def test_failing_puller_falls_back(how):
    parent = os.getpid()
    seen = {"n": 0}

    def work(share):
        if os.getpid() != parent:
            seen["n"] += 1  # the worker's own copy
            if how == "raises":
                raise RuntimeError("the worker dies")
            if how == "is killed" or (how == "half done then killed" and seen["n"] > 2):
                os.kill(os.getpid(), signal.SIGKILL)
            if how == "prints garbage":
                return ["not", "a", "result"][: len(share)] + [None] * max(0, len(share) - 3) + ["extra"]
        return squares(share)

    items = list(range(600))
    assert parallel.map_split(items, work, min_items=10, chunks=30) == squares(items)


@forking
def test_an_error_here_stops_the_pulling_workers():
    """When this process's own piece fails, the error reaches the caller and no worker is
    left running (blocked on its pipe) behind it."""
    parent = os.getpid()
    forked: list[int] = []
    real_fork = os.fork

    def counting_fork():
        pid = real_fork()
        if pid:
            forked.append(pid)
        return pid

    def work(share):
        if os.getpid() == parent:
            raise ValueError("this piece is broken")
        return [b"x" * 100_000 for _ in share]  # more than a pipe holds: a left worker would block

    os.fork = counting_fork
    try:
        with pytest.raises(ValueError, match="broken"):
            parallel.map_split(list(range(100)), work, min_items=10, chunks=20)
    finally:
        os.fork = real_fork
    assert forked
    for pid in forked:
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)  # reaped already
