"""Loading and validating 1,000 method cards spread over 50 plugin folders.

Targets: under 0.5 s cold (empty cache), under 0.15 s for a second run (cached parse). Each
figure is also given as a ratio against a baseline measured in the same run: the cold load
against only reading and YAML-parsing the same files (the least any loader must do), the
cached load against the cold one. Times are measured inside the process (library load,
not interpreter start-up), in fresh processes so nothing is warm that a user's run would
not have warm."""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
from pathlib import Path

from benchmarks.common import env_with, run_json

REPO = Path(__file__).resolve().parent.parent

LOAD = """
import time, json
t = time.perf_counter()
from toolkit.registry import library
lib = library()
elapsed = time.perf_counter() - t
print(json.dumps({"seconds": elapsed, "cards": len(lib.cards), "errors": len(lib.errors())}))
"""

BASELINE = """
import time, json, sys, os
t = time.perf_counter()
import yaml
loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
n = 0
for root, _dirs, files in os.walk(sys.argv[1]):
    for name in files:
        if name.endswith(".md"):
            text = open(os.path.join(root, name), encoding="utf-8").read()
            yaml.load(text.split("---")[1], Loader=loader)
            n += 1
print(json.dumps({"seconds": time.perf_counter() - t, "cards": n}))
"""

PLUGIN = """
from pathlib import Path
from toolkit import hookimpl

@hookimpl
def register_methods(register):
    register(Path(__file__).parent / "{folder}")
"""


def make_library(root: Path, folders: int, pairs_per_folder: int) -> int:
    """``folders`` plugin folders, each with ``pairs_per_folder`` methods in de and en, made
    from the built-in cards with new ids; plus one local plugin module per folder."""
    sources = sorted((REPO / "methods" / "en").glob("*.md"))
    plugins = root / "plugins"
    plugins.mkdir(parents=True)
    count = 0
    for f in range(folders):
        folder = root / f"cards{f:02d}"
        for p in range(pairs_per_folder):
            source = sources[(f * pairs_per_folder + p) % len(sources)]
            for lang in ("en", "de"):
                text = (REPO / "methods" / lang / source.name).read_text("utf-8")
                old_id = source.stem
                new_id = f"{old_id}-p{f}-{p}"
                target = folder / lang / f"{new_id}.md"
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text.replace(f"id: {old_id}\n", f"id: {new_id}\n", 1), "utf-8")
                count += 1
        (plugins / f"plugin{f:02d}.py").write_text(PLUGIN.format(folder=f"../cards{f:02d}"), "utf-8")
    return count


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--quick", action="store_true", help="a small library and few runs")
    args = parser.parse_args(argv)
    folders, pairs, runs = (5, 2, 2) if args.quick else (50, 10, args.runs)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        total = make_library(root, folders, pairs)
        cache = root / "cache"
        env = env_with(CIMIS_PLUGINS_DIR=str(root / "plugins"), CIMIS_CACHE_DIR=str(cache),
                       CIMIS_CONFIG=str(root / "none.toml"), CIMIS_LOAD_PLUGINS="")
        cold, warm, base = [], [], []
        for _ in range(runs):
            shutil.rmtree(cache, ignore_errors=True)
            first = run_json(LOAD, env)
            second = run_json(LOAD, env)
            assert first["errors"] == 0 and first["cards"] >= total, first
            cold.append(first["seconds"])
            warm.append(second["seconds"])
            base.append(run_json(BASELINE, env, str(root))["seconds"])
    cold_s, warm_s, base_s = (statistics.median(x) for x in (cold, warm, base))
    print(f"{total} cards in {folders} plugin folders")
    print(f"cold load+validate: {cold_s * 1000:.0f} ms (target < 500 ms); "
          f"ratio to read+YAML-parse only ({base_s * 1000:.0f} ms): {cold_s / base_s:.2f}")
    print(f"cached second run: {warm_s * 1000:.0f} ms (target < 150 ms); ratio to cold: {warm_s / cold_s:.2f}")
    return {"cold": cold_s, "warm": warm_s, "baseline": base_s}


if __name__ == "__main__":
    main()
