"""The plugin host: loads built-in, installed and local plugins and calls their hooks.

Built-in plugins (:data:`DEFAULT_PLUGINS`) are registered through the same hooks as
everyone else's. Hooks are called by pluggy exactly as pluggy documents it: last registered
first, ``tryfirst``/``trylast``, new-style (``wrapper=True``) and old-style
(``hookwrapper=True``) wrappers, ``firstresult`` and implementations taking a subset of the
arguments. What cimis adds is isolation: every implementation is registered behind a guard
(:meth:`PluginHost._guard`) so that a plugin that fails to import, implements a hook that
does not exist, or raises inside a hook (anything but ``KeyboardInterrupt``; ``sys.exit()``
included) is recorded, unregistered after the call and skipped, and the rest keeps working.
``CIMIS_STRICT_PLUGINS=1`` turns such a failure into an error, for every hook;
``CIMIS_LOAD_PLUGINS=a,b`` limits which installed plugins load.

While a plugin's code runs, what it prints goes to standard error, so it can never corrupt
machine-readable output (``--json``, ``--ack``). ``session_event`` observers run on a worker
thread (:class:`Observers`), off the engine's write path, with a time limit
(``CIMIS_OBSERVER_TIMEOUT`` seconds, default 10) after which a hanging observer is reported
and skipped.
"""

from __future__ import annotations

import contextvars
import functools
import importlib
import inspect
import os
import sys
import threading
import time
import types
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, NamedTuple

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

#: seconds a ``session_event`` observer may take for one event before it is reported
DEFAULT_OBSERVER_TIMEOUT = 10.0
#: how long the idle observer worker waits for the next event before it ends
OBSERVER_IDLE_SECONDS = 2.0


class PluginInfo:
    """What ``cimis plugins`` shows about one plugin (``source``: built-in, installed or local)."""

    __slots__ = ("error", "hooks", "name", "source", "stamp", "version")

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


class Registered(NamedTuple):
    """One item a plugin passed to a ``register`` callback, and where it did so."""

    plugin: str
    item: Any
    where: str


class PluginContractError(CimisError):
    """A plugin broke the plugin contract (registered something that is not what the hook
    asks for, or a name another plugin already took)."""


_HOST_FILES = {os.path.abspath(__file__)}


def _describe(exc: BaseException) -> str:
    """``Type: message (file:line)`` of the innermost frame outside the host, so that a
    plugin author can find it."""
    import traceback

    where = ""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if os.path.abspath(f.filename) not in _HOST_FILES]
    if frames:
        last = frames[-1]
        where = f" ({last.filename}:{last.lineno})"
    text = str(exc).strip()
    if isinstance(exc, PluginContractError):
        return f"{text}{where}"
    if isinstance(exc, SystemExit):
        text = _("called sys.exit({code})").format(code=exc.code if exc.code is not None else "")
    return f"{type(exc).__name__}: {text}{where}" if text else f"{type(exc).__name__}{where}"


def _caller_site() -> str:
    """``file:line`` of the plugin code that called a ``register`` callback."""
    frame = inspect.currentframe()
    try:
        while frame is not None and os.path.abspath(frame.f_code.co_filename) in _HOST_FILES:
            frame = frame.f_back
        return f"{frame.f_code.co_filename}:{frame.f_lineno}" if frame is not None else ""
    finally:
        del frame


# -- plugin output -------------------------------------------------------------------------

_in_plugin = threading.local()


class _StdoutRouter:
    """Stands in for ``sys.stdout`` while hooks run: what plugin code writes (on the thread
    running it) goes to standard error, everything else to the real standard output."""

    def __init__(self, target: Any):
        self._target = target

    def _stream(self) -> Any:
        return sys.stderr if getattr(_in_plugin, "depth", 0) else self._target

    def write(self, text: str) -> int:
        return int(self._stream().write(text))

    def writelines(self, lines: Iterable[str]) -> None:
        self._stream().writelines(lines)

    def flush(self) -> None:
        self._stream().flush()

    @property
    def buffer(self) -> Any:
        return self._stream().buffer

    def __getattr__(self, name: str) -> Any:
        return getattr(self._target, name)


