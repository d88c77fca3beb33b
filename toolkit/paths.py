"""Where cimis keeps its cache and reads its user configuration.

``CIMIS_CACHE_DIR`` and ``CIMIS_CONFIG`` override the platform's usual locations (tests
use them to stay out of the real home directory). Paths are plain strings because this
module is on every start-up path, where even ``pathlib`` costs measurable time.
"""

from __future__ import annotations

import os
import sys


def _user_dir(kind: str) -> str:
    """The platform's per-user cache or config folder for cimis.

    On Linux and other XDG systems this is the XDG base directory, computed here because
    importing platformdirs costs more than all of click; elsewhere platformdirs decides.
    """
    if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        var, default = {"cache": ("XDG_CACHE_HOME", ".cache"), "config": ("XDG_CONFIG_HOME", ".config")}[kind]
        base = os.environ.get(var, "").strip()
        if not os.path.isabs(base):  # the spec says relative values are invalid
            base = os.path.join(os.path.expanduser("~"), default)
        return os.path.join(base, "cimis")
    import platformdirs

    finder = platformdirs.user_cache_dir if kind == "cache" else platformdirs.user_config_dir
    return finder("cimis", appauthor=False)


def cache_dir() -> str:
    """Folder for caches that can be deleted at any time."""
    return os.environ.get("CIMIS_CACHE_DIR") or _user_dir("cache")


def config_file() -> str:
    """The user's configuration file (TOML)."""
    return os.environ.get("CIMIS_CONFIG") or os.path.join(_user_dir("config"), "config.toml")


def write_atomic(path: str | os.PathLike[str], data: bytes, durable: bool = True) -> None:
    """Write ``data`` to ``path`` so that readers see the old or the new file, never half.

    ``durable=False`` skips the flush to disk, for caches: after a crash they may be lost,
    which only costs time, but never half-written.
    """
    path = os.fspath(path)
    folder = os.path.dirname(path) or "."
    os.makedirs(folder, exist_ok=True)
    tmp = os.path.join(folder, f".{os.path.basename(path)}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
