"""cimis-toolkit: run co-creation workshops and write up what they produce.

This module is the public API for plugins: everything in :data:`__all__` keeps working
across minor versions, everything else (submodules included) may change. Plugins import
only from here::

    from toolkit import CaptureKind, KindModel, hookimpl

The package root stays tiny because every ``cimis`` start imports it: besides the version
and :data:`hookimpl`, each name is imported on first use (module ``__getattr__``), so
``cimis --help`` pays for none of them.

Capture kinds
    :class:`CaptureKind` (the base class), :class:`KindModel` (base of its ``Options`` and
    ``Record`` models), :class:`ResultModel`, :class:`Captured` (a record as a kind sees it),
    :class:`CaptureContext`, :class:`Person`, :data:`BUILTIN_KIND_NAMES`,
    :func:`capture_kinds` (every registered kind by name).
Exporters
    :class:`Exporter` (the protocol of ``register_exporters``).
Method cards
    :class:`CardMeta`, :class:`Step`, :class:`CaptureSpec`, :class:`GroupSize` (the front
    matter models), :func:`load_methods` (parse and check folders of cards).
Workbook
    :class:`Book`, :class:`Chapter`, :class:`Part` (what an exporter's ``build`` receives).
Session events
    :class:`SessionEvent` (what ``session_event`` observers receive), :data:`EVENT_TYPES`.
Errors a plugin may raise or meet
    :class:`CimisError`, :class:`ProblemsError`, :class:`Problem`,
    :class:`PluginContractError`.
Messages
    :func:`translate` (a message in the active language; plugins add translations of their
    own messages through the ``register_translations`` hook).
Testing plugins
    :class:`PluginHost` (load plugins as ``cimis`` does, e.g. with your entry point only).
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

from toolkit.hookspecs import hookimpl

#: public name -> "module:attribute"; imported on first access
_LAZY: dict[str, str] = {
    "CaptureKind": "toolkit.capture.base:CaptureKind",
    "KindModel": "toolkit.capture.base:KindModel",
    "ResultModel": "toolkit.capture.base:ResultModel",
    "Captured": "toolkit.capture.base:Captured",
    "CaptureContext": "toolkit.capture.base:CaptureContext",
    "Person": "toolkit.capture.base:Person",
    "BUILTIN_KIND_NAMES": "toolkit.capture.base:BUILTIN_KIND_NAMES",
    "capture_kinds": "toolkit.registry:capture_kinds",
    "Exporter": "toolkit.exporter:Exporter",
    "CardMeta": "toolkit.cards.model:CardMeta",
    "Step": "toolkit.cards.model:Step",
    "CaptureSpec": "toolkit.cards.model:CaptureSpec",
    "GroupSize": "toolkit.cards.model:GroupSize",
    "load_methods": "toolkit.cards.library:load_paths",
    "Book": "toolkit.workbook.book:Book",
    "Chapter": "toolkit.workbook.book:Chapter",
    "Part": "toolkit.workbook.book:Part",
    "SessionEvent": "toolkit.session.store:SessionEvent",
    "EVENT_TYPES": "toolkit.session.store:EVENT_TYPES",
    "CimisError": "toolkit.errors:CimisError",
    "ProblemsError": "toolkit.errors:ProblemsError",
    "Problem": "toolkit.errors:Problem",
    "PluginContractError": "toolkit.plugins:PluginContractError",
    "PluginHost": "toolkit.plugins:PluginHost",
    "translate": "toolkit.i18n:_",
}

__all__ = ["__version__", "hookimpl", *_LAZY]


def __getattr__(name: str) -> Any:
    target = _LAZY.get(name)
    if target is None:
        raise AttributeError(f"module 'toolkit' has no attribute {name!r}")
    import importlib

    module, _sep, attr = target.partition(":")
    value = getattr(importlib.import_module(module), attr)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
