"""A local plugin for the session tests: two small capture kinds and one method card in
both languages, so that these tests do not depend on the built-in kinds or cards."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field

from toolkit import hookimpl
from toolkit.capture.base import CaptureKind, KindModel, step_ref_field


class NoteOptions(KindModel):
    max_per_author: int | None = Field(default=None, ge=1)


class NoteRecord(KindModel):
    text: str = Field(min_length=1, max_length=500)
    tag: str = ""


class TestNotes(CaptureKind):
    name = "session-test-note"
    title = {"en": "Test notes", "de": "Testnotizen"}
    Options = NoteOptions
    Record = NoteRecord

    def result(self, records, options, context):
        return [r.data.text for r in records]

    def to_markdown(self, result, options, lang):
        return "\n".join(f"- {t}" for t in result)

    def check(self, record, records, options, context):
        author = getattr(record, "author", None)
        if options.max_per_author and author:
            mine = sum(1 for r in records if r.author == author)
            if mine >= options.max_per_author:
                return f"{author} has written {mine} notes already"
        return None


class CountOptions(KindModel):
    source: str = step_ref_field("Step whose notes are counted.")


class CountRecord(KindModel):
    bonus: int = 0


class TestCount(CaptureKind):
    name = "session-test-count"
    title = {"en": "Test count", "de": "Testzählung"}
    Options = CountOptions
    Record = CountRecord

    def result(self, records, options, context):
        source = context.results(options.source) or []
        return len(source) + sum(r.data.bonus for r in records)

    def to_markdown(self, result, options, lang):
        return str(result)


@hookimpl
def register_capture_kinds(register):
    register(TestNotes())
    register(TestCount())


@hookimpl
def register_methods(register):
    register(Path(__file__).parent / "cards")