@contextmanager
def _plugin_output() -> Iterator[None]:
    """Route this thread's writes to standard output into standard error."""
    installed = None
    if not isinstance(sys.stdout, _StdoutRouter) and sys.stdout is not None:
        installed = sys.stdout = _StdoutRouter(sys.stdout)
    _in_plugin.depth = getattr(_in_plugin, "depth", 0) + 1
    try:
        yield
    finally:
        _in_plugin.depth -= 1
        if installed is not None and sys.stdout is installed and not _in_plugin.depth:
            sys.stdout = installed._target


# -- one hook call ---------------------------------------------------------------------------

class _Call:
    """What the guards of one hook call share: per-plugin arguments, rollback, and which
    plugins failed (unregistered once pluggy has finished the call)."""

    def __init__(self, hook: str, make_kwargs: Callable[[str], dict[str, Any]] | None,
                 rollback: Callable[[str], None] | None):
        self.hook = hook
        self.make_kwargs = make_kwargs
        self.rollback = rollback
        self.failed: list[tuple[str, BaseException]] = []
        self.results: list[tuple[str, Any]] = []
        self.current: str | None = None
        self.started = 0.0


class _Manager(pluggy.PluginManager):
    """pluggy's plugin manager, registering every plugin behind the host's guards: also one
    that code registers with ``pm.register(obj)`` directly (tests, embedding programs), so
    no implementation ever runs unguarded or sees another plugin's arguments."""

    def __init__(self, host: PluginHost):
        super().__init__("cimis")
        self._host = host

    def register(self, plugin: Any, name: str | None = None) -> str | None:
        if plugin is None or getattr(plugin, "__cimis_guarded__", False):
            return super().register(plugin, name)
        name = name or self.get_canonical_name(plugin)
        proxy = self._host._guarded(plugin, name)
        registered = super().register(proxy, name)
        if registered is not None:
            self._host._adopt(registered, plugin, proxy)
        return registered

    def unregister(self, plugin: Any = None, name: str | None = None) -> Any:
        if plugin is not None and name is None:  # the object the plugin gave, not its guarded stand-in
            for known, original in self._host._originals.items():
                if original is plugin and self.has_plugin(known):
                    plugin, name = None, known
                    break
        return super().unregister(plugin, name)


_CALL: contextvars.ContextVar[_Call | None] = contextvars.ContextVar("cimis_hook_call", default=None)
_PER_PLUGIN = object()  # the placeholder pluggy passes on; each guard puts its plugin's own value


