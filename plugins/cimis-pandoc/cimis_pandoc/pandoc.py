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
    return confined_images(html, root) if root is not None else html


def publication_date() -> str:
    """The book's date (ISO), from ``SOURCE_DATE_EPOCH`` when set (reproducible builds)."""
    import datetime
    import os

    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).date().isoformat()
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
