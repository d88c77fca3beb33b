"""The agenda rail: :class:`AgendaRail`, the day's items down the side of run mode, with the
current item opened to show its steps.

Done items are ticked, the current step is marked with an arrow and reversed colours, so a
glance from across the room says where the workshop stands. The rail is one ``Static``
rendering a Rich ``Text``: the agenda is short, and redrawing it whole on a step change is
cheaper and steadier than a tree of widgets.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from toolkit.i18n import _
from toolkit.tui.literal import visible


def rail_text(agenda: Any, position: tuple[str, str] | None, finished: bool = False, width: int = 28) -> Text:
    """The rail as Rich text: one line per agenda item (start time, title), the current item's
    steps beneath it."""
    # long titles wrap instead of being cut: the room reads every word of the current item
    text = Text()
    current_index = None
    if position is not None:
        current_index = next((n for n, item in enumerate(agenda.items) if item.id == position[0]), None)
    for n, item in enumerate(agenda.items):
        done = finished or (current_index is not None and n < current_index)
        here = n == current_index and not finished
        mark = "✓ " if done else ("▶ " if here else "  ")
        start = item.start.strftime("%H:%M") if item.start else "     "
        style = "dim" if done else ("bold reverse" if here else "")
        title = visible(item.title)
        text.append(f"{mark}{start} {title}\n", style=style)
        if here and len(item.steps) > 1:
            passed = True
            for step in item.steps:
                is_step = position is not None and step.id == position[1]
                if is_step:
                    passed = False
                label = visible(step.title)
                style = "bold" if is_step else ("dim" if passed else "")
                text.append(f"     {'›' if is_step else ' '} {label}\n", style=style)
    if finished:
        text.append("\n" + _("Session finished") + "\n", style="bold")
    return text


class AgendaRail(VerticalScroll):
    """The agenda down the side; call :meth:`show` with the position to move the marker."""

    DEFAULT_CSS = """
    AgendaRail {
        width: 32;
        height: 1fr;
        border: round $primary-background-lighten-2;
        border-title-color: $text-muted;
        padding: 0 1;
        scrollbar-size-vertical: 1;
    }
    AgendaRail > Static { width: 100%; }
    """

    def __init__(self, agenda: Any, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.agenda = agenda
        self._shown: tuple | None = None

    def compose(self):
        yield Static("", id="rail-text")

    def on_mount(self) -> None:
        self.border_title = _("Agenda")

    def show(self, position: tuple[str, str] | None, finished: bool = False) -> None:
        key = (position, finished)
        if key == self._shown:
            return
        self._shown = key
        self.query_one("#rail-text", Static).update(rail_text(self.agenda, position, finished, width=30))
