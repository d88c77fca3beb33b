"""The web stack stays out of the core: the engine, the store, the capture kinds (which
name their web forms only as strings) and `cimis --help` import no Starlette, uvicorn,
Jinja2 or segno."""

from __future__ import annotations

import subprocess
import sys

WEB = ("starlette", "uvicorn", "jinja2", "segno", "anyio")


def imported_by(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys\nprint('\\n'.join(sys.modules))"],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return {m.split(".")[0] for m in out.stdout.split()}


def test_core_and_kinds_import_no_web_stack():
    found = imported_by("import toolkit.session.engine, toolkit.session.state, toolkit.capture.kinds")
    assert not found & set(WEB), found & set(WEB)


def test_cli_help_imports_no_web_stack():
    found = imported_by("from toolkit.cli import main\nimport sys\nsys.argv=['cimis','--help']\n"
                        "try:\n    main()\nexcept SystemExit:\n    pass")
    assert not found & set(WEB), found & set(WEB)
