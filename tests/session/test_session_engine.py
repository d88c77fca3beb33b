"""The engine with a fake clock: walking the agenda, timers, captures with validation and
rules, edit/remove/undo, results across steps, resuming, hooks, and two engines at once."""

from __future__ import annotations

import pytest

from toolkit.errors import CimisError
from toolkit.session.clock import FakeClock
from toolkit.session.engine import Engine


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def engine(workshop, clock):
    with Engine(workshop, clock) as e:
        yield e


def where(e: Engine) -> str:
    p = e.position
    return f"{p.item.id}.{p.step.id}" if p else "-"


def test_walks_the_agenda_step_by_step(engine):
    assert engine.position is None
    engine.start()
    assert where(engine) == "welcome.main" and engine.position.index == 0
    seen = [where(engine)]
    while engine.next_step() is not None:
        seen.append(where(engine))
    assert seen == ["welcome.main", "idea-forge.intro", "idea-forge.ideas", "idea-forge.count", "lunch.main"]
    assert engine.position.index == 2
    engine.previous_step()
    assert where(engine) == "idea-forge.count"
    engine.go_to("welcome", "main")
    assert engine.previous_step() is None and where(engine) == "welcome.main"
    assert engine.start().step.id == "main"  # starting twice changes nothing
    assert sum(1 for e in engine.store.events() if e.type == "started") == 1


def test_next_step_before_start_starts(engine):
    engine.next_step()
    assert where(engine) == "welcome.main" and engine.state.started


def test_timers_follow_the_clock(engine, clock):
    engine.start()
    clock.advance(120)
    timer = engine.timer()
    assert timer.planned == 600 and timer.elapsed(engine.now()) == 120
    engine.pause()
    clock.advance(1000)
    assert engine.timer().elapsed(engine.now()) == 120 and engine.timer().paused
    assert engine.pause() is None  # pausing a paused timer writes nothing
    engine.resume()
    clock.advance(60)
    engine.add_minutes(5)
    assert engine.timer().remaining(engine.now()) == 900 - 180
    clock.advance(800)
    assert engine.timer().overrun(engine.now()) == 80
    engine.next_step()
    assert engine.timer("welcome", "main").recorded_overrun == 80
    with pytest.raises(CimisError, match="less than no time"):
        engine.add_minutes(-100)


def test_resume_after_reopening(workshop, clock):
    with Engine(workshop, clock) as first:
        first.start()
        first.next_step()
        clock.advance(100)
        first.pause()
    clock.advance(3600)  # closed for an hour
    with Engine(workshop, clock) as second:
        assert where(second) == "idea-forge.intro"
        assert second.timer().paused and second.timer().elapsed(second.now()) == 100
        second.resume()
        clock.advance(50)
    clock.advance(600)  # closed again, timer running: wall time keeps counting
    with Engine(workshop, clock) as third:
        assert third.timer().elapsed(third.now()) == 100 + 50 + 600
        assert third.timer().overrun(third.now()) == 750 - 300


def test_capture_validates_and_commits_before_returning(engine, workshop, clock):
    engine.start()
    engine.go_to("idea-forge", "ideas")
    saved = engine.capture({"text": "digital job sheet"}, author="anna")
    assert saved.new and saved.record.data == {"text": "digital job sheet", "tag": ""}
    with Engine(workshop, clock) as other:  # a second reader sees it at once: it is committed
        assert [r.data.text for r in other.records("idea-forge", "ideas")] == ["digital job sheet"]
    with pytest.raises(CimisError, match="text: must not be empty"):
        engine.capture({"text": ""})
    with pytest.raises(CimisError, match="unknown field"):
        engine.capture({"text": "x", "colour": "red"})
    with pytest.raises(CimisError, match="captures nothing"):
        engine.capture({"text": "x"}, item_id="welcome", step_id="main")
    with pytest.raises(CimisError, match="no step"):
        engine.capture({"text": "x"}, item_id="nope", step_id="main")
    assert len(engine.records("idea-forge", "ideas")) == 1


def test_capture_before_start_needs_a_step(engine):
    with pytest.raises(CimisError, match="not started"):
        engine.capture({"text": "x"})
    assert engine.capture({"text": "x"}, item_id="idea-forge", step_id="ideas").new


def test_kind_rules_are_checked(workshop, clock):
    # the plan allows 50 notes per author; the rule is the test kind's check()
    with Engine(workshop, clock) as engine:
        for i in range(50):
            engine.capture({"text": f"n{i}"}, item_id="idea-forge", step_id="ideas", author="anna")
        with pytest.raises(CimisError, match="anna has written 50 notes"):
            engine.capture({"text": "one too many"}, item_id="idea-forge", step_id="ideas", author="anna")
        engine.capture({"text": "bert may"}, item_id="idea-forge", step_id="ideas", author="bert")


def test_retried_capture_is_stored_once(engine):
    one = engine.capture({"text": "x"}, item_id="idea-forge", step_id="ideas", client_id="abc")
    two = engine.capture({"text": "x"}, item_id="idea-forge", step_id="ideas", client_id="abc")
    assert one.new and not two.new and two.event.seq == one.event.seq
    assert len(engine.records("idea-forge", "ideas")) == 1


