"""Which web server lets the room join, named by an import string.

The terminal UI switches serving on and off from run mode, but must not import the web
stack (the import-linter contract keeps ``toolkit.tui`` and ``toolkit.web`` independent, so
either can be installed, tested and changed without the other). Both sides agree on this
neutral name instead: :data:`ROOM_SERVER` says where the server class lives, and
:func:`room_server` imports it only when someone switches serving on.

The class is built as ``factory(folder, **options)`` and has ``start()`` (returns what to
tell the room: ``join_url``, ``projector_url``, ``facilitator_url``, ``bind`` and ``room.code``),
``stop()`` and ``running``: :class:`toolkit.web.server.BackgroundServer`.

Which of the machine's addresses the room can reach is checked here too, for both sides
alike: venue Wi-Fi often isolates guests from each other ("client isolation"): the laptop
has an address, but phones cannot reach it. :func:`reachable` opens a TCP connection to the
server on each of the machine's addresses; an address that does not answer from the machine
itself will not answer from a phone either. An address that answers here may still be
blocked between guests, which no check on the laptop can see: the README's fallback (the
laptop's own hotspot) covers that. :func:`reachability_lines` says the result in words.
"""

from __future__ import annotations

import importlib
import ipaddress
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from toolkit.errors import CimisError
from toolkit.i18n import _

#: ``module:attribute`` of the participant server's background runner.
ROOM_SERVER = "toolkit.web.server:BackgroundServer"


def resolve(spec: str) -> Any:
    """The object ``spec`` (``"package.module:attribute"``) names."""
    module_name, _sep, attribute = spec.partition(":")
    if not module_name or not attribute:
        raise CimisError(_("not an import string (module:attribute): {spec}").format(spec=spec))
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise CimisError(_("The participant server is not available: {error}").format(error=exc)) from None
    try:
        return getattr(module, attribute)
    except AttributeError:
        raise CimisError(_("{module} has no {name}").format(module=module_name, name=attribute)) from None


def room_server(spec: str = ROOM_SERVER) -> Callable[..., Any]:
    """The class that serves a workshop folder to the room's phones in the background."""
    return resolve(spec)  # type: ignore[no-any-return]


def probe_port(host: str, port: int) -> None:
    """Raise :class:`OSError` (with its ``strerror``) when ``host``/``port`` cannot be listened
    on (taken, or not this machine's address), so that the command line and the terminal UI
    each say so in their own words before the server's start-up fails with a log line."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind((host, port))


@dataclass(frozen=True)
class Address:
    """One address of the machine and whether the server answered on it."""

    ip: str
    loopback: bool
    answers: bool = False


def local_addresses() -> list[str]:
    """The machine's IPv4 addresses (loopback included), best guess first: the one a
    connection to the outside would use, then the others the host name resolves to."""
    found: list[str] = []
    try:
        # no packet is sent: connect() on UDP only picks the route's source address
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))
            found.append(probe.getsockname()[0])
    except OSError:
        pass
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.append(str(info[4][0]))
    except OSError:
        pass
    try:
        from pathlib import Path

        # Linux lists every local address here; elsewhere the file does not exist
        for line in Path("/proc/net/fib_trie").read_text().splitlines():
            line = line.strip()
            if line.startswith("|-- "):
                candidate = line[4:]
                try:
                    ip = ipaddress.ip_address(candidate)
                except ValueError:
                    continue
                if ip.version == 4 and not ip.is_multicast and not str(ip).endswith((".0", ".255")):
                    found.append(candidate)
    except OSError:
        pass
    found.append("127.0.0.1")
    return list(dict.fromkeys(found))


def reachable(host: str, port: int, timeout: float = 0.5) -> list[Address]:
    """Each candidate address and whether the server answers on it. ``host`` is what the
    server listens on (``0.0.0.0`` for every address)."""
    if host in ("0.0.0.0", "::", ""):
        candidates = local_addresses()
    else:
        candidates = [host]
    out = []
    for ip in candidates:
        try:
            loopback = ipaddress.ip_address(ip).is_loopback
        except ValueError:
            loopback = ip == "localhost"
        answers = False
        try:
            with socket.create_connection((ip, port), timeout=timeout):
                answers = True
        except OSError:
            answers = False
        out.append(Address(ip=ip, loopback=loopback, answers=answers))
    return out


def reachability_lines(addresses: Sequence[Address], port: int) -> tuple[list[str], str, bool]:
    """(one line per address with whether it answers, the advice, whether phones can reach
    any address at all): what ``cimis serve`` prints and the terminal UI shows."""
    lines = [f"http://{a.ip}:{port}  " + (_("answers") if a.answers else _("does not answer")) for a in addresses]
    outside = [a for a in addresses if a.answers and not a.loopback]
    if not outside:
        return lines, _("No address of this computer can be reached from outside: phones cannot join. Connect to "
                        "the venue network or open this laptop's own hotspot (see the README, 'Letting the room "
                        "join')."), False
    return lines, _("If phones cannot open the link, the network keeps guests apart: open this laptop's own "
                    "hotspot instead (see the README, 'Letting the room join')."), True
