"""The start screen: actions, recent workshops, creating and opening a workshop."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, OptionList

from toolkit.tui.screens.agenda import AgendaScreen
from toolkit.tui.screens.home import HomeScreen
from toolkit.tui.screens.library import LibraryScreen
from toolkit.tui.workshops import recent_workshops, remember
from tui_util import FROZEN, SIZE, make_app, make_workshop, pilot, steady_tui  # noqa: F401


@pilot
async def test_home_lists_actions_and_no_workshops():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        actions = app.screen.query_one("#actions", OptionList)
        assert [actions.get_option_at_index(i).id for i in range(actions.option_count)] == [
            "new", "open", "demo", "library"]
        recent = app.screen.query_one("#recent", OptionList)
        assert recent.option_count == 1 and recent.get_option_at_index(0).disabled


@pilot
async def test_recent_workshop_opens_agenda_with_enter():
    folder = make_workshop()
    remember(folder, "Auftakt", FROZEN)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.focused.id == "recent"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        assert app.screen.folder == folder


@pilot
async def test_library_key_opens_library_and_escape_returns():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


@pilot
async def test_new_workshop_from_kickoff_example():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        folder_input = app.screen.query_one("#folder", Input)
        assert folder_input.value.endswith("workshop-2026-03-12")
        folder_input.value = "~/neu"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
    created = Path.home() / "neu"
    # the example in the workshop's language (the UI's language, English, unless chosen otherwise)
    assert (created / "workshop.yaml").read_text("utf-8").startswith("# Workshop plan: a kickoff day")
    assert (created / "workbook").is_dir()
    assert [r.path for r in recent_workshops()] == [str(created)]


@pilot
async def test_new_empty_workshop_in_english():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#folder", Input).value = "~/empty"
        app.screen.query_one("#title", Input).value = "Design day"
        await pilot.click("#empty")
        await pilot.click("#lang-en")
        await pilot.click("#ok")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
    text = (Path.home() / "empty" / "workshop.yaml").read_text("utf-8")
    assert 'title: "Design day"' in text and "language: en" in text and "date: 2026-03-12" in text


@pilot
async def test_new_workshop_refuses_a_non_empty_folder():
    make_workshop("taken")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#folder", Input).value = "~/workshops/taken"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert any("not empty" in str(n.message) for n in app._notifications)


@pilot
async def test_open_folder_dialog_checks_the_folder():
    folder = make_workshop()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#folder", Input).value = "~/nowhere"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog and "No such folder" in str(dialog.query_one("#error").render())
        dialog.query_one("#folder", Input).value = "~/workshops/kickoff"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen) and app.screen.folder == folder


@pilot
async def test_forget_removes_a_recent_workshop():
    folder = make_workshop()
    remember(folder, "Auftakt", FROZEN)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("delete")
        await pilot.pause()
        assert recent_workshops() == []


@pilot
async def test_exit_when_ready(monkeypatch):
    monkeypatch.setenv("CIMIS_EXIT_WHEN_READY", "1")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
    assert app.return_code in (0, None)
