"""Resolving a plan into the agenda the session engine walks, and the timetable."""

from __future__ import annotations

import datetime as dt

import pytest

from plan_testdata import GOOD_PLAN
from toolkit.capture.base import Person
from toolkit.capture.kinds.options import DotsOptions, RotationOptions
from toolkit.plan import Agenda, AgendaItem, AgendaStep, load_plan, resolve


def _resolve(write_plan, library, kinds, text=GOOD_PLAN):
    return resolve(load_plan(write_plan(text)), library, kinds)


def test_agenda_items_and_times(write_plan, library, kinds):
    agenda, problems = _resolve(write_plan, library, kinds)
    assert problems == []
    assert isinstance(agenda, Agenda)
    assert [(i.id, i.kind, i.method_id, f"{i.start:%H:%M}", i.minutes) for i in agenda.items] == [
        ("opening", "talk", None, "09:30", 10),
        ("dating", "method", "dating", "09:40", 40),
        ("brk", "break", None, "10:20", 15),
        ("match", "method", "matching", "10:35", 20),
        ("ideas", "method", "ideas", "10:55", 40),
    ]
    assert agenda.end == dt.datetime(2026, 3, 14, 11, 35)
    assert agenda.items[0].start.date() == dt.date(2026, 3, 14)
    assert all(isinstance(i, AgendaItem) for i in agenda.items)


def test_free_item_has_one_main_step(write_plan, library, kinds):
    agenda, _ = _resolve(write_plan, library, kinds)
    opening = agenda.item("opening")
    assert [s.id for s in opening.steps] == ["main"]
    assert opening.steps[0].capture_kind is None and opening.steps[0].options is None
    assert opening.speaker == "ed"


def test_method_steps_merge_card_and_plan(write_plan, library, kinds):
    agenda, _ = _resolve(write_plan, library, kinds)
    rounds = agenda.step("dating", "rounds")
    assert isinstance(rounds, AgendaStep)
    assert rounds.minutes == 30  # plan override
    assert rounds.capture_kind == "rotation"
    assert isinstance(rounds.options, RotationOptions)
    assert rounds.options.round_minutes == 6  # plan override over the card's default
    assert rounds.instructions == "Do rounds (en)."
    assert rounds.start == dt.datetime(2026, 3, 14, 9, 40)
    interests = agenda.step("dating", "interests")
    assert interests.minutes == 10 and interests.start == dt.datetime(2026, 3, 14, 10, 10)
    vote = agenda.step("ideas", "vote")
    assert isinstance(vote.options, DotsOptions) and vote.options.source == "collect"
    assert agenda.item("ideas").title == "Our ideas"
    assert agenda.item("dating").title == "Dating"
    assert agenda.lookup("collect", "ideas").id == "collect"
    assert agenda.lookup("dating.interests", "match").ref == "dating.interests"
    with pytest.raises(KeyError):
        agenda.step("dating", "nope")
    with pytest.raises(KeyError):
        agenda.step("nope", "main")


def test_cards_in_plan_language(write_plan, library, kinds):
    agenda, _ = _resolve(write_plan, library, kinds, GOOD_PLAN.replace("language: en", "language: de"))
    assert agenda.item("dating").title == "Dating (de)"
    assert agenda.step("dating", "rounds").instructions == "Do rounds (de)."
    assert agenda.language == "de"


def test_people_and_seed(write_plan, library, kinds):
    agenda, _ = _resolve(write_plan, library, kinds)
    assert agenda.people[3] == Person("cy", "Cy", "company", "Tischlerei Cy")
    assert [p.id for p in agenda.people_with_role("creative")] == ["ana", "bo"]
    assert agenda.seed == 7 and agenda.title == "Test day"


def test_public_names():
    import toolkit.plan as plan

    for name in ("load_plan", "resolve", "Plan", "Agenda", "AgendaItem", "AgendaStep"):
        assert hasattr(plan, name)


def _item(extra: str) -> str:
    return GOOD_PLAN + extra


