"""An exception nobody expected: the traceback goes to a log file, the person reads a short
message naming that file, the process exits non-zero, and nothing is lost (captures are
committed before they show, agenda edits are on disk as they are made)."""

from __future__ import annotations

import os

import pytest
import yaml

from run_util import START, english_workshop, goto, host_app, store_records
from toolkit.session.clock import FakeClock
from tui_util import make_app, make_workshop, pilot, steady_tui  # noqa: F401

SIZE = (100, 30)


class Boom(Exception):
    pass


@pilot
async def test_unexpected_error_writes_a_log_and_exits_non_zero(tmp_path, monkeypatch):
    monkeypatch.setenv("CIMIS_LOG_DIR", str(tmp_path / "logs"))
    folder = english_workshop(tmp_path)
    app = host_app(folder, FakeClock(START))
    with pytest.raises(Boom):
        async with app.run_test(size=SIZE) as pilot:
            await goto(pilot, "check-in", "expectations")
            await pilot.press(*"kept", "enter")
            await pilot.pause()

            def explode() -> None:
                raise Boom("a bug nobody expected")

            app.call_later(explode)  # inside the app's message loop, like any handler
            await pilot.pause()
    assert app.return_code == 1
    assert app.crash_log and os.path.dirname(app.crash_log) == str(tmp_path / "logs")
    with open(app.crash_log, encoding="utf-8") as crash_log:
        log = crash_log.read()
    assert "Boom: a bug nobody expected" in log and "Traceback" in log
    message = "".join(str(r) for r in app._exit_renderables) if app._exit_renderables else ""
    assert message == "" or app.crash_log in message
    # what was captured before the crash is in the store
    assert store_records(folder, "check-in", "expectations") == [{"text": "kept"}]


@pilot
async def test_agenda_edits_are_on_disk_when_the_ui_dies(tmp_path, monkeypatch):
    monkeypatch.setenv("CIMIS_LOG_DIR", str(tmp_path / "logs"))
    folder = make_workshop()
    app = make_app(folder, start="agenda")
    with pytest.raises(Boom):
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("down", "down", "down", "plus")
            await pilot.pause()

            def explode() -> None:
                raise Boom("gone")

            app.call_later(explode)  # inside the app's message loop, like any handler
            await pilot.pause()
    assert app.return_code == 1
    plan = yaml.safe_load((folder / "workshop.yaml").read_text("utf-8"))
    talk = next(i for i in plan["agenda"] if i["id"] == "referenzprojekt")
    assert talk["minutes"] == 25


def test_cimis_ui_exits_with_the_apps_status(monkeypatch, tmp_path):
    from toolkit.cli import ui
    from toolkit.tui import app as app_module

    def run(self, *args, **kwargs):
        self._return_code = 1

    monkeypatch.setattr(app_module.CimisApp, "run", run)
    with pytest.raises(SystemExit) as exit_info:
        ui.run_ui(None)
    assert exit_info.value.code == 1


def test_crash_message_names_the_log():
    from toolkit.tui.crash import crash_message

    text = crash_message(Boom("x"), "/tmp/crash.log")
    assert "/tmp/crash.log" in text and "Boom: x" in text
    assert "could not be written" in crash_message(Boom("x"), None)
