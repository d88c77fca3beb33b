"""Parse many card files on two processors.

A cold library load is dominated by YAML parsing, one card at a time. Where the platform
forks and the process has no other threads (forking a threaded process, such as the
terminal UI, is unsafe), a forked child parses half of the files while the parent parses
the other half; the child already has the parser and the capture kinds loaded, so it starts
at once. Anything unexpected in the child (a crash, a short read) makes the parent parse
that half itself, so the result never depends on whether the fork worked.
"""

from __future__ import annotations

import os
import pickle
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from toolkit.cards.card import CardResult

#: Below this many files a fork costs more than it saves.
MIN_FILES = 200


def can_fork() -> bool:
    return hasattr(os, "fork") and (os.cpu_count() or 1) > 1 and threading.active_count() == 1


def parse_files(files: Sequence[Path], parse: Callable[[Path], CardResult]) -> list[CardResult]:
    """``[parse(f) for f in files]``, on two processors when that is safe and worth it."""
    if len(files) < MIN_FILES or not can_fork():
        return [parse(f) for f in files]
    middle = len(files) // 2
    theirs_files = files[middle:]
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return [parse(f) for f in files]
    if pid == 0:  # pragma: no cover - runs in the child, reported through the pipe
        status = 1
        try:
            os.close(read_end)
            payload = pickle.dumps([parse(f) for f in theirs_files], protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_end, "wb") as out:
                out.write(payload)
            status = 0
        finally:
            os._exit(status)  # never run the parent's cleanup (atexit, open stores) twice
    os.close(write_end)
    mine = [parse(f) for f in files[:middle]]
    with os.fdopen(read_end, "rb") as inp:
        payload = inp.read()
    _pid, status = os.waitpid(pid, 0)
    theirs = None
    if status == 0:
        try:
            theirs = pickle.loads(payload)
        except Exception:  # a truncated payload: parse that half here instead
            theirs = None
    if theirs is None or len(theirs) != len(theirs_files):
        theirs = [parse(f) for f in theirs_files]
    return mine + theirs
