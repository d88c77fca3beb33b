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
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from toolkit.errors import CimisError
from toolkit.i18n import _
from toolkit.session.store import SEQ_REFERENCES, Event, SessionStore, has_references


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
    events: Sequence[Event] = source.events()
    report = Report(workshop, source.location, target.location, events=len(events))
    if exact:
        ids = {e.client_id for e in events}
        extra = [e.client_id for e in target.events() if e.client_id not in ids]
        if extra:
            raise CimisError(_("{target} already holds {n} event(s) that {source} does not have; a migration copies "
                               "into an empty or identical store (use push or pull to merge)").format(
                target=target.location, n=len(extra), source=source.location))
    if events:
        result = target.merge(events, origin=origin)
        report.added, report.present = result.added, result.present
    mine = canonical(events)
    stored_events = target.events()
    theirs = canonical(stored_events)
    report.target_events = len(stored_events)
    report.missing = [cid for cid in mine if cid not in theirs]
    report.different = [cid for cid, line in mine.items() if cid in theirs and theirs[cid] != line]
    report.extra = len(set(theirs) - set(mine))
    report.checksum = checksum(mine)
    report.target_checksum = checksum(theirs, mine.keys())
    return report
