"""``cimis workbook check``: everything that would make the built workbook wrong, as
``file:line: message`` problems.

Provides :func:`check_book` (a workbook folder -> problems) and :func:`heading_anchors`.

Errors: broken ``book.yaml``, ``SUMMARY.md`` lines and chapter front matter; SUMMARY.md
entries whose file is missing; chapter files in ``chapters/`` that SUMMARY.md does not list;
internal links to missing files or anchors; missing images; empty chapters (unless still
todo); unresolved sync conflict blocks. Warnings: chapters still todo, draft entries
without a file, passages whose markers an author broke.

Anchors are computed the way the HTML builder makes heading ids: markdown-it-py's
``mdit_py_plugins.anchors`` plugin with its default (GitHub-style) slug function
(lower-case, spaces to ``-``, punctuation other than ``-`` and ``_`` dropped, repeated
slugs numbered ``-1``, ``-2``), for headings of every level.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from toolkit.errors import Problem
from toolkit.i18n import _
from toolkit.workbook.markers import ANY_MARKER, CONFLICT, parse

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


@functools.cache
def _markdown() -> Any:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.anchors import anchors_plugin
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.tasklists import tasklists_plugin

    md = MarkdownIt("commonmark", {"html": False})
    md.enable("table").enable("strikethrough")
    md.use(footnote_plugin).use(tasklists_plugin).use(anchors_plugin, min_level=1, max_level=6)
    return md


def _blank_markers(body: str) -> str:
    # blank lines instead of removed ones, so that token lines are file lines
    if "cimis:" not in body:
        return body
    return "\n".join("" if ANY_MARKER.match(line) else line for line in body.split("\n"))


def _tokens(body: str) -> list[Any]:
    tokens: list[Any] = _markdown().parse(_blank_markers(body))
    return tokens


def _analyse(chapters: Sequence[Any]) -> list[Any]:
    """``(heading ids of the page, links and images with their body line)`` per chapter,
    from a single parse with the builders' renderer: the title heading the builders put
    first is parsed along (it takes its slug first), marker lines are blanked so that the
    lines stay the file's."""
    from toolkit.workbook.markers import strip_markers
    from toolkit.workbook.render import _H1, Renderers, chapter_title_markdown

    renderers = Renderers()
    out = []
    for chapter in chapters:
        stripped = strip_markers(chapter.body or "").strip("\n")
        first = next((line for line in stripped.split("\n", 50) if line.strip()), "")
        body = _blank_markers(chapter.body or "")
        prefix = "" if _H1.match(first) else chapter_title_markdown(chapter.title) + "\n\n"
        source = prefix + body
        tokens = renderers.for_text(source).parse(source, {})
        if chapter.root is not None and "{{" in body:
            # the page has the headings of the files it includes too (mdbook.has_links)
            from toolkit.workbook.render import chapter_markdown

            page = chapter_markdown(chapter)
            anchored = renderers.for_text(page).parse(page, {})
        else:
            anchored = tokens
        ids = [str(t.attrGet("id")) for t in anchored if t.type in ("heading_open", "dt_open") and t.attrGet("id")]
        shift = prefix.count("\n")
        out.append((ids, [(kind, target, line - shift) for kind, target, line in _targets(tokens)]))
    return out


def heading_anchors(body: str) -> set[str]:
    """The ids the HTML builder gives the headings of a chapter body."""
    return {t.attrs["id"] for t in _tokens(body) if t.type == "heading_open" and t.attrs.get("id")}


def _targets(tokens: list[Any]) -> list[tuple[str, str, int]]:
    """``(kind, target, 0-based line)`` of every link and image."""
    found = []
    for block in tokens:
        if block.type != "inline" or not block.children or block.map is None:
            continue
        line = block.map[0]
        stack = list(block.children)
        for tok in stack:
            if tok.type in {"softbreak", "hardbreak"}:
                line += 1
            elif tok.type == "link_open":
                found.append(("link", str(tok.attrs.get("href", "")), line))
            elif tok.type == "image":
                found.append(("image", str(tok.attrs.get("src", "")), line))
                line += sum(c.type in {"softbreak", "hardbreak"} for c in tok.children or [])
    return found


