"""The jury scorecard: one grid of candidates x criteria per juror, keyboard only, every
cell saved the moment it is entered, totals and ranking live, full labels and no ids; usable
at 80x24 (the grid gets the whole width)."""

from __future__ import annotations

import pytest
from textual.widgets import Select

from run_util import START, english_workshop, goto, host_app, run_async, store_records, text_of
from toolkit.session.clock import FakeClock
from toolkit.tui.widgets.capture.scorecard import ScoreCell


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
        assert isinstance(app.focused, ScoreCell)
        first = app.focused
        assert first.region.right <= size[0] and first.region.bottom <= size[1]  # on screen
        await pilot.press("4", "enter")
        await pilot.pause()
        # saved at once, before any other key
        assert [(r["criterion"], r["score"]) for r in store_records(folder, "jury", "score")] == [
            (first.criterion, 4.0)]
        assert isinstance(app.focused, ScoreCell) and app.focused is not first  # moved on
        await pilot.press("5", "tab")  # leaving a cell saves it too
        await pilot.pause()
        assert len(store_records(folder, "jury", "score")) == 2
        await pilot.press("down")
        assert app.focused.id.startswith("cell-1-")
        total = text_of(panel.query_one("#total-0"))
        assert "(1.)" in total and "*" in total  # weighted total and rank, incomplete so far
        header = " ".join(text_of(w) for w in panel.query(".score-head"))
        names = " ".join(text_of(w) for w in panel.query(".score-name"))
        for criterion in panel.options.criteria:
            assert criterion.id not in header.split() or criterion.id in criterion.title.lower()
        assert "Novelty" in header and "Mira Schubert (Photography)" in names.replace("\n", " ")
        assert "jury-1" not in names and "mira" not in names.split()
        # another juror has an empty card; coming back shows the first juror's scores
        juror = panel.query_one("#scorer", Select)
        juror.value = "jury-2"
        await pilot.pause()
        assert all(c.value == "" for c in panel.query(ScoreCell))
        juror.value = "jury-1"
        await pilot.pause()
        assert first.value == "4"
        bad = panel.query_one("#cell-2-0", ScoreCell)
        bad.focus()
        await pilot.press("9", "enter")  # outside the scale: refused, nothing written
        await pilot.pause()
        assert "Not saved" in text_of(app.screen.query_one("#run-status"))
        assert len(store_records(folder, "jury", "score")) == 2
