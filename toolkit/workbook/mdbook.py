"""mdBook books as workbooks: reading ``book.toml``, expanding ``{{#include}}`` and
importing such a book as a cimis workbook.

Provides :func:`read_book_toml` (``book.toml`` -> :class:`~toolkit.workbook.layout.BookSettings`
and the source folder, or problems), :func:`expand_includes` (a chapter's Markdown with
``{{#include file}}``, ``{{#include file:3:9}}``, ``{{#include file:anchor}}`` replaced by
the lines they name; files outside the book are refused) and :func:`import_mdbook`.

What mdBook does and cimis does the same way: ``src/SUMMARY.md`` with prefix, numbered and
suffix chapters, parts, ``---`` separators and draft chapters; ``README.md`` is the page
``index.html``; a book without front matter in its chapters (their title comes from
SUMMARY.md and their status counts as final, since mdBook has no status).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from toolkit.errors import Problem
from toolkit.i18n import _

BOOK_TOML = "book.toml"

_INCLUDE = re.compile(r"\{\{#include\s+([^}\s]+)\s*\}\}")
_ANCHOR = re.compile(r"ANCHOR(_END)?:\s*([\w-]+)")
#: the longest title and description (as in book.yaml)
MAX_TITLE = 300
#: an include that includes itself, or a chain of them, stops here
MAX_INCLUDE_DEPTH = 10


def read_book_toml(folder: Path) -> tuple[Any, Path | None, list[Problem]]:
    """``(settings, source folder, problems)`` of the mdBook book in ``folder``; the
    settings are a :class:`~toolkit.workbook.layout.BookSettings`."""
    import tomllib

    from toolkit.workbook.files import read_text
    from toolkit.workbook.layout import BookSettings

    path = folder / BOOK_TOML
    text, problems = read_text(path)
    if text is None:
        return None, None, problems
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", 0) or int((re.search(r"line (\d+)", str(exc)) or [0, 0])[1])
        return None, None, [Problem.at(path, line, _("broken TOML: {reason}").format(reason=str(exc)))]
    book = data.get("book", {})
    if not isinstance(book, dict):
        return None, None, [Problem.at(path, 0, _("[book] must be a table"))]
    src = str(book.get("src") or "src")
    source = Path(os.path.normpath(folder.absolute() / src))
    if not str(source).startswith(str(folder.absolute())):
        return None, None, [Problem.at(path, 0, _("src '{src}' is outside the book folder").format(src=src))]
    authors = book.get("authors") or []
    if not isinstance(authors, list):
        return None, None, [Problem.at(path, 0, _("[book] authors must be a list of names"))]
    title = str(book.get("title") or "").strip() or folder.name
    subtitle = str(book["description"]).strip() if book.get("description") else None
    for field, value in (("title", title), ("description", subtitle or "")):
        if len(value) > MAX_TITLE:
            return None, None, [Problem.at(path, 0, _("[book] {field} is longer than {limit} characters").format(
                field=field, limit=MAX_TITLE))]
    language = str(book.get("language") or "en").lower()
    # the settings a build reads, made without pydantic (whose import alone costs more
    # than building a small book); the same limits as book.yaml's
    config = BookSettings(title=title, subtitle=subtitle or None, authors=tuple(str(a) for a in authors),
                          language="de" if language.startswith("de") else "en", sources=(), anonymise=False)
    return config, source, []


def _slice(lines: list[str], spec: str) -> list[str] | None:
    """The lines an include's ``spec`` names (``""``, ``3``, ``3:9``, ``:9``, ``3:``, or an
    anchor name); ``None`` for an anchor the file does not have."""
    if not spec:
        selected = lines
    elif re.fullmatch(r"\d*(:\d*)?", spec):
        first, _sep, last = spec.partition(":")
        start = max(int(first) - 1, 0) if first else 0
        if not _sep:  # a single number: that line only
            selected = lines[start:start + 1]
        else:
            selected = lines[start:int(last)] if last else lines[start:]
    else:
        begin = next((i for i, line in enumerate(lines)
                      if (m := _ANCHOR.search(line)) and not m.group(1) and m.group(2) == spec), None)
        if begin is None:
            return None
        end = next((i for i in range(begin + 1, len(lines))
                    if (m := _ANCHOR.search(lines[i])) and m.group(1) and m.group(2) == spec), len(lines))
        selected = lines[begin + 1:end]
    return [line for line in selected if not _ANCHOR.search(line)]


def expand_includes(text: str, chapter: Path, root: Path, depth: int = 0) -> tuple[str, list[str]]:
    """``text`` (the Markdown of the chapter file ``chapter``) with its includes expanded,
    and the problems met (as messages; the directive stays in the text then). Only regular
    files inside ``root`` are read, bounded like chapters."""
    if "{{#include" not in text:
        return text, []
    from toolkit.workbook.files import MAX_BYTES
    from toolkit.workbook.safety import UnsafeFile, inside, read_regular, real_inside

    problems: list[str] = []

    def replace(match: re.Match[str]) -> str:
        target, _sep, spec = match.group(1).partition(":")
        path = os.path.normpath(os.path.join(chapter.parent, target))
        if not inside(str(root), path) or not real_inside(root, path):
            problems.append(_("include '{target}' is outside the book; not included").format(target=target))
            return match.group(0)
        if depth >= MAX_INCLUDE_DEPTH:
            problems.append(_("include '{target}' nests too deep (a loop?); not included").format(target=target))
            return match.group(0)
        try:
            raw = read_regular(path, MAX_BYTES).decode("utf-8")
        except (UnsafeFile, UnicodeDecodeError) as exc:
            problems.append(_("include '{target}' cannot be read: {reason}").format(target=target, reason=exc))
            return match.group(0)
        lines = _slice(raw.replace("\r\n", "\n").split("\n"), spec)
        if lines is None:
            problems.append(_("include '{target}': no anchor '{anchor}' there").format(target=target, anchor=spec))
            return match.group(0)
        inner, more = expand_includes("\n".join(lines).rstrip("\n"), Path(path), root, depth + 1)
        problems.extend(more)
        return inner

    return _INCLUDE.sub(replace, text), problems


def import_mdbook(src: Path, dest: Path) -> Path:
    """Copy the mdBook book in ``src`` into the new workbook folder ``dest``: ``book.yaml``
    from ``book.toml``, ``SUMMARY.md`` and every visible file of the source folder (chapters,
    included files, images) at the same relative paths, so links and includes keep working.
    :class:`~toolkit.errors.CimisError` or :class:`~toolkit.errors.ProblemsError` on bad input;
    nothing is left half-written (the folder is built beside ``dest`` and renamed)."""
    import shutil
    import tempfile

    from toolkit.errors import CimisError, ProblemsError
    from toolkit.workbook.model import BOOK_FILE, SUMMARY_FILE
    from toolkit.workbook.safety import real_inside

    if not (src / BOOK_TOML).is_file():
        raise CimisError(_("{path}: no book.toml here; not an mdBook book").format(path=src))
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise CimisError(_("'{folder}' already exists and is not empty; choose a new folder.").format(folder=dest))
    config, source, problems = read_book_toml(src)
    if config is None or source is None:
        raise ProblemsError(problems)
    if not (source / SUMMARY_FILE).is_file():
        raise CimisError(_("{path}: the book has no SUMMARY.md").format(path=source / SUMMARY_FILE))
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent))
    # mkdtemp makes it 0700; the imported workbook gets what the umask gives any new folder
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(tmp, 0o777 & ~mask)
    try:
        for folder, dirs, files in os.walk(source):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not os.path.islink(os.path.join(folder, d)))
            rel_folder = os.path.relpath(folder, source)
            for name in sorted(files):
                path = os.path.join(folder, name)
                if name.startswith(".") or not os.path.isfile(path) or not real_inside(source, path):
                    continue
                target = tmp / rel_folder / name
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)
        import json

        # JSON values are YAML values: quoting and escaping done right without a YAML writer
        data: dict[str, Any] = {"title": config.title, "language": config.language, "authors": list(config.authors)}
        if config.subtitle:
            data["subtitle"] = config.subtitle
        text = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in data.items())
        (tmp / BOOK_FILE).write_text(text, "utf-8")
        if dest.exists():
            dest.rmdir()
        os.rename(tmp, dest)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return dest
