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
#: the warning about book.toml's unsupported settings names at most this many
MAX_SHOWN_SETTINGS = 20
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


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
    from toolkit.workbook.layout import NOT_XML

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
    ignored = unsupported_settings(data)
    if ignored:
        # one line, whatever the file holds: control characters shown as "?", and a long list cut
        shown = [_CONTROL.sub("?", name)[:80] for name in ignored[:MAX_SHOWN_SETTINGS]]
        problems = [*problems, Problem.at(path, 0, _(
            "settings of book.toml that cimis does not support are ignored: {settings}").format(
            settings=", ".join(shown) + (", …" if len(ignored) > MAX_SHOWN_SETTINGS else "")), "warning")]
    # the settings a build reads, made without pydantic (whose import alone costs more
    # than building a small book); the same limits as book.yaml's
    config = BookSettings(title=title, subtitle=subtitle or None, authors=tuple(str(a) for a in authors),
                          language="de" if language.startswith("de") else "en", sources=(), anonymise=False)
    return config, source, problems


_FENCE_OPEN = re.compile(r"^( {0,3})(`{3,}|~{3,})[ \t]*([^\s`,]+)([^`\n]*)$")


def html_settings(folder: Path) -> tuple[dict[str, str], dict[str, str]]:
    """``(hidelines, redirects)`` of the mdBook book in ``folder``'s ``[output.html]``:
    :func:`code_hidelines` and :func:`redirects` of it (empty when unset or unreadable)."""
    import tomllib

    try:
        html = tomllib.loads((folder / BOOK_TOML).read_text("utf-8"))["output"]["html"]
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError, TypeError):
        return {}, {}
    return (code_hidelines(html), redirects(html)) if isinstance(html, dict) else ({}, {})


def code_hidelines(html: dict[str, Any]) -> dict[str, str]:
    """``code.hidelines`` of a book.toml's ``[output.html]``: language -> the prefix of the
    lines mdBook's reader hides in code of that language."""
    code = html.get("code")
    found = code.get("hidelines") if isinstance(code, dict) else None
    if not isinstance(found, dict):
        return {}
    return {str(k): str(v) for k, v in found.items() if isinstance(v, str) and v and not any(c.isspace() for c in v)}


def with_hidelines(body: str, hidelines: dict[str, str]) -> str:
    """``body`` with ``hidelines=PREFIX`` added to the info string of each code fence whose
    language ``hidelines`` names (unless the fence sets its own), so that the renderer
    leaves out the lines mdBook's reader hides; lines keep their numbers."""
    if not hidelines or ("```" not in body and "~~~" not in body):
        return body
    lines = body.split("\n")
    fence = ""
    for i, line in enumerate(lines):
        if fence:
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = ""
            continue
        match = _FENCE_OPEN.match(line)
        if match is None:
            continue
        fence = match.group(2)
        prefix = hidelines.get(match.group(3))
        if prefix and "hidelines=" not in match.group(4) and match.group(3) != "rust":
            lines[i] = line.rstrip() + f",hidelines={prefix}"
    return "\n".join(lines)


def redirects(html: dict[str, Any]) -> dict[str, str]:
    """``redirect`` of a book.toml's ``[output.html]``: the old page (relative to the site,
    ``format/config.html``) -> where it now is (relative to the old page, or an http(s)
    address). Entries that cannot be a page of the site (outside it, hidden, not ``.html``,
    with a fragment) or lead to an unsafe address are left out."""
    found = html.get("redirect")
    if not isinstance(found, dict):
        return {}
    out: dict[str, str] = {}
    for old, new in found.items():
        page = _redirect_page_of(old, new)
        if page is not None:
            out[page] = new
    return out


def _redirect_page_of(old: Any, new: Any) -> str | None:
    """The site page a redirect ``old = new`` of book.toml writes, or ``None`` when it
    cannot be one (outside the site, hidden, not ``.html``, with a fragment, or leading to
    an unsafe address)."""
    import posixpath

    from toolkit.workbook.safety import safe_url

    page = posixpath.normpath(str(old).lstrip("/"))
    if (not isinstance(new, str) or not new or _CONTROL.search(new) or not safe_url(new) or "#" in page
            or not page.endswith(".html") or page.startswith("../") or _CONTROL.search(page)
            or any(part.startswith(".") for part in page.split("/"))):
        return None
    return page


