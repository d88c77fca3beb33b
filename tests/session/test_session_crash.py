"""Reliability with real processes: ``cimis session import - --ack`` killed with SIGKILL at
random moments never loses an acknowledged capture nor damages the store, and two processes
writing at once lose and duplicate nothing."""

from __future__ import annotations

import itertools
import json
import random
import signal
import subprocess
import threading
import time
from collections import Counter

import pytest

from session_util import capture_line, cimis_cmd, integrity, stored_client_ids

KILLS = 22


class Child:
    """A running ``cimis session import DIR - --ack`` fed ``lines`` by a thread, its acks
    collected by another."""

    def __init__(self, workshop, env, lines):
        self.proc = subprocess.Popen(cimis_cmd("session", "import", str(workshop), "-", "--ack"), env=env,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.acks: list[dict] = []
        self.sent: list[str] = []
        self.first_ack = threading.Event()
        self._feeder = threading.Thread(target=self._feed, args=(lines,), daemon=True)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._feeder.start()
        self._reader.start()

    def _feed(self, lines) -> None:
        try:
            for line in lines:
                self.sent.append(line)
                self.proc.stdin.write(line.encode("utf-8"))
                self.proc.stdin.flush()
            self.proc.stdin.close()
        except (BrokenPipeError, ValueError, OSError):
            pass  # the child was killed

    def _read(self) -> None:
        for raw in self.proc.stdout:
            # a line cut off by the kill was never fully acknowledged
            if raw.endswith(b"\n"):
                self.acks.append(json.loads(raw))
                self.first_ack.set()
        self.first_ack.set()

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.join()

    def join(self, timeout: float = 60) -> int:
        code = self.proc.wait(timeout=timeout)
        self._reader.join(timeout)
        self._feeder.join(timeout)
        self.stderr = self.proc.stderr.read().decode("utf-8", "replace")
        self.proc.stderr.close()
        return code


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_nothing_acknowledged(workshop, child_env):
    rng = random.Random(20260314)
    db = workshop / "session.db"
    sent: set[str] = set()
    acknowledged: set[str] = set()
    retry: list[str] = []
    kills_mid_stream = 0
    for round_ in range(KILLS):
        # every round first re-sends the lines around the last acknowledged one (a client
        # retrying after a crash), then feeds captures until the child is killed
        endless = (capture_line(f"r{round_}-{i}", id=f"r{round_}-{i}") for i in itertools.count())
        child = Child(workshop, child_env, itertools.chain(retry, endless))
        if round_ % 5 == 0:  # now and then during start-up, before any capture
            time.sleep(rng.uniform(0.0, 0.4))
        else:
            child.first_ack.wait(30)
            time.sleep(rng.uniform(0.0, 0.25))
        child.kill()
        assert child.proc.returncode == -signal.SIGKILL, child.stderr
        sent.update(json.loads(line)["id"] for line in child.sent)
        kills_mid_stream += bool(child.acks)

        assert [a["line"] for a in child.acks] == list(range(1, len(child.acks) + 1))
        for ack in child.acks[:len(retry)]:
            assert not ack["new"] or ack["id"] not in acknowledged, "an acknowledged capture was stored again"
        acknowledged.update(a["id"] for a in child.acks)
        if not db.exists():
            assert not acknowledged
            continue
        assert integrity(db) == "ok"
        stored = stored_client_ids(db)
        assert len(stored) == len(set(stored)), "a capture was stored twice"
        assert acknowledged <= set(stored), f"lost after kill {round_}: {sorted(acknowledged - set(stored))[:5]}"
        assert set(stored) <= sent
        retry = child.sent[max(0, len(child.acks) - 2):len(child.acks) + 2]
    assert kills_mid_stream >= KILLS // 2

    # and the session opens again, with every record in it
    from toolkit.session.engine import Engine

    with Engine(workshop) as engine:
        assert len(engine.records("idea-forge", "ideas")) == len(stored_client_ids(db))
        assert engine.store.integrity_check() == "ok"


@pytest.mark.slow
def test_two_processes_writing_at_once(workshop, child_env):
    shared = [capture_line(f"shared-{i}", id=f"shared-{i}") for i in range(50)]
    mine = {name: [capture_line(f"{name}-{i}", id=f"{name}-{i}") for i in range(250)] for name in ("a", "b")}
    # interleave the shared lines so that both processes race for them
    feeds = {name: [x for pair in zip(lines[:50], shared) for x in pair] + lines[50:]
             for name, lines in mine.items()}
    feeds["b"] = [x for pair in zip(mine["b"][:50], reversed(shared)) for x in pair] + mine["b"][50:]
    started = time.monotonic()
    children = {name: Child(workshop, child_env, feed) for name, feed in feeds.items()}
    codes = {name: child.join() for name, child in children.items()}
    took = time.monotonic() - started
    assert codes == {"a": 0, "b": 0}, {n: c.stderr for n, c in children.items()}
    assert "locked" not in children["a"].stderr + children["b"].stderr

    stored = stored_client_ids(workshop / "session.db")
    expected = {json.loads(line)["id"] for feed in feeds.values() for line in feed}
    assert len(stored) == len(set(stored)) == len(expected) == 550
    assert set(stored) == expected
    for name, child in children.items():
        assert len(child.acks) == len(feeds[name])  # every line acknowledged
    new_per_shared = Counter(a["id"] for c in children.values() for a in c.acks if a["new"])
    assert all(new_per_shared[f"shared-{i}"] == 1 for i in range(50))
    # the two really overlapped in time
    assert took < 60
    assert integrity(workshop / "session.db") == "ok"
