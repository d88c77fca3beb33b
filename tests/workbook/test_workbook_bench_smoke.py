"""The workbook-against-mdBook benchmark runs in its quick mode and its figures are real
measurements: positive times, a rebuild far below a full build, check within a build."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_bench_mdbook_quick():
    out = subprocess.run([sys.executable, "-m", "benchmarks.bench_mdbook", "--quick"], cwd=REPO, capture_output=True,
                         text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    text = out.stdout
    rebuild = re.search(r"one-chapter rebuild at 200 chapters: ([\d.]+) s vs full build ([\d.]+) s -> ratio ([\d.]+)",
                        text)
    check = re.search(r"workbook check at 200 chapters: ([\d.]+) s vs build ([\d.]+) s -> ratio ([\d.]+)", text)
    assert rebuild and check, text
    inc, full, ratio = map(float, rebuild.groups())
    assert 0 < inc < full and abs(ratio - inc / full) < 0.01
    assert float(check.group(1)) > 0 and float(check.group(3)) < 3  # a loose bound: machines differ
    if "mdbook comparison skipped" not in text:
        assert re.search(r"small book \(30 chapters\): cimis \d+ ms vs mdbook \d+ ms -> ratio [\d.]+", text), text
        first = re.search(r"small book, first build \(30 chapters, nothing cached\): cimis (\d+) ms "
                          r"vs mdbook (\d+) ms -> ratio ([\d.]+)", text)
        assert first and int(first.group(1)) > 0 and int(first.group(2)) > 0 and float(first.group(3)) > 0, text
    assert re.search(r"load average \(1, 5, 15 min\) at the start: [\d.]+, [\d.]+, [\d.]+", text), text
