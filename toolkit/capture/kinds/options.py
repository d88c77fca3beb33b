"""Options models of the built-in capture kinds: what a method card or plan may set.

Kept in one module so that validating a method card needs no kind's algorithm code.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from toolkit.capture.base import KindModel, step_ref_field
from toolkit.cards.model import Role
from toolkit.i18n import _


class NotesOptions(KindModel):
    """Free notes."""

    prompt: str | None = Field(default=None, description="Question shown above the input.")
    max_length: int = Field(default=2000, ge=1, le=100_000, description="Longest note in characters.")


class CardsOptions(KindModel):
    """Idea cards that can be grouped into clusters."""

    prompt: str | None = Field(default=None, description="Question the cards answer.")
    per_person: int | None = Field(default=None, ge=1, description="Most cards one person may write.")
    clusters: bool = Field(default=True, description="Whether cards can be grouped into clusters.")
    source: str | None = step_ref_field("Earlier cards step whose cards are clustered here.", default=None)


class DotsOptions(KindModel):
    """Dot voting over the items of an earlier step."""

    source: str = step_ref_field("Step whose cards (or clusters) are voted on.")
    dots_per_person: int = Field(default=3, ge=1, le=100, description="Dots each person hands out.")
    max_per_item: int = Field(default=1, ge=1, le=100, description="Most dots one person may give one item.")
    anonymous: bool = Field(default=True, description="Whether votes are shown without names.")
    over: Literal["cards", "clusters"] = Field(default="cards", description="Vote on cards or on clusters.")


class Criterion(KindModel):
    """One weighted criterion of a scorecard."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", description="Stable criterion id.")
    title: str = Field(min_length=1, description="What is judged.")
    weight: float = Field(default=1.0, gt=0, le=100, description="Relative weight in the total.")


class ScorecardOptions(KindModel):
    """Scores for pitches on weighted criteria."""

    criteria: list[Criterion] = Field(min_length=1, description="What the scorers judge.")
    scale_min: int = Field(default=1, description="Lowest score.")
    scale_max: int = Field(default=5, description="Highest score.")
    scorers: Role = Field(default="jury", description="Role of the people who score.")
    source: str | None = step_ref_field(
        "Pitch step whose presenters, or matching step whose teams, are scored.", default=None)

    @model_validator(mode="after")
    def _scale(self) -> ScorecardOptions:
        if self.scale_min >= self.scale_max:
            raise ValueError(_("scale_min ({low}) must be below scale_max ({high})").format(
                low=self.scale_min, high=self.scale_max))
        ids = [c.id for c in self.criteria]
        if len(ids) != len(set(ids)):
            raise ValueError(_("criterion ids must be unique"))
        return self


class PitchOptions(KindModel):
    """A round of pitches with feedback."""

    presenters: Role = Field(default="creative", description="Role of the people who pitch.")
    order: Literal["plan", "shuffled"] = Field(default="shuffled", description="Order of the pitches.")
    seed: int | None = Field(default=None, description="Seed for the shuffle; the session's seed if unset.")
    minutes_per_pitch: int = Field(default=3, ge=1, le=120, description="Time per pitch.")
    feedback: bool = Field(default=True, description="Collect 'I like / I wish / what if' feedback.")


class RotationOptions(KindModel):
    """Speed-dating rounds between two groups."""

    groups: tuple[Role, Role] = Field(default=("creative", "company"), description="The two groups that meet.")
    round_minutes: int = Field(default=5, ge=1, le=60, description="Length of one round.")
    rounds: int | None = Field(default=None, ge=1, description="Number of rounds; all pairs meet if unset.")
    tables: int | None = Field(default=None, ge=1, description="Tables available; one per pair if unset.")
    interests: str | None = step_ref_field(
        "Interests step whose levels plan the rounds: must-meet pairs first, never a pair with a 'no thanks'.",
        default=None)
    check_in: bool = Field(default=False, description=(
        "People count as present only once they checked in (from their phone through their personal link, "
        "or marked present by the facilitator); the rounds not played yet are planned for those present."))

    @model_validator(mode="after")
    def _distinct(self) -> RotationOptions:
        if self.groups[0] == self.groups[1]:
            raise ValueError(_("the two groups must have different roles"))
        return self


class InterestsOptions(KindModel):
    """After a rotation, whom each person wants to work with."""

    source: str = step_ref_field("Rotation step whose pairs can be marked.")
    max_choices: int | None = Field(default=None, ge=1, description="Most people one person may mark.")


class MatchingOptions(KindModel):
    """Pairs or small teams formed from interests by a stable matching."""

    source: str = step_ref_field("Interests step the matching is built from.")
    capacity: int = Field(default=1, ge=1, le=20, description="Creatives one company may take.")
    proposers: Role = Field(default="creative", description="Side whose preferences are favoured.")


class ChecklistOptions(KindModel):
    """A list of items to tick."""

    items: list[str] = Field(default_factory=list, description="Items known in advance.")
    allow_new: bool = Field(default=True, description="Whether the room may add items.")


class CanvasField(KindModel):
    """One named field of a canvas."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", description="Stable field id.")
    title: str = Field(min_length=1, description="Heading of the field.")
    hint: str = Field(default="", description="Question that helps fill the field.")


class CanvasOptions(KindModel):
    """A canvas of named fields, e.g. a problem statement or the digitisation canvas."""

    fields: list[CanvasField] = Field(min_length=1, description="The canvas's fields, in order.")

    @model_validator(mode="after")
    def _unique(self) -> CanvasOptions:
        ids = [f.id for f in self.fields]
        if len(ids) != len(set(ids)):
            raise ValueError(_("canvas field ids must be unique"))
        return self


class QuestionsOptions(KindModel):
    """Questions from the room to a speaker, which the room upvotes."""

    prompt: str | None = Field(default=None, description="Invitation shown above the input.")
    max_length: int = Field(default=300, ge=10, le=2000, description="Longest question in characters.")
    per_person: int | None = Field(default=None, ge=1, description="Most questions one device may ask.")


class WordcloudOptions(KindModel):
    """Short answers from the room, counted and drawn as a word cloud."""

    prompt: str | None = Field(default=None, description="Question the short answers reply to.")
    max_length: int = Field(default=40, ge=1, le=200, description="Longest answer in characters.")
    per_person: int = Field(default=3, ge=1, le=50, description="Most answers one device may give.")
