"""Every user-facing string exists in German and English.

Strings are English in the code, wrapped in ``_()``/``N_()``/``ngettext()``; this test
finds every such literal in the package and fails when the German catalogue lacks it, when
the translation's ``{placeholders}`` differ, or when the catalogue holds entries nothing
uses any more."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

import toolkit
from toolkit.i18n import detect_language
from toolkit.i18n.de import MESSAGES
from toolkit.i18n.de.cards import YAML_MESSAGES
from toolkit.i18n.de.cli import CLICK_MESSAGES

PACKAGE = Path(toolkit.__file__).parent


def wrapped_literals() -> dict[str, str]:
    """msgid -> first place it is used."""
    found: dict[str, str] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            if node.func.id in {"_", "N_"}:
                args = node.args[:1]
            elif node.func.id == "ngettext":
                args = node.args[:2]
            else:
                continue
            for arg in args:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found.setdefault(arg.value, f"{path.relative_to(PACKAGE.parent)}:{node.lineno}")
    return found


def fields(text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name is not None}


def test_every_wrapped_string_has_a_german_translation():
    missing = {msgid: where for msgid, where in wrapped_literals().items() if msgid not in MESSAGES}
    assert not missing, "no German translation for:\n" + "\n".join(f"{w}: {m!r}" for m, w in missing.items())


def test_translations_keep_placeholders():
    wrong = [m for m, de in MESSAGES.items() if m not in YAML_MESSAGES and fields(m) != fields(de)]
    assert not wrong, wrong


def test_no_unused_translations():
    used = set(wrapped_literals()) | set(CLICK_MESSAGES) | set(YAML_MESSAGES)
    unused = sorted(set(MESSAGES) - used)
    assert not unused, unused


def test_translations_are_not_just_copies():
    same = [m for m, de in MESSAGES.items() if m == de and len(m.split()) > 2]
    assert not same, same


@pytest.mark.parametrize("env, expected", [
    ({"CIMIS_LANG": "de"}, "de"),
    ({"CIMIS_LANG": "en", "LANG": "de_DE.UTF-8"}, "en"),
    ({"LANG": "de_DE.UTF-8"}, "de"),
    ({"LC_ALL": "de_AT.UTF-8", "LANG": "en_US.UTF-8"}, "de"),
    ({"LANG": "fr_FR.UTF-8"}, "en"),
    ({}, "en"),
])
def test_language_detection(env, expected):
    assert detect_language(env) == expected


def test_click_speaks_german(cli):
    result = cli("--lang", "de", "methods", "list", "--category")
    assert "Option '--category' benötigt ein Argument." in result.output
    help_text = cli("--lang", "de", "--help").output
    assert "Verwendung:" in help_text and "Optionen:" in help_text and "Befehle" in help_text
    assert "Diese Hilfe anzeigen und beenden." in help_text


def test_env_var_chooses_language(cli):
    result = cli("--help", env={"CIMIS_LANG": "de"})
    assert "Workshops" in result.output and "Befehle" in result.output


def test_every_command_help_in_german(cli):
    from toolkit.default_plugins.commands import BUILTIN_COMMANDS

    for name, _target, _help in BUILTIN_COMMANDS:
        out = cli("--lang", "de", name, "--help").output
        assert "Verwendung:" in out, (name, out)
        english = cli("--lang", "en", name, "--help").output
        assert out != english


def test_no_message_is_defined_in_two_catalogue_modules():
    """One lookup: a msgid lives in exactly one area module, else whichever loads last wins."""
    import importlib
    import pkgutil

    import toolkit.i18n.de as de

    owners: dict[str, list[str]] = {}
    for module in pkgutil.iter_modules(de.__path__):
        for msgid in getattr(importlib.import_module(f"toolkit.i18n.de.{module.name}"), "MESSAGES", {}):
            owners.setdefault(msgid, []).append(module.name)
    twice = {msgid: mods for msgid, mods in owners.items() if len(mods) > 1}
    assert not twice, twice
    merged = sum(len(importlib.import_module(f"toolkit.i18n.de.{m.name}").MESSAGES)
                 for m in pkgutil.iter_modules(de.__path__))
    assert merged == len(MESSAGES), "an area module is not merged by toolkit/i18n/de/__init__.py"


def test_allowed_values_are_listed_in_the_readers_language():
    """pydantic joins the allowed values with an English "or"; German readers saw
    "keiner der Werte 'de' or 'en'"."""
    from typing import Literal

    from pydantic import BaseModel, ValidationError

    from toolkit.i18n import set_language
    from toolkit.validation import describe

    class Language(BaseModel):
        lang: Literal["de", "en", "fr"]

    with pytest.raises(ValidationError) as caught:
        Language(lang="xx")
    error = caught.value.errors()[0]
    try:
        set_language("de")
        assert describe(error) == "'xx' ist keiner der Werte 'de', 'en' oder 'fr'"
        set_language("en")
        assert describe(error) == "'xx' is not one of 'de', 'en' or 'fr'"
    finally:
        set_language(None)
