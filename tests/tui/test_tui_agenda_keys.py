"""The agenda builder answers its keys straight after the new-workshop dialog closes, and a
method is added from the library however fast Enter is pressed (at 80x24, the smallest size)."""

from __future__ import annotations

from textual import events
from textual.widgets import OptionList

from toolkit.tui.screens.agenda import AgendaScreen
from toolkit.tui.screens.library import LibraryScreen
from tui_util import make_app, pilot, steady_tui  # noqa: F401

SMALL = (80, 24)


@pilot
async def test_agenda_keys_work_right_after_the_new_workshop_dialog():
    """``+`` and Ctrl+S reach the agenda builder the moment it replaces the dialog: the
    focus is on the agenda, not left on the dialog's removed widgets."""
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("enter", "plus")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AgendaScreen)
        assert app.focused is not None and app.focused.screen is screen and app.focused.id == "items"
        longer = screen.agenda.minutes
        assert len(screen.undo_stack) == 1  # the + was applied (and saved at once)
        assert screen.editor.path.read_text("utf-8") == screen.editor.text()
        await pilot.press("ctrl+z", "ctrl+s")
        await pilot.pause()
        assert screen.agenda.minutes == longer - 5
        assert not screen.dirty
        assert any("Saved workshop.yaml" in str(n.message) for n in app._notifications)


async def _new_agenda(app, pilot) -> AgendaScreen:
    """The agenda builder of a new workshop, from the start screen: ``n``, then Enter in the
    dialog."""
    await pilot.press("n")
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    agenda = app.screen
    assert isinstance(agenda, AgendaScreen)
    return agenda


def _post_keys(app, *keys: str) -> None:
    """Queue key presses at once, as a terminal delivers fast typing: none waits for the
    previous one's effects (Pilot's ``press`` would)."""
    for key in keys:
        char = {"enter": "\r"}.get(key, key if len(key) == 1 else None)
        app.post_message(events.Key(key, char))


@pilot
async def test_enter_enter_from_the_library_search_adds_the_method():
    """Type, Enter, Enter in quick succession: the method is added (the second Enter used to
    reach the search field again, before the focus had moved to the list: nothing happened)."""
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        agenda = await _new_agenda(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press(*"word cloud")
        await pilot.pause()
        _post_keys(app, "enter", "enter")
        await pilot.pause()
        await pilot.pause()
        assert app.screen is agenda
        assert agenda.editor.item_ids()[1] == "word-cloud"
        assert "method: word-cloud" in agenda.editor.path.read_text("utf-8")


@pilot
async def test_library_search_enter_adds_and_down_goes_to_the_list():
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        agenda = await _new_agenda(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        library = app.screen
        await pilot.press(*"canvas")
        await pilot.pause()
        assert "Enter: add" in str(library.query_one("#count").render())
        await pilot.press("down")
        await pilot.pause()
        cards = library.query_one("#cards", OptionList)
        assert app.focused is cards
        await pilot.press("down")
        await pilot.pause()
        chosen = library.current().id
        assert chosen != library.cards[0].id
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is agenda and agenda.editor.item_ids()[1] == chosen


@pilot
async def test_browsing_the_library_enter_goes_to_the_list():
    """Not picking (the library opened from the start screen): Enter in the search field goes
    to the list, and nothing is dismissed."""
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("l")
        await pilot.pause()
        library = app.screen
        await pilot.press(*"dot", "enter")
        await pilot.pause()
        assert app.screen is library and app.focused is library.query_one("#cards", OptionList)


@pilot
async def test_a_double_enter_in_the_new_workshop_dialog_creates_once():
    """The second Enter reaches the dialog's field after the first one closed it: it must not
    close (or create) anything else."""
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("n")
        await pilot.pause()
        _post_keys(app, "enter", "enter")
        for _ in range(3):
            await pilot.pause()
        assert [type(s).__name__ for s in app.screen_stack] == ["HomeScreen", "AgendaScreen"]
        assert not any(n.severity == "error" for n in app._notifications)


@pilot
async def test_a_double_escape_in_the_library_leaves_the_agenda_open():
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await _new_agenda(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        _post_keys(app, "enter", "enter", "escape")
        for _ in range(3):
            await pilot.pause()
        assert [type(s).__name__ for s in app.screen_stack] == ["HomeScreen", "AgendaScreen"]


@pilot
async def test_typing_into_the_library_before_it_has_the_focus_picks_nothing():
    """Letters typed as the library appears go to the search field; ``a`` (add) acts only
    with a card chosen, never while the focus is nowhere (it picked the first card)."""
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        agenda = await _new_agenda(app, pilot)
        await pilot.press("a")
        library = app.screen
        assert isinstance(library, LibraryScreen)
        assert app.focused is library.query_one("#search")  # from the first frame
        library.set_focus(None)
        await pilot.press("a")
        await pilot.pause()
        assert app.screen is library and agenda.editor.item_ids()[1] != "break"
