"""Run every benchmark: ``python -m benchmarks.run`` (``--quick`` for the smoke mode).

Each benchmark runs in a process of its own, so that none inherits another's memory (a
child forked from a large process reports that size as its own peak) or warm caches.
"""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    here = Path(__file__).parent
    failed = 0
    for info in sorted(pkgutil.iter_modules([str(here)]), key=lambda i: i.name):
        if not info.name.startswith("bench_"):
            continue
        print(f"== {info.name}", flush=True)
        done = subprocess.run([sys.executable, "-m", f"benchmarks.{info.name}", *argv], cwd=here.parent)
        failed += done.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