def _image_problem(chapter_path: Path, file_part: str, root: Path) -> str | None:
    """Why a local image would not be published (a message with ``{target}``), or ``None``;
    the same rules the builders apply (:mod:`toolkit.workbook.safety`)."""
    from toolkit.workbook.safety import inside, publishable_asset, real_inside

    if not file_part:
        return None
    if file_part.startswith(("/", "\\")):
        return _("image '{target}' is outside the workbook folder (an absolute path); images must be files "
                 "inside it")
    source = os.path.normpath(os.path.join(chapter_path.parent, file_part))
    if not inside(str(root), source):
        return _("image '{target}' is outside the workbook folder; images must be files inside it")
    if not publishable_asset(os.path.relpath(source, root).replace(os.sep, "/")):
        return _("image '{target}' is not published: only visible files of the types png, jpg, gif, webp, "
                 "avif and svg are")
    if not os.path.exists(source):
        return _("image '{target}' does not exist")
    if not real_inside(root, source):
        return _("image '{target}' is a symlink that leads outside the workbook folder")
    if not os.path.isfile(source):
        return _("image '{target}' is not a regular file")
    return None


def _check_links(chapter: Any, targets: list[tuple[str, str, int]], anchors: dict[Path, set[str]], own: set[str],
                 problems: list[Problem], root: Path) -> None:
    for kind, target, line in targets:
        where = chapter.body_line + line
        if not target or _SCHEME.match(target) or target.startswith("//"):
            continue
        file_part, _hash, anchor = target.partition("#")
        file_part = file_part.split("?", 1)[0]  # a query before the anchor ('b.md?x#y') keeps the anchor
        file_part, anchor = unquote(file_part), unquote(anchor)
        if kind == "image":
            problem = _image_problem(chapter.path, file_part, root)
            if problem:
                problems.append(Problem.at(chapter.path, where, problem.format(target=file_part)))
            continue
        if not file_part:
            if anchor and anchor not in own:
                problems.append(Problem.at(chapter.path, where, _(
                    "link to '#{anchor}': this chapter has no heading with that anchor").format(anchor=anchor)))
            continue
        try:
            # realpath, not Path.resolve: a symlink loop must not raise, nor a NUL byte
            dest = Path(os.path.realpath(chapter.path.parent / file_part))
            if file_part.endswith(".html") and not dest.exists():
                # a link to a chapter's page (mdBook books write them): the chapter it shows
                from toolkit.workbook.render import chapter_files_of_page

                dest = next((p for p in (dest.parent / Path(f).name for f in chapter_files_of_page(dest.name))
                             if p.exists()), dest)
            exists = dest.exists()
        except (OSError, ValueError):
            exists = False
        if not exists:
            problems.append(Problem.at(chapter.path, where, _("link to '{target}': the file does not exist").format(
                target=file_part)))
            continue
        if anchor and dest in anchors and anchor not in anchors[dest]:
            problems.append(Problem.at(chapter.path, where, _(
                "link to '{target}': that chapter has no heading with the anchor '{anchor}'").format(
                target=file_part, anchor=anchor)))


def _check_markers(chapter: Any, problems: list[Problem]) -> None:
    lines = chapter.body.split("\n")
    parsed = parse(lines)
    index = 0
    for part in parsed.parts:
        if isinstance(part, str):
            if ANY_MARKER.match(part):
                if CONFLICT.match(part):
                    problems.append(Problem.at(chapter.path, chapter.body_line + index, _(
                        "conflict block without its end marker; merge it by hand and delete the marker lines"),
                        "warning"))
                else:
                    problems.append(Problem.at(chapter.path, chapter.body_line + index, _(
                        "marker line without its partner: sync treats this passage as author text"), "warning"))
            index += 1
            continue
        if type(part).__name__ == "Conflict":
            problems.append(Problem.at(chapter.path, chapter.body_line + index, _(
                "unresolved sync conflict for '{ref}': merge the new version into the passage above and "
                "delete this block").format(ref=part.ref)))
        index += len(part.lines) + 2


