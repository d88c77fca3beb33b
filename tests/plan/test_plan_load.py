"""Reading workshop.yaml: good plans load, every bad one gets a precise file:line message."""

from __future__ import annotations

import datetime as dt

import pytest

from plan_testdata import GOOD_PLAN
from toolkit.errors import ProblemsError
from toolkit.plan import FreeItem, MethodRun, load_plan, read_plan


def test_good_plan_loads(write_plan):
    plan = load_plan(write_plan())
    assert plan.title == "Test day"
    assert plan.date == dt.date(2026, 3, 14)
    assert plan.start == dt.time(9, 30)
    assert plan.end == dt.time(12, 0)
    assert [p.id for p in plan.people][:2] == ["fac", "ana"]
    assert isinstance(plan.agenda[0], FreeItem) and plan.agenda[0].speaker == "ed"
    assert isinstance(plan.agenda[1], MethodRun)
    assert plan.agenda[1].minutes == {"rounds": 30}
    assert plan.agenda[1].options == {"rounds": {"round_minutes": 6}}


def test_plan_file_path_works_too(write_plan):
    assert load_plan(write_plan() / "workshop.yaml").title == "Test day"


@pytest.mark.parametrize("value, expected", [("10:30", dt.time(10, 30)), ("9:05", dt.time(9, 5)),
                                             ("'08:00'", dt.time(8, 0)), ("'14.15'", dt.time(14, 15))])
def test_times_are_read_as_written(write_plan, value, expected):
    # Unquoted 10:30 is a base-60 number (630) in YAML 1.1; plans must not fall for that.
    plan = load_plan(write_plan(GOOD_PLAN.replace('start: "9:30"', f"start: {value}").replace('end: "12:00"', "")))
    assert plan.start == expected


def test_defaults(write_plan):
    plan = load_plan(write_plan("title: T\ndate: 2026-01-02\nlanguage: de\n"))
    assert plan.start == dt.time(9, 0) and plan.end is None and plan.seed == 0
    assert plan.people == [] and plan.agenda == [] and plan.place == ""


BAD = [
    # (text, line, fragment of the message)
    ("title: [unclosed\ndate: 2026-01-01\n", 2, "broken YAML"),
    ("title: T\n  date: x: y\n", 2, "broken YAML"),
    ("", 0, "file is empty"),
    ("# only a comment\n", 0, "file is empty"),
    ("- a\n- b\n", 1, "must be a mapping"),
    ("title: T\ndate: 2026-01-02\n", 1, "language: required field is missing"),
    ("title: T\ndate: 2026-01-02\nlanguage: fr\n", 3, "language: 'fr' is not one of"),
    ("title: T\ndate: 2026-01-02\nlanguage: de\ncolour: red\n", 4, "colour: unknown field"),
    ("title: T\ndate: 14.03.2026\nlanguage: de\n", 2, "date: expected a date like"),
    ("title: T\ndate: 2026-02-30\nlanguage: de\n", 1, "broken YAML"),
    ("title: T\ndate: 2026-01-02\nstart: noon\nlanguage: de\n", 3, "start: expected a time like 09:30"),
    ("title: T\ndate: 2026-01-02\nstart: '10:00'\nend: '09:00'\nlanguage: de\n", 4,
     "end: end must be later than start"),
    ("title: T\ndate: 2026-01-02\nstart: 9.30\nlanguage: de\n", 3, "start: expected a time like 09:30, got 9.3"),
    ("title: T\ndate: 2026-01-02\nstart: 540\nlanguage: de\n", 3, "start: expected a time like 09:30, got 540"),
    ("title: T\ndate: 2026-01-02\nlanguage: de\nseed: many\n", 4, "seed: expected a whole number"),
    ("title: T\ntitle: U\ndate: 2026-01-02\nlanguage: de\n", 2, "title: field is given twice"),
    ("title: T\ndate: 2026-01-02\nlanguage: de\npeople:\n  - {id: a, name: A, role: boss}\n", 5,
     "people[0].role: 'boss' is not one of"),
    ("title: T\ndate: 2026-01-02\nlanguage: de\npeople:\n  - {id: a, name: A, role: jury}\n"
     "  - {id: a, name: B, role: jury}\n", 6, "duplicate person id 'a'"),
    ("title: T\ndate: 2026-01-02\nlanguage: de\npeople:\n  - {id: Big Boss, name: A, role: jury}\n", 5,
     "people[0].id: 'Big Boss' may hold only"),
    ("title: T\ndate: 2026-01-02\nlanguage: de\nagenda:\n  - id: a\n    title: nothing\n", 5,
     "agenda[0]: an agenda item needs exactly one of 'method:'"),
    ("title: T\ndate: 2026-01-02\nlanguage: de\nagenda:\n  - id: a\n    method: x\n    type: talk\n", 5,
     "agenda[0]: an agenda item needs exactly one of"),
    ("title: T\ndate: 2026-01-02\nlanguage: de\nagenda:\n  - just text\n", 5, "agenda[0]: an agenda item needs"),
    ("title: T\ndate: 2026-01-02\nlanguage: de\nagenda:\n  - id: a\n    type: party\n    title: P\n    minutes: 5\n",
     6, "agenda[0].type: 'party' is not one of"),
    ("title: T\ndate: 2026-01-02\nlanguage: de\nagenda:\n  - id: a\n    type: talk\n    title: P\n", 5,
     "agenda[0].minutes: required field is missing"),
    ("title: T\ndate: 2026-01-02\nlanguage: de\nagenda:\n  - id: a\n    type: talk\n    title: P\n"
     "    minutes: lots\n", 8, "agenda[0].minutes: expected a whole number"),
    ("title: T\ndate: 2026-01-02\nlanguage: de\nagenda:\n  - id: a\n    method: m\n    minutes: {s: 0}\n", 7,
     "agenda[0].minutes.s: must be at least 1"),
    ("title: T\ndate: 2026-01-02\nlanguage: de\nagenda:\n  - id: a\n    method: m\n    minutes: 5\n", 7,
     "agenda[0].minutes: expected a mapping"),
    ("title: T\ndate: 2026-01-02\nlanguage: de\nagenda:\n  - id: a\n    method: m\n    colour: red\n", 7,
     "agenda[0].colour: unknown field"),
    ("title: T\ndate: 2026-01-02\nlanguage: de\nagenda:\n  - {id: a, method: m}\n  - {id: a, method: n}\n", 6,
     "agenda[1].id: duplicate item id 'a'"),
    ("title: T\ndate: 2026-01-02\nlanguage: de\nagenda:\n  - {id: a, type: talk, title: T, minutes: 5, speaker: zed}\n",
     5, "agenda[0].speaker: no person with id 'zed'"),
]


