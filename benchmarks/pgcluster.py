"""A throw-away PostgreSQL server for the tests and benchmarks: ``initdb`` into a temporary
folder, ``pg_ctl start`` on a free port of 127.0.0.1 with its socket in that folder, and
``pg_ctl -m immediate stop`` at the end, so that no server outlives its user.

The server refuses to run as root; as root it runs as the ``postgres`` user the Debian
package creates (``runuser``), with the folder handed to that user.

``Cluster.start(folder)`` returns a running cluster (``.url``) or raises
:class:`Unavailable` with the reason (no PostgreSQL installed, no unprivileged user).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

SEARCH = ("/usr/lib/postgresql/*/bin", "/usr/local/pgsql/bin", "/usr/pgsql-*/bin")


class Unavailable(Exception):
    """PostgreSQL cannot be started here (the message says why)."""


def server_bin() -> Path | None:
    """The folder holding ``initdb`` and ``pg_ctl`` (newest version first), or ``None``."""
    found = shutil.which("pg_ctl")
    if found and (Path(found).resolve().parent / "initdb").exists():
        return Path(found).resolve().parent  # a link on PATH stands for the real folder
    for pattern in SEARCH:
        for folder in sorted(glob.glob(pattern), reverse=True):
            if (Path(folder) / "initdb").exists():
                return Path(folder)
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Cluster:
    def __init__(self, folder: Path, port: int, bindir: Path, user: str | None):
        self.folder = folder
        self.port = port
        self.bindir = bindir
        self.user = user

    @property
    def data(self) -> Path:
        return self.folder / "data"

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def database(self, name: str) -> str:
        """A new, empty database; its URL."""
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql://postgres@127.0.0.1:{self.port}/{name}"

    def _run(self, tool: str, *args: str) -> subprocess.CompletedProcess[str]:
        cmd = [str(self.bindir / tool), *args]
        if self.user:
            cmd = ["runuser", "-u", self.user, "--", *cmd]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        if done.returncode:
            raise Unavailable(f"{tool} failed: {done.stderr.strip() or done.stdout.strip()}")
        return done

    @classmethod
    def start(cls, folder: Path) -> Cluster:
        bindir = server_bin()
        if bindir is None:
            raise Unavailable("PostgreSQL is not installed (apt-get install postgresql)")
        user: str | None = None
        if os.geteuid() == 0:
            import pwd

            try:
                entry = pwd.getpwnam("postgres")
            except KeyError:
                raise Unavailable("running as root and there is no 'postgres' user to run the server") from None
            user = "postgres"
            folder.mkdir(parents=True, exist_ok=True)
            os.chown(folder, entry.pw_uid, entry.pw_gid)
            if not os.access(folder.parent, os.X_OK, effective_ids=False) or folder.parent.stat().st_mode & 0o001 == 0:
                raise Unavailable(f"the postgres user cannot reach {folder}; use a folder in /tmp (Cluster.temporary)")
        cluster = cls(folder, free_port(), bindir, user)
        cluster._run("initdb", "-D", str(cluster.data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                     "--no-locale", "--no-sync")
        options = f"-p {cluster.port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=60"
        cluster._run("pg_ctl", "-D", str(cluster.data), "-l", str(folder / "log"), "-o", options, "-w", "-t", "60",
                     "start")
        return cluster

    @classmethod
    def temporary(cls) -> Cluster:
        """A cluster in a new folder of the system's temporary directory (removed by
        :meth:`stop`). Not under pytest's ``tmp_path``: pytest makes its base folder private
        (mode 700) at every start, which would lock the ``postgres`` user out mid-run."""
        folder = Path(tempfile.mkdtemp(prefix="cimis-pg-"))
        try:
            cluster = cls.start(folder)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        cluster.owned = True
        return cluster

    owned = False

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        except (Unavailable, subprocess.TimeoutExpired):
            pass
        if self.owned:
            shutil.rmtree(self.folder, ignore_errors=True)
