"""Every message of the capture area has a German translation with the same placeholders."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import toolkit.capture
from toolkit.i18n.de import MESSAGES

AREA = Path(toolkit.capture.__file__).parent


def messages() -> set[str]:
    found = set()
    for path in AREA.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in {"_", "N_"}
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                found.add(node.args[0].value)
    return found


def fields(text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name is not None}


def test_capture_messages_are_translated():
    found = messages()
    assert len(found) > 50
    missing = sorted(m for m in found if m not in MESSAGES)
    assert not missing, missing
    assert all(fields(m) == fields(MESSAGES[m]) for m in found)


def test_no_stub_methods():
    for path in AREA.rglob("*.py"):
        assert "NotImplementedError" not in path.read_text("utf-8"), path
