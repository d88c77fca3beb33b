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
    import math
    import re

    # real figures, not labels: each must be a finite, positive measurement
    for pattern in (r"ratio store/bare ([\d.]+)", r"resume a 1000-event session .*median ([\d.]+) ms",
                    r"linear scaling: per-event ratio \d+ vs \d+ is ([\d.]+)"):
        match = re.search(pattern, out.stdout)
        assert match, (pattern, out.stdout)
        value = float(match.group(1))
        assert math.isfinite(value) and 0 < value < 1000, (pattern, value)
    # the fold is linear: ten times the events cost about ten times as much, relative to a
    # plain dict pass over the same events (a quadratic fold shows ~10 here; noise stays < 2)
    growth = re.search(r"linear scaling: .*?, ([\d.]+) relative to the plain pass", out.stdout)
    assert growth, out.stdout
    assert float(growth.group(1)) < 2.0, out.stdout
