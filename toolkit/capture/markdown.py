"""Markdown helpers shared by the capture kinds: escaping participant text so it cannot
break the structure of a workbook chapter, tables, numbers, and translating into an
explicit language.

Escaping is deliberately conservative: every character that can start inline markup
(emphasis, code, links, HTML, tables, strikethrough, maths, mdBook's ``{{#include}}``)
gets a backslash, and a line
that could start a block (heading, quote, list, fence, setext underline, indented code)
is neutralised. CommonMark renders ``\\x`` as ``x`` for any ASCII punctuation, so the text
reads the same once rendered.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

# braces too: "{{#include file}}" in participant text must not include a file of the book
_INLINE = re.compile(r"([\\`*_\[\]<>|~${}])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_BLOCK_START = re.compile(r"^([#>+=:-])")
_ORDERED = re.compile(r"^(\d{1,9})([.)])")


def _escape_inline(text: str) -> str:
    return _ENTITY.sub("\\\\&", _INLINE.sub(r"\\\1", text))


def _escape_one_line(line: str) -> str:
    # Leading spaces would turn a line into indented code, trailing ones into a hard break.
    line = _escape_inline(line.strip())
    line = _BLOCK_START.sub(r"\\\1", line)
    return _ORDERED.sub(r"\1\\\2", line)


def _lines(text: str) -> list[str]:
    return [line for line in (part.strip() for part in text.splitlines()) if line]


def escape_line(text: str) -> str:
    """``text`` as one line of inline Markdown (line breaks become spaces); for headings,
    table cells and short labels."""
    return _escape_one_line(" ".join(_lines(text)))


def escape_text(text: str, indent: str = "") -> str:
    """``text`` as one Markdown paragraph that keeps its line breaks (as hard breaks); blank
    lines are dropped so the paragraph stays inside a list item. ``indent`` is put before
    every continuation line (two spaces for a list item)."""
    return ("\\\n" + indent).join(_escape_one_line(line) for line in _lines(text))


def bullet(text: str) -> str:
    """A list item holding participant text."""
    return "- " + escape_text(text, "  ")


def escape_cell(text: str) -> str:
    """``text`` for a table cell: one line, inline markup and ``|`` escaped (a cell holds no
    blocks, so a leading ``#`` or ``+`` needs no escape there)."""
    return _escape_inline(" ".join(_lines(text)))


def table(header: Sequence[str], rows: Sequence[Sequence[str]], align: str = "") -> str:
    """A GFM pipe table; every cell is escaped. ``align`` holds one of ``l``/``r`` per
    column (left when missing)."""

    def row(cells: Sequence[str]) -> str:
        return "| " + " | ".join(escape_cell(str(cell)) for cell in cells) + " |"

    rule = ["---:" if (align[i:i + 1] == "r") else "---" for i in range(len(header))]
    return "\n".join([row(header), "| " + " | ".join(rule) + " |", *(row(r) for r in rows)])


def number(value: float, lang: str, digits: int = 2) -> str:
    """A number as the language writes it (decimal comma in German)."""
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang == "de" else text


def translator(lang: str) -> Callable[[str], str]:
    """A ``_`` that translates into ``lang`` whatever the active language is.

    Renderers bind it to a local ``_`` (``_ = translator(lang)``) so that their messages stay
    ordinary ``_("...")`` calls that the catalogue check finds, while a workbook in German can
    be built from an English session without switching the process-wide language.
    """
    if lang == "de":
        from toolkit.i18n.de import MESSAGES

        return lambda message: MESSAGES.get(message, message)
    return lambda message: message


def pick(texts: dict[str, str], lang: str) -> str:
    """The ``lang`` entry of ``{"de": ..., "en": ...}``, English when missing."""
    return texts.get(lang) or texts.get("en") or next(iter(texts.values()), "")


_ROLES = {
    "facilitator": {"de": "Moderation", "en": "Facilitator"},
    "participant": {"de": "Teilnehmende", "en": "Participant"},
    "creative": {"de": "Kreative", "en": "Creative"},
    "company": {"de": "Unternehmen", "en": "Company"},
    "jury": {"de": "Jury", "en": "Jury"},
    "speaker": {"de": "Vortragende", "en": "Speaker"},
    "author": {"de": "Autorin/Autor", "en": "Author"},
    "reviewer": {"de": "Review", "en": "Reviewer"},
}


def role_title(role: str, lang: str) -> str:
    """Display name of a role (its id when unknown, e.g. a plugin's role)."""
    return pick(_ROLES[role], lang) if role in _ROLES else role
