"""The benchmarks keep working: each runs in its quick mode, and the figures it prints are
real measurements, not just labels. Timing figures on a shared machine are noisy, so each is
checked against a sanity range (a ratio of zero, infinity or "nan" means the benchmark
measured nothing); figures that do not depend on timing (the timer's error, its elapsed-time
ratio) are checked against their targets. (The full benchmarks are not part of the test
run: ``python -m benchmarks.run``.)"""

from __future__ import annotations

import math
import re
import subprocess
import sys

import pytest

from cards_util import REPO

NUMBER = r"([-+]?\d+(?:\.\d+)?(?:e[-+]?\d+)?|nan|inf)"

# module -> [(pattern with one number group, lowest allowed, highest allowed)]
FIGURES = {
    "benchmarks.bench_cli": [(rf"cimis --help: .* -> ratio {NUMBER}", 0.2, 10)],
    "benchmarks.bench_cards": [(rf"ratio to read\+YAML-parse only \(\d+ ms\): {NUMBER}", 0.5, 200),
                               (rf"ratio to cold: {NUMBER}", 0.0001, 1.0)],
    "benchmarks.bench_build": [(rf"full HTML build: .* -> ratio {NUMBER}", 0.05, 20),
                               (rf"incremental rebuild .* -> ratio {NUMBER}", 0.0001, 1.0)],
    "benchmarks.bench_tui_cards": [(rf"ratio to a plain OptionList add \([\d.]+ ms\): {NUMBER}", 0.05, 100)],
    "benchmarks.bench_tui_timer": [(rf"error beyond that rounding: {NUMBER} s", 0, 0.001),
                                   (rf"ratio displayed/true elapsed: {NUMBER}", 0.99, 1.01),
                                   (rf"tick cost ratio {NUMBER}", 0.05, 100)],
    "benchmarks.bench_tui_start": [(rf"CimisApp to the start screen: .*time ratio {NUMBER}", 0.05, 20),
                                   (rf"CimisApp to the start screen: .*memory ratio {NUMBER}", 0.5, 10)],
    # linear parsers: a quadratic one shows ~4 here
    "benchmarks.bench_parsers": [(rf"{re.escape(shape)}: .*growth ratio {NUMBER}", 0.05, 2.5) for shape in (
        "card heading with blanks", "20,000 duplicate headings", "SUMMARY.md part titles", "import lines",
        "YAML depth check")],
    "benchmarks.bench_tui_scorecard": [(rf"plain input-to-label update \([\d.]+ ms\): {NUMBER}", 0.05, 100)],
    "benchmarks.bench_sync": [(rf"first sync: .*ratio to reading every event \(\d+ ms\): {NUMBER}", 0.1, 500)],
}


def figures(module: str, out: str) -> list[float]:
    found = []
    for pattern, low, high in FIGURES[module]:
        match = re.search(pattern, out)
        assert match, f"{module}: no figure matching {pattern!r} in:\n{out}"
        value = float(match.group(1))
        assert math.isfinite(value), f"{module}: {pattern!r} is {value}"
        assert low <= value <= high, f"{module}: {value} outside [{low}, {high}] ({pattern!r})"
        found.append(value)
    return found


@pytest.mark.parametrize("module", sorted(FIGURES))
def test_benchmark_quick_mode(module, tmp_path):
    import os

    # a benchmark keeps the caches it builds (chapters) in temporary folders of its own
    env = {**os.environ, "CIMIS_CACHE_DIR": str(tmp_path / "user-cache"), "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    out = subprocess.run([sys.executable, "-m", module, "--quick"], cwd=REPO, capture_output=True, text=True,
                         timeout=300, env=env)
    assert out.returncode == 0, out.stderr
    figures(module, out.stdout)
    leaked = [p for p in tmp_path.rglob("*") if p.is_file() and "chapters" in p.parts]
    assert not leaked, f"{module} left its chapter cache in the user's cache: {leaked[:5]}"


def test_figures_reject_a_benchmark_that_measures_nothing():
    with pytest.raises(AssertionError):
        figures("benchmarks.bench_cli", "cimis --help: 0.0 ms vs python -c 'import click': 0.0 ms -> ratio nan")
    with pytest.raises(AssertionError):
        figures("benchmarks.bench_tui_timer", "error beyond that rounding: 0.0000 s; ratio displayed/true "
                                              "elapsed: 0.0000 (target 1.00)")
    with pytest.raises(AssertionError):
        figures("benchmarks.bench_cli", "cimis --help ratio")  # a label alone is not a figure


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
    assert 0 < figures["engine_p50_ms"] <= figures["engine_p99_ms"]
    assert figures["engine_p50_ratio"] == pytest.approx(figures["engine_p50_ms"] / figures["bare_p50_ms"])
    assert "engine capture ack" in out.stdout
    assert figures["events"] == 5000 and figures["push_events_per_s"] > 0
    assert figures["push_events_per_s"] == pytest.approx(5000 / figures["push_seconds"])
    assert figures["copy_seconds"] > 0


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