class PluginHost:
    """Owns the pluggy manager and what each plugin contributed or broke."""

    def __init__(self, environ: dict[str, str] | None = None, config: dict[str, Any] | None = None,
                 entry_points: Iterable[Any] | None = None):
        self.environ = os.environ if environ is None else environ
        self.config = config
        self._entry_points = entry_points
        self.pm: pluggy.PluginManager = _Manager(self)
        self.pm.add_hookspecs(hookspecs)
        self.infos: dict[str, PluginInfo] = {}
        self._loaded = False
        self._originals: dict[str, Any] = {}  # plugin name -> the object the plugin gave
        self._order: dict[str, int] = {}  # plugin name -> registration index
        self.observers = Observers(self)

    @property
    def strict(self) -> bool:
        return self.environ.get("CIMIS_STRICT_PLUGINS", "").strip().lower() in {"1", "true", "yes", "on"}

    # -- loading -----------------------------------------------------------------------

    def load(self) -> PluginHost:
        if self._loaded:
            return self
        self._loaded = True
        for name in DEFAULT_PLUGINS:
            self._register(functools.partial(importlib.import_module, name), name, __version__, "built-in")
        self._load_installed()
        self._load_local()
        from toolkit.i18n import set_translation_source

        set_translation_source(self.translations)
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
                self._register(functools.partial(self._import_file, file), entry[:-3], "", "local",
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

    def add_plugin(self, plugin: Any, name: str, version: str = "", source: str = "local") -> None:
        """Register an already imported plugin object (a module, class or instance whose hook
        functions carry ``@hookimpl``), isolated like every other plugin."""
        self.load()
        self._register(lambda: plugin, name, version, source)

    def _register(self, load: Callable[[], Any], name: str, version: str, source: str, dist: str | None = None,
                  stamp: str = "") -> None:
        info = PluginInfo(dist or name, version, source, stamp=stamp)
        try:
            with _plugin_output():
                plugin = load()
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # noqa: BLE001 - a plugin that exits on import is a broken plugin
            info.error = _("failed to import: {error}").format(error=_describe(exc))
            self._record(info)
            return
        if any(original is plugin for original in self._originals.values()) or self.pm.has_plugin(name):
            return  # the same module installed twice: the first one wins
        self.infos[name] = info
        try:
            self.pm.register(plugin, name=name)  # behind the guards (see _Manager)
            self.pm.check_pending()
        except pluggy.PluginValidationError as exc:
            if self.pm.has_plugin(name):
                self.pm.unregister(name=name)
            self.infos.pop(name, None)
            info.error = _("invalid plugin: {error}").format(error=exc)
            self._record(info)
            return
        info.hooks = sorted(caller.name for caller in self.pm.get_hookcallers(self.pm.get_plugin(name)) or [])

    def _adopt(self, name: str, plugin: Any, proxy: Any) -> None:
        """Remember a plugin the manager registered behind its guards."""
        self._originals[name] = plugin
        self._order[name] = len(self._order)
        for caller in self.pm.get_hookcallers(proxy) or []:
            for impl in caller.get_hookimpls():
                if impl.plugin is proxy:  # the guard passes each plugin its own arguments by these names
                    impl.function._cimis_argnames = tuple(impl.argnames)  # type: ignore[attr-defined]
        if name not in self.infos:  # registered with pm.register directly (tests, embedding code)
            self.infos[name] = PluginInfo(name, "", "local", hooks=sorted(
                caller.name for caller in self.pm.get_hookcallers(proxy) or []))

    def _guarded(self, plugin: Any, name: str) -> types.ModuleType:
        """A stand-in plugin object whose hook implementations are ``plugin``'s, each behind a
        guard, with the same ``@hookimpl`` options and signature (so pluggy orders, wraps and
        passes arguments exactly as it would to ``plugin``)."""
        proxy = types.ModuleType(f"cimis-plugin:{name}")
        proxy.__cimis_guarded__ = True  # type: ignore[attr-defined]
        marker = f"{self.pm.project_name}_impl"
        for attr in dir(plugin):
            opts = self.pm.parse_hookimpl_opts(plugin, attr)
            if opts is None:
                continue
            function = getattr(plugin, attr)
            hook = opts.get("specname") or attr
            is_wrapper = bool(opts.get("wrapper") or opts.get("hookwrapper"))
            guarded = self._guard_wrapper(name, hook, function) if is_wrapper else self._guard(name, hook, function)
            setattr(guarded, marker, dict(opts))
            setattr(proxy, attr, guarded)
        return proxy

    # -- the guards --------------------------------------------------------------------

    def _arguments(self, name: str, function: Any, args: tuple[Any, ...], kwargs: dict[str, Any],
                   call: _Call | None) -> tuple[tuple[Any, ...], dict[str, Any]]:
        """The plugin's own arguments, where the call builds them per plugin."""
        if call is None or call.make_kwargs is None or not any(a is _PER_PLUGIN for a in args):
            return args, kwargs
        own = call.make_kwargs(name)
        names = getattr(function, "_cimis_argnames", ())
        return tuple(own[n] for n in names), {k: own.get(k, v) for k, v in kwargs.items()}

    def _failed(self, name: str, call: _Call | None, exc: BaseException) -> None:
        if call is None:
            self.fail(name, "?", exc)
            return
        if call.rollback is not None:
            try:
                call.rollback(name)
            except Exception:  # noqa: BLE001 - rollback is best effort; the failure is reported below
                pass
        call.failed.append((name, exc))
        info = self.infos.get(name) or PluginInfo(name, "", "installed")
        info.error = _("raised in {hook}: {error}").format(hook=call.hook, error=_describe(exc))
        self.infos[name] = info
        if self.strict:
            raise CimisError(_("plugin '{name}': {error}").format(name=name, error=info.error)) from None

    def _guard(self, name: str, hook: str, function: Any) -> Callable[..., Any]:
        host = self

        @functools.wraps(function)
        def guard(*args: Any, **kwargs: Any) -> Any:
            call = _CALL.get()
            args, kwargs = host._arguments(name, guard, args, kwargs, call)
            if call is not None:
                call.current, call.started = name, time.monotonic()
            try:
                with _plugin_output():
                    result = function(*args, **kwargs)
            except KeyboardInterrupt:
                raise
            except BaseException as exc:  # noqa: BLE001 - isolation: sys.exit() in a plugin is its failure
                host._failed(name, call, exc)
                return None
            if call is not None and result is not None:
                call.results.append((name, result))
            return result

        return guard

    def _guard_wrapper(self, name: str, hook: str, function: Any) -> Callable[..., Any]:
        """The guard of a hook wrapper (new- or old-style): a wrapper that fails before its
        ``yield`` is skipped, one that fails after it leaves the outcome as it was."""
        host = self

        @functools.wraps(function)
        def guard(*args: Any, **kwargs: Any) -> Generator[Any, Any, Any]:
            call = _CALL.get()
            args, kwargs = host._arguments(name, guard, args, kwargs, call)
            try:
                with _plugin_output():
                    inner = function(*args, **kwargs)
                    next(inner)
            except KeyboardInterrupt:
                raise
            except StopIteration:
                host._failed(name, call, RuntimeError(_("the hook wrapper did not yield")))
                return (yield)
            except BaseException as exc:  # noqa: BLE001
                host._failed(name, call, exc)
                return (yield)
            try:
                outcome = yield
            except GeneratorExit:
                inner.close()
                raise
            except BaseException as exc:  # the implementations raised (strict mode, Ctrl-C): tell the wrapper
                try:
                    with _plugin_output():
                        inner.throw(exc)
                except StopIteration as stop:
                    return stop.value
                except KeyboardInterrupt:
                    raise
                except BaseException as raised:
                    if raised is exc:
                        raise
                    host._failed(name, call, raised)
                    raise exc from None
                inner.close()
                host._failed(name, call, RuntimeError(_("the hook wrapper yielded twice")))
                raise
            try:
                with _plugin_output():
                    inner.send(outcome)
            except StopIteration as stop:
                return stop.value
            except KeyboardInterrupt:
                raise
            except BaseException as exc:  # noqa: BLE001
                host._failed(name, call, exc)
                return outcome
            inner.close()
            host._failed(name, call, RuntimeError(_("the hook wrapper yielded twice")))
            return outcome

        return guard

    def _record(self, info: PluginInfo) -> None:
        self.infos[info.name] = info
        if self.strict:
            raise CimisError(_("plugin '{name}': {error}").format(name=info.name, error=info.error))

    # -- calling -----------------------------------------------------------------------

    def call_each(self, hook: str, make_kwargs: Callable[[str], dict[str, Any]],
                  rollback: Callable[[str], None] | None = None) -> list[tuple[str, Any]]:
        """Call ``hook`` through pluggy; ``(plugin name, result)`` for every result that is
        not ``None``, in pluggy's call order (one at most for a ``firstresult`` hook).

        ``make_kwargs(plugin_name)`` builds that plugin's arguments right before its
        implementation runs (so each gets its own ``register`` callback or its own copy of an
        event); ``rollback(plugin_name)`` undoes a failed plugin's partial work. A plugin that
        raises is reported (:attr:`infos`) and unregistered after the call.
        """
        self.load()
        caller = getattr(self.pm.hook, hook)
        names = caller.spec.argnames if caller.spec is not None else ()
        call = _Call(hook, make_kwargs, rollback)
        token = _CALL.set(call)
        try:
            caller(**{n: _PER_PLUGIN for n in names})
        finally:
            _CALL.reset(token)
            for name, _exc in call.failed:
                self._unregister(name)
        return call.results

    def collect(self, hook: str) -> list[Registered]:
        """Call a ``register``-style hook; every registered item with its plugin and the
        place it was registered, in registration order of the plugins (built-ins first) so
        that where names clash the plugin registered first keeps the name."""
        registered: dict[str, list[Registered]] = {}

        def make_kwargs(name: str) -> dict[str, Any]:
            items = registered.setdefault(name, [])

            def register(*item: Any) -> None:
                items.append(Registered(name, item[0] if len(item) == 1 else item, _caller_site()))

            return {"register": register}

        def rollback(name: str) -> None:
            registered.pop(name, None)

        self.call_each(hook, make_kwargs, rollback=rollback)
        order = sorted(registered, key=lambda n: self._order.get(n, len(self._order)))
        return [entry for name in order for entry in registered[name]]

    def translations(self, lang: str) -> dict[str, str]:
        """``{english: translated}`` that plugins register for ``lang`` (first plugin wins)."""
        cache: dict[str, dict[str, str]] = self.__dict__.setdefault("_translations", {})
        if lang in cache:
            return cache[lang]
        found: dict[str, str] = {}
        rejected: set[str] = set()
        entries = self.collect("register_translations")
        for entry in entries:
            item = entry.item
            ok = (isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str)
                  and isinstance(item[1], dict) and all(isinstance(k, str) and isinstance(v, str)
                                                        for k, v in item[1].items()))
            if not ok:
                rejected.add(entry.plugin)
                self.reject(entry.plugin, "register_translations", _(
                    "register() needs a language and a dict of English messages to translations, "
                    "not {value}").format(value=repr(item)[:80]), entry.where)
        for entry in entries:
            if entry.plugin not in rejected and entry.item[0] == lang:
                for message, translated in entry.item[1].items():
                    found.setdefault(message, translated)
        cache[lang] = found
        return found

    def reject(self, plugin: str, hook: str, message: str, where: str = "") -> None:
        """Report that ``plugin`` broke the contract of ``hook`` (``message`` says how) and
        unregister it; an error in strict mode."""
        info = self.infos.get(plugin) or PluginInfo(plugin, "", "installed")
        info.error = _("{hook}: {error}").format(hook=hook, error=message + (f" ({where})" if where else ""))
        self._unregister(plugin)
        self._record(info)

    def fail(self, name: str, hook: str, exc: BaseException) -> None:
        """Record that plugin ``name`` raised in ``hook`` and unregister it."""
        info = self.infos.get(name) or PluginInfo(name, "", "installed")
        info.error = _("raised in {hook}: {error}").format(hook=hook, error=_describe(exc))
        self._unregister(name)
        self._record(info)

    def _unregister(self, name: str) -> None:
        if self.pm.has_plugin(name):
            self.pm.unregister(name=name)

    def plugin_infos(self) -> list[PluginInfo]:
        self.load()
        return sorted(self.infos.values(), key=lambda i: (i.source != "built-in", i.name))

    def original(self, name: str) -> Any:
        """The object plugin ``name`` registered (its module, usually)."""
        return self._originals.get(name)

    def provider_of(self, item: Any) -> str | None:
        """Which plugin's module defines ``item``'s class (for listings such as ``cimis kinds``)."""
        module = getattr(type(item), "__module__", None)
        for name, plugin in self._originals.items():
            if getattr(plugin, "__name__", None) == module:
                return name
        return None

    # -- observers ---------------------------------------------------------------------

    def notify(self, events: Iterable[Any]) -> None:
        """Hand committed events (:class:`toolkit.SessionEvent`) to the ``session_event``
        observers, on their own thread; raises the first strict-mode failure of an earlier
        event."""
        self.load()
        self.observers.put(events)

    def drain(self, timeout: float | None = None) -> None:
        """Wait until the observers have seen every event handed to them (a hanging observer
        is reported and skipped after its time limit)."""
        self.observers.drain(timeout)

    @property
    def observer_timeout(self) -> float:
        try:
            return max(0.01, float(self.environ.get("CIMIS_OBSERVER_TIMEOUT", DEFAULT_OBSERVER_TIMEOUT)))
        except ValueError:
            return DEFAULT_OBSERVER_TIMEOUT


