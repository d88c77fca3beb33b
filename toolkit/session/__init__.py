"""Running a workshop session: the crash-safe event store, the state derived from it, and
the engine that walks the agenda.

``from toolkit.session import Engine, Store, FakeClock`` - the submodules load lazily so
that importing this package stays cheap; nothing here imports Textual.
"""

from __future__ import annotations

from typing import Any

_EXPORTS = {
    "Engine": "toolkit.session.engine",
    "Saved": "toolkit.session.engine",
    "Position": "toolkit.session.engine",
    "Store": "toolkit.session.store",
    "Event": "toolkit.session.store",
    "SessionState": "toolkit.session.state",
    "StepTimer": "toolkit.session.state",
    "RecordState": "toolkit.session.state",
    "fold": "toolkit.session.state",
    "Clock": "toolkit.session.clock",
    "SystemClock": "toolkit.session.clock",
    "FakeClock": "toolkit.session.clock",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(name)
    import importlib

    return getattr(importlib.import_module(module), name)
