"""The names of a workbook's files and folders, the characters none of them may hold, and
the light, already validated records a build reads from the chapter cache.

Kept apart from :mod:`toolkit.workbook.model` (pydantic) so that building a workbook whose
files are all cached never imports pydantic: that import alone cost more than building a
small book.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

#: characters XML 1.0 does not allow: an EPUB or DOCX holding one is broken (readers refuse
#: it), so a workbook file must not hold them (tab and line ends are fine)
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

BOOK_FILE = "book.yaml"
SUMMARY_FILE = "SUMMARY.md"
CHAPTERS_DIR = "chapters"


class BookSettings(NamedTuple):
    """A validated ``book.yaml`` (or ``book.toml``): the fields of
    :class:`~toolkit.workbook.model.BookConfig`, as a build reads them."""

    title: str
    subtitle: str | None
    authors: tuple[str, ...]
    language: str
    sources: tuple[str, ...]
    anonymise: bool

    @classmethod
    def of(cls, config: Any) -> BookSettings:
        """From a validated :class:`~toolkit.workbook.model.BookConfig`."""
        return cls(config.title, config.subtitle, tuple(config.authors), config.language, tuple(config.sources),
                   bool(config.anonymise))


class ChapterFields(NamedTuple):
    """A chapter's validated front matter: the fields of
    :class:`~toolkit.workbook.model.ChapterMeta`; ``status`` is ``None`` when the front
    matter does not set it (the book's default applies). ``comments`` and ``source`` keep
    their pydantic models (only chapters that have them need pydantic to be read back)."""

    title: str | None
    status: str | None
    authors: tuple[str, ...]
    reviewers: tuple[str, ...]
    comments: tuple[Any, ...]
    source: Any

    @classmethod
    def of(cls, meta: Any) -> ChapterFields:
        """From a validated :class:`~toolkit.workbook.model.ChapterMeta`."""
        status = meta.status if "status" in meta.model_fields_set else None
        return cls(meta.title, status, tuple(meta.authors), tuple(meta.reviewers), tuple(meta.comments), meta.source)


#: the front matter of a chapter that has none: every field at its default
NO_FRONT_MATTER = ChapterFields(title=None, status=None, authors=(), reviewers=(), comments=(), source=None)
