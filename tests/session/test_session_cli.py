"""``cimis session``: status, import (acks, bad lines), export formats and the round trip,
undo, and a clear message with exit code 1 for every unusable store."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sqlite3

import pytest

from session_util import capture_line
from toolkit.session.store import FILENAME, SCHEMA_VERSION, Store


def lines(*texts: str, **extra) -> str:
    return "".join(capture_line(t, id=f"id-{t}", **extra) for t in texts)


def test_import_acks_each_capture(cli, workshop):
    result = cli("session", "import", str(workshop), "-", "--ack", input=lines("a", "b", "c"))
    assert result.exit_code == 0, result.output
    acks = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(a["line"], a["id"], a["new"]) for a in acks] == [(1, "id-a", True), (2, "id-b", True), (3, "id-c", True)]
    again = cli("session", "import", str(workshop), "-", "--ack", input=lines("a", "d"))
    assert [json.loads(line)["new"] for line in again.stdout.splitlines()] == [False, True]
    with Store(workshop, readonly=True) as store:
        assert sum(1 for e in store.events() if e.type == "captured") == 4


def test_import_stops_at_a_bad_line_keeping_what_came_before(cli, workshop):
    text = lines("a", "b") + "\n" + "{not json\n" + lines("c")
    result = cli("session", "import", str(workshop), "-", "--ack", input=text)
    assert result.exit_code == 1
    assert "<stdin>:4: not valid JSON" in result.stderr
    assert len(result.stdout.splitlines()) == 2
    with Store(workshop, readonly=True) as store:
        assert [e.client_id for e in store.events()] == ["id-a", "id-b"]


@pytest.mark.parametrize("line, message", [
    ('{"item": "idea-forge", "step": "ideas"}', "missing key(s): record"),
    ('{"item": "idea-forge", "step": "ideas", "record": {"text": ""}}', "text: must not be empty"),
    ('{"item": "idea-forge", "step": "nope", "record": {}}', "no step 'idea-forge.nope'"),
    ('{"item": "welcome", "step": "main", "record": {}}', "captures nothing"),
    ('{"item": "idea-forge", "step": "ideas", "record": {"text": "x"}, "colour": 1}', "unknown key(s) colour"),
    ('{"item": "idea-forge", "step": "ideas", "record": {"text": "x"}, "at": "yesterday"}', "ISO 8601"),
    ('{"item": "idea-forge", "step": "ideas", "record": {"text": "x"}, "kind": "dots"}',
     "captures 'session-test-note'"),
    ('{"item": "idea-forge", "step": "ideas", "record": {"text": "x"}, "id": "has space"}', "'id' must be"),
    ('[1, 2]', "JSON object"),
])
def test_bad_lines_name_file_and_line(cli, workshop, tmp_path, line, message):
    source = tmp_path / "captures.jsonl"
    source.write_text(lines("ok") + line + "\n", encoding="utf-8")
    result = cli("session", "import", str(workshop), str(source))
    assert result.exit_code == 1
    assert f"{source}:2: " in result.stderr and message in result.stderr, result.stderr


def test_import_of_a_missing_file(cli, workshop, tmp_path):
    result = cli("session", "import", str(workshop), str(tmp_path / "none.jsonl"))
    assert result.exit_code == 1 and "cannot read" in result.output


def export(cli, workshop, fmt, *extra):
    result = cli("session", "export", str(workshop), "--format", fmt, *extra)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_export_formats(cli, workshop):
    cli("session", "import", str(workshop), "-", "--author", "anna",
        input=lines("ä", "b") + capture_line("c", author="bert", at="2026-03-14T10:30:00Z"))
    rows = [json.loads(line) for line in export(cli, workshop, "jsonl").splitlines()]
    assert [(r["item"], r["step"], r["record"]["text"], r["author"]) for r in rows] == [
        ("idea-forge", "ideas", "ä", "anna"), ("idea-forge", "ideas", "b", "anna"),
        ("idea-forge", "ideas", "c", "bert")]
    assert rows[2]["at"] == "2026-03-14T10:30:00.000+00:00" and rows[0]["id"] == "id-ä"
    document = json.loads(export(cli, workshop, "json"))
    assert document["format"] == "cimis-captures" and document["captures"] == rows
    table = list(csv.DictReader(io.StringIO(export(cli, workshop, "csv"))))
    assert [json.loads(r["record"])["text"] for r in table] == ["ä", "b", "c"]
    assert table[2]["author"] == "bert" and table[0]["kind"] == "session-test-note"


def test_export_leaves_out_removed_and_undone(cli, workshop):
    cli("session", "import", str(workshop), "-", input=lines("a", "b"))
    assert cli("session", "undo", str(workshop)).stdout.startswith("Undid the capture")
    rows = export(cli, workshop, "jsonl").splitlines()
    assert [json.loads(r)["record"]["text"] for r in rows] == ["a"]


def test_round_trip_into_a_workshop_with_the_same_agenda(cli, workshop, tmp_path):
    cli("session", "import", str(workshop), "-", input=lines("a", "b") + capture_line(
        "c", author="bert", at="2026-03-14T10:30:00Z") + json.dumps(
            {"item": "idea-forge", "step": "count", "record": {"bonus": 2}}) + "\n")
    out = tmp_path / "out" / "captures.jsonl"
    result = cli("session", "export", str(workshop), "--format", "jsonl", "-o", str(out))
    assert result.exit_code == 0 and out.exists()
    assert not [p for p in out.parent.iterdir() if p.name != out.name]  # no temp file left
    copy = tmp_path / "copy"
    copy.mkdir()
    shutil.copy(workshop / "workshop.yaml", copy / "workshop.yaml")
    result = cli("session", "import", str(copy), str(out), "--ack")
    assert result.exit_code == 0, result.output
    original = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    again = [json.loads(line) for line in export(cli, copy, "jsonl").splitlines()]
    strip = lambda rows: [{k: v for k, v in r.items() if k != "seq"} for r in rows]
    assert strip(again) == strip(original)
    # importing the same file twice adds nothing: the ids are already there
    assert all(not json.loads(a)["new"] for a in cli("session", "import", str(copy), str(out), "--ack")
               .stdout.splitlines())


def test_status(cli, workshop):
    result = cli("session", "status", str(workshop))
    assert result.exit_code == 0 and "not started" in result.stdout
    cli("session", "import", str(workshop), "-", input=lines("a"))
    info = json.loads(cli("session", "status", str(workshop), "--json").stdout)
    assert info["records"] == 1 and info["started"] is False
    # read-only commands leave no trace
    assert not (workshop / "session.db-wal").exists()
    assert not (workshop / "session.db-shm").exists()
    cli("session", "export", str(workshop), "--format", "json")
    # the same suite runs against PostgreSQL (tests/store), where the folder holds no store file
    expected = [] if os.environ.get("CIMIS_STORE", "").startswith("postgresql") else ["session.db"]
    assert sorted(p.name for p in workshop.iterdir() if p.name.startswith("session.db")) == expected


def test_status_in_german(cli, workshop):
    result = cli("--lang", "de", "session", "status", str(workshop))
    assert "nicht gestartet" in result.stdout


def test_undo_with_nothing_to_undo(cli, workshop):
    result = cli("session", "undo", str(workshop))
    assert result.exit_code == 0 and "Nothing to undo" in result.stdout


# -- unusable stores: one clear line, exit code 1 ---------------------------------------

def damage_truncate(folder):
    with Store(folder) as store:
        for _ in range(300):
            store.append("captured", item="idea-forge", step="ideas", payload={"record": {"text": "x" * 200}})
    path = folder / FILENAME
    with open(path, "r+b") as fh:
        fh.truncate(path.stat().st_size // 2 + 100)


def damage_garbage(folder):
    (folder / FILENAME).write_bytes(b"\x89PNG not a database" * 500)


def damage_newer(folder):
    Store(folder).close()
    conn = sqlite3.connect(folder / FILENAME)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("damage, message", [
    (damage_truncate, "damaged or not a session store"),
    (damage_garbage, "damaged or not a session store"),
    (damage_newer, "newer version of cimis"),
])
@pytest.mark.parametrize("command", [["status"], ["export"], ["undo"], ["import", "-"]])
def test_unusable_store(cli, workshop, damage, message, command):
    damage(workshop)
    result = cli("session", command[0], str(workshop), *command[1:], input=lines("a"))
    assert result.exit_code == 1, result.output
    assert message in result.output and str(workshop / FILENAME) in result.output
    assert "Traceback" not in result.output


def test_readonly_folder(cli, workshop, monkeypatch):
    """See test_session_store.test_readonly_folder for why access() is patched: root is
    not stopped by chmod, but access(2) reports a read-only mount to root too."""
    import os

    cli("session", "import", str(workshop), "-", input=lines("a"))
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode: False if mode & os.W_OK else real_access(path, mode))
    result = cli("session", "import", str(workshop), "-", input=lines("b"))
    assert result.exit_code == 1 and "read-only" in result.output and str(workshop / FILENAME) in result.output
    assert cli("session", "undo", str(workshop)).exit_code == 1
    # reading still works: status and export open the store read-only
    assert cli("session", "status", str(workshop)).exit_code == 0
    assert json.loads(export(cli, workshop, "jsonl"))["record"] == {"text": "a", "tag": ""}


def test_missing_folder(cli, tmp_path):
    for command in (["status"], ["export"], ["undo"], ["import", "-"]):
        result = cli("session", command[0], str(tmp_path / "nowhere"), *command[1:], input="")
        assert result.exit_code == 1 and "does not exist" in result.output


def test_export_needs_only_the_store(cli, workshop):
    """What was captured stays exportable when the plan breaks; status names the plan."""
    cli("session", "import", str(workshop), "-", input=lines("a"))
    (workshop / "workshop.yaml").write_text("title: [broken\n", encoding="utf-8")
    assert json.loads(export(cli, workshop, "jsonl"))["record"]["text"] == "a"
    assert json.loads(export(cli, workshop, "json"))["workshop"] == "workshop"
    result = cli("session", "status", str(workshop))
    assert result.exit_code == 1 and "workshop.yaml" in result.output


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
def test_export_to_a_full_standard_output_is_one_line(cli, workshop, child_env):
    """A traceback before (the error surfaced in the interpreter's last flush)."""
    import subprocess
    import sys

    cli("session", "import", str(workshop), "-", input=lines(*[f"card {i}" for i in range(50)]))
    with open("/dev/full", "w") as full:
        run = subprocess.run([sys.executable, "-m", "toolkit", "session", "export", str(workshop)],
                             env={**child_env, "CIMIS_LANG": "de"}, stdout=full, stderr=subprocess.PIPE, timeout=60)
    err = run.stderr.decode()
    assert run.returncode == 1 and "Traceback" not in err and "Exception" not in err, err
    assert err.strip() == "cimis: Schreiben nicht möglich: der Datenträger ist voll", err


def test_export_to_a_place_that_cannot_be_written_says_so_once(cli, workshop, tmp_path):
    (tmp_path / "a-file").write_text("", "utf-8")
    result = cli("session", "export", str(workshop), "-o", str(tmp_path / "a-file" / "out.csv"))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output.count("cannot write") == 1, result.output
