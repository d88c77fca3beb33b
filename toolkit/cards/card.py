"""A validated method card as the rest of the toolkit uses it: small immutable tuples.

:mod:`toolkit.cards.model` holds the pydantic models that *validate* a card's front
matter; once a card is valid it is kept in this plain form, which imports nothing heavy and
pickles quickly, so that listing a library from the cache needs neither pydantic nor YAML.
Field names are the same as in the front matter.
"""

from __future__ import annotations

from typing import Any, NamedTuple

#: What kind of agenda item a method is; used for filtering and for the plan's rail.
CATEGORIES: tuple[str, ...] = (
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
)

#: Who a method needs in the room. Plans give each person one of these roles.
ROLES: tuple[str, ...] = ("facilitator", "participant", "creative", "company", "jury", "speaker", "author", "reviewer")

#: What a facilitator wants to achieve with a method (after Liberating Structures'
#: matchmaker): the fixed vocabulary of a card's ``purposes``, filterable in both languages.
PURPOSES: tuple[str, ...] = (
    "get-to-know",
    "share-knowledge",
    "spread-ideas",
    "generate-ideas",
    "understand",
    "decide",
    "evaluate",
    "plan",
    "reflect",
    "close",
)


class GroupRange(NamedTuple):
    """How many people the method works for."""

    min: int
    max: int


class Capture(NamedTuple):
    """What a step captures: the capture kind's name and its options (validated; do not mutate)."""

    kind: str
    options: dict[str, Any]

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "options": dict(self.options)}


class CardStep(NamedTuple):
    """One step of a method."""

    id: str
    title: str
    minutes: int
    capture: Capture | None
    #: the step's data-protection note (consent, what is stored), or None
    privacy: str | None = None


class Source(NamedTuple):
    """The published method a card adapts."""

    author: str
    work: str
    licence: str | None = None
    link: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"author": self.author, "work": self.work, "licence": self.licence, "link": self.link}

    def credit(self) -> str:
        """One line crediting the source: ``Author: Work (licence) <link>``."""
        text = f"{self.author}: {self.work}"
        if self.licence:
            text += f" ({self.licence})"
        if self.link:
            text += f" <{self.link}>"
        return text


class Meta(NamedTuple):
    """The card's front matter."""

    id: str
    language: str
    title: str
    summary: str
    category: str
    duration: int
    group_size: GroupRange
    roles: tuple[str, ...]
    materials: tuple[str, ...]
    tags: tuple[str, ...]
    steps: tuple[CardStep, ...]
    #: what the method is for, values of :data:`PURPOSES`
    purposes: tuple[str, ...] = ()
    #: the published method this card adapts, or None for the card's own method
    source: Source | None = None


class MethodCard(NamedTuple):
    """A valid card: its front matter and the sections of its Markdown body."""

    meta: Meta
    path: str
    intro: str
    #: step id -> the step's instructions (Markdown)
    instructions: dict[str, str]
    checklist: tuple[str, ...]
    shortcuts: tuple[str, ...]

    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def language(self) -> str:
        return self.meta.language

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
            "purposes": list(m.purposes),
            "tags": list(m.tags),
            "source": m.source.as_dict() if m.source else None,
            "path": self.path,
        }


class CardResult:
    """What parsing one file produced: a card, or problems (never both empty)."""

    __slots__ = ("card", "problems")

    def __init__(self, card: MethodCard | None, problems: list[Any]):
        self.card = card
        self.problems = problems

    @property
    def ok(self) -> bool:
        return self.card is not None and not any(p.severity == "error" for p in self.problems)

    def __getstate__(self):
        return self.card, self.problems

    def __setstate__(self, state):
        self.card, self.problems = state
