"""The base of every capture panel: :class:`CapturePanel`, :class:`RecordList` and the
messages a panel sends to run mode.

A panel captures through :meth:`CapturePanel.commit`, which calls
:meth:`toolkit.session.engine.Engine.capture` and reports :class:`CapturePanel.Saved` only
after that call returned, i.e. after the record was committed durably. Run mode shows
"saved" on that message and nothing earlier.

The contract for plugin widgets (``kind.widget = "module:Class"``): the class is built as
``Class(engine, step)`` with the :class:`~toolkit.session.engine.Engine` and the current
:class:`~toolkit.plan.agenda.AgendaStep`. Subclassing :class:`CapturePanel` gives a plugin
the record list, edit/remove support and the result view for free; any Textual widget works.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from toolkit.errors import CimisError
from toolkit.tui.literal import literal


class CaptureInput(Input):
    """The text field of a capture panel: Enter takes its text and empties it at once, in the
    field's own queue (in order with the keys typed before and after it). The panel saves
    what was taken a moment later; emptying the field only then appended a fast typist's
    next card to the one on its way to the store, and the clearing wiped what was typed in
    between. A refused entry comes back (:meth:`CapturePanel.settle`)."""

    async def _on_key(self, event: Any) -> None:
        # Enter is taken here, in order with the characters around it. As a binding it
        # would act only once the key came back from the app's binding check, after the
        # characters typed behind it were already in the field (fast typing merged entries).
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            await self.action_submit()
            return
        await super()._on_key(event)

    async def action_submit(self) -> None:
        await super().action_submit()  # posts Submitted with the text as it was at Enter
        if self.value.strip():
            self.value = ""


class RecordList(OptionList):
    """The step's records, one option per record; the option id is the record id, so run
    mode can edit or remove the highlighted one."""

    DEFAULT_CSS = """
    RecordList { height: 1fr; min-height: 3; border: round $primary-background-lighten-2; }
    RecordList:focus { border: round $accent; }
    """

    def set_records(self, rows: list[tuple[int, Any]]) -> None:
        keep = self.highlighted
        self.clear_options()
        self.add_options([Option(literal(label), id=str(record_id)) for record_id, label in rows])
        if rows:
            self.highlighted = min(keep if keep is not None else len(rows) - 1, len(rows) - 1)

    def append(self, record_id: int, label: Any) -> None:
        self.add_option(Option(literal(label), id=str(record_id)))
        self.highlighted = self.option_count - 1

    def selected_id(self) -> int | None:
        if self.highlighted is None or not self.option_count:
            return None
        option = self.get_option_at_index(self.highlighted)
        try:
            return int(option.id) if option.id is not None else None
        except ValueError:
            return None


def person_label(engine: Any, person_id: str) -> str:
    for person in engine.agenda.people:
        if person.id == person_id:
            return person.name
    return person_id


class CapturePanel(Vertical):
    """Base of the built-in capture panels: a prompt, the kind's controls, the list of
    records and a live view of the step's result."""

    DEFAULT_CSS = """
    CapturePanel { height: 1fr; padding: 0 1; }
    CapturePanel .capture-prompt { text-style: bold; color: $accent; padding: 0 0 1 0; }
    CapturePanel .capture-hint { color: $text-muted; }
    CapturePanel .capture-body { height: 1fr; }
    CapturePanel .capture-result { width: 1fr; height: 1fr; padding: 0 1; overflow-y: auto; }
    CapturePanel RecordList { width: 1fr; }
    CapturePanel Input { margin: 0 0 1 0; }
    """

    class Saved(Message):
        """A record was committed (``saved`` is the engine's :class:`Saved`)."""

        def __init__(self, saved: Any, text: str = "") -> None:
            super().__init__()
            self.saved = saved
            self.text = text

    class Failed(Message):
        """A capture was refused (invalid, or breaks a rule of the kind); nothing was written."""

        def __init__(self, message: str) -> None:
            super().__init__()
            self.message = message

    #: Whether the step's result is shown next to the records.
    show_result_view = True
    #: Columns the panel needs; run mode hides the rail and the instructions (F3 brings them
    #: back) when less is left beside them.
    wants_width = 0

    def __init__(self, engine: Any, step: Any, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="capture-panel")
        self.engine = engine
        self.step = step
        self.kind = engine.kinds.get(step.capture_kind)
        self.options = step.options

    # -- what subclasses provide ---------------------------------------------------------

    def compose_controls(self) -> ComposeResult:
        """Inputs of the kind, above the records."""
        return iter(())

    def describe(self, captured: Any) -> Any:
        """One record as a line of the record list."""
        data = getattr(captured.data, "root", captured.data)
        return ", ".join(f"{k}: {v}" for k, v in data.model_dump(mode="json").items())

    def rows(self) -> list[tuple[int, Any]]:
        """Rows of the record list (defaults to every record, described)."""
        return [(c.id, self.describe(c)) for c in self.records()]

    def render_result(self, result: Any) -> Any:
        """The result view (a Rich renderable), or ``None`` to leave it out."""
        return None

    def hint(self) -> str:
        return ""

    # -- the frame -----------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        prompt = getattr(self.options, "prompt", None)
        if prompt:
            yield Label(literal(prompt), classes="capture-prompt")
        yield from self.compose_controls()
        hint = self.hint()
        if hint:
            yield Static(literal(hint), classes="capture-hint")
        with Horizontal(classes="capture-body"):
            yield RecordList(id="records")
            if self.show_result_view:
                yield Static("", classes="capture-result", id="result")

    def on_mount(self) -> None:
        self.refresh_records()

    @property
    def ref(self) -> tuple[str, str]:
        return self.step.item_id, self.step.id

    def records(self) -> list[Any]:
        return self.engine.records(*self.ref)

    def result(self) -> Any:
        return self.engine.result(*self.ref)

    @property
    def record_list(self) -> RecordList:
        return self.query_one("#records", RecordList)

    def refresh_records(self) -> None:
        """Show the records and result as the store has them now."""
        self.record_list.set_records(self.rows())
        self.refresh_result()

    def refresh_result(self) -> None:
        if not self.show_result_view:
            return
        try:
            renderable = self.render_result(self.result())
        except CimisError as exc:
            renderable = Text(str(exc), style="italic")
        if isinstance(renderable, str):
            renderable = literal(renderable)
        self.query_one("#result", Static).update(renderable if renderable is not None else "")

    def after_commit(self, saved: Any) -> None:
        """Update the panel after a commit; by default everything is shown anew."""
        self.refresh_records()

    def selected_record(self) -> int | None:
        """Id of the record run mode's edit and remove act on."""
        return self.record_list.selected_id()

    def commit(self, record: dict[str, Any], *, announce: str = "") -> Any:
        """Capture ``record`` into this step. Returns the engine's ``Saved`` once committed,
        or ``None`` (with a :class:`Failed` message) when the record was refused."""
        try:
            saved = self.engine.capture(record, item_id=self.step.item_id, step_id=self.step.id)
        except CimisError as exc:
            self.post_message(self.Failed(str(exc)))
            return None
        self.after_commit(saved)
        self.post_message(self.Saved(saved, announce))
        return saved

    @staticmethod
    def settle(event: Input.Submitted, saved: Any) -> None:
        """After the entry of ``event`` was saved (``saved``) or refused (``None``): a refused
        entry is put back into its field for correcting, unless something new was typed
        there since; a plain :class:`Input` (a plugin's) is emptied once its entry is saved."""
        field = event.input
        if saved is None:
            if not field.value:
                field.value = event.value
        elif not isinstance(field, CaptureInput):
            field.value = ""

    def commit_many(self, records: list[dict[str, Any]]) -> list[Any]:
        """Capture several records, stopping at the first refused one."""
        done = []
        for record in records:
            saved = self.commit(record)
            if saved is None:
                break
            done.append(saved)
        return done


def people_options(engine: Any, roles: tuple[str, ...] | None = None, exclude: tuple[str, ...] = ("facilitator",)
                   ) -> list[tuple[Text, str]]:
    """``(name, id)`` pairs for a Select of people in plan order."""
    return [(literal(p.name), p.id) for p in engine.agenda.people
            if (roles is None or p.role in roles) and p.role not in exclude]


def choice(options: Sequence[tuple[str | Text, str]], *, id: str, prompt: str) -> Any:
    """A Select of ``(label, value)`` with the first chosen, or an empty one (a plan without
    the people it needs must still show the step)."""
    from textual.widgets import Select

    if options:
        return Select(options, value=options[0][1], allow_blank=False, id=id, prompt=prompt)
    return Select([], id=id, prompt=prompt)


def bar(count: int, most: int, width: int = 20) -> str:
    if most <= 0:
        return ""
    return "█" * max(1 if count else 0, round(width * count / most))
