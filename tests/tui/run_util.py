"""Helpers for the run-mode tests: workshop folders, a fake clock, and a minimal app that
hosts :class:`RunScreen` / :class:`ProjectorScreen` (the same screens ``CimisApp`` pushes).

Run as a script (``python tests/tui/run_util.py DIR [--projector]``) it opens run mode in a
real terminal, for the tmux test when ``cimis ui`` is not available.
"""

from __future__ import annotations

import asyncio
import functools
import shutil
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
KICKOFF = REPO / "tests" / "tui" / "fixtures" / "kickoff-v1.yaml"  # frozen copy of the first kickoff example
START = 1_773_302_400.0  # 2026-03-12 08:00 UTC, the kickoff's day

#: A small English workshop built from the built-in methods: every capture kind the UI
#: tests drive (notes, cards, clusters, dots, rotation, interests, matching, pitch,
#: scorecard, canvas, checklist).
ENGLISH_PLAN = """\
title: Cross-innovation sprint
date: 2026-04-20
start: "09:30"
place: Zentralwerk Dresden
language: en
seed: 7
people:
  - {id: anna, name: Anna Berger, role: facilitator}
  - {id: lena, name: Lena Hoffmann, role: creative, organisation: Studio Hoffmann}
  - {id: jonas, name: Jonas Richter, role: creative, organisation: Pixelwerk Games}
  - {id: mira, name: Mira Schubert, role: creative, organisation: Photography}
  - {id: kretschmar, name: Frank Kretschmar, role: company, organisation: Kretschmar Joinery}
  - {id: museum, name: Dr. Anna Seidel, role: company, organisation: Grünstein City Museum}
  - {id: jury-1, name: Petra Lange, role: jury}
  - {id: jury-2, name: Martin Böhm, role: jury}
agenda:
  - id: welcome
    type: free
    title: Welcome
    minutes: 5
    notes: "Say **hello**. Name the goal of the day."
  - id: check-in
    method: check-in
  - id: speed-dating
    method: speed-dating
  - id: teams
    method: team-matching
  - id: forge
    method: idea-forge
  - id: pitches
    method: pitch-creatives
  - id: jury
    method: jury-evaluation
    options:
      score: {source: pitches.pitches}
  - id: canvas
    method: digitisation-canvas
"""


def run_async(fn):
    """Run an ``async def`` test in its own event loop (no asyncio plugin needed)."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return asyncio.run(fn(*args, **kwargs))

    return wrapper


def english_workshop(root: Path) -> Path:
    folder = root / "sprint"
    folder.mkdir(parents=True)
    (folder / "workshop.yaml").write_text(ENGLISH_PLAN, "utf-8")
    return folder


def kickoff_workshop(root: Path) -> Path:
    folder = root / "kickoff"
    folder.mkdir(parents=True)
    shutil.copy(KICKOFF, folder / "workshop.yaml")
    return folder


def host_app(folder: Path, clock: Any = None, *, projector: bool = False, poll: bool = False) -> Any:
    """The real app (:class:`CimisApp`) showing run mode, or the projector view, for
    ``folder``, as ``cimis ui DIR [--projector]`` does; it counts bells, and its store
    polling is off unless ``poll`` (tests drive the clock and call the refresh themselves)."""
    from toolkit.session.engine import Engine
    from toolkit.tui.app import CimisApp
    from toolkit.tui.screens.projector import ProjectorScreen
    from toolkit.tui.screens.run import RunScreen

    class HostApp(CimisApp):
        def __init__(self) -> None:
            super().__init__(None, projector=projector, clock=clock, config={})
            self.session = Engine(folder, clock=clock)
            self.bells = 0

        def bell(self) -> None:
            self.bells += 1
            super().bell()

        def on_mount(self) -> None:
            super().on_mount()
            screen = ProjectorScreen(self.session, poll=poll) if projector else RunScreen(self.session, poll=poll)
            self.push_screen(screen)

        def on_unmount(self) -> None:
            self.session.close()

    return HostApp()


def store_records(folder: Path, item: str, step: str) -> list[dict]:
    """The step's records as a second, independent Engine reads them from the store."""
    from toolkit.session.engine import Engine

    with Engine(folder, readonly=True) as engine:
        return [rec.data for rec in engine.state.step_records(item, step)]


# -- deliberately broken plugin widgets, for the error boundary --------------------------

from toolkit.tui.widgets.capture.notes import NotesPanel


class BrokenAfterCommit(NotesPanel):
    """Captures the note, then fails in its handler (a plugin bug after the commit)."""

    def on_input_submitted(self, event) -> None:
        super().on_input_submitted(event)
        raise RuntimeError("widget bug after saving")


class BrokenCompose(NotesPanel):
    def compose_controls(self):
        raise RuntimeError("widget bug in compose")


def text_of(widget) -> str:
    """What a Static (or similar) shows, as plain text."""
    content = getattr(widget, "content", None)
    if content is None:
        content = widget.render()
    plain = getattr(content, "plain", None)
    if plain is not None:
        return plain
    if isinstance(content, str):
        return content
    from rich.console import Console

    console = Console(width=200, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    console.print(content)
    return console.export_text()


async def goto(pilot, item: str, step: str, limit: int = 60) -> None:
    """Press Page Down until run mode shows ``item.step``."""
    screen = pilot.app.screen
    for _ in range(limit):
        position = screen.engine.state.position
        if position == (item, step):
            await pilot.pause()
            return
        await pilot.press("pagedown")
        await pilot.pause()
    raise AssertionError(f"never reached {item}.{step}")


if __name__ == "__main__":
    host_app(Path(sys.argv[1]), projector="--projector" in sys.argv[2:], poll=True).run()
