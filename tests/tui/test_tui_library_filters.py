"""The library screen's purpose and role filters: the same vocabulary as ``cimis methods list``."""

from __future__ import annotations

from textual.widgets import Select

from cards_util import plugin_with_cards
from toolkit.tui.screens.library import LibraryScreen
from tui_util import SIZE, make_app, pilot, steady_tui  # noqa: F401


@pilot
async def test_purpose_and_role_filters(tmp_path, monkeypatch):
    plugin_with_cards(tmp_path, monkeypatch)
    app = make_app(start="library", lang="de")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        everything = len(screen.cards)
        purpose = screen.query_one("#purpose", Select)
        assert ("Entscheiden", "decide") in [(str(label), value) for label, value in purpose._options[1:]]
        purpose.value = "decide"
        await pilot.pause()
        assert "decide-fast" in [c.id for c in screen.cards] and "meet-fast" not in [c.id for c in screen.cards]
        assert all("decide" in c.meta.purposes for c in screen.cards)
        screen.query_one("#role", Select).value = "creative"
        await pilot.pause()
        assert "decide-fast" not in [c.id for c in screen.cards]
        assert all("decide" in c.meta.purposes and "creative" in c.meta.roles for c in screen.cards)
        purpose.clear()
        await pilot.pause()
        assert "meet-fast" in [c.id for c in screen.cards]
        assert all("creative" in c.meta.roles for c in screen.cards)
        screen.action_clear()
        await pilot.pause()
        assert len(screen.cards) == everything
        assert screen.query_one("#role", Select).value is Select.NULL
