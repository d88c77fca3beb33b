"""Bundled example workshop folders (``cimis new DIR --example NAME``): one folder per example
holding its ``workshop.yaml``."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent


def example_names() -> list[str]:
    """Names of the bundled examples."""
    return sorted(p.name for p in ROOT.iterdir() if (p / "workshop.yaml").is_file())


def example_path(name: str) -> Path:
    """The folder of example ``name`` (which may not exist)."""
    return ROOT / name
