"""The store on its own: durability settings, idempotent appends, schema versions, and a
clear error naming the file for every kind of unusable store."""

from __future__ import annotations

import os
import sqlite3
import threading
import time

import pytest

from toolkit.errors import CimisError
from toolkit.session.store import FILENAME, MIGRATIONS, SCHEMA_VERSION, Store


@pytest.fixture
def folder(tmp_path):
    return tmp_path


def test_append_and_read_back(folder):
    with Store(folder) as store:
        first = store.append("started", item="a", step="b", payload={"planned": 60}, author="x", at=10.0)
        second = store.append("captured", item="a", step="b", payload={"record": {"text": "ä"}}, at=11.0)
        assert (first.seq, second.seq) == (1, 2)
        assert store.events() == [first, second]
        assert store.events(after=1) == [second]
    with Store(folder) as again:
        assert [e.payload for e in again.events()] == [{"planned": 60}, {"record": {"text": "ä"}}]
        assert again.session_id == first.session


def test_durability_settings(folder):
    with Store(folder) as store:
        conn = store._conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == len(MIGRATIONS)


def test_a_retried_client_id_is_stored_once(folder):
    with Store(folder) as store:
        one = store.append("captured", item="a", step="b", payload={"record": {}}, client_id="same")
        two = store.append("captured", item="a", step="b", payload={"record": {"other": 1}}, client_id="same")
        assert one == two
        assert len(store.events()) == 1


def test_a_failed_block_writes_nothing(folder):
    with Store(folder) as store:
        with pytest.raises(RuntimeError), store.writing() as tx:
            tx.insert("captured", item="a", step="b", payload={"record": {}}, at=1.0)
            raise RuntimeError("decided against it")
        assert store.events() == []
        assert store.append("finished", at=2.0).seq == 1


def test_unknown_event_type_is_a_bug(folder):
    with Store(folder) as store, pytest.raises(ValueError):
        store.append("exploded")


def test_waits_for_another_writer_instead_of_failing(folder):
    Store(folder).close()
    other = sqlite3.connect(folder / FILENAME, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    threading.Timer(0.4, lambda: other.execute("COMMIT")).start()
    with Store(folder) as store:
        started = time.monotonic()
        event = store.append("finished")
        assert event.seq == 1
        assert time.monotonic() - started >= 0.3
    other.close()


def test_retry_on_busy_begin(folder, monkeypatch):
    """BEGIN can report SQLITE_BUSY at once (WAL recovery); the store retries it."""
    with Store(folder) as store:
        real = store._conn
        calls = []

        class Flaky:
            def __getattr__(self, name):
                return getattr(real, name)

            def execute(self, sql, *args):
                if sql == "BEGIN IMMEDIATE" and len(calls) < 3:
                    calls.append(sql)
                    raise sqlite3.OperationalError("database is locked")
                return real.execute(sql, *args)

        store._conn = Flaky()
        assert store.append("finished").seq == 1
        assert len(calls) == 3
        store._conn = real


def test_missing_folder(tmp_path):
    with pytest.raises(CimisError, match="does not exist"):
        Store(tmp_path / "nowhere")


def test_garbage_file_names_the_file(folder):
    (folder / FILENAME).write_bytes(b"this is not a database, it is a shopping list\n" * 100)
    with pytest.raises(CimisError) as info:
        Store(folder)
    assert str(folder / FILENAME) in str(info.value)
    assert "damaged or not a session store" in str(info.value)


def test_truncated_file_names_the_file(folder):
    with Store(folder) as store:
        for i in range(300):
            store.append("captured", item="a", step="b", payload={"record": {"text": "x" * 200, "i": i}})
    path = folder / FILENAME
    size = path.stat().st_size
    assert size > 8192
    with open(path, "r+b") as fh:  # cut the file in the middle of its pages
        fh.truncate(size // 2 + 100)
    with pytest.raises(CimisError) as info, Store(folder) as store:
        store.events()
        store.append("finished")
    assert str(path) in str(info.value)


def test_tiny_truncated_header(folder):
    Store(folder).close()
    path = folder / FILENAME
    data = path.read_bytes()
    path.write_bytes(data[:50])
    with pytest.raises(CimisError, match="damaged or not a session store"):
        Store(folder)


def test_store_from_a_newer_schema(folder):
    Store(folder).close()
    conn = sqlite3.connect(folder / FILENAME)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(CimisError) as info:
        Store(folder)
    message = str(info.value)
    assert str(folder / FILENAME) in message and "newer version of cimis" in message
    with pytest.raises(CimisError, match="newer version"):
        Store(folder, readonly=True)


def test_migrations_run_from_an_older_schema(folder, monkeypatch):
    """A store at version 0 (an empty file) is migrated to the current schema."""
    (folder / FILENAME).write_bytes(b"")
    with Store(folder) as store:
        assert store._conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        store.append("finished")


def test_readonly_store_reads_but_never_writes(folder):
    with Store(folder) as store:
        store.append("started", item="a", step="b")
    with Store(folder, readonly=True) as ro:
        assert len(ro.events()) == 1
        with pytest.raises(CimisError, match="read-only"):
            ro.append("finished")


def test_readonly_store_of_a_missing_file_is_empty(folder):
    with Store(folder, readonly=True) as ro:
        assert ro.events() == []
    assert not (folder / FILENAME).exists()


def test_sqlite_refusing_a_write_is_a_clear_error(folder, monkeypatch):
    """What SQLite says on a read-only medium ("attempt to write a readonly database") is
    turned into a message naming the file. Tests run as root, where chmod does not stop a
    write, so the file is opened with SQLite's own read-only mode (``mode=ro``) and the
    store is then asked to write through that connection."""
    Store(folder).close()
    real_access = os.access  # as on a read-only medium, where a read-only store opens with mode=ro
    monkeypatch.setattr(os, "access", lambda path, mode: False if mode & os.W_OK else real_access(path, mode))
    store = Store(folder, readonly=True)
    monkeypatch.undo()
    store.readonly = False  # pretend it was opened for writing
    with pytest.raises(CimisError) as info:
        store.append("finished")
    assert "read-only" in str(info.value) and str(folder / FILENAME) in str(info.value)
    store.close()


def test_readonly_folder(folder, monkeypatch):
    """A read-only folder (a mounted archive, a write-protected stick) is refused before
    SQLite tries. access(2) reports a read-only file system (EROFS) even to root; chmod
    does not stop root, so the test makes access() answer as such a mount would."""
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode: False if mode & os.W_OK else real_access(path, mode))
    with pytest.raises(CimisError) as info:
        Store(folder)
    assert str(folder / FILENAME) in str(info.value) and "read-only" in str(info.value)


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file modes")
def test_readonly_folder_by_mode(folder):
    os.chmod(folder, 0o555)
    try:
        with pytest.raises(CimisError, match="read-only"):
            Store(folder)
    finally:
        os.chmod(folder, 0o755)


def test_integrity_check(folder):
    with Store(folder) as store:
        store.append("finished")
        assert store.integrity_check() == "ok"
