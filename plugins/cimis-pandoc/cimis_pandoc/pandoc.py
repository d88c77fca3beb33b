"""EPUB and DOCX through pandoc (the ``pypandoc_binary`` wheel brings pandoc along)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

from cimis_pandoc.site import SITE_DIR, build_print_page, confined_images, require, without_remote_images

TARGETS = {"epub": ("epub3", "book.epub"), "docx": ("docx", "book.docx")}

_TITLE_PAGE = re.compile(r'<section class="title-page">.*?</section>\n<nav class="print-toc">.*?</nav>\n', re.S)


def pandoc_input(html: str, root: Path | None = None) -> str:
    """The print page without its own title page and contents (pandoc makes both from the
    metadata), without remote images and, given the site folder ``root``, without images
    that are not files inside it."""
    html = without_remote_images(_TITLE_PAGE.sub("", html, count=1))
    heading_of: dict[str, str] = {}

    def unwrap(match: re.Match[str]) -> str:
        heading = match.group(3)
        found = re.search(r'id="([^"]*)"', heading)
        if found:  # links to the chapter go to its heading
            heading_of[match.group(1)] = found.group(1)
        return heading + match.group(4) + (f"\n{match.group(2)}" if match.group(2) else "")

    html = _MAIN.sub("", _CHAPTER.sub(unwrap, html)).replace("</section><!--/print-chapter-->", "")
    html = re.sub(r'href="#([^"]*)"', lambda m: f'href="#{heading_of.get(m.group(1), m.group(1))}"', html)
    html = _CHECKBOX.sub(lambda m: "\u2612 " if "checked" in m.group(0) else "\u2610 ", html)
    html = _ALIGN.sub(r'<\1 style="text-align: \2"', html)
    return confined_images(html, root) if root is not None else html


# a chapter of the print page: its wrapper would keep pandoc from giving it a file of its
# own (--split-level=1 splits at top-level headings only), so the wrapper goes and its id
# moves into the chapter's heading (links follow); the status line follows the heading
_CHAPTER = re.compile(r'<section class="print-chapter" id="([^"]*)">\n(<p class="chapter-meta">.*?</p>\n)?'
                      r'(<h1[^>]*>)(.*?</h1>)', re.S)
_MAIN = re.compile(r"</?main[^>]*>")
# pandoc's HTML reader drops form controls: checklists as ballot boxes, which every format shows
_CHECKBOX = re.compile(r'<input class="task-list-item-checkbox"[^>]*>\s?')
# the site carries alignment as classes (its CSP forbids inline styles); pandoc reads styles
_ALIGN = re.compile(r'<(th|td) class="align-(left|right|center)"')


def publication_date() -> str:
    """The book's date (ISO), from ``SOURCE_DATE_EPOCH`` when set (reproducible builds)."""
    import datetime
    import os

    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date().isoformat()
    return datetime.date.today().isoformat()


def build_with_pandoc(book: Any, out_dir: Path, fmt: str) -> Path:
    pypandoc = require("pypandoc", "pandoc (pip install pypandoc_binary)")
    to, filename = TARGETS[fmt]
    out_dir = Path(out_dir)
    page = build_print_page(book, out_dir)
    source = page.with_name("pandoc-input.html")
    source.write_text(pandoc_input(page.read_text("utf-8"), page.parent), "utf-8")
    args = ["--standalone", f"--resource-path={page.parent}", "--metadata", f"title={book.title}",
            "--metadata", f"lang={book.language}"]
    if book.subtitle:
        args += ["--metadata", f"subtitle={book.subtitle}"]
    for author in book.authors:
        args += ["--metadata", f"author={author}"]
    args += ["--metadata", f"date={publication_date()}"]
    if fmt == "epub":
        args += ["--toc", "--split-level=1", f"--css={page.parent / 'style.css'}"]
    else:
        args += ["--toc"]
    target = out_dir / filename
    pypandoc.convert_file(str(source), to, format="html", outputfile=str(target), extra_args=args)
    shutil.rmtree(out_dir / SITE_DIR)
    return target
