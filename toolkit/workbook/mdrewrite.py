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
_REF_DEF = re.compile(r"^( {0,3}\[[^\]]+\]:[ \t]*)(<[^>\n]*>|\S+)")
_FOOTNOTE = re.compile(r"\[\^([^\]\s]+)\]")


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


def rewrite_text_line(line: str, rewrite: Callable[[str], str | None], footnote_prefix: str) -> str:
    """One line of ordinary Markdown (not code, not a heading) rewritten."""
    match = _REF_DEF.match(line)
    if match and not match.group(1).lstrip().startswith("[^"):  # "[^1]: text" is a footnote
        return match.group(1) + _destination(match.group(2), rewrite) + line[match.end():]
    parts = _CODE_SPAN.split(line)
    for i in range(0, len(parts), 2):  # even parts are outside code spans
        part = parts[i]
        if not part:
            continue
        # links first: "(<javascript:...>)" is a link destination, not an autolink
        part = _INLINE_LINK.sub(lambda m: m.group(1) + _destination(m.group(2), rewrite), part)
        part = _AUTOLINK.sub(lambda m: m.group(0) if safe_url(html.unescape(m.group(1))) else "&lt;" + m.group(0)[1:],
                             part)
        part = _RAW_HTML.sub("&lt;", part)
        if footnote_prefix:
            part = _FOOTNOTE.sub(lambda m: f"[^{footnote_prefix}{m.group(1)}]", part)
        parts[i] = part
    return "".join(parts)


def heading_line(level: int, content: str) -> str:
    """An ATX heading of ``level`` (at most 6) with the heading's inline Markdown."""
    return "#" * min(max(level, 1), 6) + " " + " ".join(content.split())
