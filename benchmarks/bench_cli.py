"""``cimis --help`` start-up against ``python -c "import click"`` (target: ratio <= 1.5).

Both run as whole processes, interleaved, with a warm entry-point cache (as every start
after the first one is)."""

from __future__ import annotations

import argparse
import sys
import tempfile

from benchmarks.common import BIN, env_with, paired, report, wall


def main(argv: list[str] | None = None) -> float:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--quick", action="store_true", help="a few runs, to check the benchmark works")
    args = parser.parse_args(argv)
    runs = 3 if args.quick else args.runs
    with tempfile.TemporaryDirectory() as tmp:
        env = env_with(CIMIS_CACHE_DIR=tmp, CIMIS_CONFIG=f"{tmp}/none.toml")
        cimis = [str(BIN / "cimis"), "--help"]
        click = [sys.executable, "-c", "import click"]
        wall(cimis, env)  # fills the entry-point cache
        value, base, ratio = paired(lambda: wall(cimis, env), lambda: wall(click, env), runs)
    report("cimis --help", value, "python -c 'import click'", base, ratio, "<= 1.5")
    return ratio


if __name__ == "__main__":
    main()
