"""A canvas of named fields (problem statement, digitisation canvas): entries per field."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import Field

from toolkit.capture.base import CaptureContext, Captured, CaptureKind, KindModel, ResultModel, StatelessRules
from toolkit.capture.common import Text, of_type, unwrap
from toolkit.capture.kinds.options import CanvasOptions
from toolkit.capture.markdown import bullet, escape_line, translator
from toolkit.i18n import _


class CanvasRecord(KindModel):
    """One entry in a field of the canvas."""

    field: str = Field(min_length=1, description="Id of the canvas field.")
    text: Text = Field(description="What goes into the field.")


class CanvasEntry(ResultModel):
    id: int
    text: str
    author: str | None = None


class CanvasFieldEntries(ResultModel):
    id: str
    title: str
    hint: str = ""
    entries: list[CanvasEntry] = []


class CanvasResult(ResultModel):
    """The fields in the order of the options, each with its entries in capture order."""

    fields: list[CanvasFieldEntries] = []
    other: list[CanvasEntry] = Field(
        default=[], description="Entries for fields the canvas no longer has (kept, not lost).")


class CanvasKind(CaptureKind[CanvasOptions]):
    name = "canvas"
    widget = "toolkit.tui.widgets.capture.canvas:CanvasPanel"
    demo = "toolkit.cli.demo:play_canvas"
    title = {"de": "Canvas", "en": "Canvas"}
    #: field labels (the generic form and the participants' error messages name fields by these)
    labels = {
        "en": {"field": "Canvas field", "text": "Text"},
        "de": {"field": "Feld der Leinwand", "text": "Text"},
    }
    Options = CanvasOptions
    Record = CanvasRecord
    #: one valid record, for ``cimis kinds`` and the export/import round-trip test
    example = {"field": "problem", "text": "Paper job sheets get lost"}

    def rule_state(self, options, context):
        return StatelessRules(self, options, context)  # the rules look at no earlier record

    def check(self, record, records, options, context):
        data, _author = unwrap(record)
        if data.field not in {f.id for f in options.fields}:
            return _("The canvas has no field '{field}'.").format(field=data.field)
        return None

    def result(self, records: Sequence[Captured], options: CanvasOptions, context: CaptureContext) -> CanvasResult:
        entries: dict[str, list[CanvasEntry]] = {f.id: [] for f in options.fields}
        other: list[CanvasEntry] = []
        for captured, data in of_type(records, CanvasRecord):
            entry = CanvasEntry(id=captured.id, text=data.text, author=captured.author)
            entries.get(data.field, other).append(entry)
        return CanvasResult(
            fields=[CanvasFieldEntries(id=f.id, title=f.title, hint=f.hint, entries=entries[f.id])
                    for f in options.fields],
            other=other,
        )

    def to_markdown(self, result: CanvasResult, options: CanvasOptions, lang: str) -> str:
        _ = translator(lang)
        parts: list[str] = []
        sections = [(f.title, f.entries) for f in result.fields]
        if result.other:
            sections.append((_("Other"), result.other))
        for title, entries in sections:
            body = "\n".join(bullet(e.text) for e in entries) if entries else "_" + _("Nothing yet.") + "_"
            parts.append(f"### {escape_line(title)}\n\n{body}\n")
        return "\n".join(parts)
