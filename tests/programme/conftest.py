"""Fixtures of the programme tests: a new programme folder, and the shared PostgreSQL
fixtures for the shared-database case."""

from pathlib import Path

import pytest
from pg_fixtures import pg_cluster, pg_url  # noqa: F401


@pytest.fixture
def programme(tmp_path, cli) -> Path:
    folder = tmp_path / "prog"
    out = cli("programme", "new", str(folder), "--name", "Cross Innovation 2026", "--year", "2026",
              "--language", "de")
    assert out.exit_code == 0, out.output
    return folder
