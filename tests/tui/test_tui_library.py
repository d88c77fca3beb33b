"""The method library screen: search as you type, filters, the card beside the list, picking."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Markdown, OptionList, Select

from toolkit.tui.screens.home import HomeScreen
from toolkit.tui.screens.library import LibraryScreen
from tui_util import SIZE, make_app, pilot, steady_tui  # noqa: F401

#: the built-in library's methods (one English card each), so that new cards need no edit here
ALL = len(list((Path(__file__).resolve().parents[2] / "methods" / "en").glob("*.md")))


def titles(screen: LibraryScreen) -> list[str]:
    return [card.meta.title for card in screen.cards]


@pilot
async def test_search_as_you_type_and_card_beside_the_list():
    app = make_app(start="library")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        assert len(screen.cards) == ALL and app.focused.id == "search"
        await pilot.press(*"speed")
        await pilot.pause()
        assert "speed-dating" in [c.id for c in screen.cards] and len(screen.cards) < ALL
        assert screen.cards[0].meta.title in screen.query_one("#card", Markdown).source
        await pilot.press("ctrl+a", "backspace")  # select all, delete: the whole library again
        screen.query_one("#search", Input).value = ""
        await pilot.pause()
        assert len(screen.cards) == ALL


@pilot
async def test_filters_category_duration_people_language():
    app = make_app(start="library")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.query_one("#category", Select).value = "ideation"
        await pilot.pause()
        assert screen.cards and all(c.meta.category == "ideation" for c in screen.cards)
        screen.query_one("#duration", Select).value = "30"
        await pilot.pause()
        assert screen.cards and all(c.meta.duration <= 30 for c in screen.cards)
        screen.query_one("#people", Select).value = 50
        await pilot.pause()
        assert all(c.meta.group_size.min <= 50 <= c.meta.group_size.max for c in screen.cards)
        screen.action_clear()
        await pilot.pause()
        assert len(screen.cards) == ALL
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert {c.language for c in screen.cards} == {"de"}
        assert "**Duration:**" in screen.query_one("#card", Markdown).source  # labels follow the UI language


@pilot
async def test_category_key_cycles_and_highlight_changes_card():
    app = make_app(start="library")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.query_one("#cards", OptionList).focus()
        await pilot.press("c")
        await pilot.pause()
        assert {c.meta.category for c in screen.cards} == {"opening"}
        first = screen.query_one("#card", Markdown).source
        await pilot.press("down")
        await pilot.pause()
        assert screen.query_one("#card", Markdown).source != first
        assert screen.check_action("pick", ()) is False  # not picking for an agenda


@pilot
async def test_no_match_says_so():
    app = make_app(start="library")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#search", Input).value = "zzzz-nothing"
        await pilot.pause()
        assert app.screen.cards == []
        assert "No method matches" in app.screen.query_one("#card", Markdown).source
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


@pilot
async def test_german_library():
    app = make_app(start="library", lang="de")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert {c.language for c in app.screen.cards} == {"de"}
        assert "Dauer" in app.screen.query_one("#card", Markdown).source