def check_book(folder: Path | str) -> list[Problem]:
    """Every problem of the workbook in ``folder``, errors and warnings."""
    import gc

    # like a build: many short-lived token objects without cycles; collecting meanwhile
    # only re-scans the growing heap again and again
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _check_book(folder)
    finally:
        if enabled:
            gc.enable()


def _check_book(folder: Path | str) -> list[Problem]:
    from toolkit.workbook.book import read_book
    from toolkit.workbook.markers import strip_markers

    book, problems = read_book(folder)
    if book is None:
        return problems
    for path in book.unlisted:
        problems.append(Problem.at(path, 0, _("chapter is not listed in SUMMARY.md; add it there or delete it")))
    from toolkit.workbook.render import page_clashes

    problems += page_clashes(book)
    from toolkit.parallel import map_split

    root = Path(os.path.abspath(book.folder))
    todo: list[Any] = []
    drafts = [c for c in book.chapters if c.path is None]
    with_files = [c for c in book.chapters if c.path is not None]
    if len(drafts) == 1:
        problems.append(Problem.at(book.summary_path, drafts[0].summary_line, _(
            "'{title}' is a draft entry without a file").format(title=drafts[0].title), "warning"))
    elif drafts:
        # one line, like the todo chapters: an mdBook book in the making has dozens
        shown = ", ".join(f"'{c.title}'" for c in drafts[:5]) + (", …" if len(drafts) > 5 else "")
        problems.append(Problem.at(book.summary_path, drafts[0].summary_line, _(
            "{count} draft entries without a file: {titles}").format(count=len(drafts), titles=shown), "warning"))
    # one parse per chapter, shared out over the cores like the build's rendering
    # pieces from a queue, as the HTML build's: a core slowed by other work holds nobody up
    analysed = dict(zip((c.path for c in with_files), map_split(with_files, _analyse, min_items=48,
                                                                chunks=len(with_files) // 50)))
    # the ids the HTML builder gives each page, title heading included, so that a link
    # check passes exactly when the built link works
    anchors: dict[Path, set[str]] = {Path(str(c.path)).resolve(): set(analysed[c.path][0])
                                     for c in with_files}
    for chapter in book.chapters:
        if chapter.path is None:
            continue
        if chapter.status == "todo":
            todo.append(chapter)
        if not strip_markers(chapter.body).strip():
            problems.append(Problem.at(chapter.path, chapter.body_line, _("chapter is empty"),
                                       "warning" if chapter.status == "todo" else "error"))
        _check_links(chapter, analysed[chapter.path][1], anchors, anchors[chapter.path.resolve()], problems, root)
        _check_markers(chapter, problems)
        if chapter.root is not None and "{{" in chapter.body:  # mdbook.has_links, without its import
            from toolkit.workbook.mdbook import include_problems

            for line, message in include_problems(chapter.body, chapter.path, chapter.root):
                problems.append(Problem.at(chapter.path, chapter.body_line + line, message))
    if len(todo) == 1:
        problems.append(Problem.at(todo[0].path, 1, _("chapter is still todo"), "warning"))
    elif todo:
        # one line, not one per chapter: a fresh sprint has dozens
        names = [c.rel or c.path.name for c in todo]
        shown = ", ".join(names[:5]) + (", …" if len(names) > 5 else "")
        problems.append(Problem.at(book.summary_path, 0, _("{count} chapters are still todo: {chapters}").format(
            count=len(todo), chapters=shown), "warning"))
    return problems
