"""The benchmarks keep working: each runs in its quick mode and prints its ratio lines.
(The full benchmarks are not part of the test run: ``python -m benchmarks.run``.)"""

from __future__ import annotations

import subprocess
import sys

import pytest

from cards_util import REPO


@pytest.mark.parametrize("module, expect", [
    ("benchmarks.bench_cli", "ratio"),
    ("benchmarks.bench_cards", "ratio to cold"),
    ("benchmarks.bench_build", "ratio"),
    ("benchmarks.bench_tui_cards", "ratio to a plain OptionList"),
    ("benchmarks.bench_tui_timer", "ratio displayed/true elapsed"),
    ("benchmarks.bench_tui_start", "memory ratio"),
    ("benchmarks.bench_sync", "ratio to reading every event"),
])
def test_benchmark_quick_mode(module, expect):
    out = subprocess.run([sys.executable, "-m", module, "--quick"], cwd=REPO, capture_output=True, text=True,
                         timeout=300)
    assert out.returncode == 0, out.stderr
    assert expect in out.stdout


def test_pgstore_benchmark_quick_mode():
    """Four sites into one PostgreSQL database and a push; skips (visibly) without
    PostgreSQL, as the benchmark itself reports."""
    import json

    out = subprocess.run([sys.executable, "-m", "benchmarks.bench_pgstore", "--quick"], cwd=REPO,
                         capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    if out.stdout.startswith("SKIPPED"):
        pytest.skip(out.stdout.strip())
    assert "ratio" in out.stdout and "events/s" in out.stdout
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    assert figures["acks"] == 4 * 40
    assert 0 < figures["bare_p50_ms"] <= figures["bare_p99_ms"]
    assert 0 < figures["store_p50_ms"] <= figures["store_p99_ms"]
    assert figures["p50_ratio"] == pytest.approx(figures["store_p50_ms"] / figures["bare_p50_ms"])
    assert figures["events"] == 5000 and figures["push_events_per_s"] > 0
    assert figures["push_events_per_s"] == pytest.approx(5000 / figures["push_seconds"])
    assert figures["copy_seconds"] > 0
