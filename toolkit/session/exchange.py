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
#: Longest import line in bytes (a capture is a few hundred).
MAX_LINE_BYTES = 1024 * 1024
#: Deepest nesting of objects and lists in an import line (json.loads recurses per level).
MAX_DEPTH = 64
#: The plausible range of capture times: 2000-01-01 up to 2100-01-01 (UTC). Times outside it
#: are typing mistakes (milliseconds for seconds, a wrong year) that would break export and sync.
EARLIEST_AT = 946684800.0
LATEST_AT = 4102444800.0


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
    #: the record's id in the session it was exported from (references point at it)
    seq: int | None = None


def iso(at: float) -> str:
    """Seconds since the epoch as ISO 8601 in UTC, to the millisecond."""
    return dt.datetime.fromtimestamp(at, dt.UTC).isoformat(timespec="milliseconds")


def parse_time(value: Any) -> float:
    """An ISO 8601 time (a time without zone is UTC) or seconds since the epoch, within
    :data:`EARLIEST_AT` .. :data:`LATEST_AT`."""
    at = _parse_time(value)
    if not EARLIEST_AT <= at < LATEST_AT:
        raise ValueError(_("'at' is {value}, outside the plausible range 2000-01-01 to 2099-12-31").format(
            value=str(value)[:40]))
    return at


def _parse_time(value: Any) -> float:
    if isinstance(value, bool):
        raise ValueError(_("'at' must be an ISO 8601 time such as 2026-03-14T10:30:00Z"))
    if isinstance(value, (int, float)):
        if not math.isfinite(value):
            raise ValueError(_("'at' must be an ISO 8601 time such as 2026-03-14T10:30:00Z"))
        return float(value)
    if isinstance(value, str):
        try:
            when = dt.datetime.fromisoformat(value.strip()[:64])
            if when.tzinfo is None:
                when = when.replace(tzinfo=dt.UTC)
            return when.timestamp()
        except (ValueError, OverflowError):
            pass
    raise ValueError(_("'at' must be an ISO 8601 time such as 2026-03-14T10:30:00Z"))


def json_depth_exceeds(text: str, limit: int = MAX_DEPTH) -> bool:
    """Whether ``text`` nests objects and lists deeper than ``limit`` (checked in one linear
    pass before ``json.loads``, which would otherwise hit the recursion limit)."""
    if text.count("[") + text.count("{") <= limit:
        return False
    depth = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > limit:
                return True
        elif ch in "]}":
            depth -= 1
    return False


def parse_line(text: str) -> ImportLine:
    """Read one import line; ``ValueError`` says what is wrong with it."""
    if json_depth_exceeds(text):
        raise ValueError(_("values are nested more than {n} levels deep").format(n=MAX_DEPTH))
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
    seq = data.get("seq")
    if seq is not None and (isinstance(seq, bool) or not isinstance(seq, int) or not 0 < seq < 2**63):
        raise ValueError(_("'seq' must be a positive whole number (the record's id in the exported session)"))
    return ImportLine(data["item"], data["step"], data["record"], data.get("author"), at, client_id,
                      data.get("kind"), seq)


def remap(record: dict[str, Any], fields: tuple[str, ...], ids: dict[int, int]) -> dict[str, Any]:
    """``record`` with the record ids in ``fields`` (a number, a list of numbers or a text of
    digits) replaced through ``ids`` (exported seq -> id in this session); ids that ``ids``
    does not know stay as they are."""
    if not fields or not ids:
        return record

    def one(value: Any) -> Any:
        if isinstance(value, bool):
            return value
        if isinstance(value, int):
            return ids.get(value, value)
        if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) < 19:
            new = ids.get(int(value.strip()))
            return str(new) if new is not None else value
        return value

    out = dict(record)
    for field in fields:
        if field in out:
            value = out[field]
            out[field] = [one(v) for v in value] if isinstance(value, list) else one(value)
    return out


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
