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

    def compose(self) -> ComposeResult:
        yield Digits(self.text, id="timer-digits")
        yield Static("", classes="timer-caption", id="timer-caption")

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
