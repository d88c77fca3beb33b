"""The pydantic models of a programme file (``programme.yaml``).

A programme is written by hand, so every model forbids unknown fields and documents each
field. A programme runs for a period, in regions (each with its association and contact
people), opens a call for participation, holds events (each a workshop folder in
``events/<id>/``) and gives each match a budget.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from toolkit.i18n import N_

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Slug = Annotated[str, Field(pattern=SLUG, max_length=80)]

#: What an event is for; ``cimis programme new`` picks the example plan by it.
EVENT_KINDS = ("kickoff", "expert", "final", "other")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Period(_Strict):
    """When the programme runs."""

    start: dt.date = Field(description="First day of the programme.")
    end: dt.date = Field(description="Last day of the programme.")

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise ValueError(N_("the period ends before it starts"))
        return self


class Contact(_Strict):
    """A contact person of a region's association."""

    name: str = Field(min_length=1, max_length=120, description="Name of the contact person.")
    email: str = Field(default="", max_length=200, description="E-mail address for the programme's pages.")
    phone: str = Field(default="", max_length=60, description="Telephone number.")


class Region(_Strict):
    """One region of the programme and the association that runs it there."""

    id: Slug = Field(description="Short id, used by events and in the statistics.")
    name: str = Field(min_length=1, max_length=120, description="Name of the region, e.g. Lausitz.")
    association: str = Field(min_length=1, max_length=200, description="The regional association running it.")
    contacts: list[Contact] = Field(default_factory=list, max_length=20, description="Contact people.")


class Call(_Strict):
    """The call for participation."""

    opens: dt.date | None = Field(default=None, description="When applications open.")
    deadline: dt.date = Field(description="Last day for applications.")
    url: str = Field(default="", max_length=500, description="Where the call is published.")


class Event(_Strict):
    """One event of the programme: a workshop folder ``events/<id>/``."""

    id: Slug = Field(description="Id of the event and name of its workshop folder.")
    title: str = Field(min_length=1, max_length=200, description="Title of the event.")
    kind: Literal["kickoff", "expert", "final", "other"] = Field(
        description="kickoff (matches form), expert (input and peer learning), final (prototypes) or other.")
    date: dt.date = Field(description="Day of the event.")
    place: str = Field(default="", max_length=200, description="Venue, or the video room of an online event.")
    region: Slug | None = Field(default=None, description="Region id; none for an event of the whole programme.")
    format: Literal["in-person", "online"] = Field(default="in-person", description="in-person or online.")
    example: Slug | None = Field(default=None,
                                 description="Example plan the workshop folder starts from (default: by kind).")


class Budget(_Strict):
    """Money for the matches."""

    per_match: float = Field(ge=0, description="Budget of one match.")
    currency: str = Field(default="EUR", min_length=3, max_length=3, description="ISO currency code.")


class Programme(_Strict):
    """A programme: regions, call, events and budget."""

    id: Slug = Field(description="Short id; the events' sessions are named <id>/<event> in a shared database.")
    name: str = Field(min_length=1, max_length=200, description="Name of the programme.")
    language: Literal["de", "en"] = Field(default="de", description="Language of the programme's texts.")
    period: Period = Field(description="When the programme runs.")
    regions: list[Region] = Field(min_length=1, max_length=50, description="The regions.")
    call: Call | None = Field(default=None, description="The call for participation.")
    events: list[Event] = Field(default_factory=list, max_length=500, description="The events, in order.")
    budget: Budget | None = Field(default=None, description="Budget per match.")
    store: str | None = Field(default=None, max_length=500,
                              description="Where the events' sessions live: 'sqlite' or a postgresql:// URL.")

    def region(self, region_id: str | None) -> Region | None:
        return next((r for r in self.regions if r.id == region_id), None)

    def event(self, event_id: str) -> Event | None:
        return next((e for e in self.events if e.id == event_id), None)
