"""``cimis store``: move sessions between a workshop folder's ``session.db`` and a shared
PostgreSQL database (push, pull, migrate) and compare the two (status).

Every copy is verified where it lands, by count and checksum
(:mod:`toolkit.session.transfer`), and is idempotent: pushing or pulling again adds
nothing. A PATH is a workshop folder or a programme folder (all its events).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from toolkit.i18n import N_, _


def workshop_folders(paths: tuple[Path, ...]) -> list[Path]:
    """The workshop folders named by ``paths`` (a programme folder stands for its events)."""
    from toolkit.errors import CimisError
    from toolkit.session.backend import EVENTS_FOLDER, PROGRAMME_FILE

    out: list[Path] = []
    for path in paths:
        if (path / "workshop.yaml").is_file():
            out.append(path)
        elif (path / PROGRAMME_FILE).is_file():
            events = path / EVENTS_FOLDER
            out.extend(sorted(p for p in events.iterdir() if (p / "workshop.yaml").is_file())
                       if events.is_dir() else [])
        else:
            raise CimisError(_("{path} is neither a workshop folder (workshop.yaml) nor a programme folder "
                               "(programme.yaml)").format(path=path))
    return out


def database_url(folder: Path, given: str | None) -> str:
    """The PostgreSQL URL to push to or pull from: ``given``, else ``CIMIS_STORE`` when it
    names a database, else the programme file's ``store`` (also on a laptop that works
    locally with ``CIMIS_STORE=sqlite``)."""
    import os

    from toolkit.errors import CimisError
    from toolkit.session.backend import ENV, _programme_fields, programme_file
    from toolkit.session.pgstore import is_postgres_url

    if given:
        if not is_postgres_url(given):
            raise CimisError(_("'{value}' is not a postgresql:// URL").format(value=given))
        return given
    env = os.environ.get(ENV, "").strip()
    if is_postgres_url(env):
        return env
    programme = programme_file(folder)
    store = _programme_fields(programme).get("store") if programme is not None else None
    if isinstance(store, str) and is_postgres_url(store.strip()):
        return store.strip()
    raise CimisError(_("no database for {folder}: give --url, set CIMIS_STORE=postgresql://... or add "
                       "'store:' to the programme file").format(folder=folder))


def _print(report: Any, verb: str) -> None:
    click.echo(_("{workshop}: {events} event(s) {verb} {target}: {added} added, {present} already there").format(
        workshop=report.workshop, events=report.events, verb=_(verb), target=report.target, added=report.added,
        present=report.present))
    if report.verified:
        click.echo("  " + _("verified: all {n} event(s) there, checksum {sum}").format(
            n=report.events, sum=report.checksum[:16]))
    else:
        click.echo("  " + _("NOT verified: {missing} missing, {different} different, checksum {mine} here, "
                            "{theirs} there").format(missing=len(report.missing), different=len(report.different),
                                                    mine=report.checksum[:16], theirs=report.target_checksum[:16]),
                   err=True)


def _run(paths: tuple[Path, ...], url: str | None, direction: str, as_json: bool) -> None:
    from toolkit.cli.output import echo_json
    from toolkit.session.backend import workshop_key
    from toolkit.session.pgstore import PgStore
    from toolkit.session.store import FILENAME, Store
    from toolkit.session.transfer import transfer

    reports = []
    for folder in workshop_folders(paths):
        target_url = database_url(folder, url)
        # pushing names the session (a standalone workshop gets its session.key); pulling
        # needs a name the database knows
        key = workshop_key(folder, create=direction == "push")
        if key is None:
            if not as_json:
                click.echo(_("{workshop}: nothing in the database to pull").format(workshop=folder.name))
            continue
        if direction == "push":
            if not (folder / FILENAME).is_file():
                if not as_json:
                    click.echo(_("{workshop}: no local session to push").format(workshop=key))
                continue
            with Store(folder, readonly=True) as local, PgStore(target_url, key, origin=local.session_id) as remote:
                reports.append(transfer(local, remote, workshop=key, origin=local.session_id))
        else:
            with PgStore(target_url, key, readonly=True) as remote:
                if not remote.session_id:
                    if not as_json:
                        click.echo(_("{workshop}: nothing in the database to pull").format(workshop=key))
                    continue
                with Store(folder) as local:
                    reports.append(transfer(remote, local, workshop=key))
        if not as_json:
            _print(reports[-1], N_("pushed to") if direction == "push" else N_("pulled into"))
    if as_json:
        echo_json([r.as_dict() for r in reports])
    if not all(r.verified for r in reports):
        sys.exit(1)


def _migrate(paths: tuple[Path, ...], to: str, source: str | None, as_json: bool) -> None:
    from toolkit.cli.output import echo_json
    from toolkit.errors import CimisError
    from toolkit.session.backend import SQLITE, open_store, store_url, workshop_key
    from toolkit.session.pgstore import is_postgres_url
    from toolkit.session.transfer import transfer

    if to != SQLITE and not is_postgres_url(to):
        raise CimisError(_("--to must be 'sqlite' or a postgresql:// URL, not '{value}'").format(value=to))
    reports = []
    for folder in workshop_folders(paths):
        origin = source or store_url(folder)
        if origin == to or (origin == SQLITE) == (to == SQLITE):
            raise CimisError(_("{folder}: the session is in {store} already; migrate copies between SQLite and "
                               "PostgreSQL (give --from)").format(folder=folder, store=origin))
        with open_store(folder, readonly=True, url=origin) as old, open_store(folder, url=to) as new:
            reports.append(transfer(old, new, workshop=workshop_key(folder) or folder.name, exact=True,
                                    origin=old.session_id))
        if not as_json:
            _print(reports[-1], N_("copied to"))
    if as_json:
        echo_json([r.as_dict() for r in reports])
    if not all(r.verified for r in reports):
        sys.exit(1)
    if not as_json and reports:
        click.echo(_("the sessions are in {store} now; to work with them there set CIMIS_STORE={store}").format(
            store=to if to == SQLITE else reports[0].target.split("#")[0]))


def _status(paths: tuple[Path, ...], url: str | None, as_json: bool) -> None:
    from toolkit.cli.output import echo_json, table
    from toolkit.session.backend import workshop_key
    from toolkit.session.pgstore import PgStore
    from toolkit.session.store import FILENAME, Store

    rows = []
    for folder in workshop_folders(paths):
        key = workshop_key(folder, create=False)
        local_ids: set[str] = set()
        if (folder / FILENAME).is_file():
            with Store(folder, readonly=True) as local:
                local_ids = {e.client_id for e in local.events()}
        remote_ids: set[str] = set()
        if key is not None:
            with PgStore(database_url(folder, url), key, readonly=True) as remote:
                remote_ids = {e.client_id for e in remote.events()}
        rows.append({"workshop": key or folder.name, "folder": str(folder),
                     "local": len(local_ids), "database": len(remote_ids),
                     "to_push": len(local_ids - remote_ids), "to_pull": len(remote_ids - local_ids)})
    if as_json:
        echo_json(rows)
        return
    table([_("workshop"), _("local"), _("database"), _("to push"), _("to pull")],
          [(r["workshop"], r["local"], r["database"], r["to_push"], r["to_pull"]) for r in rows])


def build() -> click.Group:
    @click.group(name="store", help=_("Push, pull and migrate sessions between session.db and PostgreSQL."))
    def store() -> None:
        pass

    paths_arg = click.argument("paths", nargs=-1, required=True,
                               type=click.Path(exists=True, file_okay=False, path_type=Path))
    json_opt = click.option("--json", "as_json", is_flag=True, help=_("Print JSON."))

    @store.command(help=_("Copy local sessions (session.db) into the database; pushing again adds nothing."))
    @paths_arg
    @click.option("--url", "url", default=None, metavar="URL",
                  help=_("postgresql:// URL (default: CIMIS_STORE or the programme file)."))
    @json_opt
    def push(paths: tuple[Path, ...], url: str | None, as_json: bool) -> None:
        _run(paths, url, "push", as_json)

    @store.command(help=_("Copy the database's sessions into the local session.db; pulling again adds nothing."))
    @paths_arg
    @click.option("--url", "url", default=None, metavar="URL",
                  help=_("postgresql:// URL (default: CIMIS_STORE or the programme file)."))
    @json_opt
    def pull(paths: tuple[Path, ...], url: str | None, as_json: bool) -> None:
        _run(paths, url, "pull", as_json)

    @store.command(help=_("Copy whole sessions from one backend to the other and verify them."))
    @paths_arg
    @click.option("--to", "to", required=True, metavar="sqlite|URL",
                  help=_("Where to: 'sqlite' or a postgresql:// URL."))
    @click.option("--from", "source", default=None, metavar="sqlite|URL",
                  help=_("Where from (default: where the session is now)."))
    @json_opt
    def migrate(paths: tuple[Path, ...], to: str, source: str | None, as_json: bool) -> None:
        _migrate(paths, to, source, as_json)

    @store.command(help=_("Compare local sessions with the database: what is still to push or pull."))
    @paths_arg
    @click.option("--url", "url", default=None, metavar="URL",
                  help=_("postgresql:// URL (default: CIMIS_STORE or the programme file)."))
    @json_opt
    def status(paths: tuple[Path, ...], url: str | None, as_json: bool) -> None:
        _status(paths, url, as_json)

    return store
