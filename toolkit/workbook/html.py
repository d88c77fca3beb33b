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
import os
import pickle
import posixpath
import re
import shutil
from pathlib import Path
from typing import Any

from toolkit.i18n import _
from toolkit.workbook.htmlpage import Site
from toolkit.workbook.render import (chapter_markdown, make_renderer, norm_rel, page_path, relative_url,
                                     render_chapter, renderer_fingerprint, slugify)
from toolkit.workbook.search import chapter_entry, index_script, sections_json

ASSETS = Path(__file__).parent / "assets"
CACHE_FILE = "html.pickle"
CACHE_VERSION = 1

_ATTR = re.compile(r'(\s(?:id|href|src))="([^"]*)"')
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.\-]*:")


class HtmlExporter:
    """Registered as format ``html``."""

    name = "html"

    @property
    def title(self) -> str:
        return _("HTML website with search")

    def build(self, book: Any, out_dir: Path, cache_dir: Path | None = None) -> None:
        build_site(book, Path(out_dir), cache_dir)


def print_ids(paths: list[str]) -> dict[str, str]:
    """An id for each chapter's section of the print page, made from its path (so that it
    stays the same when chapters are reordered, and cached print fragments stay valid)."""
    ids: dict[str, str] = {}
    taken: set[str] = set()
    for path in paths:
        base = "ch-" + (slugify(posixpath.splitext(path)[0].replace("/", "-")) or "x")
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
        target = posixpath.normpath(posixpath.join(base, path)) if path else page_path(rel)
        if attr == " href" and target in pid_of_page:
            other = pid_of_page[target]
            return f'{attr}="#{other}--{fragment}"' if fragment else f'{attr}="#{other}"'
        return f'{attr}="{target}{hash_}{fragment}"'

    return _ATTR.sub(sub, html)


def _load_cache(cache_dir: Path | None, fingerprint: str) -> dict[str, tuple]:
    if cache_dir is None:
        return {}
    try:
        with open(cache_dir / CACHE_FILE, "rb") as fh:
            data = pickle.load(fh)
    except (OSError, pickle.PickleError, EOFError, AttributeError, ValueError, TypeError):
        return {}  # no cache or an unreadable one: a full build
    if not isinstance(data, dict) or data.get("v") != CACHE_VERSION or data.get("fp") != fingerprint:
        return {}
    return data.get("entries", {})


def _save_cache(cache_dir: Path, fingerprint: str, entries: dict[str, tuple]) -> None:
    # a cache needs no fsync: losing it costs one full build, never a wrong page
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = cache_dir / f".{CACHE_FILE}.{os.getpid()}.tmp"
    with open(tmp, "wb") as fh:
        pickle.dump({"v": CACHE_VERSION, "fp": fingerprint, "entries": entries}, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, cache_dir / CACHE_FILE)


def build_site(book: Any, out: Path, cache_dir: Path | None = None) -> None:
    """Write the site of ``book`` into the (new, empty) folder ``out``."""
    md = make_renderer()
    fingerprint = renderer_fingerprint(md)
    site = Site(book)
    chapters = [(c, norm_rel(c.rel)) for c in book.chapters if c.path is not None and c.rel]
    paths = {rel for _c, rel in chapters}
    pids = print_ids([rel for _c, rel in chapters])
    pid_of_page = {page_path(rel): pid for rel, pid in pids.items()}
    cached = _load_cache(cache_dir, fingerprint)
    entries: dict[str, tuple] = {}
    changed = len(cached) != len(chapters)
    # markdown-it's tokens form no reference cycles, so the cyclic collector would only
    # re-scan the growing heap of finished pages again and again
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        _render_all(md, chapters, paths, pids, pid_of_page, cached, entries)
    finally:
        if gc_was_enabled:
            gc.enable()
    changed = changed or any(entries[rel] is not cached.get(rel) for rel in entries)
    _write_site(book, out, site, chapters, entries, pids)
    if cache_dir is not None and changed:
        _save_cache(cache_dir, fingerprint, entries)


def _render_all(md: Any, chapters: list[tuple[Any, str]], paths: set[str], pids: dict[str, str],
                pid_of_page: dict[str, str], cached: dict[str, tuple], entries: dict[str, tuple]) -> None:
    """Fill ``entries`` with each chapter's cache entry: the cached one while it is still
    valid, else a freshly rendered one."""
    for chapter, rel in chapters:
        source = chapter_markdown(chapter)
        key = hashlib.sha256(f"{rel}\0{pids[rel]}\0{source}".encode()).hexdigest()
        hit = cached.get(rel)
        if hit is not None and hit[0] == key and all((p in paths) == e for p, e in hit[1].items()):
            entries[rel] = hit
            continue
        done = render_chapter(md, source, rel, paths)
        entries[rel] = (key, done.links, done.html, to_print(done.html, rel, pids[rel], pid_of_page),
                        sections_json(done.sections), done.images)


def _write(out: Path, rel: str, text: str, made: set[str]) -> None:
    # plain strings and one makedirs per folder: pathlib costs more than the writing here
    path = os.path.join(out, rel)
    folder = os.path.dirname(path)
    if folder not in made:
        os.makedirs(folder, exist_ok=True)
        made.add(folder)
    with open(path, "wb") as fh:
        fh.write(text.encode("utf-8"))


def _write_site(book: Any, out: Path, site: Site, chapters: list[tuple[Any, str]], entries: dict[str, tuple],
                pids: dict[str, str]) -> None:
    made: set[str] = set()
    toc = [{"title": c.title, "number": c.number, "level": c.level, "part": c.part,
            "href": page_path(norm_rel(c.rel)) if c.path is not None and c.rel else None} for c in book.chapters]
    for i, (chapter, rel) in enumerate(chapters):
        page = page_path(rel)
        root = "../" * page.count("/")
        prev = next_ = None
        if i > 0:
            other, other_rel = chapters[i - 1]
            prev = (relative_url(page, page_path(other_rel)), other.title)
        if i + 1 < len(chapters):
            other, other_rel = chapters[i + 1]
            next_ = (relative_url(page, page_path(other_rel)), other.title)
        _write(out, page, site.chapter_page(chapter, page, root, entries[rel][2], prev, next_), made)
    _write(out, "index.html", site.index_page(toc), made)
    print_toc = [{**e, "href": f"#{pids[norm_rel(c.rel)]}" if e["href"] else None} for e, c in zip(toc, book.chapters)]
    sections = [f'<section class="print-chapter" id="{pids[rel]}">\n{site.chapter_meta(c)}{entries[rel][3]}</section>'
                for c, rel in chapters]
    _write(out, "print.html", site.print_page(print_toc, sections), made)
    _write(out, "toc.js", site.toc_script(toc), made)
    _write(out, "search-index.js", index_script(
        [chapter_entry(c.title, c.number, page_path(rel), entries[rel][4]) for c, rel in chapters]), made)
    for asset in ("style.css", "book.js"):
        shutil.copyfile(ASSETS / asset, out / asset)
    _copy_images(book, out, entries)


def _copy_images(book: Any, out: Path, entries: dict[str, tuple]) -> None:
    """Copy local images the chapters show (only files inside the workbook folder)."""
    folder = Path(book.folder).resolve()
    for rel in sorted({img for entry in entries.values() for img in entry[5]}):
        source = (folder / rel).resolve()
        if source.is_file() and source.is_relative_to(folder) and not rel.startswith("build/"):
            target = out / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
