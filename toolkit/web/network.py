"""Whether the open-files limit suffices for the room, and (from :mod:`toolkit.serving`,
which the terminal UI shares) which addresses the room can reach.

:func:`reachable`, :func:`local_addresses` and :class:`Address` live in the neutral
:mod:`toolkit.serving`, so that ``cimis serve`` and the terminal UI's serving screen check
reachability with the same function; they are named here too for the web package's users.
"""

from __future__ import annotations

from toolkit.serving import Address, local_addresses, reachable

__all__ = ["Address", "files_needed", "local_addresses", "open_files_limit", "raise_open_files", "reachable"]



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
