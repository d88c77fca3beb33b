"""The PostgreSQL store: four sites capturing into one database at once, and pushing a long
offline session.

Targets, each a ratio against a baseline measured in the same run on the same throw-away
server (started here with Debian's PostgreSQL, stopped at the end):

- acknowledgement latency: four processes (the four regions' sites) each commit captures
  into their own session of one database through ``PgStore.append`` (the session's row
  lock, the idempotent insert, ``COMMIT`` with ``synchronous_commit=on``). Each capture is
  paired with a bare psycopg ``INSERT`` (autocommit, one statement, the same table layout
  and durability) by the same process just before it, so that the load of the machine hits
  both alike; p50 and p99 of the two are compared: goal <= 1.5x;
  the engine's whole capture path (``Engine.capture``: validation, the kind's rule in its
  incremental form, the check that no other writer came first, the commit) is timed in the
  same loop against the same bare inserts, with the same goal;
- pushing a 100,000-event session from a laptop's ``session.db`` into the database with
  ``cimis store push``'s code (merge with ``COPY``, read back, compare checksums): goal
  >= 20,000 events/s; printed beside a bare ``COPY`` of the same rows.

``python -m benchmarks.bench_pgstore`` (``--quick`` for a smoke run, ``--strict`` to exit 1
when a target is missed). The last line is the figures as JSON.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import queue
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.pgcluster import Cluster, Unavailable

SITES = ("dresden", "meissen", "lausitz", "erzgebirge")
PAYLOAD = {"kind": "bench-note", "record": {"text": "turn the paper job sheet into a digital process",
                                            "tag": "process"}}


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


# -- acknowledgements ------------------------------------------------------------------------

def incremental(kind: Any) -> Any:
    """The store benchmark's kind with its "cards per person" rule in the incremental form
    every built-in kind with such a rule has (``rule_state``; see ``toolkit.capture.kinds.cards``):
    the sites measure the capture path against the database, not a rule that reads the
    whole step on each capture (``bench_capture`` measures that one)."""
    from toolkit.capture.base import RuleState

    class PerPerson(RuleState):
        def __init__(self, options: Any):
            self.options = options
            self.written: dict[str | None, int] = {}

        def add(self, captured: Any) -> None:
            self.written[captured.author] = self.written.get(captured.author, 0) + 1

        def check(self, record: Any) -> str | None:
            mine = self.written.get(getattr(record, "author", None), 0)
            return "too many" if mine >= self.options.max_per_author else None

    class Incremental(type(kind)):  # type: ignore[misc]
        def rule_state(self, options: Any, context: Any) -> RuleState:
            return PerPerson(options)

    return Incremental()


def _site(url: str, site: str, n: int, barrier: Any, out: Any, folder: str, shared: bool = False) -> None:
    """One site: ``n`` acknowledged captures through the store and ``n`` through the engine
    (validation, the kind's rule, catch-up under the session's lock), each paired with a
    bare insert on a connection of its own, alternating, so that whatever else the machine
    does hits them alike."""
    import os

    import psycopg

    from benchmarks.bench_store import bench_workshop, record
    from toolkit.session.engine import Engine
    from toolkit.session.pgstore import PgStore
    from toolkit.session.store import dump_payload

    os.environ["CIMIS_STORE"] = url
    workshop = Path(folder) / site / "workshop"  # each site its own card folder beside it
    kinds, library = bench_workshop(workshop)
    kinds = {name: incremental(kind) for name, kind in kinds.items()}
    if shared:  # every site writes into one session (the same key, as copies of one folder have)
        (workshop / "session.key").write_text("one-event-for-all-sites", encoding="utf-8")
    engine = Engine(workshop, kinds=kinds, library=library, author="anna")
    engine.start()
    bare_conn = psycopg.connect(url, autocommit=True)
    bare_conn.execute("SET synchronous_commit TO on")
    store = PgStore(url, "one-store-session" if shared else site)
    text = dump_payload(PAYLOAD)
    bare: list[float] = []
    mine: list[float] = []
    captures: list[float] = []

    def bare_insert(i: int) -> None:
        start = time.perf_counter()
        bare_conn.execute("INSERT INTO bare_events (session, seq, type, item, step, payload, author, at, client_id) "
                          "VALUES (%s, %s, 'captured', 'forge', 'ideas', %s, 'anna', %s, %s)",
                          (site, i, text, time.time(), uuid.uuid4().hex))
        bare.append(time.perf_counter() - start)

    barrier.wait(timeout=120)
    for i in range(n):
        bare_insert(2 * i + 1)
        start = time.perf_counter()
        store.append("captured", item="forge", step="ideas", payload=PAYLOAD, author="anna")
        mine.append(time.perf_counter() - start)
        bare_insert(2 * i + 2)
        start = time.perf_counter()
        engine.capture(record(i), author=f"p{i % 20}")
        captures.append(time.perf_counter() - start)
    relocked = getattr(engine.store, "relocked", 0)
    engine.close()
    store.close()
    bare_conn.close()
    out.put((bare, mine, captures, relocked))


def acknowledgements(url: str, n: int, shared: bool = False) -> dict[str, float]:
    import psycopg

    from toolkit.session.pgstore import PgStore

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CREATE TABLE bare_events (session TEXT NOT NULL, seq BIGINT NOT NULL, type TEXT NOT NULL, "
                     "item TEXT, step TEXT, payload TEXT NOT NULL, author TEXT NOT NULL, at DOUBLE PRECISION, "
                     "client_id TEXT NOT NULL, PRIMARY KEY (session, seq), UNIQUE (session, client_id))")
    PgStore(url, "warm-up").close()  # the schema exists before the sites start
    ctx = mp.get_context("fork")
    barrier = ctx.Barrier(len(SITES))
    out = ctx.Queue()
    bare: list[float] = []
    mine: list[float] = []
    captures: list[float] = []
    relocked = 0
    with tempfile.TemporaryDirectory() as folder:
        procs = [ctx.Process(target=_site, args=(url, site, n, barrier, out, folder, shared)) for site in SITES]
        for p in procs:
            p.start()
        received = 0
        deadline = time.monotonic() + 900
        while received < len(procs):
            try:
                b, m, c, r = out.get(timeout=1)
            except queue.Empty:
                # a site that died would leave the others waiting: stop instead
                if any(p.exitcode not in (None, 0) for p in procs) or time.monotonic() > deadline:
                    for p in procs:
                        p.kill()
                    raise SystemExit("a site process failed; see its output above") from None
                continue
            bare += b
            mine += m
            captures += c
            relocked += r
            received += 1
        for p in procs:
            p.join(60)
    result = {"acks": len(mine), "bare_p50_ms": percentile(bare, 50) * 1000, "bare_p99_ms": percentile(bare, 99) * 1000,
              "store_p50_ms": percentile(mine, 50) * 1000, "store_p99_ms": percentile(mine, 99) * 1000,
              "engine_p50_ms": percentile(captures, 50) * 1000, "engine_p99_ms": percentile(captures, 99) * 1000,
              "engine_relocked": relocked}
    result["p50_ratio"] = result["store_p50_ms"] / result["bare_p50_ms"]
    result["p99_ratio"] = result["store_p99_ms"] / result["bare_p99_ms"]
    result["engine_p50_ratio"] = result["engine_p50_ms"] / result["bare_p50_ms"]
    result["engine_p99_ratio"] = result["engine_p99_ms"] / result["bare_p99_ms"]
    return result


# -- push ------------------------------------------------------------------------------------

def make_session(folder: Path, n: int) -> None:
    """A laptop's session of ``n`` events: captures with now and then an edit and an undo."""
    from toolkit.session.store import Store

    with Store(folder) as store, store.writing() as tx:
        tx.insert("started", item="forge", step="ideas", at=0.0)
        captured: list[int] = []
        for i in range(1, n):
            if i % 50 == 0 and captured:
                tx.insert("edited", item="forge", step="ideas", at=float(i),
                          payload={"record_id": captured[-1], "record": PAYLOAD["record"]})
            elif i % 97 == 0:
                tx.insert("undone", item="forge", step="ideas", at=float(i), payload={"target": captured[-1]})
            else:
                event, _new = tx.insert("captured", item="forge", step="ideas", at=float(i), author="anna",
                                        payload={"kind": "bench-note", "record": {"text": f"idea {i}"}})
                captured.append(event.seq)


