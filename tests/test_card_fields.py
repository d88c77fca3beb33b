"""Card fields of the method library 2.0: ``source``, ``purposes``, a step's ``privacy`` note and
the German section title ``## Shortcuts``; each valid form is carried to ``methods show`` and
its JSON, each broken form is a ``file:line: message``."""

from __future__ import annotations

import json

import pytest

from cards_util import card_text, write_pair

SOURCE = """source:
  author: Henri Lipmanowicz and Keith McCandless
  work: "Liberating Structures: 1-2-4-All"
  licence: CC BY-NC 4.0
  link: https://www.liberatingstructures.com/1-1-2-4-all/
"""


def extended(lang: str = "en", title: str = "Test method", source: str = SOURCE,
             purposes: str = "purposes: [generate-ideas, decide]\n",
             privacy: str = "    privacy: Names are stored only with consent.\n") -> str:
    text = card_text(lang=lang, title=title)
    text = text.replace("tags: [test]\n", "tags: [test]\n" + purposes + source)
    return text.replace("      kind: notes\n", "      kind: notes\n" + privacy)


def check(cli, *paths):
    result = cli("methods", "check", *map(str, paths))
    assert "Traceback" not in result.output
    return result


def test_source_purposes_privacy_in_show_and_json(tmp_path):
    from toolkit.cards.parse import read_card

    en, _de = write_pair(tmp_path, en=extended(), de=extended("de", "Testmethode"))
    card = read_card(en).card
    assert card.meta.purposes == ("generate-ideas", "decide")
    assert card.meta.source.licence == "CC BY-NC 4.0"
    assert card.meta.steps[1].privacy == "Names are stored only with consent."
    from toolkit.cards.render_text import card_markdown
    from toolkit.cli.methods import card_json

    data = json.loads(json.dumps(card_json(card)))
    assert data["source"] == {"author": "Henri Lipmanowicz and Keith McCandless",
                              "work": "Liberating Structures: 1-2-4-All", "licence": "CC BY-NC 4.0",
                              "link": "https://www.liberatingstructures.com/1-1-2-4-all/"}
    assert data["purposes"] == ["generate-ideas", "decide"]
    assert data["steps"][1]["privacy"] == "Names are stored only with consent."
    text = card_markdown(card)
    assert "Liberating Structures: 1-2-4-All (CC BY-NC 4.0)" in text
    assert "Data protection" in text and "Generate ideas" in text


def test_handbook_credits_the_source(tmp_path):
    from toolkit.cards.parse import read_card
    from toolkit.workbook.handbook import TEXT, _method

    _en, de = write_pair(tmp_path, en=extended(), de=extended("de", "Testmethode"))
    md = "\n".join(_method(read_card(de).card, TEXT["de"]))
    assert "| Quelle | Henri Lipmanowicz and Keith McCandless: Liberating Structures: 1-2-4-All" in md
    assert "**Datenschutz:** Names are stored only with consent." in md


@pytest.mark.parametrize("source, purposes, privacy, line, expected", [
    pytest.param(SOURCE.replace("link: https://", "link: ftp://"), None, None, 17,
                 "source.link: 'ftp://www.liberatingstructures.com/1-1-2-4-all/' is not a web address", id="bad-link"),
    pytest.param(SOURCE.replace("link: https://www", "link: https:// www"), None, None, 17, "is not a web address",
                 id="link-with-space"),
    pytest.param(SOURCE + "  year: 2014\n", None, None, 18, "source.year: unknown field", id="unknown-source-field"),
    pytest.param(SOURCE.replace("  author: Henri Lipmanowicz and Keith McCandless\n", ""), None, None, 13,
                 "source.author: required field is missing", id="source-without-author"),
    pytest.param(SOURCE, "purposes: [juggle]\n", None, 12, "purposes[0]: 'juggle' is not one of", id="unknown-purpose"),
    pytest.param(SOURCE, None, "    privacy: ''\n", 27, "privacy: must not be empty", id="empty-privacy"),
])
def test_broken_new_fields(cli, tmp_path, source, purposes, privacy, line, expected):
    kwargs = {"source": source}
    if purposes is not None:
        kwargs["purposes"] = purposes
    if privacy is not None:
        kwargs["privacy"] = privacy
    en, _de = write_pair(tmp_path, en=extended(**kwargs), de=extended("de", "Testmethode"))
    result = check(cli, tmp_path)
    assert result.exit_code == 1
    assert f"{en}:{line}: " in result.stdout and expected in result.stdout, result.stdout


def test_twins_must_agree_on_purposes_source_and_privacy(cli, tmp_path):
    _en, _de = write_pair(tmp_path, en=extended(), de=extended("de", "Testmethode", source="", privacy="",
                                                                purposes="purposes: [decide]\n"))
    out = check(cli, tmp_path).stdout
    assert "purposes differs from the" in out and "source differs from the" in out
    assert "data-protection notes differ" in out


def test_german_shortcuts_heading(tmp_path):
    from toolkit.cards.parse import read_card

    for heading in ("## Shortcuts", "## Abkürzungen"):
        text = card_text(lang="de", title="Testmethode") + f"\n{heading}\n\n- Kürzer: nur Ideen sammeln.\n"
        path = tmp_path / "card.md"
        path.write_text(text, "utf-8")
        result = read_card(path)
        assert result.ok, result.problems
        assert result.card.shortcuts == ("Kürzer: nur Ideen sammeln.",)


def test_schema_documents_the_new_fields(cli):
    schema = json.loads(cli("methods", "schema").stdout)
    props = schema["properties"]
    assert "purposes" in props and "source" in props
    defs = schema["$defs"]
    assert set(defs["SourceSpec"]["properties"]) == {"author", "work", "licence", "link"}
    assert defs["SourceSpec"]["additionalProperties"] is False
    assert all(defs["SourceSpec"]["properties"][f].get("description") for f in ("author", "work", "licence", "link"))
    assert "privacy" in defs["Step"]["properties"]
    purposes = json.dumps(props["purposes"]) + json.dumps(defs)
    assert "get-to-know" in purposes and "close" in purposes
