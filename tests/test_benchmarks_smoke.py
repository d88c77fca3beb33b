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
    ("benchmarks.bench_tui_scorecard", "ratio to a plain input-to-label update"),
    ("benchmarks.bench_sync", "ratio to reading every event"),
])
def test_benchmark_quick_mode(module, expect):
    out = subprocess.run([sys.executable, "-m", module, "--quick"], cwd=REPO, capture_output=True, text=True,
                         timeout=300)
    assert out.returncode == 0, out.stderr
    assert expect in out.stdout


def test_scorecard_benchmark_reports_real_numbers():
    """The jury-grid benchmark measures something: a positive time per score, a baseline and
    their ratio that agree with each other."""
    import re

    out = subprocess.run([sys.executable, "-m", "benchmarks.bench_tui_scorecard", "--quick"], cwd=REPO,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    found = re.search(r"screen\): ([\d.]+) ms .*update \(([\d.]+) ms\): ([\d.]+)", out.stdout)
    assert found, out.stdout
    grid, base, ratio = map(float, found.groups())
    assert grid > 0 and base > 0
    assert abs(grid / base - ratio) < 0.05 * ratio + 0.01
    assert grid < 1000  # far beyond the 50 ms goal only if something is badly wrong