class Observers:
    """Runs ``session_event`` on a worker thread, one event after the other, in commit order.

    The engine only queues events, so a slow or hanging observer never delays a write. An
    observer call that takes longer than the host's time limit is reported (``cimis
    plugins`` shows it), its plugin is unregistered, and a fresh worker carries on with the
    events still queued; the hanging thread is abandoned (it is a daemon thread, so it cannot
    keep the process alive).
    """

    def __init__(self, host: PluginHost):
        self.host = host
        self._queue: deque[Any] = deque()
        self._lock = threading.Condition()
        self._worker: threading.Thread | None = None
        self._generation = 0
        self._call: _Call | None = None
        self._busy = False
        self._strict_error: CimisError | None = None
        self._atexit = False

    def put(self, events: Iterable[Any]) -> None:
        events = list(events)
        if not self.host.pm.hook.session_event.get_hookimpls():
            return
        with self._lock:
            self._raise_strict()
            self._check_hung()
            self._queue.extend(events)
            if self._worker is None:
                self._start()
            self._lock.notify_all()
        if not self._atexit:
            import atexit

            atexit.register(self.drain)
            self._atexit = True

    def _raise_strict(self) -> None:
        if self._strict_error is not None:
            error, self._strict_error = self._strict_error, None
            raise error

    def _start(self) -> None:
        self._generation += 1
        self._worker = threading.Thread(target=self._run, args=(self._generation,),
                                        name="cimis-session-observers", daemon=True)
        self._worker.start()

    def _run(self, generation: int) -> None:
        import copy

        while True:
            with self._lock:
                if generation != self._generation:
                    return
                if not self._queue:
                    self._busy = False
                    self._lock.notify_all()
                    # a session writes in bursts: a worker that waits a moment for the next
                    # event saves starting a thread per event, which cost the write path more
                    # than the event itself
                    self._lock.wait_for(lambda: bool(self._queue) or generation != self._generation,
                                        timeout=OBSERVER_IDLE_SECONDS)
                    if generation != self._generation:
                        return
                    if not self._queue:
                        self._worker = None
                        return
                event = self._queue.popleft()
                self._busy = True

            def make_kwargs(name: str, event: Any = event) -> dict[str, Any]:
                # each observer gets its own copy: the payload's dicts are the state's records
                return {"event": event._replace(payload=copy.deepcopy(event.payload))}

            call = _Call("session_event", make_kwargs, None)
            with self._lock:
                self._call = call
            token = _CALL.set(call)
            try:
                self.host.pm.hook.session_event(event=_PER_PLUGIN)
            except CimisError as exc:  # strict mode: the next write or drain raises it
                with self._lock:
                    self._strict_error = self._strict_error or exc
            except BaseException:  # noqa: BLE001 - the guards report plugins; nothing may kill the worker
                pass
            finally:
                _CALL.reset(token)
                with self._lock:
                    if generation == self._generation:
                        self._call = None
                for name, _exc in call.failed:
                    self.host._unregister(name)

    def _check_hung(self) -> bool:
        """Report and abandon an observer past its time limit (called with the lock held)."""
        call = self._call
        if call is None or call.current is None:
            return False
        limit = self.host.observer_timeout
        if time.monotonic() - call.started < limit:
            return False
        name = call.current
        info = self.host.infos.get(name) or PluginInfo(name, "", "installed")
        info.error = _("did not finish session_event within {seconds} s; skipped from now on").format(
            seconds=f"{limit:g}")
        self.host.infos[name] = info
        self.host._unregister(name)
        self._call = None
        self._worker = None
        self._busy = False
        if self._queue:
            self._start()
        else:
            self._generation += 1
        if self.host.strict:
            self._strict_error = self._strict_error or CimisError(
                _("plugin '{name}': {error}").format(name=name, error=info.error))
        return True

    def drain(self, timeout: float | None = None) -> None:
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._lock:
            while self._worker is not None and (self._queue or self._busy or self._call is not None):
                if deadline is not None and time.monotonic() >= deadline:
                    break
                self._check_hung()
                self._lock.wait(0.02)
            self._raise_strict()


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
    if _host is not None:
        _host.drain()
    _host = host
    from toolkit.i18n import set_translation_source

    set_translation_source(None if host is None else host.translations)
    for forget in _on_reset:
        forget()


_on_reset: list[Callable[[], None]] = []


def on_reset(forget: Callable[[], None]) -> None:
    """Call ``forget()`` whenever the process-wide host is replaced (the registry clears
    what it gathered from the old one); keeps this module free of imports of its users."""
    if forget not in _on_reset:
        _on_reset.append(forget)
