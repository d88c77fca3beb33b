"""The big countdown of a step: :class:`TimerDisplay` and the pure helpers behind it.

Provides :func:`format_clock` (seconds -> ``MM:SS`` / ``H:MM:SS``), :func:`timer_phase`
(``running``, ``warning``, ``overrun``, ``paused``, ``idle``) and :class:`TimerDisplay`, a
widget of Textual :class:`~textual.widgets.Digits` with a caption, meant to be read from the
back of the room. The widget never reads a clock itself: its owner passes the step's
:class:`~toolkit.session.state.StepTimer` and ``now`` from the engine's (injectable) clock,
so tests and the benchmark drive it with a fake clock.
"""

from __future__ import annotations

import math
import unicodedata
from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Digits, Static

from toolkit.i18n import _

#: Seconds left from which the timer shows its warning colour, unless 10 % of the step is more.
WARNING_SECONDS = 60.0


def format_clock(seconds: float) -> str:
    """Whole seconds as ``MM:SS`` (``H:MM:SS`` from an hour on). Remaining time is rounded
    *up*, so that the display shows ``00:00`` exactly when the time is over, not a second
    early; callers pass overrun time as it is (it is rounded down the same way)."""
    total = max(0, math.ceil(seconds - 1e-9))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def shown_seconds(timer: Any, now: float) -> tuple[str, float]:
    """``(sign, seconds)`` the display shows: time left, or ``+`` and the time over."""
    remaining = timer.remaining(now)
    if remaining >= 0:
        return "", remaining
    return "+", math.floor(-remaining + 1e-9)


def timer_phase(timer: Any, now: float) -> str:
    """What colour the timer wears: ``idle`` (nothing planned), ``paused``, ``overrun``,
    ``warning`` (nearly up) or ``running``."""
    if timer.allowed <= 0 and timer.elapsed(now) <= 0:
        return "idle"
    if timer.paused:
        return "paused"
    remaining = timer.remaining(now)
    if remaining < 0:
        return "overrun"
    if remaining <= max(WARNING_SECONDS, 0.1 * timer.allowed):
        return "warning"
    return "running"


_ARMS = {"UP": (-1, 0), "DOWN": (1, 0), "LEFT": (0, -1), "RIGHT": (0, 1)}


def _arms(char: str) -> set[str] | None:
    """The directions a box-drawing character's strokes leave its centre in; ``None`` for a
    blank, an empty set for any other mark (a dot)."""
    if char == " ":
        return None
    name = unicodedata.name(char, "")
    if not name.startswith("BOX DRAWINGS"):
        return set()
    words = set(name.split())
    arms = {w for w in _ARMS if w in words}
    if "HORIZONTAL" in words:
        arms |= {"LEFT", "RIGHT"}
    if "VERTICAL" in words:
        arms |= {"UP", "DOWN"}
    return arms


def big_clock(text: str, sx: int = 2, sy: int = 1) -> list[str]:
    """``text`` (digits, ``:``, ``+``, ``-``) in block letters several times the size of
    Textual's three-line Digits, for the projector on a large terminal: each stroke of the
    Digits glyphs becomes a bar of full blocks, every dot ``sx`` columns wide and ``sy`` rows
    high. Pure, so the look is tested without a terminal."""
    from rich.segment import Segment
    from rich.style import Style
    from textual.renderables.digits import Digits as DigitsRenderable

    # render() yields Segments only (its declared type is any renderable)
    segments = [seg for seg in DigitsRenderable(text).render(Style()) if isinstance(seg, Segment)]
    rows = "".join(seg.text for seg in segments).split("\n")[:3]
    width = max((len(r) for r in rows), default=0)
    grid = [[False] * (width * 3) for _ in range(9)]
    for r, row in enumerate(rows):
        for c, char in enumerate(row):
            arms = _arms(char)
            if arms is None:
                continue
            y, x = r * 3 + 1, c * 3 + 1
            if char == ":":
                grid[y - 1][x] = grid[y + 1][x] = True  # two dots, not one
                continue
            grid[y][x] = True
            for arm in arms:
                dy, dx = _ARMS[arm]
                grid[y + dy][x + dx] = True
    lines = ["".join(("█" if on else " ") * sx for on in row).rstrip() for row in grid]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return [line for line in lines for _ in range(sy)]


class TimerDisplay(Vertical):
    """A step's countdown in big digits, with a caption that says paused / over time."""

    DEFAULT_CSS = """
    TimerDisplay {
        width: auto;
        height: auto;
        padding: 0 2;
        border: round $primary;
    }
    TimerDisplay Digits {
        width: auto;
        color: $text;
        text-style: bold;
    }
    TimerDisplay #timer-big { display: none; width: auto; height: auto; color: $text; }
    TimerDisplay.-big #timer-big { display: block; }
    TimerDisplay.-big Digits { display: none; }
    TimerDisplay.-warning #timer-big { color: $warning; }
    TimerDisplay.-overrun #timer-big { color: $error; }
    TimerDisplay.-paused #timer-big { color: $text-muted; }
    TimerDisplay .timer-caption {
        width: 100%;
        text-align: center;
        color: $text-muted;
    }
    TimerDisplay.-warning { border: round $warning; }
    TimerDisplay.-warning Digits { color: $warning; }
    TimerDisplay.-overrun { border: heavy $error; }
    TimerDisplay.-overrun Digits { color: $error; }
    TimerDisplay.-overrun .timer-caption { color: $error; text-style: bold; }
    TimerDisplay.-paused Digits { color: $text-muted; }
    TimerDisplay.-paused .timer-caption { color: $warning; text-style: bold; }
    """

    PHASES = ("idle", "paused", "overrun", "warning", "running")

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.text = "00:00"
        self.phase = "idle"
        #: block size of the big clock, or ``None`` for Textual's Digits (see :meth:`set_scale`)
        self.scale: tuple[int, int] | None = None

    def compose(self) -> ComposeResult:
        yield Digits(self.text, id="timer-digits")
        yield Static("", id="timer-big")
        yield Static("", classes="timer-caption", id="timer-caption")

    def set_scale(self, scale: tuple[int, int] | None) -> None:
        """Draw the time in :func:`big_clock` blocks of ``(columns, rows)`` per dot, or in
        Digits for ``None`` (the projector chooses by the size of its terminal)."""
        if scale == self.scale:
            return
        self.scale = scale
        self.set_class(scale is not None, "-big")
        self._draw_big()

    def _draw_big(self) -> None:
        if self.is_mounted and self.scale is not None:
            self.query_one("#timer-big", Static).update("\n".join(big_clock(self.text, *self.scale)))

    def show(self, timer: Any, now: float) -> str:
        """Show ``timer`` as of ``now``; returns the phase. Cheap when nothing changed, because
        the owner calls it several times a second."""
        sign, seconds = shown_seconds(timer, now)
        text = sign + format_clock(seconds)
        phase = timer_phase(timer, now)
        if text != self.text:
            self.text = text
            if self.is_mounted:
                self.query_one(Digits).update(text)
                self._draw_big()
        if phase != self.phase:
            self.phase = phase
            for name in self.PHASES:
                self.set_class(name == phase, f"-{name}")
        caption = {"paused": _("PAUSED"), "overrun": _("over time")}.get(phase, "")
        if timer.extended and phase not in ("paused", "overrun"):
            caption = _("{minutes:+g} min added").format(minutes=round(timer.extended / 60, 1))
        if self.is_mounted:
            label = self.query_one("#timer-caption", Static)
            if str(label.content) != caption:
                label.update(caption)
        return phase
