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
from toolkit.plugins import on_reset

if TYPE_CHECKING:  # pragma: no cover
    from toolkit.capture.base import CaptureKind
    from toolkit.cards.library import Library


def _unique(hook: str, entries: list[Any], check: Any, what: str) -> tuple[dict[str, Any], dict[str, str]]:
    """Items by name from ``entries`` (registration order), after ``check(item)`` (a message
    or ``None``). A plugin that registers something invalid, or a name another plugin took,
    is reported with both plugins' names and contributes nothing to this collection."""
    from toolkit.plugins import get_host

    host = get_host()
    found: dict[str, Any] = {}
    owners: dict[str, str] = {}
    rejected: set[str] = set()
    by_plugin: dict[str, list[Any]] = {}
    for entry in entries:
        by_plugin.setdefault(entry.plugin, []).append(entry)
    for plugin, items in by_plugin.items():
        mine: dict[str, Any] = {}
        for entry in items:
            problem = check(entry.item)
            name: str = "" if problem else entry.item.name
            if problem is None and (name in found or name in mine):
                owner = owners.get(name, plugin)
                problem = _("{what} '{name}' of plugin '{plugin}' is already registered by plugin '{owner}'").format(
                    what=what, name=name, plugin=plugin, owner=owner)
            if problem is not None:
                rejected.add(plugin)
                host.reject(plugin, hook, problem, entry.where)
                break
            mine[name] = entry.item
        if plugin in rejected:
            continue
        for name, item in mine.items():
            found[name] = item
            owners[name] = plugin
    return found, owners


def _check_kind(item: Any) -> str | None:
    from toolkit.capture.base import CaptureKind

    if isinstance(item, type) and issubclass(item, CaptureKind):
        return _("register() needs an instance of the capture kind, not the class {cls}").format(
            cls=item.__name__)
    if not isinstance(item, CaptureKind):
        return _("register() got {value}, not a CaptureKind").format(value=_short(item))
    name = getattr(item, "name", None)
    if not isinstance(name, str) or not name:
        return _("a capture kind needs a 'name'")
    return None


def _check_exporter(item: Any) -> str | None:
    name = getattr(item, "name", None)
    if not isinstance(name, str) or not name or not callable(getattr(item, "build", None)):
        return _("register() got {value}, not an exporter (it needs a 'name' and a 'build(book, out_dir)' "
                 "method)").format(value=_short(item))
    return None


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


@cache
def _kinds() -> tuple[dict[str, CaptureKind], dict[str, str]]:
    from toolkit.plugins import get_host

    return _unique("register_capture_kinds", get_host().collect("register_capture_kinds"), _check_kind,
                   _("capture kind"))


def capture_kinds() -> dict[str, CaptureKind]:
    """Every registered capture kind by name; a second kind with a taken name is reported."""
    return _kinds()[0]


def kind_providers() -> dict[str, str]:
    """The plugin that registered each capture kind, by kind name."""
    return _kinds()[1]


@cache
def method_sources() -> list[tuple[str, Path]]:
    """``(plugin name, path)`` for every folder or file of cards a plugin registered."""
    from toolkit.plugins import get_host

    host = get_host()
    sources = []
    for entry in host.collect("register_methods"):
        if not isinstance(entry.item, (str, os.PathLike)):
            host.reject(entry.plugin, "register_methods", _(
                "register() got {value}, not a path to a folder or file of cards").format(
                value=_short(entry.item)), entry.where)
            continue
        sources.append((entry.plugin, Path(entry.item)))
    return sources


@cache
def exporters() -> dict[str, Any]:
    """Every registered exporter by name; a second exporter with a taken name is reported."""
    from toolkit.plugins import get_host

    return _unique("register_exporters", get_host().collect("register_exporters"), _check_exporter,
                   _("exporter"))[0]


def _cache_key() -> str:
    """What a cached card's validity depends on besides the file: which plugins (hence which
    capture kinds) are loaded, in which version, and the language of the messages."""
    from toolkit.cards.cache import CardCache
    from toolkit.plugins import get_host

    parts = [f"{info.name}@{info.version}@{info.stamp}" for info in get_host().plugin_infos()]
    parts.append(f"lang={get_language()}")  # problems are cached with their translated text
    return CardCache.key_for(parts)


@cache
def library() -> Library:
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
    for fn in (_kinds, method_sources, exporters, library):
        fn.cache_clear()


on_reset(reset)
