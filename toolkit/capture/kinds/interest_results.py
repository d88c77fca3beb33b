"""The result of the interests step (preferences, mutual, must-meet and blocked pairs).

A module of its own because two kinds read it: the interests kind produces it, and a rotation
that takes interests into account reads it (while the interests kind reads the rotation's
groups), so neither kind module imports the other.
"""

from __future__ import annotations

from pydantic import Field

from toolkit.capture.base import ResultModel
from toolkit.capture.common import PersonInfo


class Preferences(ResultModel):
    person: str
    wants: list[str] = Field(default=[], description="Must-meet then could-meet people, best first.")
    must: list[str] = []
    could: list[str] = []
    no: list[str] = []


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
    must: list[MutualInterest] = Field(default=[], description="Pairs one side must meet (and neither said no).")
    blocked: list[MutualInterest] = Field(default=[], description="Pairs with a 'no thanks' on either side.")

    def blocked_pairs(self) -> set[frozenset[str]]:
        return {frozenset((p.a, p.b)) for p in self.blocked}
