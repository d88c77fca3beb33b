"""A local plugin for the web tests: one method card (both languages) whose steps use the
built-in kinds the room takes part in."""

from __future__ import annotations

from pathlib import Path

from toolkit import hookimpl


@hookimpl
def register_methods(register):
    register(Path(__file__).parent / "cards")
