"""The plugin host: built-ins through the same hooks, installed and local plugins, failures
isolated and reported, ``CIMIS_LOAD_PLUGINS`` and ``CIMIS_STRICT_PLUGINS``."""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

import pytest

from cards_util import write_pair
from toolkit.plugins import DEFAULT_PLUGINS, PluginHost, reset_host


class FakeEntryPoint:
    """An installed plugin: a module written into tmp_path, loaded like an entry point."""

    def __init__(self, name: str, folder: Path, source: str):
        self.name = self.dist = name
        self.version = "1.2.3"
        self.module = f"plug_{name.replace('-', '_')}"
        (folder / f"{self.module}.py").write_text(textwrap.dedent(source), "utf-8")
        self.folder = folder

    def load(self):
        sys.path.insert(0, str(self.folder))
        try:
            sys.modules.pop(self.module, None)
            return __import__(self.module)
        finally:
            sys.path.remove(str(self.folder))


GOOD = """
    from pathlib import Path
    import click
    from toolkit import hookimpl

    @hookimpl
    def register_methods(register):
        register(Path(__file__).parent / "cards")

    @hookimpl
    def register_commands(cli):
        @cli.command(name="hello")
        def hello():
            click.echo("hello from a plugin")
"""


def install(monkeypatch, *entry_points):
    """Make the process-wide host see these entry points."""
    import toolkit.entrypoints

    monkeypatch.setattr(toolkit.entrypoints, "installed", lambda: list(entry_points))
    reset_host()


def test_builtins_are_registered_through_hooks():
    host = PluginHost(environ={}, config={}, entry_points=[]).load()
    infos = {info.name: info for info in host.plugin_infos()}
    assert set(DEFAULT_PLUGINS) <= set(infos)
    assert infos["toolkit.default_plugins.methods"].hooks == ["register_methods"]
    assert all(info.source == "built-in" and info.error is None for info in infos.values())


def test_installed_plugin_adds_methods_and_commands(cli, tmp_path, monkeypatch):
    write_pair(tmp_path / "cards", id="plugin-method")
    install(monkeypatch, FakeEntryPoint("good", tmp_path, GOOD))
    assert cli("hello").output == "hello from a plugin\n"
    listing = json.loads(cli("methods", "list", "--json").stdout)
    assert "plugin-method" in {row["id"] for row in listing}
    plugins = {p["name"]: p for p in json.loads(cli("plugins", "--json").stdout)}
    assert plugins["good"] == {"name": "good", "version": "1.2.3", "source": "installed",
                               "hooks": ["register_commands", "register_methods"], "error": None}


@pytest.mark.parametrize("source, stage", [
    ("raise RuntimeError('boom at import')", "failed to import: RuntimeError: boom at import"),
    ("""
     from toolkit import hookimpl
     @hookimpl
     def register_methods(register):
         raise ValueError('boom in hook')
     """, "raised in register_methods: ValueError: boom in hook"),
    ("""
     from toolkit import hookimpl
     @hookimpl
     def register_commands(cli):
         @cli.command(name="half")
         def half():
             pass
         raise KeyError('late')
     """, "raised in register_commands: KeyError: 'late'"),
    ("""
     from toolkit import hookimpl
     @hookimpl
     def register_methodz(register):
         pass
     """, "invalid plugin: "),
])
def test_broken_plugin_is_reported_and_skipped(cli, tmp_path, monkeypatch, source, stage):
    install(monkeypatch, FakeEntryPoint("broken", tmp_path, source))
    listing = cli("plugins", "--json")
    assert listing.exit_code == 0, listing.output
    broken = {p["name"]: p for p in json.loads(listing.stdout)}["broken"]
    assert broken["error"].startswith(stage), broken["error"]
    # every other command keeps working
    methods = cli("methods", "list", "--json")
    assert methods.exit_code == 0
    assert "half" not in cli("--help").output
    table = cli("plugins")
    assert "broken" in table.output and "1 plugin(s) failed and were skipped." in table.output


def test_strict_plugins_turns_failure_into_error(tmp_path, monkeypatch, capsys):
    install(monkeypatch, FakeEntryPoint("broken", tmp_path, "raise RuntimeError('boom')"))
    monkeypatch.setenv("CIMIS_STRICT_PLUGINS", "1")
    from toolkit.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(["methods", "list"])
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert "plugin 'broken': failed to import: RuntimeError: boom" in err
    assert "Traceback" not in err


def test_load_plugins_limits_installed_plugins(cli, tmp_path, monkeypatch):
    install(monkeypatch, FakeEntryPoint("good", tmp_path, GOOD), FakeEntryPoint("other", tmp_path, GOOD))
    names = {p["name"] for p in json.loads(cli("plugins", "--json", env={"CIMIS_LOAD_PLUGINS": "other"}).stdout)}
    assert "other" in names and "good" not in names
    assert set(DEFAULT_PLUGINS) <= names  # built-ins always load
    names = {p["name"] for p in json.loads(cli("plugins", "--json", env={"CIMIS_LOAD_PLUGINS": ""}).stdout)}
    assert names == set(DEFAULT_PLUGINS)


def test_local_plugin_folder_from_config(cli, tmp_path, monkeypatch):
    folder = tmp_path / "local"
    folder.mkdir()
    (folder / "mine.py").write_text(textwrap.dedent(GOOD).replace('"cards"', '"../cards"'), "utf-8")
    write_pair(tmp_path / "cards", id="local-method")
    config = tmp_path / "config.toml"
    config.write_text('plugins_dir = "local"\n', "utf-8")
    monkeypatch.setenv("CIMIS_CONFIG", str(config))
    assert cli("hello").output == "hello from a plugin\n"
    plugins = {p["name"]: p for p in json.loads(cli("plugins", "--json").stdout)}
    assert plugins["mine"]["source"] == "local"


