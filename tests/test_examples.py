"""The bundled example plans (``cimis new --example``, ``cimis demo --example``): every example
in German and English, clean under ``cimis check``, playable headless, and the programme's
formats as the programme runs them."""

from __future__ import annotations

import datetime as dt

import pytest

from toolkit.examples import PLAN_FILES, example_languages, example_names, example_path, example_plan
from toolkit.plan import load_plan

EXAMPLES = ["expert-event-in-person", "expert-event-online", "final-event", "kickoff", "networking-evening"]
LANGS = ["de", "en"]


def test_every_programme_format_is_bundled_in_both_languages():
    assert example_names() == EXAMPLES
    for name in EXAMPLES:
        assert example_languages(name) == LANGS
        assert example_plan(name, "en").name == PLAN_FILES["en"]


def new(cli, tmp_path, name: str, lang: str | None, *extra: str):
    folder = tmp_path / f"{name}-{lang}"
    args = ["new", str(folder), "--example", name, *(["--language", lang] if lang else []), *extra]
    result = cli(*args)
    assert result.exit_code == 0, result.output
    return folder


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", EXAMPLES)
def test_example_checks_clean_in_its_language(cli, tmp_path, name, lang):
    folder = new(cli, tmp_path, name, lang)
    result = cli("check", str(folder), "--json")
    assert result.exit_code == 0, result.output
    import json

    report = json.loads(result.stdout)
    assert report["errors"] == 0 and report["warnings"] == 0, report
    plan = load_plan(folder)
    assert plan.language == lang
    assert plan.end is not None and plan.people


def test_the_workshop_language_picks_the_example_language(cli, tmp_path):
    english = load_plan(new(cli, tmp_path, "kickoff", None))  # the output language is English
    assert english.language == "en" and english.title.startswith("Kickoff: creatives")
    german = load_plan(new(cli, tmp_path, "kickoff", "de"))
    assert german.language == "de" and german.title.startswith("Kickoff: Kreative")
    folder = tmp_path / "ui-de"
    assert cli("--lang", "de", "new", str(folder), "--example", "final-event").exit_code == 0
    assert load_plan(folder).language == "de"


@pytest.mark.parametrize("name", EXAMPLES)
def test_twins_share_the_agenda(name):
    de, en = (load_plan(example_plan(name, lang)) for lang in LANGS)
    assert (de.date, de.start, de.end, de.seed) == (en.date, en.start, en.end, en.seed)
    def options(plan, item):
        # references name items by id, and ids are in the plan's language: compare positions
        index = {entry.id: n for n, entry in enumerate(plan.agenda)}

        def norm(value):
            if isinstance(value, dict):
                return {k: norm(v) for k, v in value.items()}
            if isinstance(value, str) and value.split(".")[0] in index and "." in value:
                return f"#{index[value.split('.')[0]]}.{value.split('.', 1)[1]}"
            return value

        return norm(getattr(item, "options", None))

    shape = [[(getattr(i, "method", None) or i.type, getattr(i, "minutes", None), options(plan, i))
              for i in plan.agenda] for plan in (de, en)]
    assert shape[0] == shape[1]
    assert sorted(p.role for p in de.people) == sorted(p.role for p in en.people)
    assert de.title != en.title


def timetable(name: str, lang: str):
    from toolkit import registry
    from toolkit.plan import resolve

    plan = load_plan(example_plan(name, lang))
    agenda, problems = resolve(plan, registry.library(), registry.capture_kinds())
    assert [p for p in problems if p.severity == "error"] == []
    return plan, agenda


