"""The ``md`` exporter: the whole workbook as one Markdown file (``book.md``) with a title
page, a table of contents and every chapter in SUMMARY.md order.

Provenance markers are removed; headings are shifted so that the book title is the only
``#`` heading, each chapter's title sits one level below it per nesting level of
SUMMARY.md and the chapter's own headings below that; links between chapters become
anchors in the file (GitHub's slug rule, repeated slugs numbered over the whole file);
footnote labels get a per-chapter prefix so that chapters' ``[^1]`` do not collide.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from toolkit.i18n import _
from toolkit.workbook.htmlpage import tr
from toolkit.workbook.mdrewrite import escape_html_blocks, heading_line, rewrite_text_line
from toolkit.workbook.render import chapter_markdown, norm_rel, resolve_link, slugify, unique_slug

OUTPUT_FILE = "book.md"


class MarkdownExporter:
    """Registered as format ``md``."""

    name = "md"

    @property
    def title(self) -> str:
        return _("Markdown, one file")

    def build(self, book: Any, out_dir: Path, cache_dir: Path | None = None) -> None:
        text = combine(book)
        path = Path(out_dir) / OUTPUT_FILE
        path.write_text(text, "utf-8")


@dataclass
class _Chapter:
    chapter: Any
    rel: str
    lines: list[str]
    shift: int
    kinds: dict[int, str] = field(default_factory=dict)  # line -> "code", "html" or "heading"
    headings: dict[int, tuple[int, str]] = field(default_factory=dict)  # first line -> (level, inline source)
    ends: dict[int, int] = field(default_factory=dict)  # heading's first line -> line after it
    anchors: dict[str, str] = field(default_factory=dict)  # slug on the chapter's page -> slug in book.md


def _parser() -> Any:
    from toolkit.markdown import make_markdown

    md = make_markdown()
    md.options["html"] = True  # to find raw HTML, which is then turned into text
    return md


def _analyse(md: Any, chapter: Any, rel: str, global_slugs: set[str]) -> _Chapter:
    source = chapter_markdown(chapter)
    item = _Chapter(chapter, rel, source.split("\n"), shift=min(chapter.level + 2, 6) - 1)
    local_slugs: set[str] = set()
    tokens = md.parse(source, {})
    for i, tok in enumerate(tokens):
        if tok.map is None:
            continue
        start, end = tok.map
        if tok.type in ("fence", "code_block"):
            item.kinds.update({n: "code" for n in range(start, end)})
        elif tok.type == "html_block":
            item.kinds.update({n: "html" for n in range(start, end)})
        elif tok.type == "heading_open":
            inline = tokens[i + 1]
            text = "".join(c.content for c in inline.children or [] if c.type in ("text", "code_inline"))
            local = unique_slug(slugify(text), local_slugs)
            item.anchors[local] = unique_slug(slugify(text), global_slugs)
            if tok.level == 0:  # a heading inside a list or quote keeps its place and level
                item.headings[start] = (int(tok.tag[1]), inline.content)
                item.ends[start] = end
                item.kinds.update({n: "heading" for n in range(start, end)})
    return item


def combine(book: Any) -> str:
    """The text of ``book.md``."""
    md = _parser()
    lang = book.language
    slugs: set[str] = set()
    from toolkit.capture.markdown import escape_line

    out = [heading_line(1, escape_line(book.title)), ""]
    unique_slug(slugify(book.title), slugs)
    if book.subtitle:
        out += [f"*{escape_line(book.subtitle)}*", ""]
    if book.authors:
        out += [escape_line(", ".join(map(str, book.authors))), ""]
    contents = tr("Contents", lang)
    out += [heading_line(2, contents), ""]
    unique_slug(slugify(contents), slugs)
    items = [_analyse(md, c, norm_rel(c.rel), slugs) for c in book.chapters if c.path is not None and c.rel]
    by_rel = {item.rel: item for item in items}
    first_anchor = {item.rel: next(iter(item.anchors.values()), "") for item in items}
    part = None
    for chapter in book.chapters:
        if chapter.part and chapter.part != part:
            out += ["", f"**{escape_line(chapter.part)}**", ""]
        part = chapter.part
        label = (f"{chapter.number}. " if chapter.number else "") + escape_line(chapter.title)
        indent = "  " * chapter.level
        rel = norm_rel(chapter.rel) if chapter.rel else None
        out.append(f"{indent}- [{label}](#{first_anchor[rel]})" if rel in by_rel else f"{indent}- {label}")
    out.append("")
    for n, item in enumerate(items, 1):
        out += _chapter_lines(item, n, by_rel, first_anchor, lang)
    return "\n".join(out).rstrip() + "\n"


def _chapter_lines(item: _Chapter, n: int, by_rel: dict[str, _Chapter], first_anchor: dict[str, str],
                   lang: str) -> list[str]:
    from toolkit.capture.markdown import escape_line

    def rewrite(url: str) -> str | None:
        if url.startswith("#"):
            return "#" + item.anchors.get(url[1:], url[1:])
        target = resolve_link(url, item.rel)
        if target is None or target[0] not in by_rel:
            return None
        path, fragment = target
        if fragment:
            return "#" + by_rel[path].anchors.get(fragment, first_anchor[path])
        return "#" + first_anchor[path]

    out: list[str] = []
    lines = item.lines
    i = 0
    meta_done = False
    while i < len(lines):
        kind = item.kinds.get(i)
        if kind == "heading":
            level, content = item.headings[i]
            out.append(heading_line(level + item.shift, rewrite_text_line(content, rewrite, f"c{n}-")))
            i = item.ends[i]
            if not meta_done:
                meta_done = True
                if item.chapter.authors:
                    authors = escape_line(", ".join(map(str, item.chapter.authors)))
                    out += ["", f"*{tr('Authors', lang)}: {authors}*"]
            continue
        line = lines[i]
        if kind == "code":
            out.append(line)
        elif kind == "html":
            out.append(escape_html_blocks(line))
        else:
            out.append(rewrite_text_line(line, rewrite, f"c{n}-"))
        i += 1
    return ["", *out, ""]
