"""The app's screens. :class:`CimisScreen` and :class:`CimisModal` are the bases: they show
their bindings' descriptions in the active language (see :func:`toolkit.tui.bindings.localize`).

home (start screen), library (method library), agenda (agenda builder), help (the keys);
run and projector (running a workshop).
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
