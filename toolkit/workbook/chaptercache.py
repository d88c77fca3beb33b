"""Parsed chapter files, kept between runs so that reading a large workbook again (a
rebuild after one chapter changed, ``status``, ``check``) parses only what changed.

An entry holds a chapter's validated front matter (a light
:class:`~toolkit.workbook.layout.ChapterFields`, so that reading it back needs no pydantic)
and body, valid while the file's size and modification time are unchanged; the book's
validated settings are kept the same way; only chapters and settings that parsed without
any problem or warning are kept, so every problem is still reported by reading the file.
One append-only record log per workbook folder in the user's cache folder (see
:mod:`toolkit.recordlog`).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from toolkit import __version__
from toolkit.paths import cache_dir
from toolkit.workbook.logmemo import open_log, saved


class ChapterCache:
    """``path -> (mtime_ns, size, meta, body, body_line)`` for one workbook folder."""

    def __init__(self, folder: Path):
        digest = hashlib.sha256(os.fsencode(os.path.abspath(folder))).hexdigest()[:16]
        self.log = open_log(Path(cache_dir()) / "chapters" / f"{digest}.log", ("cimis-chapters", 4, __version__))

    def get(self, path: Path, st: os.stat_result) -> tuple[Any, str, int] | None:
        entry = self.log.values.get(os.fspath(path))
        if entry is None or entry[:2] != (st.st_mtime_ns, st.st_size):
            return None
        return entry[2], entry[3], entry[4]

    def put(self, path: Path, st: os.stat_result, meta: Any, body: str, body_line: int) -> None:
        self.log.values[os.fspath(path)] = (st.st_mtime_ns, st.st_size, meta, body, body_line)

    def get_config(self, path: Path, st: os.stat_result) -> Any:
        """What :meth:`put_config` stored for the settings file ``path``, while unchanged."""
        entry = self.log.values.get(("config", os.fspath(path)))
        if entry is None or entry[:2] != (st.st_mtime_ns, st.st_size):
            return None
        return entry[2]

    def put_config(self, path: Path, st: os.stat_result, value: Any) -> None:
        self.log.values[("config", os.fspath(path))] = (st.st_mtime_ns, st.st_size, value)

    def save(self) -> None:
        self.log.save()
        saved(self.log)
