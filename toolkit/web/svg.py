"""Charts drawn on the server as SVG: horizontal bars (votes, scores) and a word cloud.

Every text is escaped; sizes come from the data only, so the same result draws the same
picture on every screen. Colours meet WCAG AA against the page background (dark bars on
white; the text is drawn beside, not on, the bars).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

from markupsafe import Markup

BAR = "#1f4e8c"
TEXT = "#111111"


def bar_chart(rows: Sequence[tuple[str, float]], *, title: str, width: int = 800, row_height: int = 44,
              value_format: str = "{:g}", maximum: float | None = None) -> Markup:
    """Labelled horizontal bars, longest first as given; ``title`` names the chart for
    screen readers."""
    rows = list(rows)
    top = maximum if maximum is not None else max((v for _l, v in rows), default=0.0)
    label_w = int(width * 0.45)
    bar_w = width - label_w - 90
    height = max(row_height, row_height * len(rows))
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="{escape(title)}"><title>{escape(title)}</title>']
    for i, (label, value) in enumerate(rows):
        y = i * row_height
        length = 0 if top <= 0 else max(0.0, min(1.0, value / top)) * bar_w
        shown = label if len(label) <= 48 else label[:47] + "…"
        parts.append(f'<text x="{label_w - 10}" y="{y + row_height * 0.65:.1f}" text-anchor="end" '
                     f'font-size="{row_height * 0.5:.0f}" fill="{TEXT}">{escape(shown)}</text>')
        parts.append(f'<rect x="{label_w}" y="{y + row_height * 0.15:.1f}" width="{length:.1f}" '
                     f'height="{row_height * 0.7:.1f}" fill="{BAR}"/>')
        parts.append(f'<text x="{label_w + length + 8:.1f}" y="{y + row_height * 0.65:.1f}" '
                     f'font-size="{row_height * 0.5:.0f}" fill="{TEXT}">{escape(value_format.format(value))}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def word_cloud(words: Sequence[tuple[str, int]], *, title: str, width: int = 900, height: int = 500) -> Markup:
    """Words sized by count, placed on a spiral without overlaps (biggest first, in the
    centre); words that find no place are left out of the drawing (the list beside it has
    them all)."""
    words = list(words)
    top = max((c for _w, c in words), default=1)
    placed: list[tuple[float, float, float, float]] = []
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="cloud" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="{escape(title)}"><title>{escape(title)}</title>']
    palette = ("#1f4e8c", "#7a2e0e", "#1d5b2a", "#5a2a7a")
    for n, (word, count) in enumerate(words[:80]):
        size = 16 + 56 * math.sqrt(count / top)
        w = 0.6 * size * max(1, len(word))
        h = size * 1.1
        for step in range(600):
            angle = step * 0.35
            radius = 4 * angle
            x = width / 2 + radius * math.cos(angle) - w / 2
            y = height / 2 + radius * 0.6 * math.sin(angle) - h / 2
            if x < 0 or y < 0 or x + w > width or y + h > height:
                continue
            if all(x + w < a or a + c < x or y + h < b or b + d < y for a, b, c, d in placed):
                placed.append((x, y, w, h))
                parts.append(f'<text x="{x + w / 2:.1f}" y="{y + h * 0.8:.1f}" text-anchor="middle" '
                             f'font-size="{size:.0f}" fill="{palette[n % len(palette)]}">{escape(word)}</text>')
                break
    parts.append("</svg>")
    return Markup("".join(parts))
