"""The session store: ``session.db`` in a workshop folder, an append-only log of events.

Provides :class:`SessionStore` (the interface every store backend implements: SQLite here,
PostgreSQL in :mod:`toolkit.session.pgstore`; :func:`toolkit.session.backend.open_store`
picks one), :class:`Store` (the SQLite backend: open; read events with ``events``/``stream``;
append with ``append`` or a ``writing`` transaction; ``merge`` another store's events),
:class:`Event` (one committed event), :data:`EVENT_TYPES`, :data:`SEQ_REFERENCES`,
:data:`SCHEMA_VERSION` and :data:`MIGRATIONS`. Nothing is ever updated or deleted: undo,
edits and removals are events of their own.

Durability is the point of this module: SQLite in WAL mode with ``synchronous=FULL``, every
write in a ``BEGIN IMMEDIATE`` transaction, so that once :meth:`Store.append` (or a
:meth:`Store.writing` block) returns, the event survives a killed process. Several
processes may write at once; a busy database is waited for, never reported as "database is
locked". Each event carries a client event id, so a retried write is stored once.
"""

from __future__ import annotations

import gc
import itertools
import json
import os
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any, NamedTuple, Protocol, TypeVar

from toolkit.errors import CimisError
from toolkit.i18n import _

FILENAME = "session.db"

EVENT_TYPES: tuple[str, ...] = (
    "started",
    "step_entered",
    "timer_paused",
    "timer_resumed",
    "timer_extended",
    "captured",
    "edited",
    "removed",
    "undone",
    "finished",
    # presenter state (input open/closed, moderation, reveal, black screen) and moderation
    # decisions on held records; see toolkit.session.state.Presenter
    "presenter",
    "moderated",
    # a finished session opened again by the facilitator (the log keeps that it was finished)
    "reopened",
)

#: Payload keys whose value is the seq of an earlier event of the same session (an edit's
#: record, an undo's target). Seqs are local to a store, so copying events between stores
#: rewrites these through the events' client ids; a new event type that refers to another
#: event by seq adds its key here.
SEQ_REFERENCES: tuple[str, ...] = ("record_id", "target")
_REFERENCES = frozenset(SEQ_REFERENCES)


class _ClientIds:
    """Fresh client ids without a system call each: 80 random bits drawn once per process
    (again in a forked child) and a counter, 32 hex digits like ``uuid4().hex``. Unique
    across machines by the random part; not secret (a client id only makes resends
    harmless)."""

    def __init__(self) -> None:
        self._reset()
        if hasattr(os, "register_at_fork"):
            os.register_at_fork(after_in_child=self._reset)

    def _reset(self) -> None:
        self._prefix = uuid.uuid4().hex[:20]
        self._counter = itertools.count()

    def __call__(self) -> str:
        return f"{self._prefix}{next(self._counter) & 0xFFFFFFFFFFFF:012x}"


#: A new client id for an event written without one.
new_client_id = _ClientIds()


def has_references(payload: dict[str, Any]) -> bool:
    """Whether ``payload`` holds one of the :data:`SEQ_REFERENCES` keys."""
    return not _REFERENCES.isdisjoint(payload)

