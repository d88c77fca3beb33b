"""The session store: durable appends, resuming a long session, and deriving state.

Targets, each printed as a ratio against a baseline measured in the same run:

- appending 10,000 captures durably (``Store.append``): median per capture within 1.5x of a
  bare sqlite3 ``BEGIN IMMEDIATE; INSERT; COMMIT`` with the same durability settings (WAL,
  ``synchronous=FULL``); the engine's full capture path (validation, kind rules, catch-up)
  is shown beside it;
- resuming a 10,000-event session (open the store, read and fold the log): under 0.3 s and
  within 3x of reading the raw rows with sqlite3;
- deriving state at 1k, 10k and 100k events: per-event time stays flat (linear scaling).
  Even a plain dict pass over the same events gets slower per event as the data outgrows
  the CPU caches, so the target is the fold's per-event ratio (100k vs 1k) divided by that
  pass's ratio: at most 1.5. Both raw ratios are printed as well.

``python benchmarks/bench_store.py`` (``--quick`` for a smoke run, ``--strict`` to exit 1
when a target is missed).
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from toolkit.session.store import FILENAME, Event, Store

PLAN = """\
title: Benchmark workshop
date: 2026-03-14
language: en
agenda:
  - id: forge
    method: bench-forge
"""

CARD = """\
---
id: bench-forge
language: en
title: Benchmark forge
summary: A method used by the store benchmark.
category: ideation
duration: 600
group_size: {min: 2, max: 20}
steps:
  - id: ideas
    title: Ideas
    minutes: 600
    capture:
      kind: bench-note
---

Benchmark.

## Ideas

