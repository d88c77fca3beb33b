"""Pitch order and feedback; scorecards on weighted criteria."""

from __future__ import annotations

from capture_util import captured, context, people
from toolkit.capture.kinds.options import PitchOptions, ScorecardOptions
from toolkit.capture.kinds.pitch import PitchKind
from toolkit.capture.kinds.scorecard import ScorecardKind

PITCH = PitchKind()
SCORE = ScorecardKind()
ROOM = people("creative", "Ana", "Ben", "Cem", "Dana") + people("jury", "Judge One", "Judge Two")


def test_pitch_plan_order_and_offsets():
    result = PITCH.result([], PitchOptions(order="plan", minutes_per_pitch=4), context(ROOM))
    assert [(s.person, s.start_minute) for s in result.order] == [("cr1", 0), ("cr2", 4), ("cr3", 8), ("cr4", 12)]
    assert result.total_minutes == 16


def test_pitch_shuffle_is_reproducible():
    options = PitchOptions()
    a = PITCH.result([], options, context(ROOM, seed=7))
    assert a == PITCH.result([], options, context(ROOM, seed=7))
    assert sorted(s.person for s in a.order) == ["cr1", "cr2", "cr3", "cr4"]
    fixed = PitchOptions(seed=3)
    assert PITCH.result([], fixed, context(ROOM, seed=1)) == PITCH.result([], fixed, context(ROOM, seed=2))
    orders = {tuple(s.person for s in PITCH.result([], options, context(ROOM, seed=s)).order) for s in range(10)}
    assert len(orders) > 1


def test_pitch_feedback_and_markdown(de):
    options = PitchOptions(order="plan")
    records = captured(PITCH, {"pitch": "cr2", "type": "like", "text": "Clear story"},
                       {"pitch": "Ben", "type": "whatif", "text": "What if | tables"},
                       {"pitch": "cr2", "type": "wish", "text": "More numbers"})
    result = PITCH.result(records, options, context(ROOM))
    ben = result.feedback[1]
    assert [e.text for e in ben.like] == ["Clear story"] and [e.text for e in ben.whatif] == ["What if | tables"]
    assert result.feedback[0].like == []
    en = PITCH.to_markdown(result, options, "en")
    assert "**I like**\n\n- Clear story" in en and "**I wish**" in en and "**What if**" in en and "### Ben" in en
    assert "| 2 | Ben |  | +3 min |" in en
    de_md = PITCH.to_markdown(result, options, "de")
    assert "**Mir gefällt**" in de_md and "**Ich wünsche mir**" in de_md and "**Was wäre, wenn**" in de_md


def test_pitch_checks():
    rec = PITCH.Record.model_validate({"pitch": "jn1", "type": "like", "text": "x"})
    assert PITCH.check(rec, [], PitchOptions(), context(ROOM))
    ok = PITCH.Record.model_validate({"pitch": "Ana", "type": "like", "text": "x"})
    assert PITCH.check(ok, [], PitchOptions(), context(ROOM)) is None
    assert PITCH.check(ok, [], PitchOptions(feedback=False), context(ROOM))


CRITERIA = ScorecardOptions(criteria=[{"id": "idea", "title": "Idea", "weight": 2}, {"id": "team", "title": "Team"}])


def score(scorer, candidate, criterion, value):
    return {"scorer": scorer, "candidate": candidate, "criterion": criterion, "score": value}


def test_scorecard_weighted_ranking_and_missing_scores():
    records = captured(
        SCORE,
        score("ju1", "cr1", "idea", 5), score("ju1", "cr1", "team", 2),
        score("ju2", "cr1", "idea", 3),  # ju2 skipped cr1's team: mean over ju1 only
        score("ju1", "cr2", "idea", 4), score("ju2", "cr2", "idea", 4),  # nobody scored cr2's team
        score("ju1", "cr3", "idea", 1), score("ju1", "cr3", "idea", 4), score("ju1", "cr3", "team", 4),  # replaced
    )
    result = SCORE.result(records, CRITERIA, context(ROOM))
    rows = {r.candidate: r for r in result.ranking}
    assert rows["cr1"].means == {"idea": 4.0, "team": 2.0}
    assert abs(rows["cr1"].total - (2 * 4 + 2) / 3) < 1e-6
    assert rows["cr2"].total == 4.0 and rows["cr2"].incomplete and rows["cr2"].missing == ["team"]
    assert rows["cr3"].total == 4.0 and not rows["cr3"].incomplete
    assert [(r.rank, r.candidate) for r in result.ranking] == [(1, "cr2"), (1, "cr3"), (3, "cr1")]
    assert result.scorers == 2 and rows["cr1"].scorers == 2


def test_scorecard_candidates_from_pitch_step():
    pitch = PITCH.result([], PitchOptions(order="plan"), context(ROOM))
    ctx = context(ROOM, results={"pitches": pitch})
    options = CRITERIA.model_copy(update={"source": "pitches"})
    result = SCORE.result(captured(SCORE, score("ju1", "cr2", "idea", 3), score("ju1", "cr2", "team", 3)), options, ctx)
    assert [r.candidate for r in result.ranking] == ["cr2", "cr1", "cr3", "cr4"]
    assert [r.rank for r in result.ranking] == [1, None, None, None]
    rec = SCORE.Record.model_validate
    assert SCORE.check(rec(score("ju1", "ju2", "idea", 3)), [], options, ctx)  # did not pitch
    assert SCORE.check(rec(score("ju1", "cr1", "idea", 3)), [], options, ctx) is None


def test_scorecard_checks():
    ctx = context(ROOM)
    rec = SCORE.Record.model_validate
    assert SCORE.check(rec(score("ju1", "cr1", "looks", 3)), [], CRITERIA, ctx)
    assert SCORE.check(rec(score("ju1", "cr1", "idea", 6)), [], CRITERIA, ctx)
    assert SCORE.check(rec(score("ju1", "cr1", "idea", 0)), [], CRITERIA, ctx)
    assert SCORE.check(rec(score("cr2", "cr1", "idea", 3)), [], CRITERIA, ctx)  # not jury
    assert SCORE.check(rec(score("ju1", "ju1", "idea", 3)), [], CRITERIA, ctx)  # self
    assert SCORE.check(rec(score("Judge One", "Ana", "idea", 3)), [], CRITERIA, ctx) is None


def test_scorecard_markdown(de):
    records = captured(SCORE, score("ju1", "cr1", "idea", 5), score("ju1", "cr1", "team", 4),
                       score("ju1", "cr2", "idea", 3.5))
    result = SCORE.result(records, CRITERIA, context(ROOM))
    en = SCORE.to_markdown(result, CRITERIA, "en")
    assert "| Rank | Candidate | Idea | Team | Total |" in en
    assert "| 1 | Ana | 5.00 | 4.00 | 4.67 |" in en and "| 2 | Ben | 3.50 | – | 3.50 \\* |" in en
    assert "Scored by 1 people" in en
    de_md = SCORE.to_markdown(result, CRITERIA, "de")
    assert "| Platz | Kandidat/in | Idea | Team | Gesamt |" in de_md and "4,67" in de_md
