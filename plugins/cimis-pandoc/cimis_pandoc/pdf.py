"""PDF through WeasyPrint, from the HTML print page and its print stylesheet.

The renderer may read only files inside the build folder: :class:`confined_fetcher`
refuses every other address (http, https, ftp, data:, files elsewhere, links that lead
out of the folder), so a chapter cannot make the PDF build reach the network or read
``/etc/passwd``.
"""

from __future__ import annotations

import mimetypes
import os
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from cimis_pandoc.site import SITE_DIR, build_print_page, require, without_remote_images


def allowed_path(url: str, root: Path) -> Path | None:
    """The file ``url`` names when it is a ``file:`` URL of a file inside ``root``."""
    parts = urlsplit(url)
    if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
        return None
    path = Path(unquote(parts.path)).resolve()  # resolve: no way out through ".." or symlinks
    base = root.resolve()
    if path != base and base not in path.parents:
        return None
    return path if path.is_file() else None


def confined_fetcher(root: Path) -> Any:
    """A WeasyPrint URL fetcher that serves files inside ``root`` and refuses the rest."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class ConfinedFetcher(URLFetcher):
        def __init__(self) -> None:
            super().__init__(allowed_protocols={"file"}, allow_redirects=False)
            self.refused: list[str] = []

        def fetch(self, url: str, headers: Any = None) -> Any:
            path = allowed_path(url, root)
            if path is None:
                self.refused.append(url)
                raise ValueError(f"refused outside the build folder: {url[:200]}")
            mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": mime})

    return ConfinedFetcher()


#: paged-media rules on top of the site's print styles: page numbers, a running header with
#: the book's title (taken from the title page), page numbers in the table of contents,
#: checklists as boxes, and code that wraps instead of running off the page
PAGED_CSS = """
@page {
  size: A4; margin: 2.2cm 2cm 2.4cm;
  @top-center { content: string(book-title); font: 8.5pt system-ui, sans-serif; color: #5b6670; }
  @bottom-center { content: counter(page); font: 9pt system-ui, sans-serif; }
}
@page :first { @top-center { content: none; } @bottom-center { content: none; } }
.title-page h1.book-title { string-set: book-title content(); }
.print-toc a::after { content: leader(".") " " target-counter(attr(href), page); }
.print-toc a { display: inline; }
.print-toc li { list-style: none; }
pre, pre code { white-space: pre-wrap; overflow-wrap: anywhere; word-break: break-word; overflow: visible; }
pre { break-inside: auto; }
table { display: table; width: 100%; }
th.align-right, td.align-right { text-align: right; }
th.align-center, td.align-center { text-align: center; }
ul.contains-task-list { list-style: none; padding-left: 1.2rem; }
li.task-list-item input { display: none; }
li.task-list-item::before { content: "\\2610\\00a0"; }
li.task-list-item.checked::before { content: "\\2612\\00a0"; }
"""


def _mark_checked(html: str) -> str:
    """Checked task-list items get a class the stylesheet can draw a ticked box for
    (form controls do not print reliably)."""
    import re

    return re.sub(r'<li class="task-list-item">(\s*<input [^>]*checked)', r'<li class="task-list-item checked">\1',
                  html)


def build_pdf(book: Any, out_dir: Path) -> Path:
    weasyprint = require("weasyprint", "WeasyPrint (pip install weasyprint; it needs Pango from the system)")
    out_dir = Path(out_dir)
    page = build_print_page(book, out_dir)
    page.write_text(_mark_checked(without_remote_images(page.read_text("utf-8"))), "utf-8")
    target = out_dir / "book.pdf"
    fetcher = confined_fetcher(page.parent)
    document = weasyprint.HTML(filename=os.fspath(page), url_fetcher=fetcher, media_type="print")
    document.write_pdf(os.fspath(target), stylesheets=[weasyprint.CSS(string=PAGED_CSS)])
    shutil.rmtree(out_dir / SITE_DIR)
    return target
