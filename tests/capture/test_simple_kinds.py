"""Notes, checklist and canvas: results, rule checks and Markdown in both languages."""

from __future__ import annotations

from capture_util import captured, context
from toolkit.capture.base import BUILTIN_KIND_NAMES, Captured
from toolkit.capture.kinds import BUILTIN_KINDS
from toolkit.capture.kinds.canvas import CanvasKind
from toolkit.capture.kinds.checklist import ChecklistKind
from toolkit.capture.kinds.notes import NotesKind
from toolkit.capture.kinds.options import CanvasOptions, ChecklistOptions, NotesOptions


def test_builtin_kinds_are_the_ten_names():
    assert tuple(cls.name for cls in BUILTIN_KINDS) == BUILTIN_KIND_NAMES
    for cls in BUILTIN_KINDS:
        assert set(cls.title) == {"de", "en"}


def test_notes_result_and_markdown():
    kind, options = NotesKind(), NotesOptions()
    records = captured(kind, ({"text": "  # Parking  "}, "ana"), {"text": "Second\nline"})
    result = kind.result(records, options, context())
    assert [(n.id, n.text, n.author) for n in result.notes] == [(1, "# Parking", "ana"), (2, "Second\nline", None)]
    assert result.model_dump(mode="json")["notes"][0] == {"id": 1, "text": "# Parking", "author": "ana"}
    md = kind.to_markdown(result, options, "en")
    assert md == "- \\# Parking\n- Second\\\n  line\n"


def test_notes_check_length():
    kind = NotesKind()
    record = kind.Record.model_validate({"text": "x" * 11})
    assert "10" in kind.check(record, [], NotesOptions(max_length=10), context())
    assert kind.check(record, [], NotesOptions(), context()) is None


def test_notes_empty_in_both_languages(de):
    kind = NotesKind()
    empty = kind.empty_result(NotesOptions(), context())
    assert kind.to_markdown(empty, NotesOptions(), "de") == "Keine Notizen.\n"
    assert kind.to_markdown(empty, NotesOptions(), "en") == "No notes.\n"


def test_checklist():
    kind = ChecklistKind()
    options = ChecklistOptions(items=["Beamer", "Name tags"])
    records = captured(kind, {"op": "tick", "item": "beamer"}, {"op": "add", "item": "Coffee"},
                       {"op": "tick", "item": "Coffee"}, {"op": "untick", "item": "Coffee"})
    result = kind.result(records, options, context())
    assert [(i.text, i.done, i.added) for i in result.items] == [
        ("Beamer", True, False), ("Name tags", False, False), ("Coffee", False, True)]
    assert (result.done, result.total) == (1, 3)
    assert abs(result.progress - 1 / 3) < 1e-9
    md = kind.to_markdown(result, options, "en")
    assert md.startswith("- [x] Beamer\n- [ ] Name tags\n- [ ] Coffee\n")
    assert "1 of 3 done." in md
    assert "1 von 3 erledigt." in kind.to_markdown(result, options, "de")


def test_checklist_checks():
    kind = ChecklistKind()
    rec = kind.Record.model_validate
    closed = ChecklistOptions(items=["Beamer"], allow_new=False)
    assert kind.check(rec({"op": "add", "item": "Cake"}), [], closed, context())
    assert kind.check(rec({"op": "add", "item": "beamer"}), [], ChecklistOptions(items=["Beamer"]), context())
    assert kind.check(rec({"op": "tick", "item": "Cake"}), [], closed, context())
    assert kind.check(rec({"op": "tick", "item": "Beamer"}), [], closed, context()) is None
    assert kind.result([], ChecklistOptions(), context()).progress == 0.0


def test_canvas():
    kind = CanvasKind()
    options = CanvasOptions(fields=[{"id": "problem", "title": "Problem"}, {"id": "users", "title": "Users | who"}])
    records = captured(kind, {"field": "users", "text": "Carpenters"},
                       {"field": "problem", "text": "Paper <job> sheets"},
                       {"field": "gone", "text": "Old field"})
    result = kind.result(records, options, context())
    assert [(f.id, [e.text for e in f.entries]) for f in result.fields] == [
        ("problem", ["Paper <job> sheets"]), ("users", ["Carpenters"])]
    assert [e.text for e in result.other] == ["Old field"]
    md = kind.to_markdown(result, options, "en")
    assert "### Problem\n\n- Paper \\<job\\> sheets\n" in md and "### Users \\| who" in md and "### Other" in md
    assert "### Sonstiges" in kind.to_markdown(result, options, "de")
    assert kind.check(kind.Record.model_validate({"field": "nope", "text": "x"}), [], options, context())
    assert kind.check(kind.Record.model_validate({"field": "users", "text": "x"}), [], options, context()) is None


def test_every_kind_has_an_empty_result_that_renders():
    from toolkit.capture.kinds.options import (
        CardsOptions,
        DotsOptions,
        InterestsOptions,
        MatchingOptions,
        PitchOptions,
        QuestionsOptions,
        RotationOptions,
        ScorecardOptions,
        WordcloudOptions,
    )

    options = {
        "notes": NotesOptions(), "cards": CardsOptions(), "dots": DotsOptions(source="ideas"),
        "scorecard": ScorecardOptions(criteria=[{"id": "idea", "title": "Idea"}]), "pitch": PitchOptions(),
        "rotation": RotationOptions(), "interests": InterestsOptions(source="dating"),
        "matching": MatchingOptions(source="marks"), "checklist": ChecklistOptions(),
        "canvas": CanvasOptions(fields=[{"id": "a", "title": "A"}]),
        "questions": QuestionsOptions(), "wordcloud": WordcloudOptions(),
    }
    for cls in BUILTIN_KINDS:
        kind = cls()
        result = kind.result([], options[kind.name], context())
        result.model_dump(mode="json")
        for lang in ("de", "en"):
            assert kind.to_markdown(result, options[kind.name], lang).strip()


def test_foreign_records_are_skipped():
    kind = NotesKind()
    other = ChecklistKind().Record.model_validate({"op": "add", "item": "x"})
    assert kind.result([Captured(1, other)], NotesOptions(), context()).notes == []
