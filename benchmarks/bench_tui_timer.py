"""The run-mode timer over 60 minutes of injected time: is the displayed time within a
second of the truth at every tick, and what does a tick cost?

The timer widget is redrawn by an interval that fires late by a random few milliseconds
(as real event loops do); each tick reads the engine's clock. Reported: the largest drift
between the displayed and the true remaining time in seconds (target < 1 s), and the ratio
of displayed to true elapsed time at the end (target 1.00), and the time a tick takes until
it is on screen as a ratio to a bare Textual ``Static`` updated and drawn the same number of
times in the same run."""

from __future__ import annotations

import argparse
import asyncio
import math
import random
import tempfile
import time
from pathlib import Path

PLAN = """\
title: Timer
date: 2026-04-20
language: en
agenda:
  - id: talk
    type: talk
    title: A long talk
    minutes: 60
"""


def parse(text: str) -> float:
    sign = -1 if text.startswith("+") else 1
    parts = [int(p) for p in text.lstrip("+").split(":")]
    seconds = 0
    for part in parts:
        seconds = seconds * 60 + part
    return sign * seconds


#: ticks timed until drawn (the first ones; drawing every tick would make the run minutes long)
TIMED = 100


async def baseline(ticks: int) -> float:
    """Seconds per update of a bare ``Static`` until it is drawn (the floor any timer pays)."""
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Bare(App):
        def compose(self) -> ComposeResult:
            yield Static("60:00", id="t")

    async with Bare().run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        static = pilot.app.query_one("#t", Static)
        begun = time.perf_counter()
        for n in range(ticks):
            static.update(f"{59 - n // 60 % 60:02d}:{59 - n % 60:02d}")
            await pilot.pause()
        return (time.perf_counter() - begun) / ticks


async def run(minutes: float, tick: float, seed: int) -> tuple[float, float, float, int, float]:
    from textual.app import App

    from toolkit.session.clock import FakeClock
    from toolkit.session.engine import Engine
    from toolkit.tui.screens.run import RunScreen
    from toolkit.tui.widgets.timer import TimerDisplay

    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "workshop.yaml").write_text(PLAN, "utf-8")
        clock = FakeClock(1_776_000_000.0)
        engine = Engine(folder, clock=clock)
        engine.start()
        started = clock.now()

        class Host(App):
            def on_mount(self) -> None:
                self.push_screen(RunScreen(engine, poll=False))

        drift = 0.0
        beyond = 0.0
        ticks = 0
        async with Host().run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            screen = pilot.app.screen
            display = screen.query_one(TimerDisplay)
            planned = 60 * 60
            spent = 0.0
            while clock.now() - started < minutes * 60:
                clock.advance(tick + rng.uniform(0, 0.02))  # intervals fire a little late
                begun = time.perf_counter()
                screen.tick()
                if ticks < TIMED:
                    await pilot.pause()  # until it is drawn, as the baseline's update is
                    spent += time.perf_counter() - begun
                ticks += 1
                true_remaining = planned - (clock.now() - started)
                shown = parse(display.text)
                drift = max(drift, abs(shown - true_remaining))
                # the display shows whole seconds, rounded up: anything beyond that is error
                beyond = max(beyond, abs(shown - math.ceil(true_remaining - 1e-9)))
            await pilot.pause()
            elapsed_true = clock.now() - started
            elapsed_shown = planned - parse(display.text)
        engine.close()
    return drift, beyond, elapsed_shown / elapsed_true, ticks, spent / min(ticks, TIMED)


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="5 minutes instead of 60")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    minutes = 5 if args.quick else 60
    drift, beyond, ratio, ticks, per_tick = asyncio.run(run(minutes, 0.25, args.seed))
    bare = asyncio.run(baseline(min(ticks, TIMED)))
    print(f"{minutes} min of injected time, {ticks} ticks")
    print(f"max difference displayed vs true remaining: {drift:.4f} s (target < 1 s; the display rounds "
          f"up to whole seconds); error beyond that rounding: {beyond:.4f} s; "
          f"ratio displayed/true elapsed: {ratio:.4f} (target 1.00)")
    print(f"one tick until drawn: {per_tick * 1000:.3f} ms vs a bare Static update {bare * 1000:.3f} ms "
          f"-> tick cost ratio {per_tick / bare:.2f}")
    return {"drift": drift, "beyond": beyond, "ratio": ratio, "tick_ms": per_tick * 1000,
            "bare_ms": bare * 1000, "tick_ratio": per_tick / bare}


if __name__ == "__main__":
    main()
