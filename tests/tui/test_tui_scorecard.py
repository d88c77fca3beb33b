"""The jury scorecard: one grid of candidates x criteria per juror, keyboard only, every
cell saved the moment it is entered, totals and ranking live, full labels and no ids; usable
at 80x24 (the grid gets the whole width)."""

from __future__ import annotations

import pytest
from textual.widgets import Select

from run_util import START, english_workshop, goto, host_app, run_async, store_records, text_of
from toolkit.session.clock import FakeClock
from toolkit.tui.widgets.capture.scorecard import ScoreGrid


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
@run_async
async def test_each_cell_is_saved_on_entry_and_totals_follow(tmp_path, size):
    folder = english_workshop(tmp_path)
    app = host_app(folder, FakeClock(START))
    async with app.run_test(size=size) as pilot:
        await goto(pilot, "jury", "score")
        panel = app.screen.panel
        assert isinstance(app.focused, Select)  # the juror first
        await pilot.press("tab")
        grid = app.focused
        assert isinstance(grid, ScoreGrid)
        assert grid.region.right <= size[0] and grid.region.bottom <= size[1] and grid.region.height >= 5
        first = panel.options.criteria[0].id
        await pilot.press("4", "enter")
        await pilot.pause()
        # saved at once, before any other key
        assert [(r["criterion"], r["score"]) for r in store_records(folder, "jury", "score")] == [(first, 4.0)]
        assert grid.cursor == (0, 2)  # moved on
        await pilot.press("5", "down")  # leaving a cell saves it too
        await pilot.pause()
        assert len(store_records(folder, "jury", "score")) == 2 and grid.cursor == (1, 2)
        total = grid.totals[0]
        assert "(1.)" in total and "*" in total  # weighted total and rank, incomplete so far
        # the total and the rank stay in view beside the name wherever the cursor is, also
        # when the scores scroll sideways at 80x24
        for column in (1, len(panel.options.criteria)):
            grid.move_to(0, column)
            await pilot.pause()
            shown = "".join(segment.text for segment in grid.render_line(2 - int(grid.scroll_offset.y)))
            assert total.strip() in shown, shown
        grid.move_to(1, 2)
        header = grid._header().plain
        for criterion in panel.options.criteria:
            assert criterion.title in header
        assert "Mira Schubert (Photography)" in grid.names
        assert not any("jury-1" in n or n == "mira" for n in grid.names)
        # another juror has an empty card; coming back shows the first juror's scores
        juror = panel.query_one("#scorer", Select)
        juror.value = "jury-2"
        await pilot.pause()
        assert not any(grid.cells.values())
        juror.value = "jury-1"
        await pilot.pause()
        assert grid.cells[(0, 1)] == "4"
        grid.focus()
        grid.move_to(2, 1)
        await pilot.press("9", "enter")  # outside the scale: refused, nothing written
        await pilot.pause()
        assert "Not saved" in text_of(app.screen.query_one("#run-status"))
        assert len(store_records(folder, "jury", "score")) == 2 and grid.cells.get((2, 1), "") == ""
        await pilot.press("3", "escape")  # Escape drops what was typed
        assert grid.buffer_at is None and len(store_records(folder, "jury", "score")) == 2
        app.save_screenshot(f"scorecard-{size[0]}.svg", path=str(tmp_path))


@run_async
async def test_scoring_the_teams_of_a_matching_step_offers_only_the_teams(tmp_path):
    """A jury scoring teams (``source`` a matching step) gets the teams, by their company, as
    the kind checks them: before any team is formed the grid is empty and says where the
    teams come from (it offered everyone, and the kind refused every score)."""
    from toolkit.session.engine import Engine

    folder = english_workshop(tmp_path)
    plan = folder / "workshop.yaml"
    plan.write_text(plan.read_text("utf-8").replace("score: {source: pitches.pitches}",
                                                    "score: {source: teams.reveal}"), "utf-8")
    app = host_app(folder, FakeClock(START))
    async with app.run_test(size=(80, 24)) as pilot:
        await goto(pilot, "jury", "score")
        panel = app.screen.panel
        assert panel.query_one(ScoreGrid).names == []
        assert "the teams come from the step 'teams.reveal'" in text_of(panel.query_one("#no-candidates"))
        assert panel.query_one("#no-candidates").region.height >= 1  # shown at 80x24
    with Engine(folder, clock=FakeClock(START)) as engine:
        for person, wants in {"lena": ["kretschmar"], "kretschmar": ["lena"]}.items():
            engine.capture({"person": person, "wants": wants}, item_id="speed-dating", step_id="interests")
    app = host_app(folder, FakeClock(START))
    async with app.run_test(size=(80, 24)) as pilot:
        await goto(pilot, "jury", "score")
        panel = app.screen.panel
        grid = panel.query_one(ScoreGrid)
        assert len(grid.names) == 1 and grid.names[0].startswith("Frank Kretschmar")
        assert "Lena Hoffmann" in grid.names[0] and not panel.query("#no-candidates")
        await pilot.press("tab", "4", "enter")
        await pilot.pause()
        assert [(r["candidate"], r["score"]) for r in store_records(folder, "jury", "score")] == [("kretschmar", 4.0)]
