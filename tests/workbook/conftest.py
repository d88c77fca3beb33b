"""Fixtures of the workbook tests: a workshop with a session that captured into several
steps, and a workbook whose source it is."""

from __future__ import annotations

import pytest

from workbook_util import capture, make_book, make_workshop, notes


@pytest.fixture
def workshop(tmp_path):
    folder = make_workshop(tmp_path / "ws")
    capture(folder, "forge", "ideas", {"op": "card", "text": "Digital job sheet"},
            {"op": "card", "text": "QR codes on <b>boards</b>"})
    notes(folder, "canvas", "walkthrough", "Paper travels to the site", "Anna Berger: coffee stains")
    capture(folder, "canvas", "next-step", {"op": "add", "item": "Buy two tablets"})
    return folder


@pytest.fixture
def book(tmp_path, workshop):
    return make_book(tmp_path / "book", ["../ws"])
