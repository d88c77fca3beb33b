"""``cimis methods check --strict``: what a valid card can still get wrong, each finding as
``file:line: message`` in English and German, exit code 1; a clean pair exits 0."""

from __future__ import annotations

import pytest

from cards_util import write_pair

CLEAN = """---
id: {id}
language: {lang}
title: {title}
summary: A method used in tests.
category: networking
duration: 40
group_size: {{min: 4, max: 30}}
roles: [facilitator, creative, company]
materials: [bell]
tags: [test]
purposes: [get-to-know]
steps:
  - id: briefing
    title: {briefing}
    minutes: 5
  - id: rounds
    title: {rounds}
    minutes: 35
    capture:
      kind: rotation
      options: {{round_minutes: 5, rounds: 5}}
    privacy: {privacy}
---

{intro}

## {briefing}

{briefing_text}

## {rounds}

{rounds_text}

## {shortcuts}

- {shortcut}
"""

EN = dict(title="Test dating", briefing="Briefing", rounds="Rounds", shortcuts="Shortcuts",
          privacy="The schedule names who met whom; it is kept in the session only "
                  "and deleted after the workbook is done.",
          intro="Two groups meet in short rounds to find partners for the Workbook.",
          briefing_text="Explain the rules: companies stay, creatives move one table on when the bell rings, "
                        "each round lasts five minutes.",
          rounds_text="Ring the bell after each round and give everyone one minute to change tables "
                      "before the next round starts.",
          shortcut="With few people, play four rounds instead of five.")
DE = dict(title="Testdating", briefing="Einführung", rounds="Runden", shortcuts="Shortcuts",
          privacy="Der Plan nennt, wer wen getroffen hat; er bleibt nur in der Sitzung "
                  "und wird nach dem Workbook gelöscht.",
          intro="Zwei Gruppen treffen sich in kurzen Runden, um Partner für das Workbook zu finden.",
          briefing_text="Erklären Sie die Regeln: Unternehmen bleiben sitzen, Kreative gehen beim Gong einen Tisch "
                        "weiter, jede Runde dauert fünf Minuten.",
          rounds_text="Läuten Sie nach jeder Runde und geben Sie allen eine Minute für den Tischwechsel, "
                      "bevor die nächste Runde beginnt.",
          shortcut="Bei wenigen Personen spielen Sie vier statt fünf Runden.")


def card(lang: str = "en", id: str = "test-dating", **changes: str) -> str:
    values = dict(EN if lang == "en" else DE)
    values.update(changes)
    return CLEAN.format(id=id, lang=lang, **values)


def strict(cli, path, lang: str = "en"):
    result = cli("methods", "check", "--strict", str(path), env={"CIMIS_LANG": lang})
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result


def test_clean_pair_passes_strict(cli, tmp_path):
    write_pair(tmp_path, "test-dating", en=card(), de=card("de"))
    result = strict(cli, tmp_path)
    assert result.exit_code == 0, result.stdout
    assert "2 card(s) valid." in result.stderr


def finding(result, path, line: int) -> str:
    lines = [row for row in result.stdout.splitlines() if row.startswith(f"{path}:{line}: ")]
    assert lines, result.stdout
    return "\n".join(lines)


@pytest.mark.parametrize("change, line, en, de", [
    pytest.param({"briefing_text": "Explain the rules; the whole exchange takes 25 minutes per table and table."}, 28,
                 "step 'briefing': the instructions speak of 25 minutes, but the step has 5",
                 "Schritt 'briefing': Die Anleitung spricht von 25 Minuten, der Schritt hat aber 5",
                 id="minutes-in-text"),
    pytest.param({"briefing_text": "Explain."}, 28,
                 "step 'briefing' has almost no instructions (1 words)",
                 "Schritt 'briefing' hat kaum Anleitung (1 Wörter)",
                 id="no-instructions"),
    pytest.param({"intro": "Results go into the Arbeitsbuch of the programme."}, 26,
                 "'Arbeitsbuch' is not the programme's term: write 'Workbook'",
                 "'Arbeitsbuch' ist nicht der Begriff des Programms: Schreiben Sie 'Workbook'", id="glossary"),
    pytest.param({"shortcut": "Fewer abbreviations: play four rounds instead of five."}, 38,
                 "'abbreviations' is not the programme's term: write 'Shortcuts'", "Schreiben Sie 'Shortcuts'",
                 id="glossary-other-word"),
])
def test_strict_findings(cli, tmp_path, change, line, en, de):
    en_path, _de_path = write_pair(tmp_path, "test-dating", en=card(**change), de=card("de"))
    result = strict(cli, tmp_path)
    assert result.exit_code == 1
    assert en in finding(result, en_path, line)
    german = strict(cli, tmp_path, "de")
    assert german.exit_code == 1
    assert de in finding(german, en_path, line)


