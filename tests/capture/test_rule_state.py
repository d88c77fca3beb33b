"""Incremental rule states give exactly the answers of the kinds' full checks: random
sequences of records are checked both ways, and every accepted one is added to both."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from capture_util import context
from toolkit.capture.base import Captured
from toolkit.capture.kinds.cards import CardsKind
from toolkit.capture.kinds.checklist import ChecklistKind
from toolkit.capture.kinds.dots import DotsKind
from toolkit.capture.kinds.notes import NotesKind
from toolkit.capture.kinds.options import CardsOptions, ChecklistOptions, DotsOptions, NotesOptions

CARDS, DOTS, CHECKLIST, NOTES = CardsKind(), DotsKind(), ChecklistKind(), NotesKind()


def replay(kind, options, ctx, records):
    """Check each (record, author) both ways; keep the accepted ones. Returns the answers."""
    rules = kind.rule_state(options, ctx)
    assert rules is not None
    kept: list[Captured] = []
    answers = []
    for n, (data, author) in enumerate(records, start=1):
        try:
            model = kind.Record.model_validate(data)
        except ValueError:
            continue
        record = Captured(id=n, data=model, author=author, at=float(n))
        full = kind.check(record, kept, options, ctx)
        fast = rules.check(record)
        assert fast == full, (data, author)
        answers.append(full)
        if full is None:
            kept.append(record)
            rules.add(record)
    return answers


authors = st.sampled_from(["a", "b", "c", None])
card_ops = st.one_of(
    st.builds(lambda t: {"op": "card", "text": t}, st.sampled_from(["x", "y", "z"])),
    st.builds(lambda ids, c: {"op": "group", "cards": ids, "cluster": c},
              st.lists(st.integers(1, 12), min_size=1, max_size=3), st.sampled_from(["A", "b", "B "])),
    st.builds(lambda c, t: {"op": "rename", "cluster": c, "to": t}, st.sampled_from(["A", "B"]),
              st.sampled_from(["A", "C"])),
    st.builds(lambda cs, i: {"op": "merge", "clusters": cs, "into": i},
              st.lists(st.sampled_from(["A", "B", "C"]), min_size=1, max_size=2), st.sampled_from(["A", "D"])),
    st.builds(lambda ids: {"op": "ungroup", "cards": ids}, st.lists(st.integers(1, 12), min_size=1, max_size=2)),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(card_ops, authors), max_size=25), st.sampled_from([None, 1, 2]), st.booleans())
def test_cards_rules_match_the_full_check(records, per_person, clusters):
    replay(CARDS, CardsOptions(per_person=per_person, clusters=clusters), context(), records)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.fixed_dictionaries({
    "voter": st.sampled_from(["an", "bo", "Anna"]),
    "item": st.sampled_from(["1", "2", "3", "9", "ideas"]),
    "dots": st.integers(1, 3)}), st.none()), max_size=30), st.integers(1, 4), st.integers(1, 3))
def test_dots_rules_match_the_full_check(records, budget, per_item):
    from toolkit.capture.base import Person
    from toolkit.capture.kinds.cards import CardsResult

    source = CardsResult.model_validate({"cards": [{"id": i, "text": f"c{i}"} for i in (1, 2, 3)]})
    ctx = context(people=[Person(id="an", name="Anna", role="creative")], results={"ideas": source})
    answers = replay(DOTS, DotsOptions(source="ideas", dots_per_person=budget, max_per_item=per_item), ctx, records)
    assert len(answers) == len(records)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.fixed_dictionaries({
    "op": st.sampled_from(["add", "tick", "untick"]),
    "item": st.sampled_from(["Beamer", "beamer ", "Flipchart", "Coffee"])}), st.none()), max_size=20),
    st.booleans())
def test_checklist_rules_match_the_full_check(records, allow_new):
    replay(CHECKLIST, ChecklistOptions(items=["Beamer"], allow_new=allow_new), context(), records)


def test_stateless_rules_call_the_check_without_records():
    answers = replay(NOTES, NotesOptions(max_length=5), context(), [({"text": "short"}, None),
                                                                    ({"text": "far too long"}, None)])
    assert answers[0] is None and "at most 5" in answers[1]
