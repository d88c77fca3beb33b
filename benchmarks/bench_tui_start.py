"""Start-up of the terminal UI: from a fresh process to the interactive start screen.

Targets, as ratios against a bare Textual app (a Header, one Static, a Footer) measured in the
same run: wall time at most 1.25x, peak memory (max RSS) at most 1.5x. Both apps run headless
in fresh processes and exit as soon as their first screen is drawn (``CIMIS_EXIT_WHEN_READY=1``
for cimis); ``ui`` goes through the ``cimis`` command line as a user's start does, ``app``
builds the app directly. Peak memory is each child's own ``ru_maxrss`` (from ``os.wait4``)."""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import env_with

REPO = Path(__file__).resolve().parent.parent

BARE = """
from textual.app import App
from textual.widgets import Footer, Header, Static

class Bare(App):
    def compose(self):
        yield Header()
        yield Static("Hello")
        yield Footer()

    def on_mount(self):
        self.call_after_refresh(self.exit)

Bare().run(headless=True)
"""

APP = """
from toolkit.tui.app import CimisApp
CimisApp().run(headless=True)
"""

UI = """
import textual.app
_run = textual.app.App.run
textual.app.App.run = lambda self, *a, **k: _run(self, *a, **{**k, "headless": True})
from toolkit.cli import main
main(["ui"])
"""


def measure(code: str, env: dict[str, str]) -> tuple[float, float]:
    """(seconds, peak RSS in MiB) of one fresh process running ``code``."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, cwd=REPO)
    _pid, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr.read().decode() if proc.stderr else "failed")
    if proc.stderr:
        proc.stderr.close()
    scale = 1024 if sys.platform != "darwin" else 1024 * 1024  # KiB on Linux, bytes on macOS
    return elapsed, usage.ru_maxrss / scale


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--quick", action="store_true", help="few runs")
    args = parser.parse_args(argv)
    runs = 3 if args.quick else args.runs
    with tempfile.TemporaryDirectory() as tmp:
        env = env_with(CIMIS_CACHE_DIR=str(Path(tmp) / "cache"), CIMIS_CONFIG=str(Path(tmp) / "none.toml"),
                       CIMIS_EXIT_WHEN_READY="1", CIMIS_LANG="en", HOME=tmp, TEXTUAL_ANIMATIONS="none")
        results: dict[str, list[tuple[float, float]]] = {"bare": [], "app": [], "ui": []}
        for code in (BARE, APP, UI):  # warm-up: bytecode caches, entry-point cache
            measure(code, env)
        for _ in range(runs):  # interleaved, so that drift hits all alike
            results["bare"].append(measure(BARE, env))
            results["app"].append(measure(APP, env))
            results["ui"].append(measure(UI, env))
    bare_s = statistics.median(t for t, _m in results["bare"])
    bare_m = statistics.median(m for _t, m in results["bare"])
    out = {"bare_seconds": bare_s, "bare_mib": bare_m}
    print(f"bare Textual app (Header, Static, Footer): {bare_s * 1000:.0f} ms, {bare_m:.1f} MiB peak")
    for name, label in (("app", "CimisApp to the start screen"), ("ui", "'cimis ui' to the start screen")):
        seconds = statistics.median(t for t, _m in results[name])
        mib = statistics.median(m for _t, m in results[name])
        print(f"{label}: {seconds * 1000:.0f} ms, {mib:.1f} MiB peak; "
              f"time ratio {seconds / bare_s:.2f} (target <= 1.25), memory ratio {mib / bare_m:.2f} (target <= 1.5)")
        out[f"{name}_seconds"], out[f"{name}_mib"] = seconds, mib
    return out


if __name__ == "__main__":
    main()
