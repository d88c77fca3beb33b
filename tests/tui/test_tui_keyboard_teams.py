"""Interests, teams and the jury's scores with the keyboard alone (Pilot): the steps a day
needs between speed dating and the jury, as the facilitator reaches them with Enter, the
arrows, Tab and Space, never by setting a widget's value."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual import events

from run_util import START, goto, host_app, run_async, store_records
from toolkit.session.clock import FakeClock
from toolkit.session.engine import Engine

EXAMPLE = Path(__file__).resolve().parents[2] / "toolkit" / "examples" / "kickoff" / "workshop.en.yaml"


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
@run_async
async def test_interests_a_pinned_team_and_a_jury_score_from_the_keyboard(tmp_path, size):
    """At 120x36 the matching step's pickers once sat beside the buttons in the narrow
    capture panel: squeezed to 8 columns, opening one crashed the app."""
    folder = tmp_path / "kickoff"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / "workshop.yaml")
    app = host_app(folder, FakeClock(START))
    async with app.run_test(size=size) as pilot:
        # interests: choose who marks (the first control), Tab past the button to the list;
        # Space ticks the highlighted person at once (before, no row was highlighted and
        # Space did nothing until an arrow key was pressed)
        await goto(pilot, "speed-dating", "interests")
        panel = app.screen.panel
        assert app.focused is panel.query_one("#person")
        await pilot.press("enter", "down", "enter")
        await pilot.pause()
        await pilot.press("tab", "tab")
        assert app.focused is panel.query_one("#wants")
        await pilot.press("space", "ctrl+s")
        await pilot.pause()
        assert store_records(folder, "speed-dating", "interests")[0]["wants"] == ["kretschmar"]

        # the matching step: both people from their pickers, Tab to "Pin", Enter
        await goto(pilot, "find-teams", "reveal")
        assert app.focused is app.screen.panel.query_one("#pair-a")
        assert app.focused.size.width >= 16
        await pilot.press("enter", "down", "enter")
        await pilot.pause()
        await pilot.press("tab", "enter", "down", "enter")
        await pilot.pause()
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert store_records(folder, "find-teams", "reveal") == [{"op": "pin", "a": "lena", "b": "kretschmar"}]

        # the jury: Tab from the juror to the grid, a digit and Enter save the first cell
        await goto(pilot, "jury", "score")
        await pilot.press("tab", "4", "enter")
        await pilot.pause()
        scores = store_records(folder, "jury", "score")
        assert [(s["candidate"], s["score"]) for s in scores] == [("kretschmar", 4.0)]

    with Engine(folder, readonly=True) as engine:
        teams = engine.result("find-teams", "reveal").teams
        assert [(t.company, [m.id for m in t.members]) for t in teams] == [("kretschmar", ["lena"])]
        assert engine.result("jury", "score").ranking[0].candidate == "kretschmar"


@run_async
async def test_a_key_typed_right_after_tab_reaches_the_control_tab_moved_to(tmp_path):
    """A terminal delivers Tab and the digit typed after it in one read: the digit goes to
    the grid Tab moved to (found in the tmux whole-day run: it went to the juror picker the
    focus had just left, and the score was lost)."""
    folder = tmp_path / "kickoff"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / "workshop.yaml")
    with Engine(folder, clock=FakeClock(START)) as engine:
        engine.capture({"op": "pin", "a": "lena", "b": "kretschmar"}, item_id="find-teams", step_id="reveal")
    app = host_app(folder, FakeClock(START))
    async with app.run_test(size=(80, 24)) as pilot:
        await goto(pilot, "jury", "score")
        assert app.focused is app.screen.panel.query_one("#scorer")
        for key, char in (("tab", "\t"), ("4", "4"), ("enter", "\r"), ("shift+tab", None), ("tab", "\t"),
                          ("3", "3"), ("enter", "\r")):
            app.post_message(events.Key(key, char))
        for _ in range(6):
            await pilot.pause()
        scores = [s["score"] for s in store_records(folder, "jury", "score")]
        assert scores == [4.0, 3.0]  # Enter moved on: the second score is the next criterion's
