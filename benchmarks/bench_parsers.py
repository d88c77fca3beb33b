"""Every parser of hand-written input grows linearly with its input, hostile input included.

For each input shape, the parser runs on an input of size n and of size 4n; the figure is
the ratio of the time per unit (per heading, per blank, per line) at 4n to that at n, which
is about 1 for a linear parser and about 4 for a quadratic one (target <= 2). The shapes
are the ones that used to be quadratic: a card heading with a long run of blanks, 20,000
duplicate headings, SUMMARY.md part titles with long runs of blanks, deeply nested and long
import lines, and YAML whose nesting must be checked before libyaml sees it.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

CARD = """---
id: t
language: en
title: T
summary: A card used in the benchmark.
category: ideation
duration: 15
group_size: {min: 2, max: 20}
steps:
  - id: intro
    title: Intro
    minutes: 15
---

Intro text.

## Intro

Say what happens.
"""


def best(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def shapes() -> dict[str, Callable[[int], Callable[[], object]]]:
    from toolkit.cards.parse import parse_card
    from toolkit.session.exchange import parse_line
    from toolkit.workbook.summary import parse_summary
    from toolkit.yamlload import nesting_too_deep

    def card_blanks(n: int) -> Callable[[], object]:
        raw = CARD.replace("## Intro", "##" + " \t" * n + "Intro" + " " * n + "x").encode()
        return lambda: parse_card(raw, Path("t.md"), None)

    def card_duplicates(n: int) -> Callable[[], object]:
        raw = (CARD + "## Intro\n\nx\n" * n).encode()
        return lambda: parse_card(raw, Path("t.md"), None)

    def summary_parts(n: int) -> Callable[[], object]:
        blanks = " \t" * (n // 20)
        text = "# Summary\n\n" + "".join(f"# Part{blanks}{i}{blanks}x\n\n- [C](c{i}.md)\n" for i in range(10))
        return lambda: parse_summary(text, "SUMMARY.md")

    def import_line(n: int) -> Callable[[], object]:
        line = '{"item": "a", "step": "b", "record": {"text": "' + "x " * n + '"}}'
        deep = '{"item": "a", "step": "b", "record": ' + "[" * n + "]" * n + "}"

        def run() -> None:
            parse_line(line)
            try:
                parse_line(deep)
            except ValueError:
                pass
        return run

    def yaml_depth(n: int) -> Callable[[], object]:
        text = "a: " + "[" * n + "]" * n + "\n" + "".join(f"k{i}: [x, {{y: z}}]\n" for i in range(n // 10))
        return lambda: nesting_too_deep(text)

    return {"card heading with blanks": card_blanks, "20,000 duplicate headings": card_duplicates,
            "SUMMARY.md part titles": summary_parts, "import lines": import_line, "YAML depth check": yaml_depth}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smaller inputs, fewer runs (smoke test)")
    args = parser.parse_args(argv)
    base, runs = (20_000, 3) if args.quick else (50_000, 5)
    missed = []
    for name, make in shapes().items():
        # large enough that the parser's fixed cost (a card's front matter) does not hide the growth
        n = 20_000 // 4 if name.startswith("20,000") else base
        small = best(make(n), runs) / n
        large = best(make(4 * n), runs) / (4 * n)
        ratio = large / small
        ok = ratio <= 2.0
        if not ok:
            missed.append(name)
        print(f"{name}: {small * 1e6:.3f} us per unit at n={n}, {large * 1e6:.3f} at 4n -> growth ratio "
              f"{ratio:.2f} (target <= 2, quadratic ~4): {'ok' if ok else 'MISSED'}", flush=True)
    if missed:
        print("missed: " + ", ".join(missed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
