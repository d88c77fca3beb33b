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
                     "configure_markdown", "session_event"]


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
