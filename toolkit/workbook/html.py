"""The ``html`` exporter: a static site with a page per chapter, previous/next links, a
sidebar with the SUMMARY.md structure, a contents page, a print page with everything, a
stylesheet and an offline search box.

Rebuilds are incremental: each chapter's rendered page, print fragment and search entry
are cached under a key made of its Markdown, its path and the renderer's fingerprint, so
after one chapter changes only that chapter is rendered again; navigation, contents,
search index and print page are re-assembled from the cache (string joins).
"""

from __future__ import annotations

import gc
import hashlib
import posixpath
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from toolkit.i18n import _
from toolkit.parallel import map_split
from toolkit.workbook.htmlcache import BuildCache
from toolkit.workbook.htmlpage import Site
from toolkit.workbook.output import OutputWriter
from toolkit.workbook.render import (
    Renderers,
    chapter_markdown,
    norm_rel,
    page_clashes,
    page_path,
    relative_url,
    render_chapter,
    renderer_fingerprint,
)
from toolkit.workbook.safety import page_href
from toolkit.workbook.search import chapter_entry, index_script, sections_json

ASSETS = Path(__file__).parent / "assets"
#: Markdown (in characters) from which rendering on several cores pays for the fork: about
#: a dozen chapters of a few pages (measured: break-even near 40,000, 10 ms saved at 80,000)
FORK_MIN_CHARS = 48_000

_ATTR = re.compile(r'(\s(?:id|href|src))="([^"]*)"')
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.\-]*:")
#: dropped from a chapter's path to make its print-page id (as heading anchors are made;
#: CJK ideographs are word characters already, and spelling them out as a range made
#: compiling this pattern cost 1.5 ms of every build's start)
_ID_UNSAFE = re.compile(r"[^\w\-]")


class HtmlExporter:
    """Registered as format ``html``."""

    name = "html"

    @property
    def title(self) -> str:
        return _("HTML website with search")

    def build(self, book: Any, out_dir: Path, cache_dir: Path | None = None, previous_dir: Path | None = None) -> None:
        build_site(book, Path(out_dir), cache_dir, previous_dir)

    def update(self, book: Any, out_dir: Path, cache_dir: Path) -> bool:
        """Bring the earlier output ``out_dir`` up to date in place (see
        :class:`~toolkit.workbook.output.OutputWriter`); ``False``, with nothing written,
        when the cache does not know that output (then a full build is needed)."""
        return build_site(book, Path(out_dir), cache_dir, Path(out_dir), in_place=True)


def print_ids(paths: list[str]) -> dict[str, str]:
    """An id for each chapter's section of the print page, made from its path (so that it
    stays the same when chapters are reordered, and cached print fragments stay valid)."""
    ids: dict[str, str] = {}
    taken: set[str] = set()
    for path in paths:
        base = "ch-" + (_ID_UNSAFE.sub("", posixpath.splitext(path)[0].replace("/", "-").replace(" ", "-").lower())
                        or "x")
        pid = base if base not in taken else f"{base}-{hashlib.sha1(path.encode()).hexdigest()[:8]}"
        taken.add(pid)
        ids[path] = pid
    return ids


def to_print(html: str, rel: str, pid: str, pid_of_page: dict[str, str]) -> str:
    """A chapter page's fragment as part of ``print.html``: ids prefixed with the chapter's
    section id, links to chapters turned into links within the page, other relative
    addresses made relative to the site's root."""
    base = posixpath.dirname(page_path(rel))

    def sub(match: re.Match[str]) -> str:
        attr, value = match.group(1), match.group(2)
        if attr == " id":
            return f'{attr}="{pid}--{value}"'
        if value.startswith("#"):
            return f'{attr}="#{pid}--{value[1:]}"'
        if not value or _SCHEME.match(value) or value.startswith("/"):
            return match.group(0)
        path, hash_, fragment = value.partition("#")
        target = posixpath.normpath(posixpath.join(base, path)) if path else page_href(page_path(rel))
        if attr == " href" and unquote(target) in pid_of_page:
            other = pid_of_page[unquote(target)]
            return f'{attr}="#{other}--{fragment}"' if fragment else f'{attr}="#{other}"'
        return f'{attr}="{target}{hash_}{fragment}"'

    return _ATTR.sub(sub, html)


