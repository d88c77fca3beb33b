"""The page templates of the HTML site: chapter pages, the contents page and the print
page, plus the sidebar data (``toc.js``).

Every value put into a template passes :func:`esc` (titles, names, numbers, addresses)
or :func:`toolkit.workbook.search.js_json`; only rendered chapter fragments, which come
from the safe renderer, are inserted as they are. Labels are in the book's language, not
the language of whoever runs the build.
"""

from __future__ import annotations

import hashlib
from html import escape
from pathlib import Path
from typing import Any

from toolkit.i18n import N_
from toolkit.workbook.search import js_json

STATUS_LABELS = {"todo": N_("To do"), "draft": N_("Draft"), "review": N_("In review"), "final": N_("Final")}

# Scripts only from files (no inline script or event handler can run even if one slipped
# through); file: because some browsers do not count file:// pages as 'self'.
CSP = ("default-src 'self' file:; script-src 'self' file:; style-src 'self' file:; "
       "img-src 'self' file: http: https:; object-src 'none'; base-uri 'none'; form-action 'none'")


def esc(value: Any) -> str:
    return escape(str(value), quote=True)


def tr(message: str, lang: str) -> str:
    """``message`` in the book's language ``lang``."""
    if lang == "de":
        from toolkit.i18n.de import MESSAGES

        return MESSAGES.get(message, message)
    return message


def numbered(title: str, number: str | None) -> str:
    return f"{number}. {title}" if number else title


