"""Export -> import round-trips every built-in capture kind: a session exported as JSON Lines
and imported into a fresh workshop with the same agenda gives every step the same result,
including records that refer to other records (a cluster's cards, a dot vote's cluster, an
upvote's question)."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit.capture.base import BUILTIN_KIND_NAMES
from toolkit.capture.kinds.questions import QuestionsKind
from toolkit.capture.kinds.wordcloud import WordcloudKind

texts = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1,
                max_size=30).filter(lambda t: t.strip())
JURY = ("\n  - id: jury\n    method: jury-evaluation\n"
        "    options: {score: {source: pitches-kreative.pitches}}\n")
#: the kinds that need phones in the room came after the frozen kickoff: an expert talk with
#: questions from the room (upvoted) and a word cloud as check-out
PHONES = ("  - id: expertenvortrag\n    method: expert-talk-questions\n"
          "  - id: wortwolke\n    method: word-cloud\n")


#: the first kickoff example, frozen: its agenda has a step of every built-in kind
KICKOFF = Path(__file__).resolve().parent / "fixtures" / "kickoff-v1.yaml"


def new_workshop(cli, folder):
    folder.mkdir(parents=True)
    plan = folder / "workshop.yaml"
    plan.write_text(KICKOFF.read_text("utf-8").rstrip("\n") + "\n" + JURY + PHONES, "utf-8")


def fill(engine, cards, notes, cluster):
    """Records for a step of every built-in kind; returns the kinds used."""
    used = set()

    def put(item, step, record, author=None):
        saved = engine.capture(record, item_id=item, step_id=step, author=author)
        used.add(engine.step(item, step).capture_kind)
        return saved.record.id

    for text in notes:
        put("ankommen", "expectations", {"text": text})
    ids = [put("ideenschmiede", "ideas", {"op": "card", "text": text}) for text in cards]
    put("ideenschmiede", "cluster", {"op": "group", "cards": ids[: max(1, len(ids) // 2)], "cluster": cluster})
    put("ideenschmiede", "vote", {"voter": "lena", "item": cluster, "dots": 1})
    put("speed-dating", "rounds", {"op": "round", "number": 1})
    put("speed-dating", "interests", {"person": "lena", "wants": ["kretschmar"]})
    put("teams-finden", "reveal", {"op": "pin", "a": "lena", "b": "kretschmar"})
    put("pitches-kreative", "pitches", {"pitch": "lena", "type": "like", "text": notes[0]})
    put("digitalisierung", "canvas", {"field": "paper-form", "text": notes[-1]})
    put("digitalisierung", "next-step", {"op": "add", "item": cards[0]})
    put("jury", "score", {"scorer": "jury-1", "candidate": "lena", "criterion": "novelty", "score": 4})
    asked = [put("expertenvortrag", "questions", QuestionsKind.example, author="#a")]
    asked += [put("expertenvortrag", "questions", {"op": "ask", "text": text}, author="#b") for text in notes[:3]]
    # upvotes, by the asker too, in an order that puts a later question first
    for voter in ("#a", "#b", "#c"):
        put("expertenvortrag", "questions", {"op": "upvote", "question": asked[-1]}, author=voter)
    put("expertenvortrag", "questions", {"op": "upvote", "question": asked[0]}, author="#c")
    put("wortwolke", "answers", WordcloudKind.example, author="#a")
    put("wortwolke", "answers", WordcloudKind.example, author="#b")
    for n, text in enumerate(cards):
        put("wortwolke", "answers", {"text": text}, author=f"#w{n}")
    return used


def results(engine):
    out = {}
    for item in engine.agenda.items:
        for step in item.steps:
            if step.capture_kind:
                kind = engine.kinds[step.capture_kind]
                out[f"{item.id}.{step.id}"] = kind.to_markdown(engine.result(item.id, step.id), step.options, "en")
    return out


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cards=st.lists(texts, min_size=1, max_size=4), notes=st.lists(texts, min_size=1, max_size=3),
       cluster=texts)
def test_export_import_round_trips_every_builtin_kind(cli, tmp_path_factory, cards, notes, cluster):
    from toolkit.session.clock import FakeClock
    from toolkit.session.engine import Engine

    base = tmp_path_factory.mktemp("rt")
    source, target = base / "source", base / "target"
    new_workshop(cli, source)
    new_workshop(cli, target)
    with Engine(source, clock=FakeClock(1_780_000_000.0)) as engine:
        engine.start()
        used = fill(engine, cards, notes, cluster)
        before = results(engine)
    assert used == set(BUILTIN_KIND_NAMES)
    exported = cli("session", "export", str(source), "--format", "jsonl")
    assert exported.exit_code == 0, exported.output
    (base / "captures.jsonl").write_text(exported.stdout, "utf-8")
    imported = cli("session", "import", str(target), str(base / "captures.jsonl"))
    assert imported.exit_code == 0, imported.output
    with Engine(target, clock=FakeClock(1_790_000_000.0), readonly=True) as engine:
        assert results(engine) == before
    # and the imported session exports the same records (ids aside)
    again = cli("session", "export", str(target), "--format", "jsonl").stdout

    def strip(text):
        rows = [json.loads(line) for line in text.splitlines()]
        return [(r["item"], r["step"], r["kind"], r["author"], r["at"]) for r in rows]

    assert strip(again) == strip(exported.stdout)


def test_references_are_remapped_even_when_ids_differ(cli, tmp_path):
    """The target already holds records, so every id differs from the source's."""
    from toolkit.session.clock import FakeClock
    from toolkit.session.engine import Engine

    source, target = tmp_path / "s", tmp_path / "t"
    new_workshop(cli, source)
    new_workshop(cli, target)
    with Engine(target, clock=FakeClock(1_780_000_000.0)) as engine:
        for n in range(5):
            engine.capture({"text": f"earlier {n}"}, item_id="ankommen", step_id="expectations")
    with Engine(source, clock=FakeClock(1_780_000_000.0)) as engine:
        a = engine.capture({"op": "card", "text": "A"}, item_id="ideenschmiede", step_id="ideas").record.id
        b = engine.capture({"op": "card", "text": "B"}, item_id="ideenschmiede", step_id="ideas").record.id
        engine.capture({"op": "group", "cards": [a, b], "cluster": "AB"}, item_id="ideenschmiede", step_id="cluster")
        first = engine.capture({"op": "ask", "text": "Q1"}, item_id="expertenvortrag", step_id="questions").record.id
        second = engine.capture({"op": "ask", "text": "Q2"}, item_id="expertenvortrag", step_id="questions").record.id
        for voter in ("#a", "#b"):
            engine.capture({"op": "upvote", "question": second}, item_id="expertenvortrag", step_id="questions",
                           author=voter)
        assert first != second
        expected = results(engine)["ideenschmiede.cluster"]
        asked = results(engine)["expertenvortrag.questions"]
    (tmp_path / "c.jsonl").write_text(cli("session", "export", str(source), "--format", "jsonl").stdout, "utf-8")
    assert cli("session", "import", str(target), str(tmp_path / "c.jsonl")).exit_code == 0
    with Engine(target, readonly=True) as engine:
        assert results(engine)["ideenschmiede.cluster"] == expected
        assert "AB" in expected and "A" in expected
        # the upvotes still count for the second question, whose id is different here
        assert results(engine)["expertenvortrag.questions"] == asked
        assert asked.index("Q2 (2)") < asked.index("Q1 (0)")
