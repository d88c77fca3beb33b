"""Every message of the plan area has a German translation."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from toolkit.default_plugins.commands import BUILTIN_COMMANDS
from toolkit.i18n.de import MESSAGES as CATALOGUE  # one lookup: shared messages live in one area module
from toolkit.plan.model import ITEM_KIND_MESSAGE

ROOT = Path(__file__).resolve().parents[2] / "toolkit"
FILES = [*sorted((ROOT / "plan").glob("*.py")), ROOT / "cli" / "workshop.py"]
#: Messages that reach _() through a variable: pydantic validator errors of the plan model.
INDIRECT = [ITEM_KIND_MESSAGE, "end must be later than start"] + [
    short_help for name, _target, short_help in BUILTIN_COMMANDS if name in {"new", "check"}]


def messages() -> list[str]:
    found = list(INDIRECT)
    for path in FILES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in {"_", "N_"}
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                found.append(node.args[0].value)
    return sorted(set(found))


@pytest.mark.parametrize("message", messages())
def test_german_translation_exists(message):
    assert message in CATALOGUE
    german = CATALOGUE[message]
    # Same placeholders, so that .format() cannot fail in German.
    import string

    fields = lambda s: sorted(f for _t, f, _s, _c in string.Formatter().parse(s) if f is not None)
    assert fields(german) == fields(message)
