"""The hook reference stays in step with the hook specifications (as datasette does):
every hook is documented with its exact signature and has a test of its own."""

from __future__ import annotations

import inspect

import pytest

import test_hooks
from toolkit import hookspecs
from toolkit.hookdocs import hook_docs, hook_reference

HOOKS = [name for name, fn in vars(hookspecs).items() if hasattr(fn, "cimis_spec")]


def test_the_design_hooks_exist():
    assert HOOKS == ["register_methods", "register_capture_kinds", "register_exporters", "register_commands",
                     "configure_markdown", "register_translations", "session_event"]


@pytest.mark.parametrize("hook", HOOKS)
def test_hook_is_documented_with_its_signature(hook):
    fn = getattr(hookspecs, hook)
    assert fn.__doc__ and len(inspect.cleandoc(fn.__doc__)) > 80, f"{hook} needs a real docstring"
    signature = f"{hook}{inspect.signature(fn)}".replace("'", "")
    assert f"## `{signature}`" in hook_reference()


@pytest.mark.parametrize("hook", HOOKS)
def test_hook_has_its_own_test(hook):
    assert callable(getattr(test_hooks, f"test_hook_{hook}", None)), f"tests/test_hooks.py needs test_hook_{hook}"


def test_firstresult_is_said_in_the_reference():
    for doc in hook_docs():
        assert ("firstresult" in hook_reference().split(f"## `{doc.signature}`")[1].split("## `")[0]) == doc.firstresult


def test_cli_prints_the_reference(cli):
    result = cli("plugins", "hooks")
    assert result.exit_code == 0
    assert result.output == hook_reference() + "\n"


def test_every_event_type_is_documented():
    from toolkit.hookdocs import EVENT_DOCS
    from toolkit.session.store import EVENT_TYPES

    assert set(EVENT_TYPES) <= set(EVENT_DOCS), set(EVENT_TYPES) - set(EVENT_DOCS)
    for name in EVENT_TYPES:
        assert f"- `{name}`: " in hook_reference()


def test_every_book_attribute_is_documented():
    import dataclasses

    from toolkit.hookdocs import BOOK_DOCS
    from toolkit.workbook.book import Book

    public = {f.name for f in dataclasses.fields(Book)} | {
        name for name, value in vars(Book).items() if not name.startswith("_") and (
            isinstance(value, property) or inspect.isfunction(value))}
    assert public <= set(BOOK_DOCS), public - set(BOOK_DOCS)
    for name in public:
        assert f"- `{name}`: " in hook_reference()
