"""The booksprint workbook: the sprint board (every chapter in SUMMARY.md order with its
number, title, status, authors, reviewers, words and open comments, as ``cimis workbook
status`` shows it), a chapter's Markdown in an editor beside a live preview, saving and the
chapter's status.

Saving replaces the chapter's body and keeps its front matter byte for byte
(:func:`save_body`); the file is written atomically. The status goes through
:func:`toolkit.workbook.status.set_status`, which keeps the front matter's comments and order.
Unsaved text is never dropped silently: leaving the screen, opening another chapter or
quitting asks first.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.timer import Timer
from textual.widgets import DataTable, Footer, Header, Label, Markdown, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from toolkit.errors import CimisError, ProblemsError
from toolkit.i18n import N_, _
from toolkit.paths import write_atomic
from toolkit.tui.bindings import binding, display_keys, keys_for
from toolkit.tui.literal import assemble, literal
from toolkit.tui.markerfold import Folded, fold, unfold
from toolkit.tui.screens import CimisScreen
from toolkit.tui.widgets.dialogs import Dialog, SaveChangesDialog

#: Seconds the preview waits after the last keystroke before it renders again.
PREVIEW_DELAY = 0.25

#: The statuses as a person reads them.
STATUS_LABELS = {"todo": N_("to do"), "draft": N_("draft"), "review": N_("in review"), "final": N_("final")}
#: Rich styles of the statuses on the board (the board's cells are Rich markup).
STATUS_STYLES = {"todo": "dim", "draft": "yellow", "review": "cyan", "final": "bold green"}


def markdown_language() -> str | None:
    """``"markdown"`` when Textual can highlight Markdown here (tree-sitter and its Markdown
    grammar are installed), else ``None`` (the editor shows plain text)."""
    try:
        from textual._tree_sitter import get_language

        return "markdown" if get_language("markdown") is not None else None
    except Exception:  # noqa: BLE001 - a broken grammar costs the colours, never the editor
        return None


# -- the chapter file ------------------------------------------------------------------------


def read_body(path: Path) -> str:
    """The chapter's body as :func:`toolkit.workbook.book.load_book` reads it."""
    from toolkit.workbook.files import read_text, split_front_matter

    text, problems = read_text(path)
    if text is None:
        raise ProblemsError(problems)
    _front, body, _line = split_front_matter(text)
    return body


def save_body(path: Path, body: str) -> None:
    """Replace the body of the chapter in ``path`` with ``body``: the front matter (from the
    first line ``---`` to its closing line) stays exactly as it is on disk, the file is
    written atomically (readers see the old or the new file, never half of one)."""
    raw = path.read_bytes()
    text = raw.decode("utf-8")  # a BOM stays part of the kept head
    lines = text.splitlines(keepends=True)
    head = ""
    if lines and lines[0].lstrip("\ufeff").strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() in {"---", "..."}), None)
        if end is not None:
            head = "".join(lines[: end + 1])
    newline = "\r\n" if head.endswith("\r\n") else "\n"
    if head and not head.endswith(("\n", "\r")):
        head += newline
    if newline != "\n":
        body = body.replace("\n", newline)
    write_atomic(path, (head + body).encode("utf-8"))


# -- dialogs ---------------------------------------------------------------------------------


class StatusDialog(Dialog):
    """Pick a chapter's status; dismisses with the status (``None`` when cancelled)."""

    AUTO_FOCUS = "OptionList"

    def __init__(self, chapter_title: str, current: str) -> None:
        super().__init__(_("Status of '{title}'").format(title=chapter_title))
        self.current = current

    def fields(self) -> ComposeResult:
        from toolkit.workbook.model import STATUSES

        options = [Option(assemble(_(STATUS_LABELS[s]), (f"  ({s})", "dim")), id=s) for s in STATUSES]
        status_list = OptionList(*options, id="statuses")
        status_list.highlighted = STATUSES.index(self.current) if self.current in STATUSES else 0
        yield status_list

    def ok_label(self) -> str:
        return _("Set status")

    def result(self) -> Any:
        status_list = self.query_one("#statuses", OptionList)
        if status_list.highlighted is None:
            raise ValueError(_("Choose a status."))
        return status_list.get_option_at_index(status_list.highlighted).id

    @on(OptionList.OptionSelected, "#statuses")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)


