"""Large titles for the projector: text drawn in a block font, wrapped by words.

:func:`block_lines` draws a title in pyfiglet's ``smblock`` font (four rows of quarter-block
characters per line of text, Latin-1 with German umlauts and ß) when it fits: every word
within the width and no more lines than allowed. Otherwise it returns ``None`` and the
caller shows the title as ordinary (bold) text, so no title is ever cut or loses a
character the font lacks. What it draws is a picture of the characters, never markup.
"""

from __future__ import annotations

import functools
from typing import Any

FONT = "smblock"


@functools.cache
def _figlet() -> Any:
    import pyfiglet

    return pyfiglet.Figlet(font=FONT, width=100_000)


def drawable(text: str) -> bool:
    """Whether the font has every character of ``text`` (and ``text`` is one line)."""
    chars = _figlet().Font.chars
    return bool(text) and all(ord(c) in chars and (c == " " or c.isprintable()) for c in text)


@functools.lru_cache(maxsize=512)
def draw(text: str) -> tuple[str, ...]:
    """``text`` (one line, every character :func:`drawable`) as rows of the block font,
    all of one width, empty rows at the bottom dropped."""
    rows = [row.rstrip() for row in _figlet().renderText(text).split("\n")]
    while rows and not rows[-1]:
        rows.pop()
    width = max((len(row) for row in rows), default=0)
    return tuple(row.ljust(width) for row in rows)


def width_of(text: str) -> int:
    rows = draw(text)
    return len(rows[0]) if rows else 0


def block_lines(text: str, width: int, max_lines: int) -> list[str] | None:
    """``text`` drawn large, wrapped by words into at most ``max_lines`` lines of at most
    ``width`` columns; ``None`` when it cannot be (a character the font lacks, one word
    wider than ``width``, too many lines)."""
    words = text.split()
    if not words or width <= 0 or max_lines < 1 or not drawable(" ".join(words)):
        return None
    lines: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current} {word}" if current else word
        if width_of(candidate) <= width:
            current = candidate
            continue
        if not current or width_of(word) > width:
            return None  # even one word does not fit
        lines.append(current)
        current = word
        if len(lines) >= max_lines:
            return None
    lines.append(current)
    drawn = [draw(line) for line in lines]
    wide = max(len(rows[0]) for rows in drawn)
    # one block, centred as a whole; a blank row between lines keeps descenders apart
    out: list[str] = []
    for n, rows in enumerate(drawn):
        if n:
            out.append(" " * wide)
        pad = (wide - len(rows[0])) // 2
        out.extend((" " * pad + row).ljust(wide) for row in rows)
    return out
