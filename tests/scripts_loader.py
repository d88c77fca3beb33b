"""Import the repository's ``scripts/*.py`` (not a package) in tests."""

from __future__ import annotations

import importlib.util
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"


def screenshot_module():
    spec = importlib.util.spec_from_file_location("guide_screenshots", SCRIPTS / "guide_screenshots.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
