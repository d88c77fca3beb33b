"""The scorecard panel: choose scorer and candidate, type a score per criterion, Enter saves
them all; the ranking updates beside it."""

from __future__ import annotations

from typing import Any

from rich.table import Table
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Select

from toolkit.i18n import _
from toolkit.tui.literal import literal
from toolkit.tui.widgets.capture.base import CapturePanel, choice, people_options, person_label


class ScorecardPanel(CapturePanel):
    DEFAULT_CSS = """
    ScorecardPanel Horizontal { height: auto; }
    ScorecardPanel Select { width: 1fr; }
    ScorecardPanel .score { width: 1fr; }
    """

    def candidates(self) -> list[tuple[str, str]]:
        result = self.result()
        if result.ranking and self.options.source:
            return [(row.name, row.candidate) for row in result.ranking]
        try:
            from toolkit.capture.kinds.pitch import PitchResult
            from toolkit.capture.common import source_result

            pitch = source_result(self.engine.context(self.step.item_id), self.options.source, PitchResult)
        except Exception:  # noqa: BLE001 - a missing source just means: anyone but the scorers
            pitch = None
        if pitch is not None and pitch.order:
            return [(slot.name, slot.person) for slot in pitch.order]
        return people_options(self.engine, exclude=("facilitator", self.options.scorers))

    def compose_controls(self) -> ComposeResult:
        scorers = people_options(self.engine, roles=(self.options.scorers,)) or people_options(self.engine)
        candidates = self.candidates()
        with Horizontal():
            yield choice(scorers, id="scorer", prompt=_("Scorer"))
            yield choice(candidates, id="candidate", prompt=_("Candidate"))
        with Horizontal():
            for criterion in self.options.criteria:
                yield Input(placeholder=f"{criterion.title} ({self.options.scale_min}–{self.options.scale_max})",
                            type="number", id=f"score-{criterion.id}", classes="score")

    def hint(self) -> str:
        return _("Enter saves the scores typed for this scorer and candidate.")

    def describe(self, captured: Any) -> Any:
        d = captured.data
        return f"{person_label(self.engine, d.scorer)} → {person_label(self.engine, d.candidate)}: {d.criterion} {d.score:g}"

    def render_result(self, result: Any) -> Any:
        table = Table(box=None, padding=(0, 1), show_header=True, header_style="bold")
        table.add_column("#", justify="right")
        table.add_column(_("Candidate"))
        table.add_column(_("Total"), justify="right")
        for row in result.ranking:
            total = "–" if row.total is None else f"{row.total:.2f}" + (" *" if row.incomplete else "")
            table.add_row(str(row.rank or "–"), literal(row.name), total)
        return table

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        scorer = self.query_one("#scorer", Select).value
        candidate = self.query_one("#candidate", Select).value
        if not isinstance(scorer, str) or not isinstance(candidate, str):
            self.post_message(self.Failed(_("Choose scorer and candidate first.")))
            return
        records = []
        for criterion in self.options.criteria:
            field = self.query_one(f"#score-{criterion.id}", Input)
            if field.value.strip():
                try:
                    score = float(field.value.replace(",", "."))
                except ValueError:
                    self.post_message(self.Failed(_("A score must be a number.")))
                    return
                records.append({"scorer": scorer, "candidate": candidate, "criterion": criterion.id, "score": score})
        if len(self.commit_many(records)) == len(records):
            for field in self.query(".score").results(Input):
                field.value = ""
