"""Helpers for the TestClient tests of the web app."""

from __future__ import annotations


def join(client, name: str = "") -> dict:
    """Join the room behind ``client`` with its code (and a display name if given)."""
    code = client.app.app.state.room.code
    r = client.post("/api/join", json={"code": code, "name": name})
    assert r.status_code == 200, r.text
    return r.json()
