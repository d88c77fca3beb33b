"""Fixtures for the store backend tests: the PostgreSQL server and databases of
``tests/pg_fixtures.py``, and workshop folders with the session tests' plan."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent.parent
HERE = Path(__file__).resolve().parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from pg_fixtures import pg_cluster, pg_url  # noqa: F401


@pytest.fixture
def session_plugin(monkeypatch):
    """The session tests' capture kinds (a local plugin folder)."""
    monkeypatch.setenv("CIMIS_PLUGINS_DIR", str(REPO / "tests" / "session" / "plugin"))
    from toolkit.plugins import reset_host

    reset_host()
    yield
    reset_host()


@pytest.fixture
def make_workshop(tmp_path, session_plugin):
    """``make_workshop(name)``: a workshop folder with the session tests' plan."""

    def make(name: str = "workshop", parent: Path | None = None) -> Path:
        folder = (parent or tmp_path) / name
        folder.mkdir(parents=True)
        shutil.copy(REPO / "tests" / "session" / "workshop.yaml", folder / "workshop.yaml")
        return folder

    return make