class OverwriteDialog(Dialog):
    """The chapter changed on disk since it was opened: overwrite it or not."""

    AUTO_FOCUS = "#ok"

    def __init__(self, name: str) -> None:
        super().__init__(_("{file} changed on disk since you opened it.").format(file=name))

    def fields(self) -> ComposeResult:
        yield Static(_("Saving replaces the text on disk with yours. Overwrite it?"))

    def ok_label(self) -> str:
        return _("Overwrite")


class ChapterChangesDialog(SaveChangesDialog):
    """Unsaved text in the chapter editor: save, discard, or stay."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.dialog_title = _("{file} has unsaved changes.").format(file=name)


# -- the screen ------------------------------------------------------------------------------


class WorkbookScreen(CimisScreen[None]):
    """The sprint board and the chapter editor of one workbook."""

    BINDINGS = [
        binding("workbook.edit"),
        binding("workbook.save"),
        binding("workbook.status"),
        binding("workbook.board"),
        binding("workbook.reload"),
        binding("workbook.sync"),
        binding("workbook.build"),
        binding("workbook.close"),
    ]

    def action_sync(self) -> None:
        """Sync the generated chapters with the sessions, from inside the UI."""
        if self.dirty:
            self.notify(_("Save the chapter first."), severity="warning")
            return
        self.app_actions.sync_workbook(self.folder)

    def action_build(self) -> None:
        """Sync, then build the workbook as HTML, from inside the UI."""
        if self.dirty:
            self.notify(_("Save the chapter first."), severity="warning")
            return
        self.app_actions.build_workbook(self.folder)

    def __init__(self, folder: Path | str) -> None:
        super().__init__()
        self.folder = Path(folder)
        self.book_folder = self.folder
        self.book: Any = None
        self.problems: list[Any] = []
        self.rows: list[dict[str, Any]] = []
        self.chapter: Any = None  # the chapter in the editor
        self.saved_body = ""  # the editor's text as it was last loaded or saved
        self.disk_body = ""  # the body on disk when it was loaded or saved
        self._preview_timer: Timer | None = None
        # the chapter's marker lines, shown folded in the editor and put back on save
        self.folded = Folded("")
        self._leaving = False
        self.load()
        if self.book is None:
            raise CimisError("\n".join(str(p) for p in self.problems[:5]) or _("The workbook cannot be read."))

    # -- reading ---------------------------------------------------------------------------

    def load(self) -> None:
        """(Re-)read the book and its sprint board from disk."""
        from toolkit.workbook.book import read_book
        from toolkit.workbook.status import board

        book, problems = read_book(self.folder)
        self.problems = [p for p in problems if p.severity == "error"]
        if book is not None:
            self.book = book
            self.rows = board(book)

    def title_text(self) -> str:
        return self.book.title if self.book is not None else self.folder.name

    @property
    def dirty(self) -> bool:
        if self._leaving or self.chapter is None or not self.is_mounted:
            return False
        return self.query_one("#editor", TextArea).text != self.saved_body

    # -- layout ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="workbook-top"):
            yield Static("", id="board-summary")
            yield DataTable(id="board", cursor_type="row", zebra_stripes=True)
        yield Label("", id="chapter-title", classes="panel-title")
        with Horizontal(id="workbook-body"):
            editor = TextArea("", id="editor", soft_wrap=True, show_line_numbers=False, read_only=True)
            language = markdown_language()
            if language is not None:
                try:
                    editor.language = language
                except Exception:  # noqa: BLE001 - highlighting is a nicety
                    editor.language = None
            yield editor
            with VerticalScroll(id="preview-view"):
                yield Markdown("", id="preview")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#board", DataTable)
        table.add_column("#", key="number")
        table.add_column(_("Title"), key="title")
        table.add_column(_("Status"), key="status")
        table.add_column(_("Authors"), key="authors")
        table.add_column(_("Reviewers"), key="reviewers")
        table.add_column(_("Words"), key="words")
        table.add_column(_("Open comments"), key="comments")
        self.fill_board()
        self._show_chapter_title()
        self.query_one("#editor", TextArea).border_title = _("Markdown")
        self.query_one("#preview-view").border_title = _("Preview")
        table.focus()
        if self.problems:
            self.notify("\n".join(str(p) for p in self.problems[:5]), title=_("Problems in the workbook"),
                        severity="warning", timeout=10)

    def fill_board(self) -> None:
        table = self.query_one("#board", DataTable)
        row = table.cursor_row
        table.clear()
        for index, r in enumerate(self.rows):
            status = r["status"]
            label = literal(_(STATUS_LABELS.get(status, status)), style=STATUS_STYLES.get(status, "none"))
            title = assemble(r["title"], (f" ({_('no file yet')})" if r["draft"] else "", "dim"))
            comments = str(r["open_comments"]) if r["open_comments"] else "–"
            table.add_row(literal(r["number"] or ""), title, label, literal(", ".join(r["authors"])),
                          literal(", ".join(r["reviewers"])), str(r["words"]), comments, key=str(index))
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1), animate=False)
        self._fill_summary()
        self.sub_title = self.title_text()

    def _fill_summary(self) -> None:
        summary = self.query_one("#board-summary", Static)
        if not self.rows:
            summary.update(literal(_("No chapters yet: run 'cimis workbook sync {folder}' after a session.").format(
                folder=self.folder)))
            return
        counts = {s: sum(r["status"] == s for r in self.rows) for s in STATUS_LABELS}
        words = sum(r["words"] for r in self.rows)
        parts = [f"{counts[s]} {_(label)}" for s, label in STATUS_LABELS.items()]
        summary.update(literal(_("{n} chapters · {words} words").format(n=len(self.rows), words=words)
                               + " · " + " · ".join(parts)))

    def _show_chapter_title(self) -> None:
        label = self.query_one("#chapter-title", Label)
        if self.chapter is None:
            keymap = getattr(self.app, "keymap", {})
            label.update(_("Enter or {key} on a chapter opens it in the editor.").format(
                key=display_keys(keys_for("workbook.edit", keymap))))
            return
        text = assemble(self.chapter.title, ("  " + (self.chapter.rel or ""), "dim"))
        if self.dirty:
            text.append(f"  • {_('unsaved changes')}", style="bold yellow")
        label.update(text)

    # -- the selection ---------------------------------------------------------------------

    def highlighted_row(self) -> dict[str, Any] | None:
        table = self.query_one("#board", DataTable)
        if not self.rows or table.row_count == 0:
            return None
        return self.rows[min(table.cursor_row, len(self.rows) - 1)]

    def chapter_at(self, row: dict[str, Any] | None) -> Any:
        if row is None or self.book is None:
            return None
        return next((c for c in self.book.chapters if (c.rel or "") == row["chapter"] and not c.draft), None)

    def target(self) -> Any:
        """The chapter an action is about: the one in the editor while the editor has the
        focus, else the one highlighted on the board."""
        if self.chapter is not None and isinstance(self.focused, TextArea):
            return self.chapter
        return self.chapter_at(self.highlighted_row())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "save":
            return self.chapter is not None
        if action in {"edit", "status"}:
            return self.target() is not None if self.is_mounted else True
        return True

    # -- editing ---------------------------------------------------------------------------

    @on(DataTable.RowSelected, "#board")
    def _row_selected(self) -> None:
        self.action_edit()

    def action_edit(self) -> None:
        chapter = self.chapter_at(self.highlighted_row())
        if chapter is None:
            row = self.highlighted_row()
            if row is not None and row["draft"]:
                self.notify(_("'{title}' has no file yet: give it one in SUMMARY.md.").format(title=row["title"]),
                            severity="warning")
            return
        if self.chapter is not None and chapter.path == self.chapter.path:
            self.query_one("#editor", TextArea).focus()
            return
        self.confirm_leave(lambda: self.open_chapter(chapter), ask_only_if_dirty=True)

    def open_chapter(self, chapter: Any) -> None:
        """Show ``chapter`` in the editor and the preview."""
        try:
            body = read_body(chapter.path)
        except ProblemsError as exc:
            self.notify("\n".join(str(p) for p in exc.problems[:3]), severity="error")
            return
        self._leaving = False
        self.chapter = chapter
        self.disk_body = body
        self.folded = fold(body)
        self.saved_body = self.folded.text
        editor = self.query_one("#editor", TextArea)
        editor.read_only = False
        editor.load_text(self.folded.text)
        editor.move_cursor((0, 0))
        self.render_preview()
        self._show_chapter_title()
        editor.focus()
        self.refresh_bindings()

    @on(TextArea.Changed, "#editor")
    def _text_changed(self) -> None:
        self._show_chapter_title()
        if self._preview_timer is not None:
            self._preview_timer.stop()
        self._preview_timer = self.set_timer(PREVIEW_DELAY, self.render_preview)

    def render_preview(self) -> None:
        from toolkit.workbook.markers import strip_markers

        self._preview_timer = None
        text = self.query_one("#editor", TextArea).text if self.chapter is not None else ""
        self.query_one("#preview", Markdown).update(strip_markers(unfold(text, self.folded)[0]))

    def action_save(self, then: Callable[[], None] | None = None, *, force: bool = False) -> None:
        """Save the editor's text as the chapter's body (asks first when the file changed on
        disk since it was opened); ``then`` runs after a successful save."""
        if self.chapter is None:
            return
        path = self.chapter.path
        shown = self.query_one("#editor", TextArea).text
        text, dropped = unfold(shown, self.folded)
        try:
            on_disk = read_body(path)
        except ProblemsError:
            on_disk = self.disk_body
        if not force and on_disk != self.disk_body and on_disk != text:
            def answered(ok: Any) -> None:
                if ok:
                    self.action_save(then, force=True)

            self.app.push_screen(OverwriteDialog(path.name), answered)
            return
        try:
            save_body(path, text)
        except (OSError, UnicodeDecodeError) as exc:
            self.notify(str(exc), title=_("Not saved"), severity="error", timeout=10)
            return
        self.disk_body = text
        self.saved_body = shown
        if dropped:
            # the author deleted folded lines: those markers are gone, their text stays
            self.folded = fold(text)
            self.saved_body = self.folded.text
            if self.folded.text != shown:
                self.query_one("#editor", TextArea).load_text(self.folded.text)
            self.notify(_("{count} generated-text markers were deleted; the text they fenced is now your own.").format(
                count=dropped), severity="warning", timeout=8)
        self.reload_board()
        self._show_chapter_title()
        self.notify(_("Saved {path}.").format(path=path.name), timeout=3)
        if then is not None:
            then()

    def reload_board(self) -> None:
        self.load()
        if self.chapter is not None and self.book is not None:
            self.chapter = self.book.chapter_for(self.chapter.path) or self.chapter
        self.fill_board()

    def action_reload(self) -> None:
        """Read the workbook again (after a sync, or an edit outside the app)."""
        self.reload_board()
        if self.chapter is not None and not self.dirty:
            self.open_chapter(self.chapter)
            self.query_one("#board", DataTable).focus()
        if self.problems:
            self.notify("\n".join(str(p) for p in self.problems[:5]), title=_("Problems in the workbook"),
                        severity="warning", timeout=10)

    # -- status ----------------------------------------------------------------------------

    def action_status(self) -> None:
        chapter = self.target()
        if chapter is None:
            return

        def picked(status: str | None) -> None:
            if status is not None and status != chapter.status:
                self.set_status(chapter, status)

        self.app.push_screen(StatusDialog(chapter.title, chapter.status), picked)

    def set_status(self, chapter: Any, status: str) -> None:
        from toolkit.workbook.status import set_status

        try:
            set_status(chapter.path, status)
        except (ProblemsError, CimisError, OSError) as exc:
            problems = getattr(exc, "problems", None)
            message = "\n".join(str(p) for p in problems[:3]) if problems else str(exc)
            self.notify(message, title=_("Status not changed"), severity="error", timeout=10)
            return
        if self.chapter is not None and self.chapter.path == chapter.path:
            self.disk_body = read_body(chapter.path)
        self.reload_board()
        self.notify(_("'{title}' is now {status}.").format(title=chapter.title, status=_(STATUS_LABELS[status])),
                    timeout=3)

    # -- leaving ---------------------------------------------------------------------------

    def action_board(self) -> None:
        self.query_one("#board", DataTable).focus()

    def confirm_leave(self, then: Callable[[], None], *, ask_only_if_dirty: bool = True) -> bool:
        """Run ``then`` now when nothing is unsaved (``False``); else ask to save, discard or
        stay, run ``then`` after saving or discarding, and return ``True``."""
        if not self.dirty:
            then()
            return False
        name = self.chapter.path.name

        def answered(answer: str | None) -> None:
            if answer == "save":
                self.action_save(then)
            elif answer == "discard":
                self.saved_body = self.query_one("#editor", TextArea).text
                then()

        self.app.push_screen(ChapterChangesDialog(name), answered)
        return True

    def before_leaving(self, then: Callable[[], None]) -> bool:
        """For the app (home, quit): ``True`` when the screen asks first; it runs ``then``
        once the changes are saved or discarded."""
        if not self.dirty:
            return False

        def done() -> None:
            self._leaving = True
            then()

        return self.confirm_leave(done)

    def action_close(self) -> None:
        def close() -> None:
            self._leaving = True
            self.dismiss(None)

        self.confirm_leave(close)
