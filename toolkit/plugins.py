"""The plugin host: loads built-in, installed and local plugins and calls their hooks.

Built-in plugins (:data:`DEFAULT_PLUGINS`) are registered through the same hooks as
everyone else's. Every hook call is isolated per plugin: a plugin that fails to import,
implements a hook that does not exist, or raises inside a hook is recorded, unregistered
and skipped, and the rest keeps working. ``CIMIS_STRICT_PLUGINS=1`` turns such a failure
into an error; ``CIMIS_LOAD_PLUGINS=a,b`` limits which installed plugins load.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable, Iterable
from typing import Any

import pluggy

from toolkit import __version__, hookspecs
from toolkit.errors import CimisError
from toolkit.i18n import _

DEFAULT_PLUGINS: tuple[str, ...] = (
    "toolkit.default_plugins.methods",
    "toolkit.default_plugins.capture_kinds",
    "toolkit.default_plugins.commands",
    "toolkit.default_plugins.booksprint",
    "toolkit.default_plugins.exporters",
)


class PluginInfo:
    """What ``cimis plugins`` shows about one plugin (``source``: built-in, installed or local)."""

    __slots__ = ("name", "version", "source", "hooks", "error", "stamp")

    def __init__(self, name: str, version: str, source: str, hooks: list[str] | None = None,
                 error: str | None = None, stamp: str = ""):
        self.name = name
        self.version = version
        self.source = source
        self.hooks = hooks or []
        self.error = error
        #: changes whenever the plugin's code may have changed (for caches keyed on plugins)
        self.stamp = stamp

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "version": self.version, "source": self.source,
                "hooks": self.hooks, "error": self.error}


def _describe(exc: BaseException) -> str:
    """``Type: message (file:line)`` of the innermost frame, so a plugin author can find it."""
    import traceback

    where = ""
    frames = traceback.extract_tb(exc.__traceback__)
    if frames:
        last = frames[-1]
        where = f" ({last.filename}:{last.lineno})"
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}{where}" if text else f"{type(exc).__name__}{where}"


class PluginHost:
    """Owns the pluggy manager and what each plugin contributed or broke."""

    def __init__(self, environ: dict[str, str] | None = None, config: dict[str, Any] | None = None,
                 entry_points: Iterable[Any] | None = None):
        self.environ = os.environ if environ is None else environ
        self.config = config
        self._entry_points = entry_points
        self.pm = pluggy.PluginManager("cimis")
        self.pm.add_hookspecs(hookspecs)
        self.infos: dict[str, PluginInfo] = {}
        self._loaded = False

    @property
    def strict(self) -> bool:
        return self.environ.get("CIMIS_STRICT_PLUGINS", "").strip().lower() in {"1", "true", "yes", "on"}

    # -- loading -----------------------------------------------------------------------

    def load(self) -> "PluginHost":
        if self._loaded:
            return self
        self._loaded = True
        for name in DEFAULT_PLUGINS:
            self._register(lambda name=name: importlib.import_module(name), name, __version__, "built-in")
        self._load_installed()
        self._load_local()
        return self

    def _load_installed(self) -> None:
        wanted = self.environ.get("CIMIS_LOAD_PLUGINS")
        allowed = None if wanted is None else {n.strip() for n in wanted.split(",") if n.strip()}
        if self._entry_points is None:
            from toolkit.entrypoints import installed

            entry_points = installed()
        else:
            entry_points = list(self._entry_points)
        for ep in entry_points:
            if allowed is not None and ep.name not in allowed and ep.dist not in allowed:
                continue
            self._register(ep.load, ep.name, ep.version, "installed", dist=ep.dist)

    def _load_local(self) -> None:
        folder = self.environ.get("CIMIS_PLUGINS_DIR")
        if not folder:
            if self.config is None:
                from toolkit.config import load_config

                self.config = load_config()
            folder = self.config.get("plugins_dir")
        if not folder:
            return
        if not os.path.isdir(folder):
            self._record(PluginInfo(folder, "", "local",
                                    error=_("plugin folder does not exist: {path}").format(path=folder)))
            return
        for entry in sorted(os.listdir(folder)):
            if entry.endswith(".py") and not entry.startswith(("_", ".")):
                file = os.path.join(folder, entry)
                self._register(lambda file=file: self._import_file(file), entry[:-3], "", "local",
                               stamp=str(os.stat(file).st_mtime_ns))

    @staticmethod
    def _import_file(file: str) -> Any:
        import importlib.util

        stem = os.path.splitext(os.path.basename(file))[0]
        name = f"cimis_local_plugins.{stem}"
        spec = importlib.util.spec_from_file_location(name, file)
        if spec is None or spec.loader is None:
            raise ImportError(f"cannot load {file}")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        try:
            spec.loader.exec_module(module)
        except BaseException:
            sys.modules.pop(name, None)
            raise
        return module

    def _register(self, load: Callable[[], Any], name: str, version: str, source: str, dist: str | None = None,
                  stamp: str = "") -> None:
        info = PluginInfo(dist or name, version, source, stamp=stamp)
        try:
            plugin = load()
        except Exception as exc:
            info.error = _("failed to import: {error}").format(error=_describe(exc))
            self._record(info)
            return
        if self.pm.is_registered(plugin) or self.pm.has_plugin(name):
            return  # the same module installed twice: the first one wins
        try:
            self.pm.register(plugin, name=name)
            self.pm.check_pending()
        except pluggy.PluginValidationError as exc:
            if self.pm.is_registered(plugin):
                self.pm.unregister(plugin)
            info.error = _("invalid plugin: {error}").format(error=exc)
            self._record(info)
            return
        info.hooks = sorted(impl.name for impl in self._impls_of(name))
        self.infos[name] = info

    def _impls_of(self, name: str) -> list[Any]:
        plugin = self.pm.get_plugin(name)
        return [caller for caller in self.pm.get_hookcallers(plugin) or []]

    def _record(self, info: PluginInfo) -> None:
        self.infos[info.name] = info
        if self.strict:
            raise CimisError(_("plugin '{name}': {error}").format(name=info.name, error=info.error))

    # -- calling -----------------------------------------------------------------------

    def call_each(self, hook: str, make_kwargs: Callable[[str], dict[str, Any]],
                  rollback: Callable[[str], None] | None = None) -> list[tuple[str, Any]]:
        """Call ``hook`` on each plugin separately; a plugin that raises is skipped.

        ``make_kwargs(plugin_name)`` builds that plugin's arguments (so each gets its own
        ``register`` callback); ``rollback(plugin_name)`` undoes a failed plugin's partial work.
        """
        self.load()
        results: list[tuple[str, Any]] = []
        caller = getattr(self.pm.hook, hook)
        # registration order (built-ins, then installed, then local plugins), so that where
        # names clash, such as two capture kinds called "notes", the built-in one wins
        for impl in caller.get_hookimpls():
            name = impl.plugin_name
            try:
                results.append((name, impl.function(**make_kwargs(name))))
            except Exception as exc:
                if rollback is not None:
                    rollback(name)
                self.fail(name, hook, exc)
        return results

    def collect(self, hook: str) -> list[tuple[str, Any]]:
        """Call a ``register``-style hook and return ``(plugin name, item)`` for every item."""
        registered: dict[str, list[Any]] = {}

        def make_kwargs(name: str) -> dict[str, Any]:
            registered[name] = []
            return {"register": registered[name].append}

        self.call_each(hook, make_kwargs, rollback=lambda n: registered.pop(n, None))
        return [(name, item) for name, items in registered.items() for item in items]

    def fail(self, name: str, hook: str, exc: BaseException) -> None:
        """Record that plugin ``name`` raised in ``hook`` and unregister it."""
        info = self.infos.get(name) or PluginInfo(name, "", "installed")
        info.error = _("raised in {hook}: {error}").format(hook=hook, error=_describe(exc))
        plugin = self.pm.get_plugin(name)
        if plugin is not None:
            self.pm.unregister(plugin)
        self._record(info)

    def plugin_infos(self) -> list[PluginInfo]:
        self.load()
        return sorted(self.infos.values(), key=lambda i: (i.source != "built-in", i.name))


_host: PluginHost | None = None


def get_host() -> PluginHost:
    """The process-wide plugin host, loaded on first use."""
    global _host
    if _host is None:
        _host = PluginHost()
    return _host.load()


def reset_host(host: PluginHost | None = None) -> None:
    """Forget the process-wide host (tests and long-running UIs that reload plugins)."""
    global _host
    _host = host
    from toolkit import registry

    registry.reset()
