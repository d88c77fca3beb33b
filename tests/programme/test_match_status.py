"""A match's status at each expert event is what its team wrote in that event's peer
learning (the example plans' ``project-status`` item, or any method of the category
``peer-learning``), shown by ``cimis programme status`` in both languages, on the terminal
programme screen and in the match's workbook chapter; a team that wrote only elsewhere
shows "no status reported" with its contributions counted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

STATUS = "Tablet prototype runs in the workshop; field test with two crews in July"
HOSTILE = "# Not a heading <script>alert(1)</script> | [link](javascript:x)"


@pytest.fixture
def programme(programme: Path) -> Path:
    """The new programme (conftest's) with its Dresden kickoff played."""
    from toolkit.cli.demo import play_headless

    play_headless(programme / "events" / "dresden-kickoff", seed=1)
    return programme


def first_match(cli, programme: Path) -> dict:
    return json.loads(cli("programme", "status", str(programme), "--json").output)[0]


def write_at(folder: Path, person: str, name: str, entries: list[tuple[bool, str]]) -> None:
    """``person`` writes each text at the event: into its peer learning (``True``) or into
    another capturing step (``False``)."""
    from toolkit.plan.edit import PlanEditor
    from toolkit.session.engine import Engine

    editor = PlanEditor(folder / "workshop.yaml")
    if not any(p.get("id") == person for p in editor.data.get("people") or []):
        editor.add_person({"id": person, "name": name, "role": "creative"})
        editor.save()
    with Engine(folder, author=person) as engine:
        def step(peer: bool):
            return next((item, s) for item in engine.agenda.items for s in item.steps
                        if s.capture_kind in ("notes", "cards") and (item.id == "projektstand") == peer)

        for peer, text in entries:
            item, s = step(peer)
            record = {"text": text} if s.capture_kind == "notes" else {"op": "card", "text": text}
            engine.capture(record, item_id=item.id, step_id=s.id)


def test_status_is_what_the_team_wrote_in_peer_learning(programme, cli):
    match = first_match(cli, programme)
    member, company = match["members"][0], match["company"]
    # expert day Lausitz (the German example's world café "projektstand"): the team reports,
    # and writes elsewhere too
    write_at(programme / "events" / "lausitz-expert", member, match["names"][member],
             [(True, STATUS), (False, "an idea from the afternoon")])
    write_at(programme / "events" / "lausitz-expert", company, match["names"][company], [(True, HOSTILE)])
    # the online round earlier: the team wrote, but not in the peer learning
    write_at(programme / "events" / "expert-online", member, match["names"][member], [(False, "only a note")])

    found = first_match(cli, programme)
    assert found["statuses"] == [
        {"event": "expert-online", "date": "2026-05-20", "status": [], "records": 1},
        {"event": "lausitz-expert", "date": "2026-06-17", "status": [STATUS, HOSTILE], "records": 3},
    ]
    assert found["stage"] == "working"

    text = cli("programme", "status", str(programme)).output
    assert f"status at lausitz-expert (2026-06-17): {STATUS} / {HOSTILE}" in text
    assert "status at expert-online (2026-05-20): no status reported in peer learning (1 contribution(s)" in text
    german = cli("programme", "status", str(programme), env={"CIMIS_LANG": "de"}).output
    assert f"Stand bei lausitz-expert (2026-06-17): {STATUS}" in german
    assert "Stand bei expert-online (2026-05-20): kein Stand im Peer Learning berichtet (1 Beitrag" in german

    # the match's chapter (the programme is German): the report as written, escaped
    assert cli("programme", "workbook", str(programme)).exit_code == 0
    chapter = (programme / "workbook" / "chapters" / "programme" / f"match-{found['id']}.md").read_text()
    peer = chapter[chapter.index("## Voneinander lernen"):chapter.index("## Prototyp")]
    assert "### lausitz-expert (2026-06-17)" in peer and f"- {STATUS}" in peer
    # participant text stays text: no tag, no heading, no link
    assert "<script>" not in peer and "\n# Not" not in peer and "[link](" not in peer and "\\#" in peer
    assert "Kein Stand im Peer Learning berichtet (1 Beitrag/Beiträge bei der Veranstaltung)." in peer
    assert peer.index("expert-online") < peer.index("lausitz-expert")


def test_a_peer_learning_method_counts_wherever_it_is_in_the_plan(programme, cli):
    """Not only the example plans' item: any method card of the category peer-learning."""
    from toolkit.plan.edit import PlanEditor
    from toolkit.session.engine import Engine

    match = first_match(cli, programme)
    member = match["members"][0]
    folder = programme / "events" / "lausitz-expert"
    editor = PlanEditor(folder / "workshop.yaml")
    editor.data["agenda"] = []
    editor.add_item({"id": "consultation", "method": "troika-consulting"})
    editor.add_item({"id": "ideas", "method": "brainwriting-635"})
    if not any(p.get("id") == member for p in editor.data.get("people") or []):
        editor.add_person({"id": member, "name": match["names"][member], "role": "creative"})
    editor.save()
    with Engine(folder, author=member) as engine:
        for item in engine.agenda.items:
            step = next(s for s in item.steps if s.capture_kind in ("notes", "cards"))
            record = {"text": f"{item.id}: our status"} if step.capture_kind == "notes" else \
                {"op": "card", "text": f"{item.id}: our status"}
            engine.capture(record, item_id=item.id, step_id=step.id)
    report = first_match(cli, programme)["statuses"][0]
    assert report["status"] == ["consultation: our status"] and report["records"] == 2


def test_the_programme_screen_shows_the_latest_status(programme, cli):
    from toolkit.programme.load import read_programme
    from toolkit.programme.numbers import matches, read_events
    from toolkit.tui.screens.programme import match_lines

    match = first_match(cli, programme)
    member = match["members"][0]
    write_at(programme / "events" / "lausitz-expert", member, match["names"][member], [(True, STATUS)])
    source = read_programme(programme)
    found = matches(programme, source.programme, read_events(programme, source.programme, []))
    lines = match_lines(found[0]).plain
    assert f"status at lausitz-expert: {STATUS}" in lines
