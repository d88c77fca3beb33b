"""The ``md`` exporter: the whole workbook as one Markdown file (``book.md``) with a title
page, a table of contents and every chapter in SUMMARY.md order.

Provenance markers are removed; headings are shifted so that the book title is the only
``#`` heading, each chapter's title sits one level below it per nesting level of
SUMMARY.md and the chapter's own headings below that; links between chapters become
anchors in the file (GitHub's slug rule, repeated slugs numbered over the whole file);
footnote labels get a per-chapter prefix so that chapters' ``[^1]`` do not collide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from toolkit.i18n import _
from toolkit.workbook.htmlpage import tr
from toolkit.workbook.mdrewrite import escape_html_blocks, heading_line, rewrite_text_line
from toolkit.workbook.render import chapter_markdown, norm_rel, resolve_link, safe_url, slugify, unique_slug

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
    edits: dict[int, list[tuple[int, str]]] = field(default_factory=dict)  # line -> (column, insert)
    definitions: dict[int, dict[str, Any]] = field(default_factory=dict)  # first line -> definition meta
    close_fence: dict[int, str] = field(default_factory=dict)  # last line of an unclosed fence -> marker
    footnotes: set[str] = field(default_factory=set)  # footnote labels the chapter defines


def _parser() -> Any:
    from toolkit.markdown import make_markdown

    md = make_markdown()
    md.options["html"] = True  # to find raw HTML, which is then turned into text
    md.options["inline_definitions"] = True  # reference definitions as tokens with their lines
    for name in ("link", "image"):
        md.inline.ruler.at(name, _recording(md.inline.ruler.__rules__[md.inline.ruler.__find__(name)].fn,
                                            name == "image"))
    return md


def _recording(rule: Any, image: bool) -> Any:
    """``rule`` (markdown-it's link or image rule), noting in ``env["cimis_refs"]`` where
    each reference link it found sits in the inline source: ``(start, label end, end, form)``
    with form ``shortcut``, ``collapsed`` or ``full``."""

    def wrapped(state: Any, silent: bool) -> bool:
        start = state.pos
        ok = bool(rule(state, silent))
        if not ok or silent or "cimis_refs" not in state.env:
            return ok
        end = state.pos
        label_start = start + 1 if image else start
        state.pos = label_start
        label_end = state.md.helpers.parseLinkLabel(state, label_start, True)
        state.pos = end
        if label_end < 0:
            return ok
        after = label_end + 1
        src = state.src
        if end == after:
            form = "shortcut"
        elif src.startswith("[]", after) and end == after + 2:
            form = "collapsed"
        elif src.startswith("[", after):
            form = "full"
        else:
            return ok  # an inline link
        state.env["cimis_refs"].append((label_start, label_end, end, form))
        return ok

    return wrapped


def _locate(lines: list[str], first: int, content: str) -> list[tuple[int, int]] | None:
    """Where each line of an inline token's ``content`` sits in the chapter's ``lines``
    (its block starts at line ``first``): ``(line, column)`` per content line, or ``None``
    when a line cannot be found (tabs expanded by the parser)."""
    out = []
    for k, part in enumerate(content.split("\n")):
        n = first + k
        if n >= len(lines):
            return None
        line = lines[n]
        if line.endswith(part):
            out.append((n, len(line) - len(part)))
        else:
            col = line.find(part)
            if col < 0:
                return None
            out.append((n, col))
    return out


def _ref_edits(md: Any, content: str, env: dict[str, Any], prefix: str) -> list[tuple[int, str]]:
    """``(position in content, text to insert)`` that move every reference link of
    ``content`` to labels with the chapter's ``prefix``."""
    if "[" not in content or not env.get("references"):
        return []
    inner = {"references": env["references"], "cimis_refs": [], "footnotes": env.get("footnotes", {})}
    # the inline parse the workbook renders with (raw HTML off): "<b x="][ref]">" is a link there
    html = md.options["html"]
    md.options["html"] = False
    try:
        md.inline.parse(content, md, inner, [])
    finally:
        md.options["html"] = html
    edits = []
    for label_start, label_end, end, form in inner["cimis_refs"]:
        raw = content[label_start + 1:label_end].replace("\n", " ")
        if form == "shortcut":
            edits.append((end, f"[{prefix}{raw}]"))
        elif form == "collapsed":
            edits.append((end - 1, prefix + raw))
        else:
            edits.append((label_end + 2, prefix))
    return edits


def _apply(text: str, edits: list[tuple[int, str]]) -> str:
    for pos, insert in sorted(edits, reverse=True):
        text = text[:pos] + insert + text[pos:]
    return text


_LIST_MARK = re.compile(r"[-+*0-9.)]")


def _definition_line(first_line: str, meta: dict[str, Any], prefix: str, rewrite: Any) -> list[str]:
    """A reference definition written anew on one line (its label with the chapter's
    prefix, its destination checked and rewritten, its title escaped), behind the same
    container markers; nothing else can hide on the line."""
    lead = first_line[:first_line.find("[")]
    url = str(meta.get("url") or "")
    if not safe_url(url):
        url = "#"
    else:
        url = rewrite(url) or url
    label = prefix + str(meta.get("label", "")).replace("\n", " ")
    line = f"{lead}[{label}]: <{url.replace('<', '%3C').replace('>', '%3E')}>"
    title = meta.get("title")
    if title:
        cont = _LIST_MARK.sub(" ", lead)
        escaped = title.replace("\\", "\\\\").replace('"', '\\"').replace("&", "&amp;")
        line += ' "' + escaped.replace("\n", "\n" + cont) + '"'
    return line.split("\n")


def _analyse(md: Any, chapter: Any, rel: str, global_slugs: set[str], n: int = 0) -> _Chapter:
    source = chapter_markdown(chapter)
    item = _Chapter(chapter, rel, source.split("\n"), shift=min(chapter.level + 2, 6) - 1)
    prefix = f"cimis-c{n}-"
    local_slugs: set[str] = set()
    env: dict[str, Any] = {"cimis_refs": []}
    tokens = md.parse(source, env)
    item.footnotes = {key[1:] for key in env.get("footnotes", {}).get("refs", {})}
    for i, tok in enumerate(tokens):
        if tok.map is None:
            continue
        start, end = tok.map
        if tok.type in ("fence", "code_block"):
            item.kinds.update({n: "code" for n in range(start, end)})
            if tok.type == "fence" and tok.level == 0 and not _closed(item.lines, start, end, tok.markup):
                item.close_fence[end - 1] = tok.markup
        elif tok.type == "html_block":
            item.kinds.update({n: "html" for n in range(start, end)})
        elif tok.type == "definition":
            item.kinds.update({n: "skip" for n in range(start + 1, end)})
            item.kinds[start] = "definition"
            item.definitions[start] = tok.meta
        elif tok.type == "heading_open":
            inline = tokens[i + 1]
            text = "".join(c.content for c in inline.children or [] if c.type in ("text", "code_inline"))
            local = unique_slug(slugify(text), local_slugs)
            item.anchors[local] = unique_slug(slugify(text), global_slugs)
            if tok.level == 0:  # a heading inside a list or quote keeps its place and level
                content = _apply(inline.content, _ref_edits(md, inline.content, env, prefix))
                item.headings[start] = (int(tok.tag[1]), content)
                item.ends[start] = end
                item.kinds.update({n: "heading" for n in range(start, end)})
        elif tok.type == "inline" and tok.map is not None:
            edits = _ref_edits(md, tok.content, env, prefix)
            if edits:
                where = _locate(item.lines, start, tok.content)
                if where is None:
                    continue
                offsets = [0]
                for part in tok.content.split("\n"):
                    offsets.append(offsets[-1] + len(part) + 1)
                for pos, insert in edits:
                    k = max(j for j in range(len(where)) if offsets[j] <= pos)
                    line, col = where[k]
                    item.edits.setdefault(line, []).append((col + pos - offsets[k], insert))
    return item


def _closed(lines: list[str], start: int, end: int, markup: str) -> bool:
    """Whether the fence on lines ``start``..``end`` has its closing line."""
    if end - start < 2:
        return False
    line = lines[end - 1]
    last = line.strip()
    indent = len(line) - len(line.lstrip(" "))
    return indent <= 3 and len(last) >= len(markup) and set(last) == {markup[0]}


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
    items = [_analyse(md, c, norm_rel(c.rel), slugs, n)
             for n, c in enumerate((c for c in book.chapters if c.path is not None and c.rel), 1)]
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
            out.append(heading_line(level + item.shift, rewrite_text_line(content, rewrite, f"c{n}-", item.footnotes)))
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
            if i in item.close_fence:
                out.append(item.close_fence[i])  # an unclosed fence must not swallow the next chapters
        elif kind == "html":
            out.append(escape_html_blocks(line))
        elif kind == "definition":
            out += _definition_line(line, item.definitions[i], f"cimis-c{n}-", rewrite)
        elif kind == "skip":
            pass
        else:
            if i in item.edits:
                line = _apply(line, item.edits[i])
            out.append(rewrite_text_line(line, rewrite, f"c{n}-", item.footnotes))
        i += 1
    return ["", *out, ""]
