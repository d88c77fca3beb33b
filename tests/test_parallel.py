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
