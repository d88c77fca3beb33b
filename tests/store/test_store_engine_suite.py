"""The engine and session command tests of ``tests/session`` run again with the session in
PostgreSQL (``CIMIS_STORE``), in a child pytest: the same behaviour on both backends."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent.parent
SUITE = ["tests/session/test_session_engine.py", "tests/session/test_session_state.py",
         "tests/session/test_session_cli.py"]
# these look at session.db itself (damage the file, read it with sqlite3, a read-only
# folder); their PostgreSQL counterparts are in test_store_contract and test_store_pg_crash
FILE_ONLY = "not unusable_store and not readonly_folder and not import_acks_each and not stops_at_a_bad_line"


@pytest.mark.slow
def test_session_suite_on_postgresql(pg_url):
    env = dict(os.environ, CIMIS_STORE=pg_url, PYTHONDONTWRITEBYTECODE="1")
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-k", FILE_ONLY, *SUITE],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert " passed" in done.stdout and "failed" not in done.stdout
