"""Editing plans keeps the person's comments, key order and layout, and never writes an
invalid plan."""

from __future__ import annotations

import datetime as dt

import pytest

from plan_testdata import GOOD_PLAN
from toolkit.errors import CimisError, ProblemsError
from toolkit.plan import FreeItem, load_plan
from toolkit.plan.edit import (
    PlanEditor,
    add_item,
    edit_plan,
    move_item,
    remove_item,
    set_field,
    set_minutes,
    set_option,
)


def _text(folder):
    return (folder / "workshop.yaml").read_text(encoding="utf-8")


def test_untouched_round_trip_is_identical(write_plan):
    folder = write_plan()
    assert PlanEditor(folder).text() == GOOD_PLAN


def test_set_field_keeps_comments_and_order(write_plan):
    folder = write_plan()
    set_field(folder, "title", "Renamed day")
    set_field(folder, "date", dt.date(2026, 4, 1))
    set_field(folder, "end", dt.time(13, 0))
    text = _text(folder)
    lines = text.splitlines()
    assert lines[0] == "# A plan used by many tests."
    assert lines[1].startswith("title: Renamed day") and lines[1].endswith("# trailing comment")
    assert lines[2] == "date: 2026-04-01"
    plan = load_plan(folder)
    assert plan.title == "Renamed day" and plan.end == dt.time(13, 0) and plan.date == dt.date(2026, 4, 1)
    # Everything else is exactly as written.
    assert lines[5:] == GOOD_PLAN.splitlines()[5:]


def test_new_field_goes_to_its_place(write_plan):
    folder = write_plan(GOOD_PLAN.replace("place: Dresden\n", ""))
    set_field(folder, "place", "Meißen")
    keys = [line.split(":")[0] for line in _text(folder).splitlines() if line and line[0].isalpha()]
    assert keys == ["title", "date", "start", "end", "place", "language", "seed", "people", "agenda"]


def test_removing_a_field(write_plan):
    folder = write_plan()
    set_field(folder, "end", None)
    assert "end:" not in _text(folder) and load_plan(folder).end is None


def test_add_move_remove_items_keep_comments(write_plan):
    text = GOOD_PLAN.replace("  - id: brk\n", "  # the coffee break is sacred\n  - id: brk\n")
    folder = write_plan(text)
    add_item(folder, {"id": "lunch", "type": "break", "title": "Lunch", "minutes": 30}, index=3)
    add_item(folder, FreeItem(id="bye", type="free", title="Goodbye", minutes=5))
    assert [i.id for i in load_plan(folder).agenda] == ["opening", "dating", "brk", "lunch", "match", "ideas", "bye"]
    move_item(folder, "ideas", 0)
    assert [i.id for i in load_plan(folder).agenda] == ["ideas", "opening", "dating", "brk", "lunch", "match", "bye"]
    remove_item(folder, "lunch")
    assert [i.id for i in load_plan(folder).agenda] == ["ideas", "opening", "dating", "brk", "match", "bye"]
    out = _text(folder)
    assert "# A plan used by many tests." in out and "# trailing comment" in out
    assert "# the coffee break is sacred" in out
    assert "  - id: bye\n    type: free\n    title: Goodbye\n    minutes: 5\n" in out


def test_minutes_and_options(write_plan):
    folder = write_plan()
    set_minutes(folder, "ideas", "vote", 20)
    set_option(folder, "ideas", "vote", "dots_per_person", 5)
    set_minutes(folder, "dating", "rounds", None)
    set_option(folder, "dating", "rounds", "round_minutes", None)
    plan = load_plan(folder)
    ideas = plan.item("ideas")
    assert ideas.minutes == {"vote": 20} and ideas.options == {"vote": {"dots_per_person": 5}}
    dating = plan.item("dating")
    assert dating.minutes == {} and dating.options == {}
    assert "minutes: {}" not in _text(folder) and "options: {}" not in _text(folder)
    set_minutes(folder, "brk", "main", 25)
    assert load_plan(folder).item("brk").minutes == 25


def test_nested_edit_keeps_comment_inside_item(write_plan):
    text = GOOD_PLAN.replace("    options:\n      rounds: {round_minutes: 6}\n",
                             "    options:\n      # six minutes: the room is loud\n      rounds: {round_minutes: 6}\n")
    folder = write_plan(text)
    set_option(folder, "dating", "rounds", "tables", 2)
    out = _text(folder)
    assert "# six minutes: the room is loud" in out
    assert load_plan(folder).item("dating").options == {"rounds": {"round_minutes": 6, "tables": 2}}


def test_invalid_edit_writes_nothing(write_plan):
    folder = write_plan()
    with pytest.raises(ProblemsError) as info:
        set_field(folder, "language", "fr")
    assert "language: 'fr' is not one of" in str(info.value)
    with pytest.raises(ProblemsError):
        add_item(folder, {"id": "opening", "type": "talk", "title": "Again", "minutes": 5})
    assert _text(folder) == GOOD_PLAN
    assert not [p for p in folder.iterdir() if p.name != "workshop.yaml"]


def test_unknown_item(write_plan):
    folder = write_plan()
    with pytest.raises(CimisError, match="no agenda item with id 'ghost'"):
        move_item(folder, "ghost", 0)


def test_people(write_plan):
    folder = write_plan()
    with edit_plan(folder) as plan:
        plan.add_person({"name": "Neu", "id": "neu", "role": "jury"})
        plan.remove_person("bo")
    people = load_plan(folder).people
    assert [p.id for p in people][-1] == "neu" and "bo" not in [p.id for p in people]


def test_other_indentation_is_kept(write_plan):
    text = "title: T\ndate: 2026-01-02\nlanguage: en\nagenda:\n- id: a\n  type: free\n  title: A\n  minutes: 5\n"
    folder = write_plan(text)
    add_item(folder, {"id": "b", "type": "free", "title": "B", "minutes": 5})
    assert _text(folder) == text + "- id: b\n  type: free\n  title: B\n  minutes: 5\n"


def test_broken_yaml_cannot_be_edited(write_plan):
    folder = write_plan("title: [\n")
    with pytest.raises(ProblemsError):
        PlanEditor(folder)
