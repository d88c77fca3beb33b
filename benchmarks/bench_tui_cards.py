"""Run mode with 1,000 idea cards on the board: how long adding one card takes until the
screen shows it.

Target: under 50 ms from Enter to the updated screen (the capture is committed to SQLite
with synchronous FULL on the way). "Updated" is the first frame Textual writes to the
terminal after the new row is in the list: the app's display call is timed, not the test
pilot's settling waits. Baseline in the same run and measured the same way: adding one row
to a plain Textual OptionList that already holds 1,000 rows, the least any list UI must do;
the ratio says what committing, validating and the panel cost on top."""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PLAN = """\
title: Benchmark
date: 2026-04-20
language: en
agenda:
  - id: forge
    method: idea-forge
"""


def watch_frames(app) -> list[float]:
    """Times at which the app writes a frame to its (headless) terminal."""
    frames: list[float] = []
    display = app._display

    def timed(screen, renderable):
        display(screen, renderable)
        if renderable is not None:
            frames.append(time.perf_counter())

    app._display = timed
    return frames


async def first_frame_after(frames: list[float], start: float, ready, limit: float = 2.0) -> float:
    """Seconds from ``start`` to the first frame written once ``ready()`` holds."""
    import asyncio

    deadline = time.perf_counter() + limit
    seen_ready = None
    while time.perf_counter() < deadline:
        if seen_ready is None and ready():
            seen_ready = len(frames)
        if seen_ready is not None and len(frames) > seen_ready:
            return frames[seen_ready] - start
        await asyncio.sleep(0.0005)
    raise TimeoutError("the screen did not update")


async def measure_panel(folder: Path, adds: int) -> list[float]:
    sys.path.insert(0, str(REPO / "tests" / "tui"))
    from run_util import host_app
    from toolkit.session.clock import FakeClock

    app = host_app(folder, FakeClock(1_776_000_000.0))
    times = []
    async with app.run_test(size=(120, 36)) as pilot:
        frames = watch_frames(app)
        screen = app.screen
        for _ in range(5):
            if screen.engine.state.position == ("forge", "ideas"):
                break
            await pilot.press("pagedown")
            await pilot.pause()
        assert screen.engine.state.position == ("forge", "ideas"), screen.engine.state.position
        field = screen.query_one("#capture-input")
        field.focus()
        await pilot.pause()
        rows = screen.panel.record_list
        for n in range(adds):
            field.value = f"New idea {n}"
            before = rows.option_count
            start = time.perf_counter()
            await field.action_submit()  # what Enter runs, without the pilot's key-press delays
            times.append(await first_frame_after(frames, start, lambda before=before: rows.option_count == before + 1))
            await pilot.pause()
    return times


async def measure_baseline(adds: int, rows: int) -> list[float]:
    from textual.app import App
    from textual.widgets import OptionList
    from textual.widgets.option_list import Option

    class Plain(App):
        def compose(self):
            yield OptionList(*[Option(f"Idea {n}", id=str(n)) for n in range(rows)])

    app = Plain()
    times = []
    async with app.run_test(size=(120, 36)) as pilot:
        frames = watch_frames(app)
        listing = app.query_one(OptionList)
        await pilot.pause()
        for n in range(adds):
            start = time.perf_counter()
            listing.add_option(Option(f"New idea {n}", id=f"new{n}"))
            listing.highlighted = listing.option_count - 1
            times.append(await first_frame_after(frames, start, lambda: True))
            await pilot.pause()
    return times


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer cards and adds")
    parser.add_argument("--cards", type=int, default=1000)
    parser.add_argument("--adds", type=int, default=20)
    args = parser.parse_args(argv)
    cards, adds = (200, 5) if args.quick else (args.cards, args.adds)
    from toolkit.session.engine import Engine

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "w"
        folder.mkdir()
        (folder / "workshop.yaml").write_text(PLAN, "utf-8")
        with Engine(folder) as engine:
            engine.go_to("forge", "ideas")
            for n in range(cards):
                engine.capture({"op": "card", "text": f"Idea card number {n}"})
        panel = statistics.median(asyncio.run(measure_panel(folder, adds)))
    base = statistics.median(asyncio.run(measure_baseline(adds, cards)))
    print(f"{cards} cards on the board")
    print(f"add one card (Enter -> committed -> screen): {panel * 1000:.1f} ms (target < 50 ms); "
          f"ratio to a plain OptionList add ({base * 1000:.1f} ms): {panel / base:.2f}")
    return {"panel": panel, "baseline": base, "ratio": panel / base}


if __name__ == "__main__":
    main()
