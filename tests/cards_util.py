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


def write_pair(folder: Path, id: str = "test-method", en: str | None = None, de: str | None = None) -> tuple[Path, Path]:
    """An English and a German card for ``id``; pass text to replace either."""
    (folder / "en").mkdir(parents=True, exist_ok=True)
    (folder / "de").mkdir(parents=True, exist_ok=True)
    en_path, de_path = folder / "en" / f"{id}.md", folder / "de" / f"{id}.md"
    en_path.write_text(en if en is not None else card_text(id, "en"), "utf-8")
    de_path.write_text(de if de is not None else card_text(id, "de", "Testmethode"), "utf-8")
    return en_path, de_path
