"""The matching panel: the teams the stable matching forms from the interests, live; pin
or exclude a pair when the room knows better."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Select

from toolkit.i18n import _
from toolkit.tui.literal import literal, visible
from toolkit.tui.widgets.capture.base import CapturePanel, person_label


def teams_text(result: Any) -> Text:
    """The teams and who has none (used by the projector too)."""
    names = {p.id: p.name for p in result.people}
    text = Text()
    for team in result.teams:
        text.append(visible(names.get(team.company, team.company)) + "\n", style="bold")
        for member in team.members:
            text.append(f"   {visible(names.get(member.id, member.id))}" + (" 📌" if member.pinned else "") + "\n")
    if not result.teams:
        text.append(_("No teams yet.") + "\n", style="dim")
    left = [p for u in result.unmatched for p in u.people]
    if left:
        text.append(visible(_("Without a team: {names}").format(names=", ".join(names.get(p, p) for p in left))) + "\n",
                    style="yellow")
    return text


class MatchingPanel(CapturePanel):
    # the pickers on a row of their own: beside the buttons, in the narrow panel run mode
    # gives a capture next to the instructions, they were squeezed to a few columns (and the
    # opened list, left with no width, crashed Textual's option list)
    DEFAULT_CSS = """
    MatchingPanel Horizontal.matching-controls { height: auto; }
    MatchingPanel Select { width: 1fr; min-width: 16; }
    """

    def compose_controls(self) -> ComposeResult:
        result = self.result()
        first = [(literal(p.name), p.id) for p in result.people if p.role == result.roles[0]]
        second = [(literal(p.name), p.id) for p in result.people if p.role == result.roles[1]]
        with Horizontal(classes="matching-controls"):
            yield Select(first, id="pair-a", prompt=_("Person"))
            yield Select(second, id="pair-b", prompt=_("Person"))
        with Horizontal(classes="matching-controls"):
            yield Button(_("Pin"), id="pin")
            yield Button(_("Exclude"), id="exclude")

    def describe(self, captured: Any) -> Any:
        d = captured.data.root
        label = _("pinned") if d.op == "pin" else _("excluded")
        return f"{person_label(self.engine, d.a)} + {person_label(self.engine, d.b)}: {label}"

    def render_result(self, result: Any) -> Any:
        return teams_text(result)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        a = self.query_one("#pair-a", Select).value
        b = self.query_one("#pair-b", Select).value
        if not isinstance(a, str) or not isinstance(b, str):
            self.post_message(self.Failed(_("Choose both people first.")))
            return
        self.commit({"op": event.button.id, "a": a, "b": b})
