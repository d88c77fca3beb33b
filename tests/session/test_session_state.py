"""The fold from events to state: timers, records after edits/removals/undo, and
properties that must hold for any sequence of events."""

from __future__ import annotations

import copy

from hypothesis import given, settings
from hypothesis import strategies as st

from session_util import ev
from toolkit.session.state import SessionState, fold


def test_empty_log():
    state = fold([])
    assert not state.started and state.position is None and state.all_records() == []


def test_position_and_timers():
    state = fold([
        ev(1, "started", "a", "x", at=100, planned=600),
        ev(2, "step_entered", "a", "y", at=400, planned=300),
    ])
    assert state.position == ("a", "y")
    x, y = state.timer("a", "x"), state.timer("a", "y")
    assert x.elapsed(10_000) == 300 and not x.running and x.recorded_overrun == 0
    assert y.elapsed(450) == 50 and y.remaining(450) == 250 and y.running


def test_pause_resume_extend_overrun():
    state = fold([
        ev(1, "started", "a", "x", at=0, planned=60),
        ev(2, "timer_paused", "a", "x", at=30),
        ev(3, "timer_resumed", "a", "x", at=100),   # 70 s of pause do not count
        ev(4, "timer_extended", "a", "x", at=110, seconds=30),
    ])
    timer = state.timer("a", "x")
    assert timer.elapsed(110) == 40
    assert timer.allowed == 90 and timer.extensions == 1
    assert timer.overrun(200) == 40  # 130 elapsed of 90 allowed
    state.apply(ev(5, "step_entered", "a", "y", at=200, planned=10))
    assert timer.recorded_overrun == 40 and not timer.running
    state.apply(ev(6, "step_entered", "a", "x", at=300, planned=60))  # back again: counts on
    assert timer.elapsed(310) == 140 and timer.entered == 2


def test_pause_twice_and_resume_of_a_running_timer_are_ignored():
    state = fold([
        ev(1, "started", "a", "x", at=0, planned=60),
        ev(2, "timer_resumed", "a", "x", at=1),
        ev(3, "timer_paused", "a", "x", at=2),
        ev(4, "timer_paused", "a", "x", at=3),
    ])
    assert state.ignored == 2 and state.timer("a", "x").paused


def test_entering_a_step_runs_its_timer_even_after_a_pause():
    state = fold([
        ev(1, "started", "a", "x", at=0, planned=60),
        ev(2, "timer_paused", "a", "x", at=10),
        ev(3, "step_entered", "a", "y", at=20, planned=60),
        ev(4, "timer_resumed", "a", "x", at=25),  # not the current step: ignored
    ])
    assert state.timer("a", "y").running and not state.timer("a", "x").running
    assert state.ignored == 1


def test_finished_stops_the_clock():
    state = fold([ev(1, "started", "a", "x", at=0, planned=60), ev(2, "finished", "a", "x", at=90)])
    assert state.finished and state.timer("a", "x").elapsed(1e9) == 90
    assert state.timer("a", "x").recorded_overrun == 30


def test_clock_going_backwards_never_makes_time_negative():
    state = fold([ev(1, "started", "a", "x", at=100, planned=60)])
    assert state.timer("a", "x").elapsed(50) == 0


def test_records_edit_remove_undo():
    state = fold([
        ev(1, "captured", at=1, record={"text": "one"}, author="anna"),
        ev(2, "captured", at=2, record={"text": "two"}),
        ev(3, "edited", record_id=1, record={"text": "ONE"}),
        ev(4, "removed", record_id=2),
    ])
    assert [(r.id, r.data["text"], r.edits) for r in state.step_records("i", "s")] == [(1, "ONE", 1)]
    state.apply(ev(5, "undone"))  # the removal of 2
    assert [r.data["text"] for r in state.step_records("i", "s")] == ["ONE", "two"]
    state.apply(ev(6, "undone"))  # the edit of 1
    assert [r.data["text"] for r in state.step_records("i", "s")] == ["one", "two"]
    assert state.record(1).author == "anna"
    state.apply(ev(7, "undone"))  # the capture of 2
    state.apply(ev(8, "undone"))  # the capture of 1
    assert state.step_records("i", "s") == []
    state.apply(ev(9, "undone"))  # nothing left
    assert state.ignored == 1
    assert state.undone == {4: 5, 3: 6, 2: 7, 1: 8}


def test_undo_restores_order_after_an_undone_removal():
    state = fold([
        ev(1, "captured", record={"t": 1}), ev(2, "captured", record={"t": 2}),
        ev(3, "removed", record_id=1), ev(4, "captured", record={"t": 3}),
        ev(5, "undone"),  # the capture of 4
        ev(6, "undone"),  # the removal of 1: back in front of 2
    ])
    assert [r.id for r in state.step_records("i", "s")] == [1, 2]


