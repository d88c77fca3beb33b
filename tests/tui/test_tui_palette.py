"""The command palette finds every action by its German or English name; key bindings have
ids the user's configuration remaps; the theme choice is remembered."""

from __future__ import annotations

import pytest
from textual.command import CommandPalette

from toolkit.config import load_config
from toolkit.tui.bindings import DEFAULTS, binding, display_keys, user_keymap
from toolkit.tui.commands import palette_commands
from toolkit.tui.screens.library import LibraryScreen
from tui_util import SIZE, make_app, make_workshop, pilot, steady_tui  # noqa: F401


def test_binding_ids_and_actions():
    b = binding("agenda.move-up")
    assert (b.id, b.action, b.key) == ("agenda.move-up", "move_up", "shift+up,K")
    assert binding("app.help").action == "app.help"
    assert display_keys("shift+up,K") == "Shift+↑ / K"


def test_every_binding_description_has_german():
    from toolkit.i18n.de import MESSAGES

    assert all(description in MESSAGES for _keys, description, _show in DEFAULTS.values())


def test_user_keymap_ignores_unknown_ids():
    keymap, unknown = user_keymap({"keys": {"agenda.save": "ctrl+w", "no.such": "x"}})
    assert keymap == {"agenda.save": "ctrl+w"} and unknown == ["no.such"]


async def _search(app, query: str) -> list[str]:
    from toolkit.tui.commands import CimisCommands

    provider = CimisCommands(app.screen)
    return [hit.text async for hit in provider.search(query)]


@pytest.mark.parametrize("lang, query, expected", [
    ("en", "library", "Method library"),
    ("en", "Methodenbibliothek", "Method library"),
    ("de", "Method library", "Methodenbibliothek"),
    ("de", "Beamer", "Farbschema: hoher Kontrast für Beamer"),
])
def test_palette_finds_actions_in_both_languages(lang, query, expected):
    @pilot
    async def scenario():
        app = make_app(lang=lang)
        async with app.run_test(size=SIZE) as p:
            await p.pause()
            assert expected in await _search(app, query)

    scenario()


@pilot
async def test_palette_offers_the_current_screens_actions_only():
    app = make_app(make_workshop(), start="agenda")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        ids = {c.id for c in palette_commands(app, app.screen)}
        assert {"agenda.add-method", "agenda.save", "app.help", "theme.cimis-projector"} <= ids
        assert not any(i.startswith(("home.", "library.")) for i in ids)


@pilot
async def test_palette_performs_an_action():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"Method library")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


@pilot
async def test_remapped_key_from_config():
    app = make_app(config={"keys": {"home.library": "m"}})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        await pilot.pause()
        assert not isinstance(app.screen, LibraryScreen)
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


@pilot
async def test_theme_is_remembered_in_config():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "cimis-dark"
        await pilot.press("f9")
        await pilot.pause()
        assert app.theme == "cimis-light"
    assert load_config()["theme"] == "cimis-light"
    again = make_app(config=load_config())
    assert again.theme == "cimis-light"


def test_projector_flag_uses_high_contrast_theme():
    assert make_app(projector=True).theme == "cimis-projector"
