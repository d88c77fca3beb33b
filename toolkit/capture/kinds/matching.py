"""Teams from interests: a stable many-to-one matching (deferred acceptance).

Companies take up to ``capacity`` creatives, creatives join one company. A pair is possible
only when both marked each other in the interests step. ``proposers`` names the side whose
preferences the matching favours (deferred acceptance is best for the proposing side).

The side with capacity is the group with role ``company``, or the rotation's second group
when neither group is companies. The facilitator can *pin* a pair, which is fixed before the
algorithm runs and uses up one place of the company whether or not the two marked each
other, and *exclude* a pair, which is then never matched. The result is stable for everyone
not pinned.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from pydantic import Field

from toolkit.capture.algorithms.matching import stable_matching
from toolkit.capture.base import CaptureContext, Captured, CaptureKind, KindModel, ResultModel
from toolkit.capture.common import PersonInfo, PersonRef, of_type, resolve, source_result, union_record, unwrap
from toolkit.capture.kinds.interest_results import InterestsResult
from toolkit.capture.kinds.options import MatchingOptions
from toolkit.capture.markdown import escape_line, role_title, translator
from toolkit.i18n import _


class PinPair(KindModel):
    """Fix a pair before the matching runs."""

    op: Literal["pin"] = "pin"
    a: PersonRef = Field(description="One person of the pair (either group).")
    b: PersonRef = Field(description="The other person.")


class ExcludePair(KindModel):
    """Never match this pair."""

    op: Literal["exclude"] = "exclude"
    a: PersonRef = Field(description="One person of the pair (either group).")
    b: PersonRef = Field(description="The other person.")


_RECORD_TYPES = (PinPair, ExcludePair)


class MatchingRecord(union_record(*_RECORD_TYPES)):  # type: ignore[misc]  # base made at run time: a discriminated union of the shapes
    """One matching record, told apart by ``op``: pin or exclude."""


class TeamMember(ResultModel):
    id: str
    pinned: bool = False


class Team(ResultModel):
    company: str = Field(description="Id of the person with capacity (the company side).")
    members: list[TeamMember] = []


class Unmatched(ResultModel):
    role: str
    people: list[str] = []


class MatchingResult(ResultModel):
    """Teams in the order of the company side, members pinned first then by the company's
    preference; and everyone without a team, per group."""

    roles: tuple[str, str] = Field(default=("creative", "company"), description="(joining side, side with capacity).")
    capacity: int = 1
    proposers: str = "creative"
    people: list[PersonInfo] = []
    teams: list[Team] = []
    unmatched: list[Unmatched] = []


@dataclass
class _Instance:
    residents: list[str] = field(default_factory=list)
    hospitals: list[str] = field(default_factory=list)
    prefs: dict[str, list[str]] = field(default_factory=dict)
    roles: tuple[str, str] = ("creative", "company")
    people: list[PersonInfo] = field(default_factory=list)
    #: pairs with a "no thanks" on either side, as (resident, hospital)
    blocked: set[tuple[str, str]] = field(default_factory=set)

    def orient(self, x: str, y: str) -> tuple[str, str] | None:
        """``(resident, hospital)`` for a pair given in either order."""
        if x in self.residents and y in self.hospitals:
            return x, y
        if y in self.residents and x in self.hospitals:
            return y, x
        return None


def _instance(options: MatchingOptions, context: CaptureContext | None) -> _Instance:
    interests = source_result(context, options.source, InterestsResult) if context is not None else None
    if interests is None:
        return _Instance()
    groups = interests.groups or ("creative", "company")
    hospital_role = "company" if "company" in groups else groups[1]
    resident_role = groups[0] if groups[1] == hospital_role else groups[1]
    residents = [p.id for p in interests.people if p.role == resident_role]
    hospitals = set(p.id for p in interests.people if p.role == hospital_role)
    blocked = set()
    for pair in interests.blocked:
        blocked.add((pair.a, pair.b) if pair.b in hospitals else (pair.b, pair.a))
    return _Instance(
        residents=residents,
        hospitals=[p.id for p in interests.people if p.role == hospital_role],
        prefs={p.person: list(p.wants) for p in interests.preferences},
        roles=(resident_role, hospital_role),
        people=list(interests.people),
        blocked=blocked,
    )


class MatchingKind(CaptureKind[MatchingOptions]):
    name = "matching"
    widget = "toolkit.tui.widgets.capture.matching:MatchingPanel"
    projector = "toolkit.tui.projector_views:matching"
    demo = "toolkit.cli.demo:play_matching"
    title = {"de": "Matching", "en": "Matching"}
    #: field labels (the generic form and the participants' error messages name fields by these)
    labels = {
        "en": {"op": "Action", "a": "First person", "b": "Second person"},
        "de": {"op": "Aktion", "a": "Erste Person", "b": "Zweite Person"},
    }
    Options = MatchingOptions
    Record = MatchingRecord
    #: one valid record, for ``cimis kinds`` and the export/import round-trip test
    example = {"op": "pin", "a": "anna", "b": "bernd"}
    web_view = "toolkit.web.kinds:matching_view"
    web_role = "facilitator"

    def _rules(self, inst: _Instance, records: Sequence[Captured], options: MatchingOptions, people):
        pins: dict[str, str] = {}
        excluded: set[tuple[str, str]] = set()
        for _c, data in of_type(records, _RECORD_TYPES):
            pair = inst.orient(resolve(data.a, people), resolve(data.b, people))
            if pair is None:
                continue
            if isinstance(data, ExcludePair):
                excluded.add(pair)
            elif pair[0] not in pins and sum(h == pair[1] for h in pins.values()) < options.capacity:
                # First pin wins: a later conflicting pin was refused by check, or imported.
                pins[pair[0]] = pair[1]
        return pins, excluded

    def check(self, record, records, options, context):
        data, _author = unwrap(record)
        people = context.people if context is not None else ()
        inst = _instance(options, context)
        pair = inst.orient(resolve(data.a, people), resolve(data.b, people))
        if pair is None:
            return _("A pair needs one person of each group.")
        pins, excluded = self._rules(inst, records, options, people)
        if isinstance(data, PinPair):
            if pair in excluded:
                return _("This pair is excluded.")
            if pair[0] in pins:
                pinned = data.a if pair[0] == resolve(data.a, people) else data.b
                return _("{person} is already pinned.").format(person=pinned)
            if sum(h == pair[1] for h in pins.values()) >= options.capacity:
                return _("No place left: all places are pinned.")
        elif pins.get(pair[0]) == pair[1]:
            return _("This pair is pinned.")
        return None

    def result(self, records: Sequence[Captured], options: MatchingOptions, context: CaptureContext) -> MatchingResult:
        people = context.people if context is not None else ()
        inst = _instance(options, context)
        pins, excluded = self._rules(inst, records, options, people)
        free = [r for r in inst.residents if r not in pins]
        residents = {r: [h for h in inst.prefs.get(r, []) if (r, h) not in excluded] for r in free}
        hospitals = {h: [r for r in inst.prefs.get(h, []) if r in residents and (r, h) not in excluded]
                     for h in inst.hospitals}
        capacity = {h: options.capacity - sum(x == h for x in pins.values()) for h in inst.hospitals}
        matched = stable_matching(residents, hospitals, capacity, residents_propose=options.proposers != inst.roles[1],
                                  forbidden=inst.blocked)
        teams = []
        for h in inst.hospitals:
            members = [TeamMember(id=r, pinned=True) for r, x in pins.items() if x == h]
            members += [TeamMember(id=r) for r in hospitals[h] if matched.get(r) == h]
            if members:
                teams.append(Team(company=h, members=members))
        in_team = {m.id for t in teams for m in t.members} | {t.company for t in teams}
        return MatchingResult(
            roles=inst.roles,
            capacity=options.capacity,
            proposers=options.proposers,
            people=inst.people,
            teams=teams,
            unmatched=[Unmatched(role=role, people=[p for p in group if p not in in_team])
                       for role, group in zip(inst.roles, (inst.residents, inst.hospitals))],
        )

    def to_markdown(self, result: MatchingResult, options: MatchingOptions, lang: str) -> str:
        _ = translator(lang)
        names = {p.id: p.name for p in result.people}

        def name(pid: str) -> str:
            return escape_line(names.get(pid, pid))

        heading = _("Teams")
        if result.teams:
            body = "\n".join(f"- **{name(t.company)}**: " + ", ".join(name(m.id) for m in t.members)
                             for t in result.teams)
        else:
            body = _("No teams yet.")
        parts = [f"### {heading}\n\n{body}\n"]
        left = [u for u in result.unmatched if u.people]
        if left:
            heading = _("Without a team")
            body = "\n".join(f"- {escape_line(role_title(u.role, lang))}: " + ", ".join(name(p) for p in u.people)
                             for u in left)
            parts.append(f"### {heading}\n\n{body}\n")
        return "\n".join(parts)
