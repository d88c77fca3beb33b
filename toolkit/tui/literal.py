"""Showing what people typed exactly as they typed it: :func:`literal`, :func:`visible` and
:func:`assemble`.

Textual and Rich read a plain ``str`` handed to ``Static``, ``Label``, ``Option``, a table
cell or a notification as markup: ``[/archive]`` raises, ``[bold]x[/bold]`` restyles and
``[link=...]`` swallows text. Everything a person typed (captures, names, titles, plan text,
chapter text, plugin data) therefore goes to the screen as a :class:`rich.text.Text` built
here, which no widget parses. Control characters (an escape sequence pasted into a field
would otherwise reach the terminal) are shown as their Unicode control pictures, so every
character typed is still visible on screen; line breaks and tabs stay what they are.
"""

from __future__ import annotations

import re
from typing import Any

from rich.text import Text

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ ... ␟
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"  # C1 controls have no picture of their own


def visible(text: Any) -> str:
    """``text`` as a string with every control character (except line break and tab)
    replaced by a visible picture of it."""
    return _CONTROL.sub(_picture, text if isinstance(text, str) else str(text))


def literal(text: Any, style: str = "", **kwargs: Any) -> Text:
    """``text`` as Rich text that is shown exactly as typed (never read as markup).
    A :class:`Text` passes through unchanged."""
    if isinstance(text, Text):
        return text
    return Text(visible(text), style=style, **kwargs)


def assemble(*parts: Any, **kwargs: Any) -> Text:
    """One line from pieces: plain strings, ``(text, style)`` pairs or :class:`Text`, each
    shown literally (the styles are ours, the text may be anyone's)."""
    line = Text(**kwargs)
    for part in parts:
        if isinstance(part, Text):
            line.append_text(part)
        elif isinstance(part, tuple):
            line.append(visible(part[0]), style=part[1])
        elif part:
            line.append(visible(part))
    return line
