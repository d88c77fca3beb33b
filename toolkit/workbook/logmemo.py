"""Record logs kept in memory between builds in one process (the terminal UI's preview, a
watch loop, the benchmark's rebuild): :func:`open_log` and :func:`saved`.

Loading a 2,000-chapter workbook's caches means unpickling thousands of records, which was
a large share of a one-chapter rebuild. The loaded :class:`~toolkit.recordlog.RecordLog`
is reused while its file is exactly as this process left it (same inode, size and
modification time); any other writer changes one of those, and the file is read again.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from toolkit.recordlog import RecordLog

_LOGS: dict[str, tuple[tuple[int, int, int], RecordLog]] = {}


def _stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_ino, st.st_size, st.st_mtime_ns


def open_log(path: Path, header: Any) -> RecordLog:
    """The record log at ``path`` with ``header``: the one in memory while its file is
    unchanged, else loaded from the file."""
    key = os.fspath(path)
    stamp = _stamp(path)
    memo = _LOGS.get(key)
    if memo is not None and stamp is not None and memo[0] == stamp and memo[1].header == header:
        return memo[1]
    _LOGS.pop(key, None)
    log = RecordLog(path, header)
    if stamp is not None:
        _LOGS[key] = (stamp, log)
    return log


def saved(log: RecordLog) -> None:
    """Remember ``log`` as its file now is (call after :meth:`RecordLog.save`)."""
    key = os.fspath(log.path)
    stamp = _stamp(log.path)
    if stamp is None:
        _LOGS.pop(key, None)
    else:
        _LOGS[key] = (stamp, log)
