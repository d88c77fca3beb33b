"""Every capture option of every kind can be edited in the agenda builder (``e``): options
holding models (a jury's weighted criteria, a canvas's fields) used to crash the builder,
which then exited with status 0 and lost the edits. Every change is written to disk at
once, atomically."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from textual.widgets import Input

from run_util import ENGLISH_PLAN
from toolkit.tui.screens.agenda import AgendaScreen
from toolkit.tui.widgets.dialogs import MethodRunDialog
from tui_util import SIZE, make_app, pilot, steady_tui  # noqa: F401


def english(home: Path) -> Path:
    folder = home / "sprint"
    folder.mkdir()
    (folder / "workshop.yaml").write_text(ENGLISH_PLAN, "utf-8")
    return folder


async def open_edit(pilot, app, item_id: str) -> MethodRunDialog:
    screen = app.screen
    assert isinstance(screen, AgendaScreen)
    while screen.current_id() != item_id:
        await pilot.press("down")
    await pilot.press("e")
    await pilot.pause()
    assert isinstance(app.screen, MethodRunDialog)
    return app.screen


def field(dialog: MethodRunDialog, label_end: str) -> Input:
    index = next(n for n, f in enumerate(dialog.step_fields) if f.label.endswith(label_end))
    return dialog.query_one(f"#field-{index}", Input)


@pilot
async def test_jury_criteria_are_editable_and_saved_at_once():
    folder = english(Path.home())
    app = make_app(folder, start="agenda")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        dialog = await open_edit(pilot, app, "jury")
        criteria = field(dialog, ": criteria")
        value = json.loads(criteria.value)
        assert value[0]["id"] and value[0]["weight"] == 1.0
        value[0]["weight"] = 3
        criteria.value = json.dumps(value)
        criteria.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        # on disk at once: no save key, no question when leaving
        plan = yaml.safe_load((folder / "workshop.yaml").read_text("utf-8"))
        jury = next(i for i in plan["agenda"] if i["id"] == "jury")
        assert jury["options"]["score"]["criteria"][0]["weight"] == 3
        assert jury["options"]["score"]["source"] == "pitches.pitches"
        assert not app.screen.dirty
    assert app.return_code in (0, None)


@pilot
async def test_every_option_of_every_item_opens():
    folder = english(Path.home())
    app = make_app(folder, start="agenda")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        for item_id in screen.editor.item_ids():
            if "method" not in screen.editor.item(item_id):
                continue
            dialog = await open_edit(pilot, app, item_id)
            for n, step_field in enumerate(dialog.step_fields):
                if step_field.option is not None:
                    # what is shown reads back as the option's value
                    yaml.safe_load(dialog.query_one(f"#field-{n}", Input).value)
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is screen
    assert app.return_code in (0, None)


@pilot
async def test_a_change_that_breaks_the_plan_file_is_refused():
    folder = english(Path.home())
    before = (folder / "workshop.yaml").read_text("utf-8")
    app = make_app(folder, start="agenda")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.edit(lambda: screen.editor.set_item_field("jury", "minutes", "not a number"))
        await pilot.pause()
        assert (folder / "workshop.yaml").read_text("utf-8") == before
        assert "minutes" not in screen.editor.item("jury") and not screen.dirty
    assert app.return_code in (0, None)
