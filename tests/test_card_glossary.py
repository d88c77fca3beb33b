"""The programme's terms everywhere a user reads German or English: the message catalogues,
the example plans and the starter files, not only the method cards ("Workbook", never
"Werkbuch" or "Arbeitsbuch"; "Shortcuts", never "Abkürzungen")."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.cards.strict import CardLines, glossary_problems

REPO = Path(__file__).resolve().parent.parent


def findings(text: str, lang: str) -> list[str]:
    return [p.message for p in glossary_problems("x", CardLines("---\n---\n" + text), lang)]


def test_german_messages_use_the_glossary():
    from toolkit.i18n.de import MESSAGES

    bad = {msgid: value for msgid, value in MESSAGES.items()
           if findings(value, "de") and "glossary" not in msgid and "Glossar" not in value}
    assert not bad, bad


@pytest.mark.parametrize("path", sorted((REPO / "toolkit" / "examples").glob("*/workshop*.yaml")),
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_example_plans_use_the_glossary(path):
    lang = "en" if path.name.endswith(".en.yaml") else "de"
    assert findings(path.read_text("utf-8"), lang) == []


def test_starter_files_use_the_glossary():
    from toolkit.plan.template import _TEMPLATES
    from toolkit.workbook.init import _COMMENTS

    for lang in ("de", "en"):
        assert findings(_TEMPLATES[lang], lang) == []
        assert findings(_COMMENTS[lang], lang) == []


def test_the_glossary_check_sees_the_old_words():
    assert findings("Das Werkbuch des Tages", "de") and findings("## Abkürzungen", "de")
    assert findings("Results go into the Arbeitsbuch", "en")
    assert findings("Das Workbook des Tages\n## Shortcuts", "de") == []
