"""Speed-dating schedules: properties of the algorithm, and the kind with no-shows."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from capture_util import captured, context, people
from toolkit.capture.algorithms.rotation import continue_schedule, needed_rounds, schedule
from toolkit.capture.kinds.options import RotationOptions
from toolkit.capture.kinds.rotation import RotationKind

KIND = RotationKind()


def assert_valid(plan, a, b, tables, rounds):
    seen = set()
    t = min(len(a), len(b)) if tables is None else min(len(a), len(b), tables)
    for r in plan:
        assert len(r) <= t
        xs, ys = [x for x, _ in r], [y for _, y in r]
        assert len(set(xs)) == len(xs) and len(set(ys)) == len(ys)
        assert set(xs) <= set(a) and set(ys) <= set(b)
        for pair in r:
            assert pair not in seen
            seen.add(pair)
    for group in (a, b):
        sits = [sum(1 for r in plan if p not in {q for pair in r for q in pair}) for p in group]
        if sits:
            assert max(sits) - min(sits) <= 1, sits
    if rounds is None or rounds >= needed_rounds(len(a), len(b), tables):
        assert seen == {(x, y) for x in a for y in b}
    return seen


@settings(derandomize=True, max_examples=400, deadline=None)
@given(n=st.integers(0, 12), m=st.integers(0, 12), tables=st.none() | st.integers(1, 13),
       rounds=st.none() | st.integers(1, 30))
def test_schedule_properties(n, m, tables, rounds):
    a, b = [f"a{i}" for i in range(n)], [f"b{j}" for j in range(m)]
    plan = schedule(a, b, tables, rounds)
    assert_valid(plan, a, b, tables, rounds)
    expected = needed_rounds(n, m, tables)
    assert len(plan) == (expected if rounds is None else min(rounds, expected))


def test_rounds_needed_when_tables_suffice():
    assert needed_rounds(4, 7) == 7 and needed_rounds(7, 4) == 7 and needed_rounds(3, 3, 2) == 5
    assert needed_rounds(0, 5) == 0


def test_smaller_group_keeps_its_tables():
    plan = schedule(["a1", "a2", "a3"], ["b1", "b2", "b3", "b4", "b5"])
    for r in plan:
        assert [x for x, _ in r] == ["a1", "a2", "a3"]


@settings(derandomize=True, max_examples=150, deadline=None)
@given(n=st.integers(1, 8), m=st.integers(1, 8), tables=st.none() | st.integers(1, 8), played=st.integers(0, 8),
       gone=st.integers(0, 3))
def test_continued_schedule_never_repeats_a_pair(n, m, tables, played, gone):
    a, b = [f"a{i}" for i in range(n)], [f"b{j}" for j in range(m)]
    first = schedule(a, b, tables)[:played]
    met = {pair for r in first for pair in r}
    here_a = a[gone:] if gone < n else a
    rest = continue_schedule(here_a, b, met, {}, tables)
    seen = set(met)
    for r in rest:
        assert len({x for x, _ in r}) == len(r) == len({y for _, y in r})
        for pair in r:
            assert pair not in seen and pair[0] in here_a
            seen.add(pair)
    assert {(x, y) for x in here_a for y in b} <= seen


ROOM = people("creative", "Ana", "Ben", "Cem", "Dana") + people("company", "Tischlerei", "Museum", "Theater")


def test_rotation_result_is_deterministic_per_seed():
    options = RotationOptions()
    r1 = KIND.result([], options, context(ROOM, seed=1))
    assert r1 == KIND.result([], options, context(ROOM, seed=1))
    assert len(r1.rounds) == 4 and r1.tables == 3
    assert len(r1.pairs) == 12 and r1.unmet == []
    assert all(len(r.sitting_out) == 1 for r in r1.rounds)
    assert sorted(p for r in r1.rounds for p in r.sitting_out) == ["cr1", "cr2", "cr3", "cr4"]
    assert r1.model_dump(mode="json")["rounds"][0]["seats"][0]["table"] == 1


def test_no_show_before_start_and_late_arrival_mid_session():
    options = RotationOptions()
    records = captured(KIND, {"op": "absent", "person": "Dana"}, {"op": "round", "number": 1},
                       {"op": "round", "number": 2}, {"op": "present", "person": "cr4"})
    result = KIND.result(records, options, context(ROOM, seed=3))
    assert result.current_round == 2 and result.absent == []
    assert [r.played for r in result.rounds][:3] == [True, True, False]
    assert all("cr4" not in {s.a for s in r.seats} for r in result.rounds[:2])
    assert result.rounds[0].absent == ["cr4"]
    assert len(result.pairs) == len(set(result.pairs)) and result.unmet == []
    # played rounds stay as they were
    before = KIND.result(records[:3], options, context(ROOM, seed=3))
    assert result.rounds[:2] == before.rounds[:2]


def test_absence_after_a_round_started_keeps_that_round():
    options = RotationOptions()
    records = captured(KIND, {"op": "round", "number": 1}, {"op": "absent", "person": "co1"})
    plain = KIND.result([], options, context(ROOM))
    result = KIND.result(records, options, context(ROOM))
    assert result.rounds[0] == plain.rounds[0].model_copy(update={"played": True})
    assert all("co1" not in {s.b for s in r.seats} for r in result.rounds[1:])
    assert result.unmet == []


def test_rotation_checks():
    rec = KIND.Record.model_validate
    options, ctx = RotationOptions(), context(ROOM)
    absent = captured(KIND, {"op": "absent", "person": "cr1"})
    assert KIND.check(rec({"op": "absent", "person": "nobody"}), [], options, ctx)
    assert KIND.check(rec({"op": "absent", "person": "Ana"}), absent, options, ctx)
    assert KIND.check(rec({"op": "present", "person": "Ben"}), absent, options, ctx)
    assert KIND.check(rec({"op": "present", "person": "Ana"}), absent, options, ctx) is None
    assert KIND.check(rec({"op": "round", "number": 9}), [], options, ctx)
    assert KIND.check(rec({"op": "round", "number": 2}), [], options, ctx) is None


def test_rotation_markdown(de):
    result = KIND.result([], RotationOptions(tables=2), context(ROOM))
    en = KIND.to_markdown(result, RotationOptions(tables=2), "en")
    assert en.startswith("### Round 1\n\n| Table | Creative | Company |\n| ---: | --- | --- |\n| 1 |")
    assert "Sitting out:" in en
    de_md = KIND.to_markdown(result, RotationOptions(tables=2), "de")
    assert "### Runde 1" in de_md and "| Tisch | Kreative | Unternehmen |" in de_md and "Pause:" in de_md
