"""An input for folder paths that completes folder names as you type (accept with →)."""

from __future__ import annotations

import os

from textual.suggester import Suggester
from textual.widgets import Input


class FolderSuggester(Suggester):
    """Suggests the first folder whose name starts with what was typed after the last ``/``."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        if not value:
            return None
        expanded = os.path.expanduser(value)
        parent, prefix = os.path.split(expanded)
        try:
            names = sorted(e.name for e in os.scandir(parent or ".") if e.is_dir() and not e.name.startswith("."))
        except OSError:
            return None
        for name in names:
            if name.startswith(prefix) and name != prefix:
                return value + name[len(prefix):] + os.sep
        return None


class FolderInput(Input):
    """An :class:`Input` for a folder, with completion."""

    def __init__(self, value: str = "", **kwargs):
        super().__init__(value=value, suggester=FolderSuggester(), **kwargs)
