"""CSV cells that spreadsheets do not run as formulas.

A cell starting with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage return, which some
spreadsheets skip before looking for those) is read by Excel, LibreOffice and Google
Sheets as a formula, so a participant's note ``=HYPERLINK("http://evil", "click")`` would
turn into a live link, or worse, in whoever opens an export. :func:`neutralise` puts a
``'`` in front of such a text cell, which every spreadsheet shows as the text itself.
Numbers are left alone: ``-3`` as an ``int`` is a number, not a formula.

Provides :func:`neutralise`, :func:`safe_row` and :func:`writer` (a ``csv.writer`` whose
``writerow``/``writerows`` neutralise every cell).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any

#: first characters that make a spreadsheet read a cell as a formula
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """``value`` with a leading ``'`` when it is text a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(row: Iterable[Any]) -> list[Any]:
    """Every cell of ``row`` neutralised."""
    return [neutralise(cell) for cell in row]


class _SafeWriter:
    def __init__(self, inner: Any) -> None:
        self._inner = inner

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._inner.writerow(safe_row(row))

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def writer(fh: Any, **kwargs: Any) -> _SafeWriter:
    """A ``csv.writer(fh, **kwargs)`` that neutralises every cell it writes."""
    return _SafeWriter(csv.writer(fh, **kwargs))
