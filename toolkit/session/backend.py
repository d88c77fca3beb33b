"""Which store holds a workshop's session, and opening it.

Provides :func:`open_store` (the :class:`toolkit.session.store.SessionStore` of a workshop
folder), :func:`store_url` (where that is: ``sqlite`` or a ``postgresql://`` URL),
:func:`workshop_key` (the name of the workshop's session in a shared database),
:func:`programme_file` and :func:`has_session`.

The choice, first match wins: the ``CIMIS_STORE`` environment variable (``sqlite`` forces
the local file, e.g. on a laptop without network; ``postgresql://...`` a database), then
``store:`` in the ``programme.yaml`` of the programme the workshop belongs to, then the
embedded default, ``session.db`` in the workshop folder.

A workshop of a programme lives in ``PROGRAMME/events/EVENT/``; its key in a shared
database is ``<programme id>/<event id>``, the same on every machine that has the
programme folder. A workshop outside a programme is keyed by its folder's name.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from toolkit.errors import CimisError
from toolkit.i18n import _
from toolkit.session.store import FILENAME, SessionStore, Store

ENV = "CIMIS_STORE"
SQLITE = "sqlite"
PROGRAMME_FILE = "programme.yaml"
EVENTS_FOLDER = "events"
_KEY_PART = re.compile(r"[^A-Za-z0-9._-]+")


def programme_file(folder: Path | str) -> Path | None:
    """The ``programme.yaml`` of the programme that ``folder`` (a workshop) is an event of."""
    folder = Path(folder).resolve()
    if folder.parent.name != EVENTS_FOLDER:
        return None
    candidate = folder.parent.parent / PROGRAMME_FILE
    return candidate if candidate.is_file() else None


def _programme_fields(path: Path) -> dict[str, Any]:
    # only two top-level keys are needed here; the programme package validates the file
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        raise CimisError(_("cannot read {path}: {error}").format(path=path, error=exc)) from None
    return data if isinstance(data, dict) else {}


def workshop_key(folder: Path | str) -> str:
    """``<programme id>/<event id>`` for an event of a programme, else the folder's name."""
    folder = Path(folder).resolve()
    programme = programme_file(folder)
    if programme is not None:
        ident = _programme_fields(programme).get("id")
        base = str(ident) if isinstance(ident, str) and ident.strip() else programme.parent.name
        return f"{_KEY_PART.sub('-', base)}/{_KEY_PART.sub('-', folder.name)}"
    return _KEY_PART.sub("-", folder.name)


def store_url(folder: Path | str) -> str:
    """``sqlite`` or the ``postgresql://`` URL of the store that holds the workshop's session."""
    from toolkit.session.pgstore import is_postgres_url

    value = os.environ.get(ENV, "").strip()
    source = ENV
    if not value:
        programme = programme_file(folder)
        store = _programme_fields(programme).get("store") if programme is not None else None
        if store is None:
            return SQLITE
        value, source = str(store).strip(), str(programme)
    if value.lower() == SQLITE or is_postgres_url(value):
        return SQLITE if value.lower() == SQLITE else value
    raise CimisError(_("{source}: the store must be 'sqlite' or a postgresql:// URL, not '{value}'").format(
        source=source, value=value))


def open_store(folder: Path | str, *, readonly: bool = False, url: str | None = None,
               origin: str = "") -> SessionStore:
    """The session store of the workshop in ``folder``: ``url`` if given, else as
    :func:`store_url` chooses."""
    folder = Path(folder)
    if not folder.is_dir():
        raise CimisError(_("workshop folder does not exist: {path}").format(path=folder))
    target = url or store_url(folder)
    if target == SQLITE:
        return Store(folder, readonly=readonly)
    from toolkit.session.pgstore import PgStore

    return PgStore(target, workshop_key(folder), readonly=readonly, origin=origin)


def has_session(folder: Path | str) -> bool:
    """Whether the workshop in ``folder`` has a session log with events in its store."""
    url = store_url(folder)
    if url == SQLITE:
        return (Path(folder) / FILENAME).is_file()
    from toolkit.session.pgstore import PgStore

    with PgStore(url, workshop_key(folder), readonly=True) as store:
        return store.has_events()
