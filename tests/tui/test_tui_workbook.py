"""The workbook screen: the sprint board, editing a chapter with a live preview, saving
(front matter kept byte for byte), the status, and the question before unsaved text is lost."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Markdown, OptionList, TextArea

from toolkit.tui.screens.home import HomeScreen
from toolkit.tui.screens.workbook import WorkbookScreen, save_body
from toolkit.tui.workshops import remember
from toolkit.workbook.book import load_book
from tui_util import FROZEN, SIZE, make_app, make_workshop, pilot, steady_tui  # noqa: F401

INTRO = """---
# written by hand: keep this comment
title: "Introduction"
authors: [Anna, Ben]
reviewers: [Clara]
status: draft   # still drafting
comments:
  - by: Clara
    text: Say who the book is for.
---
# Introduction

Creative professionals meet small companies.
"""

JOB_SHEET = """---
title: The job sheet
authors: [Dana]
status: todo
---
# From paper to process

A carpentry firm's paper job sheet travels to the building site.

<!-- cimis:begin ref=kickoff/forge/ideas session=s1 at=2026-03-12T10:00:00 hash=000000000000 -->
- Photograph the sheet
<!-- cimis:end ref=kickoff/forge/ideas -->
"""

SUMMARY = """# Summary

[Preface](chapters/preface.md)

