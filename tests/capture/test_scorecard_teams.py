"""A jury scoring the teams (matches) of a matching step, as the kickoff's jury does; the
matching result may come as an object or as its JSON (a resumed session, the projector)."""

from __future__ import annotations

import pytest

from capture_util import captured, context, people
from toolkit.capture.kinds.matching import MatchingResult, Team, TeamMember
from toolkit.capture.kinds.options import ScorecardOptions
from toolkit.capture.kinds.pitch import PitchKind
from toolkit.capture.kinds.scorecard import ScorecardKind

SCORE = ScorecardKind()
ROOM = people("creative", "Ana", "Ben", "Cem") + people("company", "Joinery", "Museum") + \
    people("jury", "Judge One", "Judge Two")
TEAMS = MatchingResult(teams=[Team(company="co2", members=[TeamMember(id="cr1"), TeamMember(id="cr3")]),
                              Team(company="co1", members=[TeamMember(id="cr2")])])
OPTIONS = ScorecardOptions(criteria=[{"id": "question", "title": "Question"}], source="find-teams.reveal")


def score(scorer, candidate, value):
    return {"scorer": scorer, "candidate": candidate, "criterion": "question", "score": value}


@pytest.mark.parametrize("shape", ["object", "json"])
def test_teams_are_the_candidates(shape):
    teams = TEAMS if shape == "object" else TEAMS.model_dump(mode="json")
    ctx = context(ROOM, results={"find-teams.reveal": teams})
    result = SCORE.result(captured(SCORE, score("ju1", "co1", 4), score("ju2", "co1", 2)), OPTIONS, ctx)
    assert [r.candidate for r in result.ranking] == ["co1", "co2"]
    assert result.ranking[0].total == 3.0 and result.ranking[1].rank is None
    assert result.ranking[1].name == "Museum (Ana, Cem)" and result.ranking[0].name == "Joinery (Ben)"
    rec = SCORE.Record.model_validate
    assert SCORE.check(rec(score("ju1", "co2", 3)), [], OPTIONS, ctx) is None
    assert "leads no team" in SCORE.check(rec(score("ju1", "cr1", 3)), [], OPTIONS, ctx)


def test_a_pitch_result_as_json_is_not_taken_for_teams():
    from toolkit.capture.kinds.options import PitchOptions

    pitch = PitchKind().result([], PitchOptions(order="plan"), context(ROOM)).model_dump(mode="json")
    ctx = context(ROOM, results={"find-teams.reveal": pitch})
    result = SCORE.result([], OPTIONS, ctx)
    assert [r.candidate for r in result.ranking] == ["cr1", "cr2", "cr3"]


def test_no_teams_yet_and_unknown_step():
    assert SCORE.result([], OPTIONS, context(ROOM, results={"find-teams.reveal": MatchingResult()})).ranking == []
    assert SCORE.result([], OPTIONS, context(ROOM)).ranking == []
