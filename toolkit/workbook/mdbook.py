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

#: mdBook's link pattern: an escaped link (a backslash, ``{{#``, then up to the last ``}}``
#: of the line), or ``{{``, a kind, white space and the arguments up to ``}}``
_LINK = re.compile(r"\\\{\{#.*\}\}|\{\{\s*#([a-zA-Z0-9_]+)\s+([^}]+)\}\}")
_LINK_KINDS = frozenset({"include", "rustdoc_include", "playground", "playpen"})
#: a line number as Rust reads one (a plus sign allowed)
_NUMBER = re.compile(r"\+?[0-9]+")
_ANCHOR_START = re.compile(r"ANCHOR:\s*([\w-]+)")
_ANCHOR_END = re.compile(r"ANCHOR_END:\s*([\w-]+)")
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
    except RecursionError:  # tomllib recurses once per nested array or table
        return None, None, [Problem.at(path, 0, _("broken TOML: values are nested too deeply"))]
    book = data.get("book", {})
    if not isinstance(book, dict):
        return None, None, [Problem.at(path, 0, _("[book] must be a table"))]
    from toolkit.workbook.files import NOT_XML

    for key in ("title", "description", "language", "src"):
        if key in book and not isinstance(book[key], str):
            return None, None, [Problem.at(path, _key_line(text, key), _("[book] {field} must be text").format(
                field=key))]
        if key in book and NOT_XML.search(book[key]):  # written as "\u0007": the file itself was plain text
            return None, None, [Problem.at(path, _key_line(text, key), _(
                "[book] {field} holds a control character, which no publication format allows; remove it").format(
                field=key))]
    src = book.get("src") or "src"
    root = os.path.abspath(folder)
    source = Path(os.path.normpath(os.path.join(root, src)))
    from toolkit.workbook.safety import inside, real_inside

    # src is where chapters are read from: neither by path nor through a symlink may it
    # lead out of the book (a sibling folder whose name starts the same included)
    if not inside(root, str(source)):
        return None, None, [Problem.at(path, _key_line(text, "src"), _(
            "src '{src}' is outside the book folder").format(src=src))]
    if not real_inside(root, source):
        return None, None, [Problem.at(path, _key_line(text, "src"), _(
            "src '{src}' is a symlink that leads outside the book folder").format(src=src))]
    authors = book.get("authors") or []
    if not isinstance(authors, list) or not all(isinstance(a, str) for a in authors):
        return None, None, [Problem.at(path, _key_line(text, "authors"), _("[book] authors must be a list of names"))]
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


def _key_line(text: str, key: str) -> int:
    """The line of ``book.toml`` that sets ``key`` (0 when not found: tomllib keeps no lines)."""
    pattern = re.compile(r"\s*(book\.)?" + re.escape(key) + r"\s*=")
    return next((n for n, line in enumerate(text.split("\n"), 1) if pattern.match(line)), 0)


def has_links(text: str) -> bool:
    """Whether ``text`` may hold an mdBook link (``{{#include}}`` and its kin, or an escaped
    one): only then need it go through :func:`expand_includes`."""
    return "{{" in text


