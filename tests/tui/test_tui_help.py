"""The help screen lists every key from the bindings registry, translated, with the user's
overrides."""

from __future__ import annotations

from toolkit.i18n import set_language
from toolkit.tui.bindings import DEFAULTS
from toolkit.tui.screens.help import HelpScreen
from tui_util import SIZE, make_app, pilot, steady_tui  # noqa: F401


@pilot
async def test_help_lists_keys_translated_with_overrides():
    app = make_app(lang="de", config={"keys": {"agenda.save": "ctrl+w"}})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one("#help-table")
        row = [str(c) for c in table.get_row("agenda.save")]
        assert row[1:] == ["Strg+W", "Speichern", "agenda.save"]
        # key names as a German keyboard prints them
        assert [str(c) for c in table.get_row("run.next")][1] == "Bild↓"
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
    set_language("en")


@pilot
async def test_help_lists_every_registered_binding():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        table = app.screen.query_one("#help-table")
        assert table.row_count == len(DEFAULTS)
