"""Load on ``cimis serve`` over loopback: many phones with their live updates open, a vote
burst, then a steady stream of cards.

Phases (full mode; ``--quick``: 50 participants and 10 s):

1. 500 participants join and open their live stream (``/api/stream/participant``); one
   projector stream is open too;
2. burst: all 500 vote (dots) within 1 s;
3. steady: 20 cards a second for 10 minutes.

Reported: p50/p99 from submit to acknowledgement and from submit to the projector showing
it (the first projector snapshot whose ``seq`` reaches the acknowledged one), the server's
peak memory, lost (acknowledged but not in the store) and duplicated submissions, and the
ratio of the acknowledgement p50 against a bare Starlette endpoint doing the same durable
SQLite insert (WAL, ``synchronous=FULL``, a commit per request) under the same load in the
same run.

Goals: 0 lost, 0 duplicated; p99 acknowledgement <= 100 ms steady and <= 500 ms in the
burst; <= 1.5x the bare endpoint; projector p99 <= 1 s; <= 200 MiB.

``python -m benchmarks.bench_serve`` (``--quick``, ``--json``, ``--strict``).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

PLUGIN = REPO / "tests" / "web" / "plugin"
PLAN = REPO / "tests" / "web" / "workshop.yaml"

BARE_APP = textwrap.dedent('''
    import json, sqlite3, sys, threading, time
    import anyio.to_thread
    from starlette.applications import Starlette
    from starlette.responses import JSONResponse
    from starlette.routing import Route
    import uvicorn

    conn = sqlite3.connect(sys.argv[1], isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE IF NOT EXISTS events (seq INTEGER PRIMARY KEY AUTOINCREMENT, payload TEXT, "
                 "at REAL, client_id TEXT UNIQUE)")
    lock = threading.Lock()

    def insert(body):
        with lock:
            conn.execute("BEGIN IMMEDIATE")
            cur = conn.execute("INSERT INTO events (payload, at, client_id) VALUES (?, ?, ?) "
                               "ON CONFLICT(client_id) DO NOTHING",
                               (json.dumps(body["record"]), time.time(), body["id"]))
            conn.execute("COMMIT")
            return cur.lastrowid

    async def submit(request):
        body = json.loads(await request.body())
        seq = await anyio.to_thread.run_sync(insert, body)
        return JSONResponse({"saved": True, "seq": seq})

    async def ok(request):
        return JSONResponse({"ok": True})

    app = Starlette(routes=[Route("/api/submit", submit, methods=["POST"]), Route("/projector", ok)])
    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[2]), log_level="warning", access_log=False, ws="none")
''')


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


async def http(port: int, method: str, path: str, body: object = None, cookie: str = "") -> tuple[int, dict, str]:
    """One request on a new connection (as a phone does now and then); (status, json, cookie)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    data = json.dumps(body).encode() if body is not None else b""
    head = (f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n"
            f"Content-Length: {len(data)}\r\n")
    if body is not None:
        head += "Content-Type: application/json\r\n"
    if cookie:
        head += f"Cookie: {cookie}\r\n"
    writer.write(head.encode() + b"\r\n" + data)
    await writer.drain()
    raw = await reader.read()
    writer.close()
    header, _sep, payload = raw.partition(b"\r\n\r\n")
    lines = header.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    set_cookie = ""
    for line in lines[1:]:
        if line.lower().startswith("set-cookie:"):
            set_cookie = line.split(":", 1)[1].strip().split(";", 1)[0]
    if b"transfer-encoding: chunked" in header.lower():
        payload = _unchunk(payload)
    try:
        parsed = json.loads(payload) if payload else {}
    except ValueError:
        parsed = {}
    return status, parsed, set_cookie


def _unchunk(data: bytes) -> bytes:
    out = b""
    while data:
        size_line, _sep, data = data.partition(b"\r\n")
        size = int(size_line.split(b";")[0] or b"0", 16)
        if size == 0:
            break
        out += data[:size]
        data = data[size + 2:]
    return out


