"""Line-level rewriting of chapter Markdown for the single-file ``md`` export: shifting
headings, rewriting links between chapters into anchors of the combined file, giving
footnotes per-chapter labels, and neutralising raw HTML and unsafe links.

The combined file is Markdown that other tools render (GitHub, pandoc, editors), and
many of them let raw HTML through, so participants' ``<script>`` or ``javascript:`` links
are turned into plain text here (``&lt;`` reads as ``<`` once rendered). Code blocks and
code spans are left alone: they show their text literally anyway.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from toolkit.workbook.render import safe_url

_CODE_SPAN = re.compile(r"(`+[^`]*`+)")
# what CommonMark would read as the start of raw HTML: a tag, closing tag, comment,
# declaration or processing instruction
_RAW_HTML = re.compile(r"<(?=[A-Za-z][A-Za-z0-9-]*(?:[\s/>]|$)|/[A-Za-z]|!|\?)")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]{1,31}:[^<>\s]*)>")
_INLINE_LINK = re.compile(r"(\]\(\s*)(<[^>\n]*>|[^\s)]+)")
# text that looks like the start of a reference definition (but was none in the chapter)
_LOOKS_LIKE_DEF = re.compile(r"^((?: {0,3}>)* {0,3})(\[(?:[^\]\\]|\\.)*\]:)")
_ANGLE_DEST = re.compile(r"""(\]\(\s*<[^<>\n]*>\s*(?:"[^"\n]*"|'[^'\n]*')?\s*\))""")
_OPENED_DEST = re.compile(r"\]\((\s*)&lt;")
_FOOTNOTE = re.compile(r"\[\^([^\]\s]+)\]")


def _escape_lt(match: re.Match[str]) -> str:
    # "\\<" is already a literal "<": escaping it again would show "&lt;"
    text = match.string
    slashes = 0
    pos = match.start() - 1
    while pos >= 0 and text[pos] == "\\":
        slashes += 1
        pos -= 1
    return "<" if slashes % 2 else "&lt;"


def escape_html_blocks(line: str) -> str:
    """A line of a raw HTML block as text."""
    return line.replace("<", "&lt;")


def _destination(dest: str, rewrite: Callable[[str], str | None]) -> str:
    """A link destination made safe, or rewritten by ``rewrite`` (which returns ``None``
    to keep it)."""
    bracketed = dest.startswith("<") and dest.endswith(">")
    raw = dest[1:-1] if bracketed else dest
    plain = html.unescape(raw)
    if not safe_url(plain):
        return "#"
    new = rewrite(plain)
    if new is None:
        return dest
    return f"<{new}>" if bracketed else new


def rewrite_text_line(line: str, rewrite: Callable[[str], str | None], footnote_prefix: str,
                      footnotes: set[str] | None = None) -> str:
    """One line of ordinary Markdown (not code, not a heading, not a reference definition:
    the exporter writes those anew) rewritten; footnote references get ``footnote_prefix``
    when their label is in ``footnotes`` (the chapter's own footnotes; ``None``: all)."""
    parts = _CODE_SPAN.split(line)
    # escaping may turn an invalid definition into a valid one: keep it text
    parts[0] = _LOOKS_LIKE_DEF.sub(lambda m: m.group(1) + "\\" + m.group(2), parts[0])
    for i in range(0, len(parts), 2):  # even parts are outside code spans
        part = parts[i]
        if not part:
            continue
        # links first: "(<javascript:...>)" is a link destination, not an autolink; a whole
        # "](<dest> 'title')" is kept from the escaping below (it is no raw HTML anywhere)
        part = _INLINE_LINK.sub(lambda m: m.group(1) + _destination(m.group(2), rewrite), part)
        pieces = _ANGLE_DEST.split(part)
        for j in range(0, len(pieces), 2):
            piece = _AUTOLINK.sub(lambda m: m.group(0) if safe_url(html.unescape(m.group(1)))
                                  else "&lt;" + m.group(0)[1:], pieces[j])
            piece = _RAW_HTML.sub(_escape_lt, piece)
            # "](&lt;b>c)" would be a link where "](<b>c)" was none: keep the "(" text
            pieces[j] = _OPENED_DEST.sub(r"]\\(\1&lt;", piece)
        part = "".join(pieces)
        if footnote_prefix:
            part = _FOOTNOTE.sub(lambda m: f"[^{footnote_prefix}{m.group(1)}]"
                                 if footnotes is None or m.group(1) in footnotes else m.group(0), part)
        parts[i] = part
    return "".join(parts)


def heading_line(level: int, content: str) -> str:
    """An ATX heading of ``level`` (at most 6) with the heading's inline Markdown."""
    return "#" * min(max(level, 1), 6) + " " + " ".join(content.split())
