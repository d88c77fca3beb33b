"""The pydantic models of a workbook's hand-written files: ``book.yaml`` (:class:`BookConfig`)
and a chapter's front matter (:class:`ChapterMeta`, with :class:`ChapterSource` and
:class:`Comment`), plus :data:`STATUSES`.

Authors write these files, so every model forbids unknown fields: a typo is an error that
names the field and the line.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from toolkit.i18n import N_

# re-exported: the names live in layout.py, which a build imports without pydantic
from toolkit.workbook.layout import BOOK_FILE as BOOK_FILE
from toolkit.workbook.layout import CHAPTERS_DIR as CHAPTERS_DIR
from toolkit.workbook.layout import SUMMARY_FILE as SUMMARY_FILE

Status = Literal["todo", "draft", "review", "final"]
STATUSES: tuple[str, ...] = Status.__args__  # type: ignore[attr-defined]


def _publishable(value: str) -> str:
    """``value`` unless it holds a character no EPUB or DOCX may (``\\u0007`` written in
    YAML's escaping: the file itself is plain text)."""
    from toolkit.workbook.layout import NOT_XML

    if NOT_XML.search(value):
        raise ValueError(N_("holds a control character, which no publication format allows; remove it"))
    return value


#: text that ends up in a publication
Text = Annotated[str, AfterValidator(_publishable)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, defer_build=True)


class BookConfig(_Strict):
    """``book.yaml``: what the workbook is and where its material comes from."""

    title: Text = Field(min_length=1, max_length=300, description="Title of the workbook.")
    subtitle: Text | None = Field(default=None, max_length=300, description="Optional subtitle.")
    authors: list[Text] = Field(default_factory=list, description="Names of the authors.")
    language: Literal["de", "en"] = Field(description="Language of the workbook: de or en.")
    sources: list[str] = Field(default_factory=list,
                               description="Workshop folders, relative to the workbook folder.")
    anonymise: bool = Field(default=False,
                            description="Replace participants' names by role and number (e.g. 'Kreative 3').")


class ChapterSource(_Strict):
    """Where a generated chapter's material comes from."""

    workshop: str = Field(min_length=1, description="The workshop folder, as written in book.yaml's sources.")
    item: str = Field(min_length=1, description="Id of the agenda item.")
    workshop_id: str | None = Field(default=None, description=(
        "The workshop's stable id (from its workshop.yaml): sync finds the chapter by it after a rename."))


class Comment(_Strict):
    """A review comment on a chapter."""

    by: str = Field(min_length=1, description="Who wrote the comment.")
    text: str = Field(min_length=1, description="The comment.")
    line: int | None = Field(default=None, ge=1, description="Line of the chapter file it refers to.")
    resolved: bool = Field(default=False, description="Whether the author has dealt with it.")


class ChapterMeta(_Strict):
    """A chapter's YAML front matter."""

    title: Text | None = Field(default=None, min_length=1, max_length=300,
                              description="Title of the chapter (default: its title in SUMMARY.md).")
    authors: list[Text] = Field(default_factory=list, description="Who writes the chapter.")
    reviewers: list[Text] = Field(default_factory=list, description="Who reviews it.")
    status: Status = Field(default="todo", description="todo, draft, review or final.")
    source: ChapterSource | None = Field(default=None, description="Session material the chapter is generated from.")
    comments: list[Comment] = Field(default_factory=list, description="Review comments.")
