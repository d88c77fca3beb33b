"""The pydantic models that validate a method card's front matter (and give its JSON Schema).

Cards are written by hand, so every model forbids unknown fields: a typo is an error that
names the field, never a silently ignored value. A valid card is then kept in the light
form of :mod:`toolkit.cards.card`.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from toolkit.cards.card import CATEGORIES, PURPOSES, ROLES, Capture, CardStep, GroupRange, Meta, Source
from toolkit.i18n import _

Language = Literal["de", "en"]

#: What kind of agenda item a method is (the values are listed in toolkit.cards.card).
Category = Literal[CATEGORIES]  # type: ignore[valid-type]

#: Who a method needs in the room. Plans give each person one of these roles.
Role = Literal[ROLES]  # type: ignore[valid-type]

#: What a method is for (the values are listed in toolkit.cards.card).
Purpose = Literal[PURPOSES]  # type: ignore[valid-type]

Slug = str
_LINK = re.compile(r"^https?://[A-Za-z0-9][^\s<>\"]*$")
SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]*$"


class _Strict(BaseModel):
    # validators are built on first use, so a command pays only for the models it uses
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True)


class GroupSize(_Strict):
    """How many people the method works for."""

    min: int = Field(ge=1, description="Fewest people the method works with.")
    max: int = Field(ge=1, description="Most people the method works with.")

    @model_validator(mode="after")
    def _ordered(self) -> GroupSize:
        if self.min > self.max:
            raise ValueError(_("min ({min}) is larger than max ({max})").format(min=self.min, max=self.max))
        return self


class SourceSpec(_Strict):
    """The published method a card adapts: credited wherever the card is shown."""

    author: str = Field(min_length=1, max_length=200,
                        description="Who created the method, e.g. 'Henri Lipmanowicz and Keith McCandless'.")
    work: str = Field(min_length=1, max_length=300,
                      description="Where it is published, e.g. 'Liberating Structures: 1-2-4-All'.")
    licence: str | None = Field(default=None, min_length=1, max_length=100,
                                description="Licence of the published text if it has one, e.g. 'CC BY-NC 4.0'.")
    link: str | None = Field(default=None, max_length=500, description="Web address of the source (http or https).")

    @field_validator("link")
    @classmethod
    def _web_address(cls, value: str | None) -> str | None:
        if value is not None and not _LINK.match(value):
            raise ValueError(_("{value!r} is not a web address starting with http:// or https://").format(value=value))
        return value


class CaptureSpec(_Strict):
    """What a step captures: the capture kind and its options."""

    kind: str = Field(min_length=1, description="Name of a registered capture kind, e.g. notes, cards, dots.")
    options: dict[str, Any] = Field(
        default_factory=dict, description="Options of the capture kind, validated by its Options model."
    )


class Step(_Strict):
    """One step of a method, with its own timer and optional capture."""

    id: Slug = Field(pattern=SLUG_PATTERN, description="Stable id, the same in every language.")
    title: str = Field(min_length=1, max_length=120, description="Heading of the step's instructions.")
    minutes: int = Field(ge=1, le=600, description="Planned length of the step.")
    capture: CaptureSpec | None = Field(default=None, description="What the room produces in this step.")
    privacy: str | None = Field(
        default=None, min_length=1, max_length=800,
        description="Data-protection note for a step that captures names, photos or other personal data: "
                    "how consent is asked and what is stored (GDPR).")


class CardMeta(_Strict):
    """The YAML front matter of a method card."""

    id: Slug = Field(pattern=SLUG_PATTERN, description="Method id, shared by the card's translations.")
    language: Language = Field(description="Language of this card: de or en.")
    title: str = Field(min_length=1, max_length=120, description="Name of the method.")
    summary: str = Field(min_length=1, max_length=400, description="One or two sentences: what it is for.")
    category: Category = Field(description="Kind of agenda item.")
    duration: int = Field(ge=1, le=1440, description="Total minutes; the steps' minutes add up to it.")
    group_size: GroupSize = Field(description="Range of people the method works for.")
    roles: list[Role] = Field(default_factory=list, description="Roles that must be present.")
    materials: list[str] = Field(default_factory=list, description="What to prepare.")
    tags: list[str] = Field(default_factory=list, description="Free keywords for search.")
    purposes: list[Purpose] = Field(
        default_factory=list, description="What the method is for: " + ", ".join(PURPOSES) + ".")
    source: SourceSpec | None = Field(
        default=None, description="The published method this card adapts (author, work, licence, link).")
    steps: list[Step] = Field(min_length=1, description="The ordered steps.")


def to_meta(meta: CardMeta) -> Meta:
    """The validated front matter in its light, immutable form."""
    return Meta(
        id=meta.id,
        language=meta.language,
        title=meta.title,
        summary=meta.summary,
        category=meta.category,
        duration=meta.duration,
        group_size=GroupRange(meta.group_size.min, meta.group_size.max),
        roles=tuple(meta.roles),
        materials=tuple(meta.materials),
        tags=tuple(meta.tags),
        steps=tuple(
            CardStep(s.id, s.title, s.minutes,
                     Capture(s.capture.kind, dict(s.capture.options)) if s.capture else None, s.privacy)
            for s in meta.steps
        ),
        purposes=tuple(dict.fromkeys(meta.purposes)),
        source=Source(meta.source.author, meta.source.work, meta.source.licence, meta.source.link)
        if meta.source else None,
    )
