"""Building a generated 500-chapter, ~4 MB workbook to HTML.

Targets, each a ratio against a baseline measured in the same run:
- full HTML build at most 1.3x the time markdown-it-py alone takes to render the same
  chapter files (the least any Markdown-to-HTML builder must do);
- at least 3x faster than mkdocs building the same chapters (both as fresh processes);
- an incremental rebuild after one chapter changed at most 10% of a full build.

In-process figures are medians of interleaved runs. ``--quick`` uses 40 chapters and skips
mkdocs if it is not installed (``pip install cimis-toolkit[bench]``).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import env_with, paired

REPO = Path(__file__).resolve().parent.parent

WORDS = ["creative", "company", "workshop", "prototype", "carpentry", "job", "sheet", "process", "digital",
         "idea", "team", "jury", "pitch", "customer", "journey", "municipality", "theatre", "museum",
         "canvas", "matching", "interest", "round", "table", "feedback", "partner", "challenge", "material",
         "insight", "sketch", "test", "iterate", "share", "learn", "Dresden", "Lausitz", "Meißen"]


def _sentence(i: int, n: int) -> str:
    words = [WORDS[(i * 7 + k * 13 + k * k) % len(WORDS)] for k in range(n)]
    return " ".join(words).capitalize() + "."


def chapter_text(i: int, total: int, size: int) -> str:
    """About ``size`` bytes of workbook-like Markdown: sections, lists, a table, code,
    emphasis and links to other chapters."""
    parts = [f"Chapter {i} opens with *emphasis*, **strong words** and `code`. " + _sentence(i, 30)]
    k = 0
    while sum(map(len, parts)) < size:
        k += 1
        parts.append(f"## Section {k}: {WORDS[(i + k) % len(WORDS)]}")
        parts.append(" ".join(_sentence(i + k + j, 12 + j % 9) for j in range(6)))
        parts.append("\n".join(f"- {_sentence(i * k + j, 8)}" for j in range(5)))
        parts.append(f"See [chapter {(i + k) % total}](c{(i + k) % total:04d}.md#section-1) and "
                     f"[the web](https://example.org/{i}/{k}).")
        if k % 3 == 0:
            parts.append("| who | what | score |\n|---|---|---|\n"
                         + "\n".join(f"| {WORDS[j % len(WORDS)]} | {_sentence(j, 4)} | {j} |" for j in range(6)))
        if k % 4 == 0:
            parts.append("```\n" + "\n".join(f"step {j}: {_sentence(j, 5)}" for j in range(4)) + "\n```")
        if k % 5 == 0:
            parts.append("> " + _sentence(i + k, 20) + "\n\n- [x] done\n- [ ] open")
    return "\n\n".join(parts) + "\n"


def make_workbook(folder: Path, chapters: int, size: int) -> int:
    (folder / "chapters").mkdir(parents=True)
    (folder / "book.yaml").write_text("title: Benchmark book\nauthors: [Bench]\nlanguage: en\n", "utf-8")
    summary = ["# Summary", ""]
    total = 0
    for i in range(chapters):
        text = (f"---\ntitle: Chapter {i}\nauthors: [Anna, Ben]\nstatus: draft\n---\n\n"
                + chapter_text(i, chapters, size))
        (folder / "chapters" / f"c{i:04d}.md").write_text(text, "utf-8")
        total += len(text.encode())
        indent = "  " if i % 10 else ""
        summary.append(f"{indent}- [Chapter {i}](chapters/c{i:04d}.md)")
    (folder / "SUMMARY.md").write_text("\n".join(summary) + "\n", "utf-8")
    return total


def render_only(folder: Path) -> float:
    """The baseline: read every chapter file and render it with the workbook's markdown-it."""
    from toolkit.markdown import make_markdown

    start = time.perf_counter()
    md = make_markdown()
    for path in sorted((folder / "chapters").glob("*.md")):
        md.render(path.read_text("utf-8"))
    return time.perf_counter() - start


