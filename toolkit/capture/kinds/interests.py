"""Interests after a rotation: whom each person wants to work with, in order of preference.

Everyone may mark people of the *other* group of the source rotation. A later record by the
same person replaces their earlier one. Individual lists are private to the session: the
workbook shows only mutual interests and how many marks each person received.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import Field

from toolkit.capture.base import Captured, CaptureContext, CaptureKind, StatelessRules, KindModel, ResultModel
from toolkit.capture.common import PersonInfo, PersonRef, of_type, resolve, source_result, unwrap
from toolkit.capture.kinds.options import InterestsOptions
from toolkit.capture.kinds.rotation import RotationResult
from toolkit.capture.markdown import bullet, table, translator
from toolkit.i18n import _


class InterestRecord(KindModel):
    """One person's marks, best first."""

    person: PersonRef = Field(description="Person id (or name) of who marks.")
    wants: list[PersonRef] = Field(default=[], max_length=200,
                                   description="People of the other group, most wanted first.")


class Preferences(ResultModel):
    person: str
    wants: list[str] = []


class MutualInterest(ResultModel):
    a: str = Field(description="Person of the first group.")
    b: str = Field(description="Person of the second group.")


class MarksReceived(ResultModel):
    person: str
    marks: int


class InterestsResult(ResultModel):
    """Everyone's cleaned-up preferences (only people of the other group, no repeats, at most
    max_choices), mutual interests, and marks received per person."""

    groups: tuple[str, str] | None = Field(default=None, description="Roles of the two groups; None without rotation.")
    people: list[PersonInfo] = Field(default=[], description="Both groups, first group first.")
    preferences: list[Preferences] = []
    mutual: list[MutualInterest] = []
    received: list[MarksReceived] = []


class _Groups:
    """Who may mark whom, from the source rotation (or the plan's people if it is missing)."""

    def __init__(self, options: InterestsOptions, context: CaptureContext | None):
        rotation = source_result(context, options.source, RotationResult) if context is not None else None
        self.people = context.people if context is not None else ()
        if rotation is not None:
            self.roles: tuple[str, str] | None = rotation.groups
            self.members = [*rotation.group_a, *rotation.group_b]
            self.side = {p.id: 0 for p in rotation.group_a} | {p.id: 1 for p in rotation.group_b}
        else:
            # Without the rotation the groups are unknown: anyone in the plan may mark anyone.
            self.roles = None
            self.members = [PersonInfo(id=p.id, name=p.name, role=p.role) for p in self.people]
            self.side = {}

    def known(self, person: str) -> bool:
        return person in self.side if self.roles is not None else True

    def may_mark(self, person: str, other: str) -> bool:
        if person == other:
            return False
        if self.roles is None:
            return True
        return other in self.side and self.side.get(person) != self.side[other]

    def clean(self, person: str, wants: Sequence[str], limit: int | None) -> list[str]:
        kept = [w for w in dict.fromkeys(resolve(w, self.people) for w in wants) if self.may_mark(person, w)]
        return kept if limit is None else kept[:limit]


class InterestsKind(CaptureKind):
    name = "interests"
    title = {"de": "Interessen", "en": "Interests"}
    Options = InterestsOptions
    Record = InterestRecord

    def rule_state(self, options, context):
        return StatelessRules(self, options, context)  # the rules look at no earlier record

    def check(self, record, records, options, context):
        data, _author = unwrap(record)
        groups = _Groups(options, context)
        person = resolve(data.person, groups.people)
        if not groups.known(person):
            return _("{person} took part in neither group of the rotation.").format(person=data.person)
        seen: set[str] = set()
        for ref in data.wants:
            other = resolve(ref, groups.people)
            if other == person:
                return _("Nobody can mark themselves.")
            if other in seen:
                return _("{person} is marked twice.").format(person=ref)
            if not groups.may_mark(person, other):
                return _("{person} is not in the other group.").format(person=ref)
            seen.add(other)
        if options.max_choices is not None and len(data.wants) > options.max_choices:
            return _("At most {count} people may be marked.").format(count=options.max_choices)
        return None

    def result(self, records: Sequence[Captured], options: InterestsOptions, context: CaptureContext) -> InterestsResult:
        groups = _Groups(options, context)
        latest: dict[str, list[str]] = {}
        for _c, data in of_type(records, InterestRecord):
            person = resolve(data.person, groups.people)
            if groups.known(person):
                latest.pop(person, None)  # a new list moves the person to where they last marked
                latest[person] = groups.clean(person, data.wants, options.max_choices)
        order = {p.id: i for i, p in enumerate(groups.members)}
        persons = sorted(latest, key=lambda p: (order.get(p, len(order)), p))
        wants = {p: set(latest[p]) for p in persons}
        def position(q: str) -> tuple:
            return (groups.side.get(q, 0), order.get(q, len(order)), q)

        pairs = {tuple(sorted((p, other), key=position)) for p in persons for other in latest[p]
                 if p in wants.get(other, ())}
        mutual = [MutualInterest(a=x, b=y) for x, y in sorted(pairs, key=lambda pair: (position(pair[0]), position(pair[1])))]
        counts = {p.id: 0 for p in groups.members}
        for p in persons:
            for other in latest[p]:
                counts[other] = counts.get(other, 0) + 1
        return InterestsResult(
            groups=groups.roles,
            people=list(groups.members),
            preferences=[Preferences(person=p, wants=latest[p]) for p in persons],
            mutual=mutual,
            received=[MarksReceived(person=p, marks=n) for p, n in counts.items()],
        )

    def to_markdown(self, result: InterestsResult, options: InterestsOptions, lang: str) -> str:
        _ = translator(lang)
        names = {p.id: p.name for p in result.people}
        heading = _("Mutual interests")
        if result.mutual:
            body = "\n".join(bullet(f"{names.get(m.a, m.a)} ↔ {names.get(m.b, m.b)}") for m in result.mutual)
        else:
            body = _("No mutual interests yet.")
        parts = [f"### {heading}\n\n{body}\n"]
        if result.received:
            heading = _("Marks received")
            rows = [[names.get(r.person, r.person), str(r.marks)] for r in result.received]
            parts.append(f"### {heading}\n\n" + table([_("Person"), _("Marks")], rows, "lr") + "\n")
        return "\n".join(parts)