class Stream:
    """An open live stream: counts its events; the projector's also records when each seq
    first showed."""

    def __init__(self, port: int, channel: str, cookie: str = "", record: bool = False):
        self.port, self.channel, self.cookie, self.record = port, channel, cookie, record
        self.events = 0
        self.seen: list[tuple[float, int]] = []  # (time, seq)
        self.task: asyncio.Task | None = None
        self.ready = asyncio.Event()

    async def run(self) -> None:
        # a projector snapshot can be large: read lines of up to 16 MiB
        reader, writer = await asyncio.open_connection("127.0.0.1", self.port, limit=2 ** 24)
        head = f"GET /api/stream/{self.channel} HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\n"
        if self.cookie:
            head += f"Cookie: {self.cookie}\r\n"
        writer.write((head + "\r\n").encode())
        await writer.drain()
        try:
            while True:
                line = await reader.readline()
                if not line:
                    return
                if line.startswith(b"data: "):
                    self.events += 1
                    self.ready.set()
                    if self.record:
                        try:
                            seq = json.loads(line[6:]).get("seq", 0)
                        except ValueError:
                            continue
                        self.seen.append((time.perf_counter(), seq))
        finally:
            writer.close()

    def start(self) -> None:
        self.task = asyncio.create_task(self.run())

    def shown_at(self, seq: int) -> float | None:
        for at, shown in self.seen:
            if shown >= seq:
                return at
        return None


async def run_load(port: int, participants: int, seconds: float, rate: float, cimis: bool,
                   facilitator: str = "", code: str = "") -> dict:
    """The three phases against one server; latencies in seconds."""
    cookies: list[str] = []
    streams: list[Stream] = []
    projector = Stream(port, "projector", record=True) if cimis else None
    card_ids: list[int] = []
    fac_cookie = ""
    if cimis:
        status, _body, fac_cookie = await http(port, "GET", f"/f/{facilitator}")
        for _ in range(participants):
            status, body, cookie = await http(port, "POST", "/api/join", {"code": code})
            assert status == 200, body
            cookies.append(cookie)
        # a few cards to vote on, then the vote step
        for i in range(5):
            status, body, _c = await http(port, "POST", "/api/submit", {
                "id": f"seed-card-{i:04d}", "step": "room.ideas", "record": {"op": "card", "text": f"Idea {i}"}},
                cookie=cookies[i % len(cookies)])
            card_ids.append(body["seq"])
        await http(port, "POST", "/api/facilitator", {"action": "next"}, cookie=fac_cookie)
        streams = [Stream(port, "participant", cookie=c) for c in cookies]
        for s in streams:
            s.start()
        projector.start()
        await asyncio.wait_for(asyncio.gather(*(s.ready.wait() for s in streams), projector.ready.wait()), 60)
    else:
        cookies = [""] * participants

    acks: dict[str, list[float]] = {"burst": [], "steady": []}
    shown: dict[str, list[float]] = {"burst": [], "steady": []}
    acked: list[str] = []
    failed: list[tuple[int, dict]] = []
    pending: list[tuple[str, float, int]] = []

    async def send(phase: str, cid: str, step: str, record: dict, cookie: str) -> None:
        start = time.perf_counter()
        try:
            status, body, _c = await http(port, "POST", "/api/submit", {"id": cid, "step": step, "record": record},
                                          cookie=cookie)
        except OSError as exc:
            failed.append((0, {"error": str(exc)}))
            return
        took = time.perf_counter() - start
        if status == 200 and body.get("saved"):
            acks[phase].append(took)
            acked.append(cid)
            pending.append((phase, start, int(body.get("seq", 0))))
        else:
            failed.append((status, body))

    # burst: everyone votes within one second
    tasks = []
    t0 = time.perf_counter()
    for i in range(participants):
        delay = t0 + i / participants - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        record = {"item": str(card_ids[i % len(card_ids)])} if cimis else {"item": str(i)}
        tasks.append(asyncio.create_task(send("burst", f"vote-{i:06d}", "room.vote", record, cookies[i])))
    await asyncio.gather(*tasks)
    burst_wall = time.perf_counter() - t0
    if cimis:
        await asyncio.sleep(1.0)
        await http(port, "POST", "/api/facilitator", {"action": "previous"}, cookie=fac_cookie)
        await asyncio.sleep(0.3)

    # steady: cards at ``rate`` a second
    tasks = []
    t0 = time.perf_counter()
    n = 0
    while time.perf_counter() - t0 < seconds:
        due = t0 + n / rate
        delay = due - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(send("steady", f"card-{n:07d}", "room.ideas",
                                              {"op": "card", "text": f"A card written at {n}"},
                                              cookies[n % participants])))
        n += 1
    await asyncio.gather(*tasks)
    await asyncio.sleep(1.5)
    if projector is not None:
        for phase, start, seq in pending:
            at = projector.shown_at(seq)
            # a vote is hidden on the projector until revealed: its seq still moves the
            # projector's count, which is what the room sees change
            shown[phase].append((at - start) if at is not None else float("inf"))
    for s in [*streams, *([projector] if projector else [])]:
        if s.task is not None:
            s.task.cancel()
    return {"acks": acks, "shown": shown, "acked": acked, "failed": failed, "burst_wall": burst_wall,
            "sent_steady": n, "stream_events": sum(s.events for s in streams)}


