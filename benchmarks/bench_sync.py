"""``cimis workbook sync`` of 100 workshop sessions holding 10,000 captures in all.

Target: under 2 s for the first sync (every chapter written) of a workbook with 100 sources.
Also given as a ratio against a baseline measured in the same run: reading every event of
the 100 session stores (the least any sync must do). A repeated sync with nothing new
(every chapter read, merged and found unchanged) is reported too. Times are measured in a
fresh process per run, with the method library's disk cache warm (as on a facilitator's
laptop after the first command).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from benchmarks.common import env_with, run_json

REPO = Path(__file__).resolve().parent.parent

PLAN = """\
title: Benchmark workshop {n}
date: 2026-03-14
language: en
seed: {n}
people:
  - {{id: anna, name: Anna Berger, role: creative}}
  - {{id: bert, name: Bert Koch, role: company}}
agenda:
  - {{id: forge, method: idea-forge}}
  - {{id: canvas, method: digitisation-canvas}}
  - {{id: sprint, method: booksprint}}
"""

MAKE = """
import sys, json
from pathlib import Path
from toolkit.session.store import Store
root, sessions, per = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
plan = sys.argv[4]
fields = ["form", "route", "data", "pain", "target", "tools"]
for n in range(sessions):
    folder = root / f"ws{n:03d}"
    folder.mkdir()
    (folder / "workshop.yaml").write_text(plan.format(n=n), "utf-8")
    store = Store(folder)
    with store.writing() as tx:
        tx.insert("started", item="forge", step="challenge", payload={"planned": 300}, at=1.0)
        for i in range(per):
            at = 2.0 + i
            which = i % 5
            if which == 0:
                tx.insert("captured", item="forge", step="ideas", at=at, author="anna",
                          payload={"kind": "cards", "record": {"op": "card", "text": f"Idea {i} of workshop {n}"}})
            elif which == 1:
                tx.insert("captured", item="canvas", step="walkthrough", at=at, author="bert",
                          payload={"kind": "notes", "record": {"text": f"Note {i}: the paper goes to the site"}})
            elif which == 2:
                tx.insert("captured", item="canvas", step="canvas", at=at,
                          payload={"kind": "canvas", "record": {"field": fields[i % 6], "text": f"Entry {i}"}})
            elif which == 3:
                tx.insert("captured", item="canvas", step="next-step", at=at,
                          payload={"kind": "checklist", "record": {"op": "add", "item": f"Step {i}"}})
            else:
                tx.insert("captured", item="sprint", step="writing", at=at,
                          payload={"kind": "notes", "record": {"text": f"Chapter {i} is half written"}})
    store.close()
"""

SYNC = """
import sys, json, time
from toolkit import registry
registry.library()  # the library's disk cache is warm in a user's second command too
t = time.perf_counter()
from toolkit.workbook.sync import sync
report = sync(sys.argv[1])
elapsed = time.perf_counter() - t
assert report.ok, [str(p) for p in report.problems]
print(json.dumps({"seconds": elapsed, "created": len(report.created), "updated": len(report.updated)}))
"""

BASELINE = """
import sys, json, time
from pathlib import Path
t = time.perf_counter()
from toolkit.session.store import Store
n = 0
for folder in sorted(Path(sys.argv[1]).glob("ws*")):
    store = Store(folder, readonly=True)
    n += len(store.events())
    store.close()
print(json.dumps({"seconds": time.perf_counter() - t, "events": n}))
"""


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="10 sessions, one run")
    args = parser.parse_args(argv)
    sessions, per, runs = (10, 100, 1) if args.quick else (100, 100, args.runs)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        env = env_with(CIMIS_CACHE_DIR=str(root / "cache"), CIMIS_CONFIG=str(root / "none.toml"),
                       CIMIS_LOAD_PLUGINS="")
        run_json(MAKE + "\nprint('{}')", env, str(root), str(sessions), str(per), PLAN)
        first, again, base = [], [], []
        for r in range(runs):
            book = root / f"book{r}"
            run_json("import sys\nfrom toolkit.workbook.init import init_workbook\n"
                "init_workbook(sys.argv[1], [f'../ws{n:03d}' for n in range(int(sys.argv[2]))], language='en')\n"
                "print('{}')", env, str(book), str(sessions))
            one = run_json(SYNC, env, str(book))
            assert one["created"] >= sessions * 3, one
            two = run_json(SYNC, env, str(book))
            assert two["updated"] == 0 and two["created"] == 0, two
            first.append(one["seconds"])
            again.append(two["seconds"])
            base.append(run_json(BASELINE, env, str(root))["seconds"])
    first_s, again_s, base_s = (statistics.median(x) for x in (first, again, base))
    print(f"{sessions} sessions, {sessions * per} captures")
    print(f"first sync: {first_s * 1000:.0f} ms (target < 2000 ms); "
          f"ratio to reading every event ({base_s * 1000:.0f} ms): {first_s / base_s:.2f}")
    print(f"repeated sync, nothing new: {again_s * 1000:.0f} ms; ratio to reading every event: {again_s / base_s:.2f}")
    return {"first": first_s, "again": again_s, "baseline": base_s}


if __name__ == "__main__":
    main(sys.argv[1:])
