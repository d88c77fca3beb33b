"""Find installed plugins (entry points in the ``cimis`` group) without paying for
``importlib.metadata`` on every start.

Importing ``importlib.metadata`` and scanning every distribution costs more than all of
click, which would make ``cimis --help`` slow. The scan's answer only changes when a
package is installed or removed, which changes the modification time of a folder on
``sys.path``; so the answer is cached under that key and recomputed when it changes.
"""

from __future__ import annotations

import ast
import os
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
