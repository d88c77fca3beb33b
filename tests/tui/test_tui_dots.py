"""Dot voting's room totals from the keyboard: highlight an item, type the paper dots counted
on it into the room-count field, Enter; a recount replaces the count, bad input saves nothing."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from run_util import START, english_workshop, goto, host_app, run_async, store_records, text_of
from toolkit.session.clock import FakeClock


def prepare(folder):
    from toolkit.session.engine import Engine

    with Engine(folder, clock=FakeClock(START)) as engine:
        for idea in ("Tablet job sheet", "Audio guide", "Site photos"):
            engine.capture({"op": "card", "text": idea}, item_id="forge", step_id="ideas")
        ids = [c.id for c in engine.records("forge", "ideas")]
        engine.capture({"op": "group", "cards": [ids[0], ids[2]], "cluster": "Digital [b]processes[/b]"},
                       item_id="forge", step_id="cluster")
        engine.capture({"op": "group", "cards": [ids[1]], "cluster": "Stories"}, item_id="forge", step_id="cluster")


def test_room_totals_from_the_keyboard(tmp_path):
    folder = english_workshop(tmp_path)
    prepare(folder)

    @run_async
    async def drive():
        app = host_app(folder, FakeClock(START))
        for size in ((80, 24),):
            async with app.run_test(size=size) as pilot:
                screen = app.screen
                await goto(pilot, "forge", "vote")
                panel = screen.panel
                items = panel.query_one("#dot-items", OptionList)
                items.focus()
                await pilot.press("down")  # "Stories"
                await pilot.press("shift+tab")
                assert app.focused is panel.query_one("#room-count", Input)
                await pilot.press("1", "2", "enter")
                await pilot.pause()
                assert store_records(folder, "forge", "vote") == [{"op": "tally", "item": "Stories", "dots": 12}]
                assert panel.query_one("#room-count", Input).value == ""
                shown = text_of(panel.query_one("#result"))
                assert "12 (12 in the room)" in shown
                # a recount replaces the count; the voter's own dot adds to it
                await pilot.press("5", "enter")
                await pilot.pause()
                items.focus()
                await pilot.press("enter")  # the highlighted item, one dot from the first voter
                await pilot.pause()
                result = app.session.result("forge", "vote")
                assert [(r.label, r.dots, r.room) for r in result.ranking] == [
                    ("Stories", 6, 5), ("Digital [b]processes[/b]", 0, 0)]
                # letters cannot be typed into the count, an empty count is refused
                panel.query_one("#room-count", Input).focus()
                await pilot.press("x", "enter")
                await pilot.pause()
                assert "whole number" in text_of(screen.query_one("#run-status"))
                assert len(store_records(folder, "forge", "vote")) == 3
                rows = [str(label) for _id, label in panel.rows()]
                assert rows[:2] == ["Room count → Stories (12)", "Room count → Stories (5)"]
                assert rows[2] == "Lena Hoffmann → Stories (1)"

    drive()
