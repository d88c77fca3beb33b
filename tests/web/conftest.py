"""Fixtures for the web tests: a workshop folder using the built-in kinds through a local
test plugin's method card, a Room on it, and the app behind Starlette's TestClient."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
PLUGIN_DIR = HERE / "plugin"


@pytest.fixture
def plugin_env(monkeypatch):
    monkeypatch.setenv("CIMIS_PLUGINS_DIR", str(PLUGIN_DIR))
    from toolkit import registry
    from toolkit.plugins import reset_host

    reset_host()
    registry.reset()
    yield
    reset_host()
    registry.reset()


@pytest.fixture
def workshop(tmp_path, plugin_env) -> Path:
    folder = tmp_path / "workshop"
    folder.mkdir()
    shutil.copy(HERE / "workshop.yaml", folder / "workshop.yaml")
    return folder


@pytest.fixture
def started(workshop) -> Path:
    """The workshop with its session started at the first step (ideas)."""
    from toolkit.session.engine import Engine

    with Engine(workshop) as engine:
        engine.start()
    return workshop


@pytest.fixture
def room(started):
    from toolkit.web.room import Room

    room = Room(started, rate=1000, burst=1000)
    yield room
    room.close()


@pytest.fixture
def client(room):
    from starlette.testclient import TestClient

    from toolkit.web.app import create_app

    app = create_app(room, hosts=["127.0.0.1", "127.0.0.1:8300", "testserver"], public_url="http://127.0.0.1:8300")
    with TestClient(app, base_url="http://127.0.0.1") as c:
        yield c


@pytest.fixture
def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["CIMIS_PLUGINS_DIR"] = str(PLUGIN_DIR)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium driven by Playwright, one per test module."""
    from server_util import CHROMIUM

    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield b
        b.close()
