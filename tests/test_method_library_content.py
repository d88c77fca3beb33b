"""The built-in method library's content: broad enough, strict-clean, and right where a
practitioner would notice (timings of the original methods, changeover minutes, two-day
booksprint, the jury scoring teams and their questions, the programme's terminology)."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.cards.parse import read_card

METHODS = Path(__file__).resolve().parent.parent / "methods"

NEW_METHODS = {
    "impromptu-networking", "shift-and-share", "troika-consulting", "what-so-what-now-what", "triz",
    "fifteen-percent-solutions", "appreciative-interviews", "ux-fishbowl", "open-space", "simple-ethnography",
    "team-canvas", "check-out", "lightning-decision-jam", "crazy-eights", "stakeholder-map",
}


def card(lang: str, method: str):
    result = read_card(METHODS / lang / f"{method}.md")
    assert result.card is not None, result.problems
    return result.card


def test_at_least_42_methods_in_both_languages():
    en = {p.stem for p in (METHODS / "en").glob("*.md")}
    de = {p.stem for p in (METHODS / "de").glob("*.md")}
    assert en == de and len(en) >= 42
    assert en >= NEW_METHODS


def test_builtin_library_passes_strict_check(cli):
    result = cli("methods", "check", "--strict", str(METHODS))
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("lang", ["en", "de"])
def test_one_two_four_all_keeps_the_original_timings(lang):
    steps = {s.id: s.minutes for s in card(lang, "one-two-four-all").meta.steps}
    assert (steps["alone"], steps["pairs"], steps["foursomes"], steps["all"]) == (1, 2, 4, 5)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_speed_dating_leaves_a_minute_to_change_tables(lang):
    rounds = next(s for s in card(lang, "speed-dating").meta.steps if s.id == "rounds")
    length = rounds.capture.options["round_minutes"]
    nine = 9 * length + 8  # nine rounds and a changeover minute between two rounds
    assert rounds.minutes >= nine and rounds.privacy


@pytest.mark.parametrize("lang", ["en", "de"])
def test_booksprint_takes_two_days(lang):
    assert card(lang, "booksprint").meta.duration >= 2 * 360


@pytest.mark.parametrize("lang", ["en", "de"])
def test_jury_scores_the_teams_and_their_questions(lang):
    steps = {s.id: s for s in card(lang, "jury-evaluation").meta.steps}
    hearing = steps["questions"].capture
    assert hearing.kind == "pitch" and hearing.options["presenters"] == "company"  # a team is named after its company
    score = steps["score"].capture.options
    assert score["source"] == "questions" and "question" in {c["id"] for c in score["criteria"]}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_idea_forge_prompt_asks_for_an_idea_not_the_question(lang):
    prompt = next(s for s in card(lang, "idea-forge").meta.steps if s.id == "ideas").capture.options["prompt"]
    assert not prompt.startswith(("How might we", "Wie könnten wir"))


@pytest.mark.parametrize("lang", ["en", "de"])
def test_adapted_methods_credit_their_source(lang):
    for method in NEW_METHODS - {"check-out"}:
        source = card(lang, method).meta.source
        assert source is not None and source.author and source.work, method


def test_german_cards_use_the_programme_words():
    for path in (METHODS / "de").glob("*.md"):
        text = path.read_text("utf-8")
        for word in ("Arbeitsbuch", "Werkbuch", "## Abkürzungen"):
            assert word not in text, (path.name, word)
