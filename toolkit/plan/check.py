"""Check a workshop plan against the method library: everything :func:`resolve` finds, plus
the time budget, group sizes and the roles each method needs.

Every problem carries its line in ``workshop.yaml``. Errors stop a workshop from running;
warnings (``severity="warning"``) are worth a look but do not.
"""

from __future__ import annotations

import typing
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from toolkit.cards.card import ROLES
from toolkit.errors import Problem
from toolkit.i18n import _
from toolkit.plan.agenda import Agenda
from toolkit.plan.load import PlanSource, read_plan
from toolkit.plan.model import MethodRun
from toolkit.plan.resolve import resolve

#: Roles that run a method rather than take part in it; they do not count towards group size.
NOT_COUNTED = frozenset({"facilitator"})


def check_plan(folder: Path | str, library: Any = None, kinds: Mapping[str, Any] | None = None) -> list[Problem]:
    """Every problem of the plan in ``folder`` (or the plan file itself), sorted by line.

    ``library`` and ``kinds`` default to what the installed plugins registered.
    """
    return check_source(read_plan(folder), library, kinds)[1]


def check_source(source: PlanSource, library: Any = None,
                 kinds: Mapping[str, Any] | None = None) -> tuple[Agenda | None, list[Problem]]:
    """The resolved agenda (``None`` if the plan could not be read) and every problem."""
    if source.plan is None:
        return None, list(source.problems)
    if library is None or kinds is None:
        from toolkit import registry

        library = registry.library() if library is None else library
        kinds = registry.capture_kinds() if kinds is None else kinds
    agenda, problems = resolve(source.plan, library, kinds, source=source)
    problems = list(source.problems) + problems
    problems += time_budget(source, agenda)
    problems += people_checks(source, agenda, library)
    return agenda, sorted(problems, key=lambda p: (p.line, p.severity != "error", p.message))


def time_budget(source: PlanSource, agenda: Agenda) -> list[Problem]:
    """An error when the agenda runs past ``end``; a warning naming the computed end when the
    plan sets no ``end``, or when the day runs past midnight."""
    plan = source.plan
    assert plan is not None
    end = agenda.end
    if end is None or not agenda.items:
        return []
    problems = []
    finish = end.strftime("%H:%M")
    if end.date() != plan.date:
        problems.append(source.problem(("agenda",), _(
            "the agenda runs past midnight: it ends on {date} at {time}").format(date=end.date().isoformat(),
                                                                                 time=finish), "warning"))
    if plan.end is None:
        problems.append(source.problem(("start",), _(
            "no 'end' is set: the agenda ends at {time} ({minutes} minutes from {start})").format(
                time=finish, minutes=agenda.minutes, start=plan.start.strftime("%H:%M")), "warning"))
        return problems
    limit = agenda.start.replace(hour=plan.end.hour, minute=plan.end.minute) if agenda.start else None
    if limit is not None and end > limit:
        over = int((end - limit).total_seconds() // 60)
        problems.append(source.problem(("end",), _(
            "end: the agenda ends at {time}, {over} minutes after the planned end {end}").format(
                time=finish, over=over, end=plan.end.strftime("%H:%M"))))
    return problems


def people_checks(source: PlanSource, agenda: Agenda, library: Any) -> list[Problem]:
    """Roles every method needs (errors) and group sizes (warnings)."""
    plan = source.plan
    assert plan is not None
    if not any(isinstance(item, MethodRun) for item in plan.agenda):
        return []
    if not plan.people:
        return [source.problem(("agenda",), _(
            "the plan lists no people, so group sizes and roles are not checked"), "warning")]
    present = {p.role for p in plan.people}
    counted = sum(1 for p in plan.people if p.role not in NOT_COUNTED)
    problems = []
    for i, entry in enumerate(plan.agenda):
        item = agenda.item(entry.id)
        if not isinstance(entry, MethodRun) or item is None or item.method_id is None:
            continue
        card = library.get(entry.method, plan.language)
        if card is None:
            continue
        where = ("agenda", i, "method")
        needed = list(dict.fromkeys([*card.meta.roles, *_option_roles(item)]))
        for role in needed:
            if role not in present:
                problems.append(source.problem(where, _(
                    "agenda[{i}] ({id}): the method needs someone with role '{role}', but the plan lists nobody "
                    "with that role").format(i=i, id=entry.id, role=role)))
        size = card.meta.group_size
        if not size.min <= counted <= size.max:
            problems.append(source.problem(where, _(
                "agenda[{i}] ({id}): {n} people take part, but the method works for {min} to {max}").format(
                    i=i, id=entry.id, n=counted, min=size.min, max=size.max), "warning"))
    return problems


def _option_roles(item: Any) -> list[str]:
    """Roles named in the steps' options (who pitches, who scores, which groups meet)."""
    roles: list[str] = []
    for step in item.steps:
        options = step.options
        if options is None:
            continue
        for name, info in type(options).model_fields.items():
            annotation = info.annotation
            args = {annotation, *typing.get_args(annotation)}
            if not any(set(typing.get_args(a)) == set(ROLES) for a in args if a is not None):
                continue
            value = getattr(options, name, None)
            values = value if isinstance(value, (list, tuple)) else [value]
            roles.extend(v for v in values if isinstance(v, str) and v in ROLES)
    return roles
