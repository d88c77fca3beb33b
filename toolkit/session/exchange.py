"""The exchange format of captures: one JSON object per capture, as ``cimis session export
--format jsonl`` writes it and ``cimis session import`` reads it (documented in the README, "Scripting a session").

Provides :func:`parse_line` (one import line -> :class:`ImportLine`, or a ``ValueError``
whose message is for the user), :func:`export_rows`, and the writers :func:`to_jsonl`,
:func:`to_json` and :func:`to_csv`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import re
from dataclasses import dataclass
from typing import Any

from toolkit.i18n import _

FORMAT_NAME = "cimis-captures"
FORMAT_VERSION = 1
#: Keys an import line may have; ``kind`` and ``seq`` are what export adds for readers.
KEYS = ("item", "step", "kind", "record", "author", "at", "id", "seq")
REQUIRED = ("item", "step", "record")
CSV_COLUMNS = ("seq", "id", "item", "step", "kind", "author", "at", "record")
_ID = re.compile(r"^[^\s\x00-\x1f\x7f]{1,128}$")


@dataclass(frozen=True)
class ImportLine:
    """One capture to import."""

    item: str
    step: str
    record: dict[str, Any]
    author: str | None = None
    at: float | None = None
    id: str | None = None
    kind: str | None = None


def iso(at: float) -> str:
    """Seconds since the epoch as ISO 8601 in UTC, to the millisecond."""
    return dt.datetime.fromtimestamp(at, dt.timezone.utc).isoformat(timespec="milliseconds")


def parse_time(value: Any) -> float:
    """An ISO 8601 time (a time without zone is UTC) or seconds since the epoch."""
    if isinstance(value, bool):
        raise ValueError(_("'at' must be an ISO 8601 time such as 2026-03-14T10:30:00Z"))
    if isinstance(value, (int, float)):
        if not math.isfinite(value):
            raise ValueError(_("'at' must be an ISO 8601 time such as 2026-03-14T10:30:00Z"))
        return float(value)
    if isinstance(value, str):
        try:
            when = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            pass
        else:
            if when.tzinfo is None:
                when = when.replace(tzinfo=dt.timezone.utc)
            return when.timestamp()
    raise ValueError(_("'at' must be an ISO 8601 time such as 2026-03-14T10:30:00Z"))


def parse_line(text: str) -> ImportLine:
    """Read one import line; ``ValueError`` says what is wrong with it."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(_("not valid JSON: {error}").format(error=exc.msg)) from None
    if not isinstance(data, dict):
        raise ValueError(_("a line must be a JSON object with item, step and record"))
    unknown = sorted(set(data) - set(KEYS))
    if unknown:
        raise ValueError(_("unknown key(s) {keys}; allowed: {allowed}").format(
            keys=", ".join(unknown), allowed=", ".join(KEYS)))
    missing = [key for key in REQUIRED if key not in data]
    if missing:
        raise ValueError(_("missing key(s): {keys}").format(keys=", ".join(missing)))
    for key in ("item", "step"):
        if not isinstance(data[key], str) or not data[key]:
            raise ValueError(_("'{key}' must be a non-empty text").format(key=key))
    if not isinstance(data["record"], dict):
        raise ValueError(_("'record' must be a JSON object"))
    for key in ("author", "kind"):
        if data.get(key) is not None and not isinstance(data[key], str):
            raise ValueError(_("'{key}' must be a text").format(key=key))
    client_id = data.get("id")
    if client_id is not None and (not isinstance(client_id, str) or not _ID.match(client_id)):
        raise ValueError(_("'id' must be a text of up to 128 characters without spaces (a unique id of this capture)"))
    at = parse_time(data["at"]) if data.get("at") is not None else None
    return ImportLine(data["item"], data["step"], data["record"], data.get("author"), at, client_id,
                      data.get("kind"))


def export_rows(state: Any) -> list[dict[str, Any]]:
    """Every current record of a session (a :class:`~toolkit.session.state.SessionState`),
    in capture order, as exchange objects."""
    rows = []
    for rec in state.all_records():
        rows.append({"item": rec.item, "step": rec.step, "kind": rec.kind, "record": rec.data,
                     "author": rec.author, "at": iso(rec.at), "id": rec.client_id, "seq": rec.id})
    return rows


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=False)


def to_jsonl(rows: list[dict[str, Any]]) -> str:
    return "".join(_dumps(row) + "\n" for row in rows)


def to_json(rows: list[dict[str, Any]], workshop: str, exported_at: float) -> str:
    document = {"format": FORMAT_NAME, "version": FORMAT_VERSION, "workshop": workshop,
                "exported_at": iso(exported_at), "captures": rows}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def to_csv(rows: list[dict[str, Any]]) -> str:
    from toolkit import csvsafe

    out = io.StringIO()
    # no cell runs as a spreadsheet formula; with \r\n as the line end every cell holding
    # a \r or \n is quoted, so a lone \r cannot split a row
    writer = csvsafe.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow([row["seq"], row["id"], row["item"], row["step"], row["kind"] or "", row["author"],
                         row["at"], _dumps(row["record"])])
    return out.getvalue()
