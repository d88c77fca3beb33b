"""Where cimis keeps its cache and reads its user configuration.

``CIMIS_CACHE_DIR`` and ``CIMIS_CONFIG`` override the platform's usual locations (tests
use them to stay out of the real home directory).
"""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """Folder for caches that can be deleted at any time."""
    explicit = os.environ.get("CIMIS_CACHE_DIR")
    if explicit:
        return Path(explicit)
    import platformdirs

    return Path(platformdirs.user_cache_dir("cimis", appauthor=False))


def config_file() -> Path:
    """The user's configuration file (TOML)."""
    explicit = os.environ.get("CIMIS_CONFIG")
    if explicit:
        return Path(explicit)
    import platformdirs

    return Path(platformdirs.user_config_dir("cimis", appauthor=False)) / "config.toml"


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old or the new file, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