def build_site(book: Any, out: Path, cache_dir: Path | None = None, previous_dir: Path | None = None,
               in_place: bool = False) -> bool:
    """Write the site of ``book`` into the (new, empty) folder ``out``; ``previous_dir`` is
    the last output, whose unchanged files are linked instead of written. ``in_place``:
    ``out`` is the last output, updated where it changed; ``False`` is returned (nothing
    done) when the cache holds no manifest of it."""
    clashes = page_clashes(book)
    if clashes:
        from toolkit.errors import ProblemsError

        raise ProblemsError(clashes)
    cache = BuildCache(cache_dir, renderer_fingerprint())
    if in_place and not cache.manifest:
        return False
    chapters = [(c, norm_rel(c.rel)) for c in book.chapters if c.path is not None and c.rel]
    # a README.md chapter is the start page (as in mdBook); the contents move aside then.
    # Without one, mdBook shows the first chapter there too: so does an mdBook book's site
    # (when that chapter is at the top, where its relative links work from index.html)
    has_index = any(page_path(rel) == "index.html" for _c, rel in chapters)
    start = 0 if (not has_index and getattr(book, "mdbook", False) and chapters
                  and "/" not in page_path(chapters[0][1])) else None
    site = Site(book, "contents.html" if has_index or start is not None else "index.html")
    paths = {rel for _c, rel in chapters}
    pids = print_ids([rel for _c, rel in chapters])
    pid_of_page = {page_path(rel): pid for rel, pid in pids.items()}
    # markdown-it's tokens form no reference cycles, so the cyclic collector would only
    # re-scan the growing heap of finished pages again and again
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        entries = _entries(cache, chapters, paths, pids, pid_of_page)
        # the writer's threads start only now: forking (for rendering) is over
        writer = OutputWriter(out, previous_dir, cache.manifest if previous_dir is not None else None, in_place)
        try:
            for i, (_chapter, rel) in enumerate(chapters):
                _write_page(writer, site, chapters, i, entries[rel][2], entries[rel][0], entries[rel][6])
            if start is not None:
                rel = chapters[start][1]
                _write_page(writer, site, chapters, start, entries[rel][2], entries[rel][0], entries[rel][6],
                            as_page="index.html")
            _write_rest(book, writer, site, chapters, entries, pids)
            _copy_images(book, writer, entries)
        except BaseException:
            writer.discard()
            raise
        manifest = writer.close()
    finally:
        if gc_was_enabled:
            gc.enable()
    cache.save(entries, manifest)
    return True


