"""Field names as participants read them: a kind's own localised labels instead of record
paths such as ``card.text``.

:func:`field_label` names one record field (the kind's ``labels`` in the language, else the
field's JSON-schema ``title``, else its name); :func:`invalid_message` turns the engine's
:class:`toolkit.session.engine.RecordInvalid` into one sentence in the participant's
language that names the fields so, built-in kinds and plugin kinds alike.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from toolkit.capture.markdown import translator


def _schema_titles(kind: Any) -> dict[str, str]:
    """Each record field's JSON-schema ``title`` (the first one found over the variants)."""
    try:
        schema = kind.Record.model_json_schema()
    except Exception:  # noqa: BLE001 - a record model without a schema: names then
        return {}
    defs = schema.get("$defs", {})
    titles: dict[str, str] = {}

    def walk(part: Mapping[str, Any], depth: int = 0) -> None:
        if depth > 8:
            return
        ref = part.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            target = defs.get(ref.split("/")[-1])
            if isinstance(target, Mapping):
                walk(target, depth + 1)
            return
        for key in ("oneOf", "anyOf", "allOf"):
            for member in part.get(key, []) or []:
                if isinstance(member, Mapping):
                    walk(member, depth + 1)
        for name, prop in (part.get("properties") or {}).items():
            if isinstance(prop, Mapping) and isinstance(prop.get("title"), str):
                titles.setdefault(name, prop["title"])

    walk(schema)
    return titles


def field_label(kind: Any, field: str, lang: str) -> str:
    """How the form labels ``field`` of ``kind``'s records in ``lang``."""
    labels = getattr(kind, "labels", None) or {}
    try:
        found = (labels.get(lang) or {}).get(field)
    except AttributeError:  # a plugin's labels in another shape
        found = None
    if isinstance(found, str) and found:
        return found
    return _schema_titles(kind).get(field) or field


def _variant_tags(kind: Any) -> set[str]:
    """The values that name a record shape in a union's error paths (``card`` in
    ``card.text``): the ``const`` of each variant's discriminator."""
    tags: set[str] = set()
    try:
        schema = kind.Record.model_json_schema()
    except Exception:  # noqa: BLE001
        return tags
    for part in (schema.get("$defs") or {}).values():
        for prop in (part.get("properties") or {}).values():
            if isinstance(prop, Mapping) and isinstance(prop.get("const"), str):
                tags.add(prop["const"])
    mapping = (schema.get("discriminator") or {}).get("mapping") or {}
    tags.update(str(k) for k in mapping)
    return tags


def error_place(kind: Any, loc: Any, lang: str) -> str:
    """The field an error's ``loc`` points at, by its label (``Must meet, entry 2``); empty
    when the error is about the record as a whole."""
    _ = translator(lang)
    parts = list(loc) if isinstance(loc, (list, tuple)) else []
    tags = _variant_tags(kind)
    fields = [p for p in parts if isinstance(p, str) and p not in tags]
    if not fields:
        # the union's tag alone: the record's shape (its "op") is what is wrong
        return field_label(kind, "op", lang) if parts else ""
    field = fields[-1]
    label = field_label(kind, field, lang)
    after = parts[parts.index(field) + 1:] if field in parts else []
    index = next((p for p in after if isinstance(p, int)), None)
    if index is not None:
        return _("{field}, entry {n}").format(field=label, n=index + 1)
    return label


def invalid_message(exc: Any, lang: str) -> str:
    """The engine's record error in ``lang``, each field named by its label."""
    from toolkit.i18n import get_language, set_language
    from toolkit.validation import describe

    _ = translator(lang)
    before = get_language()
    set_language(lang)
    try:
        details = []
        for err in exc.errors:
            place = error_place(exc.kind, err.get("loc", ()), lang)
            detail = describe(dict(err))
            details.append(f"{place}: {detail}" if place else detail)
    finally:
        set_language(before)
    return _("Please check your entry: {errors}").format(errors="; ".join(dict.fromkeys(details)))


def person_fields(kind: Any) -> frozenset[str]:
    """The record fields of ``kind`` that name people of the plan (their forms offer a
    choice; the server refuses anyone else)."""
    return _person_fields(kind.Record)


@lru_cache(maxsize=128)
def _person_fields(record: Any) -> frozenset[str]:
    # worked out once per record model: every submission asks
    from toolkit.web.forms import is_person_ref

    try:
        schema = record.model_json_schema()
    except Exception:  # noqa: BLE001 - a record model without a schema
        return frozenset()
    found: set[str] = set()
    defs = schema.get("$defs", {})
    parts = [schema, *defs.values()]
    for part in parts:
        for name, prop in (part.get("properties") or {}).items():
            if isinstance(prop, Mapping) and is_person_ref(dict(prop)):
                found.add(name)
    return frozenset(found)


def unknown_person(kind: Any, record: Mapping[str, Any], people: Any, lang: str, skip: str | None = None) -> str:
    """Why ``record`` names someone the session does not know (by the field's label), or
    an empty string. Names are accepted as well as ids (the kinds resolve both)."""
    people = list(people)
    if not people:
        return ""  # a plan without people: the room types names
    known = {p.id for p in people} | {p.name.casefold() for p in people}
    _ = translator(lang)
    for field in sorted(person_fields(kind)):
        if field == skip or field not in record:
            continue
        value = record[field]
        values = value if isinstance(value, list) else [value]
        for one in values:
            if isinstance(one, str) and one.strip() and one.strip() not in known \
                    and one.strip().casefold() not in known:
                return _("{field}: '{value}' is not someone in this session; choose a person from the list.").format(
                    field=field_label(kind, field, lang), value=one.strip()[:80])
    return ""
