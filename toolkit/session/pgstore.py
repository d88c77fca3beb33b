"""The PostgreSQL session store: many workshops' logs in one database, for programmes whose
regions run events at the same time and an office that watches all of them.

Provides :class:`PgStore` (a :class:`toolkit.session.store.SessionStore` for one workshop's
session), :func:`connect` (a checked connection with the durability settings), and
:func:`redact` (a URL without its password, for messages).

The event schema is SQLite's (``seq, session, type, item, step, payload, author, at,
client_id``) in the database schema ``cimis``; a session belongs to a *workshop key*
(``programme/event`` or the folder's name) so that every machine running that workshop
writes into the same session. The guarantees are the SQLite store's:

- acknowledged means committed: a write returns after ``COMMIT`` with
  ``synchronous_commit=on``, so the server has flushed it; a client killed before that
  leaves no trace (the server rolls the transaction back);
- a client id is stored once per session (``UNIQUE (session, client_id)``), so resends are
  harmless;
- writers of one session are serialised by a row lock on the session, so a write decides
  on the latest state and seqs grow in commit order; writers of different sessions never
  wait for each other. A :meth:`PgStore.writing` block takes the lock first (``SELECT ...
  FOR UPDATE``); :meth:`PgStore.write` (the engine's path) decides first and commits with
  one statement that takes the lock and writes only if no one wrote since the state it
  decided on, else decides again on what it reads back, and takes the lock first after
  a few lost races.

psycopg 3 is imported only when a PostgreSQL store is used.
"""

from __future__ import annotations

import re
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from typing import TYPE_CHECKING, Any

from toolkit.errors import CimisError
from toolkit.i18n import _
from toolkit.session.store import (
    EVENT_TYPES,
    Event,
    MergeResult,
    StoreWriter,
    T,
    _payload,
    dump_payload,
    gc_paused,
    new_client_id,
    plan_merge,
)

if TYPE_CHECKING:
    import psycopg

SCHEMA = "cimis"

#: ``MIGRATIONS[n]`` takes the database schema from version ``n`` to ``n + 1``; append only.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}",
        f"""CREATE TABLE {SCHEMA}.meta (
               key TEXT PRIMARY KEY,
               value TEXT NOT NULL
           )""",
        f"""CREATE TABLE {SCHEMA}.sessions (
               id TEXT PRIMARY KEY,
               workshop TEXT NOT NULL UNIQUE,
               created DOUBLE PRECISION NOT NULL,
               last_seq BIGINT NOT NULL DEFAULT 0
           )""",
        f"""CREATE TABLE {SCHEMA}.events (
               session TEXT NOT NULL REFERENCES {SCHEMA}.sessions(id),
               seq BIGINT NOT NULL,
               type TEXT NOT NULL,
               item TEXT,
               step TEXT,
               payload TEXT NOT NULL DEFAULT '{{}}',
               author TEXT NOT NULL DEFAULT '',
               at DOUBLE PRECISION NOT NULL,
               client_id TEXT NOT NULL,
               origin TEXT NOT NULL DEFAULT '',
               PRIMARY KEY (session, seq),
               UNIQUE (session, client_id)
           )""",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)

#: Any constant: the advisory lock that makes concurrent first connections migrate once.
_MIGRATION_LOCK = 0x63696D6973  # "cimis"
CONNECT_TIMEOUT_SECONDS = 10

_PASSWORD = re.compile(r"(://[^:/@]*:)[^@]*@")


def redact(url: str) -> str:
    """``url`` without its password."""
    return _PASSWORD.sub(r"\1***@", url)


def is_postgres_url(value: str) -> bool:
    return value.startswith(("postgresql://", "postgres://"))


def _clean(value: str | None, field: str) -> str | None:
    # PostgreSQL text cannot hold NUL; say which field instead of a driver error
    if value is not None and "\x00" in value:
        raise CimisError(_("the {field} of an event contains a NUL character, which PostgreSQL cannot store").format(
            field=field))
    return value