def test_events_that_no_longer_apply_are_skipped():
    state = fold([
        ev(1, "captured", record={"t": 1}),
        ev(2, "undone"),
        ev(3, "edited", record_id=1, record={"t": 2}),
        ev(4, "removed", record_id=1),
        ev(5, "captured", record="not a mapping"),
        ev(6, "edited"),  # no payload at all
        ev(7, "timer_extended", seconds="many"),
        ev(8, "mystery"),
    ])
    assert state.ignored == 6 and state.all_records() == [] and state.last_seq == 8


def test_imported_capture_keeps_its_time():
    from toolkit.session.store import Event

    state = fold([Event(5, "sess", "captured", "i", "s", {"record": {}, "at": 42.5}, "", 100.0, "c5")])
    assert state.record(5).at == 42.5


def test_fold_continues_a_state():
    events = [ev(1, "started", "a", "x", at=0, planned=60), ev(2, "captured", record={"t": 1})]
    assert fold(events[1:], fold(events[:1])).all_records() == fold(events).all_records()


# -- properties ----------------------------------------------------------------------------

KEYS = [("a", "x"), ("a", "y"), ("b", "x")]

op = st.one_of(
    st.tuples(st.just("captured"), st.sampled_from(KEYS), st.integers(0, 5)),
    st.tuples(st.just("edited"), st.integers(0, 30), st.integers(0, 5)),
    st.tuples(st.just("removed"), st.integers(0, 30), st.just(0)),
    st.tuples(st.just("undone"), st.just(0), st.just(0)),
    st.tuples(st.sampled_from(["step_entered", "started"]), st.sampled_from(KEYS), st.integers(0, 600)),
    st.tuples(st.sampled_from(["timer_paused", "timer_resumed", "timer_extended"]), st.sampled_from(KEYS),
              st.integers(-60, 600)),
    st.tuples(st.just("finished"), st.just(0), st.just(0)),
)
steps = st.lists(st.tuples(op, st.floats(-5, 120, allow_nan=False)), max_size=60)


def to_events(ops) -> list:
    events, now = [], 1000.0
    for seq, ((kind, a, b), dt) in enumerate(ops, start=1):
        now += dt
        if kind == "captured":
            events.append(ev(seq, kind, *a, at=now, record={"v": b}))
        elif kind == "edited":
            events.append(ev(seq, kind, at=now, record_id=a, record={"v": b}))
        elif kind == "removed":
            events.append(ev(seq, kind, at=now, record_id=a))
        elif kind in ("undone", "finished"):
            events.append(ev(seq, kind, at=now))
        elif kind in ("step_entered", "started"):
            events.append(ev(seq, kind, *a, at=now, planned=b))
        elif kind == "timer_extended":
            events.append(ev(seq, kind, *a, at=now, seconds=b))
        else:
            events.append(ev(seq, kind, *a, at=now))
    return events


def reference_records(events) -> dict[int, tuple]:
    """A deliberately different implementation: a full snapshot before every undoable
    event, and undo restores the last snapshot."""
    records: dict[int, tuple] = {}
    snapshots: list[dict[int, tuple]] = []
    for e in events:
        if e.type == "captured":
            snapshots.append(copy.deepcopy(records))
            records[e.seq] = (e.item, e.step, e.payload["record"])
        elif e.type == "edited" and e.payload["record_id"] in records:
            snapshots.append(copy.deepcopy(records))
            item, step, _ = records[e.payload["record_id"]]
            records[e.payload["record_id"]] = (item, step, e.payload["record"])
        elif e.type == "removed" and e.payload["record_id"] in records:
            snapshots.append(copy.deepcopy(records))
            del records[e.payload["record_id"]]
        elif e.type == "undone" and snapshots:
            records = snapshots.pop()
    return records


@settings(derandomize=True, max_examples=300, deadline=None)
@given(steps)
def test_fold_never_raises_and_undo_matches_the_reference(ops):
    events = to_events(ops)
    state = SessionState()
    for event in events:
        state.apply(event)
        now = event.at
        running = [k for k, t in state.timers.items() if t.running]
        assert len(running) <= 1, "only one step's timer runs at a time"
        if running:
            assert running[0] == state.position
        for timer in state.timers.values():
            assert timer.elapsed(now) >= 0 and timer.elapsed(now + 10) >= timer.elapsed(now)
    expected = reference_records(events)
    got = {r.id: (r.item, r.step, r.data) for r in state.all_records()}
    assert got == expected
    for key in KEYS:  # each step lists its records in capture order
        ids = [r.id for r in state.step_records(*key)]
        assert ids == sorted(ids)
    assert state.events == len(events)


@settings(derandomize=True, max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(KEYS), min_size=1, max_size=30), st.integers(0, 40))
def test_n_undos_revert_the_last_n_captures(keys, undos):
    events = [ev(i, "captured", *k, record={"n": i}) for i, k in enumerate(keys, start=1)]
    events += [ev(len(keys) + j + 1, "undone") for j in range(undos)]
    state = fold(events)
    kept = max(0, len(keys) - undos)
    assert [r.id for r in state.all_records()] == list(range(1, kept + 1))
    assert state.ignored == max(0, undos - len(keys))
