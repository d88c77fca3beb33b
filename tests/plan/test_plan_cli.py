"""``cimis new`` and ``cimis check`` through the real entry point."""

from __future__ import annotations

import functools
import json

import pytest

from plan_testdata import GOOD_PLAN
from toolkit.plan import load_plan


@pytest.fixture
def test_library(monkeypatch, library, kinds):
    """Make the CLI use the small test library instead of the built-in one."""
    from toolkit import registry

    # functools.cache: the CLI fixture's reset calls cache_clear() on these.
    monkeypatch.setattr(registry, "library", functools.cache(lambda: library))
    monkeypatch.setattr(registry, "capture_kinds", functools.cache(lambda: kinds))


def test_new_from_template_then_check(cli, tmp_path, test_library):
    folder = tmp_path / "ws"
    result = cli("new", str(folder), "--title", 'Kick-off: "Holz & Pixel"', "--language", "en")
    assert result.exit_code == 0, result.output
    assert (folder / "workbook").is_dir()
    plan = load_plan(folder)
    assert plan.title == 'Kick-off: "Holz & Pixel"' and plan.language == "en"
    assert "# Workshop plan." in (folder / "workshop.yaml").read_text(encoding="utf-8")
    result = cli("check", str(folder))
    assert result.exit_code == 0, result.output
    assert "09:00–09:15  welcome  Welcome (15 min)" in result.output


def test_new_german_template(cli, tmp_path, test_library):
    folder = tmp_path / "ws"
    assert cli("--lang", "de", "new", str(folder)).exit_code == 0
    plan = load_plan(folder)
    assert plan.language == "de" and plan.title == "Neuer Workshop"
    assert "# Workshop-Plan." in (folder / "workshop.yaml").read_text(encoding="utf-8")


def test_new_into_existing_empty_folder(cli, tmp_path):
    (tmp_path / "ws").mkdir()
    assert cli("new", str(tmp_path / "ws")).exit_code == 0


def test_new_refuses_non_empty_folder(cli, tmp_path):
    folder = tmp_path / "ws"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    result = cli("new", str(folder))
    assert result.exit_code == 1
    assert "already exists and is not empty" in result.output
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]


def test_new_with_invalid_title_creates_nothing(cli, tmp_path):
    folder = tmp_path / "ws"
    result = cli("new", str(folder), "--title", "x" * 300)
    assert result.exit_code == 1
    assert "title: is longer than 200 characters" in result.output
    assert "nothing was created" in result.output
    assert not folder.exists()


def test_new_unknown_example(cli, tmp_path):
    result = cli("new", str(tmp_path / "ws"), "--example", "nope")
    assert result.exit_code == 2 and "kickoff" in result.output


def test_check_prints_problems_warnings_and_timetable(cli, write_plan, test_library):
    folder = write_plan(GOOD_PLAN.replace('end: "12:00"\n', "") + "  - {id: x, method: idaes}\n")
    result = cli("check", str(folder))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    path = folder / "workshop.yaml"
    assert f"{path}:4: warning: no 'end' is set: the agenda ends at 11:35 (125 minutes from 09:30)" in lines
    assert f"{path}:36: agenda[5].method: no method with id 'idaes' in the library. Did you mean: ideas?" in lines
    assert "  09:40–10:20  dating   Dating (40 min)" in lines
    assert "1 error(s), 1 warning(s)." in lines


def test_check_json(cli, write_plan, test_library):
    result = cli("check", str(write_plan()), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["ok"] is True and data["problems"] == []
    assert [i["start"] for i in data["timetable"]][:2] == ["2026-03-14T09:30", "2026-03-14T09:40"]
    assert data["timetable"][1]["steps"][0] == {"id": "rounds", "title": "Rounds", "minutes": 30,
                                                 "capture": "rotation", "start": "2026-03-14T09:40"}
    assert data["end"] == "2026-03-14T11:35"


def test_check_json_of_broken_plan(cli, write_plan):
    result = cli("check", str(write_plan("title: [\n")), "--json")
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["ok"] is False and data["timetable"] is None and data["problems"][0]["line"] == 2


def test_check_in_german(cli, write_plan, test_library):
    folder = write_plan(GOOD_PLAN.replace('end: "12:00"', 'end: "11:00"'))
    result = cli("--lang", "de", "check", str(folder))
    assert result.exit_code == 1
    assert "end: die Agenda endet um 11:35, 35 Minuten nach dem geplanten Ende 11:00" in result.output
    assert "Zeitplan" in result.output


def test_missing_folder(cli, tmp_path):
    result = cli("check", str(tmp_path / "nowhere"))
    assert result.exit_code == 1 and "no such file or folder" in result.output


def test_kickoff_example_checks_clean(cli, tmp_path):
    """The bundled example against the real built-in library and capture kinds."""
    folder = tmp_path / "kickoff"
    result = cli("new", str(folder), "--example", "kickoff", "--language", "de")
    assert result.exit_code == 0, result.output
    result = cli("check", str(folder))
    assert result.exit_code == 0, result.output
    assert "speed-dating" in result.output
    plan = load_plan(folder)
    assert plan.language == "de" and plan.item("speed-dating") is not None
    roles = [p.role for p in plan.people]
    assert roles.count("creative") >= 6 and roles.count("company") >= 4 and roles.count("jury") == 3


def test_kickoff_example_with_new_title_keeps_comments(cli, tmp_path):
    folder = tmp_path / "kickoff"
    made = cli("new", str(folder), "--example", "kickoff", "--language", "de", "--title", "Auftakt Lausitz")
    assert made.exit_code == 0
    text = (folder / "workshop.yaml").read_text(encoding="utf-8")
    assert "# Workshop-Plan: ein Auftakttag im Cross-Innovation-Programm." in text
    assert 'title: "Auftakt Lausitz"' in text  # the quoting style of the line is kept
    assert load_plan(folder).title == "Auftakt Lausitz"


def test_kickoff_resolves_with_builtin_library():
    from toolkit import registry
    from toolkit.examples import example_path
    from toolkit.plan import resolve

    plan = load_plan(example_path("kickoff"))
    agenda, problems = resolve(plan, registry.library(), registry.capture_kinds())
    assert [p for p in problems if p.severity == "error"] == []
    assert agenda.step("speed-dating", "rounds").options.rounds == 6
    assert agenda.step("speed-dating", "rounds").minutes == 35  # six rounds of five, one minute to change
    assert agenda.step("teams-finden", "reveal").options.source == "speed-dating.interests"
    assert agenda.step("ankommen", "arrival").instructions  # German card text
    assert agenda.items[0].start.strftime("%H:%M") == "10:00"


def test_core_imports_no_click_or_textual():
    import subprocess
    import sys

    code = ("import sys, toolkit.plan, toolkit.plan.check, toolkit.plan.edit, toolkit.plan.template; "
            "bad = [m for m in ('click', 'textual') if m in sys.modules]; print(bad); sys.exit(bool(bad))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
