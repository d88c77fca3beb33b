"""A session's current state, derived from its event log by one linear fold.

Provides :class:`SessionState` (position, per-step timers and records, finished flag,
presenter settings and moderation), :class:`StepTimer`, :class:`RecordState`,
:class:`StepPresenter` and :func:`fold`.

Presenter state is session state like the timers: ``presenter`` events set one setting
(``input``, ``moderation`` or ``reveal`` of a step; ``blackout`` of the whole room) and
``moderated`` events accept or reject a record held for moderation. Neither is on the undo
stack: undo reverts what the room captured, never what the facilitator showed or decided (a
decision is changed by the opposite decision).

An ``undone`` event reverts the event its payload's ``target`` names (the seq of that event
in this log: copying events between stores rewrites it), so that in a log merged from
several laptops each undo reverts what its own laptop did, whatever the order in which the
logs were merged; an undo without a target (written by an older version) reverts the latest
capture, edit or removal not undone yet. An undo whose target no longer applies (undone
already; an edit that a later edit of the same record superseded, so that the later one
stands) is skipped.

The fold never raises on a well-formed event: an event that no longer applies (an edit of
a record that was undone meanwhile, an undo with nothing left to undo) is counted in
:attr:`SessionState.ignored` and otherwise skipped, so a log written by several processes
always has a state. Every event costs O(1) (amortised), which keeps resuming a long session
linear in its length. Timers are kept as wall-clock marks, so the state answers "how long"
for any ``now`` without further events.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from toolkit.session.store import Event, gc_paused

_new = tuple.__new__

Key = tuple[str, str]
"""``(item id, step id)`` of an agenda step."""


@dataclass(slots=True)
class StepTimer:
    """The timer of one step. Elapsed time counts only while the step is current and not
    paused; extensions add to the allowed time."""

    planned: float = 0.0
    extended: float = 0.0
    extensions: int = 0
    accumulated: float = 0.0
    running_since: float | None = None
    paused: bool = False
    #: Time over the allowed time, recorded when the step was last left (or the session
    #: finished); see :meth:`overrun` for the live value.
    recorded_overrun: float = 0.0
    entered: int = 0

    @property
    def running(self) -> bool:
        return self.running_since is not None

    @property
    def allowed(self) -> float:
        return self.planned + self.extended

    def elapsed(self, now: float) -> float:
        if self.running_since is None:
            return self.accumulated
        # a clock that jumped backwards must not make time negative
        return self.accumulated + max(0.0, now - self.running_since)

    def remaining(self, now: float) -> float:
        return self.allowed - self.elapsed(now)

    def overrun(self, now: float) -> float:
        return max(0.0, self.elapsed(now) - self.allowed)

    def stop(self, at: float) -> None:
        if self.running_since is not None:
            self.accumulated = self.elapsed(at)
            self.running_since = None
        self.recorded_overrun = max(0.0, self.accumulated - self.allowed)

    def as_dict(self, now: float) -> dict[str, Any]:
        return {"planned": self.planned, "extended": self.extended, "extensions": self.extensions,
                "elapsed": round(self.elapsed(now), 3), "remaining": round(self.remaining(now), 3),
                "overrun": round(self.overrun(now), 3), "recorded_overrun": round(self.recorded_overrun, 3),
                "running": self.running, "paused": self.paused}


class RecordState(NamedTuple):
    """One current record: ``id`` is the seq of the event that captured it."""

    id: int
    item: str
    step: str
    data: dict[str, Any]
    author: str
    at: float
    kind: str | None = None
    client_id: str = ""
    edits: int = 0


#: Settings a ``presenter`` event may set per step (``blackout`` is for the whole room).
STEP_SETTINGS: tuple[str, ...] = ("input", "moderation", "reveal")
ROOM_SETTINGS: tuple[str, ...] = ("blackout",)

#: Moderation status of a held record; accepted records are not listed.
PENDING = "pending"
REJECTED = "rejected"


@dataclass(slots=True)
class StepPresenter:
    """What the facilitator set for one step. ``None`` means "never set": the engine then
    applies the default (input open, moderation off, results shown unless the step's kind
    hides them until revealed)."""

    input_open: bool | None = None
    moderated: bool | None = None
    revealed: bool | None = None


class _Undoable(NamedTuple):
    seq: int
    type: str
    record_id: int
    before: RecordState | None  # the record as it was before the event; None for a capture
    after: RecordState | None  # the record as the event left it; None for a removal


@dataclass
class SessionState:
    """Everything the log says about a session, up to :attr:`last_seq`."""

    session: str = ""
    started: bool = False
    started_at: float | None = None
    finished: bool = False
    finished_at: float | None = None
    item: str | None = None
    step: str | None = None
    timers: dict[Key, StepTimer] = field(default_factory=dict)
    records: dict[Key, dict[int, RecordState]] = field(default_factory=dict)
    #: seq of an undone event -> seq of the ``undone`` event that reverted it
    undone: dict[int, int] = field(default_factory=dict)
    last_seq: int = 0
    events: int = 0
    ignored: int = 0
    _where: dict[int, Key] = field(default_factory=dict, repr=False)
    #: seq -> what an undo of that event reverts, for every capture, edit and removal not
    #: undone yet, in seq order
    _undo: dict[int, _Undoable] = field(default_factory=dict, repr=False)
    #: steps whose record dict is out of capture order (an undone removal put one back)
    _unsorted: set[Key] = field(default_factory=set, repr=False)
    #: per-step presenter settings (only steps the facilitator set something for)
    presenter: dict[Key, StepPresenter] = field(default_factory=dict)
    #: black screen on the projector
    blackout: bool = False
    #: record id -> PENDING or REJECTED, for records captured while moderation was on (and
    #: any record rejected later); accepted records are not in here
    moderation: dict[int, str] = field(default_factory=dict)
    #: per step, how many times its records changed other than by a plain append (edit,
    #: removal, undo, moderation decision): incremental rule checks start over when it moves
    rewrites: dict[Key, int] = field(default_factory=dict)
    #: per step, how many events touched its records at all
    changes: dict[Key, int] = field(default_factory=dict)
    #: client id -> seq of every capture ever folded (undone ones too): a retried capture
    #: is recognised without asking the store
    capture_ids: dict[str, int] = field(default_factory=dict, repr=False)

    # -- queries -------------------------------------------------------------------------

    @property
    def position(self) -> Key | None:
        return (self.item, self.step) if self.item is not None and self.step is not None else None

    def timer(self, item: str, step: str) -> StepTimer:
        return self.timers.get((item, step)) or StepTimer()

    def step_records(self, item: str, step: str) -> list[RecordState]:
        """The step's current records in the order they were captured."""
        key = (item, step)
        found = self.records.get(key)
        if not found:
            return []
        if key in self._unsorted:
            # re-sorted once when read, so that a long log of undos stays linear to fold
            self.records[key] = found = dict(sorted(found.items()))
            self._unsorted.discard(key)
        return list(found.values())

    def all_records(self) -> list[RecordState]:
        return sorted((r for recs in self.records.values() for r in recs.values()), key=lambda r: r.id)

    def step_presenter(self, item: str, step: str) -> StepPresenter:
        """The step's presenter settings as set (``None`` fields were never set)."""
        return self.presenter.get((item, step)) or StepPresenter()

    def status_of(self, record_id: int) -> str:
        """``"pending"``, ``"rejected"`` or ``"accepted"`` (every record not held)."""
        return self.moderation.get(record_id, "accepted")

    def held(self, item: str, step: str) -> list[RecordState]:
        """The step's records waiting for a moderation decision, oldest first."""
        return [r for r in self.step_records(item, step) if self.moderation.get(r.id) == PENDING]

    def _touch(self, key: Key, rewrite: bool) -> None:
        self.changes[key] = self.changes.get(key, 0) + 1
        if rewrite:
            self.rewrites[key] = self.rewrites.get(key, 0) + 1

    def record(self, record_id: int) -> RecordState | None:
        key = self._where.get(record_id)
        return self.records[key].get(record_id) if key else None

    def next_undo(self) -> tuple[int, str, int] | None:
        """``(seq, type, record id)`` of the event an undo would revert now, if any."""
        top = self._latest_undoable()
        return (top.seq, top.type, top.record_id) if top is not None else None

    def _applicable(self, entry: _Undoable) -> bool:
        """Whether undoing ``entry`` still makes sense: its record is as the event left it
        (a capture's record still exists, an edit is the record's latest change, a removed
        record is still gone). In one machine's log the newest entry always is; in a log
        merged from several machines an undo may name an older one."""
        current = self.record(entry.record_id)
        if entry.type == "captured":
            return current is not None
        if entry.type == "edited":
            return current is not None and current is entry.after
        return current is None

    def _latest_undoable(self) -> _Undoable | None:
        for entry in reversed(self._undo.values()):
            if self._applicable(entry):
                return entry
        return None

    # -- the fold ------------------------------------------------------------------------

    def apply(self, event: Event) -> None:
        """Advance the state by one event (events must come in seq order)."""
        self.apply_all((event,))

    def apply_all(self, events: Iterable[Event]) -> SessionState:
        """Advance the state by each event in turn (the loop of :meth:`apply`, kept in one
        function because resuming a session runs it once per stored event)."""
        handlers, ignore = _HANDLERS, _ignore
        last, count, ignored, event = self.last_seq, 0, 0, None
        with gc_paused():  # the fold makes no reference cycles
            for event in events:
                if event.seq > last:
                    last = event.seq
                count += 1
                try:
                    if not handlers.get(event.type, ignore)(self, event):
                        ignored += 1
                except (KeyError, TypeError, ValueError, AttributeError):
                    ignored += 1  # a malformed payload from a foreign writer: skip the event
        if event is not None and not self.session:
            self.session = event.session
        self.last_seq, self.events, self.ignored = last, self.events + count, self.ignored + ignored
        return self

    # -- handlers: each returns whether the event changed anything -------------------------

    def _enter(self, event: Event) -> bool:
        if event.item is None or event.step is None:
            return False
        current = self.position
        if current is not None and current in self.timers:
            self.timers[current].stop(event.at)
        timer = self.timers.setdefault((event.item, event.step), StepTimer())
        planned = event.payload.get("planned")
        if planned is not None:
            timer.planned = max(0.0, float(planned))
        timer.running_since = event.at
        timer.paused = False
        timer.entered += 1
        self.item, self.step = event.item, event.step
        return True

    def _started(self, event: Event) -> bool:
        if self.started:
            return False
        self.started = True
        self.started_at = event.at
        if event.item is not None and event.step is not None:
            self._enter(event)
        return True

    def _paused(self, event: Event) -> bool:
        if event.item is None or event.step is None:
            return False
        timer = self.timers.get((event.item, event.step))
        if timer is None or not timer.running:
            return False
        timer.stop(event.at)
        timer.paused = True
        return True

    def _resumed(self, event: Event) -> bool:
        if event.item is None or event.step is None:
            return False
        key = (event.item, event.step)
        timer = self.timers.get(key)
        # only the current step's timer runs; resuming another step would run two at once
        if timer is None or not timer.paused or key != self.position:
            return False
        timer.paused = False
        timer.running_since = event.at
        return True

    def _extended(self, event: Event) -> bool:
        if event.item is None or event.step is None:
            return False
        seconds = float(event.payload["seconds"])
        timer = self.timers.setdefault((event.item, event.step), StepTimer())
        timer.extended += seconds
        timer.extensions += 1
        if not timer.running:
            timer.recorded_overrun = max(0.0, timer.accumulated - timer.allowed)
        return True

    def _captured(self, event: Event) -> bool:
        item, step, payload, seq = event.item, event.step, event.payload, event.seq
        data = payload["record"]
        if item is None or step is None or not isinstance(data, dict):
            return False
        key = (item, step)
        at = payload.get("at")
        # tuple.__new__ skips the named tuples' Python-level constructors: this runs once per
        # capture when a session resumes
        record = _new(RecordState, (seq, item, step, data, event.author, event.at if at is None else float(at),
                                    payload.get("kind"), event.client_id, 0))
        step_records = self.records.get(key)
        if step_records is None:
            step_records = self.records[key] = {}
        step_records[seq] = record
        self._where[seq] = key
        self._undo[seq] = _new(_Undoable, (seq, "captured", seq, None, record))
        if payload.get("held"):
            self.moderation[seq] = PENDING
        if event.client_id:
            self.capture_ids[event.client_id] = seq
        changes = self.changes
        changes[key] = changes.get(key, 0) + 1
        return True

    def _edited(self, event: Event) -> bool:
        record_id = int(event.payload["record_id"])
        data = event.payload["record"]
        before = self.record(record_id)
        if before is None or not isinstance(data, dict):
            return False
        after = self.records[(before.item, before.step)][record_id] = before._replace(data=data, edits=before.edits + 1)
        self._undo[event.seq] = _Undoable(event.seq, "edited", record_id, before, after)
        self._touch((before.item, before.step), True)
        return True

    def _removed(self, event: Event) -> bool:
        record_id = int(event.payload["record_id"])
        before = self.record(record_id)
        if before is None:
            return False
        del self.records[(before.item, before.step)][record_id]
        del self._where[record_id]
        self._undo[event.seq] = _Undoable(event.seq, "removed", record_id, before, None)
        self._touch((before.item, before.step), True)
        return True

    def _undone(self, event: Event) -> bool:
        # the event the undo names (its seq in this log; merges rewrite it), so that an undo
        # written on one laptop reverts that laptop's action wherever other machines' events
        # landed around it; an undo without a target (a log from an older writer) reverts the
        # latest action, as it always did
        target = event.payload.get("target")
        if type(target) is int:
            top = self._undo.get(target)
            if top is None or not self._applicable(top):
                return False  # undone already, or pointing outside this log (a merge maps that to 0)
        else:
            top = self._latest_undoable()
            if top is None:
                return False
        del self._undo[top.seq]
        if top.type == "captured":
            key = self._where.pop(top.record_id)
            del self.records[key][top.record_id]
            self.moderation.pop(top.record_id, None)
        else:  # edited or removed: put the record back as it was
            before = top.before
            assert before is not None
            key = (before.item, before.step)
            step_records = self.records.setdefault(key, {})
            if top.type == "removed" and step_records and next(reversed(step_records)) > before.id:
                self._unsorted.add(key)
            step_records[before.id] = before
            self._where[before.id] = key
        self._touch(key, True)
        self.undone[top.seq] = event.seq
        return True

    def _presenter(self, event: Event) -> bool:
        setting = event.payload["setting"]
        value = event.payload["value"]
        if not isinstance(value, bool):
            return False
        if setting in ROOM_SETTINGS:
            if self.blackout == value:
                return False
            self.blackout = value
            return True
        if setting not in STEP_SETTINGS or event.item is None or event.step is None:
            return False
        current = self.presenter.setdefault((event.item, event.step), StepPresenter())
        if setting == "input":
            current.input_open = value
        elif setting == "moderation":
            current.moderated = value
        else:
            current.revealed = value
        return True

    def _moderated(self, event: Event) -> bool:
        record_id = int(event.payload["record_id"])
        decision = event.payload["decision"]
        record = self.record(record_id)
        if record is None or decision not in ("accepted", "rejected"):
            return False
        before = self.moderation.get(record_id, "accepted")
        if decision == before:
            return False
        if decision == "accepted":
            del self.moderation[record_id]
        else:
            self.moderation[record_id] = REJECTED
        self._touch((record.item, record.step), True)
        return True

    def _finished(self, event: Event) -> bool:
        if self.finished:
            return False
        current = self.position
        if current is not None and current in self.timers:
            self.timers[current].stop(event.at)
        self.finished = True
        self.finished_at = event.at
        return True


def _reopened(state: SessionState, event: Event) -> bool:
    """A finished session opened again: capturing and moving on work as before; the
    ``finished`` event before it stays in the log."""
    if not state.finished:
        return False
    state.finished = False
    state.finished_at = None
    return True


def _ignore(state: SessionState, event: Event) -> bool:
    return False  # an event type this version does not know


_HANDLERS = {
    "started": SessionState._started,
    "step_entered": SessionState._enter,
    "timer_paused": SessionState._paused,
    "timer_resumed": SessionState._resumed,
    "timer_extended": SessionState._extended,
    "captured": SessionState._captured,
    "edited": SessionState._edited,
    "removed": SessionState._removed,
    "undone": SessionState._undone,
    "finished": SessionState._finished,
    "presenter": SessionState._presenter,
    "moderated": SessionState._moderated,
    "reopened": _reopened,
}


def fold(events: Iterable[Event], state: SessionState | None = None) -> SessionState:
    """The state after ``events`` (continuing ``state`` when given)."""
    return (state or SessionState()).apply_all(events)
