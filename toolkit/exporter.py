"""The contract of a workbook exporter (an output format of ``cimis workbook build``).

A plugin registers an exporter through the ``register_exporters`` hook; anything with these
attributes is one (a :class:`typing.Protocol`, so no base class is needed).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:  # pragma: no cover
    from toolkit.workbook.book import Book


@runtime_checkable
class Exporter(Protocol):
    """A workbook output format."""

    #: The value of ``cimis workbook build --format``; unique across all plugins.
    name: str
    #: What ``cimis workbook build --help`` shows for the format, in the active language.
    title: str

    def build(self, book: Book, out_dir: Path) -> Any:
        """Write ``book`` (a :class:`toolkit.Book`) into the folder ``out_dir``, which exists
        and is empty. May also accept ``cache_dir`` and ``previous_dir`` keyword arguments
        (a folder to cache work between builds, the previous build's output); the builder
        passes them only when the signature names them."""
