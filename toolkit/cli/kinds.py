"""``cimis kinds``: every registered capture kind, with the JSON Schemas of its options and
records, the plugin that provides it and an example record."""

from __future__ import annotations

from typing import Any

import click

from toolkit.i18n import _, pick


def describe(name: str, kind: Any, provider: str) -> dict[str, Any]:
    """What ``cimis kinds --json`` prints for one kind."""
    example = getattr(kind, "example", None)
    return {
        "name": name,
        "title": pick(dict(kind.title)) if getattr(kind, "title", None) else name,
        "plugin": provider,
        "options_schema": kind.Options.model_json_schema(),
        "record_schema": kind.Record.model_json_schema(),
        "example": dict(example) if example is not None else None,
        "widget": getattr(kind, "widget", None),
        "labels": {lang: dict(labels) for lang, labels in (getattr(kind, "labels", None) or {}).items()},
    }


def build() -> click.Command:
    @click.command(name="kinds", help=_("List capture kinds with their options, records and an example."))
    @click.option("--json", "as_json", is_flag=True, help=_("Print JSON instead of a table."))
    def kinds(as_json: bool) -> None:
        import json

        from toolkit import registry
        from toolkit.cli.output import echo_json, table

        found = registry.capture_kinds()
        providers = registry.kind_providers()
        rows = [describe(name, kind, providers.get(name, "")) for name, kind in sorted(found.items())]
        if as_json:
            echo_json(rows)
            return
        table([_("Kind"), _("Title"), _("Plugin"), _("Options"), _("Example record")],
              [(row["name"], row["title"], row["plugin"],
                ", ".join(row["options_schema"].get("properties", {})) or "–",
                json.dumps(row["example"], ensure_ascii=False) if row["example"] is not None else "–")
               for row in rows])

    return kinds
