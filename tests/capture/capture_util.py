"""Helpers for the capture kind tests: records as the store hands them over, and contexts."""

from __future__ import annotations

from toolkit.capture.base import CaptureContext, Captured, Person


def captured(kind, *records, author=None, start=1):
    """Validate each record with the kind's Record model and number them from ``start``."""
    out = []
    for i, rec in enumerate(records, start=start):
        who = author
        if isinstance(rec, tuple):
            rec, who = rec
        out.append(Captured(id=i, data=kind.Record.model_validate(rec), author=who, at=float(i)))
    return out


def context(people=(), seed=0, results=None, lang="en"):
    results = results or {}
    return CaptureContext(people=list(people), seed=seed, results=lambda ref: results.get(ref), lang=lang)


def people(role, *names):
    return [Person(id=f"{role[:2]}{i}", name=name, role=role) for i, name in enumerate(names, start=1)]
