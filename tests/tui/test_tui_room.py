"""Run mode and the room's phones: what another process (the participant server) commits
shows in run mode at the next poll; moderation on/off and the held cards accepted or
rejected from the terminal; serving switched on and off from run mode (the real server on
loopback), with the join address, code and a QR code; the terminal UI never imports the web
stack to do it. Fake clock, fixed size, no sleeps."""

from __future__ import annotations

import socket
import subprocess
import sys
import urllib.error
import urllib.request

from run_util import START, english_workshop, goto, host_app, run_async, text_of
from toolkit.session.clock import FakeClock
from toolkit.session.engine import Engine

SIZE = (120, 36)


def listed(panel) -> list[str]:
    options = panel.record_list
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def at_ideas(pilot) -> None:
    await goto(pilot, "forge", "ideas")


@run_async
async def test_captures_from_another_process_show_at_the_next_poll(tmp_path):
    from toolkit.tui.screens.run import SYNC_EVERY, TICK_SECONDS

    assert SYNC_EVERY * TICK_SECONDS <= 0.5  # within a second, with room to redraw
    folder = english_workshop(tmp_path)
    clock = FakeClock(START)
    app = host_app(folder, clock)
    async with app.run_test(size=SIZE) as pilot:
        await at_ideas(pilot)
        screen = app.screen
        assert screen.sync() is None  # nothing new: no redraw
        with Engine(folder, clock=clock) as phone:  # what the server does for a phone
            phone.capture({"op": "card", "text": "[bold]From a phone[/bold]"}, participant=True, client_id="p-1")
        worker = screen.sync()
        await worker.wait()
        await pilot.pause()
        assert any("[bold]From a phone[/bold]" in line for line in listed(screen.panel))  # literally
        # the poll reads only what is new: a second look changes nothing
        seq = screen.engine.state.last_seq
        assert screen.sync() is None and screen.engine.state.last_seq == seq


@run_async
async def test_the_poll_runs_on_the_tick(tmp_path):
    """With polling on, every SYNC_EVERY-th tick looks at the store (the interval is Textual's;
    the test calls the tick itself)."""
    from toolkit.tui.screens.run import SYNC_EVERY

    folder = english_workshop(tmp_path)
    clock = FakeClock(START)
    app = host_app(folder, clock, poll=False)
    async with app.run_test(size=SIZE) as pilot:
        await at_ideas(pilot)
        screen = app.screen
        screen.poll = True
        with Engine(folder, clock=clock) as phone:
            phone.capture({"op": "card", "text": "Tick card"}, participant=True)
        for _ in range(SYNC_EVERY):
            screen.tick()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any("Tick card" in line for line in listed(screen.panel))


@run_async
async def test_moderation_from_the_terminal(tmp_path):
    folder = english_workshop(tmp_path)
    clock = FakeClock(START)
    app = host_app(folder, clock)
    async with app.run_test(size=SIZE) as pilot:
        await at_ideas(pilot)
        screen = app.screen
        await pilot.press("ctrl+t")
        assert screen.engine.presenter().moderated
        assert "moderation on" in text_of(screen.query_one("#room-view"))
        with Engine(folder, clock=clock) as phone:
            first = phone.capture({"op": "card", "text": "Keep me"}, participant=True).event.seq
            second = phone.capture({"op": "card", "text": "Spam <script>"}, participant=True).event.seq
        await screen.sync().wait()
        await pilot.pause()
        assert not any("Keep me" in line for line in listed(screen.panel))  # held: not shown yet
        assert "2 held" in text_of(screen.query_one("#room-view"))
        await pilot.press("ctrl+l")
        held = app.screen
        assert held.__class__.__name__ == "HeldScreen"
        assert [str(held.query_one("#held-list").get_option_at_index(i).prompt) for i in range(2)] == [
            f"#{first}  Keep me", f"#{second}  Spam <script>"]
        with Engine(folder, clock=clock) as phone:  # a card arrives while the list is open
            third = phone.capture({"op": "card", "text": "Late card"}, participant=True).event.seq
        await screen.sync().wait()
        await pilot.pause()
        assert held.query_one("#held-list").option_count == 3
        await pilot.press("a")  # the first, highlighted
        await pilot.pause()
        assert "accepted" in text_of(held.query_one("#held-state"))
        await pilot.press("r")  # now the second is highlighted
        await pilot.pause()
        await pilot.press("down", "r")  # and the late one, rejected too
        await pilot.pause()
        assert held.query_one("#held-list").option_count == 0
        # a decision is committed: an independent reader sees it
        with Engine(folder, readonly=True) as reader:
            assert reader.state.status_of(first) == "accepted" and reader.state.status_of(second) == "rejected"
            assert reader.state.status_of(third) == "rejected"
        await pilot.press("a")  # nothing left: says so, changes nothing
        assert "No card is held" in text_of(held.query_one("#held-state"))
        await pilot.press("m")  # moderation off from the list
        assert not screen.engine.presenter().moderated
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        texts = listed(screen.panel)
        assert any("Keep me" in t for t in texts) and not any("Spam" in t for t in texts)


