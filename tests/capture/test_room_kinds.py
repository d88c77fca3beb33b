"""The kinds made for phones in the room (questions with upvotes, word cloud) and the
three interest levels: what they count, what they refuse, and how a "no thanks" keeps a
pair out of matching and rotation."""

from __future__ import annotations

from capture_util import captured, context, people
from toolkit.capture.kinds.interests import InterestsKind
from toolkit.capture.kinds.matching import MatchingKind
from toolkit.capture.kinds.options import (
    InterestsOptions,
    MatchingOptions,
    QuestionsOptions,
    RotationOptions,
    WordcloudOptions,
)
from toolkit.capture.kinds.questions import QuestionsKind
from toolkit.capture.kinds.rotation import RotationKind
from toolkit.capture.kinds.wordcloud import WordcloudKind

Q, W = QuestionsKind(), WordcloudKind()


def test_questions_rank_by_upvotes_one_per_author():
    recs = captured(Q, ({"op": "ask", "text": "Why?"}, "d1"), ({"op": "ask", "text": "How?"}, "d2"),
                    ({"op": "upvote", "question": 2}, "d1"), ({"op": "upvote", "question": 2}, "d1"),
                    ({"op": "upvote", "question": 2}, "d3"), ({"op": "upvote", "question": 9}, "d3"))
    result = Q.result(recs, QuestionsOptions(), context())
    assert [(q.text, q.votes) for q in result.questions] == [("How?", 2), ("Why?", 0)]
    again = captured(Q, ({"op": "upvote", "question": 2}, "d1"), start=10)[0]
    assert "already" in Q.check(again, recs[:3], QuestionsOptions(), context())
    missing = captured(Q, ({"op": "upvote", "question": 7}, "d1"), start=10)[0]
    assert "no question 7" in Q.check(missing, recs, QuestionsOptions(), context())
    ask = captured(Q, ({"op": "ask", "text": "x" * 20}, "d1"), start=10)[0]
    assert "at most 10" in Q.check(ask, recs, QuestionsOptions(max_length=10), context())
    assert "at most 1 questions" in Q.check(ask, recs, QuestionsOptions(per_person=1), context())
    assert "How?" in Q.to_markdown(result, QuestionsOptions(), "en")


def test_word_cloud_counts_ignoring_case_and_spaces():
    recs = captured(W, ({"text": "Trust"}, "a"), ({"text": " trust "}, "b"), ({"text": "speed"}, "a"),
                    ({"text": "TRUST"}, "c"))
    result = W.result(recs, WordcloudOptions(), context())
    assert [(w.word, w.count) for w in result.words] == [("Trust", 3), ("speed", 1)] and result.answers == 4
    more = captured(W, ({"text": "x"}, "a"), start=9)[0]
    assert "at most 2 answers" in W.check(more, recs, WordcloudOptions(per_person=2), context())
    assert W.check(more, recs, WordcloudOptions(per_person=3), context()) is None
    assert "Trust" in W.to_markdown(result, WordcloudOptions(), "de")


def interests_setup():
    creatives = people("creative", "Ada", "Bo")      # cr1, cr2
    companies = people("company", "Acme", "Bolt")    # co1, co2
    everyone = creatives + companies
    rotation = RotationKind().result([], RotationOptions(), context(everyone))
    return everyone, rotation


def test_three_levels_and_no_blocks_the_pair():
    everyone, rotation = interests_setup()
    kind = InterestsKind()
    recs = captured(kind,
                    {"person": "cr1", "must": ["co1"], "could": ["co2"]},
                    {"person": "co1", "could": ["cr1"], "no": ["cr2"]},
                    {"person": "co2", "no": ["cr1"], "must": ["cr2"]},
                    {"person": "cr2", "could": ["co1", "co2"]})
    ctx = context(everyone, results={"dating": rotation})
    options = InterestsOptions(source="dating")
    result = kind.result(recs, options, ctx)
    assert {(m.a, m.b) for m in result.mutual} == {("cr1", "co1"), ("cr2", "co2")}
    assert {(m.a, m.b) for m in result.must} == {("cr1", "co1"), ("cr2", "co2")}
    assert {(m.a, m.b) for m in result.blocked} == {("cr2", "co1"), ("cr1", "co2")}
    prefs = {p.person: p for p in result.preferences}
    assert prefs["cr1"].wants == ["co1", "co2"] and prefs["co2"].no == ["cr1"]
    # marking someone on two levels is refused
    twice = captured(kind, {"person": "cr1", "must": ["co1"], "no": ["co1"]}, start=9)[0]
    assert "twice" in kind.check(twice, recs, options, ctx)
    # matching never pairs a blocked pair, even if the one saying no listed them once before
    match = MatchingKind().result([], MatchingOptions(source="marks"),
                                  context(everyone, results={"marks": result}))
    pairs = {(m.id, t.company) for t in match.teams for m in t.members}
    assert pairs == {("cr1", "co1"), ("cr2", "co2")}


def test_rotation_with_interests_never_seats_blocked_pairs_and_replans_for_who_is_present():
    everyone, _rotation = interests_setup()
    kind = InterestsKind()
    dating = RotationKind().result([], RotationOptions(), context(everyone))
    recs = captured(kind, {"person": "cr1", "no": ["co2"]}, {"person": "co1", "must": ["cr2"]})
    marks = kind.result(recs, InterestsOptions(source="dating"), context(everyone, results={"dating": dating}))
    options = RotationOptions(interests="marks")
    ctx = context(everyone, results={"marks": marks})
    rot = RotationKind()
    result = rot.result([], options, ctx)
    seated = [(s.a, s.b) for r in result.rounds for s in r.seats]
    assert all({a, b} != {"cr1", "co2"} for a, b in seated)
    first = {frozenset((s.a, s.b)) for s in result.rounds[0].seats}
    assert frozenset(("cr2", "co1")) in first  # must-meet pairs come first
    # after round 1, Bo leaves: the rest is planned for those present only
    later = captured(rot, {"op": "round", "number": 1}, {"op": "absent", "person": "cr2"})
    result = rot.result(later, options, ctx)
    for r in result.rounds[1:]:
        assert all("cr2" not in (s.a, s.b) for s in r.seats)
        assert all({s.a, s.b} != {"cr1", "co2"} for s in r.seats)
    assert rot.references(options) == ["marks"]
