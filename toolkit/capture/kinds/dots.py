"""Dot voting over the cards (or clusters) of an earlier cards step.

Every voter has ``dots_per_person`` dots and may put at most ``max_per_item`` on one item.
:meth:`DotsKind.check` refuses votes beyond that; :meth:`DotsKind.result` also clips records
that got past it (imported, or captured before a limit was lowered): they are counted in
capture order and a vote counts only as far as the voter's budget still allows.

Besides one vote per voter, the facilitator can enter room totals (``{"op": "tally", ...}``):
the paper dots counted on an item after a round. A tally has no voter and no budget; the
latest tally of an item is its room count (so a recount replaces it) and is added to the
item's votes. A record without ``op`` is a vote, as records were before tallies existed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, ConfigDict, Discriminator, Field, RootModel, StringConstraints, Tag

from toolkit.capture.algorithms.ranking import competition_ranking
from toolkit.capture.base import CaptureContext, Captured, CaptureKind, KindModel, ResultModel, RuleState
from toolkit.capture.common import PersonRef, name_of, of_type, plain, resolve, source_result, unwrap
from toolkit.capture.kinds.cards import CardsResult
from toolkit.capture.kinds.options import DotsOptions
from toolkit.capture.markdown import table, translator
from toolkit.i18n import _

#: An item is a card id (sent as number or text) or a cluster name.
ItemRef = Annotated[
    str,
    BeforeValidator(lambda v: str(v) if isinstance(v, int) and not isinstance(v, bool) else v),
    StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
]


class DotVote(KindModel):
    """Dots one voter puts on one item."""

    #: left out of the stored record, so votes are stored as they were before tallies
    op: Literal["vote"] = Field(default="vote", exclude=True, description="Record shape: a vote.")
    voter: PersonRef = Field(description="Person id or name of the voter.")
    item: ItemRef = Field(description="Card id, or cluster name when voting over clusters.")
    dots: int = Field(default=1, ge=1, le=100, description="Number of dots.")


class RoomTally(KindModel):
    """Dots the facilitator counted on one item in the room (paper dots); replaces an earlier
    tally of the same item."""

    op: Literal["tally"] = "tally"
    item: ItemRef = Field(description="Card id, or cluster name when voting over clusters.")
    dots: int = Field(ge=0, le=100_000, description="Dots counted on the item.")


def _shape(value: Any) -> str:
    if isinstance(value, dict):
        op = value.get("op", "vote")
        return op if isinstance(op, str) else ""
    return getattr(value, "op", "vote")


class DotsRecord(RootModel[Annotated[Annotated[DotVote, Tag("vote")] | Annotated[RoomTally, Tag("tally")],
                                     Discriminator(_shape)]]):
    """One dots record, told apart by ``op``: a vote (``op`` may be left out) or a tally."""

    model_config = ConfigDict(frozen=True)


class Item(ResultModel):
    id: str
    label: str


class VoterDots(ResultModel):
    voter: str
    dots: int


class RankedItem(ResultModel):
    rank: int
    id: str
    label: str
    dots: int = Field(description="Counted votes plus the room tally.")
    room: int = Field(default=0, description="Of those, dots counted on paper by the facilitator.")
    voters: list[VoterDots] | None = Field(default=None, description="Who gave the dots; None when anonymous.")


class DotsResult(ResultModel):
    """Items best first; equal dot counts share a rank (1, 2, 2, 4) and are listed in the
    order of the source step."""

    ranking: list[RankedItem] = []
    voters: int = Field(default=0, description="People who gave at least one counted dot.")
    dots: int = Field(default=0, description="Dots counted in total (votes and room tallies).")
    room: int = Field(default=0, description="Of those, dots from the room tallies.")
    anonymous: bool = True


def items_of(options: DotsOptions, context: CaptureContext | None) -> list[Item]:
    """What can be voted on, in the source step's order."""
    source = source_result(context, options.source, CardsResult) if context is not None else None
    if source is None:
        return []
    if options.over == "clusters":
        return [Item(id=c.name, label=c.name) for c in source.clusters]
    return [Item(id=str(c.id), label=c.text) for c in source.cards]


def _find(items: list[Item], ref: str, over: str) -> str | None:
    for item in items:
        if item.id == ref:
            return item.id
    if over == "clusters":
        folded = " ".join(ref.split()).casefold()
        for item in items:
            if " ".join(item.id.split()).casefold() == folded:
                return item.id
    return None


def tally(votes: Sequence[tuple[str, str, int]], known: set[str], dots_per_person: int, max_per_item: int
          ) -> dict[tuple[str, str], int]:
    """Counted dots per ``(voter, item)`` from ``(voter, item, dots)`` in capture order, each
    clipped to what the voter's limits still allow; votes for unknown items count nothing."""
    given: dict[tuple[str, str], int] = {}
    spent: dict[str, int] = {}
    for voter, item, dots in votes:
        if item not in known:
            continue
        allowed = min(dots, max_per_item - given.get((voter, item), 0), dots_per_person - spent.get(voter, 0))
        if allowed > 0:
            given[(voter, item)] = given.get((voter, item), 0) + allowed
            spent[voter] = spent.get(voter, 0) + allowed
    return given


def room_totals(records: Sequence[Captured], items: list[Item], over: str) -> dict[str, int]:
    """The room count per item: its latest tally (tallies of unknown items count nothing)."""
    counts: dict[str, int] = {}
    for _c, entry in of_type(records, RoomTally):
        item = _find(items, entry.item, over)
        if item is not None:
            counts[item] = entry.dots
    return counts


