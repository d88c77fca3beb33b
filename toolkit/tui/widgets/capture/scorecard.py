"""The jury scorecard: one grid of candidates (teams) x criteria for the chosen juror.

Type a score into the highlighted cell; Enter (or leaving the cell with Tab or an arrow)
saves that one cell at once, so nothing typed waits for a later "save" that a crash could
lose. Enter moves on to the next cell, the arrows move freely. Beside each candidate's name
stand its weighted total over all jurors and its rank (in view while the scores scroll
sideways on a small terminal), and the ranking beside the grid follows every score. Labels
are the criteria's full titles (with their weights) and the candidates' full names; no
internal id is shown.
"""

from __future__ import annotations

from typing import Any

from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Label, Select, Static

from toolkit.i18n import _
from toolkit.tui.literal import literal, visible
from toolkit.tui.widgets.capture.base import CapturePanel, RecordList, people_options, person_label


class ScoreGrid(ScrollView, can_focus=True):
    """Candidates x criteria in one widget: type a score into the highlighted cell (digits,
    comma or point; Backspace corrects), Enter saves it and moves on, the arrows move (and
    save what was typed); Escape drops what was typed.

    Drawn line by line (Textual's line API) with one cached line per candidate, so a score
    redraws the rows it changed, never the whole grid: with 20 teams x 5 criteria a score is
    on screen within the 50 ms the room can tell apart from "at once"."""

    #: the app lets letters and digits reach this widget even when a command is remapped
    #: to a single key (see CimisApp._check_bindings)
    takes_typing = True
    BINDINGS = [Binding("up", "move(-1, 0)", show=False), Binding("down", "move(1, 0)", show=False),
                Binding("left", "move(0, -1)", show=False), Binding("right", "move(0, 1)", show=False),
                Binding("home", "move(-1000, 0)", show=False), Binding("end", "move(1000, 0)", show=False)]
    DEFAULT_CSS = """
    ScoreGrid { background: $surface; }
    ScoreGrid:focus { background-tint: $foreground 3%; }
    """

    class Entered(Message):
        """A score was typed into cell (row, column) and confirmed."""

        def __init__(self, row: int, column: int, text: str, advance: bool) -> None:
            super().__init__()
            self.row, self.column, self.text, self.advance = row, column, text, advance

    def __init__(self, heads: list[str], names: list[str], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.heads = [visible(h) for h in heads]  # criterion titles (with weights)
        self.names = [visible(n) for n in names]  # candidates' full labels
        self.cells: dict[tuple[int, int], str] = {}  # (row, criterion column from 1) -> score
        self.totals: dict[int, str] = {}
        self.cursor = (0, 1)
        self.buffer = ""
        self.buffer_at: tuple[int, int] | None = None
        self._lines: dict[int, Strip] = {}
        self.name_width = max([len(_("Candidate")), *map(len, self.names)], default=10) + 2
        self.widths = [max(len(h), 5) + 2 for h in self.heads]
        self.total_width = max(len(_("Total")), 12) + 2
        self.virtual_size = Size(self.name_width + sum(self.widths) + self.total_width, len(self.names) + 2)

    # -- what it shows ----------------------------------------------------------------------

    def editable(self, row: int, column: int) -> bool:
        return 0 <= row < len(self.names) and 1 <= column <= len(self.heads)

    def show_cell(self, row: int, column: int, text: str) -> None:
        self.cells[(row, column)] = text
        self._changed(row)

    def show_total(self, row: int, text: str) -> None:
        self.totals[row] = text
        self._changed(row)

    def _changed(self, *rows: int) -> None:
        for row in rows:
            self._lines.pop(row, None)
            self.refresh_line(row + 2 - int(self.scroll_offset.y))

    def _line_text(self, row: int) -> Text:
        line = Text(no_wrap=True)
        style = "" if row % 2 == 0 else "on #202838"
        line.append(self.names[row].ljust(self.name_width), style=style or None)
        line.append(self.totals.get(row, "").rjust(self.total_width - 1) + " ", style=("bold " + style).strip())
        for column, width in enumerate(self.widths, start=1):
            if self.buffer_at == (row, column):
                text, cell_style = (self.buffer + "▏").rjust(width - 1) + " ", "bold reverse"
            else:
                text = self.cells.get((row, column), "").rjust(width - 1) + " "
                cell_style = "reverse" if (row, column) == self.cursor and self.has_focus else (
                    "underline" if (row, column) == self.cursor else style)
            line.append(text, style=cell_style or None)
        return line

    def _header(self) -> Text:
        line = Text(no_wrap=True, style="bold")
        line.append(_("Candidate").ljust(self.name_width))
        line.append(_("Total").rjust(self.total_width - 1) + " ")
        for head, width in zip(self.heads, self.widths):
            line.append(head.rjust(width - 1) + " ")
        return line

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        row = y + scroll_y - 2
        width = self.size.width
        if y + scroll_y == 0:
            strip = self._strip(self._header())
        elif y + scroll_y == 1:
            strip = Strip([Segment("─" * self.virtual_size.width, Style(dim=True))])
        elif 0 <= row < len(self.names):
            cached = self._lines.get(row)
            if cached is None:
                cached = self._lines[row] = self._strip(self._line_text(row))
            strip = cached
        else:
            return Strip.blank(width, self.rich_style)
        # the names and the totals stay put while the scores scroll sideways: on a small
        # terminal the total and the rank are what the jury looks at after each score
        frozen = self.frozen_width()
        names = strip.crop_extend(0, frozen, self.rich_style)
        totals = strip.crop_extend(self.name_width, self.name_width + self.total_width, self.rich_style)
        start = self.name_width + self.total_width + scroll_x
        body = strip.crop_extend(start, start + max(0, width - frozen - self.total_width), self.rich_style)
        return Strip.join([names, totals, body]).apply_style(self.rich_style)

    def frozen_width(self) -> int:
        """Columns of the name column that never scroll (all of it, unless the widget is
        so narrow that the scores would not show)."""
        return min(self.name_width, max(14, self.size.width // 2))

    def on_resize(self) -> None:
        self.virtual_size = Size(self.frozen_width() + self.total_width + sum(self.widths), len(self.names) + 2)

    def _strip(self, text: Text) -> Strip:
        return Strip(list(text.render(self.app.console)), text.cell_len)

    def on_focus(self) -> None:
        self._changed(self.cursor[0])

    def on_blur(self) -> None:
        self._confirm(advance=False)
        self._changed(self.cursor[0])

    # -- moving and typing ------------------------------------------------------------------

    def move_to(self, row: int, column: int) -> None:
        row = max(0, min(row, len(self.names) - 1))
        column = max(1, min(column, len(self.heads)))
        old = self.cursor[0]
        self.cursor = (row, column)
        self._changed(old, row)
        x = self.frozen_width() + self.total_width + sum(self.widths[: column - 1])
        self.scroll_to_region(Region(x, row + 2, self.widths[column - 1], 1), animate=False, top=False)

    def action_move(self, rows: int, columns: int) -> None:
        self._confirm(advance=False)  # leaving a cell saves what was typed into it
        self.move_to(self.cursor[0] + rows, self.cursor[1] + columns)

    def _confirm(self, advance: bool) -> None:
        if self.buffer_at is None:
            return
        at, text = self.buffer_at, self.buffer
        self.buffer, self.buffer_at = "", None
        if text:
            self.post_message(self.Entered(at[0], at[1], text, advance))
        else:
            self._changed(at[0])

    def on_key(self, event: Any) -> None:
        char = event.character or ""
        row, column = self.cursor
        if event.key == "enter":
            if self.buffer_at is not None:
                self._confirm(advance=True)
            else:
                self.move_to(row, column + 1) if column < len(self.heads) else self.move_to(row + 1, 1)
        elif event.key == "escape" and self.buffer_at is not None:
            self.buffer, self.buffer_at = "", None
            self._changed(row)
        elif event.key == "backspace" and self.buffer_at is not None:
            self.buffer = self.buffer[:-1]
            self._changed(row)
        elif len(char) == 1 and (char.isdigit() or char in ",.-") and self.editable(row, column):
            if self.buffer_at != (row, column):
                self._confirm(advance=False)
                self.buffer, self.buffer_at = "", (row, column)
            self.buffer = (self.buffer + char)[:8]
            self._changed(row)
        else:
            if event.key == "tab":
                self._confirm(advance=False)
            return
        event.prevent_default()
        event.stop()


class ScorecardPanel(CapturePanel):
    DEFAULT_CSS = """
    ScorecardPanel #scorer-row { height: auto; }
    ScorecardPanel #scorer { width: 1fr; }
    ScorecardPanel #score-body { height: 1fr; }
    ScorecardPanel #score-grid { width: 1fr; height: 1fr; }
    ScorecardPanel #result { width: 34; height: 1fr; }
    ScorecardPanel RecordList { display: none; }
    """

    show_result_view = True
    #: columns the grid needs: run mode gives it the whole width when less is left
    wants_width = 100

    def candidates(self) -> list[tuple[str, str]]:
        """``(full label, person id)`` of everyone scored, as the kind checks them: the pitch
        order when the step scores pitches, the teams (by their company) when it scores the
        teams of a matching step, else everyone but the scorers."""
        labels = {p.id: p.name + (f" ({p.organisation})" if p.organisation else "") for p in self.engine.agenda.people}
        from toolkit.capture.kinds.matching import MatchingResult
        from toolkit.capture.kinds.pitch import PitchResult
        from toolkit.capture.kinds.scorecard import _source, _team_names

        context = self.engine.context(self.step.item_id)
        try:
            source = _source(context, self.options.source)
        except Exception:  # noqa: BLE001 - a missing source just means: anyone but the scorers
            source = None
        if isinstance(source, PitchResult) and source.order:
            return [(labels.get(slot.person, slot.name), slot.person) for slot in source.order]
        if isinstance(source, MatchingResult):
            # teams only: the kind refuses a score for anyone who leads no team (before the
            # grid offered everyone, and every score was refused)
            names = _team_names(self.options, context, self.engine.agenda.people)
            return [(names.get(team.company, labels.get(team.company, team.company)), team.company)
                    for team in source.teams]
        return [(labels.get(pid, pid), pid) for _name, pid in
                people_options(self.engine, exclude=("facilitator", self.options.scorers))]

    def hint(self) -> str:
        hint = _("Type a score; Enter saves the cell and moves on, ↑/↓ change the row. Scores from {low} to {high}.")
        return hint.format(low=self.options.scale_min, high=self.options.scale_max)

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
        if not self._candidates:
            # not a hint (hints hide on a short terminal): the grid would be empty without a word
            yield Static(literal(_("Nobody to score yet: the teams come from the step '{source}'.").format(
                source=self.options.source)), id="no-candidates")
        with Horizontal(id="score-body"):
            heads = [c.title + (f" ×{c.weight:g}" if c.weight != 1 else "") for c in self.options.criteria]
            yield ScoreGrid(heads, [label for label, _id in self._candidates], id="score-grid")
            yield Static("", id="result")
        yield RecordList(id="records")

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
        grid = self.query_one(ScoreGrid)
        for row, (_label, candidate) in enumerate(self._candidates):
            for col, criterion in enumerate(self.options.criteria, start=1):
                score = latest.get((candidate, criterion.id))
                grid.show_cell(row, col, "" if score is None else f"{score:g}")

    def cell_value(self, row: int, column: int) -> str:
        return self.query_one(ScoreGrid).cells.get((row, column), "")

    def describe(self, captured: Any) -> Any:
        d = captured.data
        titles = {c.id: c.title for c in self.options.criteria}
        return (f"{person_label(self.engine, d.scorer)} → {person_label(self.engine, d.candidate)}: "
                f"{titles.get(d.criterion, d.criterion)} {d.score:g}")

    def render_result(self, result: Any) -> Any:
        rows = {candidate: n for n, (_label, candidate) in enumerate(getattr(self, "_candidates", []))}
        shown = self.__dict__.setdefault("_totals_shown", {})
        for row in result.ranking:
            if row.candidate in rows:
                total = "–" if row.total is None else f"{row.total:.2f}" + ("*" if row.incomplete else "")
                rank = f"{row.rank}." if row.rank else ""
                text = f"{total} ({rank})" if rank else total
                if shown.get(row.candidate) == text:
                    continue  # one score moves one total and a few ranks: redraw only those
                try:
                    self.query_one(ScoreGrid).show_total(rows[row.candidate], text)
                    shown[row.candidate] = text
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

    def on_score_grid_entered(self, event: ScoreGrid.Entered) -> None:
        event.stop()
        if self.save_cell(event.row, event.column, event.text) and event.advance:
            grid = self.query_one(ScoreGrid)
            last = len(self.options.criteria)
            row, column = (event.row, event.column + 1) if event.column < last else (event.row + 1, 1)
            if row < len(self._candidates):
                grid.move_to(row, column)

    def save_cell(self, row: int, column: int, text: str) -> bool:
        """Commit the score typed into a cell; ``False`` (with the reason) if refused."""
        scorer = self.scorer()
        if scorer is None:
            self.post_message(self.Failed(_("Choose the juror first.")))
            return False
        try:
            score = float(text.replace(",", "."))
        except ValueError:
            self.post_message(self.Failed(_("A score must be a number.")))
            return False
        candidate = self._candidates[row][1]
        criterion = self.options.criteria[column - 1].id
        saved = self.commit({"scorer": scorer, "candidate": candidate, "criterion": criterion, "score": score},
                            announce=_("Score saved"))
        if saved is None:
            self.query_one(ScoreGrid)._changed(row)
            return False
        self.query_one(ScoreGrid).show_cell(row, column, f"{score:g}")
        return True

    def after_commit(self, saved: Any) -> None:
        # one score changes totals and ranking, not the other cells: redraw only those, and
        # the ranking without a new layout of the screen (it keeps its number of rows)
        renderable = self.render_result(self.result())
        self.query_one("#result", Static).update(renderable, layout=False)
