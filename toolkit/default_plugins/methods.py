"""Registers the built-in method library (``methods/`` in the repository, inside the wheel)."""

from __future__ import annotations

from pathlib import Path

from toolkit import hookimpl


def library_path() -> Path:
    """Where the built-in cards are: inside the installed wheel, or beside the package
    in a source checkout (editable install)."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "_methods", package.parent / "methods"):
        if candidate.is_dir():
            return candidate
    return package / "_methods"


@hookimpl
def register_methods(register):
    register(library_path())
