"""Static SVG charts for generated chapters: :func:`bar_chart` (dot votes, score totals,
upvoted questions), :func:`match_graph` (who was matched with whom, mutual interests),
:func:`word_cloud` (words sized by how often they were given) and :func:`progress_bar`
(how much of a checklist is done). Drawn here, without a library and without scripts;
every text is XML-escaped, so participants' labels cannot add markup. Sizes follow the
data; colours are fixed (they print in greyscale well). ``desc`` (each chart's
``<desc>``) says where the data comes from: the session and the step."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

BAR = "#0b6e4f"
LINE = "#5b6670"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
MAX_LABEL = 48


def _label(text: str) -> str:
    text = " ".join(str(text).split())
    return escape(text if len(text) <= MAX_LABEL else text[:MAX_LABEL - 1] + "\u2026")


def _svg(width: int, height: int, title: str, body: list[str], desc: str = "") -> str:
    described = f"<desc>{escape(desc)}</desc>\n" if desc else ""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
            f'height="{height}" role="img" aria-label={quoteattr(" ".join(title.split()))} '
            f'font-family="{FONT}" font-size="13">\n<title>{escape(title)}</title>\n{described}'
            + "\n".join(body) + "\n</svg>\n")


def bar_chart(title: str, rows: list[tuple[str, float]], unit: str = "", desc: str = "") -> str:
    """Horizontal bars, one per ``(label, value)``, in the given order, values written at
    the bars' ends."""
    bar_w, row_h = 300, 24
    # room for the longest label (at most MAX_LABEL letters, about 0.56 of the font size
    # each), so that a long question is not cut off at the left edge
    longest = max((len(" ".join(str(text).split())) for text, _value in rows), default=0)
    label_w = max(120, min(round(min(longest, MAX_LABEL) * 13 * 0.56) + 16, 440))
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
    return _svg(label_w + bar_w + 70, height, title, body, desc)


def match_graph(title: str, left: list[str], right: list[str], edges: list[tuple[int, int]],
                desc: str = "") -> str:
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
    return _svg(2 * col_w + gap, height, title, body, desc)


#: the word cloud's colours, one after the other (distinct in greyscale too)
CLOUD_COLOURS = ("#0b6e4f", "#1d3557", "#8a4f00", "#5b6670")
CLOUD_WIDTH = 640
MAX_WORDS = 60
#: a sans-serif letter's mean width, in font sizes (for laying words out without a font)
CHAR_WIDTH = 0.62


def word_cloud(title: str, words: list[tuple[str, int]], desc: str = "") -> str:
    """The ``(word, count)`` pairs (most often given first) as a cloud: the more often a
    word was given, the larger it is drawn (by the square root of its share, so that
    the area follows the count), laid out line by line and centred, at most
    :data:`MAX_WORDS`. Each word's ``<title>`` holds its count."""
    shown = [(text, count) for text, count in words if count > 0][:MAX_WORDS]
    top = max((count for _text, count in shown), default=1)
    low = min((count for _text, count in shown), default=1)
    lines: list[list[tuple[str, int, float, float]]] = [[]]
    used = 0.0
    for text, count in shown:
        label = " ".join(str(text).split())
        label = label if len(label) <= MAX_LABEL else label[:MAX_LABEL - 1] + "\u2026"
        size = 14 + 26 * ((count - low) / (top - low)) ** 0.5 if top > low else 24.0
        size = min(size, (CLOUD_WIDTH - 40) / (CHAR_WIDTH * max(len(label), 1)))
        width = CHAR_WIDTH * size * len(label)
        if lines[-1] and used + width > CLOUD_WIDTH - 20:
            lines.append([])
            used = 0.0
        lines[-1].append((label, count, size, width))
        used += width + 14
    body = []
    y = 8.0
    n = 0
    for line in lines:
        if not line:
            continue
        height = max(size for _l, _c, size, _w in line) * 1.3
        y += height
        x = (CLOUD_WIDTH - (sum(w for *_rest, w in line) + 14 * (len(line) - 1))) / 2
        for label, count, size, width in line:
            body.append(f'<text x="{x:.0f}" y="{y - height * 0.22:.0f}" font-size="{size:.0f}" '
                        f'fill="{CLOUD_COLOURS[n % len(CLOUD_COLOURS)]}">{escape(label)}'
                        f'<title>{escape(label)}: {count}</title></text>')
            x += width + 14
            n += 1
    return _svg(CLOUD_WIDTH, round(y + 12), title, body, desc)


def progress_bar(title: str, done: int, total: int, caption: str, desc: str = "") -> str:
    """One bar, filled by the share ``done`` of ``total`` (a checklist's ticked items),
    with ``caption`` (e.g. "7 of 10 done (70 %)", in the book's language) above it."""
    width, bar_h = 520, 22
    share = done / total if total > 0 else 0.0
    filled = round(width * min(max(share, 0.0), 1.0))
    body = [f'<text x="10" y="20">{escape(caption)}</text>',
            f'<rect x="10" y="30" width="{width}" height="{bar_h}" fill="#e3e7ea" rx="3"/>',
            f'<rect x="10" y="30" width="{filled}" height="{bar_h}" fill="{BAR}" rx="3"/>']
    return _svg(width + 20, 30 + bar_h + 10, title, body, desc)
