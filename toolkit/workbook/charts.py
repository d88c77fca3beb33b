"""Static SVG charts for generated chapters: :func:`bar_chart` (dot votes, score totals)
and :func:`match_graph` (who was matched with whom). Drawn here, without a library and
without scripts; every text is XML-escaped, so participants' labels cannot add markup.
Sizes follow the data; colours are fixed (they print in greyscale well)."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

BAR = "#0b6e4f"
LINE = "#5b6670"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
MAX_LABEL = 48


def _label(text: str) -> str:
    text = " ".join(str(text).split())
    return escape(text if len(text) <= MAX_LABEL else text[:MAX_LABEL - 1] + "\u2026")


def _svg(width: int, height: int, title: str, body: list[str]) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
            f'height="{height}" role="img" aria-label={quoteattr(" ".join(title.split()))} '
            f'font-family="{FONT}" font-size="13">\n<title>{escape(title)}</title>\n'
            + "\n".join(body) + "\n</svg>\n")


def bar_chart(title: str, rows: list[tuple[str, float]], unit: str = "") -> str:
    """Horizontal bars, one per ``(label, value)``, in the given order, values written at
    the bars' ends."""
    label_w, bar_w, row_h = 260, 300, 24
    height = 12 + row_h * max(len(rows), 1)
    top = max((value for _label_text, value in rows), default=0) or 1
    body = []
    for i, (text, value) in enumerate(rows):
        y = 8 + i * row_h
        width = max(round(bar_w * value / top), 1 if value else 0)
        shown = f"{value:g}{unit}"
        body.append(f'<text x="{label_w - 8}" y="{y + 15}" text-anchor="end">{_label(text)}</text>')
        body.append(f'<rect x="{label_w}" y="{y + 3}" width="{width}" height="{row_h - 8}" fill="{BAR}" rx="2"/>')
        body.append(f'<text x="{label_w + width + 6}" y="{y + 15}">{escape(shown)}</text>')
    return _svg(label_w + bar_w + 70, height, title, body)


def match_graph(title: str, left: list[str], right: list[str], edges: list[tuple[int, int]]) -> str:
    """Two columns of names (e.g. creatives and companies) and a line for each match
    ``(index in left, index in right)``."""
    row_h, col_w, gap = 26, 230, 160
    height = 16 + row_h * max(len(left), len(right), 1)
    body = []
    for i, j in edges:
        body.append(f'<line x1="{col_w}" y1="{20 + i * row_h}" x2="{col_w + gap}" y2="{20 + j * row_h}" '
                    f'stroke="{BAR}" stroke-width="2"/>')
    for i, name in enumerate(left):
        body.append(f'<circle cx="{col_w}" cy="{20 + i * row_h}" r="4" fill="{LINE}"/>')
        body.append(f'<text x="{col_w - 10}" y="{24 + i * row_h}" text-anchor="end">{_label(name)}</text>')
    for j, name in enumerate(right):
        body.append(f'<circle cx="{col_w + gap}" cy="{20 + j * row_h}" r="4" fill="{LINE}"/>')
        body.append(f'<text x="{col_w + gap + 10}" y="{24 + j * row_h}">{_label(name)}</text>')
    return _svg(2 * col_w + gap, height, title, body)