def test_broken_config_is_a_clear_error(tmp_path, monkeypatch, capsys):
    config = tmp_path / "config.toml"
    config.write_text('plugin_dir = "typo"\n', "utf-8")
    monkeypatch.setenv("CIMIS_CONFIG", str(config))
    reset_host()
    from toolkit.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(["methods", "list"])
    assert exit_info.value.code == 1
    assert f"{config}: unknown setting 'plugin_dir'" in capsys.readouterr().err


def test_duplicate_capture_kind_is_reported(cli, tmp_path, monkeypatch):
    source = """
        from toolkit import hookimpl
        from toolkit.capture.kinds import BUILTIN_KINDS

        @hookimpl
        def register_capture_kinds(register):
            register(BUILTIN_KINDS[0]())
    """
    install(monkeypatch, FakeEntryPoint("dupe", tmp_path, source))
    plugins = {p["name"]: p for p in json.loads(cli("plugins", "--json").stdout)}
    error = plugins["dupe"]["error"]
    # both plugins are named, and where the second one registered it
    assert "is already registered by plugin 'toolkit.default_plugins.capture_kinds'" in error
    assert "of plugin 'dupe'" in error and "plug_dupe.py:7" in error
    from toolkit import registry

    assert set(registry.kind_providers().values()) == {"toolkit.default_plugins.capture_kinds"}


def _dist(folder: Path, info: str, headers: str, entry_points: str | None) -> None:
    (folder / info).mkdir(parents=True)
    (folder / info / ("METADATA" if info.endswith(".dist-info") else "PKG-INFO")).write_text(
        headers + "\n\nName: not-a-header (the description)\n", "utf-8")
    if entry_points is not None:
        (folder / info / "entry_points.txt").write_text(entry_points, "utf-8")


def test_entry_point_scan_finds_what_importlib_metadata_finds(tmp_path, monkeypatch):
    """The scan reads entry_points.txt itself (importlib.metadata costs a first build more
    than click): it must find the same plugins, names, values, distributions and versions."""
    import zipfile

    import toolkit.entrypoints as eps

    first, second = tmp_path / "first", tmp_path / "second"
    _dist(first, "cimis_alpha-1.0.dist-info", "Metadata-Version: 2.1\nName: Cimis.Alpha\nVersion: 1.0",
          "[console_scripts]\nalpha = alpha:main\n\n# a comment\n[cimis]\nalpha = cimis_alpha.plugin\n"
          "  spaced   =   cimis_alpha.other:Plugin.hooks  \n")
    # the same distribution further down sys.path is shadowed, as for imports
    _dist(second, "cimis_alpha-0.9.dist-info", "Name: cimis-alpha\nVersion: 0.9", "[cimis]\nold = old.plugin\n")
    # an egg-info folder (setup.py develop), a distribution without entry points, another group
    _dist(second, "cimis_beta.egg-info", "Metadata-Version: 1.0\nName: cimis-beta\nVersion: 2.3",
          "[cimis]\nbeta = beta\n")
    _dist(second, "plain-1.0.dist-info", "Name: plain\nVersion: 1.0", None)
    _dist(second, "other-1.0.dist-info", "Name: other\nVersion: 1.0", "[pytest11]\nx = y\n")
    # a name taken twice: the first distribution on sys.path keeps it
    _dist(second, "cimis_gamma-1.0.dist-info", "Name: cimis-gamma\nVersion: 1.0", "[cimis]\nalpha = gamma.plugin\n")
    monkeypatch.setattr(sys, "path", ["", str(first), str(tmp_path / "missing"), str(second)])

    def found(entry_points):
        return sorted(tuple(ep.as_dict().values()) for ep in entry_points)

    assert found(eps._scan()) == found(eps._scan_metadata()) == [
        ("alpha", "cimis_alpha.plugin", "Cimis.Alpha", "1.0"),
        ("beta", "beta", "cimis-beta", "2.3"),
        ("spaced", "cimis_alpha.other:Plugin.hooks", "Cimis.Alpha", "1.0")]

    # a zip archive on sys.path: importlib.metadata reads it
    archive = tmp_path / "dists.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("zipped-1.0.dist-info/METADATA", "Name: zipped\nVersion: 1.0\n")
        zf.writestr("zipped-1.0.dist-info/entry_points.txt", "[cimis]\nzipped = zipped.plugin\n")
    monkeypatch.setattr(sys, "path", ["", str(archive), str(first)])
    assert ("zipped", "zipped.plugin", "zipped", "1.0") in found(eps._scan())
    assert found(eps._scan()) == found(eps._scan_metadata())


def test_entry_point_scan_matches_this_installation():
    import toolkit.entrypoints as eps

    assert sorted(ep.as_dict().items() for ep in eps._scan()) == \
        sorted(ep.as_dict().items() for ep in eps._scan_metadata())


def test_entry_point_cache_is_invalidated_by_install(tmp_path, monkeypatch):
    import toolkit.entrypoints as eps

    calls = []
    monkeypatch.setattr(eps, "_scan", lambda: calls.append(1) or [])
    monkeypatch.setattr(sys, "path", ["", str(tmp_path)])
    eps.installed()
    eps.installed()
    assert len(calls) == 1
    (tmp_path / "new_dist-1.0.dist-info").mkdir()  # what an install does to site-packages
    eps.installed()
    assert len(calls) == 2
