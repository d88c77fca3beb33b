"""The session engine: walks a workshop's agenda step by step and records what happens.

Provides :class:`Engine` (open a workshop folder, navigate, run timers, capture, edit,
remove, undo, finish, compute a step's result, presenter state), :class:`Position`,
:class:`Saved` and :class:`PresenterView`.

Presenter state (what the room may do and see) is session state too, written as events:

- :meth:`Engine.set_input` opens or closes a step for captures from the room
  (``capture(..., participant=True)``); the facilitator can always capture;
- :meth:`Engine.set_moderation` holds the room's captures of a step until
  :meth:`Engine.moderate` accepts (or rejects) each; held and rejected records are left out
  of :meth:`Engine.records` and so of every result;
- :meth:`Engine.set_reveal` shows or hides a step's result from the room (kinds with
  ``results_hidden``, votes and jury scores, start hidden);
- :meth:`Engine.set_blackout` blanks the projector.

Each setter returns the :class:`Saved` event, or ``None`` when the setting already had that
value; :meth:`Engine.presenter` reads a step's settings with defaults applied. Undo never
reverts them.

Every change is one event committed durably to the store before the method returns, so
whatever the caller shows as saved survives a crash. Each write first catches up with what
other processes committed, inside the same write transaction, so that decisions (which
step is next, what undo reverts, whether a capture breaks a rule of its kind) are made on
the latest state. After the commit, plugins see the event through the ``session_event``
hook.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from toolkit.errors import CimisError, ProblemsError
from toolkit.i18n import _
from toolkit.session.backend import open_store
from toolkit.session.clock import Clock, SystemClock
from toolkit.session.state import REJECTED, RecordState, SessionState, StepTimer
from toolkit.session.store import Event, SessionEvent, SessionStore, StoreWriter


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


@dataclass(frozen=True)
class PresenterView:
    """A step's presenter settings with the defaults applied."""

    item: str
    step: str
    #: the room may capture into the step
    input_open: bool
    #: the room's captures wait for the facilitator's decision
    moderated: bool
    #: the result is shown to the room
    revealed: bool
    #: the projector shows a black screen (for the whole room, not per step)
    blackout: bool
    #: records waiting for a moderation decision
    held: int

    def as_dict(self) -> dict[str, Any]:
        return {"item": self.item, "step": self.step, "input_open": self.input_open,
                "moderated": self.moderated, "revealed": self.revealed, "blackout": self.blackout,
                "held": self.held}


@dataclass(frozen=True)
class CaptureRequest:
    """One capture of a batch (:meth:`Engine.capture_many`); the fields are
    :meth:`Engine.capture`'s arguments."""

    record: Mapping[str, Any]
    item_id: str | None = None
    step_id: str | None = None
    author: str | None = None
    client_id: str | None = None
    at: float | None = None
    participant: bool = False
    #: the language of this capture's error message (``None``: the active language)
    lang: str | None = None
    #: only while the step is the session's current one (checked on the state caught up
    #: inside the write transaction: another process may have moved on meanwhile)
    current_only: bool = False


class RecordInvalid(CimisError):
    """A record its kind's model refuses: the message names the fields by their paths;
    ``errors`` (pydantic's, one dict each with ``loc``, ``type``, ``ctx``, ``input``) lets a
    caller name them by the kind's own labels instead (the participants' pages do)."""

    def __init__(self, message: str, *, ref: str, kind: Any, errors: list[dict[str, Any]]):
        super().__init__(message)
        self.ref = ref
        self.kind = kind
        self.errors = errors


class StepMoved(CimisError):
    """A capture meant for the current step, which the session has left meanwhile."""


# (type, item, step, payload, client id) of one event to write
_Spec = tuple[str, str | None, str | None, dict[str, Any], str | None]


def _json_copy(value: Any) -> Any:
    """A deep copy of JSON-shaped data (what payloads are), several times faster than
    :func:`copy.deepcopy`, which runs on every capture."""
    if type(value) is dict:
        return {k: _json_copy(v) for k, v in value.items()}
    if type(value) is list:
        return [_json_copy(v) for v in value]
    return value


