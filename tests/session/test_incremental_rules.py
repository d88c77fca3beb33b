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


# -- group commits (Engine.capture_many) --------------------------------------------------

def _req(text, who, cid, **kw):
    from toolkit.session.engine import CaptureRequest

    return CaptureRequest({"op": "card", "text": text}, item_id="forge", step_id="ideas", author=who,
                          client_id=cid, **kw)


def test_a_batch_counts_its_own_records_against_the_limit(folder):
    from toolkit.session.engine import RecordInvalid, Saved

    with open_engine(folder) as e:
        e.start()
        out = e.capture_many([_req("a1", "ann", "c1"), _req("a2", "ann", "c2"), _req("a3", "ann", "c3"),
                              _req("", "bob", "c4"), _req("b1", "bob", "c5"), _req("a1", "ann", "c1")])
        assert [type(o).__name__ for o in out] == ["Saved", "Saved", "CimisError", "RecordInvalid", "Saved", "Saved"]
        assert "at most 2" in str(out[2])
        assert isinstance(out[3], RecordInvalid) and out[3].errors[0]["loc"][-1] == "text"
        assert isinstance(out[5], Saved) and not out[5].new and out[5].event.seq == out[0].event.seq
        texts = [r.data.root.text for r in e.records("forge", "ideas")]
        assert texts == ["a1", "a2", "b1"]
    with open_engine(folder) as again:  # all of it is in the store, once
        assert [r.data.root.text for r in again.records("forge", "ideas")] == ["a1", "a2", "b1"]


def test_a_batch_whose_commit_fails_writes_nothing_and_the_state_follows(folder, monkeypatch):
    with open_engine(folder) as e:
        e.start()
        card(e, "before", "ann")
        store = e.store
        real = store.writing

        from contextlib import contextmanager

        @contextmanager
        def failing():
            with real() as tx:
                yield tx
                raise CimisError("disk full")

        monkeypatch.setattr(store, "writing", failing)
        with pytest.raises(CimisError, match="disk full"):
            e.capture_many([_req("x", "bob", "f1"), _req("y", "bob", "f2")])
        monkeypatch.setattr(store, "writing", real)
        assert [r.data.root.text for r in e.records("forge", "ideas")] == ["before"]
        assert "f1" not in e.state.capture_ids
        # the limit is counted from what is stored, not from the rolled-back batch
        out = e.capture_many([_req("x", "bob", "f1"), _req("y", "bob", "f2")])
        assert all(o.new for o in out)


def test_a_batch_speaks_each_requests_language(folder):
    with open_engine(folder) as e:
        e.start()
        out = e.capture_many([_req("", "ann", "l1", lang="de"), _req("", "ann", "l2", lang="en")])
        assert "nicht gültig" in str(out[0]) or "ungültig" in str(out[0]), str(out[0])
        assert "is not valid" in str(out[1])
