"""A capture kind for quotes from the room: who said what, rendered as block quotes."""

from __future__ import annotations

from pydantic import Field

from toolkit import CaptureKind, KindModel


class QuotesOptions(KindModel):
    """Options a method card can set for a quotes step."""

    prompt: str = Field(default="", description="Question shown above the input.")


class Quote(KindModel):
    """One captured quote."""

    text: str = Field(min_length=1, max_length=1000, description="What was said.")
    who: str = Field(default="", max_length=200, description="Who said it (may stay empty).")


class Quotes(CaptureKind):
    name = "example-quotes"
    title = {"de": "Zitate", "en": "Quotes"}
    Options = QuotesOptions
    Record = Quote
    #: one valid record: `cimis kinds` shows it, the tests use it
    example = {"text": "Paper travels, data should too.", "who": "Anna"}
    #: labels of the generic capture form, per language
    labels = {"de": {"text": "Zitat", "who": "Wer"}, "en": {"text": "Quote", "who": "Who"}}

    def result(self, records, options, context):
        return [{"text": r.data.text, "who": r.data.who} for r in records]

    def to_markdown(self, result, options, lang):
        lines = []
        for quote in result:
            lines.append("> " + quote["text"].replace("\n", "\n> "))
            if quote["who"]:
                lines.append(">\n> — " + quote["who"])
            lines.append("")
        return "\n".join(lines).strip() + "\n" if lines else ""
