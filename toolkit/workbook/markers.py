"""Provenance markers around generated passages in workbook chapters.

Provides :func:`strip_markers` (chapter Markdown without any marker line, for builders),
:func:`parse` (a chapter body split into author text and generated :class:`Passage` and
:class:`Conflict` blocks), :func:`passage_lines` / :func:`conflict_lines` (write one block),
:func:`content_hash` and :func:`is_marker`.

The format, one marker per line::

    <!-- cimis:begin ref=WORKSHOP/ITEM/STEP session=SESSIONID at=ISO-TIME hash=SHA12 -->
    ... generated Markdown ...
    <!-- cimis:end ref=WORKSHOP/ITEM/STEP -->

``hash`` is the first 12 hex digits of SHA-256 over the lines between the markers joined
with ``\\n`` (no final newline): if the lines there no longer hash to it, an author edited
inside. When sync finds an edited passage whose generated text has changed, it leaves the
author's passage and puts the new text right after it, fenced the same way with
``cimis:conflict`` / ``cimis:end-conflict`` markers (see :mod:`toolkit.workbook.sync`).

A begin marker without its end marker (an author deleted one) is not a passage: its lines
are author text. Only the first block of a ref counts; a copy is author text too.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

_ATTRS = r"ref=(?P<ref>\S+) session=(?P<session>\S*) at=(?P<at>\S*) hash=(?P<hash>[0-9a-f]{12})"
BEGIN = re.compile(r"^[ \t]*<!--[ \t]*cimis:begin " + _ATTRS + r"[ \t]*-->[ \t]*$")
END = re.compile(r"^[ \t]*<!--[ \t]*cimis:end ref=(?P<ref>\S+)[ \t]*-->[ \t]*$")
CONFLICT = re.compile(r"^[ \t]*<!--[ \t]*cimis:conflict " + _ATTRS + r"[ \t]*-->[ \t]*$")
END_CONFLICT = re.compile(r"^[ \t]*<!--[ \t]*cimis:end-conflict ref=(?P<ref>\S+)[ \t]*-->[ \t]*$")
#: Any line that looks like one of our markers, also a damaged one (for strip and escape).
ANY_MARKER = re.compile(r"^[ \t]*<!--[ \t]*cimis:(begin|end|conflict|end-conflict)\b.*-->[ \t]*$")


def content_hash(lines: list[str]) -> str:
    """The marker hash of a passage's lines."""
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()[:12]


def is_marker(line: str) -> bool:
    return ANY_MARKER.match(line) is not None


def strip_markers(text: str) -> str:
    """``text`` without marker lines (the passages' content stays)."""
    if "cimis:" not in text:
        return text
    lines = text.split("\n")
    return "\n".join(line for line in lines if not ANY_MARKER.match(line))


def escape_content(lines: list[str]) -> list[str]:
    """Generated lines made safe to fence: a line that would read as a marker gets a
    backslash (rendered Markdown shows the same text), so content never ends a passage.
    Control characters someone typed in a session are dropped (no EPUB or DOCX may hold
    them, and reading the chapter would refuse it), and a lone carriage return ends a line
    here as it will when the file is read back (else the passage's hash would not match)."""
    from toolkit.workbook.layout import NOT_XML

    out: list[str] = []
    for line in lines:
        if NOT_XML.search(line) or "\r" in line:
            out += NOT_XML.sub("", line).replace("\r\n", "\n").replace("\r", "\n").split("\n")
        else:
            out.append(line)
    return ["\\" + line.lstrip() if ANY_MARKER.match(line) else line for line in out]


@dataclass
class Passage:
    """A generated passage: ``lines`` between its markers; ``start``/``end`` are the 0-based
    indices of the begin and end marker lines in the parsed list."""

    ref: str
    session: str
    at: str
    hash: str
    lines: list[str]
    start: int
    end: int

    @property
    def edited(self) -> bool:
        return content_hash(self.lines) != self.hash


@dataclass
class Conflict(Passage):
    """A new generated version that sync could not put in place of an edited passage."""


@dataclass
class Parsed:
    """A chapter body as a sequence of plain lines (``str``) and blocks."""

    parts: list[str | Passage] = field(default_factory=list)

    def passages(self) -> dict[str, Passage]:
        """The first passage of each ref (conflict blocks not included)."""
        found: dict[str, Passage] = {}
        for part in self.parts:
            if type(part) is Passage:
                found.setdefault(part.ref, part)
        return found

    def conflicts(self) -> list[Conflict]:
        return [part for part in self.parts if isinstance(part, Conflict)]

    def lines(self) -> list[str]:
        out: list[str] = []
        for part in self.parts:
            if isinstance(part, str):
                out.append(part)
            elif isinstance(part, Conflict):
                out.extend(conflict_lines(part.ref, part.session, part.at, part.lines, part.hash))
            else:
                out.extend(passage_lines(part.ref, part.session, part.at, part.lines, part.hash))
        return out


def parse(lines: list[str]) -> Parsed:
    """Split ``lines`` into author text and blocks. Never fails: whatever is not a complete
    block of a ref seen for the first time stays a plain line."""
    parsed = Parsed()
    seen: set[tuple[str, bool]] = set()
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        match = None
        if "cimis:" in line:
            match = BEGIN.match(line)
            conflict = False
            if match is None:
                match = CONFLICT.match(line)
                conflict = match is not None
        if match is not None:
            ref = match["ref"]
            closing = END_CONFLICT if conflict else END
            end = next((j for j in range(i + 1, n) if "cimis:" in lines[j]
                        and (m := closing.match(lines[j])) is not None and m["ref"] == ref), None)
            key = (ref, conflict)
            if end is not None and (conflict or key not in seen):
                seen.add(key)
                cls = Conflict if conflict else Passage
                parsed.parts.append(cls(ref, match["session"], match["at"], match["hash"], lines[i + 1:end],
                                        i, end))
                i = end + 1
                continue
        parsed.parts.append(line)
        i += 1
    return parsed


def passage_lines(ref: str, session: str, at: str, content: list[str], hash: str | None = None) -> list[str]:
    """A passage as lines, markers included."""
    digest = hash or content_hash(content)
    return [f"<!-- cimis:begin ref={ref} session={session or '-'} at={at or '-'} hash={digest} -->", *content,
            f"<!-- cimis:end ref={ref} -->"]


def conflict_lines(ref: str, session: str, at: str, content: list[str], hash: str | None = None) -> list[str]:
    """A conflict block as lines, markers included."""
    digest = hash or content_hash(content)
    return [f"<!-- cimis:conflict ref={ref} session={session or '-'} at={at or '-'} hash={digest} -->", *content,
            f"<!-- cimis:end-conflict ref={ref} -->"]
