"""Run mode: :class:`RunScreen`, the screen a facilitator runs a workshop on.

The agenda rail on the left; the current step's title and its big countdown on top; the
step's instructions (Markdown) and its capture panel below. Everything is keyboard-driven;
the keys are Textual bindings with ids (``run.next``, ``run.pause``, ...), so the user's
``[keys]`` configuration can move them. Page Down / Page Up also suit a presentation
clicker.

Every change goes through the :class:`~toolkit.session.engine.Engine`, which commits it
before it returns; the status line says "saved" only then. The timer is read from the
engine's clock (injectable): :meth:`RunScreen.tick` redraws it and is called by an interval
in the app and explicitly by tests that move a fake clock. Reopening a session shows exactly
where it stood, because everything shown is derived from the store.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding, BindingsMap
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Footer, Input, Label, Markdown, Static

from toolkit.errors import CimisError
from toolkit.i18n import _
from toolkit.tui.literal import literal
from toolkit.tui.screens.room import HeldScreen, RoomScreen
from toolkit.tui.widgets.capture.base import CapturePanel
from toolkit.tui.widgets.capture.boundary import CaptureHost
from toolkit.tui.widgets.rail import AgendaRail
from toolkit.tui.widgets.timer import TimerDisplay

#: Run mode's key binding ids (defaults and descriptions live in :mod:`toolkit.tui.bindings`).
RUN_BINDING_IDS = ("run.next", "run.previous", "run.pause", "run.add-minute", "run.remove-minute", "run.edit",
                   "run.remove", "run.undo", "run.projector-toggle", "run.reveal", "run.blackout", "run.input",
                   "run.instructions", "run.reopen", "run.finish", "run.serve", "run.moderation", "run.held")

#: Seconds between two timer redraws.
TICK_SECONDS = 0.25
#: The store is polled every this many ticks (0.5 s: what the room sends from its phones
#: shows within a second).
SYNC_EVERY = 2


def _free_port(options: dict[str, Any]) -> None:
    """Raise a clear :class:`OSError` when the server's address and port are taken (or not
    this machine's), before the server's own start-up fails with a log line."""
    from toolkit.serving import probe_port

    host = options.get("host") or ("0.0.0.0" if options.get("lan") else "127.0.0.1")
    port = options.get("port", 8300)
    try:
        probe_port(host, port)
    except OSError as exc:
        raise OSError(_("cannot listen on {host} port {port}: {error}; choose another port in the [serve] "
                        "section of the configuration").format(host=host, port=port,
                                                               error=exc.strerror or exc)) from None


def run_bindings() -> list[Binding]:
    """The run-mode bindings with ids (the app applies the user's ``[keys]`` through
    Textual's keymap) and descriptions in the active language. They take priority over the
    focused input, which never needs these keys."""
    from toolkit.tui.bindings import binding

    return [dataclasses.replace(found, description=_(found.description))
            for found in (binding(binding_id, priority=True) for binding_id in RUN_BINDING_IDS)]


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question; Enter or y confirms, Escape or n cancels."""

    BINDINGS = [Binding("y,j", "answer(True)", show=False), Binding("escape,n", "answer(False)", show=False)]
    DEFAULT_CSS = """
    ConfirmScreen { align: center middle; }
    ConfirmScreen > Vertical { width: 60; height: auto; border: thick $accent; padding: 1 2; background: $surface; }
    ConfirmScreen Label { width: 100%; text-style: bold; margin-bottom: 1; }
    ConfirmScreen Horizontal { height: auto; }
    ConfirmScreen Button { margin-right: 2; }
    """

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(literal(self.question))
            with Horizontal():
                yield Button(_("Yes"), id="yes", variant="primary")
                yield Button(_("No"), id="no")

    def on_mount(self) -> None:
        self.query_one("#yes", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class EditRecordScreen(ModalScreen[dict | None]):
    """Edit one record through its kind's form: one input per field of the record's model
    (a choice for fixed values, a checkbox for yes/no, comma-separated text for lists),
    filled with what was captured. Enter or Ctrl+S saves, Escape cancels, Tab moves on."""

    BINDINGS = [Binding("escape", "cancel", show=False), Binding("ctrl+s", "save", show=False)]
    DEFAULT_CSS = """
    EditRecordScreen { align: center middle; }
    EditRecordScreen > Vertical {
        width: 80; max-width: 100%; height: auto; max-height: 100%;
        border: thick $accent; padding: 0 1; background: $surface;
    }
    EditRecordScreen #edit-title { text-style: bold; }
    EditRecordScreen #edit-fields { height: auto; max-height: 16; }
    EditRecordScreen #edit-fields Label { color: $text-muted; }
    EditRecordScreen #edit-error { color: $error; height: auto; }
    """

    def __init__(self, kind: Any, data: dict[str, Any]) -> None:
        from toolkit.tui.widgets.capture.generic import shape_of

        super().__init__()
        self.kind = kind
        self.data = data
        self.shape = shape_of(kind.Record, data) if kind is not None else None

    def compose(self) -> ComposeResult:
        from toolkit.tui.widgets.capture.generic import field_widgets, kind_labels

        with Vertical():
            yield Label(_("Edit the record; Enter saves, Escape cancels."), id="edit-title")
            with VerticalScroll(id="edit-fields"):
                yield from field_widgets(self.shape, self.data, kind_labels(self.kind))
            yield Static("", id="edit-error")

    def on_mount(self) -> None:
        for widget in self.query("#edit-fields Input, #edit-fields Select, #edit-fields Checkbox"):
            widget.focus()
            return

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        from toolkit.tui.widgets.capture.generic import field_values

        if self.shape is None:
            self.query_one("#edit-error", Static).update(literal(_("This record cannot be edited here.")))
            return
        self.dismiss(field_values(self, self.shape))

    def action_cancel(self) -> None:
        self.dismiss(None)


class RunScreen(Screen):
    """Run a workshop: rail, step, timer, instructions and capture panel."""

    DEFAULT_CSS = """
    RunScreen { layout: vertical; }
    RunScreen #run-header { height: 1; background: $primary-background; color: $text; padding: 0 1; }
    RunScreen #run-main { height: 1fr; }
    RunScreen #run-stage { width: 1fr; height: 1fr; }
    RunScreen #run-head { height: auto; padding: 0 1; }
    RunScreen #run-titles { width: 1fr; height: auto; }
    RunScreen #step-title {
        text-style: bold; color: $text; background: $accent 30%; padding: 1 2; width: 100%;
    }
    RunScreen #item-title { color: $text-muted; padding: 0 2; }
    RunScreen #room-view { padding: 0 2; color: $text-muted; }
    RunScreen #room-view.-black { color: $error; text-style: bold reverse; }
    RunScreen #run-body { height: 1fr; }
    RunScreen #instructions-box { width: 1fr; height: 1fr; border: round $primary-background-lighten-2; }
    RunScreen #run-body.-capture #instructions-box { width: 2fr; }
    RunScreen CaptureHost { width: 3fr; border: round $accent; }
    RunScreen #run-status { height: 1; padding: 0 1; background: $panel; }
    /* a small terminal (80x24): the capture panel gets the whole width; the rail and the
       instructions come back with F3, the rest of the head is one line each */
    RunScreen.-narrow #rail { display: none; }
    RunScreen.-narrow #run-body.-capture #instructions-box { display: none; }
    RunScreen.-narrow.-instructions #run-body.-capture #instructions-box { display: block; width: 1fr; }
    RunScreen.-narrow.-instructions #run-body.-capture CaptureHost { display: none; }
    RunScreen.-narrow.-instructions #rail { display: block; }
    RunScreen.-short #step-title { padding: 0 1; }
    RunScreen.-short #room-view { height: 1; }
    RunScreen.-short TimerDisplay { border: none; }
    RunScreen.-short .capture-hint { display: none; }
    RunScreen.-small ScorecardPanel #result { display: none; }
    RunScreen #run-status.-saved { color: $success; text-style: bold; }
    RunScreen #run-status.-error { color: $error; text-style: bold; }
    """

    def __init__(self, engine: Any, *, poll: bool = True, name: str | None = None,
                 server_factory: Any = None) -> None:
        super().__init__(name=name)
        self.engine = engine
        self.poll = poll
        # the room's phones: the participant server (built by ``server_factory``, by default
        # the class :mod:`toolkit.serving` names), what it tells the room, and its state
        self.server_factory = server_factory
        self.server: Any = None
        self.serving: Any = None
        self.serve_busy = False
        self.serve_error = ""
        # per instance: descriptions in today's language; the screen's own Tab / Shift+Tab stay
        self._bindings = BindingsMap([*Screen.BINDINGS, *run_bindings()])
        self._shown_step: tuple[str, str] | None = None
        self._ticks = 0
        self._rang: set[tuple[str, str, int]] = set()
        self._last_remaining: float | None = None
        self.host: CaptureHost | None = None

    # -- layout --------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(literal(self._header_text()), id="run-header")
        with Horizontal(id="run-main"):
            yield AgendaRail(self.engine.agenda, id="rail")
            with Vertical(id="run-stage"):
                with Horizontal(id="run-head"):
                    with Vertical(id="run-titles"):
                        yield Static("", id="step-title")
                        yield Static("", id="item-title")
                        yield Static("", id="room-view")
                    yield TimerDisplay(id="run-timer")
                yield Horizontal(id="run-body")
        yield Static("", id="run-status")
        yield Footer()

    def _header_text(self) -> str:
        agenda = self.engine.agenda
        when = agenda.start.strftime("%d.%m.%Y") if agenda.start else ""
        return " · ".join(part for part in ("cimis", agenda.title, when) if part)

    async def on_mount(self) -> None:
        await self.show_step()
        self.tick()
        if self.poll:
            self.set_interval(TICK_SECONDS, self.tick)
        if not self.engine.state.started:
            keys = self._keys("run.next")
            self.set_status(_("Not started yet: {key} starts the session with the first step.").format(key=keys))

    def on_resize(self, event: Any) -> None:
        self.fit(event.size.width, event.size.height)

    def fit(self, width: int, height: int) -> None:
        """Give the capture panel the whole width on a small terminal, or when the panel
        needs more room than is left beside the rail and the instructions (a jury grid)."""
        wants = getattr(self.panel, "wants_width", 0) or 0
        self.set_class(width < 110 or width - 75 < wants, "-narrow")
        self.set_class(width < 110, "-small")
        self.set_class(height < 30, "-short")

    def action_instructions(self) -> None:
        """On a small terminal: show the rail and the step's instructions instead of the
        capture panel, or back."""
        self.toggle_class("-instructions")

    def _keys(self, binding_id: str) -> str:
        for bindings in self._bindings.key_to_bindings.values():
            for binding in bindings:
                if binding.id == binding_id:
                    return binding.key
        from toolkit.tui.bindings import DEFAULTS

        return DEFAULTS[binding_id][0]

    # -- what is shown -------------------------------------------------------------------

    def current(self) -> tuple[Any, Any, int]:
        """(item, step, index) shown now: the session's position, or the first step before
        the start."""
        position = self.engine.position
        if position is not None:
            return position.item, position.step, position.index
        items = self.engine.agenda.items
        for index, item in enumerate(items):
            if item.steps:
                return item, item.steps[0], index
        raise CimisError(_("the agenda has no steps to run"))

    async def show_step(self) -> None:
        """Show the current step (titles, instructions, capture panel) if it changed."""
        item, step, index = self.current()
        key = (item.id, step.id)
        finished = self.engine.state.finished
        self.query_one(AgendaRail).show(self.engine.state.position, finished)
        self.show_room_view()
        if key == self._shown_step:
            return
        self._shown_step = key
        self._last_remaining = None
        self.query_one("#step-title", Static).update(literal(step.title))
        number = item.steps.index(step) + 1
        facts = [item.title if item.title != step.title else "",
                 _("step {n} of {total}").format(n=number, total=len(item.steps)) if len(item.steps) > 1 else "",
                 _("agenda item {n} of {total}").format(n=index + 1, total=len(self.engine.agenda.items)),
                 _("{minutes} min planned").format(minutes=step.minutes)]
        self.query_one("#item-title", Static).update(literal(" · ".join(f for f in facts if f)))
        body = self.query_one("#run-body", Horizontal)
        await body.remove_children()
        instructions = step.instructions.strip() or _("No instructions for this step.")
        widgets: list[Any] = [VerticalScroll(Markdown(instructions), id="instructions-box")]
        self.host = None
        if step.capture_kind:
            self.host = CaptureHost(self.engine, step, id="capture")
            widgets.append(self.host)
        body.set_class(bool(step.capture_kind), "-capture")
        await body.mount_all(widgets)
        self.fit(self.size.width, self.size.height)
        self.focus_capture()

    def show_room_view(self) -> None:
        """Mark what the room sees on the projector (the facilitator always sees everything)."""
        label = self.query_one("#room-view", Static)
        state = self.engine.state
        black = bool(getattr(state, "blackout", False))
        parts = []
        if black:
            parts.append(_("■ Black screen on the projector ({key} shows it again)").format(
                key=self._display("run.blackout")))
        elif state.position is not None and not state.finished:
            _item, step, _index = self.current()
            if step.capture_kind:
                view = self.engine.presenter()
                if view.moderated or view.held:
                    parts.append((_("moderation on") if view.moderated else _("moderation off"))
                                 + " · " + _("{n} held ({key})").format(n=view.held, key=self._display("run.held")))
                if view.revealed:
                    parts.append(_("The room sees the results ({key} hides them)").format(
                        key=self._display("run.reveal")))
                else:
                    parts.append(_("Results hidden from the room ({key} reveals them)").format(
                        key=self._display("run.reveal")))
                if not view.input_open:
                    parts.append(_("input closed"))
        if self.serving is not None:
            parts.append(_("room joins at {url} with the code {code}").format(
                url=self.serving.public_url, code=self.serving.room.code))
        label.update(literal(" · ".join(parts)))
        label.set_class(black, "-black")

    def _display(self, binding_id: str) -> str:
        from toolkit.tui.bindings import display_keys

        return display_keys(self._keys(binding_id))

    def focus_capture(self) -> None:
        """Put the cursor where the room's input goes: the panel's text input, if any."""
        if self.host is None:
            return
        for widget in self.host.query("Input, OptionList, Select, Button"):
            if widget.focusable:
                # at once, not after the queued keys (widget.focus() waits for them): a Tab
                # pressed as the panel appears then moves on from here, not from nowhere
                self.set_focus(widget)
                return

    @property
    def panel(self) -> Any:
        return self.host.panel if self.host is not None else None

    def tick(self) -> None:
        """Redraw the timer from the engine's clock; ring the bell once when it reaches zero;
        every :data:`SYNC_EVERY` ticks, catch up with what other processes (the participant
        server) committed."""
        self._ticks += 1
        if self.poll and self._ticks % SYNC_EVERY == 0:
            self.sync()
        now = self.engine.now()
        timer = self.engine.timer()
        if self.engine.state.position is None:
            _item, step, _index = self.current()
            from toolkit.session.state import StepTimer

            timer = StepTimer(planned=step.minutes * 60)
        self.query_one(TimerDisplay).show(timer, now)
        remaining = timer.remaining(now)
        position = self.engine.state.position
        if (position is not None and timer.running and self._last_remaining is not None
                and self._last_remaining > 0 >= remaining):
            key = (*position, timer.entered)
            if key not in self._rang:
                self._rang.add(key)
                self.app.bell()
                self.set_status(_("Time is up for this step."), "error")
        self._last_remaining = remaining

    def sync(self) -> Any:
        """Catch up with the store (another window or the participant server may have moved
        on or captured): only the events after the last one seen are read and folded in.
        Returns the redraw's worker, or ``None`` when nothing changed."""
        before = self.engine.state.last_seq
        self.engine.refresh()
        if self.engine.state.last_seq == before:
            return None
        for screen in self.app.screen_stack:
            if isinstance(screen, HeldScreen):
                screen.reload()
        return self.run_worker(self._resync(), exclusive=True, group="resync")

    async def _resync(self) -> None:
        await self.show_step()
        self.show_room_view()
        panel = self.panel
        if isinstance(panel, CapturePanel):
            panel.refresh_records()

    def set_status(self, message: str, state: str = "") -> None:
        status = self.query_one("#run-status", Static)
        status.update(literal(message), layout=False)  # one fixed line: no new layout of the screen
        status.set_class(state == "saved", "-saved")
        status.set_class(state == "error", "-error")

    # -- messages from the capture panel -------------------------------------------------

    def on_capture_panel_saved(self, message: CapturePanel.Saved) -> None:
        seq = message.saved.event.seq
        text = message.text or _("Saved")
        status = _("{what} (#{seq}) – committed to the session store").format(what=text, seq=seq)
        self.set_status("✓ " + status, "saved")

    def on_capture_panel_failed(self, message: CapturePanel.Failed) -> None:
        self.set_status("✗ " + _("Not saved: {reason}").format(reason=message.message), "error")

    # -- actions -------------------------------------------------------------------------

    async def _engine(self, call, *args) -> Any:
        """Run an engine call; a refusal becomes a status message, never a crash."""
        try:
            return call(*args)
        except CimisError as exc:
            self.set_status("✗ " + str(exc), "error")
            return None

    async def action_next(self) -> None:
        if not self.engine.state.started:
            await self._engine(self.engine.start)
            self.set_status(_("Session started."))
        elif self.engine.state.finished:
            self.set_status(_("The session is finished."))
            return
        else:
            moved = await self._engine(self.engine.next_step)
            if moved is None and not self.engine.state.finished:
                self.app.push_screen(ConfirmScreen(_("This was the last step. Finish the session?")),
                                     self._finish_answer)
                return
            self.set_status("")
        await self.show_step()
        self.tick()

    async def action_previous(self) -> None:
        if self.engine.state.finished:
            self.set_status(_("The session is finished."))
            return
        await self._engine(self.engine.previous_step)
        await self.show_step()
        self.tick()

    async def action_pause(self) -> None:
        if not self.engine.state.started:
            await self.action_next()
            return
        timer = self.engine.timer()
        if timer.paused:
            if await self._engine(self.engine.resume):
                self.set_status(_("Timer running again."))
        elif await self._engine(self.engine.pause):
            self.set_status(_("Timer paused."))
        self.tick()

    async def action_add_minute(self) -> None:
        if await self._engine(self.engine.add_minutes, 1):
            self.set_status(_("One minute added."))
        self.tick()

    async def action_remove_minute(self) -> None:
        if await self._engine(self.engine.add_minutes, -1):
            self.set_status(_("One minute taken away."))
        self.tick()

    def _selected(self) -> int | None:
        panel = self.panel
        if isinstance(panel, CapturePanel):
            return panel.selected_record()
        return None

    async def action_remove(self) -> None:
        record_id = self._selected()
        if record_id is None:
            self.set_status(_("Highlight a record in the list first."), "error")
            return
        if await self._engine(self.engine.remove, record_id):
            self.set_status("✓ " + _("Record #{id} removed (undo brings it back).").format(id=record_id), "saved")
            self._refresh_panel()

    async def action_edit(self) -> None:
        record_id = self._selected()
        record = self.engine.state.record(record_id) if record_id is not None else None
        if record is None:
            self.set_status(_("Highlight a record in the list first."), "error")
            return

        async def done(data: dict | None) -> None:
            if data is None:
                return
            if await self._engine(self.engine.edit, record_id, data):
                self.set_status("✓ " + _("Record #{id} changed.").format(id=record_id), "saved")
                self._refresh_panel()

        _item, step, _index = self.current()
        self.app.push_screen(EditRecordScreen(self.engine.kinds.get(step.capture_kind), dict(record.data)), done)

    async def action_undo(self) -> None:
        undone = await self._engine(self.engine.undo)
        if undone is None:
            if not self.engine.state.finished:
                self.set_status(_("Nothing to undo."))
            return
        self.set_status("✓ " + _("Undone: {what} of record #{id}.").format(
            what={"captured": _("capture"), "edited": _("edit"), "removed": _("removal")}.get(undone[1], undone[1]),
            id=undone[2]), "saved")
        self._refresh_panel()

    def _refresh_panel(self) -> None:
        panel = self.panel
        if isinstance(panel, CapturePanel):
            panel.refresh_records()

    async def action_finish(self) -> None:
        if self.engine.state.finished:
            self.set_status(_("The session is finished."))
            return
        self.app.push_screen(ConfirmScreen(_("Finish the session? Nothing can be captured afterwards.")),
                             self._finish_answer)

    async def _finish_answer(self, yes: bool | None) -> None:
        if not yes:
            return
        if await self._engine(self.engine.finish) is not None:
            self.set_status("✓ " + _("Session finished. Everything is saved."), "saved")
        self._shown_step = None
        await self.show_step()
        self.tick()

    async def action_reopen(self) -> None:
        """Open a finished session again (asks first; the reopening is in the session log)."""
        if not self.engine.state.finished:
            self.set_status(_("The session is not finished."))
            return
        self.app.push_screen(ConfirmScreen(_("Reopen the finished session? The reopening is recorded in the "
                                             "session log.")), self._reopen_answer)

    async def _reopen_answer(self, yes: bool | None) -> None:
        if not yes:
            return
        if await self._engine(self.engine.reopen):
            self.set_status("✓ " + _("Session reopened."), "saved")
        self._shown_step = None
        await self.show_step()
        self.tick()

    async def action_goto(self, item_id: str) -> None:
        """Jump to the first step of an agenda item (the command palette lists them all)."""
        item = self.engine.agenda.item(item_id)
        if item is None or not item.steps:
            return
        if not self.engine.state.started:
            await self._engine(self.engine.start)
        if await self._engine(self.engine.go_to, item.id, item.steps[0].id) is not None:
            self.set_status(_("Now at: {title}").format(title=item.title))
        await self.show_step()
        self.tick()

    async def action_reveal(self) -> None:
        """Show the current step's results to the room, or hide them again."""
        if self.engine.state.position is None:
            self.set_status(_("Start the session first."), "error")
            return
        view = self.engine.presenter()
        if await self._engine(self.engine.set_reveal, not view.revealed) is not None:
            self.set_status(_("Results revealed to the room.") if not view.revealed
                            else _("Results hidden from the room."))
        self.show_room_view()

    async def action_blackout(self) -> None:
        """Black out the projector, or show it again."""
        black = not self.engine.state.blackout
        if await self._engine(self.engine.set_blackout, black) is not None:
            self.set_status(_("The projector is black.") if black else _("The projector shows the session again."))
        self.show_room_view()

    async def action_input(self) -> None:
        """Open or close the current step for captures from the room's devices."""
        if self.engine.state.position is None:
            self.set_status(_("Start the session first."), "error")
            return
        view = self.engine.presenter()
        if await self._engine(self.engine.set_input, not view.input_open) is not None:
            self.set_status(_("Input closed for the room.") if view.input_open else _("Input open for the room."))
        self.show_room_view()

    def action_projector_toggle(self) -> None:
        from toolkit.tui.screens.projector import ProjectorScreen

        self.app.push_screen(ProjectorScreen(self.engine, poll=self.poll))

    # -- the room's phones ---------------------------------------------------------------

    def _keys_of(self, screen: Any, binding_id: str) -> str:
        """The keys ``screen`` has bound to ``binding_id`` (the user's override applied)."""
        for bindings in screen._bindings.key_to_bindings.values():
            for found in bindings:
                if found.id == binding_id:
                    return found.key
        from toolkit.tui.bindings import keys_for

        return keys_for(binding_id, getattr(self.app, "keymap", None))

    def _server_options(self) -> dict[str, Any]:
        """``[serve]`` of the configuration: ``lan`` (listen on every address), ``host``
        and ``port``; anything else there is ignored."""
        section = (getattr(self.app, "config", None) or {}).get("serve") or {}
        options: dict[str, Any] = {}
        if isinstance(section, dict):
            if isinstance(section.get("lan"), bool):
                options["lan"] = section["lan"]
            if isinstance(section.get("host"), str) and section["host"]:
                options["host"] = section["host"]
            if isinstance(section.get("port"), int) and 0 < section["port"] < 65536:
                options["port"] = section["port"]
        return options

    async def action_serve(self) -> None:
        """Show how the room joins; switches serving on if it is off."""
        if self.serving is None and not self.serve_busy:
            self.switch_serving()
        self.app.push_screen(RoomScreen(self))

    def switch_serving(self) -> Any:
        """Start the participant server, or stop it; in a worker, because starting waits
        until it listens. Returns the worker (``None`` while one is switching)."""
        if self.serve_busy:
            return None
        self.serve_busy = True
        self.serve_error = ""
        self._show_room()
        return self.run_worker(self._switch(), exclusive=True, group="serve")

    async def _switch(self) -> None:
        import asyncio

        from toolkit.errors import CimisError

        try:
            if self.server is not None:
                server, self.server, self.serving = self.server, None, None
                await asyncio.to_thread(server.stop)
                self.set_status(_("Stopped serving: the room's phones cannot send anything now."))
            else:
                factory = self.server_factory
                if factory is None:
                    from toolkit.serving import room_server

                    factory = room_server()
                options = self._server_options()
                if self.server_factory is None:
                    _free_port(options)
                server = factory(self.engine.folder, **options)
                prepared = await asyncio.to_thread(server.start)
                self.server, self.serving = server, prepared
                self.set_status(_("Serving: the room joins at {url} with the code {code}.").format(
                    url=prepared.public_url, code=prepared.room.code), "saved")
        except (CimisError, OSError) as exc:
            self.serve_error = str(exc)
            self.set_status("✗ " + _("The server could not start: {error}").format(error=exc), "error")
        finally:
            self.serve_busy = False
            self._show_room()

    def _show_room(self) -> None:
        self.show_room_view()
        for screen in self.app.screen_stack:
            if isinstance(screen, RoomScreen):
                screen.show()

    def stop_serving(self) -> None:
        """Stop the server now (leaving run mode or quitting)."""
        server, self.server, self.serving = self.server, None, None
        if server is not None:
            server.stop()

    def on_unmount(self) -> None:
        self.stop_serving()

    async def action_moderation(self) -> None:
        """Hold the room's cards of the current step until accepted, or stop holding them."""
        if self.engine.state.position is None:
            self.set_status(_("Start the session first."), "error")
            return
        view = self.engine.presenter()
        if await self._engine(self.engine.set_moderation, not view.moderated) is not None:
            self.set_status(_("Moderation on: the room's cards wait until you accept them.") if not view.moderated
                            else _("Moderation off: the room's cards show at once (held cards still wait)."))
        self.show_room_view()

    async def action_held(self) -> None:
        """The current step's cards held for moderation, to accept or reject."""
        if self.engine.state.position is None:
            self.set_status(_("Start the session first."), "error")
            return
        item, step, _index = self.current()
        self.app.push_screen(HeldScreen(self.engine, item.id, step.id))

    def after_moderation(self) -> None:
        """A card was accepted or rejected: the panel and the room line show it."""
        self._refresh_panel()
        self.show_room_view()
