"""Free notes: one text per record."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import Field

from toolkit.capture.base import CaptureContext, Captured, CaptureKind, KindModel, ResultModel, StatelessRules
from toolkit.capture.common import Text, of_type, unwrap
from toolkit.capture.kinds.options import NotesOptions
from toolkit.capture.markdown import bullet, translator
from toolkit.i18n import _


class NoteRecord(KindModel):
    """One note."""

    text: Text = Field(description="The note; at most the step's max_length characters.")


class Note(ResultModel):
    id: int
    text: str
    author: str | None = None


class NotesResult(ResultModel):
    """The notes in the order they were written."""

    notes: list[Note] = []


class NotesKind(CaptureKind[NotesOptions]):
    name = "notes"
    widget = "toolkit.tui.widgets.capture.notes:NotesPanel"
    projector = "toolkit.tui.projector_views:notes"
    demo = "toolkit.cli.demo:play_notes"
    title = {"de": "Notizen", "en": "Notes"}
    #: field labels (the generic form and the participants' error messages name fields by these)
    labels = {
        "en": {"text": "Your note"},
        "de": {"text": "Ihre Notiz"},
    }
    Options = NotesOptions
    Record = NoteRecord
    #: one valid record, for ``cimis kinds`` and the export/import round-trip test
    example = {"text": "Customers ask for the job sheet on paper."}
    web_form = "toolkit.web.kinds:notes_form"

    def rule_state(self, options, context):
        return StatelessRules(self, options, context)  # the rules look at no earlier record

    def check(self, record, records, options, context):
        data, _author = unwrap(record)
        if len(data.text) > options.max_length:
            return _("The note is {length} characters long; at most {max} are allowed.").format(
                length=len(data.text), max=options.max_length)
        return None

    def result(self, records: Sequence[Captured], options: NotesOptions, context: CaptureContext) -> NotesResult:
        # Over-long notes (captured before max_length was lowered) are kept whole: cutting
        # them would lose what the room said.
        return NotesResult(notes=[Note(id=c.id, text=d.text, author=c.author) for c, d in of_type(records, NoteRecord)])

    def to_markdown(self, result: NotesResult, options: NotesOptions, lang: str) -> str:
        _ = translator(lang)
        if not result.notes:
            return _("No notes.") + "\n"
        return "\n".join(bullet(note.text) for note in result.notes) + "\n"
