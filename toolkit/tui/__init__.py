"""The facilitator's terminal UI (Textual): :class:`toolkit.tui.app.CimisApp` with its start
screen, method library, agenda builder and help screens, the run and projector
screens, key bindings with ids (:mod:`toolkit.tui.bindings`), themes and the command palette.

Only this package (and the ``ui``/``demo`` commands) imports Textual; the core never does.
"""
