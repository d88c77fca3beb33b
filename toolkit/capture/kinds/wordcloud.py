"""A word cloud: short answers from the room, counted.

Answers count as the same word when they match ignoring case and spacing ("Trust",
"trust "); the spelling given first is shown. The result lists the words by count, most
first, ties in the order first given, so the drawing is the same on every screen.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import Field

from toolkit.capture.base import CaptureContext, Captured, CaptureKind, KindModel, ResultModel, RuleState
from toolkit.capture.common import Text, of_type, unwrap
from toolkit.capture.kinds.options import WordcloudOptions
from toolkit.capture.markdown import table, translator
from toolkit.i18n import _


class WordRecord(KindModel):
    """One short answer."""

    text: Text = Field(description="A word or a few words.")


class WordCount(ResultModel):
    word: str
    count: int


class WordcloudResult(ResultModel):
    words: list[WordCount] = []
    answers: int = 0


def word_key(text: str) -> str:
    return " ".join(text.split()).casefold()


class _WordRules(RuleState):
    def __init__(self, options: WordcloudOptions):
        self.options = options
        self.given: dict[str | None, int] = {}

    def add(self, captured: Captured) -> None:
        self.given[captured.author] = self.given.get(captured.author, 0) + 1

    def check(self, record) -> str | None:
        data, author = unwrap(record)
        if len(data.text) > self.options.max_length:
            return _("The answer is {length} characters long; at most {max} are allowed.").format(
                length=len(data.text), max=self.options.max_length)
        if author is not None and self.given.get(author, 0) >= self.options.per_person:
            return _("Each person may give at most {count} answers.").format(count=self.options.per_person)
        return None


class WordcloudKind(CaptureKind[WordcloudOptions]):
    name = "wordcloud"
    title = {"de": "Wortwolke", "en": "Word cloud"}
    #: field labels (the generic form and the participants' error messages name fields by these)
    labels = {
        "en": {"text": "Your answer"},
        "de": {"text": "Ihre Antwort"},
    }
    Options = WordcloudOptions
    Record = WordRecord
    web_form = "toolkit.web.kinds:wordcloud_form"
    web_view = "toolkit.web.kinds:wordcloud_view"
    example = {"text": "trust"}

    def rule_state(self, options, context):
        return _WordRules(options)

    def check(self, record, records, options, context):
        rules = _WordRules(options)
        for captured in records:
            rules.add(captured)
        return rules.check(record)

    def result(self, records: Sequence[Captured], options: WordcloudOptions,
               context: CaptureContext) -> WordcloudResult:
        shown: dict[str, str] = {}
        counts: dict[str, int] = {}
        answers = 0
        for _c, data in of_type(records, WordRecord):
            key = word_key(data.text)
            shown.setdefault(key, " ".join(data.text.split()))
            counts[key] = counts.get(key, 0) + 1
            answers += 1
        order = list(shown)
        ranked = sorted(order, key=lambda k: (-counts[k], order.index(k)))
        return WordcloudResult(words=[WordCount(word=shown[k], count=counts[k]) for k in ranked], answers=answers)

    def to_markdown(self, result: WordcloudResult, options: WordcloudOptions, lang: str) -> str:
        _ = translator(lang)
        if not result.words:
            return _("No answers.") + "\n"
        return table([_("Answer"), _("Count")], [[w.word, str(w.count)] for w in result.words], "lr") + "\n"
