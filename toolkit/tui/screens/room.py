"""The room's phones, seen from run mode: :class:`RoomScreen` switches the participant
server on and off and shows how to join (address, join code, a QR code);
:class:`HeldScreen` lists the current step's cards held for moderation, to accept or reject
each, and turns moderation on or off.

The server itself belongs to the web package, which the terminal UI never imports: run mode
gets its class through :func:`toolkit.serving.room_server` (an import string resolved when
serving is switched on) and keeps the running instance; these screens only show it.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingsMap
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from toolkit.i18n import _
from toolkit.tui.literal import literal

ROOM_BINDING_IDS = ("room.switch", "room.close")
HELD_BINDING_IDS = ("held.accept", "held.reject", "held.moderation", "held.close")


def _bindings(ids: tuple[str, ...]) -> BindingsMap:
    from toolkit.tui.bindings import binding

    return BindingsMap([dataclasses.replace(found, description=_(found.description))
                        for found in (binding(binding_id) for binding_id in ids)])


def qr_text(data: str) -> Text:
    """``data`` as a QR code in half-block characters, two modules per character cell,
    dark modules on a light background whatever the theme (scanners expect that)."""
    import segno

    rows = [list(row) for row in segno.make(data, error="m").matrix_iter(scale=1, border=2)]
    if len(rows) % 2:
        rows.append([False] * len(rows[0]))
    lines = []
    for top, bottom in zip(rows[0::2], rows[1::2]):
        lines.append("".join("█" if t and b else "▀" if t else "▄" if b else " " for t, b in zip(top, bottom)))
    return Text("\n".join(lines), style="black on white", no_wrap=True, overflow="crop")


def join_facts(prepared: Any) -> list[str]:
    """What the room needs to join (and the facilitator's own links), one line each."""
    lines = [_("Join at {url}").format(url=prepared.public_url),
             _("Join code: {code}").format(code=prepared.room.code),
             _("Projector: {url}").format(url=prepared.projector_url),
             _("Facilitator (keep this link to yourself): {url}").format(url=prepared.facilitator_url)]
    if prepared.bind in ("127.0.0.1", "localhost", "::1"):
        lines.append(_("Only this computer can open these pages: set lan = true in the [serve] section of "
                       "the configuration so that phones in the room can join."))
    return lines


class RoomScreen(ModalScreen[None]):
    """Serving on or off, and how the room joins."""

    DEFAULT_CSS = """
    RoomScreen { align: center middle; }
    RoomScreen > Vertical { width: 100%; max-width: 118; height: auto; max-height: 100%;
                            border: thick $accent; background: $surface; padding: 0 1; }
    RoomScreen #room-title { text-style: bold; }
    RoomScreen #room-body { height: auto; }
    RoomScreen #room-facts { width: 1fr; height: auto; padding-right: 1; }
    RoomScreen #room-qr { width: auto; height: auto; }
    RoomScreen #room-state.-error { color: $error; text-style: bold; }
    RoomScreen #room-reach { height: auto; }
    RoomScreen #room-reach.-error { color: $error; text-style: bold; }
    """

    def __init__(self, run_screen: Any) -> None:
        super().__init__()
        self.run_screen = run_screen
        self._bindings = _bindings(ROOM_BINDING_IDS)
        #: the server whose addresses were checked, and the result (``cimis serve`` checks
        #: the same way: :func:`toolkit.serving.reachable`)
        self._reach: tuple[Any, Any] = (None, None)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(literal(_("The room's phones")), id="room-title")
            yield Static("", id="room-state")
            with Horizontal(id="room-body"):
                yield Static("", id="room-facts")
                yield Static("", id="room-qr")
            yield Static("", id="room-reach")
        yield Footer()

    def on_mount(self) -> None:
        self.show()

    def show(self) -> None:
        """Redraw from the run screen's server (after it started or stopped)."""
        run = self.run_screen
        prepared = run.serving
        if not self.query("#room-state"):
            return  # not composed yet: on_mount shows it
        state = self.query_one("#room-state", Static)
        facts = self.query_one("#room-facts", Static)
        qr = self.query_one("#room-qr", Static)
        state.set_class(bool(run.serve_error), "-error")
        from toolkit.tui.bindings import display_keys

        key = display_keys(run._keys_of(self, "room.switch"))
        if run.serve_busy:
            state.update(literal(_("Switching the server…")))
        elif run.serve_error:
            state.update(literal(_("The server could not start: {error}").format(error=run.serve_error)))
        elif prepared is None:
            state.update(literal(_("Not serving: the room cannot join. {key} starts serving.").format(key=key)))
        else:
            state.update(literal(_("Serving: the room can join. {key} stops serving.").format(key=key)))
        reach = self.query_one("#room-reach", Static)
        if prepared is None:
            facts.update("")
            qr.update("")
            qr.display = False
            reach.update("")
            reach.display = False
            return
        facts.update(literal("\n".join(join_facts(prepared))))
        qr.update(qr_text(prepared.join_url))
        qr.display = True
        self._show_reach(prepared, reach)

    def _show_reach(self, prepared: Any, reach: Static) -> None:
        """Which addresses answer, for a server on the network (one on loopback is only
        for this computer, which the join facts say already); checked once per server, in
        a worker, because an address that does not answer takes a moment to time out."""
        if prepared.bind in ("127.0.0.1", "localhost", "::1"):
            reach.display = False
            return
        reach.display = True
        checked, found = self._reach
        if checked is not prepared:
            self._reach = (prepared, None)
            reach.update(literal(_("Checking which addresses the room can reach…")))
            reach.set_class(False, "-error")
            self.run_worker(self._check_reach(prepared), group="reach")
            return
        if found is None:
            return
        from toolkit.serving import reachability_lines

        lines, advice, outside = reachability_lines(found, prepared.port)
        reach.update(literal("\n".join([*lines, advice])))
        reach.set_class(not outside, "-error")

    async def _check_reach(self, prepared: Any) -> None:
        import asyncio

        from toolkit.serving import reachable

        found = await asyncio.to_thread(reachable, prepared.bind, prepared.port)
        if self._reach[0] is prepared:
            self._reach = (prepared, found)
            self.show()

    def action_switch(self) -> None:
        self.run_screen.switch_serving()

    def action_close(self) -> None:
        self.dismiss(None)


class HeldScreen(ModalScreen[None]):
    """The current step's cards waiting for moderation, oldest first."""

    DEFAULT_CSS = """
    HeldScreen { align: center middle; }
    HeldScreen > Vertical { width: 100%; max-width: 100; height: auto; max-height: 100%;
                            border: thick $accent; background: $surface; padding: 0 1; }
    HeldScreen #held-title { text-style: bold; }
    HeldScreen #held-list { height: auto; max-height: 16; }
    HeldScreen #held-state.-saved { color: $success; }
    HeldScreen #held-state.-error { color: $error; text-style: bold; }
    """

    def __init__(self, engine: Any, item: str, step: str) -> None:
        super().__init__()
        self.engine = engine
        self.item = item
        self.step = step
        self._bindings = _bindings(HELD_BINDING_IDS)
        self._ids: list[int] = []

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("", id="held-title")
            yield OptionList(id="held-list")
            yield Static("", id="held-state")
        yield Footer()

    def on_mount(self) -> None:
        self.reload()
        self.query_one(OptionList).focus()

    def reload(self) -> None:
        """Show what is held now (the server may have added cards meanwhile)."""
        view = self.engine.presenter(self.item, self.step)
        held = self.engine.held(self.item, self.step)
        title = _("Held for moderation: {n}").format(n=len(held))
        title += " · " + (_("moderation on") if view.moderated else _("moderation off"))
        self.query_one("#held-title", Static).update(literal(title))
        options = self.query_one(OptionList)
        ids = [r.id for r in held]
        if ids == self._ids:
            return
        highlighted = options.highlighted
        self._ids = ids
        options.clear_options()
        options.add_options([Option(literal(self._line(r)), id=str(r.id)) for r in held])
        if held:
            options.highlighted = min(highlighted or 0, len(held) - 1)
        elif not view.moderated:
            self._state(_("Nothing is held. Turn moderation on to hold the room's cards until you accept them."))

    @staticmethod
    def _line(record: Any) -> str:
        data = record.data
        text = data.get("text") if isinstance(data, dict) else None
        if not isinstance(text, str):
            text = ", ".join(f"{k}: {v}" for k, v in (data.items() if isinstance(data, dict) else []))
        return f"#{record.id}  {text}"

    def _state(self, message: str, state: str = "") -> None:
        label = self.query_one("#held-state", Static)
        label.update(literal(message))
        label.set_class(state == "saved", "-saved")
        label.set_class(state == "error", "-error")

    def _selected(self) -> int | None:
        index = self.query_one(OptionList).highlighted
        if index is None or index >= len(self._ids):
            return None
        return self._ids[index]

    def _decide(self, accept: bool) -> None:
        from toolkit.errors import CimisError

        record_id = self._selected()
        if record_id is None:
            self._state(_("No card is held."), "error")
            return
        try:
            self.engine.moderate(record_id, accept)
        except CimisError as exc:
            self._state("✗ " + str(exc), "error")
            return
        self._state("✓ " + (_("Card #{id} accepted: the room sees it.") if accept
                            else _("Card #{id} rejected.")).format(id=record_id), "saved")
        self.reload()
        self._refresh_run()

    def _refresh_run(self) -> None:
        for screen in self.app.screen_stack:
            refresh = getattr(screen, "after_moderation", None)
            if callable(refresh):
                refresh()

    def action_accept(self) -> None:
        self._decide(True)

    def action_reject(self) -> None:
        self._decide(False)

    def action_moderation(self) -> None:
        from toolkit.errors import CimisError

        view = self.engine.presenter(self.item, self.step)
        try:
            self.engine.set_moderation(not view.moderated, self.item, self.step)
        except CimisError as exc:
            self._state("✗ " + str(exc), "error")
            return
        self._state(_("Moderation on: the room's cards wait until you accept them.") if not view.moderated
                    else _("Moderation off: the room's cards show at once (held cards still wait)."))
        self.reload()
        self._refresh_run()

    def action_close(self) -> None:
        self.dismiss(None)
