"""The projector is the facilitator's: results stay hidden until revealed (votes and jury
scores by default), a black-screen key blanks it, the facilitator's screen says what the room
sees, and all of it is session state: a second process reads the same. Built-in kinds bring
their widget, projector view and demo player through their registration like any plugin."""

from __future__ import annotations

import re
from pathlib import Path

from run_util import START, english_workshop, goto, host_app, run_async, text_of
from toolkit.capture.base import BUILTIN_KIND_NAMES
from toolkit.session.clock import FakeClock
from toolkit.session.engine import Engine

SIZE = (120, 36)
REPO = Path(__file__).resolve().parents[2]


async def vote(pilot, app) -> None:
    panel = app.screen.panel
    items = panel.query_one("#dot-items")
    items.focus()
    await pilot.press("enter")
    await pilot.pause()


@run_async
async def test_votes_hidden_until_revealed_and_black_screen(tmp_path):
    folder = english_workshop(tmp_path)
    app = host_app(folder, FakeClock(START))
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "forge", "ideas")
        field = app.screen.panel.query_one("#capture-input")
        field.focus()
        for idea in ("Tablet job sheet", "Photo log"):
            field.value = idea
            await pilot.press("enter")
            await pilot.pause()
        await goto(pilot, "forge", "vote")
        await vote(pilot, app)
        room = text_of(app.screen.query_one("#room-view"))
        assert "hidden" in room and "F9" in room
        await pilot.press("f7")
        await pilot.pause()
        projector = app.screen
        assert projector.has_class("-hidden")
        assert "people gave" not in text_of(projector.query_one("#proj-rich"))
        assert "results follow" in text_of(projector.query_one("#proj-hidden"))
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("f9")  # reveal
        await pilot.pause()
        assert "sees the results" in text_of(app.screen.query_one("#room-view"))
        await pilot.press("f7")
        await pilot.pause()
        projector = app.screen
        projector.poll_store()
        assert not projector.has_class("-hidden")
        assert "people gave" in text_of(projector.query_one("#proj-rich"))
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+b")  # black screen
        await pilot.pause()
        assert "Black screen" in text_of(app.screen.query_one("#room-view"))
        # another process (the beamer's, or a restart) reads the same presenter state
        with Engine(folder, readonly=True) as other:
            assert other.state.blackout
            assert other.presenter("forge", "vote").revealed
        await pilot.press("f7")
        await pilot.pause()
        assert app.screen.has_class("-black")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+b")
        await pilot.pause()
    with Engine(folder, readonly=True) as other:
        assert not other.state.blackout


def test_no_screen_branches_on_a_builtin_kind_name():
    """Run mode, the projector, the capture host and the demo reach built-in kinds only
    through their registration (widget, projector, demo), as a plugin's."""
    sources = [REPO / "toolkit/tui/screens/run.py", REPO / "toolkit/tui/screens/projector.py",
               REPO / "toolkit/tui/widgets/capture/boundary.py", REPO / "toolkit/cli/demo.py"]
    for path in sources:
        text = path.read_text("utf-8")
        for name in BUILTIN_KIND_NAMES:
            pattern = rf"""(kind|\.name)\s*==\s*["']{name}["']|(kind|\.name) in \(.*["']{name}["']"""
            assert not re.search(pattern, text), (path.name, name)
        # no table of built-in panels or views, no test for "is this one of ours"
        for marker in ("BUILTIN_WIDGETS", "RICH_VIEWS", 'startswith("toolkit.capture.kinds', 'getattr(self, f"play_'):
            assert marker not in text, (path.name, marker)
    from toolkit import registry

    for name in BUILTIN_KIND_NAMES:
        kind = registry.capture_kinds()[name]
        if (REPO / f"toolkit/tui/widgets/capture/{name}.py").is_file():  # kinds with a panel of their own
            assert kind.widget == f"{kind.widget.split(':')[0]}:{kind.widget.split(':')[1]}" and kind.demo, name
            assert kind.widget.startswith(f"toolkit.tui.widgets.capture.{name}:"), name


def test_projector_and_run_screens_do_not_import_each_other():
    projector = (REPO / "toolkit/tui/screens/projector.py").read_text("utf-8")
    assert "screens.run" not in projector
    home = (REPO / "toolkit/tui/screens/home.py").read_text("utf-8")
    assert "toolkit.cli" not in home


@run_async
async def test_speed_dating_round_clock_signals_the_changeover(tmp_path):
    folder = english_workshop(tmp_path)
    clock = FakeClock(START)
    app = host_app(folder, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await goto(pilot, "speed-dating", "rounds")
        panel = app.screen.panel
        assert "No round started" in text_of(panel.query_one("#round-clock"))
        panel.start_next_round()
        panel.tick()
        await pilot.pause()
        minutes = panel.options.round_minutes
        assert f"Round 1: {minutes:02d}:00 left" in text_of(panel.query_one("#round-clock"))
        bells = app.bells
        clock.advance(minutes * 60 + 1)
        panel.tick()
        panel.tick()
        await pilot.pause()
        assert "change tables" in text_of(panel.query_one("#round-clock"))
        assert app.bells == bells + 1  # one signal, not one per tick
        # the table plan names people in full
        assert "Frank Kretschmar" in text_of(panel.query_one("#result")) or \
            "Dr. Anna Seidel" in text_of(panel.query_one("#result"))


@run_async
async def test_a_finished_session_can_be_reopened_and_the_log_says_so(tmp_path):
    import sqlite3

    folder = english_workshop(tmp_path)
    app = host_app(folder, FakeClock(START))
    async with app.run_test(size=(80, 24)) as pilot:
        await goto(pilot, "check-in", "expectations")
        await pilot.press("ctrl+f", "y")
        await pilot.pause()
        assert app.screen.engine.state.finished
        await pilot.press("ctrl+o")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert not app.screen.engine.state.finished
        assert "reopened" in text_of(app.screen.query_one("#run-status"))
        field = app.screen.panel.query_one("#capture-input")
        field.focus()
        await pilot.press(*"after", "enter")
        await pilot.pause()
    with Engine(folder, readonly=True) as other:
        assert not other.state.finished
        assert [r.data["text"] for r in other.state.step_records("check-in", "expectations")] == ["after"]
    types = [row[0] for row in sqlite3.connect(folder / "session.db").execute("SELECT type FROM events ORDER BY seq")]
    assert types[-3:-1] == ["finished", "reopened"] or ("finished" in types and "reopened" in types
                                                         and types.index("reopened") > types.index("finished"))
