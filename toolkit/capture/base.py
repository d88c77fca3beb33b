"""The contract of a capture kind, and the context its result function sees.

A capture kind is one class: pydantic models for its step options and for one captured
record, a *pure* function from records to a result, and a Markdown renderer for that
result. Pure means: the same records, options and context always give the same result (a
seed in the options or context replaces randomness), so a resumed session, the workbook and
the projector all agree. Nothing here imports Textual; a kind names its widget as an import
path that only the terminal UI resolves.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, Generic

from pydantic import BaseModel, ConfigDict, Field
from typing_extensions import TypeVar  # a default for the type parameter (PEP 696, typing has it from 3.13)

#: The options model a capture kind's methods receive (see :class:`CaptureKind`).
OptionsT = TypeVar("OptionsT", bound=BaseModel, default=BaseModel)


class KindModel(BaseModel):
    """Base for options and records: unknown fields are errors, values are immutable."""

    # validators are built on first use, so a command pays only for the models it uses
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class ResultModel(BaseModel):
    """Base for results: immutable, and ``model_dump(mode="json")`` gives what the CLI prints
    and the projector shows."""

    model_config = ConfigDict(frozen=True)


@dataclass(frozen=True)
class Captured:
    """One current record of a step, as the session store hands it to a kind.

    ``id`` is the store's stable id of the capture. Kinds that give captured items an identity
    (idea cards, notes) use it as that identity, so it must stay the same across edits and be
    unique within a session (a step may show the cards of an earlier step next to its own).
    """

    id: int
    data: BaseModel
    author: str | None = None
    at: float = 0.0


@dataclass(frozen=True)
class Person:
    """Someone in the room, as the workshop plan lists them."""

    id: str
    name: str
    role: str
    organisation: str = ""


@dataclass(frozen=True)
class CaptureContext:
    """What a result function may look at besides its own records.

    ``results`` gives the result of another step by reference (``"step-id"`` within the same
    agenda item, or ``"item-id.step-id"``), for kinds that build on an earlier step (dot votes
    over idea cards, matching over interests). ``seed`` makes shuffles reproducible.
    """

    people: Sequence[Person] = ()
    seed: int = 0
    results: Callable[[str], Any] = field(default=lambda ref: None)
    lang: str = "en"

    def people_with_role(self, role: str) -> list[Person]:
        return [p for p in self.people if p.role == role]


class RuleState:
    """The incremental form of a kind's :meth:`CaptureKind.check` for one step.

    The engine makes one with :meth:`CaptureKind.rule_state`, feeds it every current record
    of the step once with :meth:`add` (in capture order, including records held for
    moderation), and from then on only the records committed since: checking a capture
    then costs the same at the 10th record as at the 100,000th. When records change other
    than by an append (edit, removal, undo, a moderation decision) or a step the kind refers
    to changes, the engine throws the state away and builds a new one.
    """

    def add(self, captured: Captured) -> None:
        """Take a committed record into account."""

    def check(self, record: BaseModel | Captured) -> str | None:
        """Like :meth:`CaptureKind.check` over every record added so far."""
        return None


class StatelessRules(RuleState):
    """Rules of a kind whose :meth:`CaptureKind.check` never looks at earlier records
    (length limits, known fields, roles): every check calls it with no records."""

    def __init__(self, kind: CaptureKind, options: BaseModel, context: CaptureContext):
        self.kind, self.options, self.context = kind, options, context

    def check(self, record: BaseModel | Captured) -> str | None:
        return self.kind.check(record, (), self.options, self.context)


class CaptureKind(ABC, Generic[OptionsT]):
    """Base class of every capture kind. Subclasses set the class attributes and override
    :meth:`result` and :meth:`to_markdown`, and :meth:`check` where a kind has rules that a
    single record cannot express (vote budgets, references to other records).

    ``result([], options, context)`` must always work: a step that captured nothing yet still
    shows (an empty) result on the projector and in the workbook.

    The type parameter is the kind's :attr:`Options` model (``CaptureKind[NotesOptions]``), so
    that the methods receive options of that type; without it, any options model.
    """

    #: The name method cards use: ``capture: {kind: NAME}``.
    name: ClassVar[str]
    #: Display name per language, ``{"de": ..., "en": ...}``.
    title: ClassVar[Mapping[str, str]]
    #: Options a card or plan sets for a step of this kind.
    Options: ClassVar[type[BaseModel]]
    #: One captured item, as the store keeps it.
    Record: ClassVar[type[BaseModel]]
    #: ``"module:Class"`` of a Textual widget for the capture panel, or ``None`` for the
    #: generic form built from :attr:`Record`.
    widget: ClassVar[str | None] = None
    #: ``"module:Class"`` of a Textual renderer that shows this kind's result in the projector
    #: view, or ``None`` for the generic rendering of :meth:`to_markdown`. Only the terminal UI
    #: imports it; built-in kinds register theirs the same way a plugin does.
    projector: ClassVar[str | None] = None
    #: ``"module:function"`` of a demo player: ``function(engine, step, clock)`` that fills a
    #: step of this kind with example records in ``cimis demo``, or ``None`` to play
    #: :attr:`example` records through the generic form.
    demo: ClassVar[str | None] = None
    #: ``"module:name"`` of the participant web server's capture form for this kind (what a
    #: participant fills in on a phone), or ``None`` for the generic form built from
    #: :attr:`Record`. Only the web server (``toolkit.web``) resolves it: a function
    #: ``(view: toolkit.web.forms.FormView) -> str`` returning HTML (escape what it shows).
    web_form: ClassVar[str | None] = None
    #: ``"module:name"`` of the participant web server's read-only view of this kind's result,
    #: or ``None`` for the generic rendering of :meth:`to_markdown`. Resolved like
    #: :attr:`web_form`: ``(view: toolkit.web.forms.ResultView) -> str`` (HTML, may hold SVG).
    web_view: ClassVar[str | None] = None
    #: Field labels of the generic form per language, ``{lang: {field: label}}``
    #: (``{"de": {"text": "Text"}}``). A field without a label here shows its pydantic
    #: ``title`` or its name; the terminal UI and the web form both read this. A key
    #: ``field.value`` labels one choice of a field with fixed values (``"type.like"``); a key
    #: ``"op:NAME"`` names a record shape of a union told apart by ``op`` (the TUI's selector).
    labels: ClassVar[Mapping[str, Mapping[str, str]]] = {}
    #: One valid :attr:`Record` as a JSON-ready dict, shown by ``cimis kinds`` and used by the
    #: scaffold's tests and the export/import round-trip test; ``None`` when the kind cannot
    #: give one without other steps.
    example: ClassVar[Mapping[str, Any] | None] = None
    #: The :attr:`Record` field the web server fills with the participant's identity (the
    #: voter of a dot vote, the scorer of a score), so that nobody can act as someone else;
    #: ``None`` when the record names nobody (the capture's author is the device anyway).
    web_identity: ClassVar[str | None] = None
    #: Role a device must be invited as (``cimis serve`` personal links) to capture into a
    #: step of this kind from the web; ``None``: anyone in the room; ``"facilitator"``: no
    #: device (the facilitator drives the step, as in rotations). A step option ``scorers``
    #: overrides the role where the kind has one.
    web_role: ClassVar[str | None] = None

    def web_self_ops(self, options: Any) -> Mapping[str, str]:
        """Record shapes a device invited as a plan person may send about itself even where
        :attr:`web_role` keeps devices out, as ``{op: field}`` (the server fills ``field``
        with the device's person): checking in to speed-dating rounds. Empty by default."""
        return {}

    def web_choices(self, field: str, options: Any, people: Sequence[Person]) -> Sequence[Person] | None:
        """The people a person field ``field`` (one marked with
        :data:`toolkit.capture.common.PERSON_REF`) of the web's generated form offers, out of
        the plan's ``people``; ``None`` (the default) offers all of them. The pitch kind
        offers only this round's presenters."""
        return None
    #: Whether the step's result stays hidden from the room (projector, participants' pages)
    #: until the facilitator reveals it: jury scores and votes are, so that early numbers do
    #: not sway later ones. The terminal UI always shows the facilitator everything.
    results_hidden: ClassVar[bool] = False
    #: Fields of :attr:`Record` (in any of its shapes) that hold ids of other records (the
    #: store's record ids, as a number, a list of numbers or a text of digits), so that
    #: ``cimis session import`` can carry references such as a cluster's cards over to the
    #: ids the records get in the target session.
    id_fields: ClassVar[tuple[str, ...]] = ()

    @abstractmethod
    def result(self, records: Sequence[Captured], options: OptionsT, context: CaptureContext) -> Any:
        """The outcome of a step from its current records (after edits, removals and undo).

        Records arrive in the order they were captured. Records that break a rule of
        :meth:`check` (imported, or captured before an option changed) must not break the
        result: a kind ignores or clips them, always the same way.
        """

    def check(
        self,
        record: BaseModel | Captured,
        records: Sequence[Captured],
        options: OptionsT,
        context: CaptureContext,
    ) -> str | None:
        """Why adding ``record`` to the current ``records`` would break a rule of this kind,
        as a message in the active language, or ``None`` when it may be committed.

        ``record`` is the validated :attr:`Record`, or a :class:`Captured` when the engine
        knows its author (rules per author, such as cards per person, need it).
        """
        return None

    def rule_state(self, options: OptionsT, context: CaptureContext) -> RuleState | None:
        """An incremental checker of this kind's rules for one step (see :class:`RuleState`),
        or ``None`` (the default) to have :meth:`check` called with all the step's records
        on every capture: fine for small steps, linear in the step's size for large ones.
        Kinds whose ``check`` ignores the records return ``StatelessRules(self, options,
        context)``."""
        return None

    def empty_result(self, options: OptionsT, context: CaptureContext) -> Any:
        """The result of a step that captured nothing yet."""
        return self.result([], options, context)

    @abstractmethod
    def to_markdown(self, result: Any, options: OptionsT, lang: str) -> str:
        """The result as Markdown for a workbook chapter, in ``lang``."""

    def references(self, options: OptionsT) -> list[str]:
        """Step references (see :class:`CaptureContext`) this step's result depends on."""
        ref = getattr(options, "source", None)
        return [ref] if ref else []

    def __repr__(self) -> str:
        return f"<CaptureKind {self.name}>"


BUILTIN_KIND_NAMES = (
    "notes",
    "cards",
    "dots",
    "scorecard",
    "pitch",
    "rotation",
    "interests",
    "matching",
    "checklist",
    "canvas",
    "questions",
    "wordcloud",
)


STEP_REF_PATTERN = r"^[a-z0-9][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)?$"


def step_ref_field(description: str, **kwargs: Any) -> Any:
    """A field holding a step reference (``step-id`` or ``item-id.step-id``)."""
    return Field(pattern=STEP_REF_PATTERN, description=description, **kwargs)
