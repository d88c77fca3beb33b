"""The app's screens. :class:`CimisScreen` and :class:`CimisModal` are the bases: they show
their bindings' descriptions in the active language (see :func:`toolkit.tui.bindings.localize`).

home (start screen), library (method library), agenda (agenda builder), help (the keys);
run and projector (running a workshop).
"""

from toolkit.tui.screen_base import CimisModal, CimisScreen

__all__ = ["CimisModal", "CimisScreen"]
