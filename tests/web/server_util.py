"""A real ``cimis serve`` in a subprocess on 127.0.0.1, and a tiny HTTP client with a
cookie (the standard library's, so that the tests use nothing of the code under test)."""

from __future__ import annotations

import http.client
import json
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

#: the browser the real-browser tests drive (Debian's chromium package)
CHROMIUM = "/usr/bin/chromium"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    def __init__(self, folder: Path, env: dict[str, str], port: int | None = None, rate: float = 10_000,
                 participants: int = 50):
        self.folder, self.env = folder, env
        self.port = port or free_port()
        self.rate, self.participants = rate, participants
        self.proc: subprocess.Popen | None = None

    def start(self, timeout: float = 60.0) -> Server:
        # the server's messages go to a file next to the workshop (a pipe nobody reads
        # could fill up and stall the server)
        self.log = open(self.folder.parent / f"serve-{self.port}.log", "ab")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "toolkit", "serve", str(self.folder), "--port", str(self.port),
             "--rate", str(self.rate), "--participants", str(self.participants)],
            env=self.env, stdout=subprocess.DEVNULL, stderr=self.log)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError((self.folder.parent / f"serve-{self.port}.log").read_text())
            try:
                status, _body = request(self.port, "GET", "/projector", timeout=1.0)
                if status == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.05)
        raise RuntimeError("server did not start")

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()  # SIGKILL
            self.proc.wait(10)
        self.log.close()

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        self.log.close()


def request(port: int, method: str, path: str, body: object = None, cookie: str = "",
            timeout: float = 5.0) -> tuple[int, dict | str]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        headers = {"Host": f"127.0.0.1:{port}"}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        if cookie:
            headers["Cookie"] = cookie
        conn.request(method, path, body=data, headers=headers)
        response = conn.getresponse()
        raw = response.read()
        set_cookie = response.getheader("set-cookie") or ""
        try:
            parsed: dict | str = json.loads(raw)
        except ValueError:
            parsed = raw.decode("utf-8", "replace")
        if isinstance(parsed, dict) and set_cookie:
            parsed["_cookie"] = set_cookie.split(";", 1)[0]
        return response.status, parsed
    finally:
        conn.close()


def join(port: int, code: str) -> str:
    status, body = request(port, "POST", "/api/join", {"code": code})
    assert status == 200, body
    assert isinstance(body, dict)
    return str(body["_cookie"])


@contextmanager
def serving(folder: Path, env: dict[str, str], *, plan: str | None = None,
            at: tuple[str, str] | None = None) -> Iterator[tuple[Server, Any]]:
    """A real ``cimis serve`` on ``folder`` and the workshop's secrets, stopped afterwards;
    with ``plan`` the folder is created with that ``workshop.yaml``, and with ``at`` (item,
    step) its session is started and moved to that step first."""
    from toolkit.session.engine import Engine
    from toolkit.web.room import Secrets

    if plan is not None:
        folder.mkdir()
        (folder / "workshop.yaml").write_text(plan, encoding="utf-8")
    if at is not None:
        with Engine(folder) as engine:
            engine.start()
            engine.go_to(*at)
    secrets = Secrets.load_or_create(folder)
    server = Server(folder, env).start()
    try:
        yield server, secrets
    finally:
        server.stop()
