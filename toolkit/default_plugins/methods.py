"""Registers the built-in method library (``methods/`` in the repository, inside the wheel)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from toolkit import hookimpl

if TYPE_CHECKING:  # pragma: no cover
    from pathlib import Path


def library_path() -> Path:
    """Where the built-in cards are: inside the installed wheel, or beside the package
    in a source checkout (editable install)."""
    from pathlib import Path  # not at the top: this module loads on every start

    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "_methods", package.parent / "methods"):
        if candidate.is_dir():
            return candidate
    return package / "_methods"


@hookimpl
def register_methods(register):
    register(library_path())
