"""Errors a user can act on, and problems that point at a file and line.

Anything raised as :class:`CimisError` reaches the user as one clear message and exit code
1; the CLI never shows a traceback for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class CimisError(Exception):
    """A failure caused by input or environment, reported to the user without a traceback."""


@dataclass(frozen=True, order=True)
class Problem:
    """One problem found in a file the user wrote: ``file:line: message``."""

    path: str
    line: int
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"

    @classmethod
    def at(cls, path: Path | str, line: int, message: str, severity: str = "error") -> "Problem":
        return cls(str(path), line, message, severity)


class ProblemsError(CimisError):
    """Raised when a file cannot be used; carries every problem found in it."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
