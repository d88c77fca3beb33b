"""The pydantic models of a method card's front matter, and the parsed card.

Cards are written by hand, so every model forbids unknown fields: a typo is an error that
names the field, never a silently ignored value.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from toolkit.i18n import _

Language = Literal["de", "en"]

#: What kind of agenda item a method is; used for filtering and for the plan's rail.
Category = Literal[
    "opening",
    "input",
    "break",
    "networking",
    "pitch",
    "evaluation",
    "ideation",
    "convergence",
    "problem-framing",
    "research",
    "design-thinking",
    "prototyping",
    "peer-learning",
    "reflection",
    "writing",
]
CATEGORIES: tuple[str, ...] = Category.__args__  # type: ignore[attr-defined]

#: Who a method needs in the room. Plans give each person one of these roles.
Role = Literal[
    "facilitator",
    "participant",
    "creative",
    "company",
    "jury",
    "speaker",
    "author",
    "reviewer",
]
ROLES: tuple[str, ...] = Role.__args__  # type: ignore[attr-defined]

Slug = str
SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]*$"


class _Strict(BaseModel):
    # validators are built on first use, so a command pays only for the models it uses
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True)


class GroupSize(_Strict):
    """How many people the method works for."""

    min: int = Field(ge=1, description="Fewest people the method works with.")
    max: int = Field(ge=1, description="Most people the method works with.")

    @model_validator(mode="after")
    def _ordered(self) -> "GroupSize":
        if self.min > self.max:
            raise ValueError(_("min ({min}) is larger than max ({max})").format(min=self.min, max=self.max))
        return self


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
    steps: list[Step] = Field(min_length=1, description="The ordered steps.")


class MethodCard(BaseModel):
    """A parsed and validated card: front matter plus the sections of its Markdown body."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    meta: CardMeta
    path: str
    intro: str = ""
    instructions: dict[str, str] = Field(default_factory=dict, description="Step id -> Markdown.")
    checklist: list[str] = Field(default_factory=list)
    shortcuts: list[str] = Field(default_factory=list)

    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def language(self) -> str:
        return self.meta.language

    def to_plain(self) -> dict[str, Any]:
        """The validated card as plain data (for the parse cache)."""
        return {"meta": self.meta.model_dump(), "path": self.path, "intro": self.intro,
                "instructions": self.instructions, "checklist": self.checklist, "shortcuts": self.shortcuts}

    @classmethod
    def from_plain(cls, data: dict[str, Any]) -> "MethodCard":
        """Rebuild a card from :meth:`to_plain` without validating again: the data was
        validated before it was cached, and validating 1,000 cards again would cost more than
        reading them."""
        meta = dict(data["meta"])
        meta["group_size"] = GroupSize.model_construct(**meta["group_size"])
        meta["steps"] = [
            Step.model_construct(**{**step, "capture": CaptureSpec.model_construct(**step["capture"])
                                    if step["capture"] else None})
            for step in meta["steps"]
        ]
        return cls.model_construct(**{**data, "meta": CardMeta.model_construct(**meta)})

    def summary_dict(self) -> dict[str, Any]:
        """The card's fields for ``--json`` listings."""
        m = self.meta
        return {
            "id": m.id,
            "language": m.language,
            "title": m.title,
            "summary": m.summary,
            "category": m.category,
            "duration": m.duration,
            "group_size": {"min": m.group_size.min, "max": m.group_size.max},
            "roles": list(m.roles),
            "tags": list(m.tags),
            "path": self.path,
        }