def connect(url: str, *, readonly: bool = False) -> psycopg.Connection[Any]:
    """A connection in autocommit mode (transactions are explicit) with ``synchronous_commit``
    on whatever the server's default; a clear message when the server cannot be reached."""
    try:
        import psycopg
    except ImportError:
        raise CimisError(
            _("a PostgreSQL store needs psycopg; install it with: pip install 'psycopg[binary]'")) from None
    try:
        conn = psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_SECONDS,
                               application_name="cimis")
    except psycopg.Error as exc:
        raise CimisError(_("cannot reach the session database {url}: {error}").format(
            url=redact(url), error=str(exc).strip())) from None
    except Exception as exc:  # noqa: BLE001 - libpq rejects a malformed URL with ProgrammingError or ValueError
        raise CimisError(_("cannot reach the session database {url}: {error}").format(
            url=redact(url), error=str(exc).strip())) from None
    try:
        conn.execute("SET synchronous_commit TO on")
        if readonly:
            conn.execute("SET default_transaction_read_only TO on")
    except psycopg.Error as exc:
        conn.close()
        raise CimisError(_("cannot use the session database {url}: {error}").format(
            url=redact(url), error=str(exc).strip())) from None
    return conn


def ensure_schema(conn: psycopg.Connection[Any], url: str, *, readonly: bool = False) -> bool:
    """Create or upgrade the ``cimis`` schema; ``False`` when a read-only connection finds
    none. A database from a newer cimis is refused."""

    def version() -> int:
        row = conn.execute("SELECT to_regclass(%s)", (f"{SCHEMA}.meta",)).fetchone()
        if row is None or row[0] is None:
            return 0
        found = conn.execute(f"SELECT value FROM {SCHEMA}.meta WHERE key = 'schema'").fetchone()
        return int(found[0]) if found else 0

    current = version()
    if current > SCHEMA_VERSION:
        raise CimisError(_("the session database {url} was written by a newer version of cimis (schema {found}, "
                           "this version reads up to {known}); update cimis to use it").format(
            url=redact(url), found=current, known=SCHEMA_VERSION))
    if current == SCHEMA_VERSION:
        return True
    if readonly:
        return False
    # a session-level lock, and the check in a transaction begun after it: the catalogue is
    # read afresh at a transaction's start, so a schema another client created while this
    # one waited is seen (a lock taken inside the transaction would leave a stale "no such
    # table" in the catalogue cache)
    conn.execute("SELECT pg_advisory_lock(%s)", (_MIGRATION_LOCK,))
    try:
        with conn.transaction():
            current = version()
            for step in range(current, SCHEMA_VERSION):
                for statement in MIGRATIONS[step]:
                    conn.execute(statement)
            conn.execute(f"INSERT INTO {SCHEMA}.meta (key, value) VALUES ('schema', %s) "
                         "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value", (str(SCHEMA_VERSION),))
    finally:
        conn.execute("SELECT pg_advisory_unlock(%s)", (_MIGRATION_LOCK,))
    return True


def sessions(url: str) -> list[tuple[str, str, int]]:
    """``(workshop key, session id, events)`` of every session in the database."""
    conn = connect(url, readonly=True)
    try:
        with _errors(url):
            if not ensure_schema(conn, url, readonly=True):
                return []
            rows = conn.execute(
                f"SELECT s.workshop, s.id, (SELECT count(*) FROM {SCHEMA}.events e WHERE e.session = s.id) "
                f"FROM {SCHEMA}.sessions s ORDER BY s.workshop").fetchall()
        return [(str(w), str(i), int(n)) for w, i, n in rows]
    finally:
        conn.close()


@contextmanager
def _errors(url: str) -> Iterator[None]:
    """Database errors become one clear message naming the database."""
    import psycopg

    try:
        yield
    except CimisError:
        raise
    except psycopg.errors.ReadOnlySqlTransaction:
        raise CimisError(_("cannot write the session database {url}: it was opened read-only").format(
            url=redact(url))) from None
    except psycopg.OperationalError as exc:
        raise CimisError(_("lost the connection to the session database {url} ({error}); nothing unconfirmed "
                           "was kept: send it again").format(url=redact(url), error=str(exc).strip())) from None
    except psycopg.Error as exc:
        raise CimisError(_("cannot use the session database {url}: {error}").format(
            url=redact(url), error=str(exc).strip())) from None


