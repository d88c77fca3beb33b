"""Share pure-Python work between this process and forked workers.

Parsing a cold method library and rendering a large workbook are CPU-bound Python, one
item after another. Where it is safe and pays off, :func:`map_split` forks workers that
inherit everything already loaded (parser, plugins), gives each an interleaved share of the
items and does one share itself. Safe means: the platform forks, more than one processor is
available, and this process runs no other thread (forking a threaded process, such as the
terminal UI, can deadlock). ``CIMIS_WORKERS=0`` turns it off.

With ``chunks``, the items are cut into that many pieces which every process (this one
too) takes one after another from a shared queue (a pipe holding one byte per piece) until
none is left: on a machine whose cores are shared with other work, a process that gets less
time simply takes fewer pieces, instead of everyone waiting for the slowest fixed share.

A worker reports through a pipe. Anything unexpected (a crash, a kill, a short or broken
payload) makes this process do that share itself, so the result never depends on whether
a worker succeeded, and a dead worker can never leave the caller waiting.
"""

from __future__ import annotations

import os
import pickle
import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
MAX_WORKERS = 8
#: pieces of a queue-shared map: one byte each in the queue
MAX_CHUNKS = 255


def workers_for(items: int, min_items: int) -> int:
    """How many workers to fork for ``items`` items (0: do it all here)."""
    if items < min_items or not hasattr(os, "fork") or threading.active_count() > 1:
        return 0
    if os.environ.get("CIMIS_WORKERS", "").strip() == "0":
        return 0
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(0, min(cores, MAX_WORKERS) - 1)


def map_split(items: Sequence[T], work: Callable[[Sequence[T]], list[Any]], *, min_items: int,
              chunks: int = 0) -> list[Any]:
    """``work(items)``, with the items shared out when that is safe and worth it.

    ``work`` takes a share of the items and returns one picklable result per item, in order;
    the results come back in the order of ``items``. ``chunks`` (at most 255): share them
    out as that many pieces taken from a queue (see the module's description) rather than
    one fixed share per process.
    """
    workers = workers_for(len(items), min_items)
    if workers == 0:
        return work(items)
    if chunks > 1:
        return _map_pulled(items, work, workers, min(chunks, len(items), MAX_CHUNKS))
    parts = workers + 1
    # interleaved shares: neighbouring items (chapters of one part, cards of one plugin)
    # tend to be alike in size, so every share gets a similar mix
    shares = [items[i::parts] for i in range(parts)]
    running = [(share, _fork(work, share)) for share in shares[1:]]
    results = [work(shares[0])]
    for share, worker in running:
        done = _collect(worker, len(share))
        results.append(done if done is not None else work(share))
    ordered: list[Any] = [None] * len(items)
    for i, share_results in enumerate(results):
        ordered[i::parts] = share_results
    return ordered


def _map_pulled(items: Sequence[T], work: Callable[[Sequence[T]], list[Any]], workers: int,
                chunks: int) -> list[Any]:
    """:func:`map_split` with pieces taken from a queue by ``workers`` workers and this process."""
    bounds = [len(items) * i // chunks for i in range(chunks + 1)]
    pieces = [items[bounds[i]:bounds[i + 1]] for i in range(chunks)]
    queue, filler = os.pipe()
    try:
        # one write of fewer than PIPE_BUF bytes, and one-byte reads: no piece is split or lost
        os.write(filler, bytes(range(chunks)))
    finally:
        os.close(filler)

    def take(_unused: Sequence[Any]) -> list[Any]:
        done: list[Any] = []
        while piece := os.read(queue, 1):
            done.append((piece[0], work(pieces[piece[0]])))
        return done

    running: list[tuple[int, int] | None] = []
    try:
        running = [_fork(take, ()) for _ in range(workers)]
        try:
            results: dict[int, list[Any]] = dict(take(()))
        except BaseException:
            _stop(running)  # the caller sees the error; no worker is left behind, blocked on its pipe
            raise
        for worker in running:
            for entry in _collect(worker, None) or ():
                if isinstance(entry, tuple) and len(entry) == 2 and isinstance(entry[0], int) \
                        and 0 <= entry[0] < chunks and isinstance(entry[1], list) \
                        and len(entry[1]) == len(pieces[entry[0]]):
                    results[entry[0]] = entry[1]
    finally:
        os.close(queue)
    ordered: list[Any] = []
    for index, piece in enumerate(pieces):
        # a piece whose worker failed after taking it is done here
        ordered.extend(results[index] if index in results else work(piece))
    return ordered


def _stop(workers: list[tuple[int, int] | None]) -> None:
    """End ``workers`` now and reap them (their results are not wanted)."""
    import signal

    for worker in workers:
        if worker is None:
            continue
        pid, read_end = worker
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.close(read_end)
        os.waitpid(pid, 0)


def _fork(work: Callable[[Sequence[T]], list[Any]], share: Sequence[T]) -> tuple[int, int] | None:
    """Start a worker on ``share``: (pid, read end of its pipe), or ``None`` if fork failed."""
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return None
    if pid == 0:  # pragma: no cover - runs in the worker, reported through the pipe
        status = 1
        try:
            os.close(read_end)
            payload = pickle.dumps(work(share), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_end, "wb") as out:
                out.write(payload)
            status = 0
        finally:
            os._exit(status)  # never run this process's cleanup (atexit, open stores) twice
    os.close(write_end)
    return pid, read_end


def _collect(worker: tuple[int, int] | None, expected: int | None) -> list[Any] | None:
    """The worker's results (``expected`` of them, if given), or ``None`` if it failed in
    any way."""
    if worker is None:
        return None
    pid, read_end = worker
    with os.fdopen(read_end, "rb") as inp:
        payload = inp.read()  # ends when the worker exits, however it exits
    _pid, status = os.waitpid(pid, 0)
    if status != 0:
        return None
    try:
        results = pickle.loads(payload)
    except Exception:  # noqa: BLE001 - a truncated payload fails in any of unpickling's many ways
        return None
    if not isinstance(results, list) or (expected is not None and len(results) != expected):
        return None
    return results
