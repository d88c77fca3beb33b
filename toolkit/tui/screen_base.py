"""The bases of every screen and dialog of the app: they show their bindings' descriptions in
the active language (see :func:`toolkit.tui.bindings.localize`).

A module of its own so that widgets (dialogs) can derive from them without importing the
screens package, which imports the widgets.
"""

from __future__ import annotations

from typing import Any, TypeVar

from textual.screen import ModalScreen, Screen

from toolkit.tui.bindings import localize

R = TypeVar("R")


class CimisScreen(Screen[R]):
    """A full screen of the app."""

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        localize(self)


class CimisModal(ModalScreen[R]):
    """A dialog over the current screen."""

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        localize(self)
