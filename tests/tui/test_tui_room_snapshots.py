"""SVG snapshots of the room's screens in run mode (serving with the join address, code and
QR code; the cards held for moderation) and of the programme screen, in English and German at
80x24 and 120x36, frozen clock (``--snapshot-update`` writes the baselines). The serving
snapshot runs the real participant server on loopback with fixed secrets."""

from __future__ import annotations

import json
import socket

import pytest

from run_util import START, english_workshop, host_app, kickoff_workshop
from toolkit.i18n import set_language
from toolkit.session.clock import FakeClock
from toolkit.session.engine import Engine
from tui_util import steady_tui  # noqa: F401

SIZES = pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])
LANGS = pytest.mark.parametrize("lang", ["en", "de"])
PORT = 8397  # fixed: the address is part of the picture


def at_ideas(tmp_path, lang: str):
    set_language(lang)
    clock = FakeClock(START)
    if lang == "de":
        folder, step = kickoff_workshop(tmp_path), ("ideenschmiede", "ideas")
    else:
        folder, step = english_workshop(tmp_path), ("forge", "ideas")
    with Engine(folder, clock=clock) as engine:
        engine.go_to(*step)
    return folder, clock


@SIZES
@LANGS
def test_serving_snapshot(snap_compare, tmp_path, size, lang):
    from toolkit.web.room import SECRETS_FILE

    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", PORT))
        except OSError:
            pytest.skip(f"port {PORT} is taken on this machine")
    folder, clock = at_ideas(tmp_path, lang)
    (folder / SECRETS_FILE).write_text(json.dumps({"key": "00" * 32, "code": "KX7P3M", "facilitator": "f" * 32}),
                                       encoding="utf-8")
    app = host_app(folder, clock)
    app.config = {"serve": {"port": PORT}}

    async def serve(pilot) -> None:
        await pilot.press("f12")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=serve)


@SIZES
@LANGS
def test_held_cards_snapshot(snap_compare, tmp_path, size, lang):
    folder, clock = at_ideas(tmp_path, lang)
    with Engine(folder, clock=clock) as engine:
        engine.set_moderation(True)
        engine.capture({"op": "card", "text": "Werkstatt-Tablet statt Laufzettel" if lang == "de"
                        else "Workshop tablet instead of job sheets"}, participant=True)
        engine.capture({"op": "card", "text": "[red]not markup[/red]"}, participant=True)

    async def held(pilot) -> None:
        await pilot.press("ctrl+l")
        await pilot.pause()

    assert snap_compare(host_app(folder, clock), terminal_size=size, run_before=held)


@pytest.fixture(scope="module")
def programmes(tmp_path_factory):
    from test_tui_programme import make_programme

    return {lang: make_programme(tmp_path_factory.mktemp(f"programme-{lang}"), lang) for lang in ("en", "de")}


@SIZES
@LANGS
def test_programme_snapshot(snap_compare, programmes, size, lang):
    from tui_util import make_app

    async def settle(pilot) -> None:
        await pilot.pause()
        await pilot.pause()

    assert snap_compare(make_app(programmes[lang], lang=lang), terminal_size=size, run_before=settle)
