"""SVG bar charts of the programme's numbers, for the workbook and the website.

Provides :func:`bar_chart` (one counter per region as a horizontal bar chart) and
:func:`stats_charts` (one chart per counter of ``cimis programme stats``). The SVG is
self-contained (no scripts, no external fonts or links); every text is XML-escaped, so a
region named by a participant cannot inject markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

COUNTERS = ("events", "participants", "branches", "ideas", "matches")
_WIDTH = 560
_BAR_HEIGHT = 22
_GAP = 8
_LABEL = 150
_TOP = 34


def bar_chart(title: str, rows: Sequence[tuple[str, float]]) -> str:
    """A horizontal bar chart: one bar per ``(label, value)``; values are drawn to scale
    against the largest, and written at the end of each bar."""
    largest = max((value for _label, value in rows), default=0) or 1
    span = _WIDTH - _LABEL - 60
    height = _TOP + len(rows) * (_BAR_HEIGHT + _GAP) + 10
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{_WIDTH}" height="{height}" '
           f'viewBox="0 0 {_WIDTH} {height}" role="img" aria-label="{escape(title, {chr(34): "&quot;"})}">',
           f'<title>{escape(title)}</title>',
           '<style>text{font-family:sans-serif;font-size:13px;fill:#222}.t{font-size:15px;font-weight:bold}'
           '.b{fill:#3a6ea5}</style>',
           f'<text class="t" x="0" y="20">{escape(title)}</text>']
    for n, (label, value) in enumerate(rows):
        y = _TOP + n * (_BAR_HEIGHT + _GAP)
        width = round(span * value / largest, 1) if value > 0 else 0
        shown = f"{value:g}"
        out.append(f'<text x="{_LABEL - 8}" y="{y + 15}" text-anchor="end">{escape(label[:40])}</text>')
        out.append(f'<rect class="b" x="{_LABEL}" y="{y}" width="{width}" height="{_BAR_HEIGHT}"/>')
        out.append(f'<text x="{_LABEL + width + 6}" y="{y + 15}">{escape(shown)}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def stats_charts(numbers: dict[str, Any], region_names: dict[str, str], titles: dict[str, str]) -> dict[str, str]:
    """counter -> SVG of that counter per region (and the total as the last bar)."""
    charts = {}
    for counter in COUNTERS:
        rows = [(region_names.get(key, key), float(values[counter])) for key, values in numbers["regions"].items()]
        rows.append((titles.get("total", "total"), float(numbers["total"][counter])))
        charts[counter] = bar_chart(titles.get(counter, counter), rows)
    return charts
