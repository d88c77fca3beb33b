"""Fixtures for the session tests: a workshop folder whose plan uses two small capture kinds
from a local test plugin (``plugin/``), in-process and for child processes."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
PLUGIN_DIR = HERE / "plugin"
PLAN = HERE / "workshop.yaml"


@pytest.fixture
def plugin_env(monkeypatch):
    """Load the test plugin (through ``CIMIS_PLUGINS_DIR``, like a user's local plugins)."""
    monkeypatch.setenv("CIMIS_PLUGINS_DIR", str(PLUGIN_DIR))
    from toolkit.plugins import reset_host

    reset_host()
    yield
    reset_host()


@pytest.fixture
def workshop(tmp_path, plugin_env) -> Path:
    """A fresh workshop folder with the test plan and no session yet."""
    folder = tmp_path / "workshop"
    folder.mkdir()
    shutil.copy(PLAN, folder / "workshop.yaml")
    return folder


@pytest.fixture
def child_env(workshop) -> dict[str, str]:
    """Environment for a ``python -m toolkit`` child that sees the same plugins and cache."""
    env = dict(os.environ)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env
