"""The single writer of ``cimis serve``: submissions that arrive while a commit runs are
committed together in the next one (a group commit).

A burst of 500 votes within a second would otherwise be 500 transactions, each waiting for
its own flush to disk, one after the other; gathered, the burst takes a handful of flushes.
Each submission is answered only after the transaction that holds it committed
(:meth:`toolkit.web.room.Room.submit_many`), so "saved" still means on disk. One writer
task runs at a time; the commit itself runs in a worker thread, so the event loop keeps
serving pages and live streams meanwhile.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from typing import Any

import anyio.to_thread

#: most submissions one transaction takes (the rest go into the next)
MAX_BATCH = 256


class GroupWriter:
    """Gathers jobs and hands them to ``commit`` (which runs in a worker thread and returns
    one outcome per job, in order) in batches."""

    def __init__(self, commit: Callable[[Sequence[Any]], Sequence[Any]], max_batch: int = MAX_BATCH):
        self.commit = commit
        self.max_batch = max_batch
        self._queue: list[tuple[Any, asyncio.Future[Any]]] = []
        self._task: asyncio.Task[None] | None = None
        #: how many transactions and jobs went through (for tests and the benchmark)
        self.batches = 0
        self.jobs = 0

    async def submit(self, job: Any) -> Any:
        """The outcome of ``job`` once the transaction holding it has committed."""
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self._queue.append((job, future))
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._drain())
        # shield: a phone that hangs up does not cancel the commit of what others sent
        return await asyncio.shield(future)

    async def _drain(self) -> None:
        while self._queue:
            batch, self._queue = self._queue[:self.max_batch], self._queue[self.max_batch:]
            jobs = [job for job, _future in batch]
            try:
                outcomes = await anyio.to_thread.run_sync(self.commit, jobs)
            except Exception as exc:  # noqa: BLE001 - every waiting submission learns of it
                for _job, future in batch:
                    if not future.done():
                        future.set_exception(exc)
                continue
            self.batches += 1
            self.jobs += len(batch)
            for (_job, future), outcome in zip(batch, outcomes):
                if not future.done():
                    future.set_result(outcome)
