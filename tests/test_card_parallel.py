"""Parsing on two processors gives exactly what parsing one by one gives, and falls back to
one process whenever the forked worker fails."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cards_util import card_text, write_pair
from toolkit.cards import parallel
from toolkit.cards.parse import read_card
from toolkit.registry import capture_kinds


@pytest.fixture
def files(tmp_path) -> list[Path]:
    out = []
    for n in range(parallel.MIN_FILES // 2 + 5):
        broken = card_text(f"m{n}").replace("duration: 15", "duration: 16") if n % 7 == 0 else None
        out.extend(write_pair(tmp_path, id=f"m{n}", en=broken))
    return out


def as_data(results):
    return [(r.card, [str(p) for p in r.problems]) for r in results]


@pytest.mark.skipif(not parallel.can_fork(), reason="needs fork, two processors and no threads")
def test_parallel_equals_sequential(files):
    kinds = capture_kinds()
    expected = [read_card(f, kinds) for f in files]
    assert as_data(parallel.parse_files(files, lambda f: read_card(f, kinds))) == as_data(expected)


@pytest.mark.skipif(not parallel.can_fork(), reason="needs fork, two processors and no threads")
def test_failing_worker_falls_back(files):
    kinds = capture_kinds()
    parent = os.getpid()

    def parse(file):
        if os.getpid() != parent:
            raise RuntimeError("the worker dies")
        return read_card(file, kinds)

    assert as_data(parallel.parse_files(files, parse)) == as_data([read_card(f, kinds) for f in files])


def test_small_sets_stay_in_process(files, monkeypatch):
    monkeypatch.setattr(os, "fork", lambda: pytest.fail("must not fork for a few files"))
    kinds = capture_kinds()
    few = files[:10]
    assert as_data(parallel.parse_files(few, lambda f: read_card(f, kinds))) == as_data([read_card(f, kinds) for f in few])
