"""The programme and store-backend modules type-check with ``mypy --strict``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent.parent
MODULES = ["toolkit/programme", "toolkit/session/pgstore.py", "toolkit/session/backend.py",
           "toolkit/session/transfer.py", "toolkit/cli/store.py", "toolkit/cli/programme.py",
           "benchmarks/pgcluster.py", "benchmarks/bench_pgstore.py"]


@pytest.mark.slow
def test_mypy_strict():
    pytest.importorskip("mypy", reason="mypy is not installed (it is in the test extra)")
    done = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--follow-imports=silent",
                           "--ignore-missing-imports", "--no-incremental", *MODULES], cwd=REPO,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
