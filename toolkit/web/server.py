"""Running the web server: the pieces ``cimis serve`` and the terminal UI share.

:func:`prepare` makes the room, the app and uvicorn's config for a workshop folder (what
address to listen on, which Host names to accept, the join address to show);
:class:`BackgroundServer` runs it in a thread of another program, so that the terminal UI's
run screen can switch serving on and off (``start()`` returns once it listens; ``stop()``
ends it and closes the session store).
"""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from toolkit.web.network import local_addresses
from toolkit.web.room import Room


@dataclass
class Prepared:
    """Everything a running server needs, and what to tell the room."""

    room: Room
    app: Any
    config: Any
    bind: str
    port: int
    public_url: str

    @property
    def join_url(self) -> str:
        return f"{self.public_url}/j/{self.room.code}"

    @property
    def facilitator_url(self) -> str:
        return f"{self.public_url}/f/{self.room.secrets.facilitator}"

    @property
    def projector_url(self) -> str:
        return f"{self.public_url}/projector"


def prepare(folder: Path, *, lan: bool = False, host: str | None = None, port: int = 8300, rate: float = 5.0,
            allow_hosts: tuple[str, ...] = (), own_process: bool = False) -> Prepared:
    """The server for ``folder``; ``own_process`` when nothing else runs in this process
    (``cimis serve``), which lets the live updates keep the garbage collector's pauses short."""
    import uvicorn

    from toolkit.web.app import create_app

    bind = host or ("0.0.0.0" if lan else "127.0.0.1")
    room = Room(folder.resolve(), rate=rate, burst=max(4 * rate, 20.0))
    names = {"127.0.0.1", "localhost", *allow_hosts}
    if bind in ("0.0.0.0", "::"):
        names |= set(local_addresses())
        names |= {socket.gethostname(), socket.gethostname() + ".local"}
    else:
        names.add(bind)
    hosts = {n for name in names for n in (name, f"{name}:{port}")}
    public = "127.0.0.1" if bind in ("127.0.0.1", "localhost") else bind
    if bind in ("0.0.0.0", "::"):
        outside = [a for a in local_addresses() if not a.startswith("127.")]
        public = outside[0] if outside else "127.0.0.1"
    public_url = f"http://{public}:{port}"
    app = create_app(room, hosts=hosts, public_url=public_url, freeze_gc=own_process)
    config = uvicorn.Config(app, host=bind, port=port, log_level="warning", access_log=False, ws="none",
                            lifespan="on", proxy_headers=False, server_header=False, timeout_keep_alive=30)
    return Prepared(room=room, app=app, config=config, bind=bind, port=port, public_url=public_url)


class BackgroundServer:
    """The web server in a thread of the calling program."""

    def __init__(self, folder: Path, **options: Any):
        self.folder = Path(folder)
        self.options = options
        self.prepared: Prepared | None = None
        self._server: Any = None
        self._thread: threading.Thread | None = None

    def start(self, timeout: float = 15.0) -> Prepared:
        import uvicorn

        prepared = prepare(self.folder, **self.options)
        # uvicorn installs signal handlers only in the main thread: the hosting program
        # keeps its own
        server = uvicorn.Server(prepared.config)
        thread = threading.Thread(target=server.run, name="cimis-serve", daemon=True)
        thread.start()
        deadline = time.monotonic() + timeout
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                prepared.room.close()
                raise OSError(f"the web server did not start on {prepared.bind}:{prepared.port}")
            time.sleep(0.02)
        self.prepared, self._server, self._thread = prepared, server, thread
        return prepared

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def stop(self, timeout: float = 10.0) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout)
        if self.prepared is not None:
            self.prepared.room.close()
        self._server = self._thread = self.prepared = None
