"""The projector from the back of the room: the countdown in block digits on a large
terminal (Textual's Digits on a small one), a tall high-contrast title band, and the
speed-dating table plan of the current round with full names through the rotation kind's
registered projector view."""

from __future__ import annotations

import pytest
from textual.widgets import Digits

from run_util import START, english_workshop, host_app, run_async, text_of
from toolkit.session.clock import FakeClock
from toolkit.session.engine import Engine
from toolkit.tui.widgets.timer import big_clock


def test_big_clock_draws_each_digit_in_blocks():
    lines = big_clock("12:34", 2, 1)
    assert len(lines) == 7 and all(set(line) <= {" ", "█"} for line in lines)
    assert max(len(line) for line in lines) >= 80  # five glyphs, ~9 dots of 2 columns each
    shapes = {d: big_clock(d, 1, 1) for d in "0123456789"}
    assert len({tuple(s) for s in shapes.values()}) == 10  # every digit looks different
    assert len(big_clock("0", 3, 2)) == 2 * len(big_clock("0", 1, 1))
    colon = big_clock(":", 1, 1)
    assert sum(line.count("█") for line in colon) == 2  # two dots


def at(folder, item, step):
    with Engine(folder, clock=FakeClock(START)) as engine:
        engine.start()
        engine.go_to(item, step)


@pytest.mark.parametrize("size,big", [((80, 24), False), ((120, 36), False), ((200, 60), True)])
def test_countdown_and_title_fill_the_projector(tmp_path, size, big):
    folder = english_workshop(tmp_path)
    at(folder, "check-in", "expectations")

    @run_async
    async def drive():
        app = host_app(folder, FakeClock(START), projector=True)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            screen = app.screen
            timer = screen.query_one("#proj-timer")
            assert timer.has_class("-big") is big
            shown = timer.query_one("#timer-big") if big else timer.query_one(Digits)
            assert shown.display and shown.region.height >= (7 if big else 3)
            assert shown.region.right <= size[0] and shown.region.bottom <= size[1]
            if big:
                assert "█" in text_of(shown)
            title = screen.query_one("#proj-step")
            assert title.region.height >= (7 if big else 3) and title.region.width >= size[0] // 3
            assert title.styles.text_style.bold
            # high contrast: the projector's own process uses the projector theme
            assert app.theme == "cimis-projector"

    drive()


def test_rotation_table_plan_on_the_projector_with_full_names(tmp_path):
    folder = english_workshop(tmp_path)
    at(folder, "speed-dating", "rounds")

    @run_async
    async def drive():
        app = host_app(folder, FakeClock(START), projector=True)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            shown = text_of(app.screen.query_one("#proj-rich"))
            assert "Round 1 of" in shown and "Table 1" in shown
            people = {"Lena Hoffmann", "Jonas Richter", "Mira Schubert", "Frank Kretschmar", "Dr. Anna Seidel"}
            assert sum(name in shown for name in people) >= 4  # full names, not ids, not cut
            assert "lena" not in shown and "Rund" not in shown  # names, and English only

    drive()