@contextmanager
def _speaking(lang: str | None) -> Iterator[None]:
    """Messages in ``lang`` for the block (nothing changes for ``None``)."""
    if not lang:
        yield
        return
    from toolkit.i18n import get_language, set_language

    before = get_language()
    set_language(lang)
    try:
        yield
    finally:
        set_language(before)


def validation_message(exc: ValidationError) -> str:
    """A pydantic error as ``field: message; ...`` in the active language."""
    from toolkit.validation import describe, format_loc

    parts = []
    for err in exc.errors():
        loc = format_loc(err.get("loc", ()))
        detail = describe(dict(err))
        parts.append(f"{loc}: {detail}" if loc else detail)
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
        #: step -> (signature, incremental rule state or None, changes folded into it)
        self._rules: dict[tuple[str, str], tuple[tuple[Any, ...], Any, int]] = {}
        self._refs: dict[tuple[str, str], list[tuple[str, str]]] = {}
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

    def records(self, item_id: str, step_id: str, *, include_held: bool = False) -> list[Any]:
        """The step's current records as :class:`toolkit.capture.base.Captured`: without
        the ones rejected in moderation, and without those still held unless
        ``include_held``."""
        return self.records_of(self.snapshot(item_id, step_id), include_held=include_held)

    def snapshot(self, item_id: str, step_id: str) -> tuple[Any, list[RecordState], dict[int, str]]:
        """What :meth:`records_of` needs, copied from the state: the step's kind, its
        records and the moderation decisions. Cheap (no record is validated), so that a
        caller holding a lock around the engine (the web server) can take it and let
        writers go on while :meth:`records_of` runs."""
        kind = self._kind(self.step(item_id, step_id))
        return kind, self.state.step_records(item_id, step_id), dict(self.state.moderation)

    def records_of(self, snapshot: tuple[Any, list[RecordState], dict[int, str]], *,
                   include_held: bool = False) -> list[Any]:
        """The :class:`toolkit.capture.base.Captured` records of a :meth:`snapshot` (see
        :meth:`records`); safe to call while another thread writes."""
        kind, recs, moderation = snapshot
        out = []
        for rec in recs:
            status = moderation.get(rec.id) if moderation else None
            if status is not None and (status == REJECTED or not include_held):
                continue
            captured = self._as_captured(kind, rec)
            if captured is not None:  # None: written by another version of the kind
                out.append(captured)
        return out

    def context(self, item_id: str | None = None, _seen: frozenset[str] = frozenset()) -> Any:
        """The :class:`toolkit.capture.base.CaptureContext` of a step of item ``item_id``:
        people, seed, language, and the results of the steps it refers to."""
        from toolkit.capture.base import CaptureContext
        from toolkit.i18n import get_language

        def results(ref: str) -> Any:
            # a reference names "step" in the referring item or "item.step"
            found_item, _dot, target_step = ref.rpartition(".")
            target_item = found_item or item_id
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

        def body(tx: StoreWriter) -> None:
            # may run more than once (a shared database first tries it without its lock): start afresh
            written.clear()
            self.state.apply_all(tx.events_after(self.state.last_seq))
            for type_, item, step, payload, client_id in decide(self.state):
                written.append(tx.insert(type_, item=item, step=step, payload=payload,
                                         author=self.author if author is None else author,
                                         at=self.clock.now(), client_id=client_id))

        self.store.write(body)
        new = [event for event, is_new in written if is_new]
        self.state.apply_all(new)
        self._notify(new)
        return [Saved(event, is_new, self.state.record(event.payload.get("record_id", event.seq)))
                for event, is_new in written]

    def _notify(self, events: list[Event]) -> None:
        """Queue committed events for the ``session_event`` observers, which run on the plugin
        host's worker thread: the write path never waits for a plugin. Payloads are copied
        here, at commit time, because the state keeps folding into the same dicts."""
        if events:
            from toolkit.plugins import get_host

            folder = str(self.folder)
            get_host().notify([SessionEvent(*event._replace(payload=_json_copy(event.payload)), workshop=folder)
                               for event in events])
            self._notified = True

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
            moved.clear()  # decide may run more than once (see _commit)
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
                  others: Callable[[], list[Any]], incremental: bool = False) -> Any:
        from toolkit.capture.base import Captured

        try:
            model = kind.Record.model_validate(record)
        except ValidationError as exc:
            ref = f"{step.item_id}.{step.id}"
            raise RecordInvalid(_("the record for step '{ref}' is not valid: {errors}").format(
                ref=ref, errors=validation_message(exc)), ref=ref, kind=kind,
                errors=[dict(e) for e in exc.errors(include_url=False)]) from None
        from toolkit.capture.base import CaptureKind

        # a kind without rules of its own needs no list of the step's records
        if getattr(type(kind), "check", CaptureKind.check) is not CaptureKind.check:
            captured = Captured(id=record_id, data=model, author=author or None, at=at)
            rules = self._rule_state(step, kind) if incremental else None
            if rules is not None:
                problem = rules.check(captured)
            else:
                problem = kind.check(captured, others(), step.options, self.context(step.item_id))
            if problem:
                raise CimisError(problem)
        return model

    def _as_captured(self, kind: Any, rec: RecordState) -> Any:
        from toolkit.capture.base import Captured

        cached = self._captured.get(rec.id)
        if cached is None or cached[0] is not rec:
            try:
                data = kind.Record.model_validate(rec.data)
            except ValidationError:
                return None
            cached = (rec, Captured(id=rec.id, data=data, author=rec.author or None, at=rec.at))
            self._captured[rec.id] = cached
        return cached[1]

    def _referenced(self, key: tuple[str, str]) -> list[tuple[str, str]]:
        """The steps a step's result depends on, transitively (the plan does not change
        while the engine is open, so this is worked out once per step)."""
        found = self._refs.get(key)
        if found is not None:
            return found
        found = []
        todo, seen = [key], {key}
        while todo:
            item, step_key = todo.pop()
            try:
                step = self.step(item, step_key)
                kind = self.kinds.get(step.capture_kind) if step.capture_kind else None
                refs = kind.references(step.options) if kind is not None else []
            except CimisError:
                continue
            for ref in refs:
                target_item, _dot, target_step = ref.rpartition(".")
                target = (target_item or item, target_step)
                if target not in seen:
                    seen.add(target)
                    todo.append(target)
                    found.append(target)
        self._refs[key] = found
        return found

    def _signature(self, key: tuple[str, str]) -> tuple[Any, ...]:
        """What an incremental rule state of a step depends on besides its own appends: the
        step's rewrites and every change of the steps it refers to."""
        state = self.state
        changes, rewrites = state.changes, state.rewrites
        return (rewrites.get(key, 0), *[(changes.get(k, 0), rewrites.get(k, 0)) for k in self._referenced(key)])

    def _rule_state(self, step: Any, kind: Any) -> Any:
        """The step's incremental rule state, brought up to date, or ``None`` when its kind
        has none (then the full check runs)."""
        key = (step.item_id, step.id)
        signature = self._signature(key)
        cached = self._rules.get(key)
        state = self.state
        moderation = state.moderation
        if cached is None or cached[0] != signature:
            rules = kind.rule_state(step.options, self.context(step.item_id))
            if rules is None:
                self._rules[key] = (signature, None, 0)
                return None
            for rec in state.step_records(*key):
                if moderation.get(rec.id) == REJECTED:
                    continue
                captured = self._as_captured(kind, rec)
                if captured is not None:
                    rules.add(captured)
            self._rules[key] = (signature, rules, state.changes.get(key, 0))
            return rules
        _signature, rules, seen = cached
        if rules is None:
            return None
        now = state.changes.get(key, 0)
        if now != seen:
            # only appends since (a rewrite changes the signature): the newest records
            recent = list(itertools.islice(reversed(state.records.get(key, {}).values()), now - seen))
            for rec in reversed(recent):
                if moderation.get(rec.id) == REJECTED:
                    continue
                captured = self._as_captured(kind, rec)
                if captured is not None:
                    rules.add(captured)
            self._rules[key] = (signature, rules, now)
        return rules

    def capture(self, record: Mapping[str, Any], *, item_id: str | None = None, step_id: str | None = None,
                author: str | None = None, client_id: str | None = None, at: float | None = None,
                participant: bool = False) -> Saved:
        """Validate ``record`` with the step's kind and commit it durably; only then return.

        The step defaults to the current one. ``client_id`` makes a retried capture safe: a
        capture whose id is stored already is not written again (``Saved.new`` is ``False``).
        ``at`` keeps the time an imported record was originally captured. ``participant``
        marks a capture from the room: it is refused while the step's input is closed and
        held for a decision while the step is moderated.
        """
        outcome = self.capture_many([CaptureRequest(record, item_id=item_id, step_id=step_id, author=author,
                                                    client_id=client_id, at=at, participant=participant)])[0]
        if isinstance(outcome, CimisError):
            raise outcome
        return outcome

    def capture_many(self, requests: Sequence[CaptureRequest]) -> list[Saved | CimisError]:
        """Capture several records in one durable transaction (a group commit: one flush to
        disk for all of them); each outcome is its :class:`Saved`, or the :class:`CimisError`
        that refused it (a refused record does not keep the others from being written).

        Each record is checked against the state including the records before it in the
        batch (a vote limit counts them). Nothing is returned before the commit; when the
        commit fails, the error is raised and nothing of the batch is written.
        """
        if len(requests) == 1:
            return [self._capture_one(requests[0])]
        outcomes: list[Saved | CimisError | None] = [None] * len(requests)
        written: list[tuple[int, Event, bool, Any]] = []
        state = self.state
        folded = False
        try:
            # a batch folds each record before checking the next, so it cannot run twice as
            # store.write's bodies may: it takes the store's lock from the start
            with self.store.writing() as tx:
                # the state catches up inside the transaction, so its index of capture ids is
                # complete; an id another event type used is caught by the insert itself
                state.apply_all(tx.events_after(state.last_seq))
                for n, request in enumerate(requests):
                    try:
                        with _speaking(request.lang):
                            spec, model = self._capture_spec(state, request)
                    except CimisError as exc:
                        outcomes[n] = exc
                        continue
                    type_, item, step, payload, client_id = spec
                    event, is_new = tx.insert(type_, item=item, step=step, payload=payload,
                                              author=self.author if request.author is None else request.author,
                                              at=self.clock.now(), client_id=client_id)
                    if is_new:
                        # folded at once: the next record of the batch is checked against it
                        state.apply_all((event,))
                        folded = True
                    written.append((n, event, is_new, model))
        except BaseException:
            if folded:
                self._rebuild()  # the state holds events the store rolled back
            raise
        for n, event, is_new, model in written:
            outcomes[n] = self._saved(event, is_new, model)
        self._notify([event for _n, event, is_new, _m in written if is_new])
        done = [outcome for outcome in outcomes if outcome is not None]
        assert len(done) == len(requests)  # each request was refused or written
        return done

    def _capture_one(self, request: CaptureRequest) -> Saved | CimisError:
        """One capture through :meth:`SessionStore.write`: on a shared database it is decided
        on the local state and committed in one round trip unless another writer came first
        (then decided again, caught up). The state sees the record only after the commit."""
        outcome: list[tuple[Event, bool, Any] | CimisError] = []
        state = self.state

        def body(tx: StoreWriter) -> None:
            outcome.clear()  # may run more than once: start afresh
            state.apply_all(tx.events_after(state.last_seq))
            try:
                with _speaking(request.lang):
                    spec, model = self._capture_spec(state, request)
            except CimisError as exc:
                outcome.append(exc)
                return
            type_, item, step, payload, client_id = spec
            event, is_new = tx.insert(type_, item=item, step=step, payload=payload,
                                      author=self.author if request.author is None else request.author,
                                      at=self.clock.now(), client_id=client_id)
            outcome.append((event, is_new, model))

        self.store.write(body)
        result = outcome[0]
        if isinstance(result, CimisError):
            return result
        event, is_new, model = result
        if is_new:
            state.apply_all((event,))
        saved = self._saved(event, is_new, model)
        if is_new:
            self._notify([event])
        return saved

    def _saved(self, event: Event, is_new: bool, model: Any) -> Saved:
        from toolkit.capture.base import Captured

        record = self.state.record(event.payload.get("record_id", event.seq))
        if is_new and record is not None and model is not None:
            # the validated model is the record's data: later reads need not validate again
            self._captured[record.id] = (record, Captured(id=record.id, data=model, author=record.author or None,
                                                          at=record.at))
        return Saved(event, is_new, record)

    def _capture_spec(self, state: SessionState, request: CaptureRequest) -> tuple[_Spec, Any]:
        """The event one capture writes and its validated model (``None`` for a resend)."""
        record, client_id = request.record, request.client_id
        if not isinstance(record, Mapping):
            raise CimisError(_("a record must be a mapping of fields"))
        if client_id and client_id in state.capture_ids:
            return ("captured", None, None, {}, client_id), None  # stored already: the insert is a no-op
        self._require_open(state)
        target_item, target_step = request.item_id, request.step_id
        if target_item is None or target_step is None:
            if state.position is None:
                raise CimisError(_("the session has not started yet; name the step to capture into"))
            target_item, target_step = state.position
        step = self.step(target_item, target_step)
        if request.current_only and state.position != (target_item, target_step):
            raise StepMoved(_("step '{ref}' is not the current step any more").format(
                ref=f"{target_item}.{target_step}"))
        kind = self._kind(step)
        settings = state.step_presenter(target_item, target_step)
        if request.participant and settings.input_open is False:
            raise CimisError(_("input to step '{ref}' is closed").format(ref=f"{target_item}.{target_step}"))
        author = self.author if request.author is None else request.author
        at = request.at
        when = self.clock.now() if at is None else at
        model = self._validate(step, kind, dict(record), author, when, state.last_seq + 1,
                               lambda: self.records(target_item, target_step, include_held=True),
                               incremental=True)
        payload: dict[str, Any] = {"kind": kind.name, "record": model.model_dump(mode="json")}
        if at is not None:
            payload["at"] = float(at)
        if request.participant and settings.moderated:
            payload["held"] = True
        return ("captured", target_item, target_step, payload, client_id), model

    def _rebuild(self) -> None:
        """Fold the log anew (after a failed commit whose events the state had folded)."""
        self.state = SessionState()
        self._captured.clear()
        self._rules.clear()
        self.refresh()

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
            target.clear()  # decide may run more than once (see _commit)
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

    # -- presenter state -------------------------------------------------------------------

    def _where_step(self, item_id: str | None, step_id: str | None) -> tuple[str, str]:
        if item_id is None or step_id is None:
            position = self.state.position
            if position is None:
                raise CimisError(_("the session has not started yet"))
            return position
        self.step(item_id, step_id)
        return item_id, step_id

    def presenter(self, item_id: str | None = None, step_id: str | None = None) -> PresenterView:
        """The presenter settings of a step (the current one by default), defaults applied:
        input open, moderation off, results shown unless the kind hides them until revealed."""
        item, step_id = self._where_step(item_id, step_id)
        settings = self.state.step_presenter(item, step_id)
        revealed = settings.revealed
        if revealed is None:
            step = self.step(item, step_id)
            kind = self.kinds.get(step.capture_kind) if step.capture_kind else None
            revealed = not getattr(kind, "results_hidden", False)
        held = sum(1 for r in self.state.step_records(item, step_id)
                   if self.state.moderation.get(r.id) == "pending") if self.state.moderation else 0
        return PresenterView(item=item, step=step_id, input_open=settings.input_open is not False,
                             moderated=bool(settings.moderated), revealed=revealed, blackout=self.state.blackout,
                             held=held)

    def _set(self, setting: str, value: bool, item_id: str | None, step_id: str | None,
             current: Callable[[PresenterView], bool]) -> Saved | None:
        if not isinstance(value, bool):
            raise CimisError(_("a presenter setting is on or off"))

        def decide(state: SessionState) -> list[_Spec]:
            self._require_open(state)
            view = self.presenter(item_id, step_id)
            if current(view) == value:
                return []
            where = (None, None) if setting == "blackout" else (view.item, view.step)
            return [("presenter", where[0], where[1], {"setting": setting, "value": value}, None)]

        saved = self._commit(decide)
        return saved[0] if saved else None

    def set_input(self, open: bool, item_id: str | None = None, step_id: str | None = None) -> Saved | None:
        """Open or close a step (the current one by default) for captures from the room."""
        return self._set("input", open, item_id, step_id, lambda v: v.input_open)

    def set_moderation(self, on: bool, item_id: str | None = None, step_id: str | None = None) -> Saved | None:
        """Turn moderation of the room's captures on or off for a step. Turning it off does
        not accept what is held: each held record still waits for :meth:`moderate`."""
        return self._set("moderation", on, item_id, step_id, lambda v: v.moderated)

    def set_reveal(self, revealed: bool, item_id: str | None = None, step_id: str | None = None) -> Saved | None:
        """Show (``True``) or hide a step's result from the room."""
        return self._set("reveal", revealed, item_id, step_id, lambda v: v.revealed)

    def set_blackout(self, on: bool) -> Saved | None:
        """Blank the projector (``True``) or show it again."""
        if not isinstance(on, bool):
            raise CimisError(_("a presenter setting is on or off"))

        def decide(state: SessionState) -> list[_Spec]:
            self._require_open(state)
            if state.blackout == on:
                return []
            return [("presenter", None, None, {"setting": "blackout", "value": on}, None)]

        saved = self._commit(decide)
        return saved[0] if saved else None

    def moderate(self, record_id: int, accept: bool, *, author: str | None = None) -> Saved | None:
        """Accept or reject a record (usually one held for moderation; any record can be
        rejected later, and a rejected one accepted). ``None`` when it had that status."""
        decision = "accepted" if accept else "rejected"

        def decide(state: SessionState) -> list[_Spec]:
            self._require_open(state)
            current = state.record(record_id)
            if current is None:
                raise CimisError(_("there is no record {id}").format(id=record_id))
            if state.status_of(record_id) == decision:
                return []
            return [("moderated", current.item, current.step, {"record_id": record_id, "decision": decision}, None)]

        saved = self._commit(decide, author)
        return saved[0] if saved else None

    def held(self, item_id: str | None = None, step_id: str | None = None) -> list[RecordState]:
        """The records of a step (the current one by default) waiting for a decision."""
        item, step_id = self._where_step(item_id, step_id)
        return self.state.held(item, step_id)

    def finish(self) -> bool:
        """End the session (stops the current timer); ``False`` if it had ended already."""
        def decide(state: SessionState) -> list[_Spec]:
            if state.finished:
                return []
            position = state.position
            return [("finished", position[0] if position else None, position[1] if position else None, {}, None)]

        return bool(self._commit(decide))

    def reopen(self) -> bool:
        """Open a finished session again (a ``reopened`` event in the log); ``False`` if it
        was not finished."""
        def decide(state: SessionState) -> list[_Spec]:
            if not state.finished:
                return []
            position = state.position
            return [("reopened", position[0] if position else None, position[1] if position else None, {}, None)]

        return bool(self._commit(decide))

    def close(self) -> None:
        self.store.close()
        if getattr(self, "_notified", False):  # observers finish (or time out) before the engine is done
            from toolkit.plugins import get_host

            get_host().drain()

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
