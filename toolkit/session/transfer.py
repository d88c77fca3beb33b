"""Copying a session between stores (SQLite <-> PostgreSQL) and proving the copy.

Provides :func:`transfer` (merge one store's events into another and verify them there),
:func:`canonical` and :func:`checksum` (a store-independent fingerprint of events) and
:class:`Report`.

Seqs are local to a store, so events are identified by their client ids: an event is the
same in two stores when its client id, type, step, payload, author and time agree, with
every seq reference (:data:`toolkit.session.store.SEQ_REFERENCES`) replaced by the client
id it points at. The checksum is the SHA-256 of those canonical lines in client-id order,
so it does not depend on which store computed it nor on the order the events arrived in.

A canonical line is the ``repr`` of those fields: exact for floats and text, and many times
faster than JSON with sorted keys. Both stores keep a payload as the JSON text it was
written as, so its keys keep their order; a store that reordered them would show its events
as different, never as a false match.

The usual case is checked faster first: each source event is turned into the row the target
should hold (its references in the target's numbering, the payload as the stores write it)
and compared with the target's stored row, text for text, without decoding the target's
log. Only when a row differs (written by another version, say) does the comparison fall
back to the canonical form, which then decides.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from toolkit.errors import CimisError
from toolkit.i18n import _
from toolkit.session.store import SEQ_REFERENCES, Event, SessionStore, dump_payload, has_references


def canonical(events: Iterable[Event]) -> dict[str, str]:
    """client id -> the event as one canonical JSON line (seq references as client ids)."""
    events = list(events)
    by_seq = {e.seq: e.client_id for e in events}
    out: dict[str, str] = {}
    for e in events:
        payload: dict[str, Any] = e.payload
        if has_references(payload):
            payload = dict(payload)
            for key in SEQ_REFERENCES:
                value = payload.get(key)
                if type(value) is int:
                    payload[key] = {"ref": by_seq.get(value)}
        out[e.client_id] = repr((e.client_id, e.type, e.item, e.step, payload, e.author, float(e.at)))
    return out


def checksum(lines: dict[str, str], ids: Iterable[str] | None = None) -> str:
    """SHA-256 (hex) of the canonical lines of ``ids`` (all by default), in client-id order."""
    text = "\n".join([lines.get(client_id, "") for client_id in sorted(lines if ids is None else ids)])
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class Report:
    """What one transfer did and found."""

    workshop: str
    source: str
    target: str
    events: int = 0  # in the source
    added: int = 0
    present: int = 0
    target_events: int = 0
    checksum: str = ""
    target_checksum: str = ""
    missing: list[str] = field(default_factory=list)  # client ids of source events not in the target
    different: list[str] = field(default_factory=list)  # stored with other content in the target
    extra: int = 0  # target events that the source does not have

    @property
    def verified(self) -> bool:
        return not self.missing and not self.different and self.checksum == self.target_checksum

    def as_dict(self) -> dict[str, Any]:
        return {"workshop": self.workshop, "source": self.source, "target": self.target, "events": self.events,
                "added": self.added, "present": self.present, "target_events": self.target_events,
                "extra": self.extra, "checksum": self.checksum, "target_checksum": self.target_checksum,
                "verified": self.verified, "missing": self.missing[:20], "different": self.different[:20]}


def transfer(source: SessionStore, target: SessionStore, *, workshop: str = "", exact: bool = False,
             origin: str = "") -> Report:
    """Merge every event of ``source`` into ``target`` (idempotent) and verify: each source
    event must be in the target with the same canonical content, by count and checksum.

    ``exact`` (a migration) refuses a target that holds events the source does not have,
    before writing anything.
    """
    raw = source.raw_events()
    texts = {row[0]: row[4] for row in raw}
    events: Sequence[Event] = _events(raw, source.session_id)
    report = Report(workshop, source.location, target.location, events=len(events))
    if exact:
        ids = {e.client_id for e in events}
        extra = [e.client_id for e in target.events() if e.client_id not in ids]
        if extra:
            raise CimisError(_("{target} already holds {n} event(s) that {source} does not have; a migration copies "
                               "into an empty or identical store (use push or pull to merge)").format(
                target=target.location, n=len(extra), source=source.location))
    seqs: dict[int, int] = {}
    if events:
        result = target.merge(events, origin=origin, texts=texts)
        report.added, report.present, seqs = result.added, result.present, result.seqs
    rows = target.raw_events()
    report.target_events = len(rows)
    if _fast_check(events, texts, rows, seqs, report):
        return report
    mine = canonical(events)
    theirs = canonical(target.events())
    report.missing = [cid for cid in mine if cid not in theirs]
    report.different = [cid for cid, line in mine.items() if cid in theirs and theirs[cid] != line]
    report.extra = len(set(theirs) - set(mine))
    report.checksum = checksum(mine)
    report.target_checksum = checksum(theirs, mine.keys())
    return report


def _events(raw: list[tuple[Any, ...]], session: str) -> list[Event]:
    from toolkit.session.store import _payload, gc_paused

    new = tuple.__new__
    with gc_paused():
        return [new(Event, (seq, session, type_, item, step, _payload(text), author, at, client_id))
                for seq, type_, item, step, text, author, at, client_id in raw]


def _fast_check(events: Sequence[Event], texts: dict[int, str], rows: list[tuple[Any, ...]], seqs: dict[int, int],
                report: Report) -> bool:
    """Compare each source event, as the target should hold it, with the target's stored
    row; ``True`` (and the report filled in) when every one is there and equal."""
    stored = {row[7]: (row[1], row[2], row[3], row[4], row[5], float(row[6])) for row in rows}
    expected: dict[str, str] = {}
    actual: dict[str, str] = {}
    for e in events:
        payload = e.payload
        if has_references(payload):
            payload = dict(payload)
            for key in SEQ_REFERENCES:
                value = payload.get(key)
                if type(value) is int:
                    payload[key] = seqs.get(value, 0)
            text = dump_payload(payload)
        else:
            text = texts[e.seq]
        want = (e.type, e.item, e.step, text, e.author, float(e.at))
        have = stored.get(e.client_id)
        if have != want:
            return False
        expected[e.client_id] = actual[e.client_id] = repr((e.client_id, *want))
    report.extra = len(stored) - len(expected)
    report.checksum = checksum(expected)
    report.target_checksum = checksum(actual)
    return True
