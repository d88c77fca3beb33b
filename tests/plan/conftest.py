"""Fixtures for plan tests: a small method library with capture kinds built from the real
options models, independent of the built-in cards, and a helper that writes plan files."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from plan_testdata import CARDS, GOOD_PLAN, KINDS, write_card


@pytest.fixture(scope="session")
def library(tmp_path_factory):
    from toolkit.cards.library import load_paths

    folder = tmp_path_factory.mktemp("cards")
    for method_id, spec in CARDS.items():
        for lang in ("en", "de"):
            write_card(folder, method_id, lang, spec)
    lib = load_paths([("test", folder)], KINDS)
    assert not lib.errors(), lib.errors()
    return lib


@pytest.fixture
def kinds():
    return KINDS


@pytest.fixture
def write_plan(tmp_path):
    """``write_plan(text)`` -> folder holding workshop.yaml with that text (dedented)."""

    def write(text: str = GOOD_PLAN, name: str = "ws") -> Path:
        folder = tmp_path / name
        folder.mkdir(exist_ok=True)
        (folder / "workshop.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
        return folder

    return write
