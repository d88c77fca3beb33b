"""The bases of every screen and dialog of the app: they show their bindings' descriptions in
the active language (see :func:`toolkit.tui.bindings.localize`).

A module of its own so that widgets (dialogs) can derive from them without importing the
screens package, which imports the widgets.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol, TypeVar, cast

from textual.screen import ModalScreen, Screen

from toolkit.session.clock import Clock
from toolkit.tui.bindings import localize

R = TypeVar("R")


class AppActions(Protocol):
    """What screens ask of the app (:class:`toolkit.tui.app.CimisApp` provides it). A protocol,
    so that the screens need not import the app module, which imports them."""

    clock: Clock

    def remember(self, folder: Path, title: str) -> None: ...
    def open_run(self, folder: Path, *, projector: bool = False) -> None: ...
    def open_agenda(self, folder: Path) -> None: ...
    def open_programme(self, folder: Path) -> None: ...
    def open_workbook(self, folder: Path, *, workshop: Path | None = None) -> None: ...
    def sync_workbook(self, book: Path) -> bool: ...
    def build_workbook(self, book: Path) -> Path | None: ...
    def action_library(self) -> None: ...


class CimisScreen(Screen[R]):
    """A full screen of the app."""

    @property
    def app_actions(self) -> AppActions:
        """The app, typed as what screens ask of it."""
        return cast(AppActions, self.app)

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        localize(self)


class CimisModal(ModalScreen[R]):
    """A dialog over the current screen."""

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        localize(self)
