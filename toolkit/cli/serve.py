"""``cimis serve DIR``: let the room join the workshop's session from its phones.

Starts the web server (Starlette on uvicorn) for the session in DIR, prints the join
address, the join code, a QR code and the facilitator's link, checks which of the
machine's addresses answer, and checks the open-files limit against the participants
expected. Listens on 127.0.0.1 unless ``--lan`` (every address) or ``--host`` is given.
"""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

import click

from toolkit.i18n import _

if TYPE_CHECKING:  # the web stack is imported only when serving (cimis --help stays fast)
    from toolkit.web.room import Room


def build() -> click.Command:
    @click.command(name="serve", short_help=_("Let the room join from its phones."),
                   help=_("Serve the workshop in DIR to the phones in the room: participant pages, a browser "
                          "projector and a facilitator page. Listens only on this computer unless --lan or "
                          "--host is given."))
    @click.argument("folder", metavar="DIR", type=click.Path(path_type=Path, file_okay=False, exists=True))
    @click.option("--lan", is_flag=True, help=_("Listen on every network address, so that phones can join."))
    @click.option("--host", default=None, help=_("Listen on this address only."))
    @click.option("--port", default=8300, show_default=True, type=click.IntRange(1, 65535),
                  help=_("Port to listen on."))
    @click.option("--participants", default=100, show_default=True, type=click.IntRange(1, 100_000),
                  help=_("How many people are expected (to check the open-files limit)."))
    @click.option("--allow-host", "allow_hosts", multiple=True,
                  help=_("A further host name the pages may be opened under (repeatable)."))
    @click.option("--rate", default=5.0, show_default=True, type=click.FloatRange(0.1, 10_000),
                  help=_("Submissions per second one device may send (bursts of four times as many)."))
    def serve(folder: Path, lan: bool, host: str | None, port: int, participants: int,
              allow_hosts: tuple[str, ...], rate: float) -> None:
        run(folder, lan=lan, host=host, port=port, participants=participants, allow_hosts=allow_hosts, rate=rate)

    return serve


def run(folder: Path, *, lan: bool, host: str | None, port: int, participants: int,
        allow_hosts: tuple[str, ...] = (), rate: float = 5.0) -> None:
    if not (folder / "workshop.yaml").is_file():
        raise click.ClickException(_("There is no workshop.yaml in {path}.").format(path=folder))
    try:
        import uvicorn

        from toolkit.web.network import files_needed, open_files_limit, raise_open_files
        from toolkit.web.server import prepare
    except ImportError as exc:  # pragma: no cover - an install without the web stack
        raise click.ClickException(_("cimis serve needs the web stack: {error}").format(error=exc)) from None

    bind = host or ("0.0.0.0" if lan else "127.0.0.1")
    _check_port(bind, port)
    needed = files_needed(participants)
    limit = open_files_limit()
    if limit is not None and limit[0] < needed:
        raised = raise_open_files(needed)
        if raised is None or raised < needed:
            click.echo(_("Warning: the open-files limit is {limit}, but {count} participants need about {needed}. "
                         "Raise it with 'ulimit -n {needed}' before starting cimis serve.").format(
                limit=raised or limit[0], count=participants, needed=needed), err=True)
        else:
            click.echo(_("Raised the open-files limit to {limit} for {count} participants.").format(
                limit=raised, count=participants))

    # the live updates rebuild results in a worker thread; a shorter switch interval hands
    # the interpreter back to the event loop sooner, so that a phone's submission is not kept
    # waiting 5 ms at each step by a rebuild of a large step
    sys.setswitchinterval(0.001)
    prepared = prepare(folder, lan=lan, host=host, port=port, rate=rate, allow_hosts=allow_hosts, own_process=True)
    room, public_url = prepared.room, prepared.public_url
    server = uvicorn.Server(prepared.config)

    def announce() -> None:
        while not server.started and not server.should_exit:
            time.sleep(0.05)
        if server.should_exit:
            return
        show(room, public_url, bind, port)

    threading.Thread(target=announce, daemon=True).start()
    try:
        server.run()
    finally:
        room.close()


def _check_port(host: str, port: int) -> None:
    """A clear message instead of the server's log line when the port is taken or the
    address is not this machine's."""
    from toolkit.serving import probe_port

    try:
        probe_port(host, port)
    except OSError as exc:
        raise click.ClickException(_("Cannot listen on {host} port {port}: {error}. Choose another port with "
                                     "--port, or another address.").format(host=host, port=port,
                                                                            error=exc.strerror or exc)) from None


def show(room: Room, public_url: str, bind: str, port: int) -> None:
    import segno

    from toolkit.serving import reachability_lines, reachable

    code = room.code
    secrets = room.secrets
    join = f"{public_url}/j/{code}"
    out = sys.stdout
    click.echo(_("Join at {url} with the code {code}").format(url=public_url, code=code))
    try:
        segno.make(join, error="m").terminal(out=out, compact=True)
    except Exception:  # noqa: BLE001 - a terminal without the block characters still has the link
        pass
    click.echo(_("Projector: {url}").format(url=f"{public_url}/projector"))
    click.echo(_("Facilitator (keep this link to yourself): {url}").format(url=f"{public_url}/f/{secrets.facilitator}"))
    addresses = reachable(bind, port)
    lines, advice, outside = reachability_lines(addresses, port)
    for line in lines:
        click.echo(f"  {line}")
    if bind in ("127.0.0.1", "localhost"):
        click.echo(_("Only this computer can open these pages. Start with --lan so that phones in the room can join."))
    else:
        click.echo(advice, err=not outside)
