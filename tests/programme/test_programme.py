"""The programme folder: creating it, validating programme.yaml with file:line errors, the
numbers computed from real sessions (played through the kickoff example), the matches'
lifecycle, SVG charts and the generated workbook chapters."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from toolkit.programme.load import read_programme


def play(folder: Path, seed: int) -> None:
    from toolkit.cli.demo import play_headless

    play_headless(folder, seed=seed)


def test_new_creates_the_programme_and_its_events(programme, cli):
    source = read_programme(programme)
    assert source.ok, source.problems
    p = source.programme
    assert p.id == "cross-innovation-2026" and [r.id for r in p.regions] == ["dresden", "meissen", "lausitz",
                                                                            "erzgebirge"]
    assert p.call.deadline.isoformat() == "2026-02-15" and p.budget.per_match == 5000
    kinds = {e.kind for e in p.events}
    assert kinds == {"kickoff", "expert", "final"} and {e.format for e in p.events} == {"in-person", "online"}
    from toolkit.plan import load_plan

    for event in p.events:
        plan = load_plan(programme / "events" / event.id)
        assert plan.date == event.date and plan.title == event.title
    kickoff = load_plan(programme / "events" / "dresden-kickoff")
    assert any(i.id == "teams-finden" for i in kickoff.agenda)  # from the kickoff example
    assert load_plan(programme / "events" / "expert-online").place == "online"
    out = cli("programme", "check", str(programme))
    assert out.exit_code == 0 and "programme ok: 7 event(s)" in out.output


def test_new_refuses_a_folder_in_use_and_leaves_nothing_behind(tmp_path, cli):
    used = tmp_path / "used"
    used.mkdir()
    (used / "keep.txt").write_text("mine")
    out = cli("programme", "new", str(used))
    assert out.exit_code == 1 and "already exists and is not empty" in out.output
    assert [p.name for p in used.iterdir()] == ["keep.txt"]
    from toolkit.errors import ProblemsError
    from toolkit.programme.create import new_programme

    with pytest.raises(ProblemsError):
        new_programme(tmp_path / "bad", name="x",
                      text="id: bad\nname: x\nperiod: {start: 2026-01-01, end: 2025-01-01}\n"
                           "regions: [{id: a, name: A, association: B}]\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["used"]  # no half-made folder, no temp folder


@pytest.mark.parametrize("text, line, message", [
    ("id: p\nname: P\nperiod: {start: 2026-01-01, end: 2026-12-31}\nregions:\n  - {id: a, name: A, association: X}\n"
     "colour: blue\n", 6, "colour: unknown field"),
    ("id: p\nname: P\nperiod: {start: 2026-01-01, end: 2026-12-31}\nregions:\n  - {id: a, name: A, association: X}\n"
     "events:\n  - {id: e, title: E, kind: kickoff, date: 2026-03-01, region: nowhere}\n", 7,
     "events[0].region: no region 'nowhere'"),
    ("id: p\nname: P\nperiod: {start: 2026-01-01, end: 2026-12-31}\nregions:\n  - {id: a, name: A, association: X}\n"
     "events:\n  - {id: e, title: E, kind: party, date: 2026-03-01}\n", 7, "events[0].kind:"),
    ("id: p\nname: P\nperiod: {start: 2026-01-01, end: 2026-12-31}\nregions:\n  - {id: a, name: A, association: X}\n"
     "  - {id: a, name: B, association: Y}\n", 6, "regions[1].id: 'a' is used twice"),
    ("id: p\nname: P\nperiod: {start: 2026-01-01, end: 2026-12-31}\nregions:\n  - {id: a, name: A, association: X}\n"
     "budget: {per_match: -5}\n", 6, "budget.per_match: must be at least 0"),
    ("id: p\nname: P\nperiod: {start: 2026-01-01, end: 2026-12-31}\nregions:\n  - {id: a, name: A, association: X}\n"
     "store: mysql://db\n", 6, "store: must be 'sqlite' or a postgresql:// URL"),
    ("id: p\nname: [unclosed\n", 3, "broken YAML"),
    ("- just\n- a list\n", 1, "must be a mapping of fields"),
])
def test_bad_programme_files_name_file_and_line(tmp_path, cli, text, line, message):
    folder = tmp_path / "p"
    folder.mkdir()
    (folder / "programme.yaml").write_text(text, encoding="utf-8")
    out = cli("programme", "check", str(folder))
    assert out.exit_code == 1
    assert f"programme.yaml:{line}: " in out.output and message in out.output, out.output
    assert "Traceback" not in out.output


def test_messages_in_german(tmp_path, cli):
    folder = tmp_path / "p"
    folder.mkdir()
    (folder / "programme.yaml").write_text("id: p\nname: P\nperiod: {start: 2026-01-01, end: 2026-12-31}\nregions:\n"
                                           "  - {id: a, name: A, association: X}\nevents:\n"
                                           "  - {id: e, title: E, kind: kickoff, date: 2026-03-01, region: b}\n")
    out = cli("--lang", "de", "programme", "check", str(folder))
    assert out.exit_code == 1 and "Es gibt keine Region 'b'" in out.output


def independent_counts(folder: Path) -> dict:
    """Ideas, people and teams of one event, read with the session and plan APIs alone."""
    from toolkit.plan import load_plan
    from toolkit.session.engine import Engine
    from toolkit.session.exchange import export_rows
    from toolkit.session.state import fold
    from toolkit.session.store import Store

    with Store(folder, readonly=True) as store:
        rows = export_rows(fold(store.stream()))
    ideas = sum(1 for r in rows if r["kind"] == "cards" and r["record"].get("op", "card") == "card")
    people = {p.name for p in load_plan(folder).people if p.role not in ("facilitator", "speaker")}
    with Engine(folder, readonly=True) as engine:
        teams = engine.result("teams-finden", "reveal").teams
    return {"ideas": ideas, "people": people, "teams": [t for t in teams if t.members]}


def test_stats_are_computed_from_the_sessions(programme, cli, tmp_path):
    play(programme / "events" / "dresden-kickoff", 1)
    play(programme / "events" / "meissen-kickoff", 2)
    dd = independent_counts(programme / "events" / "dresden-kickoff")
    mei = independent_counts(programme / "events" / "meissen-kickoff")
    out = cli("programme", "stats", str(programme), "--json", "--svg", str(tmp_path / "charts"))
    assert out.exit_code == 0, out.output
    numbers = json.loads(out.output)
    assert numbers["regions"]["dresden"]["events"] == 1 and numbers["regions"]["dresden"]["events_planned"] == 1
    assert numbers["regions"]["dresden"]["ideas"] == dd["ideas"] > 0
    assert numbers["regions"]["meissen"]["ideas"] == mei["ideas"]
    assert numbers["regions"]["dresden"]["matches"] == len(dd["teams"]) > 0
    assert numbers["regions"]["lausitz"]["events"] == 0 and numbers["regions"]["lausitz"]["events_planned"] == 2
    assert numbers["total"]["events"] == 2 and numbers["total"]["events_planned"] == 7
    assert numbers["total"]["ideas"] == dd["ideas"] + mei["ideas"]
    # the same people came to both kickoffs: unique people, not the sum
    assert numbers["regions"]["dresden"]["participants"] == len(dd["people"])
    assert numbers["total"]["participants"] == len(dd["people"] | mei["people"]) == len(dd["people"])
    assert numbers["total"]["branches"] == 0  # nobody in the register yet
    svg = (tmp_path / "charts" / "ideas.svg").read_text()
    assert svg.startswith("<svg") and "Dresden" in svg and f">{dd['ideas'] + mei['ideas']}<" in svg

    # the register's branches count once per branch of the participants
    register = tmp_path / "apps.csv"
    register.write_text("Name;Organisation;Art;Branche\nLena Hoffmann;Studio Hoffmann;Kreativschaffende/Studio;"
                        "Designwirtschaft\nFrank Kretschmar;Tischlerei Kretschmar;Unternehmen;Handwerk\n"
                        "Jonas Richter;Pixelwerk;creative;software and games\n", encoding="utf-8")
    out = cli("programme", "people", "import", str(programme), str(register), "--map", "name=Name",
              "--map", "organisation=Organisation", "--map", "org_type=Art", "--map", "branch=Branche")
    assert out.exit_code == 0, out.output
    numbers = json.loads(cli("programme", "stats", str(programme), "--json").output)
    assert numbers["total"]["branches"] == 3 and numbers["regions"]["meissen"]["branches"] == 3


def test_stats_from_the_shared_database_equal_the_local_ones(programme, cli, pg_url, monkeypatch):
    play(programme / "events" / "lausitz-kickoff", 3)
    local = json.loads(cli("programme", "stats", str(programme), "--json").output)
    out = cli("store", "push", str(programme), "--url", pg_url)
    assert out.exit_code == 0, out.output
    (programme / "events" / "lausitz-kickoff" / "session.db").rename(programme / "moved.db")
    monkeypatch.setenv("CIMIS_STORE", pg_url)
    remote = json.loads(cli("programme", "stats", str(programme), "--json").output)
    assert remote == local and remote["regions"]["lausitz"]["ideas"] > 0
    # the event's report and its export come from the database as well
    assert cli("programme", "workbook", str(programme)).exit_code == 0
    out = cli("workbook", "sync", str(programme / "workbook"))
    assert out.exit_code == 0, out.output
    assert (programme / "workbook" / "chapters" / "lausitz-kickoff-ideenschmiede.md").is_file()
    export = cli("session", "export", str(programme / "events" / "lausitz-kickoff"), "--format", "jsonl")
    assert sum(1 for line in export.output.splitlines() if '"kind": "cards"' in line or '"kind":"cards"' in line) \
        >= remote["regions"]["lausitz"]["ideas"]


def test_status_follows_the_matches(programme, cli):
    play(programme / "events" / "dresden-kickoff", 1)
    found = json.loads(cli("programme", "status", str(programme), "--json").output)
    teams = independent_counts(programme / "events" / "dresden-kickoff")["teams"]
    assert len(found) == len(teams)
    first = found[0]
    assert first["region"] == "dresden" and first["formed_at"] == "dresden-kickoff"
    # the kickoff's regional jury scored the teams: the match is decided on the day it formed
    assert first["stage"] == "decided" and first["jury"] is not None
    assert first["budget"] == 5000 and first["budget_used"] == 0
    assert {first["company"], *first["members"]} == {teams[0].company, *(m.id for m in teams[0].members)}
    (programme / "matches.yaml").write_text(f"{first['id']}:\n  question: Wie kommt der Laufzettel aufs Tablet?\n"
                                            "  budget_used: 1800\n", encoding="utf-8")
    found = json.loads(cli("programme", "status", str(programme), "--json").output)
    assert found[0]["question"].startswith("Wie kommt") and found[0]["stage"] == "decided"
    assert found[0]["budget_used"] == 1800
    text = cli("programme", "status", str(programme)).output
    assert "Dresden (Wir gestalten Dresden e.V.)" in text and "budget: 1800 of 5000" in text
    (programme / "matches.yaml").write_text(f"{first['id']}:\n  budget_used: lots\n", encoding="utf-8")
    out = cli("programme", "status", str(programme))
    assert out.exit_code == 1 and "matches.yaml:2: " in out.output and "budget_used" in out.output


def test_peer_learning_and_prototype_move_a_match_on(programme, cli):
    """After the kickoff, the match's members write at an expert event (peer learning) and
    show their prototype at the final event: the match's stage follows."""
    from toolkit.plan.edit import PlanEditor
    from toolkit.session.engine import Engine

    play(programme / "events" / "dresden-kickoff", 1)
    match = json.loads(cli("programme", "status", str(programme), "--json").output)[0]
    member = match["members"][0]
    for event, method in (("lausitz-expert", "collegial-case-consultation"), ("final", "prototype-gallery")):
        folder = programme / "events" / event
        editor = PlanEditor(folder / "workshop.yaml")
        editor.data["agenda"] = []
        editor.add_item({"id": "main", "method": method})
        if not any(person.get("id") == member for person in editor.data.get("people") or []):
            editor.add_person({"id": member, "name": match["names"][member], "role": "creative"})
        editor.save()
        with Engine(folder, author=member) as engine:
            step = next(s for s in engine.agenda.items[0].steps if s.capture_kind in ("notes", "cards"))
            record = {"text": "Tablet prototype in the workshop"} if step.capture_kind == "notes" else \
                {"op": "card", "text": "Tablet prototype in the workshop"}
            engine.capture(record, item_id="main", step_id=step.id)
    found = {m["id"]: m for m in json.loads(cli("programme", "status", str(programme), "--json").output)}
    assert [s["event"] for s in found[match["id"]]["statuses"]] == ["lausitz-expert"]
    assert found[match["id"]]["prototype"] == ["Tablet prototype in the workshop"]
    assert found[match["id"]]["stage"] == "prototype"


