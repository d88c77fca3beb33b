"""The booksprint method drives the workbook: when a session leaves the ``concept`` step of
a booksprint agenda item, the chapter skeleton planned there is created in the workshop's
workbook (see :mod:`toolkit.workbook.booksprint`).

Loaded on every start, so this module imports nothing but the hook marker; the work, and
its imports, happen only for the events that can matter.
"""

from __future__ import annotations

from toolkit import hookimpl


@hookimpl
def session_event(event):
    if event.type not in ("step_entered", "finished"):
        return
    from toolkit.workbook.booksprint import on_event

    on_event(event)
