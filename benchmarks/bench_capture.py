"""Capture cost as a step fills up: ``Engine.capture`` into a step that already holds N
records, as a ratio against a bare durable SQLite insert measured in the same run.

The built-in ``cards`` kind with a per-person limit (a rule that depends on every earlier
record of the step) is measured twice: with its incremental rule state (what the engine
uses) and with the full-scan fallback (what a plugin kind without ``rule_state`` gets), so
the gain is visible. Steps are filled in one bulk transaction, then the engine opens the
session (resuming the log) and captures; the captures are timed one by one.

Target: the engine's median capture at 100,000 records within 1.5x of the bare insert
(``BEGIN IMMEDIATE; INSERT; COMMIT``, WAL, ``synchronous=FULL``, same table shape).

A group commit (32 captures in one transaction, as the web server's single writer does with
a burst) is reported too, per capture against the same bare insert.

``python -m benchmarks.bench_capture`` (``--quick``: 1,000 and 10,000 records, for the test suite;
``--strict`` exits 1 when a target is missed).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

PLAN = """\
title: Capture benchmark
date: 2026-03-14
language: en
agenda:
  - id: forge
    method: bench-cards
"""

CARD = """\
---
id: bench-cards
language: en
title: Benchmark cards
summary: A method used by the capture benchmark.
category: ideation
duration: 600
group_size: {min: 2, max: 20}
steps:
  - id: ideas
    title: Ideas
    minutes: 600
    capture:
      kind: cards
      options: {per_person: 1000000}
---

Benchmark.

## Ideas