def full_build(folder: Path) -> float:
    from toolkit.workbook.build import build

    shutil.rmtree(folder / "build", ignore_errors=True)
    start = time.perf_counter()
    build(folder, "html")
    return time.perf_counter() - start


def incremental_build(folder: Path, n: int) -> float:
    from toolkit.workbook.build import build

    path = folder / "chapters" / "c0003.md"
    path.write_text(path.read_text("utf-8") + f"\nOne more line, edit {n}.\n", "utf-8")
    start = time.perf_counter()
    build(folder, "html")
    return time.perf_counter() - start


def mkdocs_project(folder: Path, target: Path) -> None:
    docs = target / "docs"
    shutil.copytree(folder / "chapters", docs / "chapters")
    nav = "\n".join(f"  - 'Chapter {i}': chapters/{p.name}"
                    for i, p in enumerate(sorted((folder / "chapters").glob("*.md"))))
    (target / "mkdocs.yml").write_text(f"site_name: Benchmark book\nuse_directory_urls: false\nnav:\n{nav}\n",
                                       "utf-8")


def timed(cmd: list[str], cwd: Path | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, env=env_with(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="40 chapters and few runs")
    args = parser.parse_args(argv)
    chapters, size, runs = (40, 8000, 2) if args.quick else (500, 8000, args.runs)
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        # the chapter cache goes into this temporary folder, never the user's cache
        os.environ["CIMIS_CACHE_DIR"] = str(Path(tmp) / "cache")
        folder = Path(tmp) / "book"
        total = make_workbook(folder, chapters, size)
        print(f"{chapters} chapters, {total / 1e6:.1f} MB of Markdown")

        build_s, render_s, ratio = paired(lambda: full_build(folder), lambda: render_only(folder), runs)
        print(f"full HTML build: {build_s * 1000:.0f} ms vs markdown-it render only: {render_s * 1000:.0f} ms "
              f"-> ratio {ratio:.2f} (target <= 1.3)", flush=True)
        results.update(build=build_s, render=render_s, build_ratio=ratio)

        full_build(folder)
        counter = iter(range(10**6))
        inc_s, full_s, inc_ratio = paired(lambda: incremental_build(folder, next(counter)),
                                          lambda: full_build(folder),
                                          runs)
        print(f"incremental rebuild (one chapter changed): {inc_s * 1000:.0f} ms vs full build: "
              f"{full_s * 1000:.0f} ms -> ratio {inc_ratio:.3f} (target <= 0.10)", flush=True)
        results.update(incremental=inc_s, incremental_ratio=inc_ratio)

        if importlib.util.find_spec("mkdocs") is None:
            print("mkdocs comparison skipped: mkdocs is not installed (pip install cimis-toolkit[bench])")
        else:
            project = Path(tmp) / "mk"
            mkdocs_project(folder, project)
            code = (f"from toolkit.workbook.build import build; "
                    f"build({str(folder)!r}, 'html', {str(Path(tmp) / 'cli')!r})")
            mk_runs = 1 if args.quick else max(1, runs // 2)
            ours, theirs = [], []
            for _ in range(mk_runs):
                shutil.rmtree(folder / ".cli.cache", ignore_errors=True)
                shutil.rmtree(Path(tmp) / ".cli.cache", ignore_errors=True)
                ours.append(timed([sys.executable, "-c", code]))
                theirs.append(timed([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(project / "site")],
                                    cwd=project))
            o, t = statistics.median(ours), statistics.median(theirs)
            print(f"cimis build (fresh process, no cache): {o * 1000:.0f} ms vs mkdocs build: {t * 1000:.0f} ms "
                  f"-> ratio {t / o:.1f}x faster (target >= 3x)", flush=True)
            results.update(cli=o, mkdocs=t, mkdocs_speedup=t / o)
    return results


if __name__ == "__main__":
    main()
