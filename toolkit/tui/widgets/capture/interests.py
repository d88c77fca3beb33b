"""The interests panel: choose a person, tick the people of the other group they want to
work with (in order of preference), ctrl+s or the button saves; mutual interests beside it."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Button, Select, SelectionList

from toolkit.i18n import _
from toolkit.tui.literal import literal, visible
from toolkit.tui.widgets.capture.base import CapturePanel, person_label


class InterestsPanel(CapturePanel):
    BINDINGS = [Binding("ctrl+s", "save_marks", _("Save marks"))]
    DEFAULT_CSS = """
    InterestsPanel Horizontal.interest-controls { height: auto; }
    InterestsPanel #person { width: 1fr; }
    InterestsPanel #wants { height: auto; max-height: 10; }
    """

    def compose_controls(self) -> ComposeResult:
        result = self.result()
        people = [(literal(p.name), p.id) for p in result.people]
        with Horizontal(classes="interest-controls"):
            yield Select(people, id="person", prompt=_("Who marks"))
            yield Button(_("Save marks"), id="save-marks", variant="primary")
        yield SelectionList[str](id="wants")

    def hint(self) -> str:
        limit = self.options.max_choices
        text = _("Space ticks people, most wanted first.")
        if limit:
            text += " " + _("At most {count}.").format(count=limit)
        return text

    def describe(self, captured: Any) -> Any:
        d = captured.data
        return f"{person_label(self.engine, d.person)} → " + ", ".join(person_label(self.engine, w) for w in d.wants)

    def render_result(self, result: Any) -> Any:
        names = {p.id: p.name for p in result.people}
        text = Text(_("Mutual interests") + "\n", style="bold")
        for m in result.mutual:
            text.append(visible(f"  {names.get(m.a, m.a)} ↔ {names.get(m.b, m.b)}") + "\n")
        if not result.mutual:
            text.append("  " + _("none yet") + "\n", style="dim")
        text.append(_("{count} of {total} people have marked").format(
            count=len(result.preferences), total=len(result.people)) + "\n", style="dim")
        return text

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        person = event.value
        wants = self.query_one("#wants", SelectionList)
        wants.clear_options()
        if not isinstance(person, str):
            return
        result = self.result()
        roles = {p.id: p.role for p in result.people}
        current: list[str] = next((p.wants for p in result.preferences if p.person == person), [])
        # with a rotation behind it, people mark only the other group
        others = [p for p in result.people
                  if p.id != person and (result.groups is None or p.role != roles.get(person))]
        wants.add_options([(literal(p.name), p.id, p.id in current) for p in others])
        if others:
            # a list without a highlighted row ignores Space: the first person is ready to tick
            wants.highlighted = 0

    def action_save_marks(self) -> None:
        person = self.query_one("#person", Select).value
        if not isinstance(person, str):
            self.post_message(self.Failed(_("Choose who marks first.")))
            return
        wants = list(self.query_one("#wants", SelectionList).selected)
        self.commit({"person": person, "wants": wants})

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_save_marks()
