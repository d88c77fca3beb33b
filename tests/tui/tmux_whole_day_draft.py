"""DRAFT, not collected (the name does not start with test_): the keyboard-only whole day
in tmux (create, run every step, capture notes/cards/cluster/dot/room count, reveal on the
projector, finish, sync and build from the palette, open the workbook, quit). It passes the
create/run/capture/finish part in manual runs but still fails on waits for texts that wrap
differently at 80x24 and 120x36 (see the console report); rename to test_*.py once stable."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_tui_tmux import SOCKET, TMUX, keys, screen, tmux, wait_for


def head(session: str) -> str:
    return "\n".join(screen(session).splitlines()[:4])


def goto(session: str, title: str, limit: int = 60) -> None:
    """Page Down until run mode's head shows ``title``, waiting for each step to be drawn
    (a stale screen would make the test page past the step it wants)."""
    for _ in range(limit):
        shown = head(session)
        if title in shown:
            time.sleep(1.0)  # run mode focuses the step's first control once its panel is mounted
            return
        tmux("send-keys", "-t", session, "PageDown")
        end = time.monotonic() + 5
        while head(session) == shown and time.monotonic() < end:
            time.sleep(0.05)
    raise AssertionError(f"never reached the step {title!r}; the screen was:\n{screen(session)}")


def typed(session: str, text: str) -> None:
    tmux("send-keys", "-t", session, "-l", text)
    time.sleep(0.2)


@pytest.mark.parametrize("width, height", [(80, 24), (120, 36)])
def test_a_whole_day_keyboard_only(tmp_path, width, height):
    """From an empty home to a built workbook with the keyboard alone: create a workshop (the
    kickoff example), open it in the agenda builder and run it from there (Ctrl+R),
    run it step by step through every step of the day (each built-in kind's panel is drawn),
    capture notes, cards, a cluster, a dot and a room count, reveal the vote on the projector,
    finish, sync and build the workbook from the palette, open the workbook, quit. Bounded:
    about a minute per size."""
    home = tmp_path / "home"
    home.mkdir()
    session = "day"
    env = {**os.environ, "HOME": str(home), "CIMIS_LANG": "en", "TERM": "xterm-256color", "TZ": "UTC",
           "CIMIS_LOG_DIR": str(tmp_path / "logs"), "TEXTUAL_ANIMATIONS": "none"}
    command = f"{sys.executable} -m toolkit ui; echo EXIT=$?; sleep 30"
    subprocess.run([TMUX, "-L", SOCKET, "new-session", "-d", "-x", str(width), "-y", str(height), "-s", session,
                    "sh", "-c", command], check=True, env=env, cwd=Path(__file__).resolve().parents[2])
    started = time.monotonic()
    try:
        wait_for(session, "New workshop")
        keys(session, "n")
        wait_for(session, "Folder for the workshop")
        keys(session, "Enter")
        wait_for(session, "Created")
        wait_for(session, "Add method")  # the agenda builder (planning keys: see test_tui_agenda)
        keys(session, "C-r")
        wait_for(session, "Not started")
        keys(session, "PageDown")
        goto(session, "Collect expectations")
        typed(session, "[/archive] Partner for [bold]our[/bold] museum")
        keys(session, "Enter")
        assert "[/archive] Partner" in wait_for(session, "committed to the session store")
        goto(session, "Forge ideas")
        for idea in ("Tablet job sheet", "Audio guide"):
            typed(session, idea)
            keys(session, "Enter")
        wait_for(session, "Audio guide")
        goto(session, "Cluster the ideas")
        keys(session, "Tab", "space", "BTab")
        typed(session, "/group Digital")
        keys(session, "Enter")
        wait_for(session, "Digital  (1)")
        goto(session, "Vote with dots")
        wait_for(session, "Room count")
        keys(session, "Tab")
        typed(session, "7")
        keys(session, "Enter")
        wait_for(session, "Room count → Digital (7)")
        keys(session, "Tab", "Enter")  # one dot from the first voter on the highlighted item
        wait_for(session, "→ Digital (1)")
        keys(session, "F9", "F7")  # reveal, then look at the projector
        wait_for(session, "7 dots were counted in the room")
        keys(session, "Escape")
        # every remaining step of the day, then finish
        for _ in range(40):
            if "Finish the session?" in screen(session):
                break
            keys(session, "PageDown", pause=0.15)
        wait_for(session, "Finish the session?")
        keys(session, "y")
        wait_for(session, "Session finished")
        keys(session, "C-p")
        typed(session, "sync and build")
        wait_for(session, "Sync and build the workbook (HTML)")
        keys(session, "Enter")
        wait_for(session, "Workbook built", deadline=40)
        assert list(home.glob("cimis/*/workbook/**/index.html"))
        keys(session, "C-p")
        typed(session, "Workbook")
        wait_for(session, "Werkbuch")  # the palette offers both languages
        keys(session, "Enter")
        wait_for(session, "opens it in the editor")
        keys(session, "Escape", "C-q")
        shown = wait_for(session, "EXIT=")
        assert "EXIT=0" in shown and "Traceback" not in shown
        assert not list((tmp_path / "logs").glob("*")) if (tmp_path / "logs").exists() else True
        assert time.monotonic() - started < 90
    finally:
        subprocess.run([TMUX, "-L", SOCKET, "kill-server"], capture_output=True)