def push(url: str, folder: Path) -> dict[str, float]:
    import psycopg

    from toolkit.session.pgstore import PgStore
    from toolkit.session.store import Store, dump_payload
    from toolkit.session.transfer import transfer

    with Store(folder, readonly=True) as local:
        events = local.events()
        # baseline: the same rows with a bare COPY into a table of the same layout
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("CREATE TABLE copy_events (session TEXT, seq BIGINT, type TEXT, item TEXT, step TEXT, "
                         "payload TEXT, author TEXT, at DOUBLE PRECISION, client_id TEXT, PRIMARY KEY (session, seq), "
                         "UNIQUE (session, client_id))")
            start = time.perf_counter()
            with conn.transaction(), conn.cursor() as cur, cur.copy(
                    "COPY copy_events (session, seq, type, item, step, payload, author, at, client_id) "
                    "FROM STDIN") as copy:
                for e in events:
                    copy.write_row((e.session, e.seq, e.type, e.item, e.step, dump_payload(e.payload), e.author, e.at,
                                    e.client_id))
            copy_seconds = time.perf_counter() - start
        start = time.perf_counter()
        with PgStore(url, "laptop-push", origin=local.session_id) as remote:
            report = transfer(local, remote, workshop="laptop-push")
        push_seconds = time.perf_counter() - start
        start = time.perf_counter()
        with PgStore(url, "laptop-push") as remote:
            again = transfer(local, remote, workshop="laptop-push")
        again_seconds = time.perf_counter() - start
    if not (report.verified and again.verified and report.added == len(events) and again.added == 0):
        raise SystemExit(f"push not verified: {report.as_dict()} / {again.as_dict()}")
    n = len(events)
    return {"events": n, "push_seconds": push_seconds, "push_events_per_s": n / push_seconds,
            "second_push_seconds": again_seconds, "copy_seconds": copy_seconds,
            "push_ratio_to_copy": push_seconds / copy_seconds}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes: a smoke run")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--one-session", action="store_true",
                        help="also measure (informational) the four sites writing into one and the same session")
    args = parser.parse_args(argv)
    try:
        import psycopg  # noqa: F401
    except ImportError:
        print("SKIPPED: psycopg is not installed (pip install 'psycopg[binary]')")
        return 0
    try:
        cluster = Cluster.temporary()
    except Unavailable as exc:
        print(f"SKIPPED: PostgreSQL unavailable: {exc}")
        return 0
    import signal

    # a terminated run still stops its server (the finally below)
    signal.signal(signal.SIGTERM, lambda *_args: sys.exit(1))
    try:
        acks_n, events = (40, 5_000) if args.quick else (1_000, 100_000)
        acks = acknowledgements(cluster.database("acks"), acks_n)
        one = acknowledgements(cluster.database("one"), acks_n // 4, shared=True) if args.one_session else None
        with tempfile.TemporaryDirectory() as tmp:
            make_session(Path(tmp), events)
            pushed = push(cluster.database("push"), Path(tmp))
    finally:
        cluster.stop()
    ok_ack = acks["p50_ratio"] <= 1.5 and acks["p99_ratio"] <= 1.5
    ok_engine = acks["engine_p50_ratio"] <= 1.5 and acks["engine_p99_ratio"] <= 1.5
    ok_push = pushed["push_events_per_s"] >= 20_000
    print(f"ack p50 (4 sites, {acks['acks']} acks): {acks['store_p50_ms']:.2f} ms vs bare psycopg insert: "
          f"{acks['bare_p50_ms']:.2f} ms -> ratio {acks['p50_ratio']:.2f} (target <= 1.5)")
    print(f"ack p99: {acks['store_p99_ms']:.2f} ms vs bare psycopg insert: {acks['bare_p99_ms']:.2f} ms "
          f"-> ratio {acks['p99_ratio']:.2f} (target <= 1.5) {'ok' if ok_ack else 'MISSED'}")
    print(f"engine capture ack (validation, incremental kind rule, up-to-date check, same sites): "
          f"p50 {acks['engine_p50_ms']:.2f} ms "
          f"-> ratio {acks['engine_p50_ratio']:.2f}, p99 {acks['engine_p99_ms']:.2f} ms -> ratio "
          f"{acks['engine_p99_ratio']:.2f} to the bare insert (target <= 1.5) {'ok' if ok_engine else 'MISSED'}; "
          f"captures that had to catch up under the lock: {acks['engine_relocked']}")
    print(f"push of {pushed['events']} events: {pushed['push_seconds']:.2f} s = {pushed['push_events_per_s']:,.0f} "
          f"events/s (target >= 20,000) {'ok' if ok_push else 'MISSED'}; ratio to a bare COPY "
          f"({pushed['copy_seconds']:.2f} s): {pushed['push_ratio_to_copy']:.2f}; second push (adds nothing): "
          f"{pushed['second_push_seconds']:.2f} s")
    if one is not None:
        print(f"informational, all four sites in ONE session (writers of a session take turns): store p50 ratio "
              f"{one['p50_ratio']:.2f}, p99 {one['p99_ratio']:.2f}; engine p50 ratio {one['engine_p50_ratio']:.2f}, "
              f"p99 {one['engine_p99_ratio']:.2f}; captures that had to catch up under the lock: "
              f"{one['engine_relocked']} of {one['acks']}")
    print(json.dumps({**acks, **pushed, "quick": args.quick,
                      **({f"one_session_{k}": v for k, v in one.items()} if one else {})}))
    return 1 if args.strict and not (ok_ack and ok_engine and ok_push) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
