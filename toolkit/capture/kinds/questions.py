"""Questions to a speaker: the room asks, and upvotes the questions it wants answered.

One upvote per author and question (the author of the question may upvote it too, like on
every Q&A wall). The result lists the questions by votes, most first; equal votes keep the
order in which they were asked, so the list does not jump about while nothing changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from pydantic import Field

from toolkit.capture.base import CaptureContext, Captured, CaptureKind, KindModel, ResultModel, RuleState
from toolkit.capture.common import Text, of_type, plain, union_record, unwrap
from toolkit.capture.kinds.options import QuestionsOptions
from toolkit.capture.markdown import bullet, translator
from toolkit.i18n import _


class AskQuestion(KindModel):
    """Ask a question."""

    op: Literal["ask"] = "ask"
    text: Text = Field(description="The question.")


class Upvote(KindModel):
    """Support a question someone asked."""

    op: Literal["upvote"] = "upvote"
    question: int = Field(ge=1, description="Id of the question.")


_RECORD_TYPES = (AskQuestion, Upvote)


class QuestionsRecord(union_record(*_RECORD_TYPES)):  # type: ignore[misc]  # base made at run time: a discriminated union of the shapes
    """One record: ``{op: ask, text}`` or ``{op: upvote, question}``."""


class Question(ResultModel):
    id: int
    text: str
    votes: int = 0


class QuestionsResult(ResultModel):
    """Questions with most votes first (ties in the order asked)."""

    questions: list[Question] = []


class _Wall:
    def __init__(self) -> None:
        self.text: dict[int, str] = {}
        self.voters: dict[int, set[str | None]] = {}
        self.asked: dict[str | None, int] = {}

    def add(self, captured: Captured) -> None:
        data = plain(captured.data)
        if isinstance(data, AskQuestion):
            self.text.setdefault(captured.id, data.text)
            self.voters.setdefault(captured.id, set())
            self.asked[captured.author] = self.asked.get(captured.author, 0) + 1
        elif isinstance(data, Upvote) and data.question in self.voters:
            self.voters[data.question].add(captured.author)

    def check(self, record, options: QuestionsOptions) -> str | None:
        data, author = unwrap(record)
        if isinstance(data, AskQuestion):
            if len(data.text) > options.max_length:
                return _("The question is {length} characters long; at most {max} are allowed.").format(
                    length=len(data.text), max=options.max_length)
            if (options.per_person is not None and author is not None
                    and self.asked.get(author, 0) >= options.per_person):
                return _("Each person may ask at most {count} questions.").format(count=options.per_person)
            return None
        if data.question not in self.voters:
            return _("There is no question {id}.").format(id=data.question)
        if author is not None and author in self.voters[data.question]:
            return _("You have upvoted this question already.")
        return None


class _QuestionRules(RuleState):
    def __init__(self, options: QuestionsOptions):
        self.options, self.wall = options, _Wall()

    def add(self, captured: Captured) -> None:
        self.wall.add(captured)

    def check(self, record) -> str | None:
        return self.wall.check(record, self.options)


class QuestionsKind(CaptureKind[QuestionsOptions]):
    name = "questions"
    title = {"de": "Fragen ans Podium", "en": "Questions to the speaker"}
    #: field labels (the generic form and the participants' error messages name fields by these)
    labels = {
        "en": {"op": "Action", "text": "Your question", "question": "Question",
               "op:ask": "Ask a question", "op:upvote": "Support a question"},
        "de": {"op": "Aktion", "text": "Ihre Frage", "question": "Frage",
               "op:ask": "Frage stellen", "op:upvote": "Frage unterstützen"},
    }
    Options = QuestionsOptions
    Record = QuestionsRecord
    web_form = "toolkit.web.kinds:questions_form"
    web_view = "toolkit.web.kinds:questions_view"
    example = {"op": "ask", "text": "How do small firms start?"}
    #: an upvote names its question by record id: session import carries it over
    id_fields = ("question",)

    def rule_state(self, options, context):
        return _QuestionRules(options)

    def check(self, record, records, options, context):
        wall = _Wall()
        for captured in records:
            wall.add(captured)
        return wall.check(record, options)

    def result(self, records: Sequence[Captured], options: QuestionsOptions,
               context: CaptureContext) -> QuestionsResult:
        wall = _Wall()
        for captured, _data in of_type(records, _RECORD_TYPES):
            wall.add(captured)
        order = list(wall.text)
        ranked = sorted(order, key=lambda q: (-len(wall.voters[q]), order.index(q)))
        return QuestionsResult(questions=[Question(id=q, text=wall.text[q], votes=len(wall.voters[q])) for q in ranked])

    def to_markdown(self, result: QuestionsResult, options: QuestionsOptions, lang: str) -> str:
        _ = translator(lang)
        if not result.questions:
            return _("No questions.") + "\n"
        return "\n".join(bullet(f"{q.text} ({q.votes})") for q in result.questions) + "\n"