_SELECT = (f"SELECT seq, type, item, step, payload, author, at, client_id FROM {SCHEMA}.events "
           "WHERE session = %s AND seq > %s ORDER BY seq")
_COLUMNS = "seq, session, type, item, step, payload, author, at, client_id"
_INSERT = (f"WITH ins AS (INSERT INTO {SCHEMA}.events "
           "(session, seq, type, item, step, payload, author, at, client_id, origin) "
           "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT (session, client_id) DO NOTHING "
           "RETURNING seq) "
           f"UPDATE {SCHEMA}.sessions SET last_seq = ins.seq FROM ins WHERE {SCHEMA}.sessions.id = %s "
           "RETURNING ins.seq")


# One statement, so one round trip and an implicit transaction: take the session's row lock
# while counting on (waiting for another writer if need be), insert, commit. A resend of a
# stored client id inserts nothing and leaves its counter value unused.
_APPEND = (f"WITH n AS (UPDATE {SCHEMA}.sessions SET last_seq = last_seq + 1 WHERE id = %s RETURNING last_seq) "
           f"INSERT INTO {SCHEMA}.events (session, seq, type, item, step, payload, author, at, client_id, origin) "
           "SELECT %s, n.last_seq, %s, %s, %s, %s, %s, %s, %s, %s FROM n "
           "ON CONFLICT (session, client_id) DO NOTHING RETURNING seq")


# An event with a freshly generated client id cannot meet a stored one, so it is inserted
# without ON CONFLICT and without waiting for the answer: in pipeline mode the statement
# travels with the COMMIT, and should it fail anyway the whole block fails at the COMMIT's
# sync, before anything is acknowledged.
_INSERT_FRESH = (f"WITH ins AS (INSERT INTO {SCHEMA}.events "
                 "(session, seq, type, item, step, payload, author, at, client_id, origin) "
                 "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s) RETURNING seq) "
                 f"UPDATE {SCHEMA}.sessions SET last_seq = ins.seq FROM ins WHERE {SCHEMA}.sessions.id = %s")


# The optimistic commit of a write block (see PgStore.write): one statement, so one round
# trip and an implicit transaction. It moves the session's counter only if it still stands
# where the writer's caller had caught up to (waiting for the row lock if another writer
# holds it, and then seeing that writer's counter), and inserts the rows only then; no row
# inserted means someone wrote first. No ON CONFLICT: a client id stored already fails the
# statement, and the locked path answers it with the stored event.
_OPTIMISTIC = (f"WITH n AS (UPDATE {SCHEMA}.sessions SET last_seq = %s WHERE id = %s AND last_seq = %s RETURNING id) "
               f"INSERT INTO {SCHEMA}.events (session, seq, type, item, step, payload, author, at, client_id, origin) "
               "SELECT n.id, v.seq, v.type, v.item, v.step, v.payload, v.author, v.at, v.client_id, v.origin "
               "FROM n, (VALUES {rows}) AS v(seq, type, item, step, payload, author, at, client_id, origin)")
_OPTIMISTIC_ROW = "(%s::bigint, %s::text, %s::text, %s::text, %s::text, %s::text, %s::float8, %s::text, %s::text)"
_optimistic_statements: dict[int, str] = {}


#: Attempts without the lock before a write takes it, and how many writes after a lost race
#: read back what other writers added (a session several machines write into at once).
_ATTEMPTS = 4
_CONTENDED_WRITES = 16


class _Stale(Exception):
    """The optimistic attempt cannot be used: take the session's lock instead."""


