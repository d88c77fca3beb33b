"""Run mode in a real terminal: ``cimis ui DIR`` inside tmux (120x36), driven with
``send-keys`` and read with ``capture-pane`` as a person would see it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from run_util import english_workshop, store_records

TMUX = shutil.which("tmux")
pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed; the real-terminal test needs it")


SOCKET = f"cimis-test-{uuid.uuid4().hex[:8]}"  # a private tmux server: never another one's sessions


def tmux(*args: str) -> str:
    return subprocess.run([TMUX, "-L", SOCKET, *args], capture_output=True, text=True, check=True).stdout


def screen(session: str) -> str:
    return tmux("capture-pane", "-p", "-t", session)


def wait_for(session: str, text: str, deadline: float = 20.0) -> str:
    """Poll the pane until ``text`` shows (bounded), instead of sleeping a fixed time."""
    end = time.monotonic() + deadline
    shown = ""
    while time.monotonic() < end:
        shown = screen(session)
        if text in shown:
            return shown
        time.sleep(0.1)
    raise AssertionError(f"{text!r} did not show within {deadline} s; the screen was:\n{shown}")


def keys(session: str, *names: str, pause: float = 0.2) -> None:
    for name in names:
        tmux("send-keys", "-t", session, name)
        time.sleep(pause)


@pytest.mark.parametrize("width, height", [(80, 24), (120, 36)])
def test_run_mode_in_a_real_terminal(tmp_path, width, height):
    """Keyboard only, at both sizes: start, capture text that looks like markup, pause,
    reveal on the projector, black screen, finish, quit: no traceback, exit status 0."""
    folder = english_workshop(tmp_path)
    session = "cimis"
    env = {**os.environ, "CIMIS_LANG": "en", "TERM": "xterm-256color", "CIMIS_LOG_DIR": str(tmp_path / "logs")}
    command = f"{sys.executable} -m toolkit ui {folder}; echo EXIT=$?; sleep 30"
    subprocess.run([TMUX, "-L", SOCKET, "new-session", "-d", "-x", str(width), "-y", str(height), "-s", session,
                    "sh", "-c", command], check=True, env=env, cwd=Path(__file__).resolve().parents[2])
    try:
        wait_for(session, "Not started")
        keys(session, "PageDown")
        wait_for(session, "Session started")
        keys(session, "PageDown", "PageDown", "PageDown")  # welcome -> check-in: arrival, round, expectations
        wait_for(session, "Collect expectations")
        tmux("send-keys", "-t", session, "-l", "[/archive] Partner for [bold]our[/bold] museum")
        keys(session, "Enter")
        shown = wait_for(session, "committed to the session store")
        assert "[/archive] Partner" in shown  # shown literally (the list may wrap the rest)
        assert store_records(folder, "check-in", "expectations") == [
            {"text": "[/archive] Partner for [bold]our[/bold] museum"}]
        keys(session, "F5")
        wait_for(session, "PAUSED")
        keys(session, "F5", "F9")  # resume; hide the notes from the room
        wait_for(session, "hidden from the room")
        keys(session, "F7")
        wait_for(session, "results follow")
        keys(session, "Escape", "F9")
        wait_for(session, "sees the results")
        keys(session, "C-b")
        wait_for(session, "Black screen")
        keys(session, "C-b", "C-f")
        wait_for(session, "Finish the session?")
        keys(session, "y")
        wait_for(session, "Session finished")
        keys(session, "C-q")
        shown = wait_for(session, "EXIT=")
        assert "EXIT=0" in shown and "Traceback" not in shown
    finally:
        subprocess.run([TMUX, "-L", SOCKET, "kill-server"], capture_output=True)
