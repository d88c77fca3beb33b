"""The store benchmark runs (in its quick smoke mode) and prints its ratios."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent


def test_bench_store_quick():
    out = subprocess.run([sys.executable, str(REPO / "benchmarks" / "bench_store.py"), "--quick"],
                         capture_output=True, text=True, timeout=120, cwd=REPO)
    assert out.returncode == 0, out.stderr
    for expected in ("ratio store/bare", "resume a 1000-event session", "linear scaling"):
        assert expected in out.stdout, out.stdout
