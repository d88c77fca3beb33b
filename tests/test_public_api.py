"""``toolkit`` exports a documented public API (``__all__``), imported lazily; the plugin
scaffold and plugins/cimis-example use nothing else of cimis."""

from __future__ import annotations

import ast
import os
import subprocess
import sys

import toolkit
from cards_util import REPO
from toolkit.scaffold import plan_files


def test_every_public_name_resolves_and_is_documented():
    doc = toolkit.__doc__ or ""
    for name in toolkit.__all__:
        assert getattr(toolkit, name) is not None
        if name not in {"__version__", "hookimpl"}:
            assert f"`{name}`" in doc, f"{name} is exported but not documented in toolkit's docstring"


def test_public_api_is_imported_lazily():
    code = ("import sys, toolkit; print(sorted(m for m in sys.modules if m.startswith(('pydantic', "
            "'toolkit.capture', 'toolkit.workbook', 'toolkit.session', 'toolkit.cards'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def cimis_imports(source: str) -> list[str]:
    """Every ``toolkit...`` module a file imports (``from toolkit import x`` counts as
    ``toolkit``)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.split(".")[0] == "toolkit"]
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "toolkit":
            found.append(node.module)
            if node.module == "toolkit":
                unknown = [a.name for a in node.names if a.name not in toolkit.__all__]
                assert not unknown, f"not public API: {unknown}"
    return found


def python_sources():
    for rel, content in plan_files("example").items():
        if rel.suffix == ".py":
            yield f"scaffold:{rel}", content
    for path in (REPO / "plugins" / "cimis-example").rglob("*.py"):
        yield str(path.relative_to(REPO)), path.read_text("utf-8")


def test_scaffold_and_example_use_only_the_public_api():
    offenders = {where: mods for where, source in python_sources()
                 if (mods := [m for m in cimis_imports(source) if m != "toolkit"])}
    assert not offenders, offenders


def test_the_import_check_catches_a_private_import():
    assert cimis_imports("from toolkit.capture.base import KindModel") == ["toolkit.capture.base"]
    assert cimis_imports("import toolkit.plugins") == ["toolkit.plugins"]


def test_scaffold_tests_pass_when_its_cards_use_builtin_kinds(cli, tmp_path):
    assert cli("plugin", "new", "harvest", "--dir", str(tmp_path)).exit_code == 0
    package = tmp_path / "cimis-harvest"
    for card in (package / "cimis_harvest" / "methods").rglob("*.md"):
        text = card.read_text("utf-8")
        assert "kind: harvest-quotes" in text
        card.write_text(text.replace("kind: harvest-quotes", "kind: notes"), "utf-8")
    env = {**os.environ, "PYTHONPATH": str(package), "CIMIS_CACHE_DIR": str(tmp_path / "cache"),
           "CIMIS_CONFIG": str(tmp_path / "none.toml")}
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(package / "tests")],
                         cwd=package, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "4 passed" in run.stdout


def test_example_attribute_of_scaffold_kind_is_valid():
    sys.path.insert(0, str(REPO / "plugins" / "cimis-example"))
    try:
        from cimis_example.quotes import Quotes

        Quotes.Record(**Quotes.example)
        assert set(Quotes.labels["de"]) <= set(Quotes.Record.model_fields)
    finally:
        sys.path.remove(str(REPO / "plugins" / "cimis-example"))
        for name in [m for m in sys.modules if m.startswith("cimis_example")]:
            del sys.modules[name]
