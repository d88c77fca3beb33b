"""The programme package and the store backends are core: they import neither Textual nor
a web stack, and the session engine does not load psycopg unless a database is used."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

MODULES = ["toolkit.programme.model", "toolkit.programme.load", "toolkit.programme.create",
           "toolkit.programme.people", "toolkit.programme.numbers", "toolkit.programme.charts",
           "toolkit.programme.chapters", "toolkit.programme.ledger", "toolkit.session.pgstore",
           "toolkit.session.backend", "toolkit.session.transfer"]
FORBIDDEN = ("textual", "starlette", "uvicorn", "aiohttp", "fastapi", "flask", "toolkit.tui", "toolkit.web")


def imported(code: str) -> set[str]:
    script = f"import sys\n{code}\nimport json; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", script],
                         capture_output=True, text=True, check=True)
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


@pytest.mark.parametrize("module", MODULES)
def test_no_ui_or_web_stack(module):
    found = imported(f"import {module}")
    assert not {m for m in found if m.startswith(FORBIDDEN)}


def test_the_engine_loads_psycopg_only_for_a_database():
    found = imported("import toolkit.session.engine, toolkit.session.backend")
    assert not {m for m in found if m.startswith("psycopg")}
