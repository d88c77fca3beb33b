"""The serving screen of run mode checks which addresses the room can reach, with the same
function as ``cimis serve`` (:func:`toolkit.serving.reachable`), and says plainly when no
address can be reached from outside. The real server listens on every address; the "no
address" case replaces the machine's address list with one that cannot answer. Fixed size,
fake clock."""

from __future__ import annotations

import socket

from run_util import START, english_workshop, goto, host_app, run_async, text_of
from toolkit.session.clock import FakeClock

SIZE = (120, 36)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def serve_and_wait(pilot):
    app = pilot.app
    await goto(pilot, "forge", "ideas")
    run = app.screen
    await pilot.press("f12")
    room = app.screen
    await app.workers.wait_for_complete()  # starting, then checking the addresses
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    return run, room


@run_async
async def test_on_the_network_the_screen_lists_what_answers_like_cimis_serve(tmp_path):
    from toolkit.serving import reachability_lines, reachable

    app = host_app(english_workshop(tmp_path), FakeClock(START))
    port = free_port()
    app.config = {"serve": {"port": port, "lan": True}}
    async with app.run_test(size=SIZE) as pilot:
        run, room = await serve_and_wait(pilot)
        assert run.serving is not None and run.serving.bind == "0.0.0.0"
        shown = text_of(room.query_one("#room-reach"))
        lines, advice, _outside = reachability_lines(reachable("0.0.0.0", port), port)
        assert f"http://127.0.0.1:{port}  answers" in shown
        for line in lines:
            assert line in shown
        assert advice.split(":")[0] in shown
        run.stop_serving()


@run_async
async def test_no_address_reachable_from_outside_is_said_plainly(tmp_path, monkeypatch):
    import toolkit.serving

    # the machine's only other address is one that nobody answers on (TEST-NET-1)
    monkeypatch.setattr(toolkit.serving, "local_addresses", lambda: ["192.0.2.77", "127.0.0.1"])
    app = host_app(english_workshop(tmp_path), FakeClock(START))
    port = free_port()
    app.config = {"serve": {"port": port, "lan": True}}
    async with app.run_test(size=SIZE) as pilot:
        run, room = await serve_and_wait(pilot)
        reach = room.query_one("#room-reach")
        shown = text_of(reach)
        assert f"http://192.0.2.77:{port}  does not answer" in shown
        assert "No address of this computer can be reached from outside: phones cannot join" in shown
        assert reach.has_class("-error")
        run.stop_serving()


@run_async
async def test_in_german(tmp_path, monkeypatch):
    import toolkit.serving
    from toolkit.i18n import set_language

    monkeypatch.setattr(toolkit.serving, "local_addresses", lambda: ["192.0.2.77", "127.0.0.1"])
    set_language("de")
    try:
        app = host_app(english_workshop(tmp_path), FakeClock(START))
        port = free_port()
        app.config = {"serve": {"port": port, "lan": True}}
        async with app.run_test(size=SIZE) as pilot:
            run, room = await serve_and_wait(pilot)
            shown = text_of(room.query_one("#room-reach"))
            assert "antwortet nicht" in shown, shown
            run.stop_serving()
    finally:
        set_language("en")
