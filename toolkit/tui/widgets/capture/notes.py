"""The notes panel: type a note, Enter saves it; the notes of the step below."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.widgets import Input

from toolkit.i18n import _
from toolkit.tui.widgets.capture.base import CaptureInput, CapturePanel


class NotesPanel(CapturePanel):
    show_result_view = False

    def compose_controls(self) -> ComposeResult:
        yield CaptureInput(placeholder=_("Type a note and press Enter"), id="capture-input")

    def describe(self, captured: Any) -> Any:
        author = f"  – {captured.author}" if captured.author else ""
        return f"{captured.data.text}{author}"

    def after_commit(self, saved: Any) -> None:
        # one new row instead of the whole list: the room types fast
        record = saved.record
        if record is not None and saved.event.type == "captured":
            self.record_list.append(record.id, record.data.get("text", ""))
        else:
            self.refresh_records()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if text:
            self.settle(event, self.commit({"text": text}))
