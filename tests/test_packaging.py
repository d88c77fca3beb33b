"""A non-editable install works as well as an editable one: the method cards and the
plugin template travel inside the wheel."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from cards_util import REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out),
                    str(REPO)], check=True, capture_output=True)
    return next(out.glob("cimis_toolkit-*.whl"))


def test_wheel_contains_cards_and_template(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    cards = {n for n in names if n.startswith("toolkit/_methods/") and n.endswith(".md")}
    assert "toolkit/_methods/en/speed-dating.md" in cards
    assert len(cards) == len(list((REPO / "methods").rglob("*.md")))
    assert "toolkit/scaffold/template/pyproject.toml.tmpl" in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "cimis = toolkit.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_installed_wheel_finds_its_library(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    env = {**os.environ, "PYTHONPATH": str(target), "CIMIS_CACHE_DIR": str(tmp_path / "cache")}
    code = "from toolkit.cli import main; main(['methods', 'list', '--json'])"
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert len(rows) >= 24
    assert all(row["path"].startswith(str(target)) for row in rows)
