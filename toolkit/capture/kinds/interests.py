"""Interests after a rotation: whom each person wants to work with, on three levels.

Everyone may mark people of the *other* group of the source rotation as *must meet*, *could
meet* or *no thanks* (both sides mark: creatives mark companies and companies mark
creatives). ``wants`` is the older form of the record, an ordered list that counts as
*could meet*. A later record by the same person replaces their earlier one.

A pair is *mutual* when both sides marked each other as must or could meet; a "no thanks" on
either side *blocks* the pair: matching never pairs it and a rotation that takes these
interests never seats it. Preferences list must-meet people first, then could-meet ones, in
the order given. Individual lists are private to the session: the workbook shows only mutual
interests and how many marks each person received.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import Field

from toolkit.capture.base import CaptureContext, Captured, CaptureKind, KindModel, StatelessRules
from toolkit.capture.common import PersonInfo, PersonRef, of_type, resolve, source_result, unwrap
from toolkit.capture.kinds.interest_results import InterestsResult, MarksReceived, MutualInterest, Preferences
from toolkit.capture.kinds.options import InterestsOptions
from toolkit.capture.kinds.rotation import RotationResult
from toolkit.capture.markdown import bullet, table, translator
from toolkit.i18n import _


class InterestRecord(KindModel):
    """One person's marks."""

    person: PersonRef = Field(description="Person id (or name) of who marks.")
    must: list[PersonRef] = Field(default=[], max_length=200, description="People they must meet, best first.")
    could: list[PersonRef] = Field(default=[], max_length=200, description="People they could meet, best first.")
    no: list[PersonRef] = Field(default=[], max_length=200, description="People they do not want to meet.")
    wants: list[PersonRef] = Field(default=[], max_length=200,
                                   description="Older form: people of the other group, most wanted first "
                                               "(counts as could meet).")


LEVELS = ("must", "could", "no")


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

    def levels(self, person: str, data: InterestRecord, limit: int | None) -> dict[str, list[str]]:
        """must/could/no lists, cleaned: one level per person (the first given wins, in the
        order no, must, could), and at most ``limit`` people marked must or could."""
        no = self.clean(person, data.no, None)
        taken = set(no)
        must = [p for p in self.clean(person, data.must, None) if p not in taken]
        taken |= set(must)
        could = [p for p in self.clean(person, [*data.could, *data.wants], None) if p not in taken]
        if limit is not None:
            must = must[:limit]
            could = could[:max(0, limit - len(must))]
        return {"must": must, "could": could, "no": no}


class InterestsKind(CaptureKind[InterestsOptions]):
    name = "interests"
    widget = "toolkit.tui.widgets.capture.interests:InterestsPanel"
    projector = "toolkit.tui.projector_views:interests"
    demo = "toolkit.cli.demo:play_interests"
    title = {"de": "Interessen", "en": "Interests"}
    #: field labels (the generic form and the participants' error messages name fields by these)
    labels = {
        "en": {"person": "You", "must": "Must meet", "could": "Could meet", "no": "No thanks",
               "wants": "Want to meet"},
        "de": {"person": "Sie", "must": "Unbedingt treffen", "could": "Vielleicht treffen", "no": "Lieber nicht",
               "wants": "Möchte treffen"},
    }
    Options = InterestsOptions
    Record = InterestRecord
    #: one valid record, for ``cimis kinds`` and the export/import round-trip test
    example = {"person": "anna", "wants": ["bernd"]}
    web_form = "toolkit.web.kinds:interests_form"
    web_view = "toolkit.web.kinds:interests_view"
    web_identity = "person"

    def rule_state(self, options, context):
        return StatelessRules(self, options, context)  # the rules look at no earlier record

    def check(self, record, records, options, context):
        data, _author = unwrap(record)
        groups = _Groups(options, context)
        person = resolve(data.person, groups.people)
        if not groups.known(person):
            return _("{person} took part in neither group of the rotation.").format(person=data.person)
        seen: set[str] = set()
        for ref in (*data.must, *data.could, *data.no, *data.wants):
            other = resolve(ref, groups.people)
            if other == person:
                return _("Nobody can mark themselves.")
            if other in seen:
                return _("{person} is marked twice.").format(person=ref)
            if not groups.may_mark(person, other):
                return _("{person} is not in the other group.").format(person=ref)
            seen.add(other)
        chosen = len(data.must) + len(data.could) + len(data.wants)
        if options.max_choices is not None and chosen > options.max_choices:
            return _("At most {count} people may be marked.").format(count=options.max_choices)
        return None

    def result(self, records: Sequence[Captured], options: InterestsOptions,
               context: CaptureContext) -> InterestsResult:
        groups = _Groups(options, context)
        marks: dict[str, dict[str, list[str]]] = {}
        for _c, data in of_type(records, InterestRecord):
            person = resolve(data.person, groups.people)
            if groups.known(person):
                marks.pop(person, None)  # a new list moves the person to where they last marked
                marks[person] = groups.levels(person, data, options.max_choices)
        latest = {p: m["must"] + m["could"] for p, m in marks.items()}
        order = {p.id: i for i, p in enumerate(groups.members)}
        persons = sorted(latest, key=lambda p: (order.get(p, len(order)), p))
        wants = {p: set(latest[p]) for p in persons}
        def position(q: str) -> tuple:
            return (groups.side.get(q, 0), order.get(q, len(order)), q)

        pairs = {tuple(sorted((p, other), key=position)) for p in persons for other in latest[p]
                 if p in wants.get(other, ())}
        mutual = [MutualInterest(a=x, b=y)
                  for x, y in sorted(pairs, key=lambda pair: (position(pair[0]), position(pair[1])))]
        blocked = {tuple(sorted((p, other), key=position)) for p in persons for other in marks[p]["no"]}
        # one side's "must meet" is enough to plan a meeting, unless the other said no
        must_pairs = {tuple(sorted((p, other), key=position)) for p in persons for other in marks[p]["must"]}
        must_pairs -= blocked
        counts = {p.id: 0 for p in groups.members}
        for p in persons:
            for other in latest[p]:
                counts[other] = counts.get(other, 0) + 1
        return InterestsResult(
            groups=groups.roles,
            people=list(groups.members),
            preferences=[Preferences(person=p, wants=latest[p], **marks[p]) for p in persons],
            mutual=mutual,
            must=[MutualInterest(a=x, b=y) for x, y in sorted(must_pairs, key=lambda pair: (position(pair[0]),
                                                                                             position(pair[1])))],
            blocked=[MutualInterest(a=x, b=y) for x, y in sorted(blocked, key=lambda pair: (position(pair[0]),
                                                                                            position(pair[1])))],
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
