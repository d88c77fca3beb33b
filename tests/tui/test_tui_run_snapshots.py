"""SVG snapshots of run mode and the projector, in English and German, at 120x36 with a
frozen clock (``--snapshot-update`` writes the baselines)."""

from __future__ import annotations

import pytest

from run_util import START, english_workshop, host_app, kickoff_workshop
from toolkit.i18n import set_language
from toolkit.session.clock import FakeClock
from toolkit.session.engine import Engine

SIZE = (120, 36)


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


@pytest.mark.parametrize("lang", ["en", "de"])
def test_run_mode_snapshot(snap_compare, tmp_path, lang):
    folder, clock = prepared(tmp_path, lang)
    assert snap_compare(host_app(folder, clock), terminal_size=SIZE)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_projector_snapshot(snap_compare, tmp_path, lang):
    folder, clock = prepared(tmp_path, lang)
    assert snap_compare(host_app(folder, clock, projector=True), terminal_size=SIZE)
