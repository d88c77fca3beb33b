"""The canvas panel: highlight a field (its guiding question shows), type an entry, Enter
saves it into that field; the canvas so far beside it."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from toolkit.i18n import _
from toolkit.tui.literal import literal, visible
from toolkit.tui.widgets.capture.base import CaptureInput, CapturePanel


class CanvasPanel(CapturePanel):
    DEFAULT_CSS = """
    CanvasPanel #fields { height: auto; max-height: 9; }
    CanvasPanel #field-hint { color: $text-muted; height: auto; }
    """

    def compose_controls(self) -> ComposeResult:
        yield OptionList(*[Option(literal(f.title), id=f.id) for f in self.options.fields], id="fields")
        yield Static(literal(self.options.fields[0].hint if self.options.fields else ""), id="field-hint")
        yield CaptureInput(placeholder=_("Entry for the highlighted field; Enter saves"), id="capture-input")

    def describe(self, captured: Any) -> Any:
        titles = {f.id: f.title for f in self.options.fields}
        return f"{titles.get(captured.data.field, captured.data.field)}: {captured.data.text}"

    def render_result(self, result: Any) -> Any:
        text = Text()
        for field in result.fields:
            text.append(f"{visible(field.title)} ({len(field.entries)})\n", style="bold")
            for entry in field.entries[-3:]:
                text.append(f"  • {visible(entry.text)}\n")
        return text

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id != "fields":
            return
        event.stop()
        hints = {f.id: f.hint for f in self.options.fields}
        self.query_one("#field-hint", Static).update(literal(hints.get(event.option.id, "")))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "fields":
            event.stop()
            self.query_one("#capture-input", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        fields = self.query_one("#fields", OptionList)
        index = fields.highlighted if fields.highlighted is not None else 0
        text = event.value.strip()
        if not text or not self.options.fields:
            self.settle(event, None)
            return
        self.settle(event, self.commit({"field": self.options.fields[index].id, "text": text}))