class Site:
    """What every page shares: the book's title and language and the translated labels."""

    def __init__(self, book: Any, contents_page: str = "index.html"):
        self.lang = book.language if book.language in ("de", "en") else "en"
        self.title = book.title
        self.subtitle = book.subtitle or ""
        self.authors = list(book.authors)
        #: the contents page (``contents.html`` when a README.md chapter is ``index.html``)
        self.contents_page = contents_page
        lang = self.lang
        self.labels = {key: esc(tr(text, lang)) for key, text in {
            "contents": N_("Contents"), "search": N_("Search"), "previous": N_("Previous"), "next": N_("Next"),
            "print": N_("Print version"), "authors": N_("Authors"), "reviewers": N_("Reviewers"),
            "no_results": N_("No results"), "skip": N_("Skip to content"), "menu": N_("Contents"),
            "draft_chapter": N_("(not written yet)"),
        }.items()}
        self.status = {key: esc(tr(text, lang)) for key, text in STATUS_LABELS.items()}
        #: what every page depends on besides its chapter (a page made with another key is stale)
        self.key = hashlib.blake2b(repr((lang, contents_page, self.title, self.subtitle, self.authors, self.labels,
                                         self.status, Path(__file__).stat().st_mtime_ns)).encode(),
                                   digest_size=16).hexdigest()

    def head(self, title: str, root: str) -> str:
        return (f'<!DOCTYPE html>\n<html lang="{self.lang}">\n<head>\n<meta charset="utf-8">\n'
                f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
                f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
                f'<meta name="referrer" content="no-referrer">\n'
                f'<title>{esc(title)}</title>\n<link rel="stylesheet" href="{root}style.css">\n</head>\n')

    def topbar(self, root: str, page: str) -> str:
        lab = self.labels
        return (f'<body data-root="{esc(root)}" data-page="{esc(page)}" data-no-results="{lab["no_results"]}">\n'
                f'<a class="skip" href="#content">{lab["skip"]}</a>\n'
                f'<header class="topbar"><a class="book-title" href="{root}index.html">{esc(self.title)}</a>'
                f'<div class="search"><input type="search" id="search-input" placeholder="{lab["search"]}" '
                f'aria-label="{lab["search"]}" autocomplete="off"><ol id="search-results" hidden></ol></div>'
                f'<a class="print-link" href="{root}print.html">{lab["print"]}</a></header>\n'
                f'<div class="layout"><nav id="sidebar" class="sidebar" aria-label="{lab["contents"]}">'
                f'<noscript><a href="{root}{self.contents_page}">{lab["contents"]}</a></noscript></nav>\n')

    def tail(self, root: str) -> str:
        return (f'</div>\n<script src="{root}toc.js"></script>\n<script src="{root}book.js"></script>\n'
                f'</body>\n</html>\n')

    def chapter_meta(self, chapter: Any) -> str:
        parts = []
        if chapter.status != "final":
            parts.append(f'<span class="status status-{esc(chapter.status)}">'
                         f'{self.status.get(chapter.status, esc(chapter.status))}</span>')
        if chapter.authors:
            parts.append(f'<span class="authors">{self.labels["authors"]}: '
                         f'{esc(", ".join(map(str, chapter.authors)))}</span>')
        return f'<p class="chapter-meta">{" ".join(parts)}</p>\n' if parts else ""

    def chapter_page(self, chapter: Any, page: str, root: str, fragment: str,
                     prev: tuple[str, str] | None, next_: tuple[str, str] | None, title: str | None = None) -> str:
        """A chapter's page; ``title`` (set by mdBook's ``{{#title}}``) replaces the browser
        title "chapter – book", as in mdBook."""
        lab = self.labels
        pager = []
        if prev:
            pager.append(f'<a rel="prev" href="{esc(prev[0])}"><span>{lab["previous"]}</span> {esc(prev[1])}</a>')
        if next_:
            pager.append(f'<a rel="next" href="{esc(next_[0])}"><span>{lab["next"]}</span> {esc(next_[1])}</a>')
        return (self.head(title or f"{chapter.title} – {self.title}", root) + self.topbar(root, page)
                + f'<main id="content" class="chapter">\n{self.chapter_meta(chapter)}{fragment}'
                + f'<nav class="pager">{"".join(pager)}</nav>\n</main>\n' + self.tail(root))

    def title_block(self) -> str:
        out = [f'<h1 class="book-title">{esc(self.title)}</h1>']
        if self.subtitle:
            out.append(f'<p class="subtitle">{esc(self.subtitle)}</p>')
        if self.authors:
            out.append(f'<p class="book-authors">{esc(", ".join(map(str, self.authors)))}</p>')
        return "\n".join(out) + "\n"

    def contents_list(self, entries: list[dict[str, Any]]) -> str:
        """Nested list of ``entries`` (``title``, ``number``, ``level``, ``href`` or None,
        ``part``, ``separator``); part titles become headings between the lists, and
        SUMMARY.md's ``---`` a divider."""
        out: list[str] = []
        depth = 0
        part = None
        for entry in entries:
            if entry.get("separator"):
                out.append("</li></ul>" * depth + '<hr class="toc-separator">')
                depth = 0
            if entry["part"] != part:
                # a new part, or the suffix chapters after the last part: never inside it
                out.append("</li></ul>" * depth)
                depth = 0
                if entry["part"]:
                    out.append(f'<h2 class="part">{esc(entry["part"])}</h2>')
            part = entry["part"]
            level = entry["level"] + 1
            if level > depth:
                out.append('<ul class="toc">' * (level - depth))
            else:
                out.append("</li></ul>" * (depth - level) + "</li>")
            depth = level
            text = esc(numbered(entry["title"], entry["number"]))
            if entry["href"] is None:
                out.append(f'<li class="draft"><span>{text}</span> <small>{self.labels["draft_chapter"]}</small>')
            else:
                out.append(f'<li><a href="{esc(entry["href"])}">{text}</a>')
        out.append("</li></ul>" * depth)
        return "".join(out)

    def index_page(self, entries: list[dict[str, Any]]) -> str:
        return (self.head(self.title, "") + self.topbar("", self.contents_page)
                + f'<main id="content" class="contents">\n{self.title_block()}'
                + f'<h2>{self.labels["contents"]}</h2>\n{self.contents_list(entries)}\n</main>\n' + self.tail(""))

    def print_page(self, entries: list[dict[str, Any]], chapters: list[str]) -> str:
        return (self.head(self.title, "") + '<body class="print">\n<main id="content">\n'
                + f'<section class="title-page">{self.title_block()}</section>\n'
                + f'<nav class="print-toc"><h2>{self.labels["contents"]}</h2>\n{self.contents_list(entries)}</nav>\n'
                + "\n".join(chapters) + "\n</main>\n</body>\n</html>\n")

    @staticmethod
    def toc_script(entries: list[dict[str, Any]]) -> str:
        data = [{"t": e["title"], "n": e["number"] or "", "l": e["level"], "u": e["href"], "p": e["part"] or "",
                 **({"s": 1} if e.get("separator") else {})} for e in entries]
        return "window.cimisToc=" + js_json(data) + ";\n"
