"""A workbook folder, read: :func:`load_book` (raises on errors) and :func:`read_book`
(never raises; returns the book it could read and every problem).

Public API (the HTML/Markdown builder imports this)::

    from toolkit.workbook.book import load_book
    book = load_book(folder)          # ProblemsError (file:line problems) on broken input
    book.title, book.subtitle, book.authors, book.language, book.folder
    book.sources, book.anonymise      # from book.yaml (sources as written, relative)
    book.chapters                     # every chapter in SUMMARY.md order (prefix, numbered, suffix)
    book.prefix, book.numbered, book.suffix   # the same chapters by section
    book.parts                        # [Part(title, chapters)] for the numbered section; the
                                      # chapters before the first part title have title None
    book.summary_title                # the title line of SUMMARY.md ("Summary")
    book.mdbook                       # True for an mdBook book read from its book.toml
    book.redirects                    # mdBook's [output.html.redirect]: old page -> new address

    chapter.path      # Path of the file (absolute), None for a draft chapter "- [Title]()"
    chapter.rel       # the path as written in SUMMARY.md, None for a draft
    chapter.title     # front matter title, else the SUMMARY.md link text
    chapter.number    # "1", "1.2", ... for numbered chapters, None for prefix/suffix
    chapter.level     # 0 for top-level entries, 1 for nested, ...
    chapter.kind      # "prefix", "numbered" or "suffix"
    chapter.status, .authors, .reviewers, .comments (list of model.Comment), .source
    chapter.body      # Markdown without front matter (markers still in: use
                      # toolkit.workbook.markers.strip_markers before rendering)
    chapter.body_line # file line of the body's first line
    chapter.draft     # True for "- [Title]()"

A chapter file listed twice is an error; chapter files in ``chapters/`` that SUMMARY.md
does not list are in ``book.unlisted`` (``cimis workbook check`` reports them).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from toolkit.errors import Problem, ProblemsError
from toolkit.i18n import _
from toolkit.workbook.files import parse_chapter, read_book_config, read_text
from toolkit.workbook.layout import BOOK_FILE, CHAPTERS_DIR, NO_FRONT_MATTER, SUMMARY_FILE, BookSettings, ChapterFields
from toolkit.workbook.safety import real_inside
from toolkit.workbook.summary import parse_summary

if TYPE_CHECKING:  # pydantic is imported only when a file has to be validated
    from toolkit.workbook.model import ChapterSource, Comment


@dataclass
class Chapter:
    path: Path | None
    title: str
    number: str | None
    level: int
    status: str
    authors: list[str]
    reviewers: list[str]
    comments: list[Comment]
    body: str
    source: ChapterSource | None
    rel: str | None = None
    kind: str = "numbered"
    part: str | None = None
    body_line: int = 1
    summary_line: int = 0
    link_title: str = ""
    separator: bool = False  # SUMMARY.md has a "---" line before it: a divider in the contents
    root: Path | None = None  # the folder {{#include}} never reads outside (an mdBook's, book.toml's)

    @property
    def draft(self) -> bool:
        return self.path is None

    @property
    def open_comments(self) -> list[Comment]:
        return [c for c in self.comments if not c.resolved]


@dataclass
class Part:
    title: str | None
    chapters: list[Chapter] = field(default_factory=list)


@dataclass
class Book:
    folder: Path
    config: BookSettings
    chapters: list[Chapter] = field(default_factory=list)
    summary_title: str | None = None
    parts: list[Part] = field(default_factory=list)
    unlisted: list[Path] = field(default_factory=list)
    mdbook: bool = False  # read from an mdBook's book.toml (not a workbook's book.yaml)
    redirects: dict[str, str] = field(default_factory=dict)  # old page -> new address (mdBook's)

    title = property(lambda self: self.config.title)
    subtitle = property(lambda self: self.config.subtitle)
    authors = property(lambda self: list(self.config.authors))
    language = property(lambda self: self.config.language)
    sources = property(lambda self: list(self.config.sources))
    anonymise = property(lambda self: self.config.anonymise)

    @property
    def prefix(self) -> list[Chapter]:
        return [c for c in self.chapters if c.kind == "prefix"]

    @property
    def numbered(self) -> list[Chapter]:
        return [c for c in self.chapters if c.kind == "numbered"]

    @property
    def suffix(self) -> list[Chapter]:
        return [c for c in self.chapters if c.kind == "suffix"]

    @property
    def summary_path(self) -> Path:
        return self.folder / SUMMARY_FILE

    def chapter_for(self, path: Path) -> Chapter | None:
        target = Path(os.path.abspath(path))
        return next((c for c in self.chapters if c.path == target), None)


def resolve_in(root: Path, rel: str) -> Path | None:
    """``root/rel`` (``root`` absolute), normalised, when it stays inside ``root``, else ``None``.

    Plain path arithmetic rather than ``Path.resolve()``: a rebuild reads every chapter's
    path, and a system call per path was most of a one-chapter rebuild's time.
    """
    key = (str(root), rel)
    found = _RESOLVED.get(key, _MISSING)
    if found is _MISSING:
        path = os.path.normpath(os.path.join(root, rel))
        inside = path == str(root) or path.startswith(os.path.join(str(root), ""))
        # making a Path costs more than the arithmetic: remembered per process (a Path is immutable)
        found = _RESOLVED[key] = Path(path) if inside else None
    return found  # type: ignore[return-value]


_MISSING = object()
#: the last parsed SUMMARY.md per path, with its text: a rebuild in the same process (the
#: terminal UI's preview, a watch loop) parses it again only when it changed
_SUMMARIES: dict[str, tuple[str, bool, Any]] = {}
_RESOLVED: dict[tuple[str, str], Path | None] = {}


def _chapter_file_problem(root: Path, path: Path, real_dirs: dict[str, bool]) -> str | None:
    """Why the chapter file ``path`` cannot be published (a message with ``{path}``), or
    ``None``. A symlink, or a folder on the way that is one, must not lead outside the
    workbook: its target would be published. One ``lstat`` per file; the folders' real
    paths are looked up once each (``real_dirs`` remembers them)."""
    import errno
    import stat

    try:
        st = os.lstat(path)
    except OSError:
        return _missing(path)
    folder = os.path.dirname(path)
    if folder not in real_dirs:
        real_dirs[folder] = real_inside(root, folder)
    if stat.S_ISLNK(st.st_mode) or not real_dirs[folder]:
        if not real_inside(root, path):
            return _("chapter file '{path}' is a symlink that leads outside the workbook folder; "
                     "copy the file into the workbook instead")
        try:
            st = os.stat(path)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                return _("chapter file '{path}' is a symlink that leads to itself (a loop)")
            return _("chapter file '{path}' does not exist")
    if not stat.S_ISREG(st.st_mode):
        return _("chapter file '{path}' is not a regular file")
    return None


def _missing(path: Path) -> str:
    """Why ``path`` is not there: a name typed with accents composed (NFC) where the file's
    has them decomposed (NFD, as macOS writes them), or the reverse, looks the same but is
    another name on Linux."""
    import unicodedata

    folder, name = os.path.split(path)
    wanted = unicodedata.normalize("NFC", name)
    try:
        others = os.listdir(folder or ".")
    except OSError:
        others = []
    if any(other != name and unicodedata.normalize("NFC", other) == wanted for other in others):
        return _("chapter file '{path}' does not exist; a file whose name differs only in how its accents are "
                 "encoded (Unicode NFC or NFD) is there: rename it or type the link again")
    return _("chapter file '{path}' does not exist")


def read_chapter_file(path: Path, rel: str, title: str = "", cache: Any = None,
                      default_status: str = "todo") -> tuple[Chapter | None, list[Problem]]:
    """One chapter file as a :class:`Chapter` (numbering fields left empty); ``cache`` (a
    :class:`~toolkit.workbook.chaptercache.ChapterCache`) skips parsing unchanged files."""
    try:
        st = os.stat(path) if cache is not None else None
    except OSError:
        st = None
    hit = cache.get(path, st) if st is not None else None
    if hit is not None:
        meta, body, body_line = hit
        problems: list[Problem] = []
    else:
        text, problems = read_text(path)
        if text is None:
            return None, problems
        if text.split("\n", 1)[0].strip() != "---":
            # no front matter (every chapter of an mdBook book): the defaults, without
            # importing pydantic to validate nothing
            meta, body, body_line = NO_FRONT_MATTER, text, 1
        else:
            parsed, body, body_line, problems = parse_chapter(text, path)
            if parsed is None:
                return None, problems
            meta = ChapterFields.of(parsed)
        if st is not None and not problems:
            cache.put(path, st, meta, body, body_line)
    status = meta.status or default_status
    chapter = Chapter(path=path, title=meta.title or title or path.stem, number=None, level=0, status=status,
                      authors=list(meta.authors), reviewers=list(meta.reviewers), comments=list(meta.comments),
                      body=body, source=meta.source, rel=rel, body_line=body_line, link_title=title)
    return chapter, problems


_Settings = tuple[BookSettings, Path, str, dict[str, str], dict[str, str]]


def _read_settings(folder: Path, cache: Any) -> tuple[_Settings | None, list[Problem]]:
    """``((settings, chapters' folder, default status, hidelines, redirects), problems)`` from
    ``book.yaml`` or an mdBook's ``book.toml`` (the last two: its ``[output.html]``, see
    :func:`~toolkit.workbook.mdbook.html_settings`); the validated result is cached while the
    file is unchanged, so that a rebuild neither parses nor imports a TOML reader."""
    mdbook = not (folder / BOOK_FILE).exists() and (folder / "book.toml").is_file()
    path = folder / ("book.toml" if mdbook else BOOK_FILE)
    try:
        st: os.stat_result | None = os.stat(path)
    except OSError:
        st = None
    cached = cache.get_config(path, st) if st is not None else None
    # an mdBook's src may have been swapped for a symlink leading out since: checked again
    if cached is not None and real_inside(folder, cached[1]):
        return (cached[0], Path(cached[1]), cached[2], cached[3], cached[4]), []
    found: _Settings
    if mdbook:
        # an mdBook book, as it is: chapters in its src folder, no front matter needed
        from toolkit.workbook.mdbook import html_settings, read_book_toml

        config, source, problems = read_book_toml(folder)
        if config is None or source is None:
            return None, problems
        found = (BookSettings.of(config), source, "final", *html_settings(Path(os.path.abspath(folder))))
    else:
        config, problems = read_book_config(path)
        if config is None:
            if not path.exists():
                problems = [Problem.at(path, 0, _("no book.yaml here; create a workbook with 'cimis workbook init'"))]
            return None, problems
        found = (BookSettings.of(config), folder, "todo", {}, {})
    if st is not None and not problems:
        cache.put_config(path, st, (found[0], str(found[1]), *found[2:]))
    return found, problems


def read_book(folder: Path | str, unlisted: bool = True) -> tuple[Book | None, list[Problem]]:
    """The book in ``folder`` and every problem found reading it (``None`` when book.yaml or
    SUMMARY.md cannot be read at all); ``unlisted=False`` leaves ``book.unlisted`` empty
    (a build does not need it, and listing the chapters folder costs a rebuild time)."""
    folder = Path(folder)
    if not folder.is_dir():
        return None, [Problem.at(folder, 0, _("workbook folder does not exist"))]
    from toolkit.workbook.chaptercache import ChapterCache

    cache = ChapterCache(Path(os.path.abspath(folder)))
    found, problems = _read_settings(folder, cache)
    if found is None:
        return None, problems
    # {{#include}} may read any file of the folder given (an mdBook book's examples often
    # stand beside its src folder), never outside it
    include_root = Path(os.path.abspath(folder))
    config, folder, default_status, hidelines, redirects = found
    # "final" is the default of mdBook books only: they have no status
    book = Book(folder=folder, config=config, mdbook=default_status == "final")
    root = Path(os.path.abspath(folder))
    summary_path = folder / SUMMARY_FILE
    text, summary_problems = read_text(summary_path)
    problems += summary_problems
    if text is None:
        return None, problems

    memo = _SUMMARIES.get(str(summary_path))
    if memo is not None and memo[0] == text and memo[1] == book.mdbook:
        summary = memo[2]  # never changed by a reader: the same entries as parsing again
    else:
        summary = parse_summary(text, str(summary_path), book.mdbook)
        _SUMMARIES[str(summary_path)] = (text, book.mdbook, summary)
    problems += summary.problems
    book.summary_title = summary.title
    book.redirects = redirects
    seen: dict[str, int] = {}  # str keys: hashing a Path costs more
    real_dirs: dict[str, bool] = {}
    parts: dict[str | None, Part] = {}
    for entry in summary.entries:
        if entry.path is None:
            chapter: Chapter | None = Chapter(path=None, title=entry.title, number=None, level=0, status="todo",
                                              authors=[], reviewers=[], comments=[], body="", source=None)
        else:
            path = resolve_in(root, entry.path)
            if path is None:
                problems.append(Problem.at(summary_path, entry.line, _(
                    "'{path}' is outside the workbook folder").format(path=entry.path)))
                continue
            if str(path) in seen:
                problems.append(Problem.at(summary_path, entry.line, _(
                    "'{path}' is listed twice (first on line {line})").format(path=entry.path, line=seen[str(path)])))
                continue
            seen[str(path)] = entry.line
            where = _chapter_file_problem(root, path, real_dirs)
            if where is not None:
                problems.append(Problem.at(summary_path, entry.line, where.format(path=entry.path)))
                continue
            chapter, chapter_problems = read_chapter_file(path, entry.path, entry.title, cache, default_status)
            problems += chapter_problems
            if chapter is None:
                continue
            if hidelines:
                from toolkit.workbook.mdbook import with_hidelines

                chapter.body = with_hidelines(chapter.body, hidelines)
        assert chapter is not None  # both branches made one
        chapter.number, chapter.level, chapter.kind = entry.number, entry.level, entry.kind
        chapter.root = include_root
        chapter.part, chapter.summary_line, chapter.link_title = entry.part, entry.line, entry.title
        chapter.separator = entry.separator
        book.chapters.append(chapter)
        if entry.kind == "numbered":
            parts.setdefault(entry.part, Part(entry.part)).chapters.append(chapter)
    cache.save()
    book.parts = list(parts.values())
    chapters_dir = root / CHAPTERS_DIR
    if unlisted and chapters_dir.is_dir():
        listed = {Path(p) for p in seen}
        book.unlisted = sorted(p for p in chapters_dir.rglob("*.md") if p not in listed)
    return book, problems


def load_book(folder: Path | str, unlisted: bool = True) -> Book:
    """The workbook in ``folder``; :class:`ProblemsError` naming file and line when any of its
    files is broken (warnings do not raise). ``unlisted`` as for :func:`read_book`."""
    book, problems = read_book(folder, unlisted)
    errors = [p for p in problems if p.severity == "error"]
    if book is None or errors:
        raise ProblemsError(errors or problems)
    return book