Collect ideas.
"""

results: list[tuple[str, bool]] = []


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def check(name: str, ok: bool) -> str:
    results.append((name, ok))
    return "ok" if ok else "MISSED"


def record(i: int) -> dict:
    return {"text": f"idea number {i}: turn the paper job sheet into a digital process", "tag": "process"}


# -- appends ---------------------------------------------------------------------------------

def bare_appends(folder: Path, n: int) -> list[float]:
    conn = sqlite3.connect(folder / "bare.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE events (seq INTEGER PRIMARY KEY AUTOINCREMENT, session TEXT, type TEXT, item TEXT, "
                 "step TEXT, payload TEXT, author TEXT, at REAL, client_id TEXT UNIQUE)")
    payload = '{"kind":"bench-note","record":{"text":"idea","tag":"process"}}'
    times = []
    for i in range(n):
        start = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO events (session, type, item, step, payload, author, at, client_id) "
                     "VALUES ('s', 'captured', 'forge', 'ideas', ?, 'anna', ?, ?)", (payload, time.time(), f"c{i}"))
        conn.execute("COMMIT")
        times.append(time.perf_counter() - start)
    conn.close()
    return times


def store_appends(folder: Path, n: int) -> list[float]:
    times = []
    with Store(folder) as store:
        for i in range(n):
            payload = {"kind": "bench-note", "record": record(i)}
            start = time.perf_counter()
            store.append("captured", item="forge", step="ideas", payload=payload, author="anna")
            times.append(time.perf_counter() - start)
    return times


def bench_workshop(folder: Path):
    """A workshop folder with one capture step of a small kind, and that kind and library."""
    from pydantic import Field

    from toolkit.capture.base import CaptureKind, KindModel
    from toolkit.cards.library import load_paths

    class BenchOptions(KindModel):
        max_per_author: int = 100_000

    class Note(KindModel):
        text: str = Field(min_length=1, max_length=500)
        tag: str = ""

    class BenchNotes(CaptureKind):
        name = "bench-note"
        title = {"en": "Notes", "de": "Notizen"}
        Options = BenchOptions
        Record = Note

        def result(self, records, options, context):
            return [r.data.text for r in records]

        def to_markdown(self, result, options, lang):
            return ""

        def check(self, record, records, options, context):
            # a rule that looks at every earlier record, like "cards per person"
            mine = sum(1 for r in records if r.author == record.author)
            return "too many" if mine >= options.max_per_author else None

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "workshop.yaml").write_text(PLAN, encoding="utf-8")
    cards = folder.parent / "cards"
    cards.mkdir(exist_ok=True)
    (cards / "bench-forge.md").write_text(CARD, encoding="utf-8")
    kinds = {"bench-note": BenchNotes()}
    return kinds, load_paths([("bench", cards)], kinds, require_twins=False)


def engine_captures(folder: Path, n: int) -> list[float]:
    from toolkit.session.engine import Engine

    kinds, library = bench_workshop(folder)
    times = []
    with Engine(folder, kinds=kinds, library=library, author="anna") as engine:
        engine.start()
        for i in range(n):
            start = time.perf_counter()
            engine.capture(record(i), author=f"p{i % 20}")
            times.append(time.perf_counter() - start)
    return times


def bench_appends(n: int, tmp: Path) -> None:
    # interleave blocks of both so that disk and machine drift hit them alike
    bare: list[float] = []
    mine: list[float] = []
    engine: list[float] = []
    block = max(50, n // 10)
    for b in range(0, n, block):
        size = min(block, n - b)
        bare += bare_appends(Path(tempfile.mkdtemp(dir=tmp)), size)
        mine += store_appends(Path(tempfile.mkdtemp(dir=tmp)), size)
    engine = engine_captures(tmp / "engine-ws", n)
    med_bare, med_store, med_engine = (statistics.median(x) for x in (bare, mine, engine))
    ratio = med_store / med_bare
    print(f"append {n} captures durably: Store.append median {med_store * 1e3:.3f} ms, "
          f"p99 {percentile(mine, 99) * 1e3:.3f} ms")
    print(f"  bare sqlite3 insert (WAL, synchronous=FULL): median {med_bare * 1e3:.3f} ms, "
          f"p99 {percentile(bare, 99) * 1e3:.3f} ms")
    print(f"  ratio store/bare {ratio:.2f} (target <= 1.5): {check('append ratio', ratio <= 1.5)}")
    print(f"  Engine.capture (validate + kind rule + catch-up + commit): median {med_engine * 1e3:.3f} ms, "
          f"p99 {percentile(engine, 99) * 1e3:.3f} ms, ratio to bare {med_engine / med_bare:.2f} (informational)")


# -- resume ----------------------------------------------------------------------------------

def synthetic_events(n: int, seed: int = 1) -> list[tuple[str, str, str, dict]]:
    """A plausible session log: mostly captures, some edits, removals, undos, timer events."""
    rng = random.Random(seed)
    steps = [("forge", f"s{i}") for i in range(20)]
    out: list[tuple[str, str, str, dict]] = [("started", *steps[0], {"planned": 600})]
    captured: list[int] = []
    while len(out) < n:
        roll = rng.random()
        item, step = rng.choice(steps)
        if roll < 0.7 or not captured:
            out.append(("captured", item, step, {"kind": "bench-note", "record": record(len(out))}))
            captured.append(len(out))
        elif roll < 0.8:
            out.append(("edited", item, step, {"record_id": rng.choice(captured), "record": record(0)}))
        elif roll < 0.85:
            out.append(("removed", item, step, {"record_id": rng.choice(captured)}))
        elif roll < 0.9:
            out.append(("undone", item, step, {}))
        elif roll < 0.95:
            out.append(("step_entered", item, step, {"planned": 300}))
        else:
            out.append((rng.choice(["timer_paused", "timer_resumed", "timer_extended"]), item, step,
                        {"seconds": 60}))
    return out


def fill_store(folder: Path, n: int) -> None:
    with Store(folder) as store, store.writing() as tx:  # one transaction: only the reading is measured
        for i, (type_, item, step, payload) in enumerate(synthetic_events(n)):
            tx.insert(type_, item=item, step=step, payload=payload, author="anna", at=1_000_000.0 + i)


def bench_resume(n: int, tmp: Path, runs: int) -> None:
    from toolkit.session.state import fold

    folder = tmp / "resume"
    folder.mkdir()
    fill_store(folder, n)

    def resume() -> float:
        start = time.perf_counter()
        with Store(folder) as store:
            state = fold(store.stream())
        assert state.events == n
        return time.perf_counter() - start

    def raw() -> float:
        start = time.perf_counter()
        conn = sqlite3.connect(folder / FILENAME)
        rows = conn.execute("SELECT * FROM events ORDER BY seq").fetchall()
        conn.close()
        assert len(rows) == n
        return time.perf_counter() - start

    resume(), raw()  # warm the page cache for both
    mine, base = [], []
    for _ in range(runs):
        mine.append(resume())
        base.append(raw())
    med, med_raw = statistics.median(mine), statistics.median(base)
    print(f"resume a {n}-event session (open, read, fold): median {med * 1e3:.1f} ms "
          f"(target < 300 ms): {check('resume time', med < 0.3)}")
    print(f"  raw sqlite3 read of the rows: {med_raw * 1e3:.1f} ms; ratio {med / med_raw:.2f} "
          f"(target <= 3): {check('resume ratio', med / med_raw <= 3)}")


# -- fold scaling ----------------------------------------------------------------------------

def as_events(n: int) -> list[Event]:
    return [Event(seq, "s", type_, item, step, payload, "anna", 1_000_000.0 + seq, uuid.uuid4().hex)
            for seq, (type_, item, step, payload) in enumerate(synthetic_events(n), start=1)]


def plain_pass(events: list[Event]) -> dict:
    """The baseline of the fold: one dict operation per event over the same events, which
    is linear by construction; its per-event time grows with size only because bigger
    dicts miss the CPU caches more often."""
    seen: dict = {}
    for e in events:
        seen[e.seq] = e.payload.get("record")
        seen.get(e.payload.get("record_id"))
    return seen


def best_of(fn, arg, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        fn(arg)
        best = min(best, time.perf_counter() - start)
    return best


def bench_fold(sizes: list[int], runs: int) -> None:
    from toolkit.session.state import fold

    per_event, per_base = {}, {}
    for n in sizes:
        events = as_events(n)
        took, base = best_of(fold, events, runs), best_of(plain_pass, events, runs + 2)
        per_event[n], per_base[n] = took / n, base / n
        print(f"fold {n:>7} events: {took * 1e3:8.2f} ms, {took / n * 1e6:.2f} us per event "
              f"(plain dict pass: {base / n * 1e6:.3f} us per event)")
        del events
    small = sizes[0]
    for large in sizes[1:]:
        ratio = per_event[large] / per_event[small]
        base_ratio = per_base[large] / per_base[small]
        print(f"  per-event time {large} vs {small}: fold {ratio:.2f}, plain dict pass {base_ratio:.2f}")
    large = sizes[-1]
    ratio = per_event[large] / per_event[small]
    normalised = ratio / (per_base[large] / per_base[small])
    print(f"  linear scaling: per-event ratio {large} vs {small} is {ratio:.2f}, {normalised:.2f} relative to the "
          f"plain pass (target <= 1.5): {check('fold linear', normalised <= 1.5)}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes: a smoke run")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="cimis-bench-store-") as tmp_name:
        tmp = Path(tmp_name)
        if args.quick:
            bench_appends(300, tmp)
            bench_resume(1_000, tmp, runs=3)
            bench_fold([1_000, 10_000], runs=2)
        else:
            bench_appends(10_000, tmp)
            bench_resume(10_000, tmp, runs=7)
            bench_fold([1_000, 10_000, 100_000], runs=3)
    missed = [name for name, ok in results if not ok]
    print("all targets met" if not missed else "missed: " + ", ".join(missed), flush=True)
    return 1 if (missed and args.strict) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
