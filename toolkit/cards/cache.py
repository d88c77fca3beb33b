"""A cache of parsed cards, so that a second run skips parsing and validation.

An entry is valid while the file's size and modification time are unchanged and the cache
was written for the same toolkit version and the same set of capture kinds (a card's
validity depends on them). Stored as one pickle of the light card tuples (no pydantic
objects, which unpickle several times slower) in the user's cache folder, written
atomically; a missing, stale or corrupt cache only costs time.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from toolkit import __version__
from toolkit.cards.card import CardResult, MethodCard
from toolkit.errors import Problem
from toolkit.paths import write_atomic

_FORMAT = 4


class CardCache:
    """Parsed cards by absolute path, validated against each file's stat."""

    def __init__(self, path: Path, key: str):
        self.path = path
        self.key = f"{_FORMAT}:{__version__}:{key}"
        #: path -> (mtime_ns, size, card or None, problems as tuples)
        self._entries: dict[str, tuple[int, int, MethodCard | None, list[tuple]]] = {}
        self._dirty = False
        try:
            with open(path, "rb") as fh:
                data = pickle.load(fh)
            if isinstance(data, dict) and data.get("key") == self.key:
                self._entries = data["entries"]
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, KeyError,
                TypeError, ValueError, IndexError):
            self._entries = {}

    @staticmethod
    def key_for(parts: list[str]) -> str:
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]

    def get(self, file: Path) -> CardResult | None:
        entry = self._entries.get(os.fspath(file))
        if entry is None:
            return None
        try:
            st = os.stat(file)
        except OSError:
            return None
        if (st.st_mtime_ns, st.st_size) != entry[:2]:
            return None
        return CardResult(entry[2], [Problem(*p) for p in entry[3]])

    def put(self, file: Path, result: CardResult) -> None:
        try:
            st = os.stat(file)
        except OSError:
            return
        problems = [(p.path, p.line, p.message, p.severity) for p in result.problems]
        self._entries[os.fspath(file)] = (st.st_mtime_ns, st.st_size, result.card, problems)
        self._dirty = True

    def save(self) -> None:
        if not self._dirty:
            return
        try:
            write_atomic(self.path, pickle.dumps({"key": self.key, "entries": self._entries},
                                                 protocol=pickle.HIGHEST_PROTOCOL), durable=False)
            self._dirty = False
        except OSError:
            pass  # a read-only cache folder only costs speed
