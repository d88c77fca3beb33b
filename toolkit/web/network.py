"""Which addresses the room can reach, and whether the open-files limit suffices.

Venue Wi-Fi often isolates guests from each other ("client isolation"): the laptop has an
address, but phones cannot reach it. :func:`reachable` opens a TCP connection to the
server on each of the machine's addresses; an address that does not answer from the
machine itself will not answer from a phone either. An address that answers here may still
be blocked between guests, which no check on the laptop can see: the README's fallback (the
laptop's own hotspot) covers that.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass


@dataclass(frozen=True)
class Address:
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


def open_files_limit() -> tuple[int, int] | None:
    """(soft, hard) limit of open files, or None where the platform has none."""
    try:
        import resource
    except ImportError:
        return None
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    return int(soft), int(hard)


def files_needed(participants: int) -> int:
    """Each participant holds a stream and now and then a second connection; the server
    itself needs some files (database, journal, log, listening socket)."""
    return 2 * participants + 64


def raise_open_files(wanted: int) -> int | None:
    """Raise the soft limit towards ``wanted`` (at most the hard limit); the new soft limit."""
    try:
        import resource
    except ImportError:
        return None
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft >= wanted:
        return soft
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
    except (ValueError, OSError):
        return soft
    return target
