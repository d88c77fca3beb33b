"""SVG snapshots of the start screen, the method library, the agenda builder and the workbook,
in German and English (120x36, frozen clock, no animations). Update with
``pytest --snapshot-update``."""

from __future__ import annotations

import pytest

from toolkit.tui.workshops import remember
from tui_util import FROZEN, SIZE, make_app, make_workshop, steady_tui  # noqa: F401

LANGS = ["de", "en"]


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


@pytest.mark.parametrize("lang", LANGS)
def test_home(snap_compare, lang):
    folder = make_workshop()
    remember(folder, "Auftakt: Kreative treffen Unternehmen", FROZEN)
    assert snap_compare(make_app(lang=lang), terminal_size=SIZE, run_before=settle)


@pytest.mark.parametrize("lang", LANGS)
def test_library(snap_compare, lang):
    async def search(pilot) -> None:
        await pilot.press(*"pitch")
        await pilot.press("tab")  # the category filter, so that no text cursor blinks
        await settle(pilot)

    assert snap_compare(make_app(lang=lang, start="library"), terminal_size=SIZE, run_before=search)


@pytest.mark.parametrize("lang", LANGS)
def test_agenda(snap_compare, lang):
    folder = make_workshop()

    async def edit(pilot) -> None:
        await pilot.press("down", "down", "down", "plus", "plus", "plus", "plus")  # the talk runs over
        await settle(pilot)

    assert snap_compare(make_app(folder, lang=lang, start="agenda"), terminal_size=SIZE, run_before=edit)


@pytest.mark.parametrize("lang", LANGS)
def test_workbook(snap_compare, lang, tmp_path):
    from test_tui_workbook import make_book

    folder = make_book(tmp_path / "book")

    async def edit(pilot) -> None:
        await pilot.press("down", "enter")  # the introduction in the editor
        await pilot.press("end", *" Museums too.")
        await pilot.pause(0.4)  # the debounced preview
        await pilot.press("ctrl+b")  # focus on the board: no blinking text cursor
        await settle(pilot)

    assert snap_compare(make_app(folder, lang=lang, start="workbook"), terminal_size=SIZE, run_before=edit)