class DotsKind(CaptureKind[DotsOptions]):
    name = "dots"
    widget = "toolkit.tui.widgets.capture.dots:DotsPanel"
    projector = "toolkit.tui.projector_views:dots"
    demo = "toolkit.cli.demo:play_dots"
    title = {"de": "Punktabfrage", "en": "Dot voting"}
    #: field labels (the generic form and the participants' error messages name fields by these)
    labels = {
        "en": {"op": "Action", "voter": "Voter", "item": "Choice", "dots": "Dots"},
        "de": {"op": "Aktion", "voter": "Wer abstimmt", "item": "Auswahl", "dots": "Punkte"},
    }
    Options = DotsOptions
    Record = DotsRecord
    #: one valid record, for ``cimis kinds`` and the export/import round-trip test
    example = {"voter": "anna", "item": "1", "dots": 1}
    web_form = "toolkit.web.kinds:dots_form"
    web_view = "toolkit.web.kinds:dots_view"
    web_identity = "voter"
    results_hidden = True
    #: fields holding ids of other records, remapped by session import
    id_fields = ("item",)

    def _votes(self, records: Sequence[Captured], items: list[Item], options: DotsOptions, context):
        people = context.people if context is not None else ()
        for _c, vote in of_type(records, DotVote):
            item = _find(items, vote.item, options.over)
            yield resolve(vote.voter, people), item if item is not None else "", vote.dots

    def rule_state(self, options, context):
        return _DotRules(self, options, context)

    def check(self, record, records, options, context):
        vote, _author = unwrap(record)
        items = items_of(options, context)
        item = _find(items, vote.item, options.over)
        if item is None:
            return _("There is nothing called '{item}' to vote on.").format(item=vote.item)
        if isinstance(vote, RoomTally):
            return None  # the room's count has no voter, hence no budget
        voter = resolve(vote.voter, context.people if context is not None else ())
        spent = on_item = 0
        for who, what, dots in self._votes(records, items, options, context):
            if who == voter:
                spent += dots
                on_item += dots if what == item else 0
        return self._limits(vote, spent, on_item, options)

    def _limits(self, vote: DotVote, spent: int, on_item: int, options: DotsOptions) -> str | None:
        if spent + vote.dots > options.dots_per_person:
            return _("{voter} has {left} of {total} dots left.").format(
                voter=vote.voter, left=max(0, options.dots_per_person - spent), total=options.dots_per_person)
        if on_item + vote.dots > options.max_per_item:
            return _("At most {count} dots per person on one item.").format(count=options.max_per_item)
        return None

    def result(self, records: Sequence[Captured], options: DotsOptions, context: CaptureContext) -> DotsResult:
        items = items_of(options, context)
        counted = tally(list(self._votes(records, items, options, context)), {i.id for i in items},
                        options.dots_per_person, options.max_per_item)
        room = room_totals(records, items, options.over)
        totals = {item.id: room.get(item.id, 0) for item in items}
        for (_voter, item_id), count in counted.items():
            totals[item_id] += count
        people = context.people if context is not None else ()
        ranking = []
        for rank, item, dots in competition_ranking([(item, totals[item.id]) for item in items]):
            voters = None
            if not options.anonymous:
                voters = [VoterDots(voter=name_of(v, people), dots=d)
                          for (v, i), d in sorted(counted.items()) if i == item.id]
            ranking.append(RankedItem(rank=rank, id=item.id, label=item.label, dots=int(dots),
                                      room=room.get(item.id, 0), voters=voters))
        return DotsResult(
            ranking=ranking,
            voters=len({voter for voter, _item in counted}),
            dots=sum(counted.values()) + sum(room.values()),
            room=sum(room.values()),
            anonymous=options.anonymous,
        )

    def to_markdown(self, result: DotsResult, options: DotsOptions, lang: str) -> str:
        _ = translator(lang)
        if not result.ranking:
            return _("Nothing to vote on.") + "\n"
        header = [_("Rank"), _("Item"), _("Dots")]
        rows = []
        for entry in result.ranking:
            row = [str(entry.rank), entry.label, str(entry.dots)]
            if entry.voters is not None:
                row.append(", ".join(f"{v.voter} ({v.dots})" for v in entry.voters))
            rows.append(row)
        if not result.anonymous:
            header.append(_("Voters"))
        summary = _("{voters} people gave {dots} dots.").format(voters=result.voters, dots=result.dots - result.room)
        if result.room:
            summary += " " + _("{dots} dots were counted in the room.").format(dots=result.room)
        return table(header, rows, "lrr") + "\n\n" + summary + "\n"


class _DotRules(RuleState):
    """:meth:`DotsKind.check` kept up to date one vote at a time: dots spent per voter and
    per voter and item (the items are fixed while the source step does not change)."""

    def __init__(self, kind: DotsKind, options: DotsOptions, context: CaptureContext):
        self.kind, self.options = kind, options
        self.people = context.people if context is not None else ()
        self.items = items_of(options, context)
        self.spent: dict[str, int] = {}
        self.on_item: dict[tuple[str, str], int] = {}

    def add(self, captured: Captured) -> None:
        vote = plain(captured.data)
        if not isinstance(vote, DotVote):
            return
        voter = resolve(vote.voter, self.people)
        item = _find(self.items, vote.item, self.options.over) or ""
        self.spent[voter] = self.spent.get(voter, 0) + vote.dots
        self.on_item[(voter, item)] = self.on_item.get((voter, item), 0) + vote.dots

    def check(self, record) -> str | None:
        vote, _author = unwrap(record)
        item = _find(self.items, vote.item, self.options.over)
        if item is None:
            return _("There is nothing called '{item}' to vote on.").format(item=vote.item)
        if isinstance(vote, RoomTally):
            return None
        voter = resolve(vote.voter, self.people)
        return self.kind._limits(vote, self.spent.get(voter, 0), self.on_item.get((voter, item), 0), self.options)
