"""The projector's step title in block letters: drawn when it fits (wrapped by words), the
bold band otherwise; German letters drawn, typed text never read as markup, nothing cut."""

from __future__ import annotations

import pytest

from run_util import START, english_workshop, host_app, run_async, text_of
from toolkit.session.clock import FakeClock
from toolkit.session.engine import Engine
from toolkit.tui.bigfont import block_lines, draw, drawable, width_of
from toolkit.tui.widgets.bigtitle import BigTitle


def test_a_title_that_fits_is_drawn_in_four_rows_per_line():
    lines = block_lines("Forge ideas", 80, 1)
    assert lines is not None and len(lines) == 4
    assert all(len(row) == width_of("Forge ideas") <= 80 for row in lines)
    assert set("".join(lines)) <= set(" ▘▝▀▖▌▞▛▗▚▐▜▄▙▟█")


def test_wrapped_by_words_into_the_lines_allowed():
    assert block_lines("Collect expectations", width_of("Collect expectations") - 1, 1) is None
    two = block_lines("Collect expectations", width_of("expectations"), 2)
    assert two is not None and len(two) == 4 + 1 + 4  # two lines, a blank row between
    assert block_lines("Supercalifragilisticexpialidocious", 40, 3) is None  # one word too wide


def test_german_letters_are_drawn_and_differ_from_plain_ones():
    assert drawable("Größe Übung Äß")
    assert draw("Ü") != draw("U") and draw("ß") != draw("s")


@pytest.mark.parametrize("text", ["a😀b", "line\x07bell", "", "   ", "\u202eright-to-left"])
def test_what_the_font_lacks_falls_back_to_text(text):
    assert block_lines(text, 200, 3) is None


def test_whitespace_between_words_is_one_space():
    assert block_lines("tab\there", 200, 1) == block_lines("tab here", 200, 1)


def test_markup_like_text_is_drawn_as_characters():
    lines = block_lines("[bold]x[/bold]", 200, 1)
    assert lines is not None and lines != block_lines("x", 200, 1)
    assert width_of("[bold]x[/bold]") > width_of("x") * 10


def at(folder, item, step):
    with Engine(folder, clock=FakeClock(START)) as engine:
        engine.start()
        engine.go_to(item, step)


@pytest.mark.parametrize("size, item, step, big", [
    ((120, 36), "forge", "ideas", True),   # "Forge ideas"
    ((80, 24), "forge", "ideas", True),
    ((80, 24), "check-in", "expectations", False),  # "Collect expectations": one line only at 80x24
    ((120, 36), "check-in", "expectations", True),  # two lines on 36 rows
])
def test_the_projector_draws_the_title_large_when_it_fits(tmp_path, size, item, step, big):
    folder = english_workshop(tmp_path)
    at(folder, item, step)

    @run_async
    async def drive():
        app = host_app(folder, FakeClock(START), projector=True)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            title = app.screen.query_one("#proj-step", BigTitle)
            expected = {"ideas": "Forge ideas", "expectations": "Collect expectations"}[step]
            assert text_of(title) == expected  # what it holds is the literal title
            drawn = title.big(title.content_region.width)
            assert (drawn is not None) is big
            assert title.region.right <= size[0] and title.region.bottom <= size[1]
            if big:
                assert title.content_region.height == len(drawn) >= 4
            else:
                assert title.content_region.height >= 1 and title.styles.text_style.bold

    drive()
