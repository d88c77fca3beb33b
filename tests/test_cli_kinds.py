"""``cimis kinds``: every capture kind with its schemas, plugin and a valid example record."""

from __future__ import annotations

import json

from toolkit.capture.base import BUILTIN_KIND_NAMES


def test_kinds_json_lists_every_builtin_with_schemas_and_a_valid_example(cli):
    result = cli("kinds", "--json")
    assert result.exit_code == 0, result.output
    rows = {row["name"]: row for row in json.loads(result.stdout)}
    assert set(BUILTIN_KIND_NAMES) <= set(rows)
    from toolkit import registry

    for name in BUILTIN_KIND_NAMES:
        row = rows[name]
        assert row["plugin"] == "toolkit.default_plugins.capture_kinds"
        assert row["record_schema"].get("properties") or row["record_schema"].get("$defs"), name
        assert "properties" in row["options_schema"] or row["options_schema"].get("type") == "object"
        assert row["example"] is not None, f"{name} has no example record"
        registry.capture_kinds()[name].Record.model_validate(row["example"])


def test_kinds_table_names_each_kind(cli):
    out = cli("kinds").output
    for name in BUILTIN_KIND_NAMES:
        assert name in out


def test_plugin_kind_is_listed_with_its_plugin(cli, tmp_path, monkeypatch):
    from test_plugins import FakeEntryPoint, install

    install(monkeypatch, FakeEntryPoint("quotes", tmp_path, """
        from toolkit import CaptureKind, KindModel, hookimpl

        class Options(KindModel):
            pass

        class Quote(KindModel):
            text: str

        class Quotes(CaptureKind):
            name = "quotes"
            title = {"de": "Zitate", "en": "Quotes"}
            Options = Options
            Record = Quote
            example = {"text": "Hi"}

            def result(self, records, options, context):
                return []

            def to_markdown(self, result, options, lang):
                return ""

        @hookimpl
        def register_capture_kinds(register):
            register(Quotes())
    """))
    rows = {row["name"]: row for row in json.loads(cli("kinds", "--json").stdout)}
    assert rows["quotes"]["plugin"] == "quotes"
    assert rows["quotes"]["example"] == {"text": "Hi"}
    assert rows["quotes"]["record_schema"]["required"] == ["text"]
