"""Helpers shared by the session tests."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from toolkit.session.store import Event


def ev(seq: int, type: str, item: str | None = "i", step: str | None = "s", at: float = 0.0,
       author: str = "", **payload) -> Event:
    """An event as the store would hand it out."""
    return Event(seq, "sess", type, item, step, payload, author, at, f"c{seq}")


def capture_line(text: str, id: str | None = None, item: str = "idea-forge", step: str = "ideas",
                 **extra) -> str:
    line = {"item": item, "step": step, "record": {"text": text}, **extra}
    if id is not None:
        line["id"] = id
    return json.dumps(line) + "\n"


def cimis_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "toolkit", *args]


def run_cimis(*args: str, env: dict[str, str], input: str | None = None, timeout: float = 60):
    return subprocess.run(cimis_cmd(*args), input=input, capture_output=True, text=True, env=env, timeout=timeout)


def stored_client_ids(db: Path) -> list[str]:
    """Client ids of every captured event, read with plain sqlite3 (not the code under test)."""
    conn = sqlite3.connect(db)
    try:
        return [row[0] for row in conn.execute("SELECT client_id FROM events WHERE type = 'captured' ORDER BY seq")]
    finally:
        conn.close()


def integrity(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()
