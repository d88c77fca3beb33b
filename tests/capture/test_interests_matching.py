"""Interests after a rotation, and the stable matching built from them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from capture_util import captured, context, people
from toolkit.capture.algorithms.matching import blocking_pairs, stable_matching
from toolkit.capture.kinds.interests import InterestsKind
from toolkit.capture.kinds.matching import MatchingKind
from toolkit.capture.kinds.options import InterestsOptions, MatchingOptions, RotationOptions
from toolkit.capture.kinds.rotation import RotationKind

INTERESTS = InterestsKind()
MATCHING = MatchingKind()
ROOM = people("creative", "Ana", "Ben", "Cem") + people("company", "Tischlerei", "Museum") + people("jury", "J")
ROTATION = RotationKind().result([], RotationOptions(), context(ROOM))
OPTIONS = InterestsOptions(source="dating")


def ctx(**results):
    return context(ROOM, results={"dating": ROTATION, **results})


def marks(*pairs):
    return captured(INTERESTS, *({"person": p, "wants": w} for p, w in pairs))


def test_interests_result_clips_and_replaces():
    records = marks(("cr1", ["co1", "co2"]), ("co1", ["cr1", "cr2", "cr1", "co2", "jn1"]), ("cr1", ["co2", "co1"]),
                    ("co2", ["Ana"]), ("jn1", ["cr1"]))
    result = INTERESTS.result(records, InterestsOptions(source="dating", max_choices=1), ctx())
    prefs = {p.person: p.wants for p in result.preferences}
    assert prefs == {"cr1": ["co2"], "co1": ["cr1"], "co2": ["cr1"]}
    assert [(m.a, m.b) for m in result.mutual] == [("cr1", "co2")]
    assert {r.person: r.marks for r in result.received}["cr1"] == 2
    assert result.groups == ("creative", "company")


def test_interests_checks():
    rec = INTERESTS.Record.model_validate
    c = ctx()
    assert INTERESTS.check(rec({"person": "cr1", "wants": ["cr2"]}), [], OPTIONS, c)  # same group
    assert INTERESTS.check(rec({"person": "cr1", "wants": ["co1", "Tischlerei"]}), [], OPTIONS, c)  # twice
    assert INTERESTS.check(rec({"person": "jn1", "wants": ["co1"]}), [], OPTIONS, c)  # not in rotation
    assert INTERESTS.check(rec({"person": "co1", "wants": ["co1"]}), [], OPTIONS, c)  # self
    assert INTERESTS.check(rec({"person": "cr1", "wants": ["co1", "co2"]}), [],
                           InterestsOptions(source="dating", max_choices=1), c)
    assert INTERESTS.check(rec({"person": "Ana", "wants": ["Museum", "co1"]}), [], OPTIONS, c) is None


def test_interests_markdown_keeps_lists_private(de):
    records = marks(("cr1", ["co1", "co2"]), ("co1", ["cr1"]))
    result = INTERESTS.result(records, OPTIONS, ctx())
    en = INTERESTS.to_markdown(result, OPTIONS, "en")
    assert "### Mutual interests\n\n- Ana ↔ Tischlerei\n" in en
    assert "| Museum | 1 |" in en and "Museum ↔" not in en
    assert "### Gegenseitiges Interesse" in INTERESTS.to_markdown(result, OPTIONS, "de")


def matching_ctx(records):
    interests = INTERESTS.result(records, OPTIONS, ctx())
    return context(ROOM, results={"marks": interests})


def test_matching_teams_capacity_and_unmatched():
    records = marks(("cr1", ["co1"]), ("cr2", ["co1", "co2"]), ("cr3", ["co1"]),
                    ("co1", ["cr3", "cr2", "cr1"]), ("co2", ["cr2"]))
    c = matching_ctx(records)
    result = MATCHING.result([], MatchingOptions(source="marks", capacity=2), c)
    assert [(t.company, [m.id for m in t.members]) for t in result.teams] == [("co1", ["cr3", "cr2"])]
    assert [(u.role, u.people) for u in result.unmatched] == [("creative", ["cr1"]), ("company", ["co2"])]
    result = MATCHING.result([], MatchingOptions(source="marks", capacity=1), c)
    assert [(t.company, [m.id for m in t.members]) for t in result.teams] == [("co1", ["cr3"]), ("co2", ["cr2"])]
    md = MATCHING.to_markdown(result, MatchingOptions(source="marks"), "en")
    assert "- **Tischlerei**: Cem\n- **Museum**: Ben" in md and "- Creative: Ana" in md
    assert "### Ohne Team" in MATCHING.to_markdown(result, MatchingOptions(source="marks"), "de")


def test_matching_pins_and_exclusions():
    records = marks(("cr1", ["co1"]), ("cr2", ["co1", "co2"]), ("co1", ["cr2", "cr1"]), ("co2", ["cr2"]))
    c = matching_ctx(records)
    options = MatchingOptions(source="marks")
    rules = captured(MATCHING, {"op": "pin", "a": "co1", "b": "Ana"}, {"op": "exclude", "a": "cr2", "b": "co2"})
    result = MATCHING.result(rules, options, c)
    assert [(t.company, [(m.id, m.pinned) for m in t.members]) for t in result.teams] == [("co1", [("cr1", True)])]
    assert result.unmatched[0].people == ["cr2", "cr3"]
    rec = MATCHING.Record.model_validate
    assert MATCHING.check(rec({"op": "pin", "a": "cr2", "b": "co1"}), rules, options, c)  # co1 full
    assert MATCHING.check(rec({"op": "pin", "a": "cr1", "b": "co2"}), rules, options, c)  # cr1 pinned
    assert MATCHING.check(rec({"op": "pin", "a": "cr2", "b": "co2"}), rules, options, c)  # excluded
    assert MATCHING.check(rec({"op": "exclude", "a": "cr1", "b": "co1"}), rules, options, c)  # pinned
    assert MATCHING.check(rec({"op": "pin", "a": "cr1", "b": "cr2"}), rules, options, c)  # same group
    assert MATCHING.check(rec({"op": "pin", "a": "cr3", "b": "co2"}), rules, options, c) is None


def test_matching_company_proposing():
    records = marks(("cr1", ["co1", "co2"]), ("cr2", ["co2", "co1"]), ("co1", ["cr2", "cr1"]), ("co2", ["cr1", "cr2"]))
    c = matching_ctx(records)
    creatives = MATCHING.result([], MatchingOptions(source="marks"), c)
    companies = MATCHING.result([], MatchingOptions(source="marks", proposers="company"), c)
    assert {t.company: t.members[0].id for t in creatives.teams} == {"co1": "cr1", "co2": "cr2"}
    assert {t.company: t.members[0].id for t in companies.teams} == {"co1": "cr2", "co2": "cr1"}


@st.composite
def instances(draw):
    residents = [f"r{i}" for i in range(draw(st.integers(0, 8)))]
    hospitals = [f"h{i}" for i in range(draw(st.integers(0, 6)))]
    r_prefs = {r: draw(st.permutations(hospitals).map(lambda p: p[:draw(st.integers(0, len(p)))])) for r in residents}
    h_prefs = {h: draw(st.permutations(residents).map(lambda p: p[:draw(st.integers(0, len(p)))])) for h in hospitals}
    capacity = {h: draw(st.integers(0, 3)) for h in hospitals}
    return r_prefs, h_prefs, capacity


@settings(derandomize=True, max_examples=400, deadline=None)
@given(instances(), st.booleans())
def test_matching_is_stable_within_capacity_and_acceptable(instance, residents_propose):
    r_prefs, h_prefs, capacity = instance
    matched = stable_matching(r_prefs, h_prefs, capacity, residents_propose)
    for r, h in matched.items():
        assert h in r_prefs[r] and r in h_prefs[h]
    for h, cap in capacity.items():
        assert sum(1 for x in matched.values() if x == h) <= cap
    assert blocking_pairs(r_prefs, h_prefs, capacity, matched) == []


def test_blocking_pair_detection():
    r_prefs = {"r1": ["h1"], "r2": ["h1"]}
    h_prefs = {"h1": ["r1", "r2"]}
    assert blocking_pairs(r_prefs, h_prefs, {"h1": 1}, {"r2": "h1"}) == [("r1", "h1")]
    assert blocking_pairs(r_prefs, h_prefs, {"h1": 1}, {"r1": "h1"}) == []