def _lines(text: str) -> list[str]:
    """``text`` cut into lines as Rust's ``str::lines`` (mdBook) does: no empty last line for
    a final line break, and a carriage return before a line break dropped."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line[:-1] if line.endswith("\r") else line for line in lines]


def _range_or_anchor(spec: str | None) -> tuple[int, int | None] | str:
    """What follows the file name (``3``, ``3:9``, ``:9``, ``3:``, ``name``, or nothing) as
    ``(first, end)`` line indices (``end`` exclusive, ``None`` for the file's end) or an
    anchor name, by mdBook's rules: one number is that line alone, an end that is not a
    number means up to the file's end, a first part that is not a number is an anchor."""
    parts = (spec or "").split(":", 2)
    first_text = parts[0]
    if _NUMBER.fullmatch(first_text):
        first: int | None = max(int(first_text) - 1, 0)
    elif first_text == "":
        first = None
    else:
        return first_text
    if len(parts) < 2:
        return (first, first + 1) if first is not None else (0, None)
    end_text = parts[1]
    end = int(end_text) if _NUMBER.fullmatch(end_text) else None
    return (first or 0, end)


def _anchor_start(line: str) -> str | None:
    match = _ANCHOR_START.search(line)
    return match.group(1) if match else None


def _anchor_end(line: str) -> str | None:
    match = _ANCHOR_END.search(line)
    return match.group(1) if match else None


def _select(lines: list[str], where: tuple[int, int | None] | str) -> str:
    """The lines an ``{{#include}}`` names, joined: a range as it is (anchor comments too),
    an anchor's lines without the anchor comments nested in it; an anchor the file does
    not have gives nothing (both as mdBook does)."""
    if not isinstance(where, str):
        first, end = where
        return "\n".join(lines[first:end] if end is None or end > first else [])
    kept: list[str] = []
    found = False
    for line in lines:
        if found:
            name = _anchor_end(line)
            if name is not None:
                if name == where:
                    break
            elif _anchor_start(line) is None:
                kept.append(line)
        elif _anchor_start(line) == where:
            found = True
    return "\n".join(kept)


def _select_shown(lines: list[str], where: tuple[int, int | None] | str) -> str:
    """The lines of a ``{{#rustdoc_include}}`` that mdBook's reader shows: those of the range
    or anchor (mdBook passes the others as hidden ``# `` lines, which its reader folds away
    and this site has no button to unfold). A whole file is shown whole."""
    if not isinstance(where, str):
        first, end = where
        return "\n".join(lines[first:end] if end is None or end > first else [])
    kept: list[str] = []
    inside_anchor = False
    for line in lines:
        if inside_anchor:
            name = _anchor_end(line)
            if name is not None:
                if name == where:
                    inside_anchor = False
            elif _anchor_start(line) is None:
                kept.append(line)
        elif _anchor_start(line) == where:
            inside_anchor = True
    return "\n".join(kept)


def _anchor_known(lines: list[str], where: tuple[int, int | None] | str) -> bool:
    return not isinstance(where, str) or any(_anchor_start(line) == where for line in lines)


def page_title(text: str, chapter: Path, root: Path) -> str | None:
    """The page title a chapter's ``{{#title text}}`` sets (the last one, included files'
    too, as in mdBook), or ``None``."""
    if not has_links(text):
        return None
    titles: list[str] = []
    expand_includes(text, chapter, root, titles=titles)
    return " ".join(titles[-1].split()) if titles else None


def expand_includes(text: str, chapter: Path, root: Path, depth: int = 0,
                    titles: list[str] | None = None) -> tuple[str, list[str]]:
    r"""``text`` (the Markdown of the chapter file ``chapter``) with mdBook's links done as
    mdBook's ``links`` preprocessor does them, and the problems met (as messages):

    - ``{{#include file}}``, ``{{#include file:3}}``, ``file:3:9``, ``file::9``, ``file:3:``,
      ``file:anchor``: the lines named (included files' links done in turn, up to
      :data:`MAX_INCLUDE_DEPTH` deep);
    - ``{{#rustdoc_include file:...}}``: the lines mdBook's reader shows of it;
    - ``{{#playground file}}`` (and the older ``{{#playpen file}}``): the file in a
      ````rust`` fence;
    - ``{{#title text}}``: removed; its text is appended to ``titles`` (the page's title:
      :func:`page_title`);
    - an escaped link, a backslash before ``{{#``: the text up to the last ``}}`` of that
      line without the backslash, nothing in it done (``\{{#include a.md}}`` shows
      ``{{#include a.md}}``).

    Links are done wherever they are, in code spans and fenced code too (putting a source
    file into a fence is what ``{{#include}}`` is mostly for), again as in mdBook. Only
    regular files inside ``root`` are read, bounded like chapters; a link that cannot be
    done stays as written (a problem says why), an anchor the file lacks gives nothing."""
    if not has_links(text):
        return text, []
    from toolkit.workbook.files import MAX_BYTES
    from toolkit.workbook.safety import UnsafeFile, inside, read_regular, real_inside

    problems: list[str] = []

    def read(target: str) -> tuple[str, str] | None:
        path = os.path.normpath(os.path.join(chapter.parent, target))
        if not inside(str(root), path) or not real_inside(root, path):
            problems.append(_("include '{target}' is outside the book; not included").format(target=target))
            return None
        if depth >= MAX_INCLUDE_DEPTH:
            problems.append(_("include '{target}' nests too deep (a loop?); not included").format(target=target))
            return None
        try:
            return path, read_regular(path, MAX_BYTES).decode("utf-8")
        except (UnsafeFile, UnicodeDecodeError) as exc:
            problems.append(_("include '{target}' cannot be read: {reason}").format(target=target, reason=exc))
            return None

    def replace(match: re.Match[str]) -> str:
        kind, rest = match.group(1), match.group(2)
        if kind is None:  # escaped: mdBook drops the backslash and keeps the rest as it is
            return match.group(0)[1:]
        if kind == "title":
            if titles is not None:
                titles.append(rest)
            return ""
        args = rest.split()
        if not args or kind not in _LINK_KINDS:
            return match.group(0)  # not a link mdBook knows: left as written
        target, _sep, spec = args[0].partition(":")
        if kind in ("playground", "playpen"):
            target = args[0]
        found = read(target)
        if found is None:
            return match.group(0)
        path, raw = found
        if kind in ("playground", "playpen"):
            attributes = ",".join(args[1:])
            body = raw if raw.endswith("\n") else raw + "\n"
            inner = f"```rust{',' if attributes else ''}{attributes}\n{body}```\n"
        else:
            lines = _lines(raw)
            where = _range_or_anchor(spec if _sep else None)
            if not _anchor_known(lines, where):
                problems.append(_("include '{target}': no anchor '{anchor}' there").format(target=target, anchor=where))
            inner = _select(lines, where) if kind == "include" else _select_shown(lines, where)
        expanded, more = expand_includes(inner, Path(path), root, depth + 1, titles)
        problems.extend(more)
        return expanded

    return _LINK.sub(replace, text), problems


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
