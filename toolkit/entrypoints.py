"""Find installed plugins (entry points in the ``cimis`` group) without paying for
``importlib.metadata`` on every start.

Importing ``importlib.metadata`` and scanning every distribution costs more than all of
click, which would make ``cimis --help`` slow. The scan's answer only changes when a
package is installed or removed, which changes the modification time of a folder on
``sys.path``; so the answer is cached under that key and recomputed when it changes.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import asdict, dataclass

from toolkit.paths import cache_dir, write_atomic

GROUP = "cimis"
_CACHE_VERSION = 1


@dataclass(frozen=True)
class EntryPoint:
    """An installed plugin: entry point name, ``module:attr`` value and its distribution."""

    name: str
    value: str
    dist: str
    version: str

    def load(self):
        import importlib

        module, _, attr = self.value.partition(":")
        obj = importlib.import_module(module.strip())
        for part in filter(None, attr.strip().split(".")):
            obj = getattr(obj, part)
        return obj


def _key() -> list[list[object]]:
    key: list[list[object]] = []
    for entry in sys.path:
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
    path = cache_dir() / "entrypoints.json"
    try:
        cached = json.loads(path.read_text("utf-8"))
        if cached.get("version") == _CACHE_VERSION and cached.get("key") == key:
            return [EntryPoint(**item) for item in cached["plugins"]]
    except (OSError, ValueError, TypeError, KeyError):
        pass
    plugins = _scan()
    try:
        payload = {"version": _CACHE_VERSION, "key": key, "plugins": [asdict(p) for p in plugins]}
        write_atomic(path, json.dumps(payload).encode("utf-8"))
    except OSError:
        pass  # a read-only cache only costs speed
    return plugins