def messages(cli, tmp_path, en: str, de: str | None = None, lang: str = "en") -> str:
    write_pair(tmp_path, "test-dating", en=en, de=de if de is not None else card("de"))
    result = strict(cli, tmp_path, lang)
    assert result.exit_code == 1, result.stdout
    return result.stdout


def test_personal_data_kind_without_privacy(cli, tmp_path):
    text = card().replace("    privacy: " + EN["privacy"] + "\n", "")
    out = messages(cli, tmp_path, text, card("de").replace("    privacy: " + DE["privacy"] + "\n", ""))
    assert "en/test-dating.md:17: step 'rounds' captures personal data (capture kind 'rotation') but has no " \
           "data-protection note" in out
    assert "de/test-dating.md:17: step 'rounds' captures personal data" in out


@pytest.mark.parametrize("lang, text, word", [
    ("en", "Ask for the email address of everyone who wants the Workbook and write it down.", "email address"),
    ("en", "Take a group photo at the end so that the Workbook has a picture of the day.", "group photo"),
    ("de", "Sammeln Sie die E-Mail-Adressen aller, die das Workbook haben möchten, auf einem Blatt.", "E-Mail-Adresse"),
    ("de", "Machen Sie am Ende ein Gruppenfoto, damit das Workbook ein Bild des Tages bekommt.", "Gruppenfoto"),
])
def test_personal_data_words_need_a_note(cli, tmp_path, lang, text, word):
    target = card(lang, briefing_text=text)
    en = target if lang == "en" else card()
    de = target if lang == "de" else card("de")
    en_path, de_path = write_pair(tmp_path, "test-dating", en=en, de=de)
    result = strict(cli, tmp_path)
    path = en_path if lang == "en" else de_path
    assert f"step 'briefing' captures personal data (the text mentions '{word}')" in finding(result, path, 14)


def test_a_photo_of_a_pinboard_is_not_personal_data(cli, tmp_path):
    text = card(briefing_text="Explain the rules, then photograph the pinboard so that nothing on it gets lost later.")
    write_pair(tmp_path, "test-dating", en=text, de=card("de"))
    assert strict(cli, tmp_path).exit_code == 0


@pytest.mark.parametrize("method_id, tags, credit", [
    ("world-cafe", "[test]", "Juanita Brown and David Isaacs"),
    ("test-dating", "[test, liberating structures]", "tag 'liberating structures'"),
])
def test_adapted_method_without_source(cli, tmp_path, method_id, tags, credit):
    en = card(id=method_id).replace("tags: [test]", f"tags: {tags}")
    de = card("de", id=method_id).replace("tags: [test]", f"tags: {tags}")
    en_path, _ = write_pair(tmp_path, method_id, en=en, de=de)
    result = strict(cli, tmp_path)
    expected = f"method '{method_id}' adapts a published method ({credit}) but has no 'source'"
    assert expected in finding(result, en_path, 2)
    sourced = "source: {author: Juanita Brown and David Isaacs, work: The World Café, link: https://theworldcafe.com/}\n"
    write_pair(tmp_path, method_id, en=en.replace("steps:\n", sourced + "steps:\n"),
               de=de.replace("steps:\n", sourced + "steps:\n"))
    assert strict(cli, tmp_path).exit_code == 0


def test_card_without_purposes(cli, tmp_path):
    out = messages(cli, tmp_path, card().replace("purposes: [get-to-know]\n", ""),
                   card("de").replace("purposes: [get-to-know]\n", ""))
    assert "en/test-dating.md:2: the card has no purposes" in out


