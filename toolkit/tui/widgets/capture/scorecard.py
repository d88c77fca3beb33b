"""The jury scorecard: one grid of candidates (teams) x criteria for the chosen juror.

Type a score into a cell; Enter (or leaving the cell with Tab, an arrow or the mouse) saves
that one cell at once, so nothing typed waits for a later "save" that a crash could lose.
Enter moves on to the next cell, ↑ / ↓ move between rows. Each row ends with the
candidate's weighted total over all jurors and its rank, and the ranking beside the grid
follows every score. Labels are the criteria's full titles (with their weights) and the
candidates' full names; no internal id is shown.
"""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Label, Select, Static

from toolkit.i18n import _
from toolkit.tui.literal import literal
from toolkit.tui.widgets.capture.base import CapturePanel, RecordList, people_options, person_label


class ScoreCell(Input):
    """One score: a candidate's score on one criterion by the chosen juror."""

    def __init__(self, candidate: str, criterion: str, *, id: str) -> None:
        super().__init__(type="number", id=id, classes="score-cell", compact=True)
        self.candidate = candidate
        self.criterion = criterion
        self.saved_value = ""


class ScorecardPanel(CapturePanel):
    BINDINGS = [Binding("up", "move(-1)", show=False), Binding("down", "move(1)", show=False)]
    DEFAULT_CSS = """
    ScorecardPanel #scorer-row { height: auto; }
    ScorecardPanel #scorer { width: 1fr; }
    ScorecardPanel #score-body { height: 1fr; }
    ScorecardPanel #score-table { width: 1fr; height: 1fr; }
    ScorecardPanel #score-grid { height: 1fr; }
    ScorecardPanel #score-header { border-bottom: solid $primary-background-lighten-2; }
    ScorecardPanel .score-row { height: auto; }
    ScorecardPanel .score-name { width: 1fr; min-width: 12; }
    ScorecardPanel .score-head { width: 11; padding-right: 1; text-style: bold; color: $text-muted; }
    ScorecardPanel .score-cell { width: 10; margin-right: 1; }
    ScorecardPanel #score-grid { scrollbar-size-vertical: 1; }
    ScorecardPanel .score-name.score-head { width: 1fr; }
    ScorecardPanel .score-total.score-head { width: 14; text-align: right; }
    ScorecardPanel .score-row:odd { background: $boost; }
    ScorecardPanel #score-header { padding-right: 1; }
    ScorecardPanel .score-cell:focus { background: $accent 40%; }
    ScorecardPanel .score-total { width: 14; text-align: right; padding-right: 1; }
    ScorecardPanel #result { width: 34; height: 1fr; }
    ScorecardPanel RecordList { display: none; }
    """

    show_result_view = True
    #: columns the grid needs: run mode gives it the whole width when less is left
    wants_width = 100

    def candidates(self) -> list[tuple[str, str]]:
        """``(full label, person id)`` of everyone scored: the pitch order when the step scores
        pitches, else everyone but the scorers."""
        labels = {p.id: p.name + (f" ({p.organisation})" if p.organisation else "") for p in self.engine.agenda.people}
        try:
            from toolkit.capture.common import source_result
            from toolkit.capture.kinds.pitch import PitchResult

            pitch = source_result(self.engine.context(self.step.item_id), self.options.source, PitchResult)
        except Exception:  # noqa: BLE001 - a missing source just means: anyone but the scorers
            pitch = None
        if pitch is not None and pitch.order:
            return [(labels.get(slot.person, slot.name), slot.person) for slot in pitch.order]
        return [(labels.get(pid, pid), pid) for _name, pid in
                people_options(self.engine, exclude=("facilitator", self.options.scorers))]

    def hint(self) -> str:
        return _("Type a score; Enter saves the cell and moves on, ↑/↓ change the row. Scores from {low} to {high}.").format(
            low=self.options.scale_min, high=self.options.scale_max)

    def compose(self) -> ComposeResult:
        scorers = people_options(self.engine, roles=(self.options.scorers,)) or people_options(self.engine)
        self._candidates = self.candidates()
        prompt = getattr(self.options, "prompt", None)
        if prompt:
            yield Label(literal(prompt), classes="capture-prompt")
        with Horizontal(id="scorer-row"):
            yield Select(scorers, value=scorers[0][1], allow_blank=False, id="scorer", prompt=_("Juror"),
                         compact=True) if scorers else Select([], id="scorer", prompt=_("Juror"), compact=True)
        yield Static(literal(self.hint()), classes="capture-hint")
        with Horizontal(id="score-body"):
            with Vertical(id="score-table"):
                # the header stays put while the rows scroll
                with Horizontal(classes="score-row", id="score-header"):
                    yield Label(_("Candidate"), classes="score-name score-head")
                    for criterion in self.options.criteria:
                        weight = f" ×{criterion.weight:g}" if criterion.weight != 1 else ""
                        yield Label(literal(criterion.title + weight), classes="score-head")
                    yield Label(_("Total"), classes="score-total score-head")
                yield self._grid()
            yield Static("", id="result")
        yield RecordList(id="records")

    def _grid(self) -> VerticalScroll:
        rows = []
        for row, (label, candidate) in enumerate(self._candidates):
            cells = [Label(literal(label), classes="score-name")]
            cells += [ScoreCell(candidate, criterion.id, id=f"cell-{row}-{col}")
                      for col, criterion in enumerate(self.options.criteria)]
            cells.append(Label("", classes="score-total", id=f"total-{row}"))
            rows.append(Horizontal(*cells, classes="score-row"))
        return VerticalScroll(*rows, id="score-grid", can_focus=False)

    def on_mount(self) -> None:
        self.refresh_records()
        self.fill_cells()

    # -- what the grid shows ----------------------------------------------------------------

    def scorer(self) -> str | None:
        value = self.query_one("#scorer", Select).value
        return value if isinstance(value, str) else None

    def fill_cells(self) -> None:
        """The chosen juror's latest scores in the cells."""
        scorer = self.scorer()
        latest: dict[tuple[str, str], float] = {}
        for captured in self.records():
            d = captured.data
            if d.scorer == scorer:
                latest[(d.candidate, d.criterion)] = d.score
        for cell in self.query(ScoreCell).results(ScoreCell):
            score = latest.get((cell.candidate, cell.criterion))
            cell.saved_value = "" if score is None else f"{score:g}"
            cell.value = cell.saved_value

    def describe(self, captured: Any) -> Any:
        d = captured.data
        titles = {c.id: c.title for c in self.options.criteria}
        return (f"{person_label(self.engine, d.scorer)} → {person_label(self.engine, d.candidate)}: "
                f"{titles.get(d.criterion, d.criterion)} {d.score:g}")

    def render_result(self, result: Any) -> Any:
        rows = {candidate: n for n, (_label, candidate) in enumerate(getattr(self, "_candidates", []))}
        for row in result.ranking:
            if row.candidate in rows:
                total = "–" if row.total is None else f"{row.total:.2f}" + ("*" if row.incomplete else "")
                rank = f"{row.rank}." if row.rank else ""
                try:
                    self.query_one(f"#total-{rows[row.candidate]}", Label).update(f"{total} ({rank})" if rank else total)
                except Exception:  # noqa: BLE001 - before the grid is mounted
                    pass
        table = Table(box=None, padding=(0, 1), show_header=True, header_style="bold", expand=True)
        table.add_column("#", justify="right", width=3)
        table.add_column(_("Ranking"), ratio=1)
        table.add_column(_("Total"), justify="right")
        for row in result.ranking:
            total = "–" if row.total is None else f"{row.total:.2f}" + (" *" if row.incomplete else "")
            table.add_row(str(row.rank or "–"), literal(row.name), total)
        if any(row.incomplete for row in result.ranking):
            table.add_row("", Text(_("* not every criterion scored yet"), style="dim"), "")
        return table

    # -- entering scores --------------------------------------------------------------------

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self.fill_cells()

    def save_cell(self, cell: ScoreCell) -> bool:
        """Commit the cell's score if it changed; ``False`` (with the reason) if refused."""
        text = cell.value.strip()
        if text == cell.saved_value or not text:
            cell.value = cell.saved_value if not text else cell.value
            return True
        scorer = self.scorer()
        if scorer is None:
            self.post_message(self.Failed(_("Choose the juror first.")))
            return False
        try:
            score = float(text.replace(",", "."))
        except ValueError:
            self.post_message(self.Failed(_("A score must be a number.")))
            return False
        saved = self.commit({"scorer": scorer, "candidate": cell.candidate, "criterion": cell.criterion,
                             "score": score}, announce=_("Score saved"))
        if saved is None:
            return False
        cell.saved_value = f"{score:g}"
        return True

    def after_commit(self, saved: Any) -> None:
        # one score changes totals and ranking, not the cells: redraw only those
        self.refresh_result()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if isinstance(event.input, ScoreCell) and self.save_cell(event.input):
            self.focus_next_cell(event.input)

    def on_descendant_blur(self, event: Any) -> None:
        widget = event.widget if hasattr(event, "widget") else None
        if isinstance(widget, ScoreCell):
            self.save_cell(widget)

    def _cells(self) -> list[ScoreCell]:
        return list(self.query(ScoreCell).results(ScoreCell))

    def focus_next_cell(self, cell: ScoreCell) -> None:
        cells = self._cells()
        at = cells.index(cell)
        if at + 1 < len(cells):
            cells[at + 1].focus()

    def action_move(self, delta: int) -> None:
        focused = self.app.focused
        if not isinstance(focused, ScoreCell):
            return
        _cell, row, col = (focused.id or "cell-0-0").split("-")
        target = int(row) + delta
        if 0 <= target < len(self._candidates):
            self.query_one(f"#cell-{target}-{col}", ScoreCell).focus()
