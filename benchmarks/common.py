"""Timing helpers shared by the benchmarks: alternate the measured command and its baseline
so that machine drift hits both, and report medians and their ratio."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

BIN = Path(sys.executable).parent


def wall(cmd: Sequence[str], env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def paired(measure: Callable[[], float], baseline: Callable[[], float], runs: int, warmup: int = 1):
    """Run both ``runs`` times, interleaved; return (median, median baseline, median of pair ratios)."""
    for _ in range(warmup):
        measure()
        baseline()
    a, b = [], []
    for _ in range(runs):
        a.append(measure())
        b.append(baseline())
    ratios = [x / y for x, y in zip(a, b)]
    return statistics.median(a), statistics.median(b), statistics.median(ratios)


def report(name: str, value: float, baseline_name: str, baseline: float, ratio: float, target: str) -> str:
    line = (f"{name}: {value * 1000:.1f} ms vs {baseline_name}: {baseline * 1000:.1f} ms "
            f"-> ratio {ratio:.2f} (target {target})")
    print(line, flush=True)
    return line


def run_json(code: str, env: dict[str, str], *args: str) -> dict:
    """Run ``code`` in a fresh interpreter and return the JSON object on its last output line."""
    import json

    out = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(out.stderr)
    return json.loads(out.stdout.strip().splitlines()[-1])


def env_with(**extra: str) -> dict[str, str]:
    """The environment for measured processes: as a user's, so with bytecode caching on
    (some CI and sandbox environments turn it off, which would time the compiler instead)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(extra)
    return env