- [Introduction](chapters/intro.md)
- [The job sheet](chapters/job-sheet.md)
- [Checklists]()
"""

PREFACE = "A word before.\n"


def make_book(folder: Path) -> Path:
    """A workbook with a prefix chapter, two numbered ones and a draft without a file."""
    from toolkit.workbook.init import init_workbook

    init_workbook(folder, [".."], title="Cross. Create. Innovate.", language="en")
    (folder / "SUMMARY.md").write_text(SUMMARY, "utf-8")
    (folder / "chapters" / "preface.md").write_text(PREFACE, "utf-8")
    (folder / "chapters" / "intro.md").write_text(INTRO, "utf-8")
    (folder / "chapters" / "job-sheet.md").write_text(JOB_SHEET, "utf-8")
    return folder


def workshop_with_book(name: str = "kickoff") -> Path:
    folder = make_workshop(name)
    (folder / "workbook").rmdir()
    make_book(folder / "workbook")
    return folder


def board_cells(screen) -> list[list[str]]:
    table = screen.query_one("#board", DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def open_intro(pilot) -> None:
    """Board -> the introduction (second row) in the editor."""
    await pilot.pause()
    await pilot.press("down", "enter")
    await pilot.pause()


def test_save_body_keeps_front_matter_exactly(tmp_path):
    path = tmp_path / "c.md"
    path.write_text(INTRO, "utf-8")
    save_body(path, "# New\n\nText.\n")
    head = INTRO.split("---\n# Introduction")[0] + "---\n"
    assert path.read_text("utf-8") == head + "# New\n\nText.\n"
    plain = tmp_path / "plain.md"
    plain.write_text("no front matter\n", "utf-8")
    save_body(plain, "replaced\n")
    assert plain.read_text("utf-8") == "replaced\n"
    crlf = tmp_path / "crlf.md"
    crlf.write_bytes(b"---\r\ntitle: X\r\n---\r\nold\r\n")
    save_body(crlf, "a\nb\n")
    assert crlf.read_bytes() == b"---\r\ntitle: X\r\n---\r\na\r\nb\r\n"
    assert not list(tmp_path.glob(".*.tmp"))


@pilot
async def test_board_shows_the_chapters_in_summary_order(tmp_path):
    make_book(tmp_path / "book")
    app = make_app(tmp_path / "book", start="workbook")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WorkbookScreen)
        rows = board_cells(screen)
        assert [r[0] for r in rows] == ["", "1", "2", "3"]
        assert rows[1][1] == "Introduction" and "draft" in rows[1][2]
        assert rows[1][3] == "Anna, Ben" and rows[1][4] == "Clara" and rows[1][6] == "1"
        assert "no file yet" in rows[3][1]
        from toolkit.workbook.status import board

        expected = board(load_book(tmp_path / "book"))
        assert [r[5] for r in rows] == [str(r["words"]) for r in expected]
        assert "4 chapters" in str(screen.query_one("#board-summary").render())


@pilot
async def test_edit_save_and_read_back(tmp_path):
    folder = make_book(tmp_path / "book")
    app = make_app(folder, start="workbook")
    async with app.run_test(size=SIZE) as pilot:
        await open_intro(pilot)
        screen = app.screen
        editor = screen.query_one("#editor", TextArea)
        assert app.focused is editor and editor.text.startswith("# Introduction")
        assert editor.language in {"markdown", None}
        editor.move_cursor(editor.document.end)
        await pilot.press(*"Museums too.")
        assert screen.dirty
        await pilot.pause(0.4)  # the debounced preview
        preview = screen.query_one("#preview", Markdown)
        assert "Museums too." in preview.source
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not screen.dirty
    text = (folder / "chapters" / "intro.md").read_text("utf-8")
    assert text == INTRO + "Museums too."
    assert load_book(folder).chapters[1].body.endswith("Museums too.")


@pilot
async def test_preview_leaves_out_markers(tmp_path):
    folder = make_book(tmp_path / "book")
    app = make_app(folder, start="workbook")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "down", "e")
        await pilot.pause()
        preview = app.screen.query_one("#preview", Markdown)
        assert "Photograph the sheet" in preview.source and "cimis:begin" not in preview.source


@pilot
async def test_status_change_keeps_front_matter_comments(tmp_path):
    folder = make_book(tmp_path / "book")
    app = make_app(folder, start="workbook")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "ctrl+t")
        await pilot.pause()
        statuses = app.screen.query_one("#statuses", OptionList)
        assert statuses.get_option_at_index(statuses.highlighted).id == "draft"
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, WorkbookScreen)
        assert "in review" in board_cells(app.screen)[1][2]
    text = (folder / "chapters" / "intro.md").read_text("utf-8")
    assert "status: review" in text and "# written by hand: keep this comment" in text
    assert load_book(folder).chapters[1].status == "review"


@pilot
async def test_status_from_the_editor_keeps_unsaved_text(tmp_path):
    folder = make_book(tmp_path / "book")
    app = make_app(folder, start="workbook")
    async with app.run_test(size=SIZE) as pilot:
        await open_intro(pilot)
        screen = app.screen
        await pilot.press(*"New ")
        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.press("down", "down", "enter")  # draft -> final
        await pilot.pause()
        assert screen.dirty and screen.query_one("#editor", TextArea).text.startswith("New # Introduction")
        await pilot.press("ctrl+s")
        await pilot.pause()
    book = load_book(folder)
    assert book.chapters[1].status == "final" and book.chapters[1].body.startswith("New # Introduction")


@pilot
async def test_status_via_the_palette(tmp_path):
    folder = make_book(tmp_path / "book")
    app = make_app(folder, start="workbook")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "down")
        from toolkit.tui.commands import palette_commands

        commands = {c.id: c for c in palette_commands(app, app.screen)}
        assert {"workbook.status", "workbook.edit", "workbook.close"} <= set(commands)
        assert "workbook.save" not in commands  # nothing in the editor yet
        await commands["workbook.status"].run()
        await pilot.pause()
        await pilot.press("end", "enter")
        await pilot.pause()
    assert load_book(folder).chapters[2].status == "final"


@pilot
async def test_leaving_with_unsaved_changes_asks(tmp_path):
    folder = make_book(tmp_path / "book")
    app = make_app(folder, start="workbook")
    async with app.run_test(size=SIZE) as pilot:
        await open_intro(pilot)
        screen = app.screen
        await pilot.press(*"Draft ")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is not screen and app.screen.query_one("#dialog-title").render()
        await pilot.click("#cancel")  # stay
        await pilot.pause()
        assert app.screen is screen and screen.dirty
        await pilot.press("f2")  # home asks too
        await pilot.pause()
        assert app.screen is not screen
        await pilot.click("#save")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert (folder / "chapters" / "intro.md").read_text("utf-8").split("---\n")[-1].startswith("Draft # Intro")


@pilot
async def test_discarding_and_switching_chapters(tmp_path):
    folder = make_book(tmp_path / "book")
    app = make_app(folder, start="workbook")
    async with app.run_test(size=SIZE) as pilot:
        await open_intro(pilot)
        screen = app.screen
        await pilot.press(*"Lost ")
        await pilot.press("ctrl+b", "down", "enter")  # another chapter: asks first
        await pilot.pause()
        assert app.screen is not screen
        await pilot.click("#discard")
        await pilot.pause()
        assert app.screen is screen and screen.chapter.rel == "chapters/job-sheet.md" and not screen.dirty
        await pilot.press("ctrl+q")  # nothing unsaved: quits at once
        await pilot.pause()
    assert (folder / "chapters" / "intro.md").read_text("utf-8") == INTRO


@pilot
async def test_quitting_with_unsaved_changes_asks(tmp_path):
    folder = make_book(tmp_path / "book")
    app = make_app(folder, start="workbook")
    async with app.run_test(size=SIZE) as pilot:
        await open_intro(pilot)
        await pilot.press(*"X")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running and app.screen.query_one("#save")
        await pilot.click("#save")
        await pilot.pause()
    assert app.return_code == 0 or app.return_code is None
    assert "X# Introduction" in (folder / "chapters" / "intro.md").read_text("utf-8")


@pilot
async def test_save_asks_when_the_file_changed_on_disk(tmp_path):
    folder = make_book(tmp_path / "book")
    app = make_app(folder, start="workbook")
    async with app.run_test(size=SIZE) as pilot:
        await open_intro(pilot)
        path = folder / "chapters" / "intro.md"
        path.write_text(INTRO + "From sync.\n", "utf-8")
        await pilot.press(*"Mine ")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "changed on disk" in str(app.screen.query_one("#dialog-title").render())
        await pilot.click("#cancel")
        await pilot.pause()
        assert path.read_text("utf-8").endswith("From sync.\n") and app.screen.dirty
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.click("#ok")
        await pilot.pause()
        assert not app.screen.dirty
    assert path.read_text("utf-8").split("---\n")[-1].startswith("Mine # Introduction")


@pilot
async def test_home_opens_a_workshops_workbook(tmp_path):
    folder = workshop_with_book()
    remember(folder, "Auftakt", FROZEN)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, WorkbookScreen) and app.screen.folder == folder / "workbook"
        assert len(board_cells(app.screen)) == 4
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


@pilot
async def test_home_creates_an_empty_workshops_workbook():
    folder = make_workshop()
    remember(folder, "Auftakt", FROZEN)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        from toolkit.tui.commands import palette_commands

        commands = {c.id: c for c in palette_commands(app, app.screen)}
        await commands["app.workbook"].run()
        await pilot.pause()
        assert isinstance(app.screen, WorkbookScreen)
        assert board_cells(app.screen) == []
        assert "No chapters yet" in str(app.screen.query_one("#board-summary").render())
    book = load_book(folder / "workbook")
    assert book.sources == [".."] and book.language == "de"  # the kickoff plan is German


@pilot
async def test_workbook_keys_are_in_the_help(tmp_path):
    from textual.widgets import DataTable as Table

    make_book(tmp_path / "book")
    app = make_app(tmp_path / "book", start="workbook", lang="de")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        table = app.screen.query_one("#help-table", Table)
        rows = {str(table.get_row(k)[3]): table.get_row(k) for k in ("workbook.save", "workbook.status")}
        assert str(rows["workbook.status"][2]) == "Status ändern"
        assert str(rows["workbook.save"][1]) == "Strg+S"  # key names as a German keyboard prints them


def test_plain_text_when_highlighting_is_missing(monkeypatch):
    import textual._tree_sitter as ts

    from toolkit.tui.screens import workbook

    monkeypatch.setattr(ts, "get_language", lambda name: None)
    assert workbook.markdown_language() is None
