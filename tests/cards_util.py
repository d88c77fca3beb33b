"""Helpers to write method cards in tests."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

FRONT = """---
id: {id}
language: {lang}
title: {title}
summary: A method used in tests.
category: ideation
duration: 15
group_size: {{min: 2, max: 20}}
roles: [facilitator]
materials: [sticky notes]
tags: [test]
steps:
  - id: intro
    title: Intro
    minutes: 5
  - id: ideas
    title: Ideas
    minutes: 10
    capture:
      kind: notes
---

Introduction of the test method.

## Intro

Say what happens.

## Ideas

Collect ideas.
"""


def card_text(id: str = "test-method", lang: str = "en", title: str = "Test method") -> str:
    return FRONT.format(id=id, lang=lang, title=title)


def write_pair(folder: Path, id: str = "test-method", en: str | None = None,
               de: str | None = None) -> tuple[Path, Path]:
    """An English and a German card for ``id``; pass text to replace either."""
    (folder / "en").mkdir(parents=True, exist_ok=True)
    (folder / "de").mkdir(parents=True, exist_ok=True)
    en_path, de_path = folder / "en" / f"{id}.md", folder / "de" / f"{id}.md"
    en_path.write_text(en if en is not None else card_text(id, "en"), "utf-8")
    de_path.write_text(de if de is not None else card_text(id, "de", "Testmethode"), "utf-8")
    return en_path, de_path


def plugin_with_cards(tmp_path, monkeypatch):
    """A local plugin folder whose plugin registers two test cards with purposes."""
    def with_purposes(text: str, purposes: str, roles: str) -> str:
        return text.replace("tags: [test]", f"tags: [test]\npurposes: {purposes}").replace(
            "roles: [facilitator]", f"roles: {roles}")

    cards = tmp_path / "cards"
    write_pair(cards, "decide-fast",
               en=with_purposes(card_text("decide-fast"), "[decide, evaluate]", "[facilitator, jury]"),
               de=with_purposes(card_text("decide-fast", "de", "Schnell entscheiden"), "[decide, evaluate]",
                                "[facilitator, jury]"))
    write_pair(cards, "meet-fast", en=with_purposes(card_text("meet-fast"), "[get-to-know]", "[facilitator, creative]"),
               de=with_purposes(card_text("meet-fast", "de", "Schnell kennenlernen"), "[get-to-know]",
                                "[facilitator, creative]"))
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / "testcards.py").write_text(
        "from pathlib import Path\nfrom toolkit import hookimpl\n\n@hookimpl\ndef register_methods(register):\n"
        f"    register(Path({str(cards)!r}))\n", "utf-8")
    monkeypatch.setenv("CIMIS_PLUGINS_DIR", str(plugins))