Collect ideas.
"""


def bare_prefill(folder: Path, n: int) -> None:
    """The baseline's table holds as many rows as the measured step (a fair comparison:
    inserting into a large table costs more than into an empty one)."""
    conn = sqlite3.connect(folder / "bare.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE IF NOT EXISTS events (seq INTEGER PRIMARY KEY AUTOINCREMENT, session TEXT, type TEXT, "
                 "item TEXT, step TEXT, payload TEXT, author TEXT, at REAL, client_id TEXT UNIQUE)")
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO events (session, type, item, step, payload, author, at, client_id) "
                     "VALUES ('s', 'captured', 'forge', 'ideas', ?, ?, ?, ?)",
                     ((f'{{"kind":"cards","record":{{"op":"card","text":"idea {i}"}}}}', f"p{i % 50}", float(i),
                       f"pre-{i}") for i in range(n)))
    conn.execute("COMMIT")
    conn.close()


class BareInserts:
    """The baseline: one durable insert per call on its own connection."""

    def __init__(self, folder: Path):
        self.conn = sqlite3.connect(folder / "bare.db", isolation_level=None)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=FULL")
        self.payload = '{"kind":"cards","record":{"op":"card","text":"idea"}}'
        self.n = 0

    def __call__(self) -> float:
        self.n += 1
        start = time.perf_counter()
        self.conn.execute("BEGIN IMMEDIATE")
        self.conn.execute("INSERT INTO events (session, type, item, step, payload, author, at, client_id) "
                          "VALUES ('s', 'captured', 'forge', 'ideas', ?, 'p1', ?, ?)",
                          (self.payload, time.time(), f"c{self.n}"))
        self.conn.execute("COMMIT")
        return time.perf_counter() - start

    def close(self) -> None:
        self.conn.close()


class _FullScanCards:
    """The built-in cards kind without its rule state: the fallback a plugin gets."""

    def __new__(cls):
        from toolkit.capture.kinds.cards import CardsKind

        class FullScan(CardsKind):
            def rule_state(self, options, context):
                return None

        return FullScan()


def workshop(folder: Path, full_scan: bool):
    from toolkit.capture.kinds.cards import CardsKind
    from toolkit.cards.library import load_paths

    folder.mkdir(parents=True)
    (folder / "workshop.yaml").write_text(PLAN, encoding="utf-8")
    cards = folder / "cards"
    cards.mkdir()
    (cards / "bench-cards.md").write_text(CARD, encoding="utf-8")
    kinds = {"cards": _FullScanCards() if full_scan else CardsKind()}
    return kinds, load_paths([("bench", cards)], kinds, require_twins=False)


def prefill(folder: Path, n: int) -> None:
    """``n`` cards by 50 authors in one transaction (what a long session leaves behind)."""
    from toolkit.session.engine import Engine

    with Engine(folder, kinds=KINDS[folder], library=LIBS[folder]) as engine:
        engine.start()
        engine.next_step()
        with engine.store.writing() as tx:
            for i in range(n):
                tx.insert("captured", item="forge", step="ideas", author=f"p{i % 50}", at=float(i),
                          payload={"kind": "cards", "record": {"op": "card", "text": f"idea {i}"}})


KINDS: dict[Path, object] = {}
LIBS: dict[Path, object] = {}


def prepared(tmp: Path, size: int, full_scan: bool) -> tuple[Path, BareInserts]:
    """A workshop whose step holds ``size`` records, and bare inserts into a table of as
    many rows: the two sides of one measurement."""
    folder = Path(tempfile.mkdtemp(dir=tmp)) / "ws"
    KINDS[folder], LIBS[folder] = workshop(folder, full_scan)
    prefill(folder, size)
    bare_dir = Path(tempfile.mkdtemp(dir=tmp))
    bare_prefill(bare_dir, size)
    return folder, BareInserts(bare_dir)


def summary(mine: list[float], base: list[float]) -> tuple[float, float, float]:
    """(median capture, median bare insert, median of the pairwise ratios)."""
    return statistics.median(mine), statistics.median(base), statistics.median([m / b for m, b in zip(mine, base)])


def measure(tmp: Path, size: int, captures: int, full_scan: bool) -> tuple[float, float, float]:
    """(median engine capture, median bare insert, median of the pairwise ratios) at
    ``size`` records; one bare insert and one capture alternate, so that load from other
    processes hits both alike."""
    from toolkit.session.engine import Engine

    folder, bare = prepared(tmp, size, full_scan)
    mine: list[float] = []
    base: list[float] = []
    with Engine(folder, kinds=KINDS[folder], library=LIBS[folder]) as engine:
        for i in range(-10, captures):  # ten rounds of warm-up
            base_time = bare()
            start = time.perf_counter()
            engine.capture({"op": "card", "text": f"new idea {i}"}, author=f"p{i % 50}", client_id=f"bench-{i}")
            took = time.perf_counter() - start
            if i >= 0:
                mine.append(took)
                base.append(base_time)
    bare.close()
    return summary(mine, base)


def measure_batches(tmp: Path, size: int, batches: int, per_batch: int = 32) -> tuple[float, float, float]:
    """What the web server's single writer does with a burst: ``per_batch`` captures in one
    transaction (:meth:`Engine.capture_many`); (median cost per capture, median bare
    insert, median of the pairwise ratios), a batch and ``per_batch`` bare inserts alternating."""
    from toolkit.session.engine import CaptureRequest, Engine

    folder, bare = prepared(tmp, size, False)
    mine: list[float] = []
    base: list[float] = []
    with Engine(folder, kinds=KINDS[folder], library=LIBS[folder]) as engine:
        for b in range(-2, batches):
            base_time = statistics.median(bare() for _ in range(per_batch))
            requests = [CaptureRequest({"op": "card", "text": f"burst {b}.{i}"}, author=f"p{i % 50}",
                                       client_id=f"batch-{b}-{i}") for i in range(per_batch)]
            start = time.perf_counter()
            outcomes = engine.capture_many(requests)
            took = (time.perf_counter() - start) / per_batch
            assert all(getattr(o, "new", False) for o in outcomes), outcomes[:1]
            if b >= 0:
                mine.append(took)
                base.append(base_time)
    bare.close()
    return summary(mine, base)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smoke run (1,000 and 10,000 records)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--json", action="store_true", help="also print the figures as one JSON line")
    args = parser.parse_args(argv)
    sizes = [1_000, 10_000] if args.quick else [1_000, 10_000, 100_000]
    captures = 100 if args.quick else 500
    figures: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        for size in sizes:
            for full_scan in (False, True):
                if full_scan and size > 10_000:
                    continue  # the fallback at 100k takes minutes; its growth shows at 10k
                engine, bare, ratio = measure(tmp, size, captures, full_scan)
                label = "full-scan fallback" if full_scan else "incremental rules"
                figures[f"{label} {size}"] = {"engine_ms": engine * 1e3, "bare_ms": bare * 1e3, "ratio": ratio}
                print(f"capture at {size:,} records ({label}): median {engine * 1e3:.3f} ms vs bare durable insert "
                      f"{bare * 1e3:.3f} ms -> ratio {ratio:.2f} (median of pairwise ratios)", flush=True)
        engine, bare, ratio = measure_batches(tmp, sizes[-1], 10 if args.quick else 30)
        figures[f"group commit {sizes[-1]}"] = {"engine_ms": engine * 1e3, "bare_ms": bare * 1e3, "ratio": ratio}
        print(f"group commit of 32 captures at {sizes[-1]:,} records: {engine * 1e3:.3f} ms per capture vs bare "
              f"durable insert {bare * 1e3:.3f} ms -> ratio {ratio:.2f} (the web server's writer in a burst)",
              flush=True)
    largest = figures[f"incremental rules {sizes[-1]}"]["ratio"]
    smallest = figures[f"incremental rules {sizes[0]}"]["ratio"]
    ok = largest <= 1.5
    print(f"target: ratio at {sizes[-1]:,} records <= 1.5: {'ok' if ok else 'MISSED'} ({largest:.2f}); "
          f"growth {sizes[0]:,} -> {sizes[-1]:,}: ratio of ratios {largest / smallest:.2f}")
    if args.json:
        print(json.dumps(figures))
    return 1 if args.strict and not ok else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
