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
programme folder. A workshop outside a programme gets a key the first time it is written
to a database: its folder's name and a random suffix, kept in the file ``session.key`` in
the folder, so that a copy of the folder (on a second laptop) names the same session and
two unrelated workshops called "kickoff" never share one.
"""

from __future__ import annotations

import os
import re
import uuid
from pathlib import Path
from typing import Any

from toolkit.errors import CimisError
from toolkit.i18n import _
from toolkit.session.store import FILENAME, SessionStore, Store

ENV = "CIMIS_STORE"
SQLITE = "sqlite"
PROGRAMME_FILE = "programme.yaml"
EVENTS_FOLDER = "events"
KEY_FILE = "session.key"
_KEY_PART = re.compile(r"[^A-Za-z0-9._-]+")


def programme_file(folder: Path | str) -> Path | None:
    """The ``programme.yaml`` of the programme that ``folder`` (a workshop) is an event of."""
    folder = Path(folder).resolve()
    if folder.parent.name != EVENTS_FOLDER:
        return None
    candidate = folder.parent.parent / PROGRAMME_FILE
    return candidate if candidate.is_file() else None


def _programme_fields(path: Path) -> dict[str, Any]:
    """The top-level fields of a programme file (``id`` and ``store`` are read here; the
    programme package validates the file)."""
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        raise CimisError(_("cannot read {path}: {error}").format(path=path, error=exc)) from None
    return data if isinstance(data, dict) else {}


def workshop_key(folder: Path | str, *, create: bool = True) -> str | None:
    """``<programme id>/<event id>`` for an event of a programme, else the key in the
    folder's ``session.key`` (made when ``create``; ``None`` when there is none)."""
    folder = Path(folder).resolve()
    programme = programme_file(folder)
    if programme is not None:
        ident = _programme_fields(programme).get("id")
        base = str(ident) if isinstance(ident, str) and ident.strip() else programme.parent.name
        return f"{_KEY_PART.sub('-', base)}/{_KEY_PART.sub('-', folder.name)}"
    path = folder / KEY_FILE
    try:
        key = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        key = ""
    except (OSError, UnicodeDecodeError) as exc:
        raise CimisError(_("cannot read {path}: {error}").format(path=path, error=exc)) from None
    if key:
        if len(key) > 200 or "\n" in key:
            raise CimisError(_("{path}: a session key is one line of at most 200 characters").format(path=path))
        return key
    if not create:
        return None
    from toolkit.paths import write_atomic

    key = f"{_KEY_PART.sub('-', folder.name)}-{uuid.uuid4().hex[:12]}"
    # written beside and linked into place: link fails when a second process made the file
    # first, and then both use that one
    tmp = folder / f".{KEY_FILE}.{uuid.uuid4().hex}"
    write_atomic(tmp, (key + "\n").encode("utf-8"))
    try:
        os.link(tmp, path)
    except FileExistsError:
        return workshop_key(folder, create=False)
    except OSError:
        # a file system without hard links (a FAT stick): create it exclusively instead
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            return workshop_key(folder, create=False)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(key + "\n")
            fh.flush()
            os.fsync(fh.fileno())
    finally:
        tmp.unlink(missing_ok=True)
    return key


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

    key = workshop_key(folder, create=not readonly)
    # a workshop never written to a database reads as an empty session there
    return PgStore(target, key or f"unwritten/{uuid.uuid4().hex}", readonly=readonly, origin=origin)


def has_session(folder: Path | str) -> bool:
    """Whether the workshop in ``folder`` has a session log with events in its store."""
    url = store_url(folder)
    if url == SQLITE:
        return (Path(folder) / FILENAME).is_file()
    from toolkit.session.pgstore import PgStore

    key = workshop_key(folder, create=False)
    if key is None:
        return False
    with PgStore(url, key, readonly=True) as store:
        return store.has_events()