def test_rotation_rounds_need_changeover(cli, tmp_path):
    en_path, _ = write_pair(tmp_path, "test-dating", en=card().replace("rounds: 5}", "rounds: 7}"),
                            de=card("de").replace("rounds: 5}", "rounds: 7}"))
    result = strict(cli, tmp_path)
    assert ("step 'rounds': 7 rounds of 5 minutes and 1 minute(s) to change tables between them need 41 minutes, "
            "but the step has 35") in finding(result, en_path, 32)


def test_rotation_without_rounds_computed_without_changeover(cli, tmp_path):
    en_path, _ = write_pair(tmp_path, "test-dating", en=card().replace(", rounds: 5}", "}"),
                            de=card("de").replace(", rounds: 5}", "}"))
    result = strict(cli, tmp_path)
    assert ("step 'rounds': 35 minutes are 7 rounds of 5 minutes with no time to change tables; with 1 minute(s) "
            "between rounds they hold 6") in finding(result, en_path, 32)
    german = strict(cli, tmp_path, "de")
    assert "35 Minuten sind 7 Runden zu 5 Minuten ohne Zeit für den Tischwechsel" in german.stdout


def test_rounds_counted_in_the_text(cli, tmp_path):
    text = card(rounds_text="Play nine rounds; ring the bell after each round and give everyone time to change tables.")
    en_path, _ = write_pair(tmp_path, "test-dating", en=text.replace(", rounds: 5}", "}"),
                            de=card("de").replace(", rounds: 5}", "}"))
    assert "9 rounds of 5 minutes and 1 minute(s) to change tables" in finding(strict(cli, tmp_path), en_path, 32)


def test_announcing_another_steps_length_is_fine(cli, tmp_path):
    text = card(briefing_text="Explain the rules: the rounds take 35 minutes in all, each round lasts five minutes.")
    write_pair(tmp_path, "test-dating", en=text, de=card("de"))
    assert strict(cli, tmp_path).exit_code == 0


def test_german_compounds_and_code_blocks(cli, tmp_path):
    de = card("de", intro="Das Werkbuchkapitel entsteht am Ende.\n\n```\nArbeitsbuch (nur ein Zitat im Code)\n```")
    _, de_path = write_pair(tmp_path, "test-dating", en=card(), de=de)
    result = strict(cli, tmp_path)
    assert "'Werkbuch' is not the programme's term: write 'Workbook'" in finding(result, de_path, 26)
    assert "Arbeitsbuch" not in result.stdout


def test_strict_without_flag_is_quiet(cli, tmp_path):
    write_pair(tmp_path, "test-dating", en=card(briefing_text="Explain."), de=card("de"))
    result = cli("methods", "check", str(tmp_path))
    assert result.exit_code == 0, result.stdout


def test_unreadable_file_after_parsing(tmp_path):
    from toolkit.cards.parse import read_card
    from toolkit.cards.strict import strict_problems

    path = tmp_path / "card.md"
    path.write_text(card(), "utf-8")
    parsed = read_card(path).card
    path.unlink()
    (problem,) = strict_problems(parsed)
    assert problem.path == str(path) and "cannot read file" in problem.message


def test_data_files_are_consistent():
    from toolkit.cards.strict import adapted, glossary

    terms = glossary()["terms"]
    assert len({t["id"] for t in terms}) == len(terms)
    for term in terms:
        for lang in ("de", "en"):
            preferred = term[lang].casefold()
            assert all(word.casefold() != preferred for word in term["forbidden"][lang]), term
    assert set(glossary()["personal_data"]) == {"de", "en"}
    assert all(isinstance(v, str) and v for v in adapted()["methods"].values())


def test_old_german_shortcuts_heading_is_flagged(cli, tmp_path):
    _, de_path = write_pair(tmp_path, "test-dating", en=card(), de=card("de", shortcuts="Abkürzungen"))
    result = strict(cli, tmp_path, "de")
    expected = "'Abkürzungen' ist nicht der Begriff des Programms: Schreiben Sie 'Shortcuts'"
    assert expected in finding(result, de_path, 36)