def test_edit_remove_undo(engine):
    a = engine.capture({"text": "a"}, item_id="idea-forge", step_id="ideas").record
    b = engine.capture({"text": "b"}, item_id="idea-forge", step_id="ideas").record
    engine.edit(a.id, {"text": "A"})
    engine.remove(b.id)
    texts = lambda: [r.data.text for r in engine.records("idea-forge", "ideas")]
    assert texts() == ["A"]
    assert engine.undo()[1] == "removed" and texts() == ["A", "b"]
    assert engine.undo()[1] == "edited" and texts() == ["a", "b"]
    with pytest.raises(CimisError, match="text: must not be empty"):
        engine.edit(a.id, {"text": ""})
    with pytest.raises(CimisError, match="no record 999"):
        engine.remove(999)
    assert engine.undo()[1] == "captured" and engine.undo()[1] == "captured"
    assert engine.undo() is None and texts() == []
    types = [e.type for e in engine.store.events()]
    assert types.count("undone") == 4  # undo is an event, nothing was deleted
    assert types.count("captured") == 2


def test_results_use_the_kind_and_other_steps(engine):
    for text in ("a", "b", "c"):
        engine.capture({"text": text}, item_id="idea-forge", step_id="ideas")
    assert engine.result("idea-forge", "ideas") == ["a", "b", "c"]
    engine.capture({"bonus": 10}, item_id="idea-forge", step_id="count")
    assert engine.result("idea-forge", "count") == 13  # 3 notes of the step it refers to + 10
    context = engine.context("idea-forge")
    assert context.seed == 7 and [p.id for p in context.people] == ["anna", "bert"]
    assert context.results("idea-forge.ideas") == ["a", "b", "c"]
    assert context.results("nowhere.ideas") is None


def test_finish(engine, clock):
    engine.start()
    clock.advance(30)
    assert engine.finish() and not engine.finish()
    clock.advance(1000)
    assert engine.timer().elapsed(engine.now()) == 30
    for action in (engine.next_step, engine.pause, engine.undo,
                   lambda: engine.capture({"text": "late"}, item_id="idea-forge", step_id="ideas")):
        with pytest.raises(CimisError, match="finished"):
            action()


def test_two_engines_share_one_log(workshop, clock):
    with Engine(workshop, clock) as one, Engine(workshop, clock) as two:
        one.start()
        two.next_step()  # decides on the latest state, written by the other engine
        assert where(two) == "idea-forge.intro"
        one.capture({"text": "from one"}, item_id="idea-forge", step_id="ideas")
        assert two.undo()[1] == "captured"  # undo sees the other engine's capture
        one.refresh()
        assert where(one) == "idea-forge.intro" and one.records("idea-forge", "ideas") == []


def test_session_event_hook_sees_committed_events(workshop, clock):
    from toolkit import hookimpl
    from toolkit.plugins import get_host

    seen = []

    class Observer:
        @hookimpl
        def session_event(self, event):
            seen.append((event.type, event.seq))

    class Broken:
        @hookimpl
        def session_event(self, event):
            raise RuntimeError("observer bug")

    host = get_host()
    host.add_plugin(Broken(), name="broken-observer")
    host.add_plugin(Observer(), name="observer")
    with Engine(workshop, clock) as engine:
        engine.start()
        engine.capture({"text": "x"}, item_id="idea-forge", step_id="ideas")
        engine.capture({"text": "x"}, item_id="idea-forge", step_id="ideas", client_id="k")
        engine.capture({"text": "x"}, item_id="idea-forge", step_id="ideas", client_id="k")  # retried: no event
        assert len(engine.records("idea-forge", "ideas")) == 2
    assert seen == [("started", 1), ("captured", 2), ("captured", 3)]
    # the broken observer is reported and unregistered; the other one saw every event
    assert "raised in session_event" in host.infos["broken-observer"].error
    assert not host.pm.has_plugin("broken-observer")


def test_bad_plan_is_a_clear_error(workshop, clock):
    (workshop / "workshop.yaml").write_text("title: x\n", encoding="utf-8")
    with pytest.raises(CimisError, match=r"workshop\.yaml"):
        Engine(workshop, clock)


def test_readonly_engine_refuses_changes(workshop, clock):
    with Engine(workshop, clock, readonly=True) as engine:
        assert engine.status()["started"] is False
        with pytest.raises(CimisError, match="read-only"):
            engine.start()
    assert not (workshop / "session.db").exists()


def test_status(engine, clock):
    engine.start()
    engine.capture({"text": "x"}, item_id="idea-forge", step_id="ideas")
    clock.advance(30)
    info = engine.status()
    assert info["position"]["item"] == "welcome" and info["timer"]["elapsed"] == 30
    assert info["records"] == 1 and info["events"] == 2
    assert [s["records"] for s in info["steps"]] == [0, 0, 1, 0, 0]