@pytest.mark.parametrize("text, line, fragment", BAD)
def test_bad_plan_names_file_and_line(write_plan, text, line, fragment):
    folder = write_plan(text)
    with pytest.raises(ProblemsError) as info:
        load_plan(folder)
    problems = info.value.problems
    assert any(fragment in p.message for p in problems), problems
    match = next(p for p in problems if fragment in p.message)
    assert match.path == str(folder / "workshop.yaml")
    assert match.line == line, problems


@pytest.mark.parametrize("text, line, fragment", BAD)
def test_bad_plan_through_cli(cli, write_plan, text, line, fragment):
    folder = write_plan(text)
    result = cli("check", str(folder))
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit)  # never a traceback
    where = f"{folder / 'workshop.yaml'}:{line}: " if line else f"{folder / 'workshop.yaml'}: "
    assert any(out.startswith(where) and fragment in out for out in result.output.splitlines()), result.output


def test_not_utf8(write_plan):
    folder = write_plan("title: T\n")
    (folder / "workshop.yaml").write_bytes(b"title: T\nplace: K\xf6ln\n")
    source = read_plan(folder)
    assert [(p.line, "not UTF-8" in p.message) for p in source.problems] == [(2, True)]


def test_binary_file(write_plan):
    folder = write_plan("")
    (folder / "workshop.yaml").write_bytes(b"title: T\n\x00\x01")
    assert "NUL" in read_plan(folder).problems[0].message


def test_missing_plan_in_folder(tmp_path):
    source = read_plan(tmp_path)
    assert "no workshop.yaml" in source.problems[0].message
    assert "no such file" in read_plan(tmp_path / "nope.yaml").problems[0].message


def test_alias_bomb_is_refused(write_plan):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for n in range(1, 9):
        prev = chr(ord("a") + n - 1)
        name = chr(ord("a") + n)
        bomb += f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]\n"
    source = read_plan(write_plan(bomb))
    assert "too many values" in source.problems[0].message


def test_recursive_alias_does_not_hang(write_plan):
    source = read_plan(write_plan("title: T\ndate: 2026-01-02\nlanguage: de\npeople: &p [*p]\n"))
    assert source.plan is None and source.problems
