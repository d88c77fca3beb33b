"""Create a workshop folder: the plan (``workshop.yaml``), and ``workbook/`` with the
workshop as its source. The session store appears with the first session event.

Used by ``cimis new``, the terminal UI's "new workshop" and ``cimis demo``, so that every
workshop folder looks the same however it was made.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from toolkit.errors import CimisError, ProblemsError
from toolkit.i18n import _, get_language


def create_workshop(folder: Path | str, *, example: str | None = None, title: str | None = None,
                    language: str | None = None, today: dt.date | None = None) -> Path:
    """Create the workshop in ``folder`` (new or empty) from a bundled example or the
    starter plan. The plan is validated in memory first, so an invalid plan leaves nothing
    behind: :class:`ProblemsError` with its problems, :class:`CimisError` for a folder in use.
    """
    from toolkit.paths import write_atomic
    from toolkit.plan.edit import PlanEditor
    from toolkit.plan.load import PLAN_FILE
    from toolkit.workbook.init import init_workbook

    folder = Path(os.path.expanduser(str(folder)))
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise CimisError(_("'{folder}' already exists and is not empty; choose a new folder.").format(folder=folder))
    if example:
        from toolkit.examples import example_plan

        # the example in the workshop's language: its titles, notes and comments are translated too
        text = example_plan(example, language or get_language()).read_text(encoding="utf-8")
    else:
        from toolkit.plan.template import render_template

        text = render_template(language or get_language(), title, today)
    editor = PlanEditor(folder / PLAN_FILE, text=text)
    from toolkit.workbook.identity import new_workshop_id

    editor.set_field("id", new_workshop_id(folder.name))
    if title:
        editor.set_field("title", title)
    if language:
        editor.set_field("language", language)
    source = editor.validate()
    if not source.ok or source.plan is None:
        raise ProblemsError([p for p in source.problems if p.severity == "error"])
    write_atomic(folder / PLAN_FILE, editor.text().encode("utf-8"))
    init_workbook(folder / "workbook", [".."], title=source.plan.title, language=source.plan.language)
    return folder