class _OptimisticWriter:
    """A :meth:`PgStore.write` body's writer before any lock is taken: ``events_after``
    trusts the caller (nothing to read; or, after an attempt that lost to another writer,
    hands out the events read back then) and remembers where it stands, ``insert`` collects
    the rows with the seqs they get when no one wrote since."""

    def __init__(self, store: PgStore, known: tuple[int, list[Event]] | None = None):
        self._store = store
        self._known = known  # (the seq they were read after, the events)
        self._expected: int | None = None
        self.rows: list[tuple[Any, ...]] = []
        self.inserted: list[Event] = []

    @property
    def expected(self) -> int | None:
        return self._expected

    def events_after(self, seq: int) -> list[Event]:
        if self._expected is not None or self.rows:
            raise _Stale  # a body that looks twice is not the simple case this path serves
        if self._known is None:
            self._expected = seq
            return []
        after, events = self._known
        if seq != after:
            raise _Stale  # not where the read began: the lock's path reads what is needed
        self._expected = events[-1].seq if events else seq
        return events

    def insert(self, type: str, *, item: str | None = None, step: str | None = None,
               payload: dict[str, Any] | None = None, author: str = "", at: float = 0.0,
               client_id: str | None = None) -> tuple[Event, bool]:
        if type not in EVENT_TYPES:
            raise ValueError(f"unknown event type {type!r}")
        if self._expected is None:
            raise _Stale
        store = self._store
        seq = self._expected + len(self.rows) + 1
        client_id = client_id or new_client_id()
        self.rows.append((seq, type, _clean(item, "item"), _clean(step, "step"), dump_payload(payload),
                          _clean(author, "author"), at, _clean(client_id, "client id"), store.origin))
        event = Event(seq, store.session_id, type, item, step, dict(payload or {}), author, at, client_id)
        self.inserted.append(event)
        return event, True

    def commit(self, read_back: bool = False) -> tuple[bool, list[Event] | None]:
        """Write the collected rows if no one wrote since: whether that happened, and with
        ``read_back`` the events after the expected seq, read in the same round trip just
        after the write (with a snapshot of their own, so they include the writer that came
        first), for the next attempt."""
        store = self._store
        conn = store._connection()
        if not self.rows:
            # nothing to write is an answer only if the state it was decided on is current
            if self._expected is None:
                return True, None
            row = conn.execute(f"SELECT last_seq FROM {SCHEMA}.sessions WHERE id = %s",
                               (store.session_id,)).fetchone()
            return row is not None and int(row[0]) == self._expected, None
        expected = self._expected
        assert expected is not None  # insert refuses to collect rows before events_after
        n = len(self.rows)
        statement = _optimistic_statements.get(n)
        if statement is None:
            statement = _optimistic_statements[n] = _OPTIMISTIC.replace("{rows}", ", ".join([_OPTIMISTIC_ROW] * n))
        params: list[Any] = [expected + n, store.session_id, expected]
        for row in self.rows:
            params.extend(row)
        if not read_back:
            return conn.execute(statement, params).rowcount == n, None
        # both statements go out together and commit at the pipeline's sync (one implicit
        # transaction), which the block's end waits for. Not prepared: when the insert fails
        # (a resent client id), the server skips the rest of the pipeline, a PREPARE in it
        # too, and psycopg would take the statement for prepared
        with conn.pipeline():
            written = conn.execute(statement, params, prepare=False)
            since = conn.execute(_SELECT, (store.session_id, expected), prepare=False)
        if written.rowcount == n:
            return True, None
        return False, store._rows_to_events(since.fetchall())


class PgWriter:
    """What a :meth:`PgStore.writing` block may do inside its transaction (it holds the
    session's row lock)."""

    def __init__(self, store: PgStore, last_seq: int, pipelined: bool = False):
        self._store = store
        self._last = last_seq
        self._pipelined = pipelined
        self.inserted: list[Event] = []

    def events_after(self, seq: int) -> list[Event]:
        if seq >= self._last:
            return []  # the caller is up to date with what the lock showed: no query needed
        return self._store._read_after(seq)

    def insert(self, type: str, *, item: str | None = None, step: str | None = None,
               payload: dict[str, Any] | None = None, author: str = "", at: float = 0.0,
               client_id: str | None = None) -> tuple[Event, bool]:
        if type not in EVENT_TYPES:
            raise ValueError(f"unknown event type {type!r}")
        store = self._store
        conn = store._connection()
        seq = self._last + 1
        if client_id is None and self._pipelined:
            client_id = new_client_id()
            conn.execute(_INSERT_FRESH, (
                store.session_id, seq, type, _clean(item, "item"), _clean(step, "step"), dump_payload(payload),
                _clean(author, "author"), at, client_id, store.origin, store.session_id))
            self._last = seq
            event = Event(seq, store.session_id, type, item, step, dict(payload or {}), author, at, client_id)
            self.inserted.append(event)
            return event, True
        client_id = client_id or new_client_id()
        row = conn.execute(_INSERT, (
            store.session_id, seq, type, _clean(item, "item"), _clean(step, "step"), dump_payload(payload),
            _clean(author, "author"), at, _clean(client_id, "client id"), store.origin, store.session_id)).fetchone()
        if row is None:
            existing = store._by_client_id(client_id)
            assert existing is not None
            return existing, False
        self._last = seq
        event = Event(seq, store.session_id, type, item, step, dict(payload or {}), author, at, client_id)
        self.inserted.append(event)
        return event, True


