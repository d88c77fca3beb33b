"""Live updates: one server-sent-event stream per page, a bounded queue per client.

Every page opens exactly one stream (``/api/stream/<channel>``): browsers allow only six
HTTP/1.1 connections per host, so a facilitator with the projector and the facilitator page
open in two tabs must not starve either. The hub rebuilds a channel's snapshot once per
change (coalescing bursts: at most one rebuild per ``interval``), encodes it once, and
offers the same bytes to every client of that channel and language.

A client's queue holds at most :data:`QUEUE_SIZE` messages. Each message is a complete
snapshot, so when a stalled client's queue is full the oldest message is dropped: a slow
phone gets the latest state when it catches up, and the server never holds more than a few
messages per client.

In a process of its own (``cimis serve``; ``freeze_gc=True``) the hub also keeps the
garbage collector's pauses short: a session's state is many long-lived objects (10,000 cards
are some 300,000), and a full collection scanning them all stops every thread for a fifth of
a second, long enough to delay submissions and projector updates. Every
:data:`FREEZE_SECONDS` the hub collects once and freezes what survived (:func:`gc.freeze`),
so that later collections scan only what is new. The price: an object alive at a freeze that
later becomes part of an unreachable cycle is never freed (requests in flight at that
moment, a few kilobytes); inside another program (the terminal UI, whose screens come and
go) that price would grow, so there the hub leaves the collector alone.

Changes come from this server's own submissions (:meth:`Hub.changed`, callable from any
thread) and from other processes writing the same session (the terminal UI): the hub polls
the store every ``poll`` seconds for those.
"""

from __future__ import annotations

import asyncio
import gc
import json
import logging
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any

import anyio.to_thread

QUEUE_SIZE = 4
#: after a rebuild of the snapshots, the hub rests this many times as long as it took
REST_FACTOR = 2.0
#: seconds between two collect-and-freeze passes of the garbage collector
FREEZE_SECONDS = 20.0
HEARTBEAT_SECONDS = 15.0
#: fields that change with every rebuild without changing what a page shows (the timer
#: counts down on the page itself): a snapshot that differs only in these is not pushed
VOLATILE = ("remaining",)


@dataclass(eq=False)
class Client:
    """One open stream: its channel, language and bounded queue."""

    channel: str
    lang: str
    queue: asyncio.Queue[bytes] = field(default_factory=lambda: asyncio.Queue(QUEUE_SIZE))
    dropped: int = 0

    def offer(self, message: bytes) -> None:
        if self.queue.full():
            try:
                self.queue.get_nowait()
                self.dropped += 1
            except asyncio.QueueEmpty:
                pass
        self.queue.put_nowait(message)


def encode(data: dict[str, Any]) -> bytes:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f"event: state\ndata: {text}\n\n".encode()


class Hub:
    """Pushes snapshots built by ``views[channel](lang)`` to the clients of each channel."""

    def __init__(self, views: dict[str, Callable[[str], dict[str, Any]]], refresh: Callable[[], bool],
                 *, interval: float = 0.05, poll: float = 0.25, freeze_gc: bool = False):
        self.views = views
        self.refresh = refresh
        self.interval = interval
        self.poll = poll
        self.freeze_gc = freeze_gc
        self.clients: set[Client] = set()
        self._last: dict[tuple[str, str], str] = {}
        self._wake: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._task: asyncio.Task[None] | None = None
        self.pushes = 0

    # -- lifecycle -----------------------------------------------------------------------

    async def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._wake = asyncio.Event()
        self._task = asyncio.create_task(self._run())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except (asyncio.CancelledError, Exception):  # noqa: BLE001 - shutting down
                pass

    def changed(self) -> None:
        """Something was committed: rebuild and push soon (any thread)."""
        loop, wake = self._loop, self._wake
        if loop is None or wake is None:
            return
        try:
            loop.call_soon_threadsafe(wake.set)
        except RuntimeError:
            pass  # the loop is closing

    # -- clients -------------------------------------------------------------------------

    async def snapshot(self, channel: str, lang: str) -> bytes:
        data = await anyio.to_thread.run_sync(self.views[channel], lang)
        return encode(data)

    async def stream(self, channel: str, lang: str) -> AsyncIterator[bytes]:
        """The stream of one page: the current snapshot, then every change."""
        client = Client(channel, lang)
        self.clients.add(client)
        try:
            yield b"retry: 2000\n\n" + await self.snapshot(channel, lang)
            while True:
                try:
                    message = await asyncio.wait_for(client.queue.get(), HEARTBEAT_SECONDS)
                except TimeoutError:
                    message = b": keep-alive\n\n"
                yield message
        finally:
            self.clients.discard(client)

    # -- the loop ------------------------------------------------------------------------

    async def _run(self) -> None:
        assert self._wake is not None
        tidy_at = time.monotonic()  # at once: what the start-up read from the log
        while True:
            if self.freeze_gc and time.monotonic() >= tidy_at:
                _collect_and_freeze()
                tidy_at = time.monotonic() + FREEZE_SECONDS
            try:
                await asyncio.wait_for(self._wake.wait(), self.poll)
                local = True
            except TimeoutError:
                local = False
            self._wake.clear()
            began = time.monotonic()
            try:
                changed = await anyio.to_thread.run_sync(self.refresh)
                if local or changed:
                    await self.push()
            except asyncio.CancelledError:
                raise
            except Exception:
                logging.getLogger("cimis.serve").exception("live update failed")
            # rebuilding a large step's result takes time: wait at least twice as long as
            # the rebuild took, so that live updates never take more than a third of the
            # machine and submissions keep their share (a rebuild of 10,000 cards takes
            # ~50 ms: the projector still shows a change within a fraction of a second)
            await asyncio.sleep(max(self.interval, REST_FACTOR * (time.monotonic() - began)))

    async def push(self) -> None:
        """Rebuild each channel's snapshot and offer it to its clients, unless it shows
        nothing new (a participant's page does not change with every card written)."""
        wanted = {(c.channel, c.lang) for c in self.clients}
        messages = {}
        for channel, lang in wanted:
            data = await anyio.to_thread.run_sync(self.views[channel], lang)
            signature = json.dumps({k: v for k, v in data.items() if k not in VOLATILE}, sort_keys=True,
                                   ensure_ascii=False)
            if self._last.get((channel, lang)) == signature:
                continue
            self._last[(channel, lang)] = signature
            messages[(channel, lang)] = encode(data)
        if not messages:
            return
        for client in list(self.clients):
            message = messages.get((client.channel, client.lang))
            if message is not None:
                client.offer(message)
        self.pushes += 1


def _collect_and_freeze() -> None:
    """Collect what is garbage now, then move every surviving object out of the collector's
    sight (see the module's docstring); each pass scans only what came since the last."""
    gc.collect()
    gc.freeze()
