"""Fixtures shared by every test: an isolated cache, config and language per test, and a
CLI runner that goes through the same entry point as the ``cimis`` script."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def isolated_env(tmp_path_factory, monkeypatch):
    """No test reads the real home's cache or config, or depends on the machine's locale."""
    base = tmp_path_factory.mktemp("cimis-env")
    monkeypatch.setenv("CIMIS_CACHE_DIR", str(base / "cache"))
    monkeypatch.setenv("CIMIS_CONFIG", str(base / "config.toml"))
    monkeypatch.setenv("CIMIS_LANG", "en")
    for var in ("CIMIS_LOAD_PLUGINS", "CIMIS_STRICT_PLUGINS", "CIMIS_PLUGINS_DIR", "CIMIS_NO_CACHE"):
        monkeypatch.delenv(var, raising=False)
    from toolkit.i18n import set_language
    from toolkit.plugins import reset_host

    reset_host()
    set_language("en")
    yield
    reset_host()
    set_language("en")


class Cli:
    """Runs ``cimis`` in-process: ``cli("methods", "list")`` -> click Result."""

    def __init__(self, monkeypatch):
        self.runner = CliRunner()
        self.monkeypatch = monkeypatch

    def __call__(self, *args: str, input: str | None = None, env: dict[str, str] | None = None):
        from toolkit.cli import build_cli

        for key, value in (env or {}).items():
            if value is None:
                self.monkeypatch.delenv(key, raising=False)
            else:
                self.monkeypatch.setenv(key, value)
        from toolkit.plugins import reset_host

        reset_host()
        return self.runner.invoke(build_cli(), list(args), input=input, catch_exceptions=True, prog_name="cimis")


@pytest.fixture
def cli(monkeypatch) -> Cli:
    return Cli(monkeypatch)
