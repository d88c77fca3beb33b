"""PostgreSQL fixtures, imported by the conftests that need them: one throw-away server per
test session (started here, stopped with ``pg_ctl -m immediate stop`` at the end) and a
fresh database per test. Without PostgreSQL the tests that need it skip, saying why."""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
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