def redirect_page(target: str) -> str:
    """A page that sends the browser on to ``target`` (mdBook's redirect pages do the same)."""
    from html import escape

    url = escape(target, quote=True)
    return ('<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n'
            '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'">\n'
            '<meta name="referrer" content="no-referrer">\n<title>Redirecting...</title>\n'
            f'<meta http-equiv="refresh" content="0; URL={url}">\n<link rel="canonical" href="{url}">\n'
            f'</head>\n<body>\n<p><a href="{url}">{url}</a></p>\n</body>\n</html>\n')


def settings_warnings(folder: Path) -> list[Problem]:
    """The warning about ``book.toml``'s unsupported settings when ``folder`` is an mdBook
    book (a ``book.toml`` and no ``book.yaml``), else nothing."""
    from toolkit.workbook.chaptercache import ChapterCache
    from toolkit.workbook.layout import BOOK_FILE

    path = folder / BOOK_TOML
    if not path.is_file() or (folder / BOOK_FILE).exists():
        return []
    # the chapter cache keeps settings only when they were read without any problem or
    # warning: while the file is unchanged there is nothing to say (and no TOML to parse)
    if ChapterCache(Path(os.path.abspath(folder))).get_config(path, os.stat(path)) is not None:
        return []
    return [p for p in read_book_toml(folder)[2] if p.severity == "warning"]


#: the ``[book]`` settings a build reads (``multilingual`` has no effect in mdBook either)
_BOOK_READ = frozenset({"title", "description", "authors", "language", "src", "multilingual"})
#: mdBook's built-in preprocessors: cimis does what they do
_BUILT_IN_PREPROCESSORS = frozenset({"links", "index"})
#: ``[output.html]`` settings whose absence changes nothing a reader of this site misses
#: (cimis has its own search, print page and cache-safe file names)
_HARMLESS_HTML = frozenset({"hash-files", "search", "print", "fold", "copy-fonts", "live-reload-endpoint",
                            "input-404", "redirect"})
#: ``[output.html.code]`` settings a build carries out
_CODE_DONE = frozenset({"hidelines"})
#: ``[build]`` settings about mdBook's own working (watching, its output folder)
_HARMLESS_BUILD = frozenset({"extra-watch-dirs", "build-dir", "use-default-preprocessors"})


def unsupported_settings(data: dict[str, Any]) -> list[str]:
    """The settings of a read ``book.toml`` that a cimis build does not carry out, as
    written there (``[preprocessor.gettext]``, ``[output.linkcheck]``,
    ``output.html.site-url``), in the file's order."""
    found: list[str] = []
    book = data.get("book")
    if isinstance(book, dict):
        found += [f"book.{key}" for key in book if key not in _BOOK_READ]
    for table, harmless in (("preprocessor", _BUILT_IN_PREPROCESSORS), ("output", frozenset({"html"}))):
        entries = data.get(table)
        if isinstance(entries, dict):
            found += [f"[{table}.{name}]" for name in entries if name not in harmless]
    html = data.get("output", {}).get("html") if isinstance(data.get("output"), dict) else None
    if isinstance(html, dict):
        found += [f"output.html.{key}" for key in html if key not in _HARMLESS_HTML and key != "code"]
        code = html.get("code")
        if isinstance(code, dict):
            found += [f"output.html.code.{key}" for key in code if key not in _CODE_DONE]
        elif code is not None:
            found.append("output.html.code")
        redirect = html.get("redirect")
        if isinstance(redirect, dict):
            found += [f"output.html.redirect.{key}" for key, value in redirect.items()
                      if _redirect_page_of(key, value) is None]
        elif redirect is not None:
            found.append("output.html.redirect")
    build = data.get("build")
    if isinstance(build, dict):
        # cimis never makes a missing chapter file: create-missing = false is what it does
        found += [f"build.{key}" for key, value in build.items()
                  if key not in _HARMLESS_BUILD and (key, value) != ("create-missing", False)]
    return found


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


