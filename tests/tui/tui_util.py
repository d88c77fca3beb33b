"""Shared by the terminal UI tests: an app factory, a frozen clock, a fixed terminal size and
an autouse fixture that removes what would make runs differ (time zone, animations, the
home folder, the language)."""

from __future__ import annotations

import asyncio
import functools
import shutil
import time
from pathlib import Path

import pytest

from toolkit.session.clock import FakeClock

SIZE = (120, 36)
#: 2026-03-12 08:00 UTC, the morning of the kickoff example.
FROZEN = 1_773_302_400.0
#: The first kickoff example, frozen: the UI tests count its rows and times (the bundled example
#: now follows the programme's published day and may change with it).
KICKOFF = Path(__file__).resolve().parent / "fixtures" / "kickoff-v1.yaml"


def pilot(fn):
    """Run an ``async def`` test in its own event loop (no asyncio plugin needed)."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return asyncio.run(fn(*args, **kwargs))

    return wrapper


@pytest.fixture(autouse=True)
def steady_tui(tmp_path_factory, monkeypatch):
    """UTC, no animations, a fixed home folder (paths show as ``~/...``), English."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("TZ", "UTC")
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    monkeypatch.delenv("CIMIS_EXIT_WHEN_READY", raising=False)
    time.tzset()
    from toolkit.i18n import set_language

    set_language("en")
    yield home
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(FROZEN)


def make_app(folder: Path | None = None, *, lang: str = "en", clock: FakeClock | None = None,
             config: dict | None = None, **kwargs):
    """The app as the tests run it: frozen clock, given language, no animations."""
    from toolkit.i18n import set_language
    from toolkit.tui.app import CimisApp

    set_language(lang)
    app = CimisApp(folder, clock=clock or FakeClock(FROZEN), config={} if config is None else config, **kwargs)
    app.animation_level = "none"
    return app


def make_workshop(name: str = "kickoff") -> Path:
    """A copy of the kickoff example in ``~/workshops/NAME`` (the test's home)."""
    folder = Path.home() / "workshops" / name
    folder.mkdir(parents=True)
    shutil.copy(KICKOFF, folder / "workshop.yaml")
    (folder / "workbook").mkdir()
    return folder
