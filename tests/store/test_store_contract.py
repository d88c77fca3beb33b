"""The promises of :class:`toolkit.session.store.SessionStore`, checked against every
backend: SQLite (``session.db``) and PostgreSQL (a real server the test session starts)."""

from __future__ import annotations

import threading
import time

import pytest

from toolkit.errors import CimisError
from toolkit.session.store import Event, SessionStore

BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(params=BACKENDS)
def backend(request, tmp_path):
    """``open(readonly=False, key=...)`` -> a fresh store of the parametrised backend."""
    if request.param == "sqlite":
        from toolkit.session.store import Store

        def open_sqlite(readonly: bool = False, key: str = "w") -> SessionStore:
            folder = tmp_path / key
            folder.mkdir(exist_ok=True)
            return Store(folder, readonly=readonly)

        return open_sqlite
    url = request.getfixturevalue("pg_url")
    from toolkit.session.pgstore import PgStore

    def open_pg(readonly: bool = False, key: str = "w") -> SessionStore:
        return PgStore(url, key, readonly=readonly)

    return open_pg


def test_append_and_read_back(backend):
    with backend() as store:
        first = store.append("started", item="a", step="b", payload={"planned": 60}, author="x", at=10.0)
        second = store.append("captured", item="a", step="b", payload={"record": {"text": "ä"}}, at=11.0)
        assert (first.seq, second.seq) == (1, 2)
        assert store.events() == [first, second]
        assert store.events(after=1) == [second]
        assert list(store.stream(after=0)) == [first, second]
    with backend() as again:
        assert [e.payload for e in again.events()] == [{"planned": 60}, {"record": {"text": "ä"}}]
        assert again.session_id == first.session != ""


def test_a_retried_client_id_is_stored_once(backend):
    with backend() as store:
        one = store.append("captured", item="a", step="b", payload={"record": {}}, client_id="same")
        two = store.append("captured", item="a", step="b", payload={"record": {"other": 1}}, client_id="same")
        assert one == two
        assert len(store.events()) == 1
        assert store.event_by_client_id("same") == one
        assert store.event_by_client_id("other") is None


def test_a_failed_block_writes_nothing(backend):
    with backend() as store:
        with pytest.raises(RuntimeError), store.writing() as tx:
            tx.insert("captured", item="a", step="b", payload={"record": {}}, at=1.0)
            raise RuntimeError("decided against it")
        assert store.events() == []
        assert store.append("finished", at=2.0).seq == 1


def test_a_block_commits_together_and_sees_others(backend):
    with backend() as store, backend() as other:
        other.append("started", item="a", step="b", at=1.0)
        with store.writing() as tx:
            assert [e.type for e in tx.events_after(0)] == ["started"]
            tx.insert("captured", item="a", step="b", payload={"record": {"n": 1}}, at=2.0)
            tx.insert("captured", item="a", step="b", payload={"record": {"n": 2}}, at=3.0)
            assert len(tx.inserted) == 2
        assert [e.seq for e in other.events()] == [1, 2, 3]


def test_unknown_event_type_is_a_bug(backend):
    with backend() as store, pytest.raises(ValueError):
        store.append("exploded")


def test_waits_for_another_writer_instead_of_failing(backend):
    """A second writer of the same session waits for the first one's transaction, and
    then decides on what the first one committed."""
    with backend() as first, backend() as second:
        first.append("started", at=0.0)
        entered = threading.Event()
        done: list[Event] = []

        def slow_writer() -> None:
            with first.writing() as tx:
                entered.set()
                time.sleep(0.4)
                tx.insert("captured", item="a", step="b", payload={"record": {}}, at=1.0)

        thread = threading.Thread(target=slow_writer)
        thread.start()
        entered.wait(5)
        started = time.monotonic()
        with second.writing() as tx:
            seen = tx.events_after(1)
            done.append(tx.insert("finished", at=2.0)[0])
        waited = time.monotonic() - started
        thread.join()
        assert waited >= 0.3
        assert [e.type for e in seen] == ["captured"]
        assert done[0].seq == 3


def test_readonly_store_reads_but_never_writes(backend):
    with backend() as store:
        store.append("started", item="a", step="b")
    with backend(readonly=True) as ro:
        assert len(ro.events()) == 1
        with pytest.raises(CimisError, match="read-only"):
            ro.append("finished")


def test_readonly_store_of_a_missing_session_is_empty(backend):
    with backend(readonly=True, key="never") as ro:
        assert ro.events() == []
        assert ro.event_by_client_id("x") is None
        assert ro.integrity_check() == "ok"


def test_sessions_are_separate(backend):
    with backend(key="dresden") as one, backend(key="meissen") as two:
        one.append("captured", item="a", step="b", payload={"record": {}}, client_id="shared-id")
        two.append("captured", item="a", step="b", payload={"record": {}}, client_id="shared-id")
        assert one.session_id != two.session_id
        assert len(one.events()) == len(two.events()) == 1
        assert one.events()[0].seq == two.events()[0].seq == 1


def test_merge_is_idempotent_and_rewrites_references(backend, tmp_path):
    from toolkit.session.store import Store

    source_dir = tmp_path / "laptop"
    source_dir.mkdir()
    with Store(source_dir) as laptop:
        cap = laptop.append("captured", item="a", step="b", payload={"record": {"t": 1}}, client_id="cap-1")
        laptop.append("edited", item="a", step="b", payload={"record_id": cap.seq, "record": {"t": 2}},
                      client_id="edit-1")
        laptop.append("undone", item="a", step="b", payload={"target": 2, "type": "edited"}, client_id="undo-1")
        events = laptop.events()
    with backend() as store:
        store.append("started", item="a", step="b", client_id="here-first")
        result = store.merge(events, origin="laptop")
        assert (result.added, result.present) == (3, 0)
        merged = store.events()
        assert [e.client_id for e in merged] == ["here-first", "cap-1", "edit-1", "undo-1"]
        assert merged[2].payload["record_id"] == merged[1].seq == 2
        assert merged[3].payload["target"] == merged[2].seq
        again = store.merge(events)
        assert (again.added, again.present) == (0, 3)
        assert store.events() == merged
        assert store.append("finished").seq == 5
        assert store.integrity_check() == "ok"


def test_merge_refuses_unknown_types(backend):
    with backend() as store, pytest.raises(CimisError, match="unknown type"):
        store.merge([Event(1, "s", "exploded", None, None, {}, "", 0.0, "x")])
    with backend() as store:
        assert store.events() == []


def test_integrity_check(backend):
    with backend() as store:
        store.append("finished")
        assert store.integrity_check() == "ok"


def test_a_pipelined_insert_that_fails_at_commit_is_not_acknowledged(pg_url):
    """An event with a generated client id travels with the COMMIT without waiting for its
    answer; if it fails there, the block raises and nothing of it is stored."""
    from toolkit.session.pgstore import PgStore

    with PgStore(pg_url, "fail") as store:
        first = store.append("started", item="a", step="b", at=1.0)
        with pytest.raises(CimisError, match="session database"), store.writing() as tx:
            tx._last = 0  # make it reuse seq 1: the server refuses at the COMMIT's sync
            tx.insert("captured", item="a", step="b", payload={"record": {}}, at=2.0)
        assert store.events() == [first]
        assert store.append("finished", at=3.0).seq == 2  # the connection is usable again
