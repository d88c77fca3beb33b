"""Errors a user can act on, and problems that point at a file and line.

Anything raised as :class:`CimisError` reaches the user as one clear message and exit code
1; the CLI never shows a traceback for it.
"""

from __future__ import annotations

import os


class CimisError(Exception):
    """A failure caused by input or environment, reported to the user without a traceback."""


class Problem:
    """One problem found in a file the user wrote: ``file:line: message``.

    A plain class rather than a dataclass: this module is imported on every start, and
    ``dataclasses`` alone would cost a noticeable share of ``cimis --help``.
    """

    __slots__ = ("line", "message", "path", "severity")

    def __init__(self, path: str, line: int, message: str, severity: str = "error"):
        self.path = path
        self.line = line
        self.message = message
        self.severity = severity

    def _key(self) -> tuple[str, int, str, str]:
        return (self.path, self.line, self.message, self.severity)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Problem) and self._key() == other._key()

    def __lt__(self, other: Problem) -> bool:
        return self._key() < other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"Problem({self.path!r}, {self.line}, {self.message!r}, {self.severity!r})"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"

    def __getstate__(self) -> tuple[str, int, str, str]:
        return self._key()

    def __setstate__(self, state: tuple[str, int, str, str]) -> None:
        self.path, self.line, self.message, self.severity = state

    @classmethod
    def at(cls, path: str | os.PathLike[str], line: int, message: str, severity: str = "error") -> Problem:
        return cls(os.fspath(path), line, message, severity)


class ProblemsError(CimisError):
    """Raised when a file cannot be used; carries every problem found in it."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
