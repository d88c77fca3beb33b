"""Reading the workbook's hand-written files with precise ``file:line`` problems.

Provides :func:`read_text` (bytes -> text, with UTF-8, size and NUL checks), :func:`encode_like`
(text -> bytes in the line endings of the file it replaces), :func:`parse_yaml`
(a YAML document -> data and node tree, or a problem), :func:`validate` (pydantic model from
data, problems at the field's line), :func:`split_front_matter`, :func:`parse_chapter` and
:func:`read_book_config`. Nothing here raises for bad input.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from toolkit.errors import Problem
from toolkit.i18n import _
from toolkit.workbook.layout import NOT_XML

if TYPE_CHECKING:  # imported where used: a build of cached chapters needs neither pydantic nor YAML
    from pydantic import BaseModel

    from toolkit.workbook.model import BookConfig, ChapterMeta

#: Workbook files are texts a person writes; anything larger is the wrong file.
MAX_BYTES = 8 * 1024 * 1024


def read_text(path: Path) -> tuple[str | None, list[Problem]]:
    """The text of ``path`` (newlines normalised to ``\\n``), or a problem. Only regular
    files are read, and never more than :data:`MAX_BYTES` (a chapter that is a symlink to
    ``/dev/zero`` or a FIFO is refused, not read forever)."""
    from toolkit.workbook.safety import UnsafeFile, read_regular

    try:
        raw = read_regular(path, MAX_BYTES)
    except FileNotFoundError:
        return None, [Problem.at(path, 0, _("file does not exist"))]
    except UnsafeFile as exc:
        if not os.path.lexists(path) or (os.path.islink(path) and not os.path.exists(path)):
            return None, [Problem.at(path, 0, _("file does not exist"))]
        reason = str(exc)
        if reason == "not a regular file":
            return None, [Problem.at(path, 0, _("not a regular file (a device, pipe or folder); refused"))]
        if reason.startswith("larger than"):
            size = os.stat(path).st_size
            return None, [Problem.at(path, 0, _("file is too large ({size:.1f} MiB; at most 8 MiB)").format(
                size=size / 1024 / 1024))]
        cause = exc.__cause__
        if isinstance(cause, OSError) and cause.errno in (errno.EACCES, errno.EPERM):
            reason = _("permission denied")  # the system's own words are English only
        return None, [Problem.at(path, 0, _("cannot read file: {error}").format(error=reason))]
    return decode(raw, path)




def decode(raw: bytes, path: Path) -> tuple[str | None, list[Problem]]:
    """The text of a workbook file (newlines normalised to ``\\n``), or the problem."""
    from toolkit.validation import decode_text

    text, problem = decode_text(raw, path)
    if text is None:
        return None, [problem]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    bad = NOT_XML.search(text)
    if bad is not None:
        return None, [Problem.at(path, text.count("\n", 0, bad.start()) + 1, _(
            "the file holds the control character U+{code:04X}, which no publication format allows; "
            "delete it (an editor shows it as ^{letter} or a box)").format(
            code=ord(bad.group()), letter=chr(ord(bad.group()) + 64) if ord(bad.group()) < 32 else "?"))]
    return text, []


def encode_like(path: Path, text: str) -> bytes:
    """``text`` (with ``\\n`` line ends) as bytes to write over ``path``, keeping that file's
    line endings (CRLF) and byte order mark: a command that changes one line of a chapter
    written on Windows must not rewrite every line of it. Plain UTF-8 for a new file."""
    from toolkit.workbook.safety import UnsafeFile, read_regular

    try:
        old = read_regular(path, MAX_BYTES)
    except (UnsafeFile, OSError):
        return text.encode("utf-8")
    text = text.removeprefix("\ufeff")
    if old.count(b"\r\n") * 2 > old.count(b"\n"):
        text = text.replace("\r\n", "\n").replace("\n", "\r\n")
    return (("\ufeff" if old.startswith(b"\xef\xbb\xbf") else "") + text).encode("utf-8")


def parse_yaml(text: str, path: Path, first_line: int = 1) -> tuple[Any, Any, list[Problem]]:
    """``(data, node, problems)`` of one YAML document; ``first_line`` is the file line the
    text starts on, so that problems name lines of the whole file."""
    from toolkit.yamlload import YamlError, load_yaml

    try:
        return load_yaml(text, path, first_line)
    except YamlError as exc:
        return None, None, [Problem.at(path, exc.line, _("broken YAML: {reason}").format(reason=exc.reason))]

def validate(model: type[BaseModel], data: Any, node: Any, path: Path, first_line: int = 1,
             what: str = "") -> tuple[Any, list[Problem]]:
    """``model`` validated from ``data``; problems name the line of the offending field."""
    from pydantic import ValidationError

    from toolkit.validation import describe, format_loc, node_line

    if not isinstance(data, dict):
        return None, [Problem.at(path, first_line, _("{what} must be a mapping of fields (key: value)").format(
            what=what or path.name))]
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = tuple(err.get("loc", ()))
            line = node_line(node, loc, offset=first_line - 1) if node is not None else first_line
            problems.append(Problem.at(path, line, f"{format_loc(loc) or what}: {describe(dict(err))}"))
        return None, problems


def read_book_config(path: Path) -> tuple[BookConfig | None, list[Problem]]:
    """``book.yaml`` validated, or problems."""
    from toolkit.workbook.model import BookConfig

    text, problems = read_text(path)
    if text is None:
        return None, problems
    if not text.strip():
        return None, [Problem.at(path, 0, _("file is empty: book.yaml needs at least title and language"))]
    data, node, problems = parse_yaml(text, path)
    if problems:
        return None, problems
    return validate(BookConfig, data, node, path, what="book.yaml")


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """``(front matter or None, body, 1-based file line of the body's first line)``; front
    matter is the text between a first line ``---`` and the next ``---`` (or ``...``) line.
    An unclosed front matter gives ``(None, text, 1)``; callers report it."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None, text, 1
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in {"---", "..."}), None)
    if end is None:
        return None, text, 1
    return "\n".join(lines[1:end]), "\n".join(lines[end + 1:]), end + 2


def parse_chapter(text: str, path: Path) -> tuple[ChapterMeta | None, str, int, list[Problem]]:
    """``(meta, body, body's first file line, problems)``. A chapter without front matter
    has default meta; broken front matter gives ``meta=None`` and problems."""
    from toolkit.workbook.model import ChapterMeta

    front, body, body_line = split_front_matter(text)
    if front is None:
        if text.split("\n", 1)[0].strip() == "---":
            return None, text, 1, [Problem.at(path, 1, _("front matter is not closed: add a line '---' after it"))]
        return ChapterMeta(), body, body_line, []
    if not front.strip():
        return ChapterMeta(), body, body_line, []
    data, node, problems = parse_yaml(front, path, first_line=2)
    if problems:
        return None, body, body_line, problems
    meta, problems = validate(ChapterMeta, data, node, path, first_line=2, what=_("front matter"))
    return meta, body, body_line, problems
