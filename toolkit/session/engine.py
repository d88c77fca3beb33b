"""The session engine: walks a workshop's agenda step by step and records what happens.

Provides :class:`Engine` (open a workshop folder, navigate, run timers, capture, edit,
remove, undo, finish, compute a step's result), :class:`Position` and :class:`Saved`.

Every change is one event committed durably to the store before the method returns, so
whatever the caller shows as saved survives a crash. Each write first catches up with what
other processes committed, inside the same write transaction, so that decisions (which
step is next, what undo reverts, whether a capture breaks a rule of its kind) are made on
the latest state. After the commit, plugins see the event through the ``session_event``
hook.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from toolkit.errors import CimisError, ProblemsError
from toolkit.i18n import _
from toolkit.session.clock import Clock, SystemClock
from toolkit.session.state import RecordState, SessionState, StepTimer
from toolkit.session.backend import open_store
from toolkit.session.store import Event, SessionEvent, SessionStore


@dataclass(frozen=True)
class Position:
    """Where the session stands: the agenda item (and its index) and the step."""

    index: int
    item: Any  # AgendaItem
    step: Any  # AgendaStep


@dataclass(frozen=True)
class Saved:
    """What a write committed: the event, whether it is new (``False`` for a retried client
    id), and for captures and edits the record as it stands now."""

    event: Event
    new: bool
    record: RecordState | None = None


# (type, item, step, payload, client id) of one event to write
_Spec = tuple[str, str | None, str | None, dict[str, Any], str | None]


def validation_message(exc: ValidationError) -> str:
    """A pydantic error as ``field: message; ...`` in the active language."""
    from toolkit.validation import describe, format_loc

    parts = []
    for err in exc.errors():
        loc = format_loc(err.get("loc", ()))
        parts.append(f"{loc}: {describe(err)}" if loc else describe(err))
    return "; ".join(parts)


class Engine:
    """A session of the workshop in ``folder`` (``workshop.yaml`` + ``session.db``)."""

    def __init__(self, folder: Path | str, clock: Clock | None = None, *, author: str = "",
                 readonly: bool = False, kinds: Mapping[str, Any] | None = None, library: Any = None):
        self.folder = Path(folder)
        if not self.folder.is_dir():
            raise CimisError(_("workshop folder does not exist: {path}").format(path=self.folder))
        self.clock: Clock = clock or SystemClock()
        self.author = author
        from toolkit import registry
        from toolkit.plan import load_plan, resolve

        self.plan = load_plan(self.folder)
        self.kinds = registry.capture_kinds() if kinds is None else kinds
        agenda, problems = resolve(self.plan, registry.library() if library is None else library, self.kinds)
        errors = [p for p in problems if p.severity == "error"]
        if errors:
            raise ProblemsError(errors)
        self.agenda = agenda
        self._steps = [(index, item, step) for index, item in enumerate(agenda.items) for step in item.steps]
        self._order = {(item.id, step.id): n for n, (_index, item, step) in enumerate(self._steps)}
        # SQLite in the folder, or the database CIMIS_STORE or the programme names
        self.store: SessionStore = open_store(self.folder, readonly=readonly)
        self.state = SessionState()
        #: record id -> (the RecordState it was made from, its Captured), so that checking a
        #: capture does not validate every earlier record of the step again
        self._captured: dict[int, tuple[RecordState, Any]] = {}
        self.refresh()

    # -- reading -------------------------------------------------------------------------

    def refresh(self) -> SessionState:
        """Catch up with events other processes committed since the last look."""
        self.state.apply_all(self.store.stream(after=self.state.last_seq))
        return self.state

    @property
    def position(self) -> Position | None:
        """The current step, or ``None`` before the start (or when the plan lost that step)."""
        n = self._order.get(self.state.position) if self.state.position else None
        if n is None:
            return None
        return Position(*self._steps[n])

    def step(self, item_id: str, step_id: str) -> Any:
        """The agenda step; a clear error when the plan has no such step."""
        try:
            return self.agenda.step(item_id, step_id)
        except KeyError:
            raise CimisError(_("the agenda has no step '{ref}'").format(ref=f"{item_id}.{step_id}")) from None

    def timer(self, item_id: str | None = None, step_id: str | None = None) -> StepTimer:
        """The timer of a step (the current one by default); read it with :meth:`now`."""
        if item_id is None or step_id is None:
            position = self.state.position
            if position is None:
                return StepTimer()
            item_id, step_id = position
        return self.state.timer(item_id, step_id)

    def now(self) -> float:
        return self.clock.now()

    def records(self, item_id: str, step_id: str) -> list[Any]:
        """The step's current records as :class:`toolkit.capture.base.Captured`."""
        from toolkit.capture.base import Captured

        kind = self._kind(self.step(item_id, step_id))
        out = []
        for rec in self.state.step_records(item_id, step_id):
            cached = self._captured.get(rec.id)
            if cached is None or cached[0] is not rec:
                try:
                    data = kind.Record.model_validate(rec.data)
                except ValidationError:
                    continue  # written by another version of the kind: leave it out of results
                cached = (rec, Captured(id=rec.id, data=data, author=rec.author or None, at=rec.at))
                self._captured[rec.id] = cached
            out.append(cached[1])
        return out

    def context(self, item_id: str | None = None, _seen: frozenset[str] = frozenset()) -> Any:
        """The :class:`toolkit.capture.base.CaptureContext` of a step of item ``item_id``:
        people, seed, language, and the results of the steps it refers to."""
        from toolkit.capture.base import CaptureContext
        from toolkit.i18n import get_language

        def results(ref: str) -> Any:
            # a reference names "step" in the referring item or "item.step"
            target_item, _dot, target_step = ref.rpartition(".")
            target_item = target_item or item_id
            key = f"{target_item}.{target_step}"
            if not target_item or key in _seen:
                return None  # unknown item, or a cycle of references
            try:
                return self.result(target_item, target_step, _seen=_seen)
            except CimisError:
                return None

        return CaptureContext(people=list(self.agenda.people), seed=self.agenda.seed, results=results,
                              lang=self.agenda.language or get_language())

    def result(self, item_id: str, step_id: str, *, _seen: frozenset[str] = frozenset()) -> Any:
        """The step's result, computed by its capture kind from the current records."""
        step = self.step(item_id, step_id)
        kind = self._kind(step)
        context = self.context(item_id, _seen | {f"{item_id}.{step_id}"})
        return kind.result(self.records(item_id, step_id), step.options, context)

    def status(self) -> dict[str, Any]:
        """What ``cimis session status --json`` prints."""
        now = self.clock.now()
        state = self.refresh()
        position = self.position
        steps = []
        for index, item, step in self._steps:
            timer = state.timers.get((item.id, step.id))
            steps.append({"item": item.id, "step": step.id, "index": index, "title": step.title,
                          "kind": step.capture_kind, "minutes": step.minutes,
                          "records": len(state.records.get((item.id, step.id), {})),
                          "timer": timer.as_dict(now) if timer else None})
        return {
            "workshop": self.agenda.title, "folder": str(self.folder), "store": self.store.location,
            "items": len(self.agenda.items),
            "started": state.started, "finished": state.finished, "events": state.events,
            "ignored_events": state.ignored, "last_seq": state.last_seq,
            "position": None if position is None else {
                "index": position.index, "item": position.item.id, "step": position.step.id,
                "item_title": position.item.title, "step_title": position.step.title},
            "timer": self.timer().as_dict(now) if position else None,
            "records": sum(len(r) for r in state.records.values()),
            "steps": steps,
        }

    # -- writing -------------------------------------------------------------------------

    def _commit(self, decide: Callable[[SessionState], list[_Spec]], author: str | None = None) -> list[Saved]:
        """Write the events ``decide`` asks for, deciding on the caught-up state inside the
        write transaction; the state and the plugins see them only after the commit."""
        written: list[tuple[Event, bool]] = []
        with self.store.writing() as tx:
            self.state.apply_all(tx.events_after(self.state.last_seq))
            for type_, item, step, payload, client_id in decide(self.state):
                written.append(tx.insert(type_, item=item, step=step, payload=payload,
                                         author=self.author if author is None else author,
                                         at=self.clock.now(), client_id=client_id))
        new = [event for event, is_new in written if is_new]
        self.state.apply_all(new)
        self._notify(new)
        return [Saved(event, is_new, self.state.record(event.payload.get("record_id", event.seq)))
                for event, is_new in written]

    def _notify(self, events: list[Event]) -> None:
        if not events:
            return
        try:
            import copy

            from toolkit.plugins import get_host

            host = get_host()
            if not host.pm.hook.session_event.get_hookimpls():
                return
            for event in events:
                # each observer gets its own copy: the payload's dicts are the state's records
                host.call_each("session_event", lambda name, event=event: {"event": SessionEvent(
                    *event._replace(payload=copy.deepcopy(event.payload)), workshop=str(self.folder))})
        except Exception:  # noqa: BLE001 - the event is committed; an observer must not undo that
            pass

    def _require_open(self, state: SessionState) -> None:
        if state.finished:
            raise CimisError(_("the session is finished; nothing more can be changed"))

    def _enter(self, n: int) -> _Spec:
        _index, item, step = self._steps[n]
        return ("step_entered", item.id, step.id, {"planned": step.minutes * 60}, None)

    def start(self) -> Position:
        """Start the session at the first step (nothing happens when it has started)."""
        if not self._steps:
            raise CimisError(_("the agenda has no steps to run"))

        def decide(state: SessionState) -> list[_Spec]:
            if state.started:
                return []
            _index, item, step = self._steps[0]
            return [("started", item.id, step.id, {"planned": step.minutes * 60}, None)]

        self._commit(decide)
        return self.position or Position(*self._steps[0])

    def _move(self, where: Callable[[int | None], int | None]) -> Position | None:
        """Write the events that take the session to step ``where(current index)``; a session
        that has not started starts first (at the first step)."""
        moved: list[bool] = []

        def decide(state: SessionState) -> list[_Spec]:
            self._require_open(state)
            specs: list[_Spec] = []
            current = self._order.get(state.position) if state.position else None
            target = where(current if state.started else None)
            if not state.started:
                if not self._steps:
                    raise CimisError(_("the agenda has no steps to run"))
                _index, item, step = self._steps[0]
                specs.append(("started", item.id, step.id, {"planned": step.minutes * 60}, None))
                current = 0
            if target is not None and target != current and 0 <= target < len(self._steps):
                specs.append(self._enter(target))
            if specs:
                moved.append(True)
            return specs

        self._commit(decide)
        return self.position if moved else None

    def next_step(self) -> Position | None:
        """Go to the next step (into the next item after an item's last step); ``None`` at
        the end of the agenda."""
        return self._move(lambda n: 0 if n is None else n + 1)

    def previous_step(self) -> Position | None:
        """Go back one step; ``None`` at the first step."""
        return self._move(lambda n: 0 if n is None else n - 1)

    def go_to(self, item_id: str, step_id: str) -> Position | None:
        """Jump to a step of the agenda."""
        self.step(item_id, step_id)
        target = self._order[(item_id, step_id)]
        return self._move(lambda n: target)

    def _timer_event(self, type_: str, want: Callable[[StepTimer], bool],
                     payload: dict[str, Any] | None = None) -> Saved | None:
        def decide(state: SessionState) -> list[_Spec]:
            self._require_open(state)
            position = state.position
            if position is None:
                raise CimisError(_("the session has not started yet"))
            if not want(state.timer(*position)):
                return []
            return [(type_, position[0], position[1], dict(payload or {}), None)]

        saved = self._commit(decide)
        return saved[0] if saved else None

    def pause(self) -> Saved | None:
        """Pause the current step's timer (``None`` if it was not running)."""
        return self._timer_event("timer_paused", lambda t: t.running)

    def resume(self) -> Saved | None:
        """Let the current step's paused timer run again (``None`` if it was not paused)."""
        return self._timer_event("timer_resumed", lambda t: t.paused)

    def add_minutes(self, minutes: float) -> Saved | None:
        """Give the current step more time (or less, with a negative number)."""
        seconds = float(minutes) * 60

        def allowed(timer: StepTimer) -> bool:
            if timer.allowed + seconds < 0:
                raise CimisError(_("a step cannot have less than no time"))
            return seconds != 0

        return self._timer_event("timer_extended", allowed, {"seconds": seconds})

    def _kind(self, step: Any) -> Any:
        if not step.capture_kind:
            raise CimisError(_("step '{ref}' captures nothing").format(ref=f"{step.item_id}.{step.id}"))
        kind = self.kinds.get(step.capture_kind)
        if kind is None:
            raise CimisError(_("capture kind '{kind}' of step '{ref}' is not installed").format(
                kind=step.capture_kind, ref=f"{step.item_id}.{step.id}"))
        return kind

    def _validate(self, step: Any, kind: Any, record: Any, author: str, at: float, record_id: int,
                  others: Callable[[], list[Any]]) -> Any:
        from toolkit.capture.base import Captured

        try:
            model = kind.Record.model_validate(record)
        except ValidationError as exc:
            raise CimisError(_("the record for step '{ref}' is not valid: {errors}").format(
                ref=f"{step.item_id}.{step.id}", errors=validation_message(exc))) from None
        from toolkit.capture.base import CaptureKind

        # a kind without rules of its own needs no list of the step's records
        if getattr(type(kind), "check", CaptureKind.check) is not CaptureKind.check:
            problem = kind.check(Captured(id=record_id, data=model, author=author or None, at=at), others(),
                                 step.options, self.context(step.item_id))
            if problem:
                raise CimisError(problem)
        return model

    def capture(self, record: Mapping[str, Any], *, item_id: str | None = None, step_id: str | None = None,
                author: str | None = None, client_id: str | None = None, at: float | None = None) -> Saved:
        """Validate ``record`` with the step's kind and commit it durably; only then return.

        The step defaults to the current one. ``client_id`` makes a retried capture safe: a
        capture whose id is stored already is not written again (``Saved.new`` is ``False``).
        ``at`` keeps the time an imported record was originally captured.
        """
        author = self.author if author is None else author
        if not isinstance(record, Mapping):
            raise CimisError(_("a record must be a mapping of fields"))

        def decide(state: SessionState) -> list[_Spec]:
            if client_id and self.store.event_by_client_id(client_id) is not None:
                return [("captured", None, None, {}, client_id)]  # stored already: the insert is a no-op
            self._require_open(state)
            target_item, target_step = item_id, step_id
            if target_item is None or target_step is None:
                if state.position is None:
                    raise CimisError(_("the session has not started yet; name the step to capture into"))
                target_item, target_step = state.position
            step = self.step(target_item, target_step)
            kind = self._kind(step)
            when = self.clock.now() if at is None else at
            model = self._validate(step, kind, dict(record), author, when, state.last_seq + 1,
                                   lambda: self.records(target_item, target_step))
            payload: dict[str, Any] = {"kind": kind.name, "record": model.model_dump(mode="json")}
            if at is not None:
                payload["at"] = float(at)
            return [("captured", target_item, target_step, payload, client_id)]

        return self._commit(decide, author)[0]

    def edit(self, record_id: int, record: Mapping[str, Any], *, author: str | None = None) -> Saved:
        """Replace a record's data (validated like a capture)."""
        def decide(state: SessionState) -> list[_Spec]:
            self._require_open(state)
            current = state.record(record_id)
            if current is None:
                raise CimisError(_("there is no record {id}").format(id=record_id))
            step = self.step(current.item, current.step)
            kind = self._kind(step)
            def others() -> list[Any]:
                return [r for r in self.records(current.item, current.step) if r.id != record_id]

            model = self._validate(step, kind, dict(record), current.author, current.at, record_id, others)
            return [("edited", current.item, current.step,
                     {"record_id": record_id, "record": model.model_dump(mode="json")}, None)]

        return self._commit(decide, author)[0]

    def remove(self, record_id: int, *, author: str | None = None) -> Saved:
        """Remove a record (undo brings it back)."""
        def decide(state: SessionState) -> list[_Spec]:
            self._require_open(state)
            current = state.record(record_id)
            if current is None:
                raise CimisError(_("there is no record {id}").format(id=record_id))
            return [("removed", current.item, current.step, {"record_id": record_id}, None)]

        return self._commit(decide, author)[0]

    def undo(self, *, author: str | None = None) -> tuple[int, str, int] | None:
        """Revert the most recent capture, edit or removal not undone yet; ``(seq, type,
        record id)`` of what was reverted, or ``None`` when there is nothing to undo."""
        target: list[tuple[int, str, int]] = []

        def decide(state: SessionState) -> list[_Spec]:
            self._require_open(state)
            top = state.next_undo()
            if top is None:
                return []
            target.append(top)
            record = state.record(top[2])
            where = (record.item, record.step) if record else (None, None)
            # the fold decides what an undo reverts; "target" only documents it for readers
            return [("undone", where[0], where[1], {"target": top[0], "type": top[1]}, None)]

        self._commit(decide, author)
        return target[0] if target else None

    def finish(self) -> bool:
        """End the session (stops the current timer); ``False`` if it had ended already."""
        def decide(state: SessionState) -> list[_Spec]:
            if state.finished:
                return []
            position = state.position
            return [("finished", position[0] if position else None, position[1] if position else None, {}, None)]

        return bool(self._commit(decide))

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "Engine":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
