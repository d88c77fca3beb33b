"""The jury grid with 20 teams x 5 criteria: how long one score takes from Enter until the
screen shows the new weighted total and rank.

Target: under 50 ms from Enter to the updated screen (the score is committed to SQLite with
synchronous FULL on the way, the result with ranking is recomputed from every score). As in
``bench_tui_cards``, "updated" is the first frame Textual writes after the total changed.
Baseline in the same run, measured the same way: a plain Textual app with the same 100
inputs where Enter writes the typed number into a label, the least any grid UI must do."""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.bench_tui_cards import first_frame_after, watch_frames

REPO = Path(__file__).resolve().parent.parent
CRITERIA = [("novelty", "Novelty of the idea", 1), ("feasibility", "Feasibility", 1), ("team", "Fit of the team", 1),
            ("impact", "Impact for the company", 1.5), ("pitch", "Quality of the pitch", 0.5)]


def plan(teams: int) -> str:
    people = "\n".join(f"  - {{id: team-{n}, name: Team member {n}, role: creative, organisation: Studio {n}}}"
                       for n in range(teams))
    criteria = ", ".join(f"{{id: {cid}, title: {title}, weight: {w}}}" for cid, title, w in CRITERIA)
    return f"""\
title: Benchmark
date: 2026-04-20
language: en
people:
  - {{id: jury-1, name: Petra Lange, role: jury}}
  - {{id: jury-2, name: Martin Böhm, role: jury}}
{people}
agenda:
  - id: jury
    method: jury-evaluation
    options:
      score: {{criteria: [{criteria}], source: null}}
"""


async def measure_grid(folder: Path, entries: int) -> list[float]:
    sys.path.insert(0, str(REPO / "tests" / "tui"))
    from run_util import host_app
    from toolkit.session.clock import FakeClock
    from toolkit.tui.widgets.capture.scorecard import ScoreGrid

    app = host_app(folder, FakeClock(1_776_000_000.0))
    times = []
    async with app.run_test(size=(160, 50)) as pilot:
        frames = watch_frames(app)
        screen = app.screen
        for _ in range(5):
            if screen.engine.state.position == ("jury", "score"):
                break
            await pilot.press("pagedown")
            await pilot.pause()
        assert screen.engine.state.position == ("jury", "score"), screen.engine.state.position
        panel = screen.panel
        grid = panel.query_one(ScoreGrid)
        grid.focus()
        await pilot.pause()
        for n in range(entries):
            row, column = (n * 7) % 20, 1 + n % 5
            grid.move_to(row, column)
            await pilot.pause()
            for char in str(1 + n % 5):
                grid.buffer_at, grid.buffer = (row, column), char
            before = len(screen.engine.state.step_records("jury", "score"))
            start = time.perf_counter()
            grid._confirm(advance=True)  # what Enter runs, without the pilot's key-press delays
            times.append(await first_frame_after(frames, start, lambda before=before: len(
                screen.engine.state.step_records("jury", "score")) == before + 1))
            await pilot.pause()
    return times


async def measure_baseline(entries: int) -> list[float]:
    from textual.app import App
    from textual.containers import Horizontal, VerticalScroll
    from textual.widgets import Input, Label

    class Plain(App):
        def compose(self):
            with VerticalScroll():
                for row in range(20):
                    yield Horizontal(Label(f"Team {row}"), *[Input(type="number", compact=True, id=f"c{row}-{col}")
                                                             for col in range(5)], Label("", id=f"t{row}"),
                                     classes="row")

        def on_input_submitted(self, event):
            row = event.input.id.split("-")[0][1:]
            self.query_one(f"#t{row}").update(event.value)

    app = Plain()
    app.CSS = ".row { height: 1; } Input { width: 10; } Label { width: 20; }"
    times = []
    async with app.run_test(size=(160, 50)) as pilot:
        frames = watch_frames(app)
        inputs = list(app.query(Input).results(Input))
        for n in range(entries):
            cell = inputs[(n * 7) % len(inputs)]
            cell.focus()
            await pilot.pause()
            cell.value = str(1 + n % 5) + str(n)
            start = time.perf_counter()
            await cell.action_submit()
            times.append(await first_frame_after(frames, start, lambda: True))
            await pilot.pause()
    return times


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer entries")
    parser.add_argument("--entries", type=int, default=20)
    args = parser.parse_args(argv)
    entries = 5 if args.quick else args.entries
    from toolkit.session.engine import Engine

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "w"
        folder.mkdir()
        (folder / "workshop.yaml").write_text(plan(20), "utf-8")
        with Engine(folder) as engine:
            # the other juror has already scored everything: the result has real work to do
            engine.go_to("jury", "score")
            for team in range(20):
                for cid, _title, _w in CRITERIA:
                    engine.capture({"scorer": "jury-2", "candidate": f"team-{team}", "criterion": cid,
                                    "score": 1 + (team + len(cid)) % 5})
        grid = statistics.median(asyncio.run(measure_grid(folder, entries)))
    base = statistics.median(asyncio.run(measure_baseline(entries)))
    print("20 teams x 5 criteria, 100 scores by another juror already")
    print(f"enter one score (Enter -> committed -> total and ranking on screen): {grid * 1000:.1f} ms "
          f"(target < 50 ms); ratio to a plain input-to-label update ({base * 1000:.1f} ms): {grid / base:.2f}")
    return {"grid": grid, "baseline": base, "ratio": grid / base}


if __name__ == "__main__":
    main()
