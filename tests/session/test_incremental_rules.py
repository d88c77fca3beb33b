"""The engine's incremental rule states: limits hold across appends from this and other
engines, and a rewrite (undo, removal, moderation decision) or a change of a referenced step
makes the engine rebuild the state instead of answering from a stale one."""

from __future__ import annotations

import pytest

from toolkit.errors import CimisError
from toolkit.session.clock import FakeClock
from toolkit.session.engine import Engine

PLAN = """\
title: Rules
date: 2026-03-14
language: en
agenda:
  - id: forge
    method: rules-forge
"""

CARD = """\
---
id: rules-forge
language: en
title: Rules forge
summary: Cards and votes.
category: ideation
duration: 20
group_size: {min: 2, max: 20}
steps:
  - id: ideas
    title: Ideas
    minutes: 10
    capture:
      kind: cards
      options: {per_person: 2}
  - id: vote
    title: Vote
    minutes: 10
    capture:
      kind: dots
      options: {source: ideas, dots_per_person: 2, max_per_item: 1}
---

Rules.

## Ideas

Write.

## Vote

Vote.
"""


@pytest.fixture
def folder(tmp_path):
    from toolkit.capture.kinds.cards import CardsKind
    from toolkit.capture.kinds.dots import DotsKind
    from toolkit.cards.library import load_paths

    ws = tmp_path / "ws"
    ws.mkdir()
    (ws / "workshop.yaml").write_text(PLAN, encoding="utf-8")
    cards = tmp_path / "cards"
    cards.mkdir()
    (cards / "rules-forge.md").write_text(CARD, encoding="utf-8")
    kinds = {"cards": CardsKind(), "dots": DotsKind()}
    return ws, kinds, load_paths([("t", cards)], kinds, require_twins=False)


def open_engine(folder):
    ws, kinds, library = folder
    return Engine(ws, FakeClock(), kinds=kinds, library=library)


def card(e, text, who, **kw):
    return e.capture({"op": "card", "text": text}, item_id="forge", step_id="ideas", author=who, **kw)


def test_limits_follow_undo_removal_and_moderation(folder):
    with open_engine(folder) as e:
        e.start()
        card(e, "a1", "ann")
        card(e, "a2", "ann")
        with pytest.raises(CimisError, match="at most 2"):
            card(e, "a3", "ann")
        assert ("forge", "ideas") in e._rules  # the incremental state answered
        e.undo()
        card(e, "a3", "ann")  # the undo freed a slot
        first = e.records("forge", "ideas")[0].id
        e.remove(first)
        card(e, "a4", "ann")
        e.set_moderation(True, "forge", "ideas")
        held = card(e, "b1", "bob", participant=True).event.seq
        card(e, "b2", "bob", participant=True)
        with pytest.raises(CimisError, match="at most 2"):  # held cards count
            card(e, "b3", "bob", participant=True)
        e.moderate(held, False)
        card(e, "b3", "bob", participant=True)  # a rejected card does not


def test_other_engines_appends_count(folder):
    with open_engine(folder) as a, open_engine(folder) as b:
        a.start()
        card(a, "one", "cy")
        card(b, "two", "cy")
        with pytest.raises(CimisError, match="at most 2"):
            card(a, "three", "cy")


def test_votes_see_cards_added_after_the_state_was_built(folder):
    with open_engine(folder) as e:
        e.start()
        c1 = card(e, "first", "ann").event.seq
        vote = {"voter": "v", "item": c1, "dots": 1}
        e.capture(vote, item_id="forge", step_id="vote")
        with pytest.raises(CimisError, match="At most 1"):
            e.capture(vote, item_id="forge", step_id="vote")
        c2 = card(e, "second", "bob").event.seq  # the source step changed
        e.capture({"voter": "v", "item": c2}, item_id="forge", step_id="vote")
        with pytest.raises(CimisError, match="0 of 2"):
            e.capture({"voter": "v", "item": c2}, item_id="forge", step_id="vote")
        with pytest.raises(CimisError, match="nothing called"):
            e.capture({"voter": "w", "item": "999"}, item_id="forge", step_id="vote")


def test_a_retried_client_id_is_not_refused_by_the_limit(folder):
    with open_engine(folder) as e:
        e.start()
        card(e, "a1", "ann", client_id="x1")
        card(e, "a2", "ann", client_id="x2")
        again = card(e, "a2", "ann", client_id="x2")
        assert not again.new
