"""The speed-dating panel: the round's own countdown with a changeover signal, the table plan
of the current round (and the next) with full names, a button to start the next round, and
absent/present for late arrivals and no-shows (the rounds still to come are planned anew
without them, the absent are marked)."""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Select, Static

from toolkit.i18n import _
from toolkit.tui.literal import literal
from toolkit.tui.widgets.capture.base import CapturePanel, people_options, person_label


def round_table(result: Any, number: int, names: dict[str, str]) -> Table:
    """The seats of round ``number`` as a table (used by the projector too)."""
    table = Table(box=None, padding=(0, 1), show_header=False)
    table.add_column(justify="right", style="bold")
    table.add_column()
    table.add_column(justify="center")
    table.add_column()
    for r in result.rounds:
        if r.number == number:
            for seat in r.seats:
                table.add_row(_("Table {number}").format(number=seat.table), literal(names.get(seat.a, seat.a)), "↔",
                              literal(names.get(seat.b, seat.b)))
            if r.sitting_out:
                table.add_row("", literal(_("Sitting out: {names}").format(
                    names=", ".join(names.get(p, p) for p in r.sitting_out)), style="dim"), "", "")
    return table


def names_of(result: Any) -> dict[str, str]:
    return {p.id: p.name for p in (*result.group_a, *result.group_b)}


def round_started(records: list[Any]) -> tuple[int, float] | None:
    """``(number, time)`` of the latest round start among the step's records."""
    latest = None
    for captured in records:
        data = getattr(captured.data, "root", captured.data)
        if getattr(data, "op", None) == "round":
            latest = (data.number, captured.at)
    return latest


class RotationPanel(CapturePanel):
    DEFAULT_CSS = """
    RotationPanel Horizontal.rotation-controls { height: auto; }
    RotationPanel #person { width: 1fr; }
    RotationPanel #round-clock { height: 1; text-style: bold; color: $accent; }
    RotationPanel #round-clock.-change { color: $error; text-style: bold reverse; }
    """

    def compose(self):
        yield Static("", id="round-clock")
        yield from super().compose()

    def on_mount(self) -> None:
        super().on_mount()
        self._signalled: set[int] = set()
        self.tick()
        self.set_interval(0.5, self.tick)

    def tick(self) -> None:
        """The round's countdown from the engine's clock; when it runs out, one bell and a
        "change tables" line (the room hears and sees the changeover)."""
        started = round_started(self.records())
        clock = self.query_one("#round-clock", Static)
        if started is None:
            clock.update(literal(_("No round started yet.")), layout=False)
            clock.set_class(False, "-change")
            return
        number, at = started
        left = self.options.round_minutes * 60 - (self.engine.now() - at)
        if left > 0:
            minutes, seconds = divmod(int(left + 0.999), 60)
            clock.update(literal(_("Round {number}: {time} left").format(number=number,
                                                                        time=f"{minutes:02d}:{seconds:02d}")),
                         layout=False)
            clock.set_class(False, "-change")
            return
        clock.update(literal(_("Round {number} is over: change tables!").format(number=number)), layout=False)
        clock.set_class(True, "-change")
        if number not in self._signalled:
            self._signalled.add(number)
            self.app.bell()

    def compose_controls(self) -> ComposeResult:
        with Horizontal(classes="rotation-controls"):
            yield Button(_("Start next round"), id="next-round", variant="primary")
            people = people_options(self.engine, roles=tuple(self.options.groups))
            yield Select(people, id="person", prompt=_("Person"))
            yield Button(_("Absent / present"), id="toggle-absent")

    def describe(self, captured: Any) -> Any:
        d = captured.data.root
        if d.op == "round":
            return _("Round {number} started").format(number=d.number)
        label = _("absent") if d.op == "absent" else _("present")
        return f"{person_label(self.engine, d.person)}: {label}"

    def render_result(self, result: Any) -> Any:
        names = names_of(result)
        shown = max(1, result.current_round)
        text = Table.grid()
        if not result.rounds:
            return Text(_("No rounds: both groups need at least one person."))
        title = _("Round {number} of {total}").format(number=shown, total=len(result.rounds))
        if result.current_round == 0:
            title += " · " + _("not started")
        text.add_row(Text(title, style="bold"))
        text.add_row(round_table(result, shown, names))
        if shown < len(result.rounds):
            text.add_row(Text("\n" + _("Next: round {number}").format(number=shown + 1), style="dim bold"))
            text.add_row(round_table(result, shown + 1, names))
        if result.absent:
            text.add_row(literal(_("Absent: {names}").format(names=", ".join(names.get(p, p) for p in result.absent)),
                              style="yellow"))
        return text

    def start_next_round(self) -> Any:
        result = self.result()
        number = result.current_round + 1
        return self.commit({"op": "round", "number": number},
                           announce=_("Round {number} started").format(number=number))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "next-round":
            self.start_next_round()
            self.tick()
        elif event.button.id == "toggle-absent":
            person = self.query_one("#person", Select).value
            if not isinstance(person, str):
                self.post_message(self.Failed(_("Choose the person first.")))
                return
            op = "present" if person in self.result().absent else "absent"
            self.commit({"op": op, "person": person})
