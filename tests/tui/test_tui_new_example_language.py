"""The new-workshop dialog: the kickoff example comes in the language chosen for the workshop
(it used to be German whatever was chosen)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, RadioButton

from toolkit.plan import load_plan
from toolkit.tui.screens.agenda import AgendaScreen
from tui_util import SIZE, make_app, pilot, steady_tui  # noqa: F401


@pytest.mark.parametrize("ui, chosen, title", [
    ("en", "de", "Kickoff: Kreative treffen Unternehmen"),
    ("de", "en", "Kickoff: creatives meet companies"),
    ("de", "de", "Kickoff: Kreative treffen Unternehmen"),
])
def test_kickoff_in_the_chosen_language(ui, chosen, title):
    @pilot
    async def run():
        app = make_app(lang=ui)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("n")
            await pilot.pause()
            app.screen.query_one("#folder", Input).value = "~/neu"
            app.screen.query_one(f"#lang-{chosen}", RadioButton).value = True
            await pilot.pause()
            await pilot.click("#ok")
            await pilot.pause()
            assert isinstance(app.screen, AgendaScreen)

    run()
    plan = load_plan(Path.home() / "neu")
    assert plan.language == chosen and plan.title == title
