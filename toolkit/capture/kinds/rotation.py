"""Speed-dating rotation between two groups (by default creatives and companies).

The schedule comes from :mod:`toolkit.capture.algorithms.rotation`; the people of each group
are shuffled by the session seed first, so two workshops with the same plan do not seat the
same people together, while one session always gets the same schedule.

Records change the schedule while it runs:

* ``{op: "round", number}`` is written by the UI when round ``number`` starts. Rounds up to
  and including it are *played*: they stay exactly as they were, whatever happens later.
* ``{op: "absent", person}`` / ``{op: "present", person}`` mark a no-show or a late arrival.
  With the option ``check_in``, nobody is present until checked in: a ``present`` record
  is a check-in (people send it from their phones through ``cimis serve``), ``absent`` a
  check-out.
  The rounds not played yet are planned again for the people present, so that nobody waits
  at an empty table. Pairs that met in played rounds count as met and are not planned again;
  if nothing was played yet, the schedule is simply built anew for those present.

With ``interests`` (an interests step, say from a first speed-dating session) the rounds
follow the room's three levels: pairs where either side said "no thanks" are never seated,
and pairs where a side said "must meet" are seated in the first rounds. The plan for the
rounds not played yet is still recomputed from who is present.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from pydantic import Field

from toolkit.capture.algorithms.rotation import continue_schedule, schedule, table_count
from toolkit.capture.base import CaptureContext, Captured, CaptureKind, KindModel, ResultModel
from toolkit.capture.common import PersonInfo, PersonRef, info, of_type, resolve, union_record, unwrap
from toolkit.capture.kinds.options import RotationOptions
from toolkit.capture.markdown import escape_line, role_title, table, translator
from toolkit.i18n import _


class RoundStarted(KindModel):
    """Round ``number`` (from 1) has started; it and the rounds before it are now fixed."""

    op: Literal["round"] = "round"
    number: int = Field(ge=1, le=1000, description="Number of the round that started.")


class Absent(KindModel):
    """Someone is not (or no longer) there."""

    op: Literal["absent"] = "absent"
    person: PersonRef = Field(description="Person id or name.")


class Present(KindModel):
    """Someone arrived late or came back."""

    op: Literal["present"] = "present"
    person: PersonRef = Field(description="Person id or name.")


_RECORD_TYPES = (RoundStarted, Absent, Present)


class RotationRecord(union_record(*_RECORD_TYPES)):  # type: ignore[misc]  # base made at run time: a discriminated union of the shapes
    """One rotation record, told apart by ``op``: round, absent or present."""


class Seat(ResultModel):
    table: int
    a: str = Field(description="Person of the first group.")
    b: str = Field(description="Person of the second group.")


class RotationRound(ResultModel):
    number: int
    seats: list[Seat] = []
    sitting_out: list[str] = Field(default=[], description="Present people without a partner this round.")
    absent: list[str] = Field(default=[], description="People marked absent when the round was planned.")
    played: bool = False
    start_minute: int = 0


class RotationResult(ResultModel):
    """The rounds (played ones first, then the plan for the rest) and who met whom."""

    groups: tuple[str, str] = ("creative", "company")
    group_a: list[PersonInfo] = []
    group_b: list[PersonInfo] = []
    tables: int = 0
    round_minutes: int = 5
    rounds: list[RotationRound] = []
    current_round: int = Field(default=0, description="Last round that started; 0 before the first.")
    absent: list[str] = []
    pairs: list[tuple[str, str]] = Field(default=[], description="Pairs (a, b) that meet in some round.")
    unmet: list[tuple[str, str]] = Field(default=[], description="Pairs of present people who never meet.")


@dataclass(frozen=True)
class _Planned:
    pairs: list[tuple[str, str]]
    absent: frozenset[str]


def groups_of(options: RotationOptions, context: CaptureContext | None) -> tuple[list[str], list[str]]:
    """The ids of both groups, shuffled by the session seed."""
    people = context.people if context is not None else ()
    rng = random.Random(context.seed if context is not None else 0)
    a = [p.id for p in people if p.role == options.groups[0]]
    b = [p.id for p in people if p.role == options.groups[1]]
    rng.shuffle(a)
    rng.shuffle(b)
    return a, b


class RotationKind(CaptureKind[RotationOptions]):
    name = "rotation"
    widget = "toolkit.tui.widgets.capture.rotation:RotationPanel"
    projector = "toolkit.tui.projector_views:rotation"
    demo = "toolkit.cli.demo:play_rotation"
    title = {"de": "Speed-Dating", "en": "Speed dating"}
    #: field labels (the generic form and the participants' error messages name fields by these)
    labels = {
        "en": {"op": "Action", "number": "Round", "person": "Person"},
        "de": {"op": "Aktion", "number": "Runde", "person": "Person"},
    }
    Options = RotationOptions
    Record = RotationRecord
    #: one valid record, for ``cimis kinds`` and the export/import round-trip test
    example = {"op": "round", "number": 1}
    web_form = "toolkit.web.kinds:rotation_form"
    web_view = "toolkit.web.kinds:rotation_view"
    web_role = "facilitator"

    def web_self_ops(self, options):
        # with check-in, people check themselves in (and out) from their phones
        return {"present": "person", "absent": "person"} if options.check_in else {}

    def references(self, options):
        return [options.interests] if options.interests else []

    def _levels(self, options, context) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
        """(blocked, must) pairs from the interests step, in both orders."""
        from toolkit.capture.common import source_result
        from toolkit.capture.kinds.interest_results import InterestsResult

        found = source_result(context, options.interests, InterestsResult) if context is not None else None
        if found is None:
            return set(), set()
        blocked = {(p.a, p.b) for p in found.blocked} | {(p.b, p.a) for p in found.blocked}
        must = {(p.a, p.b) for p in found.must} | {(p.b, p.a) for p in found.must}
        return blocked, must

    def _replan(self, a, b, absent, played, options, levels=(set(), set())) -> list[_Planned]:
        here_a = [p for p in a if p not in absent]
        here_b = [p for p in b if p not in absent]
        snapshot = frozenset(absent)
        blocked, must = levels
        if not played and not blocked and not must:
            return [_Planned(r, snapshot) for r in schedule(here_a, here_b, options.tables, options.rounds)]
        met = {pair for r in played for pair in r.pairs}
        if blocked or must:
            return list(played) + [_Planned(r, snapshot) for r in self._by_levels(
                here_a, here_b, played, met, blocked, must, options)]
        sat_out: dict[str, int] = {}
        for r in played:
            seated = {p for pair in r.pairs for p in pair}
            for p in (*here_a, *here_b):
                sat_out[p] = sat_out.get(p, 0) + (p not in seated)
        left = None if options.rounds is None else max(0, options.rounds - len(played))
        rest = continue_schedule(here_a, here_b, met, sat_out, options.tables, left)
        return list(played) + [_Planned(r, snapshot) for r in rest]

    def _by_levels(self, here_a, here_b, played, met, blocked, must, options) -> list[list[tuple[str, str]]]:
        """Rounds for the people present: unmet must-meet pairs first, then the other pairs,
        never a blocked one."""
        sat_out: dict[str, int] = {}
        for r in played:
            seated = {p for pair in r.pairs for p in pair}
            for p in (*here_a, *here_b):
                sat_out[p] = sat_out.get(p, 0) + (p not in seated)
        left = None if options.rounds is None else max(0, options.rounds - len(played))
        never = met | blocked
        others = {(x, y) for x in here_a for y in here_b if (x, y) not in must}
        # the must-meet rounds treat every other pair as met, the rest every must pair
        first = continue_schedule(here_a, here_b, never | others, sat_out, options.tables, left)
        done = never | {pair for r in first for pair in r}
        left = None if left is None else max(0, left - len(first))
        rest = continue_schedule(here_a, here_b, done | {(x, y) for x in here_a for y in here_b if (x, y) in must},
                                 sat_out, options.tables, left) if left != 0 else []
        return first + rest

    def _run(self, records: Sequence[Captured], options: RotationOptions, context: CaptureContext | None):
        a, b = groups_of(options, context)
        people = context.people if context is not None else ()
        members = set(a) | set(b)
        # with check-in, everyone is away until they check in
        absent: set[str] = set(members) if options.check_in else set()
        played: list[_Planned] = []
        levels = self._levels(options, context) if options.interests else (set(), set())
        plan = self._replan(a, b, absent, played, options, levels)
        current = 0
        for _c, data in of_type(records, _RECORD_TYPES):
            if isinstance(data, RoundStarted):
                current = max(current, data.number)
                played = plan[:max(len(played), data.number)]
                continue
            person = resolve(data.person, people)
            if person not in members:
                continue
            before = set(absent)
            (absent.add if isinstance(data, Absent) else absent.discard)(person)
            if absent != before:
                plan = self._replan(a, b, absent, played, options, levels)
        return a, b, absent, plan, len(played), current

    def check(self, record, records, options, context):
        data, _author = unwrap(record)
        a, b, absent, plan, _played, _current = self._run(records, options, context)
        if isinstance(data, RoundStarted):
            if data.number > max(len(plan), 1):
                return _("The schedule has only {count} rounds.").format(count=len(plan))
            return None
        people = context.people if context is not None else ()
        person = resolve(data.person, people)
        if person not in set(a) | set(b):
            return _("{person} is in neither group of this rotation.").format(person=data.person)
        # the name, not the id: the room reads these messages on its phones
        name = next((p.name for p in people if p.id == person), data.person)
        if isinstance(data, Absent) and person in absent:
            return _("{person} is already marked absent.").format(person=name)
        if isinstance(data, Present) and person not in absent:
            return _("{person} is already present.").format(person=name)
        return None

    def result(self, records: Sequence[Captured], options: RotationOptions, context: CaptureContext) -> RotationResult:
        shuffled_a, shuffled_b, absent, plan, played, current = self._run(records, options, context)
        people = context.people if context is not None else ()
        # Lists of people follow the plan's order; only the schedule itself is shuffled.
        position = {p.id: i for i, p in enumerate(people)}
        a = sorted(shuffled_a, key=position.__getitem__)
        b = sorted(shuffled_b, key=position.__getitem__)
        rounds = []
        for i, planned in enumerate(plan):
            seated = {p for pair in planned.pairs for p in pair}
            rounds.append(RotationRound(
                number=i + 1,
                seats=[Seat(table=t + 1, a=x, b=y) for t, (x, y) in enumerate(planned.pairs)],
                sitting_out=[p for p in (*a, *b) if p not in seated and p not in planned.absent],
                absent=[p for p in (*a, *b) if p in planned.absent],
                played=i < played,
                start_minute=i * options.round_minutes,
            ))
        pairs = [pair for planned in plan for pair in planned.pairs]
        met = set(pairs)
        here_a = [p for p in a if p not in absent]
        here_b = [p for p in b if p not in absent]
        return RotationResult(
            groups=options.groups,
            group_a=[info(p, people) for p in a],
            group_b=[info(p, people) for p in b],
            tables=table_count(len(here_a), len(here_b), options.tables),
            round_minutes=options.round_minutes,
            rounds=rounds,
            current_round=current,
            absent=[p for p in (*a, *b) if p in absent],
            pairs=pairs,
            unmet=[(x, y) for x in here_a for y in here_b if (x, y) not in met],
        )

    def to_markdown(self, result: RotationResult, options: RotationOptions, lang: str) -> str:
        _ = translator(lang)
        if not result.rounds:
            return _("No rounds: both groups need at least one person.") + "\n"
        names = {p.id: p.name for p in (*result.group_a, *result.group_b)}
        header = [_("Table"), role_title(result.groups[0], lang), role_title(result.groups[1], lang)]
        parts = []
        for r in result.rounds:
            heading = _("Round {number}").format(number=r.number)
            body = table(header, [[str(s.table), names.get(s.a, s.a), names.get(s.b, s.b)] for s in r.seats], "r")
            if r.sitting_out:
                body += "\n\n" + _("Sitting out: {names}").format(
                    names=", ".join(escape_line(names.get(p, p)) for p in r.sitting_out))
            parts.append(f"### {heading}\n\n{body}\n")
        if result.unmet:
            parts.append(_("{count} pairs do not meet.").format(count=len(result.unmet)) + "\n")
        return "\n".join(parts)

