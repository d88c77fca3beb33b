"""Turn a :class:`Plan` into the :class:`Agenda` the session engine walks, using the method
library and the registered capture kinds.

Resolving looks up each method run's card (in the plan's language), applies the plan's
minute and option overrides, validates the merged options against the capture kind's
``Options`` model, checks that every step reference names an existing *earlier* step, and
computes start times. Whatever does not fit becomes a problem on the plan's line; it never
raises for bad input.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from toolkit.capture.base import Person
from toolkit.errors import Problem
from toolkit.i18n import _
from toolkit.plan.agenda import Agenda, AgendaItem, AgendaStep
from toolkit.plan.load import PLAN_FILE, PlanSource
from toolkit.plan.model import FreeItem, MethodRun, Plan
from toolkit.validation import describe, format_loc


def resolve(plan: Plan, library: Any, kinds: Mapping[str, Any], *,
            source: PlanSource | None = None) -> tuple[Agenda, list[Problem]]:
    """The agenda of ``plan`` and the problems found while building it.

    ``source`` locates fields in the plan file; it defaults to the file the plan was read
    from by :func:`toolkit.plan.load.load_plan`.
    """
    resolver = _Resolver(plan, library, kinds, source or plan._source or PlanSource(Path(PLAN_FILE)))
    agenda = resolver.run()
    return agenda, sorted(resolver.problems, key=lambda p: (p.line, p.severity != "error", p.message))


def split_ref(ref: str, item_id: str) -> tuple[str, str]:
    """``"step"`` -> ``(item_id, "step")``; ``"item.step"`` -> ``("item", "step")``."""
    target_item, _dot, target_step = ref.rpartition(".")
    return (target_item or item_id), target_step


class _Resolver:
    def __init__(self, plan: Plan, library: Any, kinds: Mapping[str, Any], source: PlanSource):
        self.plan = plan
        self.library = library
        self.kinds = kinds
        self.source = source
        self.problems: list[Problem] = []
        self.index = {item.id: i for i, item in reversed(list(enumerate(plan.agenda)))}
        self.done: dict[str, AgendaItem] = {}

    def error(self, loc: tuple[Any, ...], message: str, severity: str = "error") -> None:
        self.problems.append(self.source.problem(loc, message, severity))

    def run(self) -> Agenda:
        start = dt.datetime.combine(self.plan.date, self.plan.start)
        clock = start
        items: list[AgendaItem] = []
        for i, entry in enumerate(self.plan.agenda):
            item: AgendaItem | None
            if isinstance(entry, FreeItem):
                item = _free_item(entry, clock)
            else:
                item = self.method_item(i, entry, clock)
            if item is None:
                continue
            items.append(item)
            self.done.setdefault(item.id, item)
            clock = item.end
        people = [Person(p.id, p.name, p.role, p.organisation) for p in self.plan.people]
        return Agenda(items=items, people=people, title=self.plan.title, language=self.plan.language,
                      seed=self.plan.seed, start=start)

    def method_item(self, i: int, run: MethodRun, clock: dt.datetime) -> AgendaItem | None:
        card = self.library.get(run.method, self.plan.language)
        if card is None:
            close = difflib.get_close_matches(run.method, self.library.ids(), n=3, cutoff=0.6)
            hint = _(" Did you mean: {ids}?").format(ids=", ".join(close)) if close else ""
            message = _("agenda[{i}].method: no method with id '{id}' in the library.")
            self.error(("agenda", i, "method"), message.format(i=i, id=run.method) + hint)
            return None
        if card.language != self.plan.language:
            self.error(("agenda", i, "method"), _(
                "agenda[{i}].method: method '{id}' has no card in '{lang}'; its '{other}' card is used").format(
                    i=i, id=run.method, lang=self.plan.language, other=card.language), "warning")
        step_ids = [s.id for s in card.meta.steps]
        for field in ("minutes", "options"):
            for step_id in getattr(run, field):
                if step_id not in step_ids:
                    self.error(("agenda", i, field, step_id), _(
                        "agenda[{i}].{field}.{step}: method '{id}' has no step '{step}' (steps: {steps})").format(
                            i=i, field=field, step=step_id, id=run.method, steps=", ".join(step_ids)))
        steps: list[AgendaStep] = []
        step_clock = clock
        for j, card_step in enumerate(card.meta.steps):
            kind_name, options = self.options(i, run, card, card_step, j)
            minutes = run.minutes.get(card_step.id, card_step.minutes)
            steps.append(AgendaStep(
                id=card_step.id, title=card_step.title, minutes=minutes, capture_kind=kind_name, options=options,
                instructions=card.instructions.get(card_step.id, ""), item_id=run.id, start=step_clock))
            step_clock += dt.timedelta(minutes=minutes)
        return AgendaItem(id=run.id, title=run.title or card.meta.title, kind="method", method_id=card.id,
                          start=clock, minutes=sum(s.minutes for s in steps), steps=steps)

    def options(self, i: int, run: MethodRun, card: Any, card_step: Any, j: int) -> tuple[str | None, Any]:
        overrides = run.options.get(card_step.id)
        where = ("agenda", i, "options", card_step.id)
        if card_step.capture is None:
            if overrides is not None:
                self.error(where, _("{loc}: step '{step}' captures nothing, so it has no options").format(
                    loc=format_loc(where), step=card_step.id))
            return None, None
        kind_name = card_step.capture.kind
        kind = self.kinds.get(kind_name)
        if kind is None:
            self.error(("agenda", i, "method"), _(
                "agenda[{i}].method: step '{step}' uses capture kind '{kind}', which is not installed").format(
                    i=i, step=card_step.id, kind=kind_name))
            return kind_name, None
        model = getattr(kind, "Options", None)
        if model is None:
            return kind_name, None
        merged = {**card_step.capture.options, **(overrides or {})}
        try:
            options = model.model_validate(merged)
        except ValidationError as exc:
            for err in exc.errors():
                loc = tuple(err.get("loc", ()))
                full = (*where, *loc)
                from_plan = bool(loc) and overrides is not None and loc[0] in overrides
                message = f"{format_loc(full)}: {describe(err)}"
                if not from_plan and loc and loc[0] in card_step.capture.options:
                    message += _(" (value from the method card {path})").format(path=card.path)
                line_loc = full if from_plan else (where if overrides is not None else ("agenda", i, "method"))
                self.error(line_loc, message)
            return kind_name, None
        except Exception as exc:  # noqa: BLE001 - a plugin's validator may fail in its own way
            self.error(where if overrides is not None else ("agenda", i, "method"),
                       _("{loc}: the options could not be checked: {error}").format(loc=format_loc(where), error=exc))
            return kind_name, None
        self.references(i, run, card_step.id, j, kind, options, overrides or {})
        return kind_name, options

    def references(self, i: int, run: MethodRun, step_id: str, j: int, kind: Any, options: Any,
                   overrides: dict[str, Any]) -> None:
        try:
            refs = list(kind.references(options))
        except Exception:  # noqa: BLE001 - a plugin kind without (or with a broken) references(): use 'source'
            ref = getattr(options, "source", None)
            refs = [ref] if isinstance(ref, str) and ref else []
        for ref in refs:
            field = next((k for k, v in overrides.items() if v == ref), None)
            loc = ("agenda", i, "options", step_id, field) if field else ("agenda", i, "method")
            label = format_loc(("agenda", i, "options", step_id, field or "source"))
            message = self.reference_problem(ref, i, run, j)
            if message:
                self.error(loc, f"{label}: {message}")

    def reference_problem(self, ref: str, i: int, run: MethodRun, j: int) -> str | None:
        if not isinstance(ref, str) or not ref:
            return None
        item_id, step_id = split_ref(ref, run.id)
        if item_id == run.id:
            card = self.library.get(run.method, self.plan.language)
            ids = [s.id for s in card.meta.steps]
            if step_id not in ids:
                return _("'{ref}' names no step of this item (steps: {steps})").format(ref=ref, steps=", ".join(ids))
            if ids.index(step_id) >= j:
                return _("'{ref}' is not an earlier step; a step can only build on steps before it").format(ref=ref)
            return None
        target = self.index.get(item_id)
        if target is None:
            return _("'{ref}' names no agenda item '{item}'").format(ref=ref, item=item_id)
        if target > i:
            return _("'{ref}' is a later agenda item; a step can only build on steps before it").format(ref=ref)
        done = self.done.get(item_id)
        if done is None:  # the item failed to resolve; that is reported on its own line
            return None
        if done.step(step_id) is None:
            return _("agenda item '{item}' has no step '{step}' (steps: {steps})").format(
                item=item_id, step=step_id, steps=", ".join(s.id for s in done.steps))
        return None


def _free_item(entry: FreeItem, clock: dt.datetime) -> AgendaItem:
    step = AgendaStep(id="main", title=entry.title, minutes=entry.minutes, capture_kind=None, options=None,
                      instructions=entry.notes, item_id=entry.id, start=clock)
    return AgendaItem(id=entry.id, title=entry.title, kind=entry.type, method_id=None, start=clock,
                      minutes=entry.minutes, steps=[step], speaker=entry.speaker)
