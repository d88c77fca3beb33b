"""The dot-voting panel: choose the voter, then Enter on an item gives it one dot; the
ranking beside it updates with every dot. Room totals (paper dots counted after a round):
highlight the item, type the count into the room-count field and press Enter; a recount
replaces the item's earlier count."""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, OptionList, Select
from textual.widgets.option_list import Option

from toolkit.capture.common import plain
from toolkit.capture.kinds.dots import DotVote, RoomTally, items_of
from toolkit.i18n import _
from toolkit.tui.literal import literal
from toolkit.tui.widgets.capture.base import CaptureInput, CapturePanel, bar, choice, people_options, person_label


class DotsPanel(CapturePanel):
    DEFAULT_CSS = """
    DotsPanel #dot-items { height: 1fr; max-height: 12; }
    DotsPanel #voter { width: 1fr; }
    DotsPanel #room-count { width: 1fr; }
    """

    def compose_controls(self) -> ComposeResult:
        voters = people_options(self.engine)
        with Horizontal(classes="dots-head", id="dots-head"):
            yield choice(voters, id="voter", prompt=_("Voter"))
            yield CaptureInput(placeholder=_("Room count for the highlighted item"), type="integer", id="room-count",
                        max_length=6)
        items = items_of(self.options, self.engine.context(self.step.item_id))
        yield OptionList(*[Option(literal(item.label), id=item.id) for item in items], id="dot-items")

    def hint(self) -> str:
        return _("Enter gives the highlighted item one dot from the voter; a number and Enter in the "
                 "room-count field sets the paper dots counted on it.")

    def describe(self, captured: Any) -> Any:
        data = plain(captured.data)
        items = items_of(self.options, self.engine.context(self.step.item_id))
        label = {i.id: i.label for i in items}.get(data.item, data.item)
        if isinstance(data, RoomTally):
            return Text.assemble(_("Room count"), " → ", literal(label), f" ({data.dots})")
        return Text.assemble(literal(person_label(self.engine, data.voter)), " → ", literal(label), f" ({data.dots})")

    def _spent(self, voter: str) -> int:
        return sum(d.dots for d in (plain(c.data) for c in self.records())
                   if isinstance(d, DotVote) and d.voter == voter)

    def render_result(self, result: Any) -> Any:
        table = Table.grid(padding=(0, 1))
        most = max((r.dots for r in result.ranking), default=0)
        for row in result.ranking:
            in_room = _("{dots} ({room} in the room)")
            count = in_room.format(dots=row.dots, room=row.room) if row.room else str(row.dots)
            table.add_row(f"{row.rank}.", literal(row.label, overflow="ellipsis", no_wrap=True), count,
                          Text(bar(row.dots, most, 12), style="green"))
        voter = self.query_one("#voter", Select).value
        if isinstance(voter, str):
            spent = self._spent(voter)
            left = max(0, self.options.dots_per_person - spent)
            left_text = _("{name}: {left} of {total} dots left").format(
                name=person_label(self.engine, voter), left=left, total=self.options.dots_per_person)
            table.add_row("", Text(left_text, style="dim"), "", "")
        return table

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self.refresh_result()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id != "dot-items":
            return
        event.stop()
        voter = self.query_one("#voter", Select)
        if not isinstance(voter.value, str):
            self.post_message(self.Failed(_("Choose the voter first.")))
            return
        saved = self.commit({"voter": voter.value, "item": event.option.id, "dots": 1})
        if saved is not None:
            spent = self._spent(voter.value)
            if spent >= self.options.dots_per_person:
                # this voter is done: the next one steps up, as at the pinboard
                ids = [v for _n, v in people_options(self.engine)]
                at = ids.index(voter.value)
                if at + 1 < len(ids):
                    voter.value = ids[at + 1]

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "room-count":
            return
        event.stop()
        items = self.query_one("#dot-items", OptionList)
        if items.highlighted is None or items.option_count == 0:
            self.post_message(self.Failed(_("Highlight the item the room count is for.")))
            self.settle(event, None)
            return
        text = event.value.strip()
        if not text.isdigit():
            self.post_message(self.Failed(_("The room count is a whole number of dots (0 or more).")))
            self.settle(event, None)
            return
        option = items.get_option_at_index(items.highlighted)
        saved = self.commit({"op": "tally", "item": option.id, "dots": int(text)})
        self.settle(event, saved)
