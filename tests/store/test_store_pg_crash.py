"""A client writing to PostgreSQL killed with SIGKILL at random moments loses nothing it
acknowledged and stores nothing twice; several clients writing into one database at once
(four sites, and two writers of one session) lose and duplicate nothing. The engine runs
against the database through ``CIMIS_STORE``, as ``cimis`` does."""

from __future__ import annotations

import itertools
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time

import pytest

KILLS = 12


def cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "toolkit", *args]


def line(text: str, ident: str) -> str:
    return json.dumps({"item": "idea-forge", "step": "ideas", "record": {"text": text}, "id": ident}) + "\n"


def stored(url: str, key: str) -> list[str]:
    """Client ids of the captured events of the workshop whose folder is named ``key``, read
    with plain psycopg (not the code under test)."""
    import psycopg

    with psycopg.connect(url) as conn:
        if conn.execute("SELECT to_regclass('cimis.events')").fetchone()[0] is None:
            return []  # killed before the first client created the schema
        rows = conn.execute(
            "SELECT e.client_id FROM cimis.events e JOIN cimis.sessions s ON s.id = e.session "
            "WHERE s.workshop LIKE %s AND e.type = 'captured' ORDER BY e.seq", (key + "-%",)).fetchall()
    return [r[0] for r in rows]


class Child:
    """``cimis session import DIR - --ack`` fed ``lines`` by one thread, acks read by another."""

    def __init__(self, workshop, env, lines):
        self.proc = subprocess.Popen(cmd("session", "import", str(workshop), "-", "--ack"), env=env,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.acks: list[dict] = []
        self.sent: list[str] = []
        self.first_ack = threading.Event()
        self._threads = [threading.Thread(target=self._feed, args=(lines,), daemon=True),
                         threading.Thread(target=self._read, daemon=True)]
        for t in self._threads:
            t.start()

    def _feed(self, lines) -> None:
        try:
            for text in lines:
                self.sent.append(text)
                self.proc.stdin.write(text.encode("utf-8"))
                self.proc.stdin.flush()
            self.proc.stdin.close()
        except (BrokenPipeError, ValueError, OSError):
            pass

    def _read(self) -> None:
        for raw in self.proc.stdout:
            if raw.endswith(b"\n"):
                self.acks.append(json.loads(raw))
                self.first_ack.set()
        self.first_ack.set()

    def join(self, timeout: float = 120) -> int:
        code = self.proc.wait(timeout=timeout)
        for t in self._threads:
            t.join(timeout)
        self.stderr = self.proc.stderr.read().decode("utf-8", "replace")
        self.proc.stderr.close()
        return code


@pytest.fixture
def pg_env(pg_url, session_plugin):
    env = dict(os.environ)
    env["CIMIS_STORE"] = pg_url
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


@pytest.mark.slow
def test_sigkill_of_a_postgresql_client_loses_nothing_acknowledged(make_workshop, pg_env, pg_url):
    workshop = make_workshop("kill-site")
    rng = random.Random(1414)
    acknowledged: set[str] = set()
    sent: set[str] = set()
    retry: list[str] = []
    mid_stream = 0
    for round_ in range(KILLS):
        endless = (line(f"r{round_}-{i}", f"r{round_}-{i}") for i in itertools.count())
        child = Child(workshop, pg_env, itertools.chain(retry, endless))
        if round_ % 4 == 0:  # now and then while it connects, before any capture
            time.sleep(rng.uniform(0.0, 0.4))
        else:
            child.first_ack.wait(60)
            time.sleep(rng.uniform(0.0, 0.25))
        child.proc.send_signal(signal.SIGKILL)
        child.join()
        assert child.proc.returncode == -signal.SIGKILL, child.stderr
        mid_stream += bool(child.acks)
        sent.update(json.loads(text)["id"] for text in child.sent)
        for ack in child.acks[:len(retry)]:
            assert not ack["new"] or ack["id"] not in acknowledged, "an acknowledged capture was stored again"
        acknowledged.update(a["id"] for a in child.acks)
        ids = stored(pg_url, "kill-site")
        assert len(ids) == len(set(ids)), "a capture was stored twice"
        assert acknowledged <= set(ids), f"lost after kill {round_}: {sorted(acknowledged - set(ids))[:5]}"
        assert set(ids) <= sent
        retry = child.sent[max(0, len(child.acks) - 2):len(child.acks) + 2]
    assert mid_stream >= KILLS // 2

    # the session opens again from the database, with every record in it
    from toolkit.session.engine import Engine

    os.environ["CIMIS_STORE"] = pg_env["CIMIS_STORE"]
    try:
        with Engine(workshop) as engine:
            assert engine.store.backend == "postgresql"
            assert len(engine.records("idea-forge", "ideas")) == len(stored(pg_url, "kill-site"))
            assert engine.store.integrity_check() == "ok"
    finally:
        del os.environ["CIMIS_STORE"]


@pytest.mark.slow
def test_four_sites_and_a_second_writer_at_once(make_workshop, pg_env, pg_url):
    """Four regions capture into one database at the same time; at one of them a second
    client sends into the same session, half of its lines the same as the first's."""
    sites = {name: make_workshop(name) for name in ("dresden", "meissen", "lausitz", "erzgebirge")}
    feeds = {name: [line(f"{name}-{i}", f"{name}-{i}") for i in range(120)] for name in sites}
    second = [line(f"dresden-{i}", f"dresden-{i}") for i in range(60)] + \
             [line(f"dresden-b-{i}", f"dresden-b-{i}") for i in range(60)]
    children = {name: Child(folder, pg_env, feeds[name]) for name, folder in sites.items()}
    children["dresden-b"] = Child(sites["dresden"], pg_env, second)
    codes = {name: child.join() for name, child in children.items()}
    assert set(codes.values()) == {0}, {n: c.stderr for n, c in children.items()}
    for name in ("meissen", "lausitz", "erzgebirge"):
        assert stored(pg_url, name) == [f"{name}-{i}" for i in range(120)]
    dresden = stored(pg_url, "dresden")
    assert len(dresden) == len(set(dresden)) == 180
    assert set(dresden) == {f"dresden-{i}" for i in range(120)} | {f"dresden-b-{i}" for i in range(60)}
    new = [a["id"] for name in ("dresden", "dresden-b") for a in children[name].acks if a["new"]]
    assert sorted(new) == sorted(dresden)  # each capture acknowledged as new exactly once
    for name, child in children.items():
        assert len(child.acks) == 120, name