def _select(lines: list[str], where: tuple[int, int | None] | str, every: bool = False) -> str:
    """The lines an ``{{#include}}`` names, joined: a range as it is (anchor comments too),
    an anchor's lines without the anchor comments nested in it; an anchor the file does
    not have gives nothing (both as mdBook does). ``every``: the lines of every part the
    anchor marks, not only the first: what mdBook's reader shows of a
    ``{{#rustdoc_include}}`` (mdBook passes the other lines as hidden ``# `` lines, which
    its reader folds away and this site has no button to unfold; a range or a whole file is
    shown as it is)."""
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
                    if not every:
                        break
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
                    titles: list[str] | None = None, lines: list[int] | None = None) -> tuple[str, list[str]]:
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
    done stays as written (a problem says why), an anchor the file lacks gives nothing.
    ``lines``, when given, receives the line (from 0) of the link each problem comes from
    (:func:`include_problems`)."""
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
            inner = _select(lines, where, every=kind != "include")
        expanded, more = expand_includes(inner, Path(path), root, depth + 1, titles)
        problems.extend(more)
        return expanded

    if lines is None:
        return _LINK.sub(replace, text), problems

    def replace_noting_line(match: re.Match[str]) -> str:
        before = len(problems)
        done = replace(match)
        lines.extend([text.count("\n", 0, match.start())] * (len(problems) - before))
        return done

    return _LINK.sub(replace_noting_line, text), problems


def include_problems(text: str, chapter: Path, root: Path) -> list[tuple[int, str]]:
    """``(line, message)`` for each problem of the links in ``text`` (a chapter's body):
    ``line`` counts from 0 in ``text``, and is that of the chapter's link for a problem in an
    included file."""
    lines: list[int] = []
    problems = expand_includes(text, chapter, root, lines=lines)[1]
    # a file that includes itself meets the same missing include at every depth: once is enough
    return list(dict.fromkeys(zip(lines, problems, strict=True)))


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
        _bring_outside_includes(src, source, tmp)
        _mark_final(tmp)
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


#: where an import puts the files a chapter includes from beside the source folder (mdBook
#: books often keep their example programs in ``examples/`` next to ``src/``)
INCLUDED_DIR = "included"


def _bring_outside_includes(book: Path, source: Path, dest: Path) -> None:
    """Copy the files that the copied Markdown files of ``dest`` include from the mdBook book
    ``book`` but outside its ``source`` folder into ``dest/included/`` (at their path in the
    book) and point the links there, so that the workbook has all it includes. Files outside
    the book stay out, as in a build."""
    import shutil

    from toolkit.workbook.files import MAX_BYTES
    from toolkit.workbook.safety import inside, real_inside

    book_root, source_root = os.path.abspath(book), os.path.abspath(source)
    folder = INCLUDED_DIR
    n = 0
    while (dest / folder).exists():
        n += 1
        folder = f"{INCLUDED_DIR}-{n}"
    todo = sorted(p for p in dest.rglob("*.md") if p.is_file())
    for copy in todo:
        try:
            text = copy.read_text("utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if not has_links(text):
            continue
        rel_dir = os.path.dirname(os.path.relpath(copy, dest))
        original_dir = os.path.join(source_root, rel_dir)

        def relink(match: re.Match[str], original_dir: str = original_dir, rel_dir: str = rel_dir) -> str:
            kind, rest = match.group(1), match.group(2)
            if kind is None or kind not in _LINK_KINDS or not rest.split():
                return match.group(0)
            written = rest.split()[0]
            target = written if kind in ("playground", "playpen") else written.partition(":")[0]
            path = os.path.normpath(os.path.join(original_dir, target))
            if inside(source_root, path) or not inside(book_root, path) or not real_inside(book_root, path):
                return match.group(0)
            if not os.path.isfile(path) or os.path.getsize(path) > MAX_BYTES:
                return match.group(0)
            placed = dest / folder / os.path.relpath(path, book_root)
            if not placed.exists():
                placed.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, placed)
            new = os.path.relpath(placed, dest / rel_dir).replace(os.sep, "/")
            at = match.group(0).index(written)
            return match.group(0)[:at] + new + written[len(target):] + match.group(0)[at + len(written):]

        changed = _LINK.sub(relink, text)
        if changed != text:
            copy.write_text(changed, "utf-8")


def _mark_final(dest: Path) -> None:
    """Give every chapter file SUMMARY.md lists in ``dest`` the front matter ``status:
    final``: an mdBook book is published as it is, and in a workbook a chapter without a
    status would count as todo. A chapter that has front matter already keeps it."""
    from toolkit.workbook.model import SUMMARY_FILE
    from toolkit.workbook.summary import parse_summary

    summary = parse_summary((dest / SUMMARY_FILE).read_text("utf-8", "replace"), str(dest / SUMMARY_FILE))
    for entry in summary.entries:
        if entry.path is None:
            continue
        path = Path(os.path.normpath(dest / entry.path))
        if not str(path).startswith(str(dest) + os.sep) or path.is_symlink() or not path.is_file():
            continue
        try:
            text = path.read_text("utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # the check names it, as it would in the book
        if text.split("\n", 1)[0].strip() == "---":
            continue
        path.write_text("---\nstatus: final\n---\n" + text, "utf-8")
