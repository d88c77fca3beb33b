"""Mutated plan files never make loading, resolving or checking raise anything but
ProblemsError: bad input gets messages, never a traceback."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from plan_testdata import GOOD_PLAN, KINDS
from toolkit.errors import Problem, ProblemsError
from toolkit.examples import example_path
from toolkit.plan import load_plan, read_plan
from toolkit.plan.check import check_source

SEEDS = [GOOD_PLAN, (example_path("kickoff") / "workshop.yaml").read_text(encoding="utf-8")]
PIECES = st.sampled_from([
    ":", ": ", "- ", "-", "[", "]", "{", "}", ",", "&a ", "*a", "!!int ", "!!python/object ", "|", ">", "'", '"',
    "#", "\n", "  ", "\t", "?", "%YAML 1.1\n", "---\n", "...", "~", "null", "yes", "no", "0", "-1", "1e999",
    ".inf", "9:30", "25:99", "2026-02-30", "2026-01-01", "id", "method", "type", "talk", "minutes", "options",
    "source", "speaker", "people", "agenda", "role", "jury", "ideas", "dating", "rounds", "x" * 300, "ä", "\x00",
    "\ufeff", "\u2028",
])
FRAGMENT = st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=6).map("".join)


@st.composite
def mutated(draw) -> bytes:
    text = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(1, 4))):
        lines = text.splitlines(keepends=True) or [""]
        op = draw(st.sampled_from(["insert", "delete", "replace_line", "swap", "duplicate", "indent"]))
        at = draw(st.integers(0, len(text)))
        line = draw(st.integers(0, len(lines) - 1))
        if op == "insert":
            text = text[:at] + draw(FRAGMENT) + text[at:]
        elif op == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 40)):]
        elif op == "replace_line":
            lines[line] = draw(FRAGMENT) + "\n"
            text = "".join(lines)
        elif op == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[line], lines[other] = lines[other], lines[line]
            text = "".join(lines)
        elif op == "duplicate":
            lines.insert(line, lines[line])
            text = "".join(lines)
        else:
            lines[line] = " " * draw(st.integers(1, 3)) + lines[line]
            text = "".join(lines)
    raw = text.encode("utf-8")
    if draw(st.booleans()) and draw(st.booleans()):
        cut = draw(st.integers(0, len(raw)))
        raw = raw[:cut] + draw(st.binary(max_size=4)) + raw[cut:]
    return raw


@settings(derandomize=True, max_examples=200, deadline=None)
@given(raw=mutated())
def test_mutated_plans_never_crash(raw):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "workshop.yaml"
        path.write_bytes(raw)
        try:
            plan = load_plan(tmp)
        except ProblemsError as exc:
            assert exc.problems and all(isinstance(p, Problem) for p in exc.problems)
            assert all(p.path == str(path) for p in exc.problems)
            assert all(p.line >= 0 for p in exc.problems)
            return
        assert plan.title


@settings(derandomize=True, max_examples=200, deadline=None)
@given(raw=mutated())
def test_mutated_plans_check_without_crashing(library, raw):
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "workshop.yaml").write_bytes(raw)
        _agenda, problems = check_source(read_plan(tmp), library, KINDS)
        assert all(isinstance(p, Problem) for p in problems)