def _entries(cache: BuildCache, chapters: list[tuple[Any, str]], paths: set[str], pids: dict[str, str],
             pid_of_page: dict[str, str]) -> dict[str, tuple[Any, ...]]:
    """Each chapter's cache entry: the cached one while still valid, else freshly rendered
    (on several cores when there are many)."""
    entries: dict[str, tuple[Any, ...]] = {}
    todo: list[tuple[str, str]] = []
    keys: dict[str, str] = {}
    titles: dict[str, str | None] = {}  # a page title set by mdBook's {{#title}}
    for chapter, rel in chapters:
        # the key depends on these only; with the chapter's text unchanged (the same string,
        # from the chapter cache kept in memory) it is not made again
        inputs = (pids[rel], chapter.title, chapter.body, chapter.root)
        memo = _KEYS.get(rel)
        source = ""
        # "{{": an mdBook link (mdbook.has_links), whose included files are part of the page
        if memo is not None and memo[0] == inputs and "{{" not in chapter.body:
            key = keys[rel] = memo[1]
        else:
            if "{{" in chapter.body:
                source = chapter_markdown(chapter)  # the included files are part of it
                titles[rel] = _page_title(chapter)  # and the title they may set
                made_of = f"{rel}\0{pids[rel]}\0{source}\0{titles[rel]}"
            else:
                # what chapter_markdown makes it from: no need to make it for a cached chapter
                made_of = f"{rel}\0{pids[rel]}\0{chapter.title}\0{chapter.body}"
            key = keys[rel] = hashlib.blake2b(made_of.encode(), digest_size=20).hexdigest()
            _KEYS[rel] = (inputs, key)
        hit = cache.get(rel)
        if hit is not None and hit[0] == key and all((p in paths) == e for p, e in hit[1].items()):
            entries[rel] = hit
        else:
            todo.append((rel, source or chapter_markdown(chapter)))

    if not todo:
        return {rel: entries[rel] for _c, rel in chapters}
    renderers = Renderers()  # made on first use: a build with everything cached never loads markdown-it
    # each chapter's renderer is chosen (and markdown-it loaded) before any fork, so that the
    # workers inherit it rather than each loading markdown-it again
    jobs = [(rel, source, renderers.for_text(source)) for rel, source in todo]

    def render(share: Sequence[tuple[str, str, Any]]) -> list[Any]:
        out = []
        for rel, source, md in share:
            done = render_chapter(md, source, rel, paths)
            out.append((keys[rel], done.links, done.html, to_print(done.html, rel, pids[rel], pid_of_page),
                        sections_json(done.sections), done.images, titles.get(rel)))
        return out

    # a fork pays once there is about FORK_MIN_CHARS of Markdown to parse; pieces of about
    # fifty chapters taken from a queue keep every core busy to the end, however the
    # machine's other work slows one of them
    volume = sum(len(source) for _rel, source in todo)
    min_items = 2 if volume >= FORK_MIN_CHARS else len(todo) + 1
    for (rel, _source), entry in zip(todo, map_split(jobs, render, min_items=min_items, chunks=len(todo) // 50)):
        entries[rel] = entry
    return {rel: entries[rel] for _c, rel in chapters}


#: in-process memos of what a rebuild would otherwise make again for every chapter, by
#: chapter path: (inputs, result). The inputs hold the very strings of the last build (kept
#: in memory by the caches), so comparing them is mostly a matter of identity.
_KEYS: dict[str, tuple[tuple[Any, ...], str]] = {}
_PRINT: dict[str, tuple[tuple[Any, ...], str]] = {}
_SEARCH: dict[str, tuple[tuple[Any, ...], str]] = {}


def _memo(memo: dict[str, tuple[tuple[Any, ...], str]], rel: str, inputs: tuple[Any, ...], make: Any) -> str:
    found = memo.get(rel)
    if found is not None and found[0] == inputs:
        return found[1]
    value: str = make()
    memo[rel] = (inputs, value)
    return value


def _page_title(chapter: Any) -> str | None:
    if chapter.root is None or chapter.path is None:
        return None
    from toolkit.workbook.mdbook import page_title

    return page_title(chapter.body, chapter.path, chapter.root)


def _write_page(writer: OutputWriter, site: Site, chapters: list[tuple[Any, str]], i: int, fragment: str,
                key_of_fragment: str, title: str | None = None, as_page: str | None = None) -> None:
    """The page of chapter ``i``, at its place or at ``as_page`` (a copy in the same
    folder: the start page of an mdBook book)."""
    chapter, rel = chapters[i]
    page = page_path(rel)
    written = as_page or page
    root = "../" * page.count("/")
    prev = next_ = None
    if i > 0:
        other, other_rel = chapters[i - 1]
        prev = (page_href(relative_url(page, page_path(other_rel))), other.title)
    if i + 1 < len(chapters):
        other, other_rel = chapters[i + 1]
        next_ = (page_href(relative_url(page, page_path(other_rel))), other.title)
    # everything the page is made from: unchanged, the last build's page is linked as it is
    key = repr((site.key, key_of_fragment, prev, next_, chapter.title, chapter.status, list(chapter.authors), title))
    if not writer.reuse(written, key):
        writer.write(written, site.chapter_page(chapter, page, root, fragment, prev, next_, title), key)


def _write_rest(book: Any, writer: OutputWriter, site: Site, chapters: list[tuple[Any, str]],
                entries: dict[str, tuple[Any, ...]], pids: dict[str, str]) -> None:
    """Contents, print page, sidebar data, search index and assets."""
    toc = [{"title": c.title, "number": c.number, "level": c.level, "part": c.part, "separator": c.separator,
            "href": page_href(page_path(norm_rel(c.rel))) if c.path is not None and c.rel else None}
           for c in book.chapters]
    toc_key = hashlib.blake2b(repr((site.key, toc)).encode(), digest_size=20).hexdigest()
    if not writer.reuse(site.contents_page, toc_key):
        writer.write(site.contents_page, site.index_page(toc), toc_key)
    # print page and search index are made from the chapters' entries and the contents:
    # when those are the same, the last build's files are linked without making them
    key = hashlib.blake2b(repr((toc_key, [entries[rel][0] for _c, rel in chapters],
                                [(c.status, list(c.authors)) for c, _rel in chapters])).encode()).hexdigest()
    if not writer.reuse("print.html", key):
        print_toc = [{**e, "href": f"#{pids[norm_rel(c.rel)]}" if e["href"] else None}
                     for e, c in zip(toc, book.chapters)]
        sections = [_memo(_PRINT, rel, (site.key, pids[rel], c.status, c.authors, entries[rel][3]),
                          lambda c=c, rel=rel: f'<section class="print-chapter" id="{pids[rel]}">\n'
                          f'{site.chapter_meta(c)}{entries[rel][3]}</section><!--/print-chapter-->')
                    for c, rel in chapters]
        writer.write("print.html", site.print_page(print_toc, sections), key)
    if not writer.reuse("toc.js", toc_key):
        writer.write("toc.js", site.toc_script(toc), toc_key)
    if not writer.reuse("search-index.js", key):
        writer.write("search-index.js", index_script(
            [_memo(_SEARCH, rel, (c.title, c.number, entries[rel][4]),
                   lambda c=c, rel=rel: chapter_entry(c.title, c.number, page_href(page_path(rel)), entries[rel][4]))
             for c, rel in chapters]),
            key)
    for asset in ("style.css", "book.js"):
        writer.write(asset, (ASSETS / asset).read_bytes())
    # mdBook's redirects: pages that send a reader of an old address on; never over a page
    taken = {page_path(rel) for _c, rel in chapters} | {site.contents_page, "index.html", "print.html"}
    for old, new in sorted(getattr(book, "redirects", {}).items()):
        if old not in taken:
            from toolkit.workbook.mdbook import redirect_page

            writer.write(old, redirect_page(new))


def _copy_images(book: Any, writer: OutputWriter, entries: dict[str, tuple[Any, ...]]) -> None:
    """Copy the local images the chapters show: only files of a known image type inside
    the workbook folder (symlinks followed and checked), never hidden files nor the build
    output, regular files only and bounded in size; SVG files rebuilt from an allow-list
    (:func:`~toolkit.workbook.safety.sanitise_svg`), since a browser runs an SVG's scripts
    when the file is opened on its own. Files that fail a rule are left out with a warning
    on standard error; the page shows the image's alternative text instead."""
    import sys

    from toolkit.workbook.safety import (
        MAX_ASSET_BYTES,
        UnsafeFile,
        UnsafeSvg,
        publishable_asset,
        read_regular,
        real_inside,
        sanitise_svg,
    )

    folder = Path(book.folder).resolve()
    for rel in sorted({img for entry in entries.values() for img in entry[5]}):
        if not publishable_asset(rel) or rel.split("/", 1)[0] == "build":
            continue
        source = folder / rel
        if not source.exists():
            continue  # workbook check reports it
        try:
            if not real_inside(folder, source):
                raise UnsafeFile(_("it leads outside the workbook folder"))
            data = read_regular(source)
            if rel.lower().endswith(".svg"):
                data = sanitise_svg(data)
        except (UnsafeFile, UnsafeSvg) as exc:
            reason = str(exc)
            if reason == "not a regular file":  # safety.py's reasons are English: said in the user's language
                reason = _("not a regular file (a device, pipe or folder)")
            elif reason.startswith("larger than"):
                reason = _("larger than {size} MiB").format(size=MAX_ASSET_BYTES // (1024 * 1024))
            print(_("warning: image '{path}' left out: {reason}").format(path=rel, reason=reason), file=sys.stderr)
            continue
        writer.write(rel, data)