@run_async
async def test_moderation_needs_a_started_session(tmp_path):
    folder = english_workshop(tmp_path)
    app = host_app(folder, FakeClock(START))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t")
        assert "Start the session first" in text_of(app.screen.query_one("#run-status"))
        await pilot.press("ctrl+l")
        assert app.screen.__class__.__name__ == "RunScreen"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@run_async
async def test_serving_is_switched_on_and_off_from_run_mode(tmp_path):
    folder = english_workshop(tmp_path)
    clock = FakeClock(START)
    port = free_port()
    app = host_app(folder, clock)
    app.config = {"serve": {"port": port, "lan": "yes please"}}  # a wrong type is ignored: loopback
    async with app.run_test(size=SIZE) as pilot:
        await at_ideas(pilot)
        screen = app.screen
        await pilot.press("f12")
        room = app.screen
        assert room.__class__.__name__ == "RoomScreen"
        await app.workers.wait_for_complete()
        await pilot.pause()
        prepared = screen.serving
        assert prepared is not None and prepared.bind == "127.0.0.1" and prepared.port == port
        facts = text_of(room.query_one("#room-facts"))
        assert f"http://127.0.0.1:{port}" in facts and prepared.room.code in facts
        assert "Only this computer" in facts
        qr = text_of(room.query_one("#room-qr"))
        assert "█" in qr and len(qr.splitlines()) >= 10
        # the room can reach it: the projector page answers
        with urllib.request.urlopen(prepared.projector_url, timeout=5) as answer:
            assert answer.status == 200
        assert prepared.room.code in text_of(screen.query_one("#room-view"))
        await pilot.press("s")  # off
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.serving is None and screen.server is None
        assert "Not serving" in text_of(room.query_one("#room-state"))
        try:
            urllib.request.urlopen(prepared.projector_url, timeout=2)
            reachable = True
        except (urllib.error.URLError, OSError):
            reachable = False
        assert not reachable
        await pilot.press("s")  # on again, then leaving the app stops it
        await app.workers.wait_for_complete()
        assert screen.serving is not None
        again = screen.serving.projector_url
    try:
        urllib.request.urlopen(again, timeout=2)
        reachable = True
    except (urllib.error.URLError, OSError):
        reachable = False
    assert not reachable


@run_async
async def test_a_taken_port_is_a_message_not_a_crash(tmp_path):
    folder = english_workshop(tmp_path)
    app = host_app(folder, FakeClock(START))
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        app.config = {"serve": {"port": taken.getsockname()[1]}}
        async with app.run_test(size=SIZE) as pilot:
            await at_ideas(pilot)
            screen = app.screen
            await pilot.press("f12")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert screen.serving is None and screen.serve_error
            assert "could not start" in text_of(app.screen.query_one("#room-state"))


@run_async
async def test_a_missing_server_is_a_message(tmp_path):
    folder = english_workshop(tmp_path)
    app = host_app(folder, FakeClock(START))
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen

        def missing(*_args, **_kwargs):
            from toolkit.serving import room_server

            return room_server("toolkit.nowhere:Server")(*_args, **_kwargs)

        screen.server_factory = missing
        await pilot.press("f12")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "not available" in text_of(app.screen.query_one("#room-state"))


def test_the_terminal_ui_does_not_load_the_web_stack():
    """Opening run mode (and the room screens) imports neither toolkit.web nor uvicorn."""
    code = ("import sys; import toolkit.tui.screens.run, toolkit.tui.screens.room, toolkit.tui.screens.programme;"
            "print(sorted(m for m in sys.modules if m.startswith(('toolkit.web', 'uvicorn', 'starlette'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_palette_offers_the_room_in_both_languages():
    from toolkit.i18n.de import MESSAGES
    from toolkit.tui.bindings import DEFAULTS

    for binding_id in ("run.serve", "run.moderation", "run.held"):
        assert DEFAULTS[binding_id][1] in MESSAGES


@run_async
async def test_the_palette_lists_serving_and_moderation_in_run_mode_in_german(tmp_path):
    from toolkit.i18n import set_language
    from toolkit.tui.commands import palette_commands

    folder = english_workshop(tmp_path)
    set_language("de")
    try:
        app = host_app(folder, FakeClock(START))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            found = {c.id: c for c in palette_commands(app, app.screen)}
            assert found["run.serve"].names == ("Handys im Raum", "Room's phones")
            assert "run.moderation" in found and "run.held" in found
            assert hasattr(app.screen, "action_serve")
    finally:
        set_language("en")
