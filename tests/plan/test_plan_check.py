"""Checking a plan against the library: time budget, group sizes and roles."""

from __future__ import annotations

from plan_testdata import GOOD_PLAN
from toolkit.plan.check import check_plan


def _check(write_plan, library, kinds, text=GOOD_PLAN):
    folder = write_plan(text)
    return folder / "workshop.yaml", check_plan(folder, library, kinds)


def test_good_plan_has_no_problems(write_plan, library, kinds):
    _path, problems = _check(write_plan, library, kinds)
    assert problems == []


def test_overrun_is_an_error_on_the_end_line(write_plan, library, kinds):
    path, problems = _check(write_plan, library, kinds, GOOD_PLAN.replace('end: "12:00"', 'end: "11:00"'))
    assert [(p.line, p.severity) for p in problems] == [(5, "error")]
    assert problems[0].message == "end: the agenda ends at 11:35, 35 minutes after the planned end 11:00"
    assert str(problems[0]) == f"{path}:5: end: the agenda ends at 11:35, 35 minutes after the planned end 11:00"


def test_no_end_warns_with_computed_end(write_plan, library, kinds):
    _path, problems = _check(write_plan, library, kinds, GOOD_PLAN.replace('end: "12:00"\n', ""))
    assert [(p.line, p.severity) for p in problems] == [(4, "warning")]
    assert "the agenda ends at 11:35 (125 minutes from 09:30)" in problems[0].message


def test_past_midnight_warns(write_plan, library, kinds):
    text = GOOD_PLAN.replace('start: "9:30"', 'start: "23:00"').replace('end: "12:00"\n', "")
    _path, problems = _check(write_plan, library, kinds, text)
    assert any("past midnight" in p.message and p.severity == "warning" for p in problems)


def test_missing_role_is_an_error(write_plan, library, kinds):
    text = GOOD_PLAN.replace("role: company, organisation: Tischlerei Cy", "role: creative").replace(
        "{id: di, name: Di, role: company}", "{id: di, name: Di, role: creative}")
    _path, problems = _check(write_plan, library, kinds, text)
    assert [(p.line, p.severity) for p in problems] == [(24, "error")]
    assert "agenda[1] (dating): the method needs someone with role 'company'" in problems[0].message


def test_jury_needed(write_plan, library, kinds):
    text = GOOD_PLAN.replace("role: jury", "role: participant") + "  - {id: eval, method: jury}\n"
    _path, problems = _check(write_plan, library, kinds, text.replace('end: "12:00"', 'end: "13:00"'))
    assert [(p.line, p.severity) for p in problems] == [(37, "error")]
    assert "role 'jury'" in problems[0].message


def test_roles_from_options(write_plan, library, kinds):
    # The pitches card has no roles, but its options say companies present; with an
    # override to 'author' the plan needs an author.
    text = (GOOD_PLAN.replace('end: "12:00"', 'end: "13:00"')
            + "  - id: p\n    method: pitches\n    options: {pitches: {presenters: author}}\n")
    _path, problems = _check(write_plan, library, kinds, text)
    assert [(p.line, "role 'author'" in p.message) for p in problems] == [(38, True)]


def test_group_size_warning(write_plan, library, kinds):
    # Only two people besides the facilitator: 'dating' works for 4 to 30.
    text = GOOD_PLAN.replace("  - {id: bo, name: Bo, role: creative}\n", "").replace(
        "  - {id: di, name: Di, role: company}\n", "").replace("  - {id: ed, name: Ed, role: speaker}\n", "").replace(
        "  - {id: jo, name: Jo, role: jury}\n", "").replace("    speaker: ed\n", "")
    _path, problems = _check(write_plan, library, kinds, text)
    assert {(p.severity, p.message) for p in problems} >= {
        ("warning", "agenda[1] (dating): 2 people take part, but the method works for 4 to 30")}
    assert all(p.severity == "warning" for p in problems)


def test_no_people_warns_once(write_plan, library, kinds):
    text = "title: T\ndate: 2026-01-02\nend: '17:00'\nlanguage: en\nagenda:\n  - {id: i, method: ideas}\n"
    _path, problems = _check(write_plan, library, kinds, text)
    assert [(p.line, p.severity, "lists no people" in p.message) for p in problems] == [(5, "warning", True)]


def test_unreadable_plan_gives_its_problems(write_plan, library, kinds):
    _path, problems = _check(write_plan, library, kinds, "title: [\n")
    assert len(problems) == 1 and "broken YAML" in problems[0].message
