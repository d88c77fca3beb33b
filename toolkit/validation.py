"""Turn pydantic validation errors into one-line messages in the user's language,
and find the line of a field in a YAML document.

Shared by everything that reads a hand-written YAML file (method cards, workshop plans,
workbook files), so that every such error reads the same: ``file:line: field: message``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from toolkit.i18n import _


def format_loc(loc: Sequence[Any]) -> str:
    """``("steps", 2, "minutes")`` -> ``steps[2].minutes``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


class _Bounded:
    """A value whose ``repr`` is at most a short line, however large or deeply nested the
    value is (an alias bomb expands to billions of items: its full repr would take gigabytes)."""

    __slots__ = ("value",)

    def __init__(self, value: Any):
        self.value = value

    def __repr__(self) -> str:
        import reprlib

        short = reprlib.Repr()
        short.maxlevel, short.maxlist, short.maxdict, short.maxtuple, short.maxset = 2, 4, 4, 4, 4
        short.maxstring, short.maxother, short.maxlong = 60, 60, 40
        return short.repr(self.value)

    __str__ = __repr__


def _choices(expected: Any) -> str:
    """pydantic's list of the allowed values (``'de' or 'en'``) with its "or" in the
    reader's language."""
    text = str(expected)
    head, sep, tail = text.rpartition(" or ")
    return f"{head} {_('or')} {tail}" if sep else text


def describe(error: Mapping[str, Any]) -> str:
    """A translated message for one pydantic error (one item of ``ValidationError.errors()``),
    in the user's language, with the offending value cut to a short line."""
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    value = _Bounded(error.get("input"))
    if kind == "missing":
        return _("required field is missing")
    if kind == "extra_forbidden":
        return _("unknown field (check the spelling)")
    if kind in {"string_type", "str_type"}:
        return _("expected text, got {value!r}").format(value=value)
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        return _("expected a whole number, got {value!r}").format(value=value)
    if kind in {"float_type", "float_parsing"}:
        return _("expected a number, got {value!r}").format(value=value)
    if kind in {"bool_type", "bool_parsing"}:
        return _("expected true or false, got {value!r}").format(value=value)
    if kind in {"list_type", "tuple_type"}:
        return _("expected a list, got {value!r}").format(value=value)
    if kind in {"dict_type", "model_type", "model_attributes_type"}:
        return _("expected a mapping of fields, got {value!r}").format(value=value)
    if kind in {"literal_error", "enum"}:
        return _("{value!r} is not one of {expected}").format(value=value, expected=_choices(ctx.get("expected", "")))
    if kind == "string_pattern_mismatch":
        return _("{value!r} may hold only lower-case letters, digits and '-'").format(value=value)
    if kind == "string_too_short":
        return _("must not be empty")
    if kind == "string_too_long":
        return _("is longer than {n} characters").format(n=ctx.get("max_length"))
    if kind == "too_short":
        return _("needs at least {n} entries").format(n=ctx.get("min_length"))
    if kind == "too_long":
        return _("allows at most {n} entries").format(n=ctx.get("max_length"))
    if kind in {"greater_than_equal", "greater_than"}:
        limit = ctx.get("ge", ctx.get("gt"))
        return _("must be at least {limit}, got {value!r}").format(limit=limit, value=value)
    if kind in {"less_than_equal", "less_than"}:
        limit = ctx.get("le", ctx.get("lt"))
        return _("must be at most {limit}, got {value!r}").format(limit=limit, value=value)
    if kind in {"date_type", "date_parsing", "date_from_datetime_parsing"}:
        return _("expected a date like 2026-03-14, got {value!r}").format(value=value)
    if kind in {"time_type", "time_parsing"}:
        return _("expected a time like 09:30, got {value!r}").format(value=value)
    if kind == "value_error":
        message = str(ctx.get("error", error.get("msg", "")))
        return _(message)
    if kind == "assertion_error":
        return _(str(ctx.get("error", error.get("msg", ""))))
    if kind == "union_tag_not_found":
        return _("needs the field '{field}' (which kind of entry this is)").format(
            field=ctx.get("discriminator", "").strip("'"))
    if kind == "union_tag_invalid":
        return _("'{field}' is {value!r}, not one of {expected}").format(
            field=str(ctx.get("discriminator", "")).strip("'"), value=_Bounded(ctx.get("tag")),
            expected=_choices(ctx.get("expected_tags", "")))
    if kind in {"finite_number"}:
        return _("expected a finite number, got {value!r}").format(value=value)
    if kind in {"datetime_type", "datetime_parsing", "datetime_from_date_parsing"}:
        return _("expected a time like 2026-03-14T10:30:00Z, got {value!r}").format(value=value)
    if kind in {"set_type", "frozen_set_type"}:
        return _("expected a list, got {value!r}").format(value=value)
    # an error type without a template of its own: still the user's language, never pydantic's text
    return _("invalid value {value!r}").format(value=value)


def node_line(node: Any, loc: Sequence[Any], offset: int = 0) -> int:
    """1-based line of the deepest YAML node that ``loc`` reaches, plus ``offset``.

    The last part of ``loc`` points at its key, so an unknown field is reported on the line
    where it is written, not on the first line of its value.
    """
    line = node.start_mark.line if node is not None else 0
    current = node
    for index, part in enumerate(loc):
        last = index == len(loc) - 1
        kind = type(current).__name__
        nxt = None
        if kind == "MappingNode":
            for key, value in current.value:
                if getattr(key, "value", None) == str(part):
                    line = key.start_mark.line
                    nxt = value
                    break
        elif kind == "SequenceNode" and isinstance(part, int) and 0 <= part < len(current.value):
            nxt = current.value[part]
            line = nxt.start_mark.line
        if nxt is None or last:
            break
        current = nxt
    return line + 1 + offset


def decode_text(raw: bytes, path: Any) -> tuple[str | None, Any]:
    """The text of a hand-written file, or ``(None, problem)`` when it is not UTF-8 (a BOM is
    allowed) or holds a NUL character; the problem names the line."""
    from toolkit.errors import Problem

    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, Problem.at(path, line, _(
            "file is not UTF-8 (invalid byte at position {pos}); save it as UTF-8").format(pos=exc.start))
    if "\x00" in text:
        return None, Problem.at(path, text[: text.index("\x00")].count("\n") + 1,
                                _("file contains a NUL character; is it a binary file?"))
    return text, None
