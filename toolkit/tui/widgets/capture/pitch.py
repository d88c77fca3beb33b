"""The pitch panel: the pitch order with start times; highlight the presenter, choose
I like / I wish / What if, type the feedback, Enter saves."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, OptionList, Select
from textual.widgets.option_list import Option

from toolkit.i18n import _
from toolkit.tui.literal import literal, visible
from toolkit.tui.widgets.capture.base import CaptureInput, CapturePanel, person_label


def feedback_types() -> list[tuple[str, str]]:
    return [(_("I like"), "like"), (_("I wish"), "wish"), (_("What if"), "whatif")]


class PitchPanel(CapturePanel):
    DEFAULT_CSS = """
    PitchPanel #pitch-order { height: auto; max-height: 9; }
    PitchPanel Horizontal { height: auto; }
    PitchPanel #feedback-type { width: 20; }
    PitchPanel #capture-input { width: 1fr; }
    """

    def compose_controls(self) -> ComposeResult:
        order = self.result().order
        yield OptionList(*[Option(literal(f"{slot.position}. +{slot.start_minute:>2} min  {slot.name}"
                                  + (f" ({slot.organisation})" if slot.organisation else "")), id=slot.person)
                           for slot in order], id="pitch-order")
        if self.options.feedback:
            with Horizontal():
                yield Select(feedback_types(), value="like", allow_blank=False, id="feedback-type")
                yield CaptureInput(placeholder=_("Feedback for the highlighted pitch; Enter saves"), id="capture-input")

    def describe(self, captured: Any) -> Any:
        d = captured.data
        label = dict((v, k) for k, v in feedback_types())[d.type]
        return f"{person_label(self.engine, d.pitch)} · {label}: {d.text}"

    def render_result(self, result: Any) -> Any:
        text = Text()
        labels = dict((v, k) for k, v in feedback_types())
        for fb in result.feedback:
            counts = "  ".join(f"{labels[t]} {len(getattr(fb, t))}" for t in ("like", "wish", "whatif"))
            text.append(f"{visible(fb.name)}\n", style="bold")
            text.append(f"  {counts}\n", style="dim")
        return text

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        order = self.query_one("#pitch-order", OptionList)
        if order.highlighted is None:
            order.highlighted = 0 if order.option_count else None
        if order.highlighted is None:
            self.post_message(self.Failed(_("Nobody pitches in this round.")))
            self.settle(event, None)
            return
        text = event.value.strip()
        if not text:
            return
        record = {"pitch": order.get_option_at_index(order.highlighted).id,
                  "type": self.query_one("#feedback-type", Select).value, "text": text}
        self.settle(event, self.commit(record))
