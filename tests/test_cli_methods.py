"""Browsing the library: ``cimis methods list|show|schema`` in both languages."""

from __future__ import annotations

import json

from cards_util import plugin_with_cards


def test_list_json_has_every_method_once_per_language(cli):
    result = cli("methods", "list", "--json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert len(rows) >= 24
    assert {row["language"] for row in rows} == {"en"}
    assert len({row["id"] for row in rows}) == len(rows)
    both = json.loads(cli("methods", "list", "--json", "--language", "all").stdout)
    assert len(both) == 2 * len(rows)


def test_list_filters(cli):
    def ids(*args):
        result = cli("methods", "list", "--json", *args)
        assert result.exit_code == 0, result.output
        return {row["id"] for row in json.loads(result.stdout)}

    everything = ids()
    assert "speed-dating" in ids("--category", "networking")
    assert ids("--category", "networking") < everything
    listed = json.loads(cli("methods", "list", "--json", "--max-minutes", "20").stdout)
    assert all(row["duration"] <= 20 for row in listed)
    assert "speed-dating" in ids("--tag", "matching")
    assert "speed-dating" not in ids("--people", "3")
    assert "speed-dating" in ids("--search", "Speed") < everything
    assert ids("--max-minutes", "1") == set()


def test_list_table_in_german(cli):
    result = cli("--lang", "de", "methods", "list", env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "Speed-Dating zwischen Kreativen und Unternehmen" in result.output
    assert "Netzwerken" in result.output


def test_list_rejects_unknown_category(cli):
    result = cli("methods", "list", "--category", "juggling")
    assert result.exit_code == 2
    assert "juggling" in result.output
    assert "Traceback" not in result.output


def test_show_renders_card(cli):
    result = cli("methods", "show", "speed-dating")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Speed dating between creatives and companies" in out
    assert "Rounds" in out and "Mark interests" in out
    assert "Checklist" in out


def test_show_json(cli):
    data = json.loads(cli("methods", "show", "speed-dating", "--json", "--language", "de").stdout)
    assert data["language"] == "de"
    assert [s["id"] for s in data["steps"]] == ["briefing", "rounds", "interests"]
    assert sum(s["minutes"] for s in data["steps"]) == data["duration"]
    assert data["steps"][1]["capture"]["kind"] == "rotation"
    assert data["checklist"]


def test_show_unknown_id_suggests(cli):
    result = cli("methods", "show", "speed-datin")
    assert result.exit_code == 1
    assert "no method with id 'speed-datin'" in result.output
    assert "speed-dating" in result.output


def test_schema_is_json_schema(cli):
    result = cli("methods", "schema")
    schema = json.loads(result.stdout)
    assert schema["type"] == "object"
    assert {"id", "language", "steps", "duration"} <= set(schema["properties"])
    assert schema["additionalProperties"] is False


def test_completion_of_method_ids(cli):
    from click.shell_completion import ShellComplete

    from toolkit.cli import build_cli

    comp = ShellComplete(build_cli(), {}, "cimis", "_CIMIS_COMPLETE")
    names = [c.value for c in comp.get_completions(["methods", "show"], "speed")]
    assert names == ["speed-dating"]
    commands = [c.value for c in comp.get_completions([], "me")]
    assert commands == ["methods"]


def test_completion_script(cli, monkeypatch):
    from toolkit.cli import main

    monkeypatch.setenv("_CIMIS_COMPLETE", "bash_source")
    import pytest

    with pytest.raises(SystemExit) as exit_info:
        main([])
    assert exit_info.value.code == 0


def test_no_command_without_a_terminal_shows_help(cli):
    result = cli()
    assert result.exit_code == 0
    assert "Usage: cimis" in result.output and "methods" in result.output


def test_list_by_purpose_in_both_languages(cli, tmp_path, monkeypatch):
    plugin_with_cards(tmp_path, monkeypatch)

    def ids(*args):
        result = cli("methods", "list", "--json", *args)
        assert result.exit_code == 0, result.output
        # the built-in cards have purposes too; only the plugin's two test cards are compared
        return {row["id"] for row in json.loads(result.stdout)} & {"decide-fast", "meet-fast"}

    assert ids("--purpose", "decide") == {"decide-fast"}
    assert ids("--purpose", "Entscheiden") == {"decide-fast"}
    assert ids("--purpose", "get to know each other") == {"meet-fast"}
    assert ids("--purpose", "kennenlernen") == {"meet-fast"}
    assert ids("--purpose", "decide", "--role", "creative") == set()
    assert ids("--purpose", "evaluate", "--role", "Jury", "--people", "5", "--max-minutes", "15") == {"decide-fast"}
    assert ids("--purpose", "evaluate", "--min-minutes", "16") == set()
    rows = json.loads(cli("methods", "list", "--json", "--purpose", "decide").stdout)
    assert next(r for r in rows if r["id"] == "decide-fast")["purposes"] == ["decide", "evaluate"]


def test_list_by_role_in_both_languages(cli):
    def ids(*args):
        result = cli("methods", "list", "--json", *args)
        assert result.exit_code == 0, result.output
        return {row["id"] for row in json.loads(result.stdout)}

    jury = ids("--role", "jury")
    assert "jury-evaluation" in jury and "speed-dating" not in jury
    assert ids("--role", "Jury") == jury
    assert ids("--role", "Kreative") == ids("--role", "creative") == ids("--role", "Creative")
    assert ids("--role", "Autorin") == ids("--role", "author")


def test_list_rejects_unknown_purpose_and_role(cli):
    for option, value in (("--purpose", "juggling"), ("--role", "wizard"), ("--purpose", "")):
        result = cli("methods", "list", option, value)
        assert result.exit_code == 2
        assert "Traceback" not in result.output
        assert "decide / Decide / Entscheiden" in result.output or "jury / Jury" in result.output
    german = cli("--lang", "de", "methods", "list", "--purpose", "jonglieren")
    assert "ist als Zweck unbekannt" in german.output
