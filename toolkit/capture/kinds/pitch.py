"""A round of pitches: who presents when, and "I like / I wish / What if" feedback."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Literal

from pydantic import Field

from toolkit.capture.base import CaptureContext, Captured, CaptureKind, KindModel, ResultModel, StatelessRules
from toolkit.capture.common import PersonRef, Text, of_type, resolve, unwrap
from toolkit.capture.kinds.options import PitchOptions
from toolkit.capture.markdown import bullet, escape_line, table, translator
from toolkit.i18n import _

FeedbackType = Literal["like", "wish", "whatif"]


class PitchFeedbackRecord(KindModel):
    """One piece of feedback on a pitch."""

    pitch: PersonRef = Field(description="Person id (or name) of the presenter.")
    type: FeedbackType = Field(description="like = I like, wish = I wish, whatif = What if.")
    text: Text = Field(description="The feedback.")


class PitchSlot(ResultModel):
    position: int
    person: str
    name: str
    organisation: str = ""
    start_minute: int = Field(description="Minutes after the start of the step.")


class FeedbackEntry(ResultModel):
    id: int
    text: str
    author: str | None = None


class PitchFeedback(ResultModel):
    person: str
    name: str
    like: list[FeedbackEntry] = []
    wish: list[FeedbackEntry] = []
    whatif: list[FeedbackEntry] = []


class PitchResult(ResultModel):
    """The presenters in pitch order with their start offsets, and the feedback per pitch
    (same order)."""

    order: list[PitchSlot] = []
    minutes_per_pitch: int = 3
    total_minutes: int = 0
    feedback: list[PitchFeedback] = []


def pitch_order(options: PitchOptions, context: CaptureContext | None) -> list[PitchSlot]:
    """Presenters in plan order, or shuffled reproducibly by the step's or session's seed."""
    presenters = list(context.people_with_role(options.presenters)) if context is not None else []
    if options.order == "shuffled":
        seed = options.seed if options.seed is not None else (context.seed if context is not None else 0)
        random.Random(seed).shuffle(presenters)
    return [PitchSlot(position=i + 1, person=p.id, name=p.name, organisation=p.organisation,
                      start_minute=i * options.minutes_per_pitch) for i, p in enumerate(presenters)]


_LABELS = {"like": "I like", "wish": "I wish", "whatif": "What if"}


class PitchKind(CaptureKind[PitchOptions]):
    name = "pitch"
    widget = "toolkit.tui.widgets.capture.pitch:PitchPanel"
    demo = "toolkit.cli.demo:play_pitch"
    title = {"de": "Pitches", "en": "Pitches"}
    #: field labels (the generic form and the participants' error messages name fields by these)
    labels = {
        "en": {"pitch": "Presenter", "type": "Kind of feedback", "text": "Your feedback",
               "type.like": "I like", "type.wish": "I wish", "type.whatif": "What if"},
        "de": {"pitch": "Wer präsentiert", "type": "Art der Rückmeldung", "text": "Ihre Rückmeldung",
               "type.like": "Mir gefällt", "type.wish": "Ich wünsche mir", "type.whatif": "Was wäre, wenn"},
    }
    Options = PitchOptions
    Record = PitchFeedbackRecord
    #: one valid record, for ``cimis kinds`` and the export/import round-trip test
    example = {"pitch": "anna", "type": "like", "text": "Clear problem statement"}

    def web_choices(self, field, options, people):
        # feedback goes to someone who pitches in this round
        if field == "pitch":
            return [p for p in people if p.role == options.presenters]
        return None

    def rule_state(self, options, context):
        return StatelessRules(self, options, context)  # the rules look at no earlier record

    def check(self, record, records, options, context):
        data, _author = unwrap(record)
        if not options.feedback:
            return _("This pitch round collects no feedback.")
        people = context.people if context is not None else ()
        if resolve(data.pitch, people) not in {slot.person for slot in pitch_order(options, context)}:
            return _("{person} does not pitch in this round.").format(person=data.pitch)
        return None

    def result(self, records: Sequence[Captured], options: PitchOptions, context: CaptureContext) -> PitchResult:
        order = pitch_order(options, context)
        people = context.people if context is not None else ()
        entries: dict[str, dict[str, list[FeedbackEntry]]] = {s.person: {t: [] for t in _LABELS} for s in order}
        for captured, data in of_type(records, PitchFeedbackRecord):
            slot = entries.get(resolve(data.pitch, people))
            if slot is not None:
                slot[data.type].append(FeedbackEntry(id=captured.id, text=data.text, author=captured.author))
        return PitchResult(
            order=order,
            minutes_per_pitch=options.minutes_per_pitch,
            total_minutes=len(order) * options.minutes_per_pitch,
            feedback=[PitchFeedback(person=s.person, name=s.name, **entries[s.person]) for s in order],
        )

    def to_markdown(self, result: PitchResult, options: PitchOptions, lang: str) -> str:
        _ = translator(lang)
        if not result.order:
            return _("Nobody pitched.") + "\n"
        labels = {"like": _("I like"), "wish": _("I wish"), "whatif": _("What if")}
        rows = [[str(s.position), s.name, s.organisation, _("+{minutes} min").format(minutes=s.start_minute)]
                for s in result.order]
        parts = [table(["#", _("Presenter"), _("Organisation"), _("Start")], rows, "r") + "\n"]
        for fb in result.feedback:
            given = [(labels[t], getattr(fb, t)) for t in _LABELS if getattr(fb, t)]
            if not given:
                continue
            body = "\n\n".join(f"**{label}**\n\n" + "\n".join(bullet(e.text) for e in items) for label, items in given)
            parts.append(f"### {escape_line(fb.name)}\n\n{body}\n")
        return "\n".join(parts)
