"""SVG snapshots of run mode (idea cards, the jury grid), the projector (results revealed,
and hidden) in English and German, at 80x24 and 120x36 with a frozen clock
(``--snapshot-update`` writes the baselines)."""

from __future__ import annotations

import pytest

from run_util import START, english_workshop, host_app, kickoff_workshop
from toolkit.i18n import set_language
from toolkit.session.clock import FakeClock
from toolkit.session.engine import Engine

SIZES = pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])


def prepared(tmp_path, lang: str):
    """A workshop in ``lang`` with a session at its idea-cards step, some cards captured and
    four and a half minutes gone."""
    set_language(lang)
    clock = FakeClock(START)
    if lang == "de":
        folder, step, cards = kickoff_workshop(tmp_path), ("ideenschmiede", "ideas"), [
            "Laufzettel als Tablet-Formular", "Audioguide mit Stimmen aus dem Ort", "QR-Codes an jedem Werkstück"]
    else:
        folder, step, cards = english_workshop(tmp_path), ("forge", "ideas"), [
            "Job sheet as a tablet form", "Audio guide with local voices", "QR codes on every workpiece"]
    with Engine(folder, clock=clock) as engine:
        engine.go_to(*step)
        for text in cards:
            engine.capture({"op": "card", "text": text}, author="lena")
    clock.advance(270)
    return folder, clock


@SIZES
@pytest.mark.parametrize("lang", ["en", "de"])
def test_run_mode_snapshot(snap_compare, tmp_path, size, lang):
    folder, clock = prepared(tmp_path, lang)
    assert snap_compare(host_app(folder, clock), terminal_size=size)


@SIZES
@pytest.mark.parametrize("lang", ["en", "de"])
def test_projector_snapshot(snap_compare, tmp_path, size, lang):
    folder, clock = prepared(tmp_path, lang)
    assert snap_compare(host_app(folder, clock, projector=True), terminal_size=size)


@SIZES
@pytest.mark.parametrize("lang", ["en", "de"])
def test_jury_grid_snapshot(snap_compare, tmp_path, size, lang):
    set_language(lang)
    clock = FakeClock(START)
    folder = english_workshop(tmp_path)
    with Engine(folder, clock=clock) as engine:
        engine.go_to("jury", "score")
        engine.capture({"scorer": "jury-1", "candidate": "mira", "criterion": "novelty", "score": 4})
        engine.capture({"scorer": "jury-2", "candidate": "lena", "criterion": "novelty", "score": 5})

    async def into_grid(pilot) -> None:
        await pilot.press("tab")
        await pilot.pause()

    assert snap_compare(host_app(folder, clock), terminal_size=size, run_before=into_grid)


@SIZES
@pytest.mark.parametrize("lang", ["en", "de"])
def test_projector_hidden_votes_snapshot(snap_compare, tmp_path, size, lang):
    """Votes start hidden on the projector: the room sees the title and the time only."""
    set_language(lang)
    clock = FakeClock(START)
    folder = english_workshop(tmp_path)
    with Engine(folder, clock=clock) as engine:
        engine.go_to("forge", "vote")
    assert snap_compare(host_app(folder, clock, projector=True), terminal_size=size)
