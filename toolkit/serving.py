"""Which web server lets the room join, named by an import string.

The terminal UI switches serving on and off from run mode, but must not import the web
stack (the import-linter contract keeps ``toolkit.tui`` and ``toolkit.web`` independent, so
either can be installed, tested and changed without the other). Both sides agree on this
neutral name instead: :data:`ROOM_SERVER` says where the server class lives, and
:func:`room_server` imports it only when someone switches serving on.

The class is built as ``factory(folder, **options)`` and has ``start()`` (returns what to
tell the room: ``join_url``, ``projector_url``, ``facilitator_url``, ``bind`` and ``room.code``),
``stop()`` and ``running``: :class:`toolkit.web.server.BackgroundServer`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
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
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind((host, port))
