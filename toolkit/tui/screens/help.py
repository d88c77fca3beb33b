"""The keys: every registered binding with its keys (the user's overrides included) and what
it does, grouped by where it works, in the active language."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Footer, Label, Static

from toolkit.i18n import _
from toolkit.tui.bindings import binding, help_rows
from toolkit.tui.screens import CimisModal


class HelpScreen(CimisModal[None]):
    """A table of the keys, over the current screen."""

    BINDINGS = [binding("help.close")]

    def compose(self) -> ComposeResult:
        with Vertical(id="help"):
            yield Label(_("Keys"), id="help-title")
            yield Static(_("Change any key in the configuration file, e.g. [keys] \"run.next\" = \"n\"."),
                         id="help-hint", markup=False)
            yield DataTable(id="help-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#help-table", DataTable)
        table.add_column(_("Where"), key="area")
        table.add_column(_("Keys"), key="keys")
        table.add_column(_("What it does"), key="what")
        table.add_column(_("Id"), key="id")
        last = None
        for area, keys, description, binding_id in help_rows(getattr(self.app, "keymap", {})):
            table.add_row(area if area != last else "", keys, description, binding_id, key=binding_id)
            last = area
        table.focus()

    def action_close(self) -> None:
        self.dismiss(None)
