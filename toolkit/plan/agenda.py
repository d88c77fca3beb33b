"""The resolved agenda the session engine walks: items with start times, and their steps
with minutes, capture kind, validated options and instructions from the method card.

Built by :func:`toolkit.plan.resolve.resolve`; plain frozen dataclasses, no I/O.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

from toolkit.capture.base import Person

ItemKind = Literal["method", "talk", "break", "free"]


@dataclass(frozen=True)
class AgendaStep:
    """One timed step: the unit the session engine runs and captures into."""

    id: str
    title: str
    minutes: int
    capture_kind: str | None
    #: An instance of the capture kind's ``Options`` model (card options merged with the
    #: plan's overrides), or ``None`` when the step captures nothing.
    options: Any
    #: Markdown for the facilitator, from the card in the plan's language.
    instructions: str
    #: Id of the agenda item the step belongs to.
    item_id: str = ""
    start: dt.datetime | None = None

    @property
    def ref(self) -> str:
        """The full step reference, ``item-id.step-id``."""
        return f"{self.item_id}.{self.id}"


@dataclass(frozen=True)
class AgendaItem:
    """One agenda item: a method run or a free item (which has a single step ``main``)."""

    id: str
    title: str
    kind: ItemKind
    method_id: str | None
    start: dt.datetime
    minutes: int
    steps: list[AgendaStep] = field(default_factory=list)
    speaker: str | None = None

    @property
    def end(self) -> dt.datetime:
        return self.start + dt.timedelta(minutes=self.minutes)

    def step(self, step_id: str) -> AgendaStep | None:
        return next((s for s in self.steps if s.id == step_id), None)


@dataclass(frozen=True)
class Agenda:
    """The whole day, in order."""

    items: list[AgendaItem] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    title: str = ""
    language: str = "en"
    seed: int = 0
    start: dt.datetime | None = None

    @property
    def end(self) -> dt.datetime | None:
        """When the last item ends (the start when the agenda is empty)."""
        return self.items[-1].end if self.items else self.start

    @property
    def minutes(self) -> int:
        return sum(item.minutes for item in self.items)

    def item(self, item_id: str) -> AgendaItem | None:
        return next((i for i in self.items if i.id == item_id), None)

    def step(self, item_id: str, step_id: str) -> AgendaStep:
        """The step ``step_id`` of item ``item_id``; :class:`KeyError` if there is none."""
        item = self.item(item_id)
        step = item.step(step_id) if item is not None else None
        if step is None:
            raise KeyError(f"{item_id}.{step_id}")
        return step

    def lookup(self, ref: str, item_id: str) -> AgendaStep:
        """The step a reference names, seen from item ``item_id``: ``step-id`` in the same
        item or ``item-id.step-id``; :class:`KeyError` if there is none."""
        target_item, _dot, target_step = ref.rpartition(".")
        return self.step(target_item or item_id, target_step)

    def steps(self) -> list[AgendaStep]:
        """Every step of the day, in order."""
        return [step for item in self.items for step in item.steps]

    def people_with_role(self, role: str) -> list[Person]:
        return [p for p in self.people if p.role == role]
