"""Clocks for the session engine: :class:`Clock` (the protocol), :class:`SystemClock` (wall
time) and :class:`FakeClock` (moved by hand in tests).

The engine never sleeps and never reads the time itself; it asks its clock. That makes
timers testable to the millisecond and lets a resumed session count the wall time that
passed while it was closed.
"""

from __future__ import annotations

import time
from typing import Protocol, runtime_checkable


@runtime_checkable
class Clock(Protocol):
    def now(self) -> float:
        """Seconds since the epoch."""


class SystemClock:
    """The machine's wall clock."""

    def now(self) -> float:
        return time.time()


class FakeClock:
    """A clock that stands still until :meth:`advance` moves it."""

    def __init__(self, start: float = 1_767_225_600.0):  # 2026-01-01T00:00:00Z
        self.t = float(start)

    def now(self) -> float:
        return self.t

    def advance(self, seconds: float) -> float:
        self.t += seconds
        return self.t