def test_workbook_chapters_keep_what_authors_wrote(programme, cli):
    play(programme / "events" / "dresden-kickoff", 1)
    out = cli("programme", "workbook", str(programme))
    assert out.exit_code == 0, out.output
    book = programme / "workbook"
    chapters = book / "chapters" / "programme"
    names = sorted(p.name for p in chapters.iterdir())
    assert "numbers.md" in names and "challenges-dresden.md" in names and "booksprint.md" in names
    assert sum(n.startswith("match-") for n in names) == len(
        independent_counts(programme / "events" / "dresden-kickoff")["teams"])
    summary = (book / "SUMMARY.md").read_text()
    assert "programme/numbers.md" in summary and "programme/booksprint.md" in summary
    assert (book / "images" / "programme" / "ideas.svg").is_file()
    board = (chapters / "booksprint.md").read_text()
    assert "Sprint-Board" in board and "Regionale Herausforderungen: Dresden" in board
    # an author writes into the chapter; a second run keeps it
    path = chapters / "challenges-dresden.md"
    path.write_text(path.read_text() + "\nUnsere Einschätzung: ein starkes Jahr.\n")
    play(programme / "events" / "meissen-kickoff", 2)
    assert cli("programme", "workbook", str(programme)).exit_code == 0
    assert "Unsere Einschätzung: ein starkes Jahr." in path.read_text()
    assert (chapters / "challenges-meissen.md").read_text().count("## ") >= 1
    check = cli("workbook", "check", str(book))
    assert check.exit_code == 0 and "0 error(s)" in check.output, check.output


def test_svg_escapes_names(tmp_path):
    from toolkit.programme.charts import bar_chart

    svg = bar_chart('<script>alert("x")</script>', [("<img src=x onerror=alert(1)>", 3.0), ("Meißen & Co", 0)])
    assert "<script>" not in svg and "<img" not in svg and "&lt;img" in svg and "Meißen &amp; Co" in svg
    import xml.etree.ElementTree as ET

    ET.fromstring(svg)  # well-formed
