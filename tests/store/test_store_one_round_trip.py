"""The engine's writes to PostgreSQL commit in one statement when the engine is up to date
(:meth:`toolkit.session.pgstore.PgStore.write`), and decide again, caught up under the
session's lock, whenever another writer came first: rules, resent client ids and empty
decisions are never judged on a stale state. Real server (``tests/pg_fixtures.py``)."""

from __future__ import annotations

import threading

import pytest

from toolkit.errors import CimisError
from toolkit.session.clock import FakeClock
from toolkit.session.engine import Engine
from toolkit.session.pgstore import PgStore

IDEAS = {"item_id": "idea-forge", "step_id": "ideas"}


@pytest.fixture
def shared(make_workshop, pg_url, monkeypatch):
    """A workshop whose session is in the test database; at most one note per author."""
    monkeypatch.setenv("CIMIS_STORE", pg_url)
    folder = make_workshop()
    plan = folder / "workshop.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("max_per_author: 50", "max_per_author: 1"),
                    encoding="utf-8")
    return folder


def locked_writes(monkeypatch) -> list[int]:
    """Count the writes that take the session's lock (the slow path)."""
    taken: list[int] = []
    original = PgStore._locked

    def counting(self, **kwargs):
        taken.append(1)
        return original(self, **kwargs)

    monkeypatch.setattr(PgStore, "_locked", counting)
    return taken


def test_an_up_to_date_engine_commits_without_the_lock(shared, monkeypatch):
    with Engine(shared, FakeClock()) as engine:
        engine.start()
        taken = locked_writes(monkeypatch)
        for author in ("anna", "bert", "cleo"):
            assert engine.capture({"text": f"from {author}"}, author=author, **IDEAS).new
        assert taken == []
        assert [r.data.text for r in engine.records(**IDEAS)] == ["from anna", "from bert", "from cleo"]
    with Engine(shared, FakeClock()) as fresh:
        assert [r.data.text for r in fresh.records(**IDEAS)] == ["from anna", "from bert", "from cleo"]
        assert [e.seq for e in fresh.store.events()] == [1, 2, 3, 4]


def test_a_stale_engine_decides_again_on_the_caught_up_state(shared, monkeypatch):
    with Engine(shared, FakeClock()) as one, Engine(shared, FakeClock()) as two:
        one.start()
        one.capture({"text": "first"}, author="anna", **IDEAS)
        taken = locked_writes(monkeypatch)
        # two has not seen anna's note: its first decision would allow a second one
        with pytest.raises(CimisError, match="anna has written 1 notes already"):
            two.capture({"text": "second"}, author="anna", **IDEAS)
        # the lost race read back anna's note; the refusal decided on it needs no lock
        assert taken == []
        saved = two.capture({"text": "bert's"}, author="bert", **IDEAS)
        assert saved.new and saved.event.seq == 3
        assert [r.data.text for r in two.records(**IDEAS)] == ["first", "bert's"]
        assert taken == []  # caught up by then: one statement again


def test_a_resent_client_id_on_a_stale_engine_is_stored_once(shared):
    with Engine(shared, FakeClock()) as one, Engine(shared, FakeClock()) as two:
        one.start()
        first = one.capture({"text": "phone"}, author="anna", client_id="phone-1", **IDEAS)
        # two does not know the id yet: the optimistic insert fails on it and the locked path
        # answers with the stored event
        again = two.capture({"text": "phone"}, author="anna", client_id="phone-1", **IDEAS)
        assert not again.new and again.event.seq == first.event.seq
        assert len([e for e in two.store.events() if e.type == "captured"]) == 1


def test_an_empty_decision_is_checked_against_the_current_log(shared):
    with Engine(shared, FakeClock()) as one, Engine(shared, FakeClock()) as two:
        one.start()
        assert two.undo() is None  # nothing to undo in the log yet: no write
        one.capture({"text": "to undo"}, author="anna", **IDEAS)
        # two's state shows nothing to undo; the log does
        undone = two.undo()
        assert undone is not None and undone[1] == "captured"
        one.refresh()
        assert one.records(**IDEAS) == []


def test_concurrent_writers_lose_nothing_and_keep_seqs_gapless(shared):
    with Engine(shared, FakeClock()) as setup:
        setup.start()
    errors: list[BaseException] = []

    def site(name: str) -> None:
        try:
            with Engine(shared, FakeClock()) as engine:
                for i in range(25):
                    engine.capture({"text": f"{name} {i}"}, author=f"{name}-{i}", **IDEAS)
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)

    threads = [threading.Thread(target=site, args=(name,)) for name in ("dresden", "meissen", "lausitz")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert errors == []
    with Engine(shared, FakeClock()) as check:
        texts = sorted(r.data.text for r in check.records(**IDEAS))
        assert texts == sorted(f"{n} {i}" for n in ("dresden", "meissen", "lausitz") for i in range(25))
        seqs = [e.seq for e in check.store.events()]
        assert seqs == list(range(1, len(seqs) + 1))
        assert check.store.integrity_check() == "ok"


def test_a_lost_race_is_retried_with_what_was_read_back_without_the_lock(shared, monkeypatch):
    with Engine(shared, FakeClock()) as one, Engine(shared, FakeClock()) as two:
        one.start()
        two.refresh()
        taken = locked_writes(monkeypatch)
        for i in range(3):
            one.capture({"text": f"one {i}"}, author=f"a{i}", **IDEAS)
            # two is behind each time: its first try loses, the second decides on what it read
            saved = two.capture({"text": f"two {i}"}, author=f"b{i}", **IDEAS)
            assert saved.new
        assert taken == []
        assert two.store.relocked == 0
        texts = [r.data.text for r in two.records(**IDEAS)]
        assert texts == ["one 0", "two 0", "one 1", "two 1", "one 2", "two 2"]
        # after a lost race its writes read back what others add, in the same round trip
        assert two.store._contended > 0
    with Engine(shared, FakeClock()) as fresh:
        assert [e.seq for e in fresh.store.events()] == list(range(1, 8))  # started + six captures


def test_captures_in_a_row_share_one_observer_thread(shared):
    """The ``session_event`` observers run on a worker that waits for the next event instead
    of a thread started per capture (which cost more than the capture's own work)."""
    from toolkit import hookimpl
    from toolkit.plugins import get_host

    seen: list[tuple[str, threading.Thread]] = []  # the thread objects themselves: idents are reused

    class Observer:
        @hookimpl
        def session_event(self, event):
            seen.append((event.type, threading.current_thread()))

    host = get_host()
    host.pm.register(Observer(), name="thread-observer")
    try:
        with Engine(shared, FakeClock()) as engine:
            engine.start()
            for i in range(5):
                engine.capture({"text": f"n{i}"}, author=f"a{i}", **IDEAS)
                host.drain(5)  # each event handled before the next capture
        assert [t for t, _thread in seen] == ["started"] + ["captured"] * 5
        assert len({id(thread) for _t, thread in seen}) == 1
    finally:
        host.pm.unregister(name="thread-observer")
