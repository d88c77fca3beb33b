"""Fast typing in run mode: keys arrive at once, as a terminal delivers a fast typist's
entries. Each Enter takes exactly the text typed before it (found in the tmux whole-day run:
a second card was appended to the first, or wiped when the first was saved)."""

from __future__ import annotations

import pytest
from textual import events

from run_util import START, english_workshop, goto, host_app, run_async, store_records
from toolkit.session.clock import FakeClock


def post_typing(app, *entries: str) -> None:
    """Queue every key of ``entries`` (each followed by Enter) at once, with no pause."""
    for entry in entries:
        for char in entry:
            app.post_message(events.Key(char if char.isalnum() else {" ": "space", "?": "question_mark",
                                                                     "/": "slash"}.get(char, char), char))
        app.post_message(events.Key("enter", "\r"))


@pytest.mark.parametrize("item, step, field", [("forge", "ideas", "text"), ("check-in", "expectations", "text")])
@run_async
async def test_entries_typed_at_once_stay_apart(tmp_path, item, step, field):
    folder = english_workshop(tmp_path)
    app = host_app(folder, FakeClock(START))
    async with app.run_test(size=(80, 24)) as pilot:
        await goto(pilot, item, step)
        post_typing(app, "What does it cost?", "Who maintains it?", "Third one")
        for _ in range(6):
            await pilot.pause()
        assert [r[field] for r in store_records(folder, item, step)] == [
            "What does it cost?", "Who maintains it?", "Third one"]
        assert app.focused.value == ""


@run_async
async def test_a_refused_entry_comes_back_to_be_corrected(tmp_path):
    folder = english_workshop(tmp_path)
    app = host_app(folder, FakeClock(START))
    async with app.run_test(size=(80, 24)) as pilot:
        await goto(pilot, "forge", "ideas")
        post_typing(app, "/bogus x")
        for _ in range(4):
            await pilot.pause()
        assert store_records(folder, "forge", "ideas") == []
        assert app.focused.value == "/bogus x"
