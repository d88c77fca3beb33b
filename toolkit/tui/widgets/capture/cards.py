"""The idea-cards panel: write cards, and (where the step clusters) group, rename and merge
clusters with short commands typed into the same input:

``/group NAME`` (``/g``) puts the ticked cards (or the highlighted one) into cluster NAME,
``/ungroup`` (``/u``) takes them out, ``/rename OLD = NEW`` and ``/merge A + B = C``.
Space ticks a card. Anything else typed is a new card.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Input, Static

from toolkit.i18n import _
from toolkit.tui.literal import visible
from toolkit.tui.widgets.capture.base import CaptureInput, CapturePanel


class CardsPanel(CapturePanel):
    def __init__(self, engine: Any, step: Any, *, id: str | None = None) -> None:
        super().__init__(engine, step, id=id)
        self.ticked: set[int] = set()
        self._count = 0

    def compose_controls(self) -> ComposeResult:
        yield CaptureInput(placeholder=_("Type an idea card and press Enter"), id="capture-input")

    def hint(self) -> str:
        if not getattr(self.options, "clusters", False):
            return ""
        return _("Space ticks cards · /group NAME · /ungroup · /rename OLD = NEW · /merge A + B = C")

    def rows(self) -> list[tuple[int, Any]]:
        self._result = self.result()
        self._count = len(self._result.cards)
        return [(card.id, self._label(card.id, card.text, card.cluster)) for card in self._result.cards]

    def _label(self, card_id: int, text: str, cluster: str | None) -> Text:
        line = Text("☑ " if card_id in self.ticked else "☐ " if self.hint() else "")
        line.append(visible(text))
        if cluster:
            line.append(f"  [{visible(cluster)}]", style="bold cyan")
        return line

    def refresh_result(self) -> None:
        result = getattr(self, "_result", None) or self.result()
        self._show(result)

    def _show(self, result: Any) -> None:
        lines = Text()
        lines.append(_("{count} cards").format(count=len(result.cards)) + "\n", style="bold")
        for cluster in result.clusters:
            lines.append(f"■ {visible(cluster.name)}  ({len(cluster.cards)})\n")
        if result.clusters and result.unclustered:
            lines.append(_("{count} not clustered").format(count=len(result.unclustered)) + "\n", style="dim")
        self.query_one("#result", Static).update(lines)

    def after_commit(self, saved: Any) -> None:
        record = saved.record
        if record is not None and saved.event.type == "captured" and record.data.get("op", "card") == "card":
            # a new card changes no cluster: append one row and the count, not 1,000 rows
            self._count += 1
            self.record_list.append(record.id, self._label(record.id, record.data["text"], None))
            self._result = None
            header = self.query_one("#result", Static)
            if not self.hint():
                header.update(Text(_("{count} cards").format(count=self._count) + "\n", style="bold"))
            else:
                self._show(self.result())
            return
        self.ticked.clear()
        self.refresh_records()

    def targets(self) -> list[int]:
        if self.ticked:
            return sorted(self.ticked)
        selected = self.record_list.selected_id()
        return [selected] if selected is not None else []

    def on_option_list_option_selected(self, event) -> None:
        # Enter on a card ticks it too (space is the list's own key for that below)
        event.stop()
        self.toggle_tick()

    def on_key(self, event) -> None:
        if event.key == "space" and self.record_list.has_focus and self.hint():
            event.stop()
            self.toggle_tick()

    def toggle_tick(self) -> None:
        card = self.record_list.selected_id()
        if card is None or not self.hint():
            return
        self.ticked.symmetric_difference_update({card})
        self.refresh_records()

    def parse(self, text: str) -> dict[str, Any] | str:
        """The record a typed line stands for, or a message why it stands for none."""
        if not text.startswith("/"):
            return {"op": "card", "text": text}
        command, _space, rest = text[1:].partition(" ")
        command, rest = command.lower(), rest.strip()
        if command in ("group", "g", "gruppe"):
            if not rest:
                return _("Name the cluster: /group NAME")
            if not self.targets():
                return _("Tick cards with the space bar first.")
            return {"op": "group", "cards": self.targets(), "cluster": rest}
        if command in ("ungroup", "u", "lösen"):
            if not self.targets():
                return _("Tick cards with the space bar first.")
            return {"op": "ungroup", "cards": self.targets()}
        if command in ("rename", "r", "umbenennen"):
            old, eq, new = rest.partition("=")
            if not eq:
                return _("Write: /rename OLD = NEW")
            return {"op": "rename", "cluster": old.strip(), "to": new.strip()}
        if command in ("merge", "m", "zusammen"):
            names, eq, into = rest.partition("=")
            if not eq:
                return _("Write: /merge A + B = C")
            return {"op": "merge", "clusters": [n.strip() for n in names.split("+") if n.strip()], "into": into.strip()}
        return _("Unknown command: /{command}").format(command=command)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if not text:
            return
        record = self.parse(text)
        if isinstance(record, str):
            self.post_message(self.Failed(record))
            self.settle(event, None)
            return
        self.settle(event, self.commit(record))
