"""Finding and containing a step's capture widget: :func:`widget_path`, :func:`load_widget`,
:func:`guarded` and :class:`CaptureHost`.

A kind names its widget as ``"module:Class"`` (imported only here, when the step is shown);
the built-in kinds name the panels of this package the same way; a kind without one gets the
:class:`~toolkit.tui.widgets.capture.generic.GenericForm`. A plugin widget that fails (on
import, in ``compose`` or in any message handler or action) is replaced by an error message
and the generic form: the app keeps running, and since every capture was committed before
it was shown, nothing is lost.
"""

from __future__ import annotations

import importlib
import inspect
import traceback
from functools import wraps
from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Static

from toolkit.i18n import _
from toolkit.tui.literal import literal

GENERIC = "toolkit.tui.widgets.capture.generic:GenericForm"


def widget_path(kind: Any) -> str:
    """Import path of the widget for ``kind``: the one it registered (built-in kinds register
    theirs exactly like a plugin), else the generic form."""
    return getattr(kind, "widget", None) or GENERIC


def resolve(path: str) -> Any:
    """The object ``"module:name"`` names (errors propagate to the caller, who contains them)."""
    module_name, _colon, attr = path.partition(":")
    if not module_name or not attr:
        raise ImportError(_("'{path}' is not of the form module:name").format(path=path))
    obj = importlib.import_module(module_name)
    for part in attr.split("."):
        obj = getattr(obj, part)
    return obj


def load_widget(path: str) -> type:
    """The class ``"module:Class"`` names (errors propagate to the caller, who contains them)."""
    obj = resolve(path)
    if not (inspect.isclass(obj) and issubclass(obj, Widget)):
        raise TypeError(_("widget '{path}' is not a Textual widget").format(path=path))
    return obj


def _wrap(method: Any, name: str) -> Any:
    if inspect.iscoroutinefunction(method):
        @wraps(method)
        async def guarded_async(self, *args, **kwargs):
            try:
                return await method(self, *args, **kwargs)
            except Exception as exc:  # noqa: BLE001 - a plugin's bug must not end the workshop
                self._cimis_crash(exc)
        return guarded_async

    @wraps(method)
    def guarded_sync(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except Exception as exc:  # noqa: BLE001
            self._cimis_crash(exc)
    return guarded_sync


def guarded(cls: type[Widget]) -> type[Widget]:
    """A subclass of widget class ``cls`` whose compose, message handlers and actions report
    exceptions to the :class:`CaptureHost` instead of ending the app."""

    def compose(self) -> ComposeResult:
        try:
            yield from cls.compose(self)
        except Exception as exc:  # noqa: BLE001
            self._cimis_crash(exc)

    async def _dispatch_message(self, message):
        # Textual routes every event and message (keys, mounts, button presses, bubbled
        # messages of children) through here; an exception escaping it would exit the app.
        try:
            return await cls._dispatch_message(self, message)
        except Exception as exc:  # noqa: BLE001
            self._cimis_crash(exc)

    def _cimis_crash(self, exc: BaseException) -> None:
        host = self._cimis_host
        if host is not None:
            host.crashed(exc)

    namespace: dict[str, Any] = {"compose": compose, "_dispatch_message": _dispatch_message,
                                 "_cimis_crash": _cimis_crash, "_cimis_host": None}
    for name in dir(cls):
        if name.startswith("action_"):
            namespace[name] = _wrap(getattr(cls, name), name)
    namespace["__module__"] = cls.__module__
    namespace["__qualname__"] = cls.__qualname__
    return type(cls.__name__, (cls,), namespace)


class CaptureHost(Vertical):
    """Holds the capture panel of one step and contains its failures."""

    DEFAULT_CSS = """
    CaptureHost { height: 1fr; }
    CaptureHost .capture-error {
        border: round $error; color: $error; padding: 0 1; height: auto; max-height: 8;
    }
    """

    def __init__(self, engine: Any, step: Any, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.engine = engine
        self.step = step
        self.panel: Widget | None = None
        self.error: str | None = None

    def compose(self) -> ComposeResult:
        kind = self.engine.kinds.get(self.step.capture_kind)
        if kind is None:
            yield Static(literal(_("Capture kind '{kind}' is not installed; nothing can be captured here.").format(
                kind=self.step.capture_kind)), classes="capture-error")
            return
        path = widget_path(kind)
        try:
            cls = load_widget(path)
            panel: Any = guarded(cls)(self.engine, self.step)  # a class made at run time (see guarded)
        except Exception as exc:  # noqa: BLE001 - import or construction of a plugin's widget
            self.error = self._message(exc)
            yield Static(literal(self.error), classes="capture-error", id="capture-error")
            yield self._fallback()
            return
        panel._cimis_host = self
        self.panel = panel
        yield panel

    def _message(self, exc: BaseException) -> str:
        where = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        return _("The capture panel of this step failed: {error}. Everything captured is saved; "
                 "you can keep capturing with the form below.").format(error=where)

    def _fallback(self) -> Widget:
        from toolkit.tui.widgets.capture.generic import GenericForm

        panel: Any = guarded(GenericForm)(self.engine, self.step)  # a class made at run time (see guarded)
        panel._cimis_host = None  # if even the generic form fails, the error propagates
        self.panel = panel
        return panel

    def crashed(self, exc: BaseException) -> None:
        """Replace the failed panel with an error and the generic form (once)."""
        if self.error is not None:
            return
        self.error = self._message(exc)
        failed = self.panel

        async def swap() -> None:
            if failed is not None and failed.is_attached:
                await failed.remove()
            await self.mount(Static(literal(self.error), classes="capture-error", id="capture-error"))
            await self.mount(self._fallback())

        self.call_later(swap)
