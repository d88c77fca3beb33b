"""``SUMMARY.md`` in mdBook's format: parse it into entries, and append chapters to it
without touching anything else in the file.

Provides :class:`Entry`, :class:`Summary`, :func:`parse_summary` and :func:`append_chapters`.

The format (as mdBook reads it)::

    # Summary                      <- title (optional)
    [Preface](preface.md)          <- prefix chapters (no list)
    # Part one                     <- part title
    - [Chapter](chapters/a.md)     <- numbered chapters, nested by indentation
      - [Section](chapters/b.md)
    - [Draft chapter]()            <- draft: no file yet
    ---                            <- separator
    [Afterword](after.md)          <- suffix chapters (after the numbered ones)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import unquote

from toolkit.errors import Problem
from toolkit.i18n import _

# the destination in angle brackets may hold blanks (``[T](<a b.md>)``), as in CommonMark
_LINK = r"\[(?P<title>(?:[^\[\]\\]|\\.)*)\]\((?:<(?P<bracketed>[^<>\n]*)>|(?P<path>[^()\s]*))\)"
# text after the link (``- [Pinning](pinning.md) (draft)``) is ignored, as mdBook does
LIST_ITEM = re.compile(r"^(?P<indent>[ \t]*)(?:[-*+]|[0-9]{1,9}[.)])[ \t]+" + _LINK + r"(?P<rest>.*)$")
# a list item that is no chapter link (mdBook refuses it too)
ANY_ITEM = re.compile(r"^[ \t]*(?:[-*+]|[0-9]{1,9}[.)])(?:[ \t]|$)")
OTHER_HEADING = re.compile(r"^#{2,6}(?:[ \t]|$)")
PLAIN_LINK = re.compile(r"^" + _LINK + r"(?P<rest>.*)$")
# linear: closing "#"s and blanks are stripped in Python (a lazy group before a trailing
# class backtracks quadratically over a long run of blanks)
HEADING = re.compile(r"^#[ \t]+(?P<title>.*)$")
SEPARATOR = re.compile(r"^[ \t]*(-{3,}|\*{3,}|_{3,})[ \t]*$")
COMMENT = re.compile(r"^[ \t]*<!--.*-->[ \t]*$")


@dataclass
class Entry:
    """One chapter line of SUMMARY.md. ``path`` is ``None`` for a draft chapter; ``number``
    is like ``"1.2"`` for numbered chapters and ``None`` for prefix and suffix chapters."""

    title: str
    path: str | None
    line: int
    kind: str  # "prefix", "numbered" or "suffix"
    level: int = 0
    number: str | None = None
    part: str | None = None
    separator: bool = False  # a "---" line comes before it (since the entry or part title before)


@dataclass
class Summary:
    title: str | None = None
    entries: list[Entry] = field(default_factory=list)
    parts: list[tuple[str, int]] = field(default_factory=list)  # (title, line)
    problems: list[Problem] = field(default_factory=list)


_CODE_SPAN = re.compile(r"(`+)(.+?)(?<!`)\1(?!`)")
# an emphasis mark touches a word on one side (a lone "*" or "_" between blanks is text)
_ESCAPE_OR_EMPHASIS = re.compile(r"\\([!-/:-@\[-`{-~])|\*+(?=\S)|(?<=\S)\*+"
                                 r"|(?<![A-Za-z0-9])_+(?=\S)|(?<=\S)_+(?![A-Za-z0-9])")


def _unescape(title: str) -> str:
    """The plain text of a link text, as mdBook takes it for the chapter's name: code spans
    give their text, emphasis marks and backslashes before punctuation go."""
    if not any(c in title for c in "`\\*_"):
        return title.strip()
    pieces = _CODE_SPAN.split(title)
    out = []
    # split gives (text, backticks, code, text, ...): code keeps its characters as they are
    for i in range(0, len(pieces), 3):
        out.append(_ESCAPE_OR_EMPHASIS.sub(lambda m: m.group(1) or "", pieces[i]))
        if i + 2 < len(pieces):
            code = pieces[i + 2]
            out.append(code[1:-1] if len(code) > 2 and code[0] == code[-1] == " " and code.strip() else code)
    return " ".join("".join(out).split())


def parse_summary(text: str, path: str, mdbook: bool = False) -> Summary:
    """Entries in book order; lines that are none of mdBook's forms are problems. For an
    mdBook book (``mdbook``), text and headings below level one are warnings: mdBook
    ignores them, and the book builds with mdBook."""
    summary = Summary()
    numbered_seen = False
    part: str | None = None
    counters: list[int] = []
    indents: list[int] = []
    top = 0  # numbering of top-level chapters runs on across parts and separators
    in_comment = False
    separator = False
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if in_comment:
            in_comment = "-->" not in line
            continue
        if not stripped or COMMENT.match(line):
            continue
        if stripped.startswith("<!--"):
            in_comment = True
            continue
        item = LIST_ITEM.match(line)
        if item:
            numbered_seen = True
            width = len(item["indent"].expandtabs(4))
            while indents and width < indents[-1]:
                indents.pop()
                counters.pop()
            if not indents:
                indents, counters = [width], [top]
            elif width > indents[-1]:
                indents.append(width)
                counters.append(0)
            counters[-1] += 1
            raw = item["path"] if item["bracketed"] is None else item["bracketed"]
            summary.entries.append(Entry(_unescape(item["title"]), unquote(raw) if raw else None, number,
                                         "numbered", len(indents) - 1, ".".join(map(str, counters)), part,
                                         separator))
            separator = False
            continue
        if indents and line[:1] in " \t":
            continue  # a continuation line of a list item
        indents_reset = bool(indents)
        plain = PLAIN_LINK.match(stripped)
        if plain:
            if indents_reset:
                top, indents, counters = counters[0], [], []
            raw = plain["path"] if plain["bracketed"] is None else plain["bracketed"]
            kind = "suffix" if numbered_seen else "prefix"
            if not raw:
                summary.problems.append(Problem.at(path, number, _(
                    "a prefix or suffix chapter cannot be a draft: give it a file")))
                continue
            summary.entries.append(Entry(_unescape(plain["title"]), unquote(raw), number, kind,
                                         separator=separator))
            separator = False
            continue
        heading = HEADING.match(stripped)
        if heading:
            if summary.title is None and not summary.entries and not summary.parts:
                summary.title = _unescape(heading["title"].rstrip(" \t#"))
            else:
                part = _unescape(heading["title"].rstrip(" \t#"))
                summary.parts.append((part, number))
                if counters:
                    top, indents, counters = counters[0], [], []
            continue
        if SEPARATOR.match(line):
            if counters:
                top, indents, counters = counters[0], [], []
            separator = bool(summary.entries)  # mdBook shows none before the first chapter
            continue
        if mdbook and not ANY_ITEM.match(line):
            summary.problems.append(Problem.at(path, number, _(
                "this line of SUMMARY.md is ignored, as mdBook ignores it: only '- [Title](file.md)', "
                "'[Title](file.md)', '# Part title' and '---' make the contents") if not OTHER_HEADING.match(stripped)
                else _("only '# ' headings are part titles; this heading is ignored, as mdBook ignores it"),
                "warning"))
            continue
        summary.problems.append(Problem.at(path, number, _(
            "cannot read this line of SUMMARY.md: expected '- [Title](chapters/file.md)', '[Title](file.md)', "
            "'# Part title' or '---'")))
    return summary


def entry_line(title: str, path: str) -> str:
    """A numbered chapter line for ``title`` and ``path``."""
    safe = title.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")
    return f"- [{safe}]({path.replace(' ', '%20')})"


def append_chapters(text: str, chapters: list[tuple[str, str]]) -> str:
    """``text`` with ``- [title](path)`` lines for ``chapters`` added after the last
    top-level numbered chapter (at the end when there is none); every other line stays."""
    if not chapters:
        return text
    lines = text.split("\n")
    trailing = lines and lines[-1] == ""
    if trailing:
        lines.pop()
    new = [entry_line(title, path) for title, path in chapters]
    last = None
    for i, line in enumerate(lines):
        if LIST_ITEM.match(line):
            last = i
        elif last is not None and line[:1] in " \t" and line.strip():
            last = i  # nested entries and continuation lines belong to the list
    if last is None:
        while lines and not lines[-1].strip():
            lines.pop()
        lines += ["", *new]
    else:
        lines[last + 1:last + 1] = new
    return "\n".join(lines) + "\n"
