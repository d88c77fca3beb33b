"""Undo in logs merged from several laptops: each ``undone`` event reverts the event it
names (its ``target``, rewritten by every merge), not whatever happens to be the latest
action of the merged log; merging in either order gives the same state; logs whose undos
name no target fold as they always did. Laptops are real SQLite stores pushing to a real
PostgreSQL server with ``cimis store push`` and pulled back with ``cimis store pull``."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest

from toolkit.session.state import fold
from toolkit.session.store import Event

PROGRAMME = "id: cross-2026\nname: Cross Innovation 2026\n"
WORKSHOP = "dresden-kickoff"
IDEAS = {"item_id": "idea-forge", "step_id": "ideas"}


def laptop(root: Path, name: str, make_workshop) -> Path:
    folder = root / name / "programme"
    (folder / "events").mkdir(parents=True)
    (folder / "programme.yaml").write_text(PROGRAMME, encoding="utf-8")
    make_workshop(WORKSHOP, parent=folder / "events")
    return folder


def engine(machine: Path):
    from toolkit.session.engine import Engine

    return Engine(machine / "events" / WORKSHOP)


def texts(machine: Path) -> list[str]:
    with engine(machine) as e:
        return sorted(r.data.text for r in e.records(**IDEAS))


def database(pg_cluster, name: str) -> str:
    import psycopg

    with psycopg.connect(pg_cluster.url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return pg_cluster.url.rsplit("/", 1)[0] + "/" + name


def push(cli, machine: Path, url: str) -> None:
    result = cli("store", "push", str(machine), "--url", url, "--json")
    assert result.exit_code == 0, result.output
    assert all(r["verified"] for r in json.loads(result.output))


def phase_one_a(machine: Path) -> None:
    with engine(machine) as e:
        e.go_to(**IDEAS)
        first = e.capture({"text": "a1"})
        e.capture({"text": "a2"})
        e.capture({"text": "a3"})
        e.edit(first.event.seq, {"text": "a1 edited"})


def phase_one_b(machine: Path) -> None:
    with engine(machine) as e:
        e.go_to(**IDEAS)
        first = e.capture({"text": "b1"})
        e.capture({"text": "b2"})
        e.remove(first.event.seq)


def phase_two_a(machine: Path) -> None:
    with engine(machine) as e:
        assert e.undo()[1] == "edited"  # its own edit of a1
        assert e.undo()[1] == "captured"  # its own a3


def phase_two_b(machine: Path) -> None:
    with engine(machine) as e:
        assert e.undo()[1] == "removed"  # b1 comes back
        e.capture({"text": "b3"})
        assert e.undo()[1] == "captured"  # b3 goes again


EXPECTED = ["a1", "a2", "b1", "b2"]


@pytest.mark.parametrize("first", ["a", "b"])
def test_each_laptops_undo_reverts_its_own_action_in_the_merged_log(tmp_path, make_workshop, pg_cluster, cli,
                                                                     monkeypatch, first):
    monkeypatch.delenv("CIMIS_STORE", raising=False)
    url = database(pg_cluster, f"undo_{first}_{uuid.uuid4().hex[:8]}")
    a, b = laptop(tmp_path, "a", make_workshop), laptop(tmp_path, "b", make_workshop)
    order = [a, b] if first == "a" else [b, a]
    phase_one_a(a)
    phase_one_b(b)
    for machine in order:
        push(cli, machine, url)
    # offline again: each laptop undoes what it did; their undos land after the other's events
    phase_two_a(a)
    phase_two_b(b)
    for machine in order:
        push(cli, machine, url)
    assert texts(a) == ["a1", "a2"] and texts(b) == ["b1", "b2"]

    # the database itself
    monkeypatch.setenv("CIMIS_STORE", url)
    assert texts(a) == EXPECTED
    monkeypatch.delenv("CIMIS_STORE")
    # an office laptop pulls the merged log, and the laptops pull each other's events
    office = laptop(tmp_path, "office", make_workshop)
    for machine in (office, a, b):
        result = cli("store", "pull", str(machine), "--url", url)
        assert result.exit_code == 0, result.output
        assert texts(machine) == EXPECTED


def test_both_merge_orders_give_the_same_state(tmp_path, make_workshop, pg_cluster, cli, monkeypatch):
    monkeypatch.delenv("CIMIS_STORE", raising=False)
    a, b = laptop(tmp_path, "a", make_workshop), laptop(tmp_path, "b", make_workshop)
    orders = {database(pg_cluster, f"order_{uuid.uuid4().hex[:8]}"): order for order in ([a, b], [b, a])}
    phase_one_a(a)
    phase_one_b(b)
    for url, order in orders.items():
        for machine in order:
            push(cli, machine, url)
    phase_two_a(a)
    phase_two_b(b)
    states = []
    for url, order in orders.items():
        for machine in order:
            push(cli, machine, url)
        monkeypatch.setenv("CIMIS_STORE", url)
        with engine(a) as e:
            by_id = {ev.seq: ev.client_id for ev in e.store.events()}
            state = e.state
            records = sorted((r.client_id, json.dumps(r.data, sort_keys=True)) for r in state.all_records())
            undone = sorted(by_id[seq] for seq in state.undone)
            states.append((records, undone, state.ignored))
        monkeypatch.delenv("CIMIS_STORE")
    assert states[0] == states[1]
    assert sorted(json.loads(d)["text"] for _c, d in states[0][0]) == EXPECTED
    assert len(states[0][1]) == 4  # a's edit and a3, b's removal of b1 and b3
    # b's second "started" is the one event either order ignores
    assert states[0][2] == 1


# -- the fold alone ---------------------------------------------------------------------------

def ev(seq: int, type_: str, payload: dict | None = None, *, item: str = "i", step: str = "s") -> Event:
    return Event(seq, "x", type_, item, step, payload or {}, "", float(seq), f"c{seq}")


def test_an_undo_reverts_its_target_not_the_latest_action():
    log = [ev(1, "captured", {"record": {"t": "a"}}), ev(2, "captured", {"record": {"t": "b"}}),
           ev(3, "undone", {"target": 1})]
    state = fold(log)
    assert [r.data for r in state.all_records()] == [{"t": "b"}]
    assert state.undone == {1: 3}
    assert state.next_undo() == (2, "captured", 2)


def test_an_undo_of_an_edit_superseded_by_a_later_edit_is_skipped():
    # two laptops edited the same record; undoing the earlier edit leaves the later standing,
    # in whichever order the edits were merged
    one = [ev(1, "captured", {"record": {"t": "a"}}), ev(2, "edited", {"record_id": 1, "record": {"t": "x"}}),
           ev(3, "edited", {"record_id": 1, "record": {"t": "y"}}), ev(4, "undone", {"target": 2})]
    assert [r.data for r in fold(one).all_records()] == [{"t": "y"}]
    assert fold(one).ignored == 1
    other = [ev(1, "captured", {"record": {"t": "a"}}), ev(2, "edited", {"record_id": 1, "record": {"t": "y"}}),
             ev(3, "edited", {"record_id": 1, "record": {"t": "x"}}), ev(4, "undone", {"target": 3})]
    assert [r.data for r in fold(other).all_records()] == [{"t": "y"}]
    # and once the later edit is undone too, the earlier one can be
    assert [r.data for r in fold([*one[:3], ev(4, "undone", {"target": 3}), ev(5, "undone", {"target": 2})])
            .all_records()] == [{"t": "a"}]


def test_an_undo_naming_nothing_applicable_is_skipped():
    log = [ev(1, "captured", {"record": {"t": "a"}}), ev(2, "undone", {"target": 1}),
           ev(3, "undone", {"target": 1}),  # undone already (the other laptop did it too)
           ev(4, "undone", {"target": 0}),  # a merge found its target outside the merged log
           ev(5, "undone", {"target": 99})]
    state = fold(log)
    assert state.all_records() == [] and state.ignored == 3 and state.undone == {1: 2}


def test_undos_without_a_target_fold_as_before():
    # an older writer's log: each undo reverts the latest action not undone yet
    log = [ev(1, "captured", {"record": {"t": "a"}}), ev(2, "captured", {"record": {"t": "b"}}),
           ev(3, "edited", {"record_id": 1, "record": {"t": "a2"}}), ev(4, "removed", {"record_id": 2}),
           ev(5, "undone"), ev(6, "undone"), ev(7, "undone"), ev(8, "undone"), ev(9, "undone")]
    steps = [[r.data["t"] for r in fold(log[:n]).all_records()] for n in range(4, 10)]
    assert steps == [["a2"], ["a2", "b"], ["a", "b"], ["a"], [], []]
    assert fold(log).undone == {4: 5, 3: 6, 2: 7, 1: 8} and fold(log).ignored == 1