@pytest.mark.parametrize("lang", LANGS)
def test_kickoff_follows_the_published_day(lang):
    plan, agenda = timetable("kickoff", lang)
    kinds = [getattr(i, "method", None) or i.type for i in plan.agenda]
    assert kinds == ["check-in", "icebreaker", "short-talk", "talk", "break",  # morning
                     "speed-dating", "pitch-creatives", "pitch-companies", "idea-forge", "break",  # afternoon
                     "team-matching", "how-might-we", "jury-evaluation", "free"]
    titles = [i.title for i in agenda.items]
    assert ("Was ist Cross Innovation?" if lang == "de" else "What is cross innovation?") in titles
    reference = plan.agenda[3]
    assert reference.speaker and "first programme" in {p.id: p.organisation for p in plan.people}[reference.speaker]\
        .replace("ersten Programm", "first programme")
    # teams are formed after the pitches and the idea forge, from the speed dating's interests
    ids = [i.id for i in plan.agenda]
    matching = next(i for i in plan.agenda if getattr(i, "method", None) == "team-matching")
    forge = next(i.id for i in plan.agenda if getattr(i, "method", "") == "idea-forge")
    assert ids.index(matching.id) > ids.index(forge)
    assert agenda.step(matching.id, "reveal").options.source == "speed-dating.interests"
    # each team's question, heard by the regional jury, who score the teams (matches)
    jury = next(i for i in plan.agenda if getattr(i, "method", None) == "jury-evaluation")
    score = agenda.step(jury.id, "score").options
    assert score.source == f"{matching.id}.reveal" and score.scorers == "jury"
    assert sum(p.role == "jury" for p in plan.people) == 3
    # six rounds of five minutes fit with a minute to change tables
    rounds = agenda.step("speed-dating", "rounds")
    assert rounds.options.rounds * rounds.options.round_minutes + rounds.options.rounds - 1 <= rounds.minutes
    assert agenda.items[-1].id in {"abschluss", "closing"}
    assert agenda.end.time() <= plan.end
    # the morning ends with the break; speed dating opens the afternoon
    lunch = next(i for i in agenda.items if i.kind == "break")
    assert lunch.start.time() < dt.time(12, 30) and agenda.item("speed-dating").start == lunch.end


@pytest.mark.parametrize("lang", LANGS)
def test_expert_events(lang):
    plan, agenda = timetable("expert-event-in-person", lang)
    noon = dt.time(12, 0)
    morning = [i for i in agenda.items if i.start.time() < noon]
    afternoon = [i for i in agenda.items if i.start.time() >= noon]
    assert any(getattr(e, "method", None) == "world-cafe" for e in plan.agenda if e.id in {i.id for i in morning})
    talks = [i for i in afternoon if i.method_id == "short-talk"]
    assert len(talks) == 3
    topics = " ".join(t.title for t in talks).casefold()
    for words in (("ki", "intelligence"), ("design thinking",), ("transformation",)):
        assert any(w in topics for w in words), topics
    plan, agenda = timetable("expert-event-online", lang)
    assert "breakout" in plan.model_dump_json().casefold()
    # timed for video calls: never more than 65 minutes of screen time without a break
    stretch = 0
    for item in agenda.items:
        stretch = 0 if item.kind == "break" or item.method_id == "break" else stretch + item.minutes
        assert stretch <= 65, item.id


@pytest.mark.parametrize("lang", LANGS)
def test_final_event_and_networking_evening(lang):
    plan, agenda = timetable("final-event", lang)
    assert (plan.start, plan.end) == (dt.time(16, 0), dt.time(20, 0))
    assert agenda.end.time() <= dt.time(20, 0)
    methods = [getattr(i, "method", None) for i in plan.agenda]
    assert "prototype-gallery" in methods and "jury-evaluation" in methods and "dot-voting" in methods
    assert agenda.items[-1].minutes >= 60  # networking to end the evening
    plan, agenda = timetable("networking-evening", lang)
    assert plan.start >= dt.time(17, 0) and "speed-dating" in [getattr(i, "method", None) for i in plan.agenda]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", EXAMPLES)
def test_demo_plays_every_example_headless(cli, tmp_path, name, lang):
    from toolkit.session.engine import Engine

    target = tmp_path / "demo"
    result = cli("--lang", lang, "demo", "--example", name, "--headless", str(target))
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    with Engine(target, readonly=True) as engine:
        assert engine.state.finished and engine.agenda.language == lang
        assert engine.state.all_records()
    assert (target / "workbook" / "build" / "html" / "index.html").is_file()


def test_demo_rejects_an_unknown_example(cli, tmp_path):
    result = cli("demo", "--example", "nope", "--headless", str(tmp_path / "d"))
    assert result.exit_code == 2 and "nope" in result.output and "kickoff" in result.output
    assert not (tmp_path / "d").exists()


def test_example_plan_falls_back_to_german(tmp_path, monkeypatch):
    import toolkit.examples as examples

    (tmp_path / "solo").mkdir()
    (tmp_path / "solo" / "workshop.yaml").write_text("title: x\n", "utf-8")
    monkeypatch.setattr(examples, "ROOT", tmp_path)
    assert examples.example_plan("solo", "en") == tmp_path / "solo" / "workshop.yaml"
    assert examples.example_languages("solo") == ["de"] and examples.example_names() == ["solo"]
    assert example_path("kickoff").name == "kickoff"
