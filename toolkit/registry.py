"""What the plugins registered, gathered once per process: capture kinds, method card
sources, exporters and the method library.

Each collection is built the first time it is asked for, so a command pays only for what
it uses.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from toolkit.i18n import _, get_language

if TYPE_CHECKING:  # pragma: no cover
    from toolkit.capture.base import CaptureKind
    from toolkit.cards.library import Library


@cache
def capture_kinds() -> dict[str, "CaptureKind"]:
    """Every registered capture kind by name; a second kind with a taken name is reported."""
    from toolkit.plugins import get_host

    host = get_host()
    kinds: dict[str, Any] = {}
    owners: dict[str, str] = {}
    for plugin, kind in host.collect("register_capture_kinds"):
        name = getattr(kind, "name", None)
        if not isinstance(name, str) or not name:
            host.fail(plugin, "register_capture_kinds", TypeError(_("a capture kind needs a 'name'")))
            continue
        if name in kinds:
            host.fail(plugin, "register_capture_kinds", ValueError(
                _("capture kind '{name}' is already registered by '{owner}'").format(name=name, owner=owners[name])))
            continue
        kinds[name] = kind
        owners[name] = plugin
    return kinds


@cache
def method_sources() -> list[tuple[str, Path]]:
    """``(plugin name, path)`` for every folder or file of cards a plugin registered."""
    from toolkit.plugins import get_host

    return [(plugin, Path(path)) for plugin, path in get_host().collect("register_methods")]


@cache
def exporters() -> dict[str, Any]:
    from toolkit.plugins import get_host

    found: dict[str, Any] = {}
    for _plugin, exporter in get_host().collect("register_exporters"):
        found.setdefault(exporter.name, exporter)
    return found


def _cache_key() -> str:
    """What a cached card's validity depends on besides the file: which plugins (hence which
    capture kinds) are loaded, in which version, and the language of the messages."""
    from toolkit.cards.cache import CardCache
    from toolkit.plugins import get_host

    parts = [f"{info.name}@{info.version}@{info.stamp}" for info in get_host().plugin_infos()]
    parts.append(f"lang={get_language()}")  # problems are cached with their translated text
    return CardCache.key_for(parts)


@cache
def library() -> "Library":
    """The method library from every registered source (cached on disk between runs)."""
    from toolkit.cards.cache import CardCache
    from toolkit.cards.library import load_paths
    from toolkit.paths import cache_dir

    card_cache = None
    if os.environ.get("CIMIS_NO_CACHE", "") in {"", "0"}:
        card_cache = CardCache(Path(cache_dir()) / "cards.pickle", _cache_key())
    return load_paths(method_sources(), capture_kinds, cache=card_cache)


def reset() -> None:
    """Forget everything gathered (after plugins change, in tests)."""
    for fn in (capture_kinds, method_sources, exporters, library):
        fn.cache_clear()
