"""Fixtures for the store backend tests: one throw-away PostgreSQL server per test session
(started here, stopped with ``pg_ctl -m immediate stop`` at the end) and a fresh database
per test. Without PostgreSQL the tests that need it skip, saying why."""

from __future__ import annotations

import itertools
import shutil
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent.parent
HERE = Path(__file__).resolve().parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

_names = itertools.count(1)


@pytest.fixture(scope="session")
def pg_cluster():
    from benchmarks.pgcluster import Cluster, Unavailable

    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("psycopg is not installed (pip install 'psycopg[binary]')")
    try:
        cluster = Cluster.temporary()
    except Unavailable as exc:
        pytest.skip(f"PostgreSQL unavailable: {exc}")
    yield cluster
    cluster.stop()


@pytest.fixture
def pg_url(pg_cluster) -> str:
    """The URL of a new, empty database on the test server."""
    import psycopg

    name = f"t{next(_names)}"
    with psycopg.connect(pg_cluster.url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return pg_cluster.url.rsplit("/", 1)[0] + "/" + name


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
