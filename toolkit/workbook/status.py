"""The sprint board and the small edits authors make to a chapter's front matter.

Provides :func:`board` (one row per chapter: status, authors, reviewers, words, open
comments), :func:`word_count`, :func:`set_status`, :func:`add_comment` and
:func:`resolve_comment`. Edits go through ruamel.yaml's round-trip mode, so the authors'
comments, order and quoting in the front matter survive; each file is written atomically.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from toolkit.errors import CimisError, ProblemsError
from toolkit.i18n import _
from toolkit.paths import write_atomic
from toolkit.workbook.markers import strip_markers
from toolkit.workbook.model import STATUSES

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_FENCE_OR_MARKUP = re.compile(r"^\s*(#{1,6}\s|[-*+]\s+(\[[ xX]\]\s+)?|\d+[.)]\s+|>\s?)")


def word_count(markdown: str) -> int:
    """Words of a chapter body as a reader sees them (markers and markup left out)."""
    count = 0
    for line in strip_markers(markdown).split("\n"):
        count += len(_WORD.findall(_FENCE_OR_MARKUP.sub("", line)))
    return count


def board(book: Any) -> list[dict[str, Any]]:
    """The sprint board of ``book`` (a :class:`toolkit.workbook.book.Book`), in book order."""
    rows = []
    for chapter in book.chapters:
        rows.append({
            "chapter": chapter.rel or "",
            "number": chapter.number,
            "title": chapter.title,
            "status": chapter.status,
            "authors": list(chapter.authors),
            "reviewers": list(chapter.reviewers),
            "words": word_count(chapter.body),
            "comments": len(chapter.comments),
            "open_comments": len(chapter.open_comments),
            "draft": chapter.draft,
        })
    return rows


# -- editing front matter --------------------------------------------------------------------


def _load(path: Path) -> tuple[Any, Any, str]:
    """``(yaml, front matter mapping, body text after the closing line)``, validated."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    from toolkit.workbook.files import parse_chapter, read_text, split_front_matter

    text, problems = read_text(path)
    if text is None:
        raise ProblemsError(problems)
    meta, _body, _line, problems = parse_chapter(text, path)
    if meta is None or any(p.severity == "error" for p in problems):
        raise ProblemsError(problems)
    front, body, _body_line = split_front_matter(text)
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    if front is None or not front.strip():
        from ruamel.yaml.comments import CommentedMap

        data = CommentedMap()
        if front is None:
            body = text
    else:
        try:
            data = yaml.load(front)
        except YAMLError as exc:  # pragma: no cover - parse_chapter reported it already
            raise CimisError(str(exc)) from None
    return yaml, data, body


def _save(path: Path, yaml: Any, data: Any, body: str) -> None:
    from toolkit.workbook.files import encode_like

    out = io.StringIO()
    yaml.dump(data, out)
    write_atomic(path, encode_like(path, "---\n" + out.getvalue() + "---\n" + body))


def set_status(path: Path, status: str) -> str:
    """Set the chapter's status; the status it had before."""
    if status not in STATUSES:
        raise CimisError(_("unknown status '{status}': use one of {statuses}").format(
            status=status, statuses=", ".join(STATUSES)))
    yaml, data, body = _load(path)
    before = str(data.get("status", "todo"))
    data["status"] = status
    _save(path, yaml, data, body)
    return before


def add_comment(path: Path, by: str, text: str, line: int | None = None) -> int:
    """Add an open review comment; its number (1-based, as ``comment-resolve`` takes it)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if not by.strip() or not text.strip():
        raise CimisError(_("a comment needs a name and a text"))
    if line is not None and line < 1:
        raise CimisError(_("line numbers start at 1"))
    yaml, data, body = _load(path)
    comments = data.get("comments")
    if comments is None:
        comments = CommentedSeq()
        data["comments"] = comments
    entry = CommentedMap()
    entry["by"] = by.strip()
    entry["text"] = text.strip()
    if line is not None:
        entry["line"] = line
    entry["resolved"] = False
    comments.append(entry)
    if hasattr(comments, "fa"):
        comments.fa.set_block_style()
    _save(path, yaml, data, body)
    return len(comments)


def resolve_comment(path: Path, number: int) -> dict[str, Any]:
    """Mark comment ``number`` (1-based) resolved; the comment."""
    yaml, data, body = _load(path)
    comments = data.get("comments") or []
    if not 1 <= number <= len(comments):
        raise CimisError(_("{path} has no comment {n} (it has {count})").format(
            path=path, n=number, count=len(comments)))
    comments[number - 1]["resolved"] = True
    _save(path, yaml, data, body)
    return dict(comments[number - 1])
