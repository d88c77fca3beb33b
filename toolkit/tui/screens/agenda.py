"""The agenda builder: a workshop's agenda with start times computed live, the day's time
budget and every ``cimis check`` problem, updated on each edit.

Add methods from the library and free items (talks, breaks), reorder, change durations,
titles and capture options, undo. Edits go through :class:`toolkit.plan.edit.PlanEditor`,
so saving keeps the person's comments, key order and layout in ``workshop.yaml``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import DataTable, Footer, Header, Label, Static

from toolkit.errors import ProblemsError
from toolkit.i18n import _, ngettext
from toolkit.slugs import slugify
from toolkit.tui.bindings import binding
from toolkit.tui.literal import assemble, literal
from toolkit.tui.screens import CimisScreen

STEP = 5  # minutes added or taken by + and -


def _as_text(value: Any) -> str:
    """An option value as a person types it (YAML; JSON where plain text would read wrongly).
    Models, lists of models (a jury's criteria, a canvas's fields), enums and dates become
    their JSON form first, so every option of every kind can be shown and edited."""
    import yaml
    from pydantic_core import to_jsonable_python

    value = to_jsonable_python(value)
    if isinstance(value, str):
        try:
            if yaml.safe_load(value) == value:
                return value
        except yaml.YAMLError:
            pass
    return json.dumps(value, ensure_ascii=False)


#: Columns a title gets at least before long titles wrap onto more lines.
MIN_TITLE = 24


class AgendaScreen(CimisScreen[None]):
    """Build and edit the agenda of one workshop."""

    BINDINGS = [
        binding("agenda.add-method"),
        binding("agenda.add-talk"),
        binding("agenda.add-break"),
        binding("agenda.edit"),
        binding("agenda.longer"),
        binding("agenda.shorter"),
        binding("agenda.move-up"),
        binding("agenda.move-down"),
        binding("agenda.remove"),
        binding("agenda.undo"),
        binding("agenda.save"),
        binding("agenda.run"),
        binding("agenda.close"),
    ]

    def __init__(self, folder: Path | str) -> None:
        from toolkit.plan.edit import PlanEditor

        super().__init__()
        self.folder = Path(folder)
        self.editor = PlanEditor(self.folder)
        self.saved_text = self.editor.text()
        self.undo_stack: list[str] = []
        self.source: Any = None
        self.agenda: Any = None
        self.problems: list[Any] = []
        self._library: Any = None
        self._title_width: int | None = None  # the title column's width, once the table is laid out
        self._compact = False  # without the end column (a small terminal)

    def title_text(self) -> str:
        return str(self.editor.data.get("title") or self.folder.name)

    @property
    def language(self) -> str:
        return str(self.editor.data.get("language") or "en")

    @property
    def dirty(self) -> bool:
        return self.editor.text() != self.saved_text

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="agenda-body"):
            with Vertical(id="agenda-main"):
                yield Static("", id="budget")
                table: DataTable = DataTable(id="items", cursor_type="row", zebra_stripes=True)
                yield table
            with Vertical(id="agenda-side"):
                yield Label(_("Steps of the selected item"), classes="panel-title")
                yield DataTable(id="steps", cursor_type="row")
                yield Label("", id="problems-title", classes="panel-title")
                with VerticalScroll(id="problems-view"):
                    yield Static("", id="problems")
        yield Footer()

    def on_mount(self) -> None:
        items = self.query_one("#items", DataTable)
        self._add_item_columns(items)
        steps = self.query_one("#steps", DataTable)
        steps.add_column(_("Step"), key="title", width=22)
        steps.add_column(_("Min"), key="minutes", width=4)
        steps.add_column(_("Captures"), key="capture", width=10)
        self.recompute()
        items.focus()
        self.call_after_refresh(self.fit_titles)

    def _add_item_columns(self, items: DataTable) -> None:
        items.add_column(_("Start"), key="start")
        if not self._compact:
            items.add_column(_("End"), key="end")
        items.add_column(_("Min"), key="minutes")
        items.add_column(_("Kind"), key="kind")
        items.add_column(_("Title"), key="title", width=self._title_width)

    def on_resize(self) -> None:
        self.call_after_refresh(self.fit_titles)

    def fit_titles(self) -> None:
        """Give the title column the width the other columns leave, and wrap long titles
        onto more lines (at 80x24 they were cut after a dozen characters); a title still
        wider than the table, e.g. one long word, scrolls sideways."""
        table = self.query_one("#items", DataTable)
        room = table.scrollable_content_region.width
        if room <= 0:
            return
        others = sum(column.get_render_width(table) for key, column in table.columns.items()
                     if key not in ("title", "end"))
        end = 5 + 2 * table.cell_padding
        width = room - others - 2 * table.cell_padding - 1  # one column for the scrollbar
        # on a small terminal the end time (the next item's start) makes room for the title
        compact = width - end < MIN_TITLE
        width = max(MIN_TITLE, width if compact else width - end)
        if (width, compact) == (self._title_width, self._compact):
            return
        self._title_width, self._compact = width, compact
        current = self.current_id()
        table.clear(columns=True)
        self._add_item_columns(table)
        self._fill_items(current)

    # -- computing -------------------------------------------------------------------------

    def library(self) -> Any:
        if self._library is None:
            from toolkit import registry

            self._library = registry.library()
        return self._library

    def recompute(self, select: str | None = None) -> None:
        """Check the edited plan and redraw everything; keep (or move to) item ``select``."""
        from toolkit import registry
        from toolkit.plan.check import check_source

        self.source = self.editor.validate()
        if self.source.plan is not None:
            self.agenda, self.problems = check_source(self.source, self.library(), registry.capture_kinds())
        else:
            self.agenda, self.problems = None, list(self.source.problems)
        self.sub_title = self.title_text() + ("  • " + _("unsaved changes") if self.dirty else "")
        self._fill_items(select)
        self._fill_budget()
        self._fill_problems()
        self._fill_steps()

    def _fill_items(self, select: str | None) -> None:
        table = self.query_one("#items", DataTable)
        current = select or self.current_id()
        table.clear()
        kinds = {"talk": _("Talk"), "break": _("Break"), "free": _("Free item")}
        for entry in self.editor.agenda:
            item_id = str(entry.get("id"))
            item = self.agenda.item(item_id) if self.agenda is not None else None
            if item is not None:
                start, end, minutes, title = f"{item.start:%H:%M}", f"{item.end:%H:%M}", str(item.minutes), item.title
            else:
                start = end = minutes = "–"
                title = str(entry.get("title") or entry.get("method") or item_id)
            if "method" in entry:
                kind = _("Method")
            else:
                kind = kinds.get(str(entry.get("type")), str(entry.get("type")))
            # with the title's width known, a long title wraps (the row grows) instead of being cut
            cells = [start, minutes] if self._compact else [start, end, minutes]
            table.add_row(*cells, literal(kind), literal(title), key=item_id,
                          height=None if self._title_width else 1)
        if current is not None and current in self.editor.item_ids():
            table.move_cursor(row=self.editor.item_ids().index(current), animate=False)

    def _fill_budget(self) -> None:
        budget = self.query_one("#budget", Static)
        if self.agenda is None or self.agenda.start is None:
            budget.update(_("The plan cannot be read: see the problems."))
            budget.set_class(True, "-over")
            return
        plan = self.source.plan
        start, end, total = self.agenda.start, self.agenda.end, self.agenda.minutes
        hours, mins = divmod(total, 60)
        text = _("{start}–{end} · {hours} h {minutes} min planned").format(
            start=f"{start:%H:%M}", end=f"{end:%H:%M}", hours=hours, minutes=mins)
        over = False
        if plan.end is not None:
            limit = start.replace(hour=plan.end.hour, minute=plan.end.minute)
            spare = int((limit - end).total_seconds() // 60)
            if spare >= 0:
                text += " · " + _("the day ends at {end}: {n} min to spare").format(end=f"{limit:%H:%M}", n=spare)
            else:
                over = True
                text += " · " + _("the day ends at {end}: {n} min too long").format(end=f"{limit:%H:%M}", n=-spare)
        budget.update(text)
        budget.set_class(over, "-over")

    def _fill_problems(self) -> None:
        errors = sum(p.severity == "error" for p in self.problems)
        warnings = len(self.problems) - errors
        title = self.query_one("#problems-title", Label)
        if not self.problems:
            title.update(_("No problems: the plan is ready to run."))
        else:
            title.update(ngettext("{n} error", "{n} errors", errors).format(n=errors) + ", "
                         + ngettext("{n} warning", "{n} warnings", warnings).format(n=warnings))
        title.set_class(errors > 0, "-error")
        lines = Text()
        for p in self.problems:
            style = "bold red" if p.severity == "error" else "bold yellow"
            where = _("line {n}").format(n=p.line) if p.line else ""
            label = _("error") if p.severity == "error" else _("warning")
            if lines:
                lines.append("\n\n")
            lines.append_text(assemble((label, style), " ", (where, "dim"), "\n", p.message))
        self.query_one("#problems", Static).update(lines)

    def _fill_steps(self) -> None:
        table = self.query_one("#steps", DataTable)
        row = table.cursor_row
        table.clear()
        for step in self.current_steps():
            table.add_row(literal(step.title), str(step.minutes), literal(step.capture_kind or ""), key=step.id)
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1), animate=False)

    # -- the selection ---------------------------------------------------------------------

    def current_id(self) -> str | None:
        table = self.query_one("#items", DataTable)
        ids = self.editor.item_ids()
        if not ids or table.row_count == 0:
            return None
        return ids[min(table.cursor_row, len(ids) - 1)]

    def current_entry(self) -> Any:
        item_id = self.current_id()
        return None if item_id is None else self.editor.item(item_id)

    def current_steps(self) -> list[Any]:
        item_id = self.current_id()
        item = self.agenda.item(item_id) if item_id and self.agenda is not None else None
        return list(item.steps) if item is not None else []

    def current_step(self) -> Any:
        steps = self.current_steps()
        if not steps:
            return None
        row = self.query_one("#steps", DataTable).cursor_row
        return steps[min(row, len(steps) - 1)]

    @on(DataTable.RowHighlighted, "#items")
    def _item_highlighted(self) -> None:
        self.query_one("#steps", DataTable).move_cursor(row=0, animate=False)
        self._fill_steps()

    @on(DataTable.RowSelected, "#items")
    def _item_selected(self) -> None:
        self.action_edit()

    # -- editing ---------------------------------------------------------------------------

    def edit(self, change, select: str | None = None) -> None:
        """Apply ``change()`` to the plan, keeping the text before it for undo."""
        before = self.editor.text()
        try:
            change()
        except Exception as exc:  # noqa: BLE001 - an edit the editor refuses (any error): the plan stays as it was
            self._restore(before)
            self.notify(str(exc), severity="error")
            return
        if self.editor.text() != before:
            self.undo_stack.append(before)
            if not self.autosave(before):
                return
        self.recompute(select)

    def autosave(self, before: str) -> bool:
        """Write the plan (atomically) right after a change, so a crash or a closed laptop
        never loses an edit. A change that would make a runnable plan unreadable is taken
        back, with the reason; a plan that was broken already stays unsaved until it is
        whole again (the problems panel says why)."""
        from toolkit.plan.edit import parse_plan

        try:
            self.editor.save()
        except ProblemsError as exc:
            if parse_plan(before.encode("utf-8"), self.editor.path).ok:
                self.undo_stack.pop()
                self._restore(before)
                self.notify("\n".join(p.message for p in exc.problems[:4]), title=_("Not changed"),
                            severity="error", timeout=10)
                self.recompute()
                return False
            return True
        except OSError as exc:
            self.notify(str(exc), title=_("Not saved"), severity="error", timeout=10)
            return True
        self.saved_text = self.editor.text()
        return True

    def _restore(self, text: str) -> None:
        from toolkit.plan.edit import PlanEditor

        self.editor = PlanEditor(self.editor.path, text=text)

    def unique_id(self, base: str) -> str:
        ids = set(self.editor.item_ids())
        base = slugify(base, max_length=40)
        candidate, n = base, 2
        while candidate in ids:
            candidate, n = f"{base}-{n}", n + 1
        return candidate

    def _insert_index(self) -> int:
        ids = self.editor.item_ids()
        current = self.current_id()
        return ids.index(current) + 1 if current in ids else len(ids)

    def action_add_method(self) -> None:
        from toolkit.tui.screens.library import LibraryScreen

        self.app.push_screen(LibraryScreen(pick=True, language=self.language), self._method_picked)

    def _method_picked(self, method_id: str | None) -> None:
        if not method_id:
            return
        new_id = self.unique_id(method_id)
        index = self._insert_index()
        self.edit(lambda: self.editor.add_item({"id": new_id, "method": method_id}, index), select=new_id)

    def action_add_talk(self) -> None:
        from toolkit.tui.widgets.dialogs import FreeItemDialog

        self.app.push_screen(FreeItemDialog(_("Add a talk"), "", 20, speakers=self._people(), with_speaker=True),
                             lambda values: self._free_added("talk", values))

    def action_add_break(self) -> None:
        from toolkit.tui.widgets.dialogs import FreeItemDialog

        self.app.push_screen(FreeItemDialog(_("Add a break"), _("Break"), 15),
                             lambda values: self._free_added("break", values))

    def _people(self) -> list[tuple[str, str]]:
        return [(str(p.get("id")), str(p.get("name", ""))) for p in self.editor.data.get("people") or []
                if hasattr(p, "get")]

    def _free_added(self, kind: str, values: Any) -> None:
        if values is None:
            return
        new_id = self.unique_id(values.title)
        item = {"id": new_id, "type": kind, "title": values.title, "minutes": values.minutes}
        if values.speaker:
            item["speaker"] = values.speaker
        index = self._insert_index()
        self.edit(lambda: self.editor.add_item(item, index), select=new_id)

    def action_edit(self) -> None:
        entry = self.current_entry()
        if entry is None:
            return
        item_id = str(entry.get("id"))
        if "type" in entry:
            from toolkit.tui.widgets.dialogs import FreeItemDialog

            dialog = FreeItemDialog(_("Edit '{title}'").format(title=entry.get("title", item_id)),
                                    str(entry.get("title", "")), int(entry.get("minutes") or 15),
                                    entry.get("speaker"), speakers=self._people(),
                                    with_speaker=entry.get("type") == "talk")
            self.app.push_screen(dialog, lambda values: self._free_edited(item_id, values))
            return
        from toolkit.tui.widgets.dialogs import MethodRunDialog, StepField

        fields = []
        for step in self.current_steps():
            fields.append(StepField(step.id, None, _("{step}: minutes").format(step=step.title), str(step.minutes)))
            options = step.options
            if options is not None:
                for name in type(options).model_fields:
                    value = getattr(options, name)
                    fields.append(StepField(step.id, name, f"{step.title}: {name}", _as_text(value)))
        item = self.agenda.item(item_id) if self.agenda is not None else None
        heading = _("Edit '{title}'").format(title=item.title if item else item_id)
        self.app.push_screen(MethodRunDialog(heading, str(entry.get("title") or ""), fields),
                             lambda result: self._method_edited(item_id, result))

    def _free_edited(self, item_id: str, values: Any) -> None:
        if values is None:
            return

        def change() -> None:
            self.editor.set_item_field(item_id, "title", values.title)
            self.editor.set_item_field(item_id, "minutes", values.minutes)
            if self.editor.item(item_id).get("type") == "talk":
                self.editor.set_item_field(item_id, "speaker", values.speaker)

        self.edit(change, select=item_id)

    def _method_edited(self, item_id: str, result: Any) -> None:
        if result is None:
            return
        title, values = result

        def change() -> None:
            self.editor.set_item_field(item_id, "title", title or None)
            for (step_id, option), value in values.items():
                if option is None:
                    self._set_step_minutes(item_id, step_id, value)
                else:
                    self.editor.set_option(item_id, step_id, option, value)

        self.edit(change, select=item_id)

    def _card_minutes(self, item_id: str, step_id: str) -> int | None:
        method = self.editor.item(item_id).get("method")
        card = self.library().get(str(method), self.language) if method else None
        step = next((s for s in card.meta.steps if s.id == step_id), None) if card else None
        return step.minutes if step else None

    def _set_step_minutes(self, item_id: str, step_id: str, minutes: int) -> None:
        """Override a step's minutes; back at the card's own minutes, the override goes."""
        self.editor.set_minutes(item_id, step_id, None if minutes == self._card_minutes(item_id, step_id) else minutes)

    def _change_minutes(self, delta: int) -> None:
        entry = self.current_entry()
        if entry is None:
            return
        item_id = str(entry.get("id"))
        if "type" in entry:
            minutes = max(1, int(entry.get("minutes") or 0) + delta)
            self.edit(lambda: self.editor.set_item_field(item_id, "minutes", minutes), select=item_id)
            return
        step = self.current_step()
        if step is None:
            self.notify(_("This item has no steps to change."), severity="warning")
            return
        minutes = max(1, step.minutes + delta)
        self.edit(lambda: self._set_step_minutes(item_id, step.id, minutes), select=item_id)

    def action_longer(self) -> None:
        self._change_minutes(STEP)

    def action_shorter(self) -> None:
        self._change_minutes(-STEP)

    def _move(self, delta: int) -> None:
        item_id = self.current_id()
        if item_id is None:
            return
        index = self.editor.item_index(item_id) + delta
        if 0 <= index < len(self.editor.item_ids()):
            self.edit(lambda: self.editor.move_item(item_id, index), select=item_id)

    def action_move_up(self) -> None:
        self._move(-1)

    def action_move_down(self) -> None:
        self._move(1)

    def action_remove(self) -> None:
        item_id = self.current_id()
        if item_id is None:
            return
        ids = self.editor.item_ids()
        index = ids.index(item_id)
        neighbour = ids[index + 1] if index + 1 < len(ids) else (ids[index - 1] if index else None)
        self.edit(lambda: self.editor.remove_item(item_id), select=neighbour)
        self.notify(_("Removed '{id}'. {key} undoes it.").format(id=item_id, key="Ctrl+Z"), timeout=4)

    def action_undo(self) -> None:
        if not self.undo_stack:
            self.notify(_("Nothing to undo."), timeout=2)
            return
        current = self.current_id()
        self._restore(self.undo_stack.pop())
        try:
            self.editor.save()
            self.saved_text = self.editor.text()
        except (ProblemsError, OSError):
            pass  # the problems panel shows why; leaving asks about the unsaved text
        self.recompute(current)

    def action_save(self) -> bool:
        try:
            self.editor.save()
        except ProblemsError as exc:
            self.notify("\n".join(p.message for p in exc.problems[:4]), title=_("Not saved"), severity="error",
                        timeout=10)
            return False
        except OSError as exc:
            self.notify(str(exc), title=_("Not saved"), severity="error", timeout=10)
            return False
        self.saved_text = self.editor.text()
        self.app_actions.remember(self.folder, self.title_text())
        self.recompute()
        self.notify(_("Saved {path}.").format(path=self.editor.path.name), timeout=3)
        return True

    def action_run(self) -> None:
        if self.dirty and not self.action_save():
            return
        self.app_actions.open_run(self.folder)

    def action_close(self) -> None:
        if not self.before_leaving(lambda: self.dismiss(None)):
            self.dismiss(None)

    def before_leaving(self, then: Callable[[], object]) -> bool:
        """For the app (home, quit) and Esc: ``True`` when unsaved changes make the screen ask
        first; ``then`` runs once they are saved or discarded (never after "stay")."""
        if not self.dirty:
            return False
        from toolkit.tui.widgets.dialogs import SaveChangesDialog

        def answered(answer: str | None) -> None:
            if answer == "save" and self.action_save():
                then()
            elif answer == "discard":
                self.saved_text = self.editor.text()  # discarded: nothing is unsaved any more
                then()

        self.app.push_screen(SaveChangesDialog(), answered)
        return True
