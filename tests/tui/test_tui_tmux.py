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


def tmux(*args: str) -> str:
    return subprocess.run([TMUX, *args], capture_output=True, text=True, check=True).stdout


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


def test_run_mode_in_a_real_terminal(tmp_path):
    folder = english_workshop(tmp_path)
    session = f"cimis-test-{uuid.uuid4().hex[:8]}"
    env = {**os.environ, "CIMIS_LANG": "en", "TERM": "xterm-256color"}
    command = f"{sys.executable} -m toolkit ui {folder}"
    subprocess.run([TMUX, "new-session", "-d", "-x", "120", "-y", "36", "-s", session, command],
                   check=True, env=env, cwd=Path(__file__).resolve().parents[2])
    try:
        wait_for(session, "Not started")
        tmux("send-keys", "-t", session, "PageDown")
        wait_for(session, "Session started")
        for _ in range(3):  # welcome -> check-in: arrival, round, expectations
            tmux("send-keys", "-t", session, "PageDown")
            time.sleep(0.2)
        wait_for(session, "Collect expectations")
        tmux("send-keys", "-t", session, "-l", "Partner for our museum")
        tmux("send-keys", "-t", session, "Enter")
        shown = wait_for(session, "committed to the session store")
        assert "Partner for our museum" in shown
        assert store_records(folder, "check-in", "expectations") == [{"text": "Partner for our museum"}]
        tmux("send-keys", "-t", session, "F5")
        wait_for(session, "PAUSED")
    finally:
        subprocess.run([TMUX, "kill-session", "-t", session], capture_output=True)
