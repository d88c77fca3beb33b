"""Rendering many chapters on several cores.

A full build of a large workbook is almost all Markdown rendering, which is pure Python
and holds the GIL, so the chapters are split between this process and forked worker
processes (they inherit the loaded plugins, so starting one costs milliseconds). Only
where forking is safe and pays off: on Linux, with more than one core, with no other
thread running in this process (forking a threaded process can deadlock), and with enough
chapters to render. Everywhere else the chapters are rendered here, one after the other.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from typing import Any

#: fewer chapters than this render faster here than the fork and the transfer cost
MIN_PARALLEL = 48
MAX_WORKERS = 8

Job = tuple[str, str]  # (chapter path, Markdown)

_worker_render: Callable[[list[Job]], list[Any]] | None = None


def _run_in_worker(jobs: list[Job]) -> list[Any]:
    assert _worker_render is not None
    return _worker_render(jobs)


def workers_available(jobs: int) -> int:
    if jobs < MIN_PARALLEL or not sys.platform.startswith("linux") or threading.active_count() > 1:
        return 0
    if os.environ.get("CIMIS_BUILD_WORKERS", "").strip() == "0":
        return 0
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(0, min(cores, MAX_WORKERS) - 1)


def render_many(jobs: list[Job], render: Callable[[list[Job]], list[Any]]) -> list[Any]:
    """``render(jobs)``, with the work shared by forked processes where that pays off;
    results in the order of ``jobs``. ``render`` must return picklable results."""
    global _worker_render
    workers = workers_available(len(jobs))
    if workers == 0:
        return render(jobs)
    import multiprocessing

    parts = workers + 1
    # interleaved slices: chapters differ in size, neighbours in a book less so
    chunks = [jobs[i::parts] for i in range(parts)]
    _worker_render = render
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(workers) as pool:
        pending = [pool.apply_async(_run_in_worker, (chunk,)) for chunk in chunks[1:]]
        results = [render(chunks[0])] + [p.get() for p in pending]
    _worker_render = None
    ordered: list[Any] = [None] * len(jobs)
    for i, chunk_results in enumerate(results):
        ordered[i::parts] = chunk_results
    return ordered
