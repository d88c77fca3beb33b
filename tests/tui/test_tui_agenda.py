"""The agenda builder: live start times, budget and problems; adding, moving, changing and
removing items; saving keeps the person's comments and order."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input, Static

from toolkit.tui.screens.agenda import AgendaScreen
from toolkit.tui.screens.home import HomeScreen
from toolkit.tui.screens.library import LibraryScreen
from toolkit.tui.widgets.dialogs import MethodRunDialog, SaveChangesDialog
from tui_util import SIZE, make_app, make_workshop, pilot, steady_tui  # noqa: F401


def rows(screen: AgendaScreen) -> list[tuple[str, ...]]:
    table = screen.query_one("#items", DataTable)
    return [tuple(str(c) for c in table.get_row_at(i)) for i in range(table.row_count)]


def budget(screen: AgendaScreen) -> str:
    return str(screen.query_one("#budget", Static).render())


@pilot
async def test_agenda_shows_times_budget_and_problems():
    app = make_app(make_workshop(), start="agenda")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AgendaScreen)
        assert rows(screen)[0][:3] == ("09:00", "09:30", "30")
        assert rows(screen)[-1][:2] == ("17:00", "17:15")
        assert "15 min to spare" in budget(screen)
        assert len(screen.problems) == 1 and screen.problems[0].severity == "warning"
        assert "1 warning" in str(screen.query_one("#problems-title").render())


@pilot
async def test_longer_shorter_move_remove_undo_update_live():
    app = make_app(make_workshop(), start="agenda")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("down", "down", "down")  # the talk 'referenzprojekt' (20 min)
        assert screen.current_id() == "referenzprojekt"
        await pilot.press("plus", "plus", "plus", "plus")
        assert rows(screen)[3][:3] == ("10:25", "11:05", "40")
        assert "5 min too long" in budget(screen) and screen.problems[0].severity == "error"
        assert rows(screen)[4][0] == "11:05"  # everything after moves
        await pilot.press("minus", "minus")
        assert "5 min to spare" in budget(screen)
        await pilot.press("K")
        assert screen.editor.item_ids()[2] == "referenzprojekt" and screen.current_id() == "referenzprojekt"
        await pilot.press("J")
        assert screen.editor.item_ids()[3] == "referenzprojekt"
        await pilot.press("delete")
        assert "referenzprojekt" not in screen.editor.item_ids()
        await pilot.press("ctrl+z")
        assert screen.editor.item_ids()[3] == "referenzprojekt"
        # every change is on disk at once
        assert not screen.dirty and "referenzprojekt" in (screen.folder / "workshop.yaml").read_text("utf-8")


@pilot
async def test_step_minutes_of_a_method():
    app = make_app(make_workshop(), start="agenda")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.current_id() == "ankommen"
        await pilot.press("plus")  # first step of check-in: 10 -> 15 minutes
        assert screen.editor.item("ankommen")["minutes"] == {"arrive": 15} or \
            list(screen.editor.item("ankommen")["minutes"].values()) == [15]
        await pilot.press("minus")  # back at the card's minutes: the override goes
        assert "minutes" not in screen.editor.item("ankommen")


@pilot
async def test_add_method_from_library_and_break_then_save_keeps_comments():
    folder = make_workshop()
    app = make_app(folder, start="agenda")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen) and app.screen.language == "de"
        await pilot.press(*"dot")
        await pilot.pause()
        await pilot.press("enter")  # picking, Enter in the search field adds the highlighted match
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AgendaScreen)
        assert screen.editor.item_ids()[1] == "dot-voting" and screen.current_id() == "dot-voting"
        await pilot.press("b")
        await pilot.pause()
        app.screen.query_one("#minutes", Input).value = "10"
        await pilot.press("enter")
        await pilot.pause()
        assert screen.editor.item_ids()[2] == "break"
        assert rows(screen)[2][:3] == ("09:45", "09:55", "10")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not screen.dirty
    text = (folder / "workshop.yaml").read_text("utf-8")
    assert "# Workshop-Plan: ein Auftakttag im Cross-Innovation-Programm." in text
    assert "# Ein freier Vortrag: keine Methode, nur Titel, Dauer und (optional) wer spricht." in text
    assert "minutes: {prepare: 10}   # Minuten einzelner Schritte ändern" in text
    assert text.index("id: ankommen") < text.index("id: dot-voting") < text.index("id: break") < \
        text.index("id: kennenlernen")


@pilot
async def test_add_talk_with_speaker_and_edit_method_options():
    folder = make_workshop()
    app = make_app(folder, start="agenda")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#title", Input).value = "Grußwort"
        dialog.query_one("#speaker", Input).value = "niemand"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog and "niemand" in str(dialog.query_one("#error").render())
        dialog.query_one("#speaker", Input).value = "ralf"
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert dict(screen.editor.item("grusswort")) == {"id": "grusswort", "type": "talk", "title": "Grußwort",
                                                         "minutes": 20, "speaker": "ralf"}
        screen.query_one("#items", DataTable).move_cursor(row=screen.editor.item_index("speed-dating"))
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, MethodRunDialog)
        index = next(i for i, f in enumerate(dialog.step_fields) if f.option == "tables")
        assert dialog.query_one(f"#field-{index}", Input).value == "4"
        dialog.query_one(f"#field-{index}", Input).value = "5"
        await pilot.press("enter")
        await pilot.pause()
        assert screen.editor.item("speed-dating")["options"]["rounds"]["tables"] == 5
        await pilot.press("ctrl+s")
        await pilot.pause()
    text = (folder / "workshop.yaml").read_text("utf-8")
    assert "rounds: {round_minutes: 5, rounds: 6, tables: 5}" in text


def broken_workshop() -> Path:
    """A workshop whose plan file does not validate (an unknown field): edits stay unsaved
    until it does, so leaving asks. (A valid plan is saved at every change.)"""
    folder = make_workshop()
    path = folder / "workshop.yaml"
    path.write_text(path.read_text("utf-8") + "colour: red\n", "utf-8")
    return folder


@pilot
async def test_a_valid_plan_is_saved_at_every_change():
    folder = make_workshop()
    app = make_app(folder, start="agenda")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("delete")
        await pilot.pause()
        assert (folder / "workshop.yaml").read_text("utf-8") == app.screen.editor.text()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)  # nothing unsaved: no question


@pilot
async def test_leaving_with_unsaved_changes_asks():
    folder = broken_workshop()
    before = (folder / "workshop.yaml").read_text("utf-8")
    app = make_app(folder, start="agenda")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("delete", "escape")
        await pilot.pause()
        assert isinstance(app.screen, SaveChangesDialog)
        await pilot.click("#discard")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert (folder / "workshop.yaml").read_text("utf-8") == before


@pilot
async def test_broken_plan_shows_problem_instead_of_crashing():
    folder = make_workshop()
    path = folder / "workshop.yaml"
    path.write_text(path.read_text("utf-8").replace("method: icebreaker", "method: no-such-method"), "utf-8")
    app = make_app(folder, start="agenda")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert any(p.severity == "error" and "no-such-method" in p.message for p in screen.problems)
        assert rows(screen)[1][2] == "–"


@pilot
async def test_quit_and_home_ask_before_losing_agenda_edits():
    """F2 (home) and Ctrl+Q must not drop unsaved agenda edits: they ask, and "save" keeps them."""
    folder = broken_workshop()
    app = make_app(folder, start="agenda")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("delete", "f2")
        await pilot.pause()
        assert isinstance(app.screen, SaveChangesDialog)
        await pilot.press("escape")  # stay
        await pilot.pause()
        assert app.screen is screen and screen.dirty
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, SaveChangesDialog)
        await pilot.click("#save")  # the plan is still broken: not saved, the app stays
        await pilot.pause()
        screen.editor.data.pop("colour")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, SaveChangesDialog)
        await pilot.click("#save")
        await pilot.pause()
    assert not app.is_running
    assert (folder / "workshop.yaml").read_text("utf-8") == screen.editor.text()
