"""Workshop folders as the start screen sees them: the recently opened ones (remembered in
``recent.json`` in the user's cache folder) and creating a new one, as ``cimis new`` does.

No Textual here: the start screen and its tests use these as plain functions.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path

from toolkit.paths import cache_dir, write_atomic

RECENT_FILE = "recent.json"
MAX_RECENT = 12


@dataclass(frozen=True)
class Recent:
    """A workshop folder opened before: where, its title then, and when (epoch seconds)."""

    path: str
    title: str
    opened: float


def _recent_path() -> str:
    return os.path.join(cache_dir(), RECENT_FILE)


def recent_workshops() -> list[Recent]:
    """The remembered folders, newest first (a broken or missing file is an empty list)."""
    try:
        with open(_recent_path(), encoding="utf-8") as fh:
            data = json.load(fh)
        return [Recent(str(e["path"]), str(e.get("title", "")), float(e.get("opened", 0))) for e in data]
    except (OSError, ValueError, TypeError, KeyError):
        return []


def _store(entries: list[Recent]) -> None:
    data = [{"path": e.path, "title": e.title, "opened": e.opened} for e in entries[:MAX_RECENT]]
    try:
        write_atomic(_recent_path(), json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
    except OSError:
        pass  # a read-only cache only costs the list of recent workshops


def remember(folder: Path | str, title: str, when: float) -> None:
    """Put ``folder`` at the top of the recent list."""
    path = str(Path(folder).resolve())
    entries = [e for e in recent_workshops() if e.path != path]
    _store([Recent(path, title, when), *entries])


def forget(folder: Path | str) -> None:
    path = str(Path(folder).resolve())
    _store([e for e in recent_workshops() if e.path != path])


def display_path(path: Path | str) -> str:
    """``path`` with the home folder written as ``~``."""
    text = str(path)
    home = os.path.expanduser("~")
    if home not in {"", "/"} and (text == home or text.startswith(home + os.sep)):
        return "~" + text[len(home):]
    return text


def plan_title(folder: Path | str) -> str | None:
    """The title of the plan in ``folder``, or ``None`` when there is no readable plan."""
    from toolkit.plan.load import read_plan

    source = read_plan(folder)
    return source.plan.title if source.plan is not None else None


def create_workshop(folder: Path | str, *, example: str | None = None, title: str | None = None,
                    language: str = "de", today: dt.date | None = None) -> Path:
    """Create a workshop folder (plan + ``workbook/``), see :func:`toolkit.workshop.create_workshop`."""
    from toolkit.workshop import create_workshop as create

    return create(Path(os.path.expanduser(str(folder))).resolve(), example=example, title=title,
                  language=language, today=today)  # an example comes in the chosen language too