class PgStore:
    """The session of workshop ``key`` in the PostgreSQL database at ``url``.

    ``origin`` is kept with every event this store writes (which machine or store it came
    from). ``readonly=True`` never creates the schema or the session; a missing one reads
    as an empty log.
    """

    def __init__(self, url: str, key: str, *, readonly: bool = False, origin: str = ""):
        self.url = url
        self.key = key
        self.readonly = readonly
        self.origin = origin
        self.backend = "postgresql"
        self.session_id = ""
        self._lock = threading.RLock()
        #: :meth:`write` calls that had to catch up under the lock (another writer came first)
        self.relocked = 0
        #: writes to go on reading back what others wrote, after another writer came first
        self._contended = 0
        self._conn: psycopg.Connection[Any] | None = connect(url, readonly=readonly)
        try:
            with _errors(url):
                if ensure_schema(self._conn, url, readonly=readonly):
                    self.session_id = self._session()
        except BaseException:
            self.close()
            raise

    @property
    def location(self) -> str:
        return f"{redact(self.url)}#{self.key}"

    @property
    def path(self) -> str:
        """The same as :attr:`location`, for callers written for the SQLite store's ``path``."""
        return self.location

    def _session(self) -> str:
        conn = self._connection()
        row = conn.execute(f"SELECT id FROM {SCHEMA}.sessions WHERE workshop = %s", (self.key,)).fetchone()
        if row is not None or self.readonly:
            return str(row[0]) if row else ""
        conn.execute(f"INSERT INTO {SCHEMA}.sessions (id, workshop, created) VALUES (%s, %s, %s) "
                     "ON CONFLICT (workshop) DO NOTHING", (uuid.uuid4().hex, self.key, time.time()))
        row = conn.execute(f"SELECT id FROM {SCHEMA}.sessions WHERE workshop = %s", (self.key,)).fetchone()
        assert row is not None
        return str(row[0])

    def _connection(self) -> psycopg.Connection[Any]:
        if self._conn is None:
            raise CimisError(_("the session database {url} is closed").format(url=self.location))
        return self._conn

    # -- writing -------------------------------------------------------------------------

    @contextmanager
    def writing(self) -> Iterator[PgWriter]:
        """A write transaction holding the session's lock: everything inserted in the block
        commits together when it ends; an exception rolls it all back."""
        with self._locked(pipelined=True) as writer:
            yield writer

    @contextmanager
    def _locked(self, *, pipelined: bool) -> Iterator[PgWriter]:
        if self.readonly or self._conn is None or not self.session_id:
            raise CimisError(_("cannot write the session database {url}: it was opened read-only").format(
                url=self.location))
        conn = self._conn
        with self._lock, _errors(self.url), ExitStack() as stack:
            if pipelined:
                # pipeline mode sends BEGIN with the lock's query and COMMIT without a round
                # trip of its own; the block still returns only after the server confirmed
                # the COMMIT (the pipeline's end waits for it and raises if it failed).
                # COPY cannot run in a pipeline, so merges take the plain path.
                stack.enter_context(conn.pipeline())
            stack.enter_context(conn.transaction())
            row = conn.execute(f"SELECT last_seq FROM {SCHEMA}.sessions WHERE id = %s FOR UPDATE",
                               (self.session_id,)).fetchone()
            if row is None:
                raise CimisError(_("the session of {url} was removed from the database").format(url=self.location))
            yield PgWriter(self, int(row[0]), pipelined)

    def write(self, body: Callable[[StoreWriter], T]) -> T:
        """See :meth:`toolkit.session.store.SessionStore.write`. First ``body`` runs with a
        writer that trusts the caller to be up to date and its rows go out in one statement
        that commits them only if the session's counter has not moved (one round trip, as
        many as a bare insert). When another writer came first, ``body`` runs again on the
        events read back (in the same round trip as the failed write once the session is
        known to have other writers), up to :data:`_ATTEMPTS` times; when the body raised,
        a client id was stored already, or the races were lost, it runs in a locked
        transaction that catches up first."""
        if self.readonly or self._conn is None or not self.session_id:
            raise CimisError(_("cannot write the session database {url}: it was opened read-only").format(
                url=self.location))
        import psycopg

        with self._lock:
            known: tuple[int, list[Event]] | None = None
            for attempt in range(_ATTEMPTS):
                optimistic = _OptimisticWriter(self, known)
                try:
                    result = body(optimistic)
                except Exception:  # noqa: BLE001 - decided on a state that may be behind: decide again, caught up
                    break
                # a session other writers use too: read back what came since with each write
                read_back = self._contended > 0 or attempt > 0
                with _errors(self.url):
                    try:
                        done, since = optimistic.commit(read_back)
                    except psycopg.errors.UniqueViolation:
                        break  # a resent client id: the locked path returns the stored event
                    if done:
                        if attempt == 0 and self._contended:
                            self._contended -= 1
                        return result
                    self._contended = _CONTENDED_WRITES
                    expected = optimistic.expected
                    if expected is None:
                        break
                    if since is None:
                        since = self._read_after(expected)
                known = (expected, since)
            self.relocked += 1
            with self._locked(pipelined=True) as writer:
                return body(writer)

    def append(self, type: str, *, item: str | None = None, step: str | None = None,
               payload: dict[str, Any] | None = None, author: str = "", at: float | None = None,
               client_id: str | None = None) -> Event:
        """Commit one event durably and return it (the stored one for a retried client id);
        the same as a :meth:`writing` block with one insert, in one round trip."""
        if type not in EVENT_TYPES:
            raise ValueError(f"unknown event type {type!r}")
        if self.readonly or self._conn is None or not self.session_id:
            raise CimisError(_("cannot write the session database {url}: it was opened read-only").format(
                url=self.location))
        client_id = client_id or new_client_id()
        at = time.time() if at is None else at
        conn = self._conn
        with self._lock, _errors(self.url):
            row = conn.execute(_APPEND, (
                self.session_id, self.session_id, type, _clean(item, "item"), _clean(step, "step"),
                dump_payload(payload), _clean(author, "author"), at, _clean(client_id, "client id"),
                self.origin)).fetchone()
            if row is None:
                existing = self._by_client_id(client_id)
                if existing is None:
                    raise CimisError(_("the session of {url} was removed from the database").format(url=self.location))
                return existing
        return Event(int(row[0]), self.session_id, type, item, step, dict(payload or {}), author, at, client_id)

    def merge(self, events: Sequence[Event], *, origin: str = "",
              texts: Mapping[int, str] | None = None) -> MergeResult:
        """See :meth:`toolkit.session.store.SessionStore.merge`; written with ``COPY``."""
        for event in events:
            if event.type not in EVENT_TYPES:
                raise CimisError(_("event {seq} has the unknown type '{type}'").format(seq=event.seq, type=event.type))
            for value, field in ((event.item, "item"), (event.step, "step"), (event.author, "author"),
                                 (event.client_id, "client id")):
                _clean(value, field)
        with self._locked(pipelined=False) as tx:
            conn = self._connection()
            with conn.cursor() as cur:
                present: dict[str, int] = {}
                if tx._last:
                    # the session's client ids: one sweep of its index, cheaper than sending
                    # the incoming ids to the server for a join
                    wanted = {event.client_id for event in events}
                    cur.execute(f"SELECT client_id, seq FROM {SCHEMA}.events WHERE session = %s", (self.session_id,))
                    present = {c: int(s) for c, s in cur.fetchall() if c in wanted}
                rows, payload_texts, result = plan_merge(events, present, tx._last, self.session_id, texts)
                source = origin or self.origin
                with cur.copy(f"COPY {SCHEMA}.events (session, seq, type, item, step, payload, author, at, "
                              "client_id, origin) FROM STDIN") as copy:
                    for e, text in zip(rows, payload_texts):
                        copy.write_row((e.session, e.seq, e.type, e.item, e.step, text, e.author, e.at, e.client_id,
                                        source))
                if rows:
                    cur.execute(f"UPDATE {SCHEMA}.sessions SET last_seq = %s WHERE id = %s",
                                (rows[-1].seq, self.session_id))
        return result

    # -- reading -------------------------------------------------------------------------

    def _rows_to_events(self, rows: Sequence[Sequence[Any]]) -> list[Event]:
        session, new, payload = self.session_id, tuple.__new__, _payload
        with gc_paused():
            return [new(Event, (seq, session, type_, item, step, payload(text), author, at, client_id))
                    for seq, type_, item, step, text, author, at, client_id in rows]

    def _read_after(self, seq: int) -> list[Event]:
        rows = self._connection().execute(_SELECT, (self.session_id, seq)).fetchall()
        return self._rows_to_events(rows)

    def events(self, after: int = 0) -> list[Event]:
        """Every event after ``after`` (a seq), oldest first."""
        if self._conn is None or not self.session_id:
            return []
        with self._lock, _errors(self.url):
            return self._read_after(after)

    def raw_events(self) -> list[tuple[Any, ...]]:
        """See :meth:`toolkit.session.store.SessionStore.raw_events`."""
        if self._conn is None or not self.session_id:
            return []
        with self._lock, _errors(self.url):
            return [tuple(row) for row in self._connection().execute(_SELECT, (self.session_id, 0)).fetchall()]

    def stream(self, after: int = 0) -> Iterator[Event]:
        """Like :meth:`events` (the rows are fetched at once; the log is folded as it is
        handed out)."""
        yield from self.events(after)

    def _by_client_id(self, client_id: str) -> Event | None:
        row = self._connection().execute(
            f"SELECT {_COLUMNS} FROM {SCHEMA}.events WHERE session = %s AND client_id = %s",
            (self.session_id, client_id)).fetchone()
        if row is None:
            return None
        seq, session, type_, item, step, text, author, at, cid = row
        return Event(seq, session, type_, item, step, _payload(text), author, at, cid)

    def event_by_client_id(self, client_id: str) -> Event | None:
        if self._conn is None or not self.session_id or "\x00" in client_id:
            return None
        with self._lock, _errors(self.url):
            return self._by_client_id(client_id)

    def has_events(self) -> bool:
        """Whether the session has any event (one index probe, not a read of the log)."""
        if self._conn is None or not self.session_id:
            return False
        with self._lock, _errors(self.url):
            return self._connection().execute(f"SELECT 1 FROM {SCHEMA}.events WHERE session = %s LIMIT 1",
                                              (self.session_id,)).fetchone() is not None

    def integrity_check(self) -> str:
        """``ok``, or what is wrong with this session's rows: seqs must match the session's
        counter and every payload must be a JSON object."""
        if self._conn is None or not self.session_id:
            return "ok"
        with self._lock, _errors(self.url):
            conn = self._connection()
            problems = []
            row = conn.execute(
                f"SELECT s.last_seq, coalesce(max(e.seq), 0) FROM {SCHEMA}.sessions s "
                f"LEFT JOIN {SCHEMA}.events e ON e.session = s.id WHERE s.id = %s GROUP BY s.last_seq",
                (self.session_id,)).fetchone()
            if row is not None and int(row[1]) > int(row[0]):
                problems.append(f"seq {row[1]} beyond the session's counter {row[0]}")
            for seq, text in conn.execute(f"SELECT seq, payload FROM {SCHEMA}.events WHERE session = %s",
                                          (self.session_id,)):
                if not text.startswith("{") or (_payload(text) == {} and text.strip() != "{}"):
                    problems.append(f"event {seq}: payload is not a JSON object")
        return "\n".join(problems) or "ok"

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> PgStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
