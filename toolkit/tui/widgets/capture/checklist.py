"""The checklist panel: space (or Enter) ticks the highlighted item; type to add an item."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from toolkit.i18n import _
from toolkit.tui.literal import literal
from toolkit.tui.widgets.capture.base import CaptureInput, CapturePanel


class ChecklistPanel(CapturePanel):
    DEFAULT_CSS = """
    ChecklistPanel #items { height: auto; max-height: 14; }
    """

    def compose_controls(self) -> ComposeResult:
        if self.options.allow_new:
            yield CaptureInput(placeholder=_("New item; Enter adds it"), id="capture-input")
        yield OptionList(id="items")

    def hint(self) -> str:
        return _("Enter on an item ticks it or takes the tick back.")

    def describe(self, captured: Any) -> Any:
        d = captured.data.root
        return {"add": _("added"), "tick": _("ticked"), "untick": _("unticked")}[d.op] + f": {d.item}"

    def refresh_result(self) -> None:
        result = self.result()
        items = self.query_one("#items", OptionList)
        keep = items.highlighted
        items.clear_options()
        items.add_options([Option(literal(("☑ " if item.done else "☐ ") + item.text), id=item.text)
                           for item in result.items])
        if result.items:
            items.highlighted = min(keep or 0, len(result.items) - 1)
        self.query_one("#result", Static).update(Text(_("{done} of {total} done").format(
            done=result.done, total=result.total), style="bold"))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id != "items":
            return
        event.stop()
        done = {item.text: item.done for item in self.result().items}
        text = event.option.id
        self.commit({"op": "untick" if done.get(text) else "tick", "item": text})

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if text:
            self.settle(event, self.commit({"op": "add", "item": text}))
