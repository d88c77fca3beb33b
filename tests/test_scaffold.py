"""``cimis plugin new``: the scaffold is an installable package whose own tests pass, and
plugins/cimis-example is exactly that template filled in."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from cards_util import REPO
from toolkit.scaffold import plan_files


def test_new_plugin_passes_its_own_tests(cli, tmp_path):
    result = cli("plugin", "new", "museum-tools", "--dir", str(tmp_path))
    assert result.exit_code == 0, result.output
    package = tmp_path / "cimis-museum-tools"
    assert (package / "cimis_museum_tools" / "plugin.py").is_file()
    pyproject = (package / "pyproject.toml").read_text()
    assert 'museum-tools = "cimis_museum_tools.plugin"' in pyproject
    assert "[project.entry-points.cimis]" in pyproject
    env = {**os.environ, "PYTHONPATH": str(package)}
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(package / "tests")],
                         cwd=package, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "4 passed" in run.stdout


def test_new_plugin_cards_are_valid(cli, tmp_path):
    cli("plugin", "new", "quotes-demo", "--dir", str(tmp_path))
    # the kind the cards use comes from the plugin itself, so check through its host
    sys.path.insert(0, str(tmp_path / "cimis-quotes-demo"))
    try:
        from cimis_quotes_demo.quotes import Quotes

        from toolkit.cards.library import load_paths
        from toolkit.registry import capture_kinds

        kinds = {**capture_kinds(), "quotes-demo-quotes": Quotes()}
        lib = load_paths([("x", tmp_path / "cimis-quotes-demo" / "cimis_quotes_demo" / "methods")], kinds)
        assert lib.problems == []
    finally:
        sys.path.remove(str(tmp_path / "cimis-quotes-demo"))


@pytest.mark.parametrize("name", ["Bad", "with space", "trail-", "a--b", "ü"])
def test_bad_names_are_refused(cli, tmp_path, name):
    result = cli("plugin", "new", name, "--dir", str(tmp_path))
    assert result.exit_code == 1
    assert "is not a valid plugin name" in result.output
    assert list(tmp_path.iterdir()) == []


def test_existing_folder_is_not_touched(cli, tmp_path):
    (tmp_path / "cimis-x").mkdir()
    (tmp_path / "cimis-x" / "keep.txt").write_text("mine")
    result = cli("plugin", "new", "x", "--dir", str(tmp_path))
    assert result.exit_code == 1
    assert "already exists" in result.output
    assert [p.name for p in (tmp_path / "cimis-x").iterdir()] == ["keep.txt"]


def test_example_plugin_is_the_template_filled_in():
    example = REPO / "plugins" / "cimis-example"
    expected = plan_files("example")
    actual = {p.relative_to(example): p.read_text("utf-8") for p in example.rglob("*")
              if p.is_file() and "__pycache__" not in p.parts and ".pytest_cache" not in p.parts}
    assert set(actual) == set(expected)
    for path, content in expected.items():
        assert actual[path] == content, f"plugins/cimis-example/{path} differs from the template"


def test_installed_example_plugin_is_found_through_its_entry_point(tmp_path):
    """pip-install plugins/cimis-example (into a folder on PYTHONPATH) and use it through
    the real entry-point discovery: listed with its version and hooks, its command runs,
    its card shows."""
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--no-build-isolation", "-q",
                    "--target", str(target), str(REPO / "plugins" / "cimis-example")], check=True, capture_output=True)
    env = {**os.environ, "PYTHONPATH": str(target), "CIMIS_CACHE_DIR": str(tmp_path / "cache"),
           "CIMIS_CONFIG": str(tmp_path / "none.toml"), "CIMIS_LANG": "en"}

    def cimis(*args):
        code = f"from toolkit.cli import main; main({list(args)!r})"
        return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=tmp_path)

    import json

    listing = cimis("plugins", "--json")
    assert listing.returncode == 0, listing.stderr
    example = {p["name"]: p for p in json.loads(listing.stdout)}["cimis-example"]
    assert example == {"name": "cimis-example", "version": "0.1.0", "source": "installed", "error": None,
                       "hooks": ["register_capture_kinds", "register_commands", "register_methods"]}
    assert cimis("example-hello", "Meißen").stdout == "Hello, Meißen!\n"
    shown = cimis("methods", "show", "example-quotes", "--json", "--language", "de")
    assert json.loads(shown.stdout)["title"] == "Zitate aus dem Raum"
    env["CIMIS_LOAD_PLUGINS"] = "none-of-them"
    assert "cimis-example" not in cimis("plugins", "--json").stdout
