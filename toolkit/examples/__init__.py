"""Bundled example workshop plans (``cimis new DIR --example NAME``, ``cimis demo --example
NAME``): one folder per example, holding its plan once per language.

``workshop.yaml`` is the German plan (the programme's own language, and the file older
tooling knows), ``workshop.en.yaml`` its English twin: same agenda and timings, item ids and
comments in the plan's language. :func:`example_plan` picks the file for a language.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent

#: plan file per language inside an example folder
PLAN_FILES = {"de": "workshop.yaml", "en": "workshop.en.yaml"}


def example_names() -> list[str]:
    """Names of the bundled examples."""
    return sorted(p.name for p in ROOT.iterdir() if (p / PLAN_FILES["de"]).is_file())


def example_path(name: str) -> Path:
    """The folder of example ``name`` (which may not exist)."""
    return ROOT / name


def example_languages(name: str) -> list[str]:
    """The languages example ``name`` exists in."""
    folder = example_path(name)
    return [lang for lang, file in PLAN_FILES.items() if (folder / file).is_file()]


def example_plan(name: str, language: str) -> Path:
    """The plan file of example ``name`` in ``language``; the German plan when there is no
    translation (so a plugin's example with only ``workshop.yaml`` still works)."""
    folder = example_path(name)
    path = folder / PLAN_FILES.get(language, PLAN_FILES["de"])
    return path if path.is_file() else folder / PLAN_FILES["de"]
