"""Dot voting with room totals: the facilitator's paper-dot counts beside the per-voter votes."""

from __future__ import annotations

import pytest
from pydantic import ValidationError
from test_cards_dots import dots_setup

from capture_util import captured
from toolkit.capture.common import plain
from toolkit.capture.kinds.dots import DotsKind, DotVote, RoomTally

DOTS = DotsKind()
rec = DOTS.Record.model_validate


def test_a_record_without_op_is_a_vote_and_is_stored_as_before():
    vote = rec({"voter": "cr1", "item": 2})
    assert isinstance(plain(vote), DotVote)
    assert vote.model_dump(mode="json") == {"voter": "cr1", "item": "2", "dots": 1}
    assert isinstance(plain(rec({"op": "vote", "voter": "cr1", "item": "2"})), DotVote)
    assert isinstance(plain(rec(DOTS.example)), DotVote)
    assert "item" in DOTS.id_fields
    tally = rec({"op": "tally", "item": 3, "dots": 12})
    assert isinstance(plain(tally), RoomTally)
    assert tally.model_dump(mode="json") == {"op": "tally", "item": "3", "dots": 12}


@pytest.mark.parametrize("bad", [
    {"op": "tally", "item": "1", "dots": 3, "voter": "cr1"},  # what the web's identity field would add
    {"op": "tally", "item": "1"},
    {"op": "tally", "item": "1", "dots": -1},
    {"op": "count", "item": "1", "dots": 1},
    {"op": 7, "item": "1", "dots": 1},
])
def test_bad_tallies_are_refused(bad):
    with pytest.raises(ValidationError):
        rec(bad)


def test_tallies_add_to_votes_without_a_budget_and_a_recount_replaces():
    options, ctx = dots_setup(dots_per_person=2, max_per_item=1)
    records = captured(DOTS, {"voter": "cr1", "item": "1"}, {"voter": "cr2", "item": "2"},
                       {"op": "tally", "item": "2", "dots": 40}, {"op": "tally", "item": "3", "dots": 9},
                       {"op": "tally", "item": "2", "dots": 5},  # recount of card 2
                       {"op": "tally", "item": "99", "dots": 50})  # unknown item counts nothing
    result = DOTS.result(records, options, ctx)
    assert [(r.rank, r.id, r.dots, r.room) for r in result.ranking] == [
        (1, "3", 9, 9), (2, "2", 6, 5), (3, "1", 1, 0), (4, "4", 0, 0)]
    assert result.voters == 2 and result.dots == 16 and result.room == 14
    md = DOTS.to_markdown(result, options, "en")
    assert "2 people gave 2 dots." in md and "14 dots were counted in the room." in md
    assert "14 Punkte wurden im Raum gezählt." in DOTS.to_markdown(result, options, "de")


def test_check_and_rule_state_agree_on_tallies():
    options, ctx = dots_setup(dots_per_person=1, max_per_item=1)
    records = captured(DOTS, {"voter": "cr1", "item": "1"})
    rules = DOTS.rule_state(options, ctx)
    for c in records:
        rules.add(c)
    big = rec({"op": "tally", "item": "1", "dots": 1000})
    unknown = rec({"op": "tally", "item": "99", "dots": 1})
    over = rec({"voter": "cr1", "item": "2"})
    assert DOTS.check(big, records, options, ctx) is None and rules.check(big) is None
    assert DOTS.check(unknown, records, options, ctx) and rules.check(unknown)
    assert DOTS.check(over, records, options, ctx) and rules.check(over)
    # a tally spends nobody's dots
    more = records + captured(DOTS, {"op": "tally", "item": "2", "dots": 3}, start=2)
    rules.add(more[-1])
    fresh = rec({"voter": "cr2", "item": "2"})
    assert DOTS.check(fresh, more, options, ctx) is None and rules.check(fresh) is None


def test_tallies_over_clusters_match_names_loosely():
    options, ctx = dots_setup(over="clusters")
    result = DOTS.result(captured(DOTS, {"op": "tally", "item": " devices ", "dots": 4}), options, ctx)
    assert [(r.id, r.dots) for r in result.ranking] == [("Devices", 4), ("Paperless", 0)]
