"""The terminal UI uses two private Textual names; pyproject pins Textual to the range they
were tested with, and this test fails loudly when an installed Textual no longer has them
(instead of the UI breaking at run time). The editor's colouring (tree-sitter, the optional
``editor`` extra) degrades to plain text when tree-sitter is missing."""

from __future__ import annotations

import re
import sys
import tomllib
from importlib.metadata import version

from cards_util import REPO

#: (module, attribute, where cimis uses it)
PRIVATE_USES = [
    ("textual._tree_sitter", "get_language", "toolkit/tui/screens/workbook.py: markdown_language()"),
    ("textual.dom", "DOMNode._bindings", "toolkit/tui/bindings.py: localize()"),
]


def test_private_textual_names_still_exist():
    import importlib

    for module, attribute, where in PRIVATE_USES:
        owner = importlib.import_module(module)
        if "." in attribute:
            cls, name = attribute.split(".")
            node = getattr(owner, cls)()
            assert hasattr(node, name), f"{module}.{attribute} is gone (used in {where})"
        else:
            assert hasattr(owner, attribute), f"{module}.{attribute} is gone (used in {where})"


def test_the_private_uses_listed_are_all_there_are():
    found = set()
    for path in (REPO / "toolkit").rglob("*.py"):
        text = path.read_text("utf-8")
        found |= {m for m in re.findall(r"from (textual\._\w+) import", text)}
        if "._bindings" in text:
            found.add("textual.dom")
    assert found == {module for module, _a, _w in PRIVATE_USES}


def test_textual_is_pinned_to_the_tested_range():
    deps = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]["dependencies"]
    spec = next(d for d in deps if d.startswith("textual"))
    low, high = re.match(r"textual>=([\d.]+),<([\d.]+)", spec).groups()
    installed = tuple(int(p) for p in version("textual").split(".")[:2])
    below = (int(high.split(".")[0]), 0)
    assert tuple(int(p) for p in low.split(".")[:2]) <= installed < below


def test_editor_works_without_tree_sitter(monkeypatch):
    import textual
    import textual._tree_sitter

    # the re-import below rebinds textual._tree_sitter: put the package attribute back afterwards
    monkeypatch.setattr(textual, "_tree_sitter", textual._tree_sitter)
    for name in [m for m in sys.modules if m.startswith(("tree_sitter", "textual._tree_sitter"))]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "tree_sitter", None)  # import fails as if not installed
    monkeypatch.setitem(sys.modules, "tree_sitter_markdown", None)
    from toolkit.tui.screens.workbook import markdown_language

    assert markdown_language() is None


def test_tree_sitter_is_an_optional_extra():
    project = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]
    assert not any(d.startswith("tree-sitter") for d in project["dependencies"])
    assert any(d.startswith("tree-sitter") for d in project["optional-dependencies"]["editor"])