#: Schema migrations: ``MIGRATIONS[n]`` takes a store from version ``n`` to ``n + 1``.
#: Append only; never change a migration that has shipped.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE sessions (
               id TEXT PRIMARY KEY,
               created REAL NOT NULL
           )""",
        """CREATE TABLE events (
               seq INTEGER PRIMARY KEY AUTOINCREMENT,
               session TEXT NOT NULL REFERENCES sessions(id),
               type TEXT NOT NULL,
               item TEXT,
               step TEXT,
               payload TEXT NOT NULL DEFAULT '{}',
               author TEXT NOT NULL DEFAULT '',
               at REAL NOT NULL,
               client_id TEXT NOT NULL UNIQUE
           )""",
        "CREATE INDEX events_session ON events(session, seq)",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)

#: How long a writer waits for another process's transaction before giving up.
BUSY_TIMEOUT_SECONDS = 30.0
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6

T = TypeVar("T")


class Event(NamedTuple):
    """One committed event of a session's log (immutable; a named tuple because a resumed
    session builds one per stored event)."""

    seq: int
    session: str
    type: str
    item: str | None
    step: str | None
    payload: dict[str, Any]
    author: str = ""
    at: float = 0.0
    client_id: str = ""

    def as_dict(self) -> dict[str, Any]:
        return self._asdict()


class SessionEvent(NamedTuple):
    """What ``session_event`` observers receive: a committed event (the fields of
    :class:`Event`) and the workshop folder whose session it belongs to."""

    seq: int
    session: str
    type: str
    item: str | None
    step: str | None
    payload: dict[str, Any]
    author: str
    at: float
    client_id: str
    workshop: str


class MergeResult(NamedTuple):
    """What :meth:`SessionStore.merge` did: events ``added``, events already ``present``
    (same client id; nothing written), and the source seq -> this store's seq of every
    merged event."""

    added: int
    present: int
    seqs: dict[int, int]


class StoreWriter(Protocol):
    """What a :meth:`SessionStore.writing` block may do inside its transaction."""

    inserted: list[Event]

    def events_after(self, seq: int) -> list[Event]:
        """Events committed (by anyone) after ``seq``: catch up before deciding."""
        ...

    def insert(self, type: str, *, item: str | None = None, step: str | None = None,
               payload: dict[str, Any] | None = None, author: str = "", at: float = 0.0,
               client_id: str | None = None) -> tuple[Event, bool]:
        """Add one event; ``(event, True)``, or ``(the stored event, False)`` for a client
        id stored already."""
        ...


class SessionStore(Protocol):
    """The session log of one workshop, whatever holds it.

    Every backend keeps these promises: when :meth:`append` or a :meth:`writing` block
    returns, the events are committed durably (a killed client loses nothing it was told
    about); a client id is stored once per session (a resend returns the stored event);
    writers of one session are serialised, so a ``writing`` block decides on the latest
    state; seqs grow in commit order within a session. ``readonly`` stores never write
    and read a missing session as empty.
    """

    readonly: bool
    session_id: str

    @property
    def location(self) -> str:
        """Where the log lives, for messages (a file path, or a database URL without its
        password and the workshop's key)."""
        ...

    def writing(self) -> AbstractContextManager[StoreWriter]: ...

    def write(self, body: Callable[[StoreWriter], T]) -> T:
        """``body(writer)`` in a write transaction, like a :meth:`writing` block, and its
        result. ``body`` may run more than once: a store may first run it without the
        session's lock, trusting the caller to be up to date with the seq it passes to
        ``events_after`` (and commit it in one round trip when no one else wrote since),
        and run it again in a locked transaction when someone did. So ``body`` starts with
        ``events_after`` and changes nothing outside its writer until it returns."""
        ...

    def append(self, type: str, *, item: str | None = None, step: str | None = None,
               payload: dict[str, Any] | None = None, author: str = "", at: float | None = None,
               client_id: str | None = None) -> Event: ...

    def events(self, after: int = 0) -> list[Event]: ...

    def stream(self, after: int = 0) -> Iterator[Event]: ...

    def event_by_client_id(self, client_id: str) -> Event | None: ...

    def raw_events(self) -> list[tuple[Any, ...]]:
        """Every event as stored, payload unparsed: ``(seq, type, item, step, payload text,
        author, at, client id)``; for verifying a copy without decoding it."""
        ...

    def merge(self, events: Sequence[Event], *, origin: str = "",
              texts: Mapping[int, str] | None = None) -> MergeResult:
        """Add another store's events of the same session in one durable transaction:
        those whose client id is stored already are skipped, the others get this store's
        next seqs in the given order, and their :data:`SEQ_REFERENCES` are rewritten to
        this store's seqs. Merging the same events again adds nothing. ``texts`` may give
        the source's payload text by seq, kept as it is where the payload is unchanged."""
        ...

    def integrity_check(self) -> str: ...

    def close(self) -> None: ...

    def __enter__(self) -> SessionStore: ...

    def __exit__(self, *exc: object) -> None: ...


def plan_merge(events: Sequence[Event], present: dict[str, int], last_seq: int, session: str,
               texts: Mapping[int, str] | None = None) -> tuple[list[Event], list[str], MergeResult]:
    """The rows a backend writes to merge ``events`` after its ``last_seq``, given the seq
    of each of their client ids it holds already (``present``), and each row's payload
    text: the source's own text (``texts``, by source seq) when the payload is unchanged,
    else the payload written anew. Shared by the backends so that they merge alike."""
    seqs: dict[int, int] = {}
    rows: list[Event] = []
    payload_texts: list[str] = []
    next_seq = last_seq
    texts = texts or {}
    for event in events:
        found = present.get(event.client_id)
        if found is not None:
            seqs[event.seq] = found
            continue
        next_seq += 1
        seqs[event.seq] = next_seq
        payload = event.payload
        text = texts.get(event.seq)
        if not _REFERENCES.isdisjoint(payload):
            payload = dict(payload)
            for key in SEQ_REFERENCES:
                value = payload.get(key)
                if type(value) is int:
                    # a reference to an event outside the merged ones points nowhere (0)
                    # rather than at an unrelated event of this store
                    payload[key] = seqs.get(value, 0)
            text = None
        rows.append(_new(Event, (next_seq, session, event.type, event.item, event.step, payload, event.author,
                                 event.at, event.client_id)))
        payload_texts.append(dump_payload(payload) if text is None else text)
    return rows, payload_texts, MergeResult(len(rows), len(events) - len(rows), seqs)


# one encoder for every payload: json.dumps with options builds a new one per call
_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def dump_payload(payload: dict[str, Any] | None) -> str:
    """A payload as the compact JSON text the stores keep."""
    return _encode(payload or {})


_COLUMNS = "seq, session, type, item, step, payload, author, at, client_id"


# scan_once is set per instance in JSONDecoder.__init__, so typeshed does not declare it
_scan: Callable[[str, int], tuple[Any, int]] = json.JSONDecoder().scan_once  # type: ignore[attr-defined]
_new = tuple.__new__


def _payload(text: str) -> dict[str, Any]:
    # payloads are compact JSON objects this module wrote; the scanner alone reads them
    # (json.loads would run two regular expressions around it); anything else goes the
    # slow way, and what is not an object reads as empty
    try:
        value, end = _scan(text, 0)
        if end == len(text) and type(value) is dict:
            return value
    except (StopIteration, ValueError, TypeError):
        pass
    try:
        value = json.loads(text)
    except (ValueError, TypeError):
        return {}
    return value if isinstance(value, dict) else {}


def _event(row: Sequence[Any]) -> Event:
    seq, session, type_, item, step, payload, author, at, client_id = row
    return _new(Event, (seq, session, type_, item, step, _payload(payload), author, at, client_id))


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many acyclic objects (events,
    state): its full passes cost time in proportion to everything alive, which would make
    reading or folding a long log grow faster than linearly."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _is_busy(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (_SQLITE_BUSY, _SQLITE_LOCKED)
    text = str(exc).lower()
    return "locked" in text or "busy" in text


class Writer:
    """What a :meth:`Store.writing` block may do inside its transaction."""

    def __init__(self, store: Store):
        self._store = store
        self.inserted: list[Event] = []

    def events_after(self, seq: int) -> list[Event]:
        """Events committed (by anyone) after ``seq``: catch up before deciding."""
        return self._store._read_after(seq)

    def insert(self, type: str, *, item: str | None = None, step: str | None = None,
               payload: dict[str, Any] | None = None, author: str = "", at: float = 0.0,
               client_id: str | None = None) -> tuple[Event, bool]:
        """Add one event; ``(event, True)``, or ``(the stored event, False)`` when an event
        with ``client_id`` exists already (a retried write)."""
        if type not in EVENT_TYPES:
            raise ValueError(f"unknown event type {type!r}")
        client_id = client_id or new_client_id()
        store = self._store
        cur = store._db.execute(
            "INSERT INTO events (session, type, item, step, payload, author, at, client_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(client_id) DO NOTHING",
            (store.session_id, type, item, step, dump_payload(payload), author, at, client_id))
        if cur.rowcount == 0:
            existing = store.event_by_client_id(client_id)
            assert existing is not None
            return existing, False
        seq = cur.lastrowid
        assert seq is not None  # the row was inserted (rowcount 1)
        event = Event(seq, store.session_id, type, item, step, dict(payload or {}), author, at,
                      client_id)
        self.inserted.append(event)
        return event, True


class Store:
    """``session.db`` of one workshop folder.

    ``readonly=True`` opens an existing store for reading only (``status``, ``export``,
    archives on read-only media) and never creates one; a missing file then reads as an
    empty log.
    """

    def __init__(self, folder: Path | str, *, readonly: bool = False):
        self.folder = Path(folder)
        #: always this backend's name, for :func:`toolkit.session.backend.open_store` callers
        self.backend = "sqlite"
        self.path = self.folder / FILENAME
        self.readonly = readonly
        self._lock = threading.RLock()
        self._conn: sqlite3.Connection | None = None
        self.session_id = ""
        if not self.folder.is_dir():
            raise CimisError(_("workshop folder does not exist: {path}").format(path=self.folder))
        if readonly and not self.path.exists():
            return
        if not readonly:
            self._check_writable()
        with self._errors():
            self._open()

    @property
    def location(self) -> str:
        return str(self.path)

    # -- opening -------------------------------------------------------------------------

    def _check_writable(self) -> None:
        # os.access also reports read-only file systems (EROFS), even to root
        target = self.path if self.path.exists() else self.folder
        if not os.access(target, os.W_OK) or not os.access(self.folder, os.W_OK):
            raise CimisError(_("cannot write the session store {path}: the folder or file is read-only").format(
                path=self.path))

    def _open(self) -> None:
        if self.readonly:
            # read-only commands leave no trace: where the files are writable, a connection that
            # only reads (writing() refuses) removes the -wal/-shm files it needed when it closes
            writable = os.access(self.folder, os.W_OK) and os.access(self.path, os.W_OK)
            uri = f"{self.path.resolve().as_uri()}?mode={'rw' if writable else 'ro'}"
            conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None,
                                   check_same_thread=False)
        else:
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None,
                                   check_same_thread=False)
        self._conn = conn
        try:
            # reading the header first turns a garbage file into "file is not a database" here
            version = self._retry(lambda: conn.execute("PRAGMA user_version").fetchone()[0])
            if version > SCHEMA_VERSION:
                raise CimisError(_(
                    "{path} was written by a newer version of cimis (schema {found}, this version reads up to "
                    "{known}); update cimis to open it").format(path=self.path, found=version, known=SCHEMA_VERSION))
            if not self.readonly:
                self._retry(lambda: conn.execute("PRAGMA journal_mode=WAL").fetchone())
            conn.execute("PRAGMA synchronous=FULL")
            if version < SCHEMA_VERSION:
                if self.readonly:
                    raise CimisError(_("{path} needs an upgrade, which a read-only store cannot do").format(
                        path=self.path))
                self._migrate()
            self.session_id = self._session()
        except BaseException:
            conn.close()
            self._conn = None
            raise

    def _migrate(self) -> None:
        with self._transaction():
            # another process may have migrated while this one waited for the lock
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise CimisError(_("{path} was changed by a newer version of cimis while opening it").format(
                    path=self.path))
            for step in range(version, SCHEMA_VERSION):
                for statement in MIGRATIONS[step]:
                    self._db.execute(statement)
            self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _session(self) -> str:
        row = self._db.execute("SELECT id FROM sessions ORDER BY created, id LIMIT 1").fetchone()
        if row is not None or self.readonly:
            return row[0] if row else ""
        with self._transaction():
            row = self._db.execute("SELECT id FROM sessions ORDER BY created, id LIMIT 1").fetchone()
            if row is not None:
                found: str = row[0]
                return found
            session_id = uuid.uuid4().hex
            self._db.execute("INSERT INTO sessions (id, created) VALUES (?, ?)", (session_id, time.time()))
            return session_id

    # -- errors and retries --------------------------------------------------------------

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """SQLite errors become one clear message that names the file."""
        try:
            yield
        except CimisError:
            raise
        except sqlite3.Error as exc:
            text = str(exc)
            lowered = text.lower()
            if "not a database" in lowered or "malformed" in lowered or "corrupt" in lowered:
                message = _("{path} is damaged or not a session store ({error}); restore it from a backup or "
                            "move it away to start a new session").format(path=self.path, error=text)
            elif "readonly" in lowered or "read-only" in lowered:
                message = _("cannot write the session store {path}: it is read-only ({error})").format(
                    path=self.path, error=text)
            elif _is_busy(exc):
                message = _("the session store {path} stayed busy for {seconds} seconds; is another program "
                            "holding it?").format(path=self.path, seconds=int(BUSY_TIMEOUT_SECONDS))
            else:
                message = _("cannot use the session store {path}: {error}").format(path=self.path, error=text)
            raise CimisError(message) from None

    def _retry(self, fn: Callable[[], T]) -> T:
        # the busy timeout covers most waits; BEGIN and WAL recovery can still report BUSY
        # at once, so retry with a growing pause until the deadline
        deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
        pause = 0.001
        while True:
            try:
                return fn()
            except sqlite3.OperationalError as exc:
                if not _is_busy(exc) or time.monotonic() >= deadline:
                    raise
                time.sleep(pause)
                pause = min(pause * 2, 0.05)

    @property
    def _db(self) -> sqlite3.Connection:
        """The open connection: internal callers run only while the store is open."""
        conn = self._conn
        if conn is None:
            raise RuntimeError("the session store is not open")
        return conn

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        conn = self._db
        self._retry(lambda: conn.execute("BEGIN IMMEDIATE"))
        try:
            yield
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        try:
            conn.execute("COMMIT")
        except BaseException:
            # a failed COMMIT may leave the transaction open; nothing of it was acknowledged
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    # -- writing -------------------------------------------------------------------------

    @contextmanager
    def writing(self) -> Iterator[Writer]:
        """A write transaction: everything inserted in the block commits together, durably,
        when the block ends; an exception rolls it all back."""
        if self.readonly or self._conn is None:
            raise CimisError(_("cannot write the session store {path}: it was opened read-only").format(
                path=self.path))
        with self._lock, self._errors(), self._transaction():
            yield Writer(self)

    def write(self, body: Callable[[StoreWriter], T]) -> T:
        """See :meth:`SessionStore.write`: SQLite's write lock costs nothing to take, so
        ``body`` runs once, in a :meth:`writing` block."""
        with self.writing() as tx:
            return body(tx)

    def append(self, type: str, *, item: str | None = None, step: str | None = None,
               payload: dict[str, Any] | None = None, author: str = "", at: float | None = None,
               client_id: str | None = None) -> Event:
        """Commit one event durably and return it (the stored one for a retried client id)."""
        with self.writing() as tx:
            event, _new = tx.insert(type, item=item, step=step, payload=payload, author=author,
                                    at=time.time() if at is None else at, client_id=client_id)
        return event

    # -- reading -------------------------------------------------------------------------

    _SELECT = ("SELECT seq, type, item, step, payload, author, at, client_id FROM events "
               # "+session" keeps SQLite on the rowid range instead of the index: the same
               # rows, read in one sweep
               "WHERE +session = ? AND seq > ? ORDER BY seq")

    def _rows_to_events(self, rows: Iterable[Sequence[Any]]) -> Iterator[Event]:
        session, new, payload = self.session_id, _new, _payload
        for seq, type_, item, step, text, author, at, client_id in rows:
            yield new(Event, (seq, session, type_, item, step, payload(text), author, at, client_id))

    def _read_after(self, seq: int) -> list[Event]:
        rows = self._db.execute(self._SELECT, (self.session_id, seq)).fetchall()
        with gc_paused():
            return list(self._rows_to_events(rows))

    def events(self, after: int = 0) -> list[Event]:
        """Every event after ``after`` (a seq), oldest first."""
        if self._conn is None:
            return []
        with self._lock, self._errors():
            return self._retry(lambda: self._read_after(after))

    def stream(self, after: int = 0) -> Iterator[Event]:
        """Like :meth:`events`, one event at a time: folding a long log while it is read
        keeps memory flat and resuming fast."""
        if self._conn is None:
            return
        with self._lock, self._errors():
            # a busy database shows on the first step, which execute() runs: retry that
            cursor = self._retry(lambda: self._db.execute(self._SELECT, (self.session_id, after)))
            yield from self._rows_to_events(cursor)

    def raw_events(self) -> list[tuple[Any, ...]]:
        """See :meth:`SessionStore.raw_events`."""
        if self._conn is None:
            return []
        conn = self._conn
        with self._lock, self._errors():
            return self._retry(lambda: conn.execute(self._SELECT, (self.session_id, 0)).fetchall())

    def event_by_client_id(self, client_id: str) -> Event | None:
        if self._conn is None:
            return None
        row = self._db.execute(f"SELECT {_COLUMNS} FROM events WHERE client_id = ?", (client_id,)).fetchone()
        return _event(row) if row else None

    def merge(self, events: Sequence[Event], *, origin: str = "",
              texts: Mapping[int, str] | None = None) -> MergeResult:
        """See :meth:`SessionStore.merge` (``origin`` is not kept in SQLite)."""
        for event in events:
            if event.type not in EVENT_TYPES:
                raise CimisError(_("event {seq} has the unknown type '{type}'").format(seq=event.seq, type=event.type))
        with self.writing():
            conn = self._conn
            assert conn is not None
            present: dict[str, int] = {}
            ids = [event.client_id for event in events]
            for start in range(0, len(ids), 500):
                chunk = ids[start:start + 500]
                marks = ",".join("?" * len(chunk))
                present.update(conn.execute(
                    f"SELECT client_id, seq FROM events WHERE client_id IN ({marks})", chunk).fetchall())
            last = conn.execute("SELECT coalesce(max(seq), 0) FROM events").fetchone()[0]
            # AUTOINCREMENT never hands out a seq again, even one whose event was rolled back
            counter = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'events'").fetchone()
            rows, payload_texts, result = plan_merge(events, present, max(last, counter[0] if counter else 0),
                                                     self.session_id, texts)
            conn.executemany(
                "INSERT INTO events (seq, session, type, item, step, payload, author, at, client_id) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(e.seq, e.session, e.type, e.item, e.step, text, e.author, e.at, e.client_id)
                 for e, text in zip(rows, payload_texts)])
        return result

    def integrity_check(self) -> str:
        """``ok``, or what SQLite found wrong."""
        if self._conn is None:
            return "ok"
        with self._lock, self._errors():
            rows = self._db.execute("PRAGMA integrity_check").fetchall()
        return "\n".join(str(r[0]) for r in rows)

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
