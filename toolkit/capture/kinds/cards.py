"""Idea cards, and clusters the room groups them into.

Cards are identified by their capture id. A step with a ``source`` clusters the cards of
that earlier step (plus any new ones written here); the earlier step's clusters are not
carried over, because clustering is what this step is for. Cluster names match ignoring
case and spacing, so "Mobility" and "mobility " are one cluster (the first spelling shows).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from toolkit.capture.base import CaptureContext, Captured, CaptureKind, KindModel, ResultModel, RuleState
from toolkit.capture.common import Text, of_type, plain, source_result, union_record, unwrap
from toolkit.capture.kinds.options import CardsOptions
from toolkit.capture.markdown import bullet, escape_line, translator
from toolkit.i18n import _

ClusterName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


class NewCard(KindModel):
    """Write an idea card."""

    op: Literal["card"] = "card"
    text: Text = Field(description="The idea.")


class GroupCards(KindModel):
    """Put cards into a cluster, creating the cluster if it is new (cards leave any cluster
    they were in)."""

    op: Literal["group"] = "group"
    cards: list[int] = Field(min_length=1, description="Ids of the cards.")
    cluster: ClusterName = Field(description="Name of the cluster.")


class RenameCluster(KindModel):
    """Give a cluster another name."""

    op: Literal["rename"] = "rename"
    cluster: ClusterName = Field(description="Current name.")
    to: ClusterName = Field(description="New name (not the name of another cluster; merge for that).")


class MergeClusters(KindModel):
    """Join clusters into one (an existing one or a new name)."""

    op: Literal["merge"] = "merge"
    clusters: list[ClusterName] = Field(min_length=1, description="Names of the clusters to merge.")
    into: ClusterName = Field(description="Name of the merged cluster.")


class UngroupCards(KindModel):
    """Take cards out of their cluster."""

    op: Literal["ungroup"] = "ungroup"
    cards: list[int] = Field(min_length=1, description="Ids of the cards.")


_RECORD_TYPES = (NewCard, GroupCards, RenameCluster, MergeClusters, UngroupCards)


class CardsRecord(union_record(*_RECORD_TYPES)):  # type: ignore[misc]  # base made at run time: a discriminated union of the shapes
    """One cards record, told apart by ``op``: card, group, rename, merge or ungroup."""


class Card(ResultModel):
    id: int
    text: str
    author: str | None = None
    cluster: str | None = None


class Cluster(ResultModel):
    name: str
    cards: list[int]


class CardsResult(ResultModel):
    """All cards (the source step's first), the non-empty clusters in the order they were
    first created, and the ids of the cards in no cluster."""

    cards: list[Card] = []
    clusters: list[Cluster] = []
    unclustered: list[int] = []


#: id(capture) -> (capture, its card): the engine hands over the same capture objects on
#: every call, so a step with thousands of cards builds each card once, not on every update
_CARDS: dict[int, tuple[Captured, Card]] = {}


def _card(captured: Captured, data: NewCard) -> Card:
    hit = _CARDS.get(id(captured))
    if hit is not None and hit[0] is captured:
        return hit[1]
    if len(_CARDS) > 500_000:
        _CARDS.clear()
    # built from a validated record: no second validation
    card = Card.model_construct(id=captured.id, text=data.text, author=captured.author, cluster=None)
    _CARDS[id(captured)] = (captured, card)
    return card


def cluster_key(name: str) -> str:
    return " ".join(name.split()).casefold()


@dataclass
class _Board:
    cards: dict[int, Card] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # key -> shown name, in creation order
    members: dict[str, list[int]] = field(default_factory=dict)  # key -> card ids

    def cluster_of(self, card: int) -> str | None:
        for key, ids in self.members.items():
            if card in ids:
                return key
        return None

    def live(self, name: str) -> str | None:
        key = cluster_key(name)
        return key if self.members.get(key) else None

    def ensure(self, name: str) -> str:
        key = cluster_key(name)
        if key not in self.members:
            self.names[key] = name
            self.members[key] = []
        return key

    def remove(self, card: int) -> None:
        key = self.cluster_of(card)
        if key is not None:
            self.members[key].remove(card)

    def apply(self, data) -> None:
        self._apply(data)
        # Empty clusters vanish, so a name can always be reused and never shows empty.
        for key in [k for k, ids in self.members.items() if not ids]:
            del self.members[key]
            del self.names[key]

    def _apply(self, data) -> None:
        if isinstance(data, GroupCards):
            known = [c for c in dict.fromkeys(data.cards) if c in self.cards]
            if not known:
                return
            key = self.ensure(data.cluster)
            for card in known:
                self.remove(card)
                self.members[key].append(card)
        elif isinstance(data, UngroupCards):
            for card in data.cards:
                self.remove(card)
        elif isinstance(data, RenameCluster):
            old = self.live(data.cluster)
            if old is None:
                return
            new = cluster_key(data.to)
            if self.live(data.to) and new != old:
                self.members[new].extend(self.members.pop(old))
                del self.names[old]
                return
            # Renaming keeps the cluster's place in the order.
            self.names = {(new if k == old else k): (data.to if k == old else v) for k, v in self.names.items()}
            self.members = {(new if k == old else k): v for k, v in self.members.items()}
        elif isinstance(data, MergeClusters):
            sources = [k for k in dict.fromkeys(self.live(n) for n in data.clusters) if k is not None]
            if not sources:
                return
            target = cluster_key(data.into)
            if not self.members.get(target):
                # A new name takes the place of the first merged cluster.
                first = sources[0]
                self.names = {(target if k == first else k): (data.into if k == first else v)
                              for k, v in self.names.items() if k != target}
                self.members = {(target if k == first else k): v for k, v in self.members.items() if k != target}
                sources = sources[1:]
            for key in sources:
                if key != target:
                    self.members[target].extend(self.members.pop(key))
                    del self.names[key]

    def result(self) -> CardsResult:
        # every value here comes from validated records: the models are built without
        # validating again, which a step with thousands of cards would feel on every update
        clusters = [Cluster.model_construct(name=self.names[k], cards=list(ids))
                    for k, ids in self.members.items() if ids]
        where = {card: c.name for c in clusters for card in c.cards}
        cards = [card if where.get(card.id) is None else
                 Card.model_construct(id=card.id, text=card.text, author=card.author, cluster=where[card.id])
                 for card in self.cards.values()]
        return CardsResult.model_construct(cards=cards, clusters=clusters,
                                           unclustered=[c.id for c in cards if c.cluster is None])


class CardsKind(CaptureKind[CardsOptions]):
    name = "cards"
    widget = "toolkit.tui.widgets.capture.cards:CardsPanel"
    projector = "toolkit.tui.projector_views:cards"
    demo = "toolkit.cli.demo:play_cards"
    title = {"de": "Ideenkarten", "en": "Idea cards"}
    #: field labels (the generic form and the participants' error messages name fields by these)
    labels = {
        "en": {"op": "Action", "text": "Your idea", "cards": "Cards", "cluster": "Cluster", "to": "Target cluster",
               "clusters": "Clusters", "into": "Merged cluster"},
        "de": {"op": "Aktion", "text": "Ihre Idee", "cards": "Karten", "cluster": "Cluster", "to": "Ziel-Cluster",
               "clusters": "Cluster", "into": "Zusammengeführter Cluster"},
    }
    Options = CardsOptions
    Record = CardsRecord
    #: one valid record, for ``cimis kinds`` and the export/import round-trip test
    example = {"op": "card", "text": "A digital job sheet"}
    web_form = "toolkit.web.kinds:cards_form"
    web_view = "toolkit.web.kinds:cards_view"
    #: fields holding ids of other records, remapped by session import
    id_fields = ("cards",)

    def _board(self, records: Sequence[Captured], options: CardsOptions, context: CaptureContext) -> _Board:
        board = _Board()
        source = source_result(context, options.source, CardsResult) if context is not None else None
        for card in source.cards if source else ():
            board.cards[card.id] = card.model_copy(update={"cluster": None})
        for captured, data in of_type(records, _RECORD_TYPES):
            if isinstance(data, NewCard):
                # Store ids are unique within a session, so a clash with a source card only
                # happens with a broken store; the source card is kept then.
                if captured.id not in board.cards:
                    board.cards[captured.id] = _card(captured, data)
            elif options.clusters:
                board.apply(data)
        return board

    def rule_state(self, options, context):
        return _CardRules(self, options, context)

    def check(self, record, records, options, context):
        data, author = unwrap(record)
        if isinstance(data, NewCard):
            if options.per_person is not None and author is not None:
                written = sum(1 for c, d in of_type(records, NewCard) if c.author == author)
                if written >= options.per_person:
                    return _("Each person may write at most {count} cards.").format(count=options.per_person)
            return None
        if not options.clusters:
            return _("Cards are not clustered in this step.")
        return self._check_ops(data, self._board(records, options, context))

    def _check_ops(self, data, board: _Board) -> str | None:
        if isinstance(data, (GroupCards, UngroupCards)):
            unknown = [str(c) for c in data.cards if c not in board.cards]
            if unknown:
                return _("There is no card {ids}.").format(ids=", ".join(unknown))
        elif isinstance(data, RenameCluster):
            if board.live(data.cluster) is None:
                return _("There is no cluster '{name}'.").format(name=data.cluster)
            if board.live(data.to) not in (None, board.live(data.cluster)):
                return _("There already is a cluster '{name}'; merge the clusters instead.").format(name=data.to)
        elif isinstance(data, MergeClusters):
            for name in data.clusters:
                if board.live(name) is None:
                    return _("There is no cluster '{name}'.").format(name=name)
        return None

    def result(self, records: Sequence[Captured], options: CardsOptions, context: CaptureContext) -> CardsResult:
        return self._board(records, options, context).result()


    def to_markdown(self, result: CardsResult, options: CardsOptions, lang: str) -> str:
        _ = translator(lang)
        if not result.cards:
            return _("No cards.") + "\n"
        text = {card.id: card.text for card in result.cards}
        if not result.clusters:
            return "\n".join(bullet(card.text) for card in result.cards) + "\n"
        parts = [f"### {escape_line(c.name)}\n\n" + "\n".join(bullet(text[i]) for i in c.cards) + "\n"
                 for c in result.clusters]
        if result.unclustered:
            heading = _("Unclustered")
            parts.append(f"### {heading}\n\n" + "\n".join(bullet(text[i]) for i in result.unclustered) + "\n")
        return "\n".join(parts)


class _CardRules(RuleState):
    """:meth:`CardsKind.check`, kept up to date one record at a time: cards per author and
    the board the cluster operations are checked against."""

    def __init__(self, kind: CardsKind, options: CardsOptions, context: CaptureContext):
        self.kind, self.options = kind, options
        self.board = kind._board((), options, context)
        self.written: dict[str | None, int] = {}

    def add(self, captured: Captured) -> None:
        data = plain(captured.data)
        if isinstance(data, NewCard):
            self.written[captured.author] = self.written.get(captured.author, 0) + 1
            self.board.cards.setdefault(captured.id, Card(id=captured.id, text=data.text, author=captured.author))
        elif isinstance(data, _RECORD_TYPES) and self.options.clusters:
            self.board.apply(data)

    def check(self, record) -> str | None:
        data, author = unwrap(record)
        options = self.options
        if isinstance(data, NewCard):
            if (options.per_person is not None and author is not None
                    and self.written.get(author, 0) >= options.per_person):
                return _("Each person may write at most {count} cards.").format(count=options.per_person)
            return None
        if not options.clusters:
            return _("Cards are not clustered in this step.")
        return self.kind._check_ops(data, self.board)
