"""SVG snapshots of every screen outside run mode (start screen, new-workshop dialog, method
library, agenda builder with its edit dialog, workbook, key help), in German and English, at
80x24 (nothing needed cut off) and 120x36; frozen clock, no animations. Update with
``pytest --snapshot-update``."""

from __future__ import annotations

import pytest

from toolkit.tui.workshops import remember
from tui_util import FROZEN, SIZE, make_app, make_workshop, steady_tui  # noqa: F401

LANGS = ["de", "en"]
SIZES = pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


@SIZES
@pytest.mark.parametrize("lang", LANGS)
def test_home(snap_compare, size, lang):
    folder = make_workshop()
    remember(folder, "Auftakt: Kreative treffen Unternehmen", FROZEN)
    assert snap_compare(make_app(lang=lang), terminal_size=size, run_before=settle)


@SIZES
@pytest.mark.parametrize("lang", LANGS)
def test_library(snap_compare, size, lang):
    async def search(pilot) -> None:
        await pilot.press(*"pitch")
        await pilot.press("tab")  # the category filter, so that no text cursor blinks
        await settle(pilot)

    assert snap_compare(make_app(lang=lang, start="library"), terminal_size=size, run_before=search)


@SIZES
@pytest.mark.parametrize("lang", LANGS)
def test_agenda(snap_compare, size, lang):
    folder = make_workshop()

    async def edit(pilot) -> None:
        await pilot.press("down", "down", "down", "plus", "plus", "plus", "plus")  # the talk runs over
        await settle(pilot)

    assert snap_compare(make_app(folder, lang=lang, start="agenda"), terminal_size=size, run_before=edit)


@SIZES
@pytest.mark.parametrize("lang", LANGS)
def test_workbook(snap_compare, size, lang, tmp_path):
    from test_tui_workbook import make_book

    folder = make_book(tmp_path / "book")

    async def edit(pilot) -> None:
        await pilot.press("down", "enter")  # the introduction in the editor
        await pilot.press("end", *" Museums too.")
        await pilot.pause(0.4)  # the debounced preview
        await pilot.press("ctrl+b")  # focus on the board: no blinking text cursor
        await settle(pilot)

    assert snap_compare(make_app(folder, lang=lang, start="workbook"), terminal_size=size, run_before=edit)


@SIZES
@pytest.mark.parametrize("lang", LANGS)
def test_new_workshop_dialog(snap_compare, size, lang):
    async def open_dialog(pilot) -> None:
        await pilot.app.screen.run_action("new")
        await settle(pilot)

    assert snap_compare(make_app(lang=lang), terminal_size=size, run_before=open_dialog)


@SIZES
@pytest.mark.parametrize("lang", LANGS)
def test_agenda_edit_dialog(snap_compare, size, lang):
    folder = make_workshop()

    async def edit(pilot) -> None:
        await pilot.press("down", "e")  # a method run: minutes and capture options
        await settle(pilot)

    assert snap_compare(make_app(folder, lang=lang, start="agenda"), terminal_size=size, run_before=edit)


@SIZES
@pytest.mark.parametrize("lang", LANGS)
def test_help(snap_compare, size, lang):
    async def help_screen(pilot) -> None:
        await pilot.press("f1")
        await settle(pilot)

    assert snap_compare(make_app(lang=lang), terminal_size=size, run_before=help_screen)
