"""Laptops that worked offline push their sessions to the programme's database, twice;
pull and migrate copy back; every copy is verified by count and checksum."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from toolkit.session.store import FILENAME, Event, Store

PROGRAMME = "id: cross-2026\nname: Cross Innovation 2026\n"


def laptop(root: Path, name: str, events: list[str], make_workshop) -> Path:
    """A copy of the programme folder on laptop ``name`` with workshop folders for ``events``."""
    folder = root / name / "programme"
    (folder / "events").mkdir(parents=True)
    (folder / "programme.yaml").write_text(PROGRAMME, encoding="utf-8")
    for event in events:
        make_workshop(event, parent=folder / "events")
    return folder


def run_session(folder: Path, texts: list[str], *, edit: bool = True, author: str = "") -> None:
    """A session on the local SQLite store: start, captures, an edit, a removal and an undo."""
    from toolkit.session.engine import Engine

    with Engine(folder, author=author) as engine:
        engine.go_to("idea-forge", "ideas")
        saved = [engine.capture({"text": t}) for t in texts]
        if edit and len(saved) >= 3:
            engine.edit(saved[0].event.seq, {"text": texts[0] + " (edited)"})
            engine.remove(saved[1].event.seq)
            engine.undo()  # brings the removed one back
            engine.remove(saved[2].event.seq)


def records(folder: Path) -> list[str]:
    from toolkit.session.engine import Engine

    with Engine(folder, readonly=True) as engine:
        return sorted(r.data.text for r in engine.records("idea-forge", "ideas"))


@pytest.fixture
def no_store_env(monkeypatch):
    monkeypatch.delenv("CIMIS_STORE", raising=False)


def test_several_laptops_push_twice_and_merge_without_loss(tmp_path, make_workshop, pg_url, cli, monkeypatch,
                                                           no_store_env):
    a = laptop(tmp_path, "a", ["dresden-kickoff", "meissen-kickoff"], make_workshop)
    b = laptop(tmp_path, "b", ["dresden-kickoff", "lausitz-kickoff"], make_workshop)
    run_session(a / "events" / "dresden-kickoff", [f"a-dd-{i}" for i in range(6)], author="anna")
    run_session(a / "events" / "meissen-kickoff", [f"a-mei-{i}" for i in range(4)])
    # the second laptop at the Dresden kickoff: a breakout room captured separately
    run_session(b / "events" / "dresden-kickoff", [f"b-dd-{i}" for i in range(5)], author="bert")
    run_session(b / "events" / "lausitz-kickoff", [f"b-lau-{i}" for i in range(3)], edit=False)

    for round_ in range(2):
        for machine in (a, b):
            result = cli("store", "push", str(machine), "--url", pg_url, "--json")
            assert result.exit_code == 0, result.output
            reports = json.loads(result.output)
            assert all(r["verified"] for r in reports)
            if round_ == 1:
                assert [r["added"] for r in reports] == [0, 0], "a second push added events"
                assert all(r["present"] == r["events"] for r in reports)

    import psycopg

    with psycopg.connect(pg_url) as conn:
        counts = dict(conn.execute(
            "SELECT s.workshop, count(*) FROM cimis.events e JOIN cimis.sessions s ON s.id = e.session "
            "GROUP BY s.workshop").fetchall())
        dupes = conn.execute("SELECT count(*) FROM (SELECT session, client_id FROM cimis.events "
                             "GROUP BY 1, 2 HAVING count(*) > 1) d").fetchone()[0]
        origins = conn.execute("SELECT count(DISTINCT origin) FROM cimis.events e JOIN cimis.sessions s "
                               "ON s.id = e.session WHERE s.workshop = 'cross-2026/dresden-kickoff'").fetchone()[0]
    local = {name: len(Store(m / "events" / name, readonly=True).events())
             for m, name in [(a, "meissen-kickoff"), (b, "lausitz-kickoff")]}
    dd = sum(len(Store(m / "events" / "dresden-kickoff", readonly=True).events()) for m in (a, b))
    assert dupes == 0
    assert origins == 2  # both laptops' events are in the Dresden session
    assert counts == {"cross-2026/dresden-kickoff": dd, "cross-2026/meissen-kickoff": local["meissen-kickoff"],
                      "cross-2026/lausitz-kickoff": local["lausitz-kickoff"]}

    # the office (a third machine) pulls everything and sees both laptops' records at Dresden
    c = laptop(tmp_path, "c", ["dresden-kickoff", "meissen-kickoff", "lausitz-kickoff"], make_workshop)
    result = cli("store", "pull", str(c), "--url", pg_url)
    assert result.exit_code == 0, result.output
    assert "verified" in result.output
    expected = sorted(records(a / "events" / "dresden-kickoff") + records(b / "events" / "dresden-kickoff"))
    assert records(c / "events" / "dresden-kickoff") == expected
    assert "a-dd-0 (edited)" in expected and "a-dd-2" not in expected and "b-dd-1" in expected
    assert records(c / "events" / "meissen-kickoff") == records(a / "events" / "meissen-kickoff")
    again = cli("store", "pull", str(c), "--url", pg_url, "--json")
    assert [r["added"] for r in json.loads(again.output)] == [0, 0, 0]

    # and the database read directly (CIMIS_STORE) gives the same records
    monkeypatch.setenv("CIMIS_STORE", pg_url)
    assert records(c / "events" / "dresden-kickoff") == expected
    status = cli("store", "status", str(a), "--json")
    b_dresden = len(Store(b / "events" / "dresden-kickoff", readonly=True).events())
    assert [(r["workshop"], r["to_push"], r["to_pull"]) for r in json.loads(status.output)] == [
        ("cross-2026/dresden-kickoff", 0, b_dresden), ("cross-2026/meissen-kickoff", 0, 0)]


def test_push_finds_the_programme_database_on_a_laptop_working_locally(tmp_path, make_workshop, pg_url, cli,
                                                                       monkeypatch):
    a = laptop(tmp_path, "a", ["meissen-kickoff"], make_workshop)
    (a / "programme.yaml").write_text(PROGRAMME + f"store: {pg_url}\n", encoding="utf-8")
    monkeypatch.setenv("CIMIS_STORE", "sqlite")  # offline: the sessions go to session.db
    run_session(a / "events" / "meissen-kickoff", ["x", "y", "z"])
    assert (a / "events" / "meissen-kickoff" / FILENAME).is_file()
    out = cli("store", "push", str(a), "--json")
    assert out.exit_code == 0, out.output
    assert json.loads(out.output)[0]["workshop"] == "cross-2026/meissen-kickoff"


def test_laptop_keeps_working_after_a_push_and_pushes_only_the_new(tmp_path, make_workshop, pg_url, cli,
                                                                     no_store_env):
    a = laptop(tmp_path, "a", ["erzgebirge-expert"], make_workshop)
    folder = a / "events" / "erzgebirge-expert"
    run_session(folder, ["one", "two", "three"])
    first = json.loads(cli("store", "push", str(folder), "--url", pg_url, "--json").output)[0]
    from toolkit.session.engine import Engine

    with Engine(folder) as engine:
        engine.capture({"text": "four"}, item_id="idea-forge", step_id="ideas")
        engine.undo()
        engine.capture({"text": "five"}, item_id="idea-forge", step_id="ideas")
    second = json.loads(cli("store", "push", str(folder), "--url", pg_url, "--json").output)[0]
    assert second["added"] == 3 and second["present"] == first["events"] and second["verified"]
    os.environ["CIMIS_STORE"] = pg_url
    try:
        assert records(folder) == sorted(["one (edited)", "two", "five"])
    finally:
        del os.environ["CIMIS_STORE"]


def test_migrate_both_ways_is_exact_and_idempotent(tmp_path, make_workshop, pg_url, cli, no_store_env):
    folder = make_workshop("solo")
    run_session(folder, [f"idea {i}" for i in range(8)])
    before = records(folder)
    out = cli("store", "migrate", str(folder), "--to", pg_url, "--json")
    assert out.exit_code == 0, out.output
    report = json.loads(out.output)[0]
    assert report["verified"] and report["added"] == report["events"] == report["target_events"]
    assert report["checksum"] == report["target_checksum"]
    again = json.loads(cli("store", "migrate", str(folder), "--to", pg_url, "--json").output)[0]
    assert again["added"] == 0 and again["verified"]

    # back into a fresh SQLite store (the old one moved away)
    shutil.move(folder / FILENAME, tmp_path / "old.db")
    back = cli("store", "migrate", str(folder), "--to", "sqlite", "--from", pg_url, "--json")
    assert back.exit_code == 0, back.output
    assert json.loads(back.output)[0]["checksum"] == report["checksum"]
    assert records(folder) == before


def test_migrate_refuses_a_target_with_other_events(tmp_path, make_workshop, pg_url, cli, no_store_env):
    folder = make_workshop("busy")
    run_session(folder, ["x", "y", "z"])
    from toolkit.session.backend import workshop_key
    from toolkit.session.pgstore import PgStore

    with PgStore(pg_url, workshop_key(folder)) as remote:
        remote.append("captured", item="idea-forge", step="ideas", payload={"record": {"text": "elsewhere"}})
    out = cli("store", "migrate", str(folder), "--to", pg_url)
    assert out.exit_code == 1
    assert "already holds 1 event(s)" in out.output
    with PgStore(pg_url, workshop_key(folder), readonly=True) as remote:
        assert len(remote.events()) == 1  # nothing written


def test_a_conflicting_event_fails_verification(tmp_path, make_workshop, pg_url, cli, no_store_env):
    """The same client id with other content in the database is not overwritten, and the
    push says so (exit 1)."""
    folder = make_workshop("conflict")
    with Store(folder) as local:
        local.append("captured", item="idea-forge", step="ideas", payload={"record": {"text": "mine"}},
                     client_id="tablet-1")
    from toolkit.session.backend import workshop_key
    from toolkit.session.pgstore import PgStore

    with PgStore(pg_url, workshop_key(folder)) as remote:
        remote.append("captured", item="idea-forge", step="ideas", payload={"record": {"text": "theirs"}},
                      client_id="tablet-1")
    out = cli("store", "push", str(folder), "--url", pg_url)
    assert out.exit_code == 1
    assert "NOT verified: 0 missing, 1 different" in out.output
    with PgStore(pg_url, workshop_key(folder), readonly=True) as remote:
        assert remote.events()[0].payload["record"]["text"] == "theirs"


def test_clear_errors(tmp_path, make_workshop, cli, no_store_env, monkeypatch):
    folder = make_workshop("errs")
    out = cli("store", "push", str(folder))
    assert out.exit_code == 1 and "no database for" in out.output
    out = cli("store", "push", str(folder), "--url", "mysql://x")
    assert out.exit_code == 1 and "is not a postgresql:// URL" in out.output
    out = cli("store", "push", str(tmp_path), "--url", "postgresql://x")
    assert out.exit_code == 1 and "neither a workshop folder" in out.output
    Store(folder).close()
    out = cli("store", "push", str(folder), "--url", "postgresql://nobody:secret@127.0.0.1:1/none")
    assert out.exit_code == 1
    assert "cannot reach the session database" in out.output and "secret" not in out.output
    assert "Traceback" not in out.output
    monkeypatch.setenv("CIMIS_STORE", "oracle://db")
    out = cli("session", "status", str(folder))
    assert out.exit_code == 1 and "CIMIS_STORE: the store must be 'sqlite' or a postgresql:// URL" in out.output


def test_engine_on_postgresql_through_the_environment(make_workshop, pg_url, monkeypatch, cli):
    monkeypatch.setenv("CIMIS_STORE", pg_url)
    folder = make_workshop("env-site")
    run_session(folder, ["p", "q", "r", "s"])
    assert records(folder) == ["p (edited)", "q", "s"]
    assert not (folder / FILENAME).exists()  # nothing went to the folder
    out = cli("session", "status", str(folder), "--json")
    assert out.exit_code == 0, out.output
    info = json.loads(out.output)
    key = (folder / "session.key").read_text().strip()
    assert key.startswith("env-site-") and len(key) == len("env-site-") + 12
    assert info["store"].endswith("#" + key) and info["records"] == 3


def test_nul_characters_are_refused_clearly(pg_url):
    from toolkit.errors import CimisError
    from toolkit.session.pgstore import PgStore

    with PgStore(pg_url, "nul") as store:
        with pytest.raises(CimisError, match="NUL"):
            store.append("captured", item="a", step="b", payload={"record": {}}, author="a\x00b")
        with pytest.raises(CimisError, match="NUL"):
            store.merge([Event(1, "s", "captured", "a", "b", {}, "", 0.0, "x\x00")])
        assert store.events() == []
        # inside the payload a NUL is JSON-escaped text and fine
        store.append("captured", item="a", step="b", payload={"record": {"text": "a\x00b"}})
        assert store.events()[0].payload["record"]["text"] == "a\x00b"
