"""Find installed plugins (entry points in the ``cimis`` group) without paying for
``importlib.metadata`` on every start.

Importing ``importlib.metadata`` (which brings the ``email`` package, ``zipfile``, ``csv``
and more) and scanning every distribution costs more than all of click, which would make
``cimis --help`` and a first build slow. So the scan reads the installed distributions'
``entry_points.txt`` files itself, as ``importlib.metadata`` would find them: each folder on
``sys.path`` in order, its ``*.dist-info`` and ``*.egg-info`` folders, the first
distribution of a name winning. Only a zip archive on ``sys.path`` (which that module can
read) sends the scan to ``importlib.metadata``. The answer only changes when a package is
installed or removed, which changes the modification time of a folder on ``sys.path``; so
it is also cached under that key and recomputed when it changes.
"""

from __future__ import annotations

import ast
import os
import re
import sys

from toolkit.paths import cache_dir, write_atomic

GROUP = "cimis"
_CACHE_VERSION = 1


class EntryPoint:
    """An installed plugin: entry point name, ``module:attr`` value and its distribution."""

    __slots__ = ("dist", "name", "value", "version")

    def __init__(self, name: str, value: str, dist: str, version: str):
        self.name, self.value, self.dist, self.version = name, value, dist, version

    def as_dict(self) -> dict[str, str]:
        return {"name": self.name, "value": self.value, "dist": self.dist, "version": self.version}

    def load(self):
        import importlib

        module, _, attr = self.value.partition(":")
        obj = importlib.import_module(module.strip())
        for part in filter(None, attr.strip().split(".")):
            obj = getattr(obj, part)
        return obj


def _key() -> list[list[object]]:
    key: list[list[object]] = []
    # sys.path[0] is the script's folder or the working directory, whose mtime changes with
    # every file saved there; distributions are never installed into it
    for entry in sys.path[1:]:
        try:
            key.append([entry, os.stat(entry or ".").st_mtime_ns])
        except OSError:
            key.append([entry, None])
    return key


def _scan() -> list[EntryPoint]:
    found: dict[str, EntryPoint] = {}
    dists: set[str] = set()
    for entry in sys.path:
        folder = entry or "."
        try:
            with os.scandir(folder) as listing:
                infos = sorted(e.name for e in listing if e.name.endswith((".dist-info", ".egg-info")))
        except NotADirectoryError:
            if os.path.isfile(folder):
                return _scan_metadata()  # an archive: only importlib.metadata reads those
            continue
        except OSError:
            continue
        for info in infos:
            dist = _normalise(info.rsplit(".", 1)[0].split("-", 1)[0])
            if dist in dists:
                continue  # an earlier folder on sys.path has this distribution
            dists.add(dist)
            for name, value in _group(os.path.join(folder, info, "entry_points.txt")):
                if name not in found:
                    meta = _metadata(os.path.join(folder, info, "METADATA" if info.endswith(".dist-info")
                                                  else "PKG-INFO"))
                    found[name] = EntryPoint(name, value, meta.get("name", name), meta.get("version", ""))
    return list(found.values())


def _normalise(name: str) -> str:
    """A distribution's name as the packaging rules compare it."""
    return re.sub(r"[-_.]+", "_", name).lower()


def _group(path: str) -> list[tuple[str, str]]:
    """The ``(name, value)`` entry points of the ``cimis`` group in an ``entry_points.txt``."""
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except (OSError, UnicodeDecodeError):
        return []
    found: list[tuple[str, str]] = []
    section = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
        elif section == GROUP and "=" in line:
            name, _, value = line.partition("=")
            found.append((name.strip(), value.strip()))
    return found


def _metadata(path: str) -> dict[str, str]:
    """Name and version from a distribution's metadata headers (they end at the first
    blank line, before the description)."""
    found: dict[str, str] = {}
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            for line in fh:
                if not line.strip():
                    break
                key, sep, value = line.partition(":")
                if sep and key.lower() in ("name", "version") and key.lower() not in found:
                    found[key.lower()] = value.strip()
    except OSError:
        pass
    return found


def _scan_metadata() -> list[EntryPoint]:
    from importlib import metadata

    found: dict[str, EntryPoint] = {}
    for ep in metadata.entry_points(group=GROUP):
        dist = getattr(ep, "dist", None)
        name = dist.metadata["Name"] if dist is not None else ep.name
        version = dist.version if dist is not None else ""
        # the first distribution on sys.path wins, as it does for imports
        found.setdefault(ep.name, EntryPoint(ep.name, ep.value, name, version))
    return list(found.values())


def installed() -> list[EntryPoint]:
    """Every entry point in the ``cimis`` group, from the cache when it is still valid."""
    key = _key()
    path = os.path.join(cache_dir(), "entrypoints.py-literal")
    try:
        with open(path, encoding="utf-8") as fh:
            # a Python literal rather than JSON: ast is already loaded (by inspect), json is not
            cached = ast.literal_eval(fh.read())
        if cached.get("version") == _CACHE_VERSION and cached.get("key") == key:
            return [EntryPoint(**item) for item in cached["plugins"]]
    except (OSError, ValueError, TypeError, KeyError, SyntaxError, MemoryError, RecursionError):
        pass
    plugins = _scan()
    try:
        payload = {"version": _CACHE_VERSION, "key": key, "plugins": [p.as_dict() for p in plugins]}
        write_atomic(path, repr(payload).encode("utf-8"), durable=False)
    except OSError:
        pass  # a read-only cache only costs speed
    return plugins
