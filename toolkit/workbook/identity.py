"""A workshop's stable id: what a workbook's generated chapters and passages are keyed by,
so that renaming a workshop folder does not make sync create every chapter again.

Provides :func:`new_workshop_id` (for ``cimis new``) and :func:`ensure_workshop_id` (the id
in a workshop's ``workshop.yaml``, written there first when an older plan has none).
"""

from __future__ import annotations

import re
import secrets
from pathlib import Path


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:40].strip("-") or "workshop"


def new_workshop_id(folder_name: str) -> str:
    """A new id: the folder's name as a slug and six random hex digits."""
    return f"{_slug(folder_name)}-{secrets.token_hex(3)}"


def ensure_workshop_id(folder: Path, fallback: str) -> str:
    """The ``id`` of the plan in ``folder``. A plan without one gets ``fallback`` (the key
    sync used before ids existed, so that existing chapters keep their keys), written with
    the plan editor: comments and layout stay, the file is replaced atomically. When the plan
    cannot be read or written, ``fallback`` is returned and nothing is written."""
    from toolkit.errors import CimisError
    from toolkit.plan.edit import PlanEditor
    from toolkit.plan.load import PLAN_FILE

    try:
        editor = PlanEditor(folder / PLAN_FILE)
        current = editor.data.get("id")
        if isinstance(current, str) and current:
            return current
        editor.set_field("id", fallback)
        editor.save()
    except (CimisError, OSError, ValueError):
        return fallback
    return fallback
