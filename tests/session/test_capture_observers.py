"""Captures hand their events to the ``session_event`` observers without starting a thread
each: the observers' worker waits a moment for the next event, so a session writing event
after event keeps one worker (starting a thread per capture cost the write path more than
the capture itself), and it still sees every event in commit order."""

from __future__ import annotations

from toolkit.session.clock import FakeClock
from toolkit.session.engine import Engine


def test_one_worker_serves_a_run_of_captures(workshop, monkeypatch):
    from toolkit import hookimpl
    from toolkit.plugins import Observers, get_host

    seen = []

    class Observer:
        @hookimpl
        def session_event(self, event):
            seen.append(event.seq)

    starts = []
    real_start = Observers._start
    monkeypatch.setattr(Observers, "_start", lambda self: (starts.append(1), real_start(self)))
    host = get_host()
    host.add_plugin(Observer(), name="counting-observer")
    with Engine(workshop, FakeClock()) as engine:
        engine.start()
        for n in range(20):
            engine.capture({"text": f"idea {n}"}, item_id="idea-forge", step_id="ideas")
            host.drain()  # the worker has seen everything and is idle before the next capture
    assert seen == list(range(1, 22))
    assert len(starts) == 1, len(starts)
