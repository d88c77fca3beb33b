"""Acknowledged means committed: a real ``cimis serve`` (uvicorn, real HTTP on 127.0.0.1)
is SIGKILLed in the middle of a burst of submissions, 20 times. After each restart every
acknowledged submission is in the store, and resending everything (acknowledged or not)
adds nothing twice."""

from __future__ import annotations

import http.client
import random
import sqlite3
import threading
import time
from collections import Counter

import pytest
from server_util import Server, join, request

TRIALS = 20
THREADS = 4


def stored(folder) -> Counter:
    conn = sqlite3.connect(folder / "session.db", timeout=30)
    try:
        return Counter(r[0] for r in conn.execute("SELECT client_id FROM events WHERE type = 'captured'"))
    finally:
        conn.close()


def device_of(cookie: str) -> str:
    import base64
    import json

    body = cookie.split("=", 1)[1].rsplit(".", 1)[0]
    return json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))["d"]


def burst(port: int, cookie: str, prefix: str, acked: list[str], sent: list[str], stop: threading.Event) -> None:
    n = 0
    while not stop.is_set():
        cid = f"{prefix}-{n:06d}"
        n += 1
        sent.append(cid)
        try:
            status, body = request(port, "POST", "/api/submit", {
                "id": cid, "step": "room.ideas", "record": {"op": "card", "text": f"idea {cid}"}}, cookie=cookie,
                timeout=5)
        except (OSError, http.client.HTTPException):
            return  # the server is gone (mid-answer or before it)
        if status == 200 and isinstance(body, dict) and body.get("saved"):
            acked.append(cid)
        elif status != 200:
            raise AssertionError((status, body))


@pytest.mark.slow
def test_sigkill_mid_burst_loses_no_acknowledged_submission(started, child_env):
    from toolkit.web.room import Secrets

    code = Secrets.load_or_create(started).code
    rng = random.Random(20260314)
    server = Server(started, child_env).start()
    cookies = [join(server.port, code) for _ in range(THREADS)]
    devices = [device_of(c) for c in cookies]
    all_sent: dict[str, tuple[str, str]] = {}  # id -> (cookie, device)
    all_acked: set[str] = set()
    try:
        for trial in range(TRIALS):
            acked: list[list[str]] = [[] for _ in range(THREADS)]
            sent: list[list[str]] = [[] for _ in range(THREADS)]
            stop = threading.Event()
            threads = [threading.Thread(target=burst, args=(server.port, cookies[i], f"t{trial}d{i}", acked[i], sent[i],
                                                            stop)) for i in range(THREADS)]
            for t in threads:
                t.start()
            time.sleep(rng.uniform(0.05, 0.4))
            server.kill()
            stop.set()
            for t in threads:
                t.join(10)
            for i in range(THREADS):
                all_acked.update(f"web:{devices[i]}:{cid}" for cid in acked[i])
                all_sent.update({cid: (cookies[i], devices[i]) for cid in sent[i]})
            assert sum(map(len, acked)) > 0, f"trial {trial}: nothing acknowledged before the kill"
            # every acknowledged submission survived the kill
            counts = stored(started)
            missing = all_acked - set(counts)
            assert not missing, f"trial {trial}: acknowledged but lost: {sorted(missing)[:5]}"
            server = Server(started, child_env, port=server.port).start()
            # the phones resend what they have not seen acknowledged (and, to be hard on the
            # server, everything else of this trial too): nothing is stored twice
            for i in range(THREADS):
                for cid in sent[i]:
                    status, body = request(server.port, "POST", "/api/submit", {
                        "id": cid, "step": "room.ideas", "record": {"op": "card", "text": f"idea {cid}"}},
                        cookie=cookies[i])
                    assert status == 200 and body["saved"], (status, body)
            counts = stored(started)
            assert max(counts.values()) == 1
            assert set(counts) == {f"web:{d}:{cid}" for cid, (_c, d) in all_sent.items()}
    finally:
        server.stop()
    conn = sqlite3.connect(started / "session.db")
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
