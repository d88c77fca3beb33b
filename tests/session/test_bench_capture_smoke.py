"""The capture benchmark's quick mode runs and its figures show capture not growing with
the step: the incremental rules stay well below the full-scan fallback at 10,000 records and
do not grow from 1,000 to 10,000 the way the fallback does."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_bench_capture_quick_figures():
    out = subprocess.run([sys.executable, "-m", "benchmarks.bench_capture", "--quick", "--json"], cwd=REPO,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert "ratio" in out.stdout
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    fast, slow = figures["incremental rules 10000"], figures["full-scan fallback 10000"]
    assert fast["bare_ms"] > 0 and fast["engine_ms"] > 0
    assert fast["ratio"] * 2 < slow["ratio"], figures
    # flat: per-capture cost at 10,000 records is not far above the one at 1,000 (the
    # fallback grows tenfold); generous because other processes share the machine
    assert fast["ratio"] < figures["incremental rules 1000"]["ratio"] * 1.6, figures
