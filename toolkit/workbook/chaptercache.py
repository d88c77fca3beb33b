"""Parsed chapter files, kept between runs so that reading a large workbook again (a
rebuild after one chapter changed, ``status``, ``check``) parses only what changed.

An entry holds a chapter's validated front matter and body, valid while the file's size and
modification time are unchanged; only chapters that parsed without any problem are kept, so
every problem is still reported by reading the file. One pickle per workbook folder in the
user's cache folder, written atomically; a missing or broken cache only costs time.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path
from typing import Any

from toolkit import __version__
from toolkit.paths import cache_dir, write_atomic

_FORMAT = 1


class ChapterCache:
    """``path -> (mtime_ns, size, meta, body, body_line)`` for one workbook folder."""

    def __init__(self, folder: Path):
        digest = hashlib.sha256(os.fsencode(os.path.abspath(folder))).hexdigest()[:16]
        self.path = Path(cache_dir()) / "chapters" / f"{digest}.pickle"
        self.key = (_FORMAT, __version__)
        self._entries: dict[str, tuple[int, int, Any, str, int]] = {}
        self._dirty = False
        try:
            with open(self.path, "rb") as fh:
                data = pickle.load(fh)
            if isinstance(data, dict) and data.get("key") == self.key:
                self._entries = data["entries"]
        except Exception:  # noqa: BLE001 - missing, torn or from another version: start empty
            self._entries = {}

    def get(self, path: Path, st: os.stat_result) -> tuple[Any, str, int] | None:
        entry = self._entries.get(os.fspath(path))
        if entry is None or entry[:2] != (st.st_mtime_ns, st.st_size):
            return None
        return entry[2], entry[3], entry[4]

    def put(self, path: Path, st: os.stat_result, meta: Any, body: str, body_line: int) -> None:
        self._entries[os.fspath(path)] = (st.st_mtime_ns, st.st_size, meta, body, body_line)
        self._dirty = True

    def save(self) -> None:
        if not self._dirty:
            return
        try:
            write_atomic(self.path, pickle.dumps({"key": self.key, "entries": self._entries},
                                                 protocol=pickle.HIGHEST_PROTOCOL), durable=False)
        except OSError:
            pass  # a read-only cache folder only costs speed
        self._dirty = False