@pytest.mark.parametrize("extra, line, fragment", [
    ("  - {id: x, method: datng}\n", 37,
     "agenda[5].method: no method with id 'datng' in the library. Did you mean: dating"),
    ("  - id: x\n    method: ideas\n    minutes: {colect: 5}\n", 39,
     "agenda[5].minutes.colect: method 'ideas' has no step 'colect'"),
    ("  - id: x\n    method: ideas\n    options: {colect: {prompt: P}}\n", 39,
     "agenda[5].options.colect: method 'ideas' has no step"),
    ("  - id: x\n    method: talk\n    options: {talk: {prompt: P}}\n", 39, "step 'talk' captures nothing"),
    ("  - id: x\n    method: ideas\n    options:\n      vote: {dots_per_person: 0}\n", 40,
     "agenda[5].options.vote.dots_per_person: must be at least 1"),
    ("  - id: x\n    method: ideas\n    options:\n      vote:\n        colour: red\n", 41,
     "agenda[5].options.vote.colour: unknown field"),
    ("  - id: x\n    method: ideas\n    options:\n      vote: {source: vote}\n", 40,
     "'vote' is not an earlier step"),
    ("  - id: x\n    method: ideas\n    options:\n      vote: {source: nothing}\n", 40,
     "'nothing' names no step of this item"),
    ("  - id: x\n    method: ideas\n    options:\n      vote: {source: later.collect}\n"
     "  - {id: later, method: ideas}\n", 40,
     "'later.collect' is a later agenda item"),
    ("  - id: x\n    method: ideas\n    options:\n      vote: {source: ghost.collect}\n", 40,
     "'ghost.collect' names no agenda item 'ghost'"),
    ("  - id: x\n    method: ideas\n    options:\n      vote: {source: dating.nope}\n", 40,
     "agenda item 'dating' has no step 'nope'"),
    ("  - id: x\n    method: ideas\n    options:\n      vote: {source: x.vote}\n", 40, "is not an earlier step"),
])
def test_resolve_problems_point_into_the_plan(write_plan, library, kinds, extra, line, fragment):
    folder = write_plan(_item(extra))
    _agenda, problems = resolve(load_plan(folder), library, kinds)
    match = [p for p in problems if fragment in p.message]
    assert match, problems
    assert match[0].line == line and match[0].path == str(folder / "workshop.yaml")
    assert match[0].severity == "error"


def test_reference_across_items_is_fine(write_plan, library, kinds):
    # The matching card's own default source names 'dating.interests', which is earlier.
    _agenda, problems = _resolve(write_plan, library, kinds)
    assert problems == []
    moved = GOOD_PLAN.replace("  - id: match\n    method: matching\n", "")
    moved = moved.replace("agenda:\n", "agenda:\n  - id: match\n    method: matching\n")
    _agenda, problems = _resolve(write_plan, library, kinds, moved)
    assert [p.line for p in problems] == [19]
    assert "(value from the method card" not in problems[0].message
    assert "'dating.interests' is a later agenda item" in problems[0].message


def test_card_option_errors_point_at_the_method_line(write_plan, library, kinds):
    # The card's source is fine but the plan overrides nothing: a missing required option
    # is reported on the item, not on a line that does not exist.
    text = GOOD_PLAN + "  - id: x\n    method: jury\n    options:\n      score: {criteria: []}\n"
    _agenda, problems = resolve(load_plan(write_plan(text)), library, kinds)
    assert [(p.line, "criteria: needs at least 1" in p.message) for p in problems] == [(40, True)]


def test_unknown_capture_kind(write_plan, library, kinds):
    less = {k: v for k, v in kinds.items() if k != "rotation"}
    _agenda, problems = resolve(load_plan(write_plan()), library, less)
    assert len(problems) == 1 and "capture kind 'rotation', which is not installed" in problems[0].message
    assert problems[0].line == 24


def test_resolve_without_source_has_no_lines(library, kinds):
    from toolkit.plan import Plan

    plan = Plan(title="T", date=dt.date(2026, 1, 1), language="en", agenda=[{"id": "a", "method": "zzz"}])
    _agenda, problems = resolve(plan, library, kinds)
    assert problems[0].path == "workshop.yaml" and problems[0].line == 0
