"""Idea cards with clusters, and dot voting over them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from capture_util import captured, context, people
from toolkit.capture.kinds.cards import CardsKind
from toolkit.capture.kinds.dots import DotsKind
from toolkit.capture.kinds.options import CardsOptions, DotsOptions

CARDS = CardsKind()
DOTS = DotsKind()


def board(*ops, options=None, ctx=None):
    options = options if options is not None else CardsOptions()
    cards = [{"op": "card", "text": t} for t in ("Digital job sheet", "Photo log", "Tablet on site", "Voice notes")]
    return CARDS.result(captured(CARDS, *cards, *ops), options, ctx or context())


def test_cards_cluster_ops():
    result = board(
        {"op": "group", "cards": [1, 2], "cluster": "Paperless"},
        {"op": "group", "cards": [3], "cluster": "Hardware"},
        {"op": "group", "cards": [4], "cluster": "paperless "},  # same cluster, other spelling
        {"op": "rename", "cluster": "Hardware", "to": "Devices"},
    )
    assert [(c.name, c.cards) for c in result.clusters] == [("Paperless", [1, 2, 4]), ("Devices", [3])]
    assert result.unclustered == []
    result = board(
        {"op": "group", "cards": [1], "cluster": "A"},
        {"op": "group", "cards": [2], "cluster": "B"},
        {"op": "group", "cards": [3], "cluster": "C"},
        {"op": "merge", "clusters": ["B", "C"], "into": "BC"},
        {"op": "ungroup", "cards": [1]},
    )
    assert [(c.name, c.cards) for c in result.clusters] == [("BC", [2, 3])]
    assert result.unclustered == [1, 4]
    assert [c.cluster for c in result.cards] == [None, "BC", "BC", None]


def test_cards_merge_into_existing_keeps_its_place():
    result = board(
        {"op": "group", "cards": [1], "cluster": "A"},
        {"op": "group", "cards": [2], "cluster": "B"},
        {"op": "group", "cards": [3], "cluster": "C"},
        {"op": "merge", "clusters": ["C", "A"], "into": "B"},
    )
    assert [(c.name, c.cards) for c in result.clusters] == [("B", [2, 3, 1])]


def test_cards_checks():
    records = captured(CARDS, ({"op": "card", "text": "x"}, "ana"), {"op": "group", "cards": [1], "cluster": "A"})
    rec = CARDS.Record.model_validate
    opts = CardsOptions()
    assert CARDS.check(rec({"op": "group", "cards": [1, 9], "cluster": "B"}), records, opts, context())
    assert CARDS.check(rec({"op": "group", "cards": [1], "cluster": "B"}), records, opts, context()) is None
    assert CARDS.check(rec({"op": "rename", "cluster": "Z", "to": "Y"}), records, opts, context())
    assert CARDS.check(rec({"op": "merge", "clusters": ["A", "Z"], "into": "Y"}), records, opts, context())
    assert CARDS.check(rec({"op": "group", "cards": [1], "cluster": "B"}), records, CardsOptions(clusters=False),
                       context())
    from toolkit.capture.base import Captured

    one = CardsOptions(per_person=1)
    assert CARDS.check(Captured(0, rec({"op": "card", "text": "y"}), author="ana"), records, one, context())
    assert CARDS.check(Captured(0, rec({"op": "card", "text": "y"}), author="ben"), records, one, context()) is None


def test_cards_from_source_step():
    earlier = board()
    records = captured(CARDS, {"op": "card", "text": "New"}, {"op": "group", "cards": [2, 10], "cluster": "X"},
                       start=10)
    result = CARDS.result(records, CardsOptions(source="ideas"), context(results={"ideas": earlier}))
    assert [c.id for c in result.cards] == [1, 2, 3, 4, 10]
    assert [(c.name, c.cards) for c in result.clusters] == [("X", [2, 10])]
    # also from the JSON form of the source result
    result2 = CARDS.result(records, CardsOptions(source="ideas"),
                           context(results={"ideas": earlier.model_dump(mode="json")}))
    assert result2 == result


def test_cards_markdown(de):
    result = board({"op": "group", "cards": [1, 2], "cluster": "# Paper`less`"})
    md = CARDS.to_markdown(result, CardsOptions(), "en")
    assert md.startswith("### \\# Paper\\`less\\`\n\n- Digital job sheet\n- Photo log\n")
    assert "### Unclustered\n\n- Tablet on site\n- Voice notes\n" in md
    assert "### Ohne Cluster" in CARDS.to_markdown(result, CardsOptions(), "de")


def dots_setup(anonymous=True, over="cards", **limits):
    ideas = board({"op": "group", "cards": [1, 2], "cluster": "Paperless"},
                  {"op": "group", "cards": [3], "cluster": "Devices"})
    ctx = context(people=people("creative", "Ana", "Ben", "Cem"), results={"ideas": ideas})
    return DotsOptions(source="ideas", anonymous=anonymous, over=over, **limits), ctx


def test_dots_ranking_with_fair_ties():
    options, ctx = dots_setup(dots_per_person=3, max_per_item=2)
    votes = captured(DOTS, {"voter": "cr1", "item": 3, "dots": 2}, {"voter": "Ben", "item": "1", "dots": 2},
                     {"voter": "cr3", "item": "4"}, {"voter": "cr3", "item": "1"}, {"voter": "cr1", "item": "2"})
    result = DOTS.result(votes, options, ctx)
    assert [(r.rank, r.id, r.dots) for r in result.ranking] == [(1, "1", 3), (2, "3", 2), (3, "2", 1), (3, "4", 1)]
    assert result.voters == 3 and result.dots == 7
    assert all(r.voters is None for r in result.ranking)
    assert "Ben" not in str(result.model_dump(mode="json"))


def test_dots_ties_do_not_depend_on_vote_order():
    options, ctx = dots_setup()
    a = captured(DOTS, {"voter": "cr1", "item": "4"}, {"voter": "cr2", "item": "2"})
    b = captured(DOTS, {"voter": "cr2", "item": "2"}, {"voter": "cr1", "item": "4"})
    assert DOTS.result(a, options, ctx).ranking == DOTS.result(b, options, ctx).ranking
    assert [r.id for r in DOTS.result(a, options, ctx).ranking][:2] == ["2", "4"]


def test_dots_checks():
    options, ctx = dots_setup(dots_per_person=2, max_per_item=1)
    votes = captured(DOTS, {"voter": "cr1", "item": "1"})
    rec = DOTS.Record.model_validate
    assert DOTS.check(rec({"voter": "Ana", "item": "1"}), votes, options, ctx)  # max_per_item, by name
    assert DOTS.check(rec({"voter": "cr1", "item": "2", "dots": 2}), votes, options, ctx)  # budget
    assert DOTS.check(rec({"voter": "cr1", "item": "99"}), votes, options, ctx)  # no such card
    assert DOTS.check(rec({"voter": "cr1", "item": "2"}), votes, options, ctx) is None


def test_dots_over_clusters_named_voters_and_markdown(de):
    options, ctx = dots_setup(anonymous=False, over="clusters", dots_per_person=2, max_per_item=2)
    votes = captured(DOTS, {"voter": "cr1", "item": "devices", "dots": 2}, {"voter": "cr2", "item": "Paperless"},
                     {"voter": "cr2", "item": "Paperless", "dots": 5})
    result = DOTS.result(votes, options, ctx)
    assert [(r.rank, r.id, r.dots) for r in result.ranking] == [(1, "Paperless", 2), (1, "Devices", 2)]
    assert [v.voter for v in result.ranking[0].voters] == ["Ben"]
    md = DOTS.to_markdown(result, options, "en")
    assert "| Rank | Item | Dots | Voters |" in md and "Ben (2)" in md
    assert "| Platz | Eintrag | Punkte | Abstimmende |" in DOTS.to_markdown(result, options, "de")


def test_dots_without_source_result():
    result = DOTS.result(captured(DOTS, {"voter": "a", "item": "1"}), DotsOptions(source="ideas"), context())
    assert result.ranking == [] and result.dots == 0


@settings(derandomize=True, max_examples=150, deadline=None)
@given(
    votes=st.lists(st.tuples(st.sampled_from(["cr1", "cr2", "cr3", "Ana", "x"]),
                             st.sampled_from(["1", "2", "3", "4", "9"]),
                             st.integers(1, 6)), max_size=25),
    dots_per_person=st.integers(1, 5),
    max_per_item=st.integers(1, 4),
    anonymous=st.booleans(),
)
def test_dots_limits_hold_for_any_records(votes, dots_per_person, max_per_item, anonymous):
    options, ctx = dots_setup(anonymous=anonymous, dots_per_person=dots_per_person, max_per_item=max_per_item)
    records = captured(DOTS, *({"voter": v, "item": i, "dots": d} for v, i, d in votes))
    result = DOTS.result(records, options, ctx)
    from toolkit.capture.kinds.dots import items_of, tally

    per_pair = tally([(("cr1" if v == "Ana" else v), i, d) for v, i, d in votes],
                     {x.id for x in items_of(options, ctx)}, dots_per_person, max_per_item)
    spent: dict[str, int] = {}
    for (voter, _item), dots in per_pair.items():
        assert dots <= max_per_item
        spent[voter] = spent.get(voter, 0) + dots
    assert all(total <= dots_per_person for total in spent.values())
    assert result.dots == sum(per_pair.values()) == sum(r.dots for r in result.ranking)
    assert result.dots <= dots_per_person * result.voters
    if not anonymous:
        for r in result.ranking:
            assert all(v.dots <= max_per_item for v in r.voters)
    # fair ranks: equal counts share a rank, ranks are competition ranks
    for i, r in enumerate(result.ranking):
        assert r.rank == 1 + sum(1 for o in result.ranking if o.dots > r.dots)
        if i:
            assert result.ranking[i - 1].dots >= r.dots