def peak_memory(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def wait_up(port: int, proc: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server ended with {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("server did not start")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smoke run: 50 participants, 10 s")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON line at the end")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a goal is missed")
    parser.add_argument("--participants", type=int, default=None, help="participants (instead of the mode's)")
    parser.add_argument("--seconds", type=float, default=None, help="seconds of steady cards (instead of the mode's)")
    args = parser.parse_args(argv)
    participants, seconds, rate = (50, 10.0, 20.0) if args.quick else (500, 600.0, 20.0)
    participants = args.participants or participants
    seconds = args.seconds or seconds
    bare_seconds = min(seconds, 60.0)

    from toolkit.session.engine import Engine
    from toolkit.web.room import Secrets

    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["CIMIS_PLUGINS_DIR"] = str(PLUGIN)
    os.environ["CIMIS_PLUGINS_DIR"] = str(PLUGIN)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        folder = tmp / "ws"
        folder.mkdir()
        shutil.copy(PLAN, folder / "workshop.yaml")
        with Engine(folder) as engine:
            engine.start()
        secrets = Secrets.load_or_create(folder)

        # the bare endpoint first, under the same load
        port = free_port()
        # read by nobody during the run: a file never fills up; open for both servers' lifetime
        log = open(tmp / "servers.log", "ab")  # noqa: SIM115 - closed after both servers stopped
        bare = subprocess.Popen([sys.executable, "-c", BARE_APP, str(tmp / "bare.db"), str(port)], env=env,
                                stderr=log)
        try:
            wait_up(port, bare)
            bare_run = asyncio.run(run_load(port, participants, bare_seconds, rate, cimis=False))
        finally:
            bare.terminate()
            bare.wait(10)

        port = free_port()
        server = subprocess.Popen([sys.executable, "-m", "toolkit", "serve", str(folder), "--port", str(port),
                                   "--rate", "1000", "--participants", str(participants)], env=env,
                                  stdout=subprocess.DEVNULL, stderr=log)
        try:
            wait_up(port, server)
            run = asyncio.run(run_load(port, participants, seconds, rate, cimis=True,
                                       facilitator=secrets.facilitator, code=secrets.code))
            memory = peak_memory(server.pid)
        finally:
            server.terminate()
            server.wait(10)
        log.close()
        server_log = (tmp / "servers.log").read_text(errors="replace")
        conn = sqlite3.connect(folder / "session.db")
        counts = Counter(r[0] for r in conn.execute("SELECT client_id FROM events WHERE type = 'captured'"))
        conn.close()

    stored = {cid.rsplit(":", 1)[-1] for cid in counts}
    lost = [cid for cid in run["acked"] if cid not in stored]
    duplicated = sum(c - 1 for c in counts.values() if c > 1)
    ack_burst, ack_steady = run["acks"]["burst"], run["acks"]["steady"]
    shown_all = run["shown"]["burst"] + run["shown"]["steady"]
    bare_p50 = statistics.median(bare_run["acks"]["steady"] or [float("nan")])
    mine_p50 = statistics.median(ack_steady or [float("nan")])
    ratio = mine_p50 / bare_p50
    figures = {
        "participants": participants, "seconds": seconds,
        "burst_acked": len(ack_burst), "burst_wall_s": run["burst_wall"],
        "burst_ack_p50_ms": percentile(ack_burst, 50) * 1e3, "burst_ack_p99_ms": percentile(ack_burst, 99) * 1e3,
        "steady_sent": run["sent_steady"], "steady_acked": len(ack_steady),
        "steady_ack_p50_ms": percentile(ack_steady, 50) * 1e3, "steady_ack_p99_ms": percentile(ack_steady, 99) * 1e3,
        "projector_p50_ms": percentile(shown_all, 50) * 1e3, "projector_p99_ms": percentile(shown_all, 99) * 1e3,
        "bare_ack_p50_ms": bare_p50 * 1e3, "bare_ack_p99_ms": percentile(bare_run["acks"]["steady"], 99) * 1e3,
        "bare_burst_p99_ms": percentile(bare_run["acks"]["burst"], 99) * 1e3,
        "ratio_to_bare": ratio, "server_peak_mib": memory, "lost": len(lost), "duplicated": duplicated,
        "failed": len(run["failed"]), "participant_stream_events": run["stream_events"],
    }
    goals = {
        "0 lost": len(lost) == 0, "0 duplicated": duplicated == 0, "no refusals": not run["failed"],
        "burst p99 ack <= 500 ms": figures["burst_ack_p99_ms"] <= 500,
        "steady p99 ack <= 100 ms": figures["steady_ack_p99_ms"] <= 100,
        "ratio to bare <= 1.5": ratio <= 1.5,
        "projector p99 <= 1 s": figures["projector_p99_ms"] <= 1000,
        "memory <= 200 MiB": memory <= 200,
    }
    print(f"{participants} participants with live streams open; burst of {len(ack_burst)} votes in "
          f"{run['burst_wall']:.2f} s; {len(ack_steady)} cards in {seconds:.0f} s at {rate:.0f}/s")
    print(f"  burst ack p50 {figures['burst_ack_p50_ms']:.1f} ms, p99 {figures['burst_ack_p99_ms']:.1f} ms "
          f"(bare endpoint p99 {figures['bare_burst_p99_ms']:.1f} ms)")
    print(f"  steady ack p50 {figures['steady_ack_p50_ms']:.1f} ms, p99 {figures['steady_ack_p99_ms']:.1f} ms; "
          f"bare endpoint p50 {figures['bare_ack_p50_ms']:.1f} ms -> ratio {ratio:.2f}")
    print(f"  submit -> projector p50 {figures['projector_p50_ms']:.0f} ms, p99 {figures['projector_p99_ms']:.0f} ms")
    print(f"  server peak memory {memory:.0f} MiB; lost {len(lost)}, duplicated {duplicated}, "
          f"refused {len(run['failed'])} {run['failed'][:2] if run['failed'] else ''}")
    for name, ok in goals.items():
        print(f"  goal {name}: {'ok' if ok else 'MISSED'}")
    if "Traceback" in server_log:
        print("  the server logged errors:\n" + server_log[-3000:])
    figures["server_errors"] = server_log.count("Traceback")
    if args.json:
        print(json.dumps(figures))
    return 1 if args.strict and not all(goals.values()) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
