"""Presenter state as session state: input open/closed, moderation with accept/reject,
reveal/hide and the black screen are events in the log, folded into the state, survive a
resume, are seen by a second engine, and never get reverted by undo."""

from __future__ import annotations

import pytest

from toolkit.errors import CimisError
from toolkit.session.clock import FakeClock
from toolkit.session.engine import Engine
from toolkit.session.state import SessionState


@pytest.fixture
def engine(workshop):
    with Engine(workshop, FakeClock()) as e:
        e.start()
        e.go_to("idea-forge", "ideas")
        yield e


def texts(e: Engine) -> list[str]:
    return e.result("idea-forge", "ideas")


def test_defaults_input_open_no_moderation_results_shown(engine):
    view = engine.presenter()
    assert (view.item, view.step) == ("idea-forge", "ideas")
    assert view.input_open and not view.moderated and view.revealed and not view.blackout and view.held == 0
    assert engine.presenter("welcome", "main").input_open


def test_kinds_that_hide_results_start_hidden(engine, monkeypatch):
    kind = engine.kinds["session-test-count"]
    monkeypatch.setattr(type(kind), "results_hidden", True)
    assert not engine.presenter("idea-forge", "count").revealed
    assert engine.set_reveal(True, "idea-forge", "count") is not None
    assert engine.presenter("idea-forge", "count").revealed
    assert engine.set_reveal(True, "idea-forge", "count") is None  # no change, no event
    engine.set_reveal(False, "idea-forge", "count")
    assert not engine.presenter("idea-forge", "count").revealed


def test_closed_input_refuses_the_room_but_not_the_facilitator(engine):
    assert engine.set_input(False) is not None
    assert engine.set_input(False) is None
    with pytest.raises(CimisError, match="closed"):
        engine.capture({"text": "late"}, participant=True, client_id="late-1")
    engine.capture({"text": "typed by the facilitator"})
    engine.set_input(True)
    engine.capture({"text": "now"}, participant=True)
    assert texts(engine) == ["typed by the facilitator", "now"]
    # a refused capture wrote nothing, so its id is still free
    assert engine.store.event_by_client_id("late-1") is None


def test_moderation_holds_until_accepted_and_rejects(engine):
    engine.capture({"text": "before moderation"}, participant=True)
    engine.set_moderation(True)
    a = engine.capture({"text": "held a"}, participant=True).event.seq
    b = engine.capture({"text": "held b"}, participant=True).event.seq
    engine.capture({"text": "facilitator is never held"})
    assert texts(engine) == ["before moderation", "facilitator is never held"]
    assert [r.id for r in engine.held()] == [a, b] and engine.presenter().held == 2
    engine.moderate(b, True)
    engine.moderate(a, False)
    assert texts(engine) == ["before moderation", "held b", "facilitator is never held"]
    assert engine.held() == [] and engine.state.status_of(a) == "rejected"
    assert engine.moderate(a, False) is None  # same decision again: nothing written
    engine.moderate(a, True)  # a rejected record can still be accepted
    assert texts(engine) == ["before moderation", "held a", "held b", "facilitator is never held"]
    # turning moderation off releases nothing by itself, and later captures are not held
    engine.set_moderation(False)
    engine.capture({"text": "after"}, participant=True)
    assert texts(engine)[-1] == "after"
    with pytest.raises(CimisError, match="no record"):
        engine.moderate(999_999, True)


def test_held_records_count_for_rules_but_rejected_do_not(workshop):
    # the test kind allows max_per_author notes (50 in the plan); a held note counts against it
    with Engine(workshop, FakeClock()) as e:
        e.start()
        e.go_to("idea-forge", "ideas")
        e.set_moderation(True)
        first = e.capture({"text": "one"}, author="p", participant=True).event.seq
        assert len(e.records("idea-forge", "ideas", include_held=True)) == 1
        e.moderate(first, False)
        assert e.records("idea-forge", "ideas", include_held=True) == []


def test_undo_never_reverts_presenter_state_and_stays_consistent(engine):
    engine.set_moderation(True)
    held = engine.capture({"text": "held"}, participant=True).event.seq
    engine.set_reveal(False)
    engine.set_blackout(True)
    assert engine.undo() == (held, "captured", held)  # the capture, not the settings
    view = engine.presenter()
    assert view.moderated and not view.revealed and view.blackout and view.held == 0
    assert held not in engine.state.moderation
    assert engine.undo() is None
    # a decision is not undoable either: undo reverts the capture before it
    seq = engine.capture({"text": "x"}, participant=True).event.seq
    engine.moderate(seq, True)
    assert engine.undo() == (seq, "captured", seq)
    assert texts(engine) == []


def test_blackout_is_for_the_room(engine):
    assert not engine.presenter().blackout
    engine.set_blackout(True)
    assert engine.presenter("welcome", "main").blackout
    assert engine.set_blackout(True) is None
    engine.set_blackout(False)
    assert not engine.state.blackout


def test_resume_and_second_engine_see_the_same(workshop, engine):
    engine.set_input(False, "idea-forge", "count")
    engine.set_moderation(True)
    seq = engine.capture({"text": "held"}, participant=True).event.seq
    engine.capture({"text": "waiting"}, participant=True)
    engine.moderate(seq, True)
    engine.set_reveal(False)
    engine.set_blackout(True)
    with Engine(workshop, FakeClock()) as other:
        assert other.presenter().as_dict() == engine.presenter().as_dict()
        assert not other.presenter("idea-forge", "count").input_open
        assert other.result("idea-forge", "ideas") == ["held"]
        # the second engine decides on the latest state: it sees the first one's change
        engine.set_blackout(False)
        assert other.set_blackout(False) is None
        assert not other.presenter().blackout
    # folding the raw log gives the same state as the live one
    folded = SessionState().apply_all(engine.store.events())
    assert folded.moderation == engine.state.moderation and folded.presenter == engine.state.presenter


def test_finished_session_refuses_settings(engine):
    engine.finish()
    for call in (lambda: engine.set_input(False), lambda: engine.set_reveal(True), lambda: engine.set_blackout(True)):
        with pytest.raises(CimisError, match="finished"):
            call()


def test_setting_before_start_and_unknown_step(workshop):
    with Engine(workshop, FakeClock()) as e:
        with pytest.raises(CimisError, match="not started"):
            e.set_input(False)
        with pytest.raises(CimisError, match="no step"):
            e.set_reveal(True, "idea-forge", "nope")
        with pytest.raises(CimisError, match="on or off"):
            e.set_input("yes", "idea-forge", "ideas")  # type: ignore[arg-type]


def test_foreign_presenter_events_are_ignored(workshop):
    from session_util import ev

    state = SessionState().apply_all([
        ev(1, "presenter", setting="reveal", value="yes"),
        ev(2, "presenter", setting="colour", value=True),
        ev(3, "presenter", setting="input"),
        ev(4, "moderated", record_id=5, decision="accepted"),
        ev(5, "presenter", setting="input", value=False),
    ])
    assert state.ignored == 4 and state.step_presenter("i", "s").input_open is False
