"""Structural guarantees: the core never imports Textual, and ``cimis --help`` imports
nothing heavy (commands load what they need when they run)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

CORE = ["toolkit.cards.library", "toolkit.cards.parse", "toolkit.plugins", "toolkit.registry",
        "toolkit.capture.kinds", "toolkit.cli.methods", "toolkit.markdown"]
OPTIONAL_CORE = ["toolkit.plan", "toolkit.session.store", "toolkit.session.engine"]


def imported_after(code: str, env: dict[str, str] | None = None) -> set[str]:
    script = f"import sys\n{code}\nimport json; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env)
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


@pytest.mark.parametrize("module", CORE + OPTIONAL_CORE)
def test_core_never_imports_textual(module):
    # no importorskip: a core module that fails to import is a failure, not a skip
    modules = imported_after(f"import {module}")
    assert not {m for m in modules if m == "textual" or m.startswith("textual.")}


def test_help_imports_nothing_heavy(tmp_path):
    import os

    env = {**os.environ, "CIMIS_CACHE_DIR": str(tmp_path), "CIMIS_CONFIG": str(tmp_path / "none.toml")}
    code = "from toolkit.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass"
    imported_after(code, env)  # the first run fills the entry-point cache
    modules = imported_after(code, env)
    heavy = {"pydantic", "yaml", "rich", "textual", "markdown_it", "sqlite3", "importlib.metadata"}
    assert not (heavy & modules), heavy & modules
