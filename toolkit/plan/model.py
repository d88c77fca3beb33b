"""The pydantic models of a workshop plan (``workshop.yaml``).

A plan is written by hand, so every model forbids unknown fields: a typo is an error that
names the field. An agenda item is a *method run* when it has ``method:`` and a *free item*
(talk, break, anything else) when it has ``type:``; one with neither or both is an error.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    PrivateAttr,
    Tag,
    ValidationInfo,
    field_validator,
)
from pydantic_core import PydanticCustomError

from toolkit.cards.model import SLUG_PATTERN, Language, Role
from toolkit.i18n import N_

#: Fields of the plan in the order a person reads them; the editor inserts new fields here.
PLAN_FIELDS = ("id", "title", "date", "start", "end", "place", "language", "seed", "people", "agenda")
METHOD_RUN_FIELDS = ("id", "method", "title", "minutes", "options")
FREE_ITEM_FIELDS = ("id", "type", "title", "minutes", "speaker", "notes")
FREE_TYPES = ("talk", "break", "free")

#: Error type (and English message) of an agenda item that is neither kind or both.
ITEM_KIND_ERROR = "agenda_item_kind"
ITEM_KIND_MESSAGE = N_("an agenda item needs exactly one of 'method:' (a method run) or 'type:' (talk, break or free)")

_CLOCK = re.compile(r"^\s*([01]?\d|2[0-3])[:.]([0-5]\d)\s*$")


def _clock(value: Any) -> Any:
    """Accept ``9:30`` and ``9.30`` besides ``09:30``: people write times both ways. Refuse
    numbers, which pydantic would read as seconds after midnight (an unquoted ``9.30`` is one)."""
    if isinstance(value, str):
        match = _CLOCK.match(value)
        if match:
            return dt.time(int(match.group(1)), int(match.group(2)))
    elif not isinstance(value, dt.time):
        raise PydanticCustomError("time_type", "expected a time like 09:30")
    return value


Clock = Annotated[dt.time, BeforeValidator(_clock)]
Slug = Annotated[str, Field(pattern=SLUG_PATTERN, max_length=80)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class PersonEntry(_Strict):
    """Someone taking part in the workshop."""

    id: Slug = Field(description="Short id used to refer to the person, e.g. as a talk's speaker.")
    name: str = Field(min_length=1, max_length=120, description="Name as shown in the room and the workbook.")
    role: Role = Field(description="What the person is here as: creative, company, jury, facilitator, ...")
    organisation: str = Field(default="", max_length=200, description="Company, studio or institution.")
    branch: str = Field(default="", max_length=100, description=(
        "Optional: the organisation's branch or sector (e.g. 'carpentry', 'design'); the workbook's "
        "event report counts organisations by it, by role where it is not given."))


class MethodRun(_Strict):
    """An agenda item that runs a method from the library."""

    id: Slug = Field(description="Id of the item, unique in the plan; the session store refers to it.")
    method: Slug = Field(description="Id of the method card to run.")
    title: str | None = Field(default=None, min_length=1, max_length=120,
                              description="Title shown instead of the method's title.")
    minutes: dict[Slug, Annotated[int, Field(ge=1, le=600)]] = Field(
        default_factory=dict, description="Step id -> minutes, replacing the card's minutes for that step.")
    options: dict[Slug, dict[str, Any]] = Field(
        default_factory=dict, description="Step id -> capture options, merged over the card's options.")

    @property
    def kind(self) -> str:
        return "method"


class FreeItem(_Strict):
    """An agenda item that is not a method: a talk, a break or anything else."""

    id: Slug = Field(description="Id of the item, unique in the plan.")
    type: Literal["talk", "break", "free"] = Field(description="What kind of item: talk, break or free.")
    title: str = Field(min_length=1, max_length=120, description="Title shown in the agenda.")
    minutes: int = Field(ge=1, le=1440, description="Planned length.")
    speaker: Slug | None = Field(default=None, description="Id of the person who speaks (from 'people').")
    notes: str = Field(default="", max_length=20_000, description="Markdown shown as the item's instructions.")

    @property
    def kind(self) -> str:
        return self.type


def _item_tag(value: Any) -> str | None:
    if isinstance(value, dict):
        has_method, has_type = "method" in value, "type" in value
    else:
        has_method, has_type = hasattr(value, "method"), hasattr(value, "type")
    if has_method == has_type:
        return None
    return "method" if has_method else "free"


Item = Annotated[
    Annotated[MethodRun, Tag("method")] | Annotated[FreeItem, Tag("free")],
    Discriminator(_item_tag, custom_error_type=ITEM_KIND_ERROR, custom_error_message=ITEM_KIND_MESSAGE),
]


class Plan(_Strict):
    """A workshop plan: when and where, who comes, and the agenda."""

    id: Slug | None = Field(default=None, description=(
        "Stable id of the workshop (made by 'cimis new', added by the first workbook sync); workbooks follow it "
        "when the folder is renamed. Never change it."))
    title: str = Field(min_length=1, max_length=200, description="Name of the workshop.")
    date: dt.date = Field(ge=dt.date(1900, 1, 1), le=dt.date(9000, 12, 31), description="Day of the workshop.")
    start: Clock = Field(default=dt.time(9, 0), description="When the first agenda item starts.")
    end: Clock | None = Field(default=None, description="When the day must be over; the check reports an overrun.")
    place: str = Field(default="", max_length=200, description="Where the workshop takes place.")
    language: Language = Field(description="Language of the workshop and of the method cards used: de or en.")
    seed: int = Field(default=0, ge=0, le=2**63 - 1, description="Seed for shuffles, so that reruns agree.")
    people: list[PersonEntry] = Field(default_factory=list, max_length=2000, description="Who takes part.")
    agenda: list[Item] = Field(default_factory=list, max_length=500, description="The agenda items, in order.")

    #: The file the plan was read from (a ``PlanSource``), so that later checks can name lines.
    _source: Any = PrivateAttr(default=None)

    @field_validator("end")
    @classmethod
    def _end_after_start(cls, end: dt.time | None, info: ValidationInfo) -> dt.time | None:
        start = info.data.get("start")
        if end is not None and start is not None and end <= start:
            raise ValueError(N_("end must be later than start"))  # translated where shown
        return end

    def person(self, person_id: str) -> PersonEntry | None:
        return next((p for p in self.people if p.id == person_id), None)

    def item(self, item_id: str) -> MethodRun | FreeItem | None:
        return next((i for i in self.agenda if i.id == item_id), None)
