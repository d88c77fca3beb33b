"""The command palette's provider: every action of the app, found by its German or its
English name.

Actions are the registered bindings (:data:`toolkit.tui.bindings.DEFAULTS`, run mode's
included) that the current screen or the app can perform now, plus a few without a key
(switching themes). Each shows its name in the active language, with the other language's
name and the keys as help.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from toolkit.i18n import N_, _, get_language
from toolkit.tui.bindings import DEFAULTS, action_of, display_keys, keys_for

#: Palette entries without a key: the app's own themes.
THEME_NAMES = {
    "cimis-dark": N_("Theme: dark"),
    "cimis-light": N_("Theme: light"),
    "cimis-projector": N_("Theme: high contrast for projectors"),
}


@dataclass(frozen=True)
class PaletteCommand:
    """One action as the palette offers it."""

    id: str
    names: tuple[str, str]  # (in the active language, in the other one)
    help: str
    run: Callable[[], object]


def _german(msgid: str) -> str:
    from toolkit.i18n.de import MESSAGES

    return MESSAGES.get(msgid, msgid)


def _other(msgid: str) -> str:
    """``msgid`` in the language that is not active."""
    return msgid if get_language() == "de" else _german(msgid)


def _names(msgid: str) -> tuple[str, str]:
    german = _german(msgid)
    return (german, msgid) if get_language() == "de" else (msgid, german)


def palette_commands(app, screen) -> list[PaletteCommand]:
    """Every action the palette can run from ``screen`` now."""
    keymap = getattr(app, "keymap", {})
    commands: list[PaletteCommand] = []
    for binding_id, (_keys, description, _show) in DEFAULTS.items():
        area = binding_id.split(".", 1)[0]
        if area in {"dialog", "help"}:
            continue
        action = action_of(binding_id)
        if area == "app":
            target = app
        else:
            target = screen
            # run mode builds its bindings per instance: look at what the screen has now
            own = [b for bindings in target._bindings.key_to_bindings.values() for b in bindings]
            own += list(getattr(target, "BINDINGS", None) or [])
            if not any(getattr(b, "id", None) == binding_id for b in own):
                continue  # another screen's action
        if not hasattr(target, f"action_{action}"):
            continue
        if target.check_action(action, ()) is False:
            continue
        keys = display_keys(keys_for(binding_id, keymap))
        names = _names(description)
        commands.append(PaletteCommand(binding_id, names, f"{names[1]} · {keys}",
                                       partial(target.run_action, action)))
    # the workbook of the workshop (or the workbook) on screen: synced and built from here
    book = app.book_folder() if hasattr(app, "book_folder") else None
    if book is not None:
        for msgid, run in ((N_("Sync the workbook with the session"), partial(app.sync_workbook, book)),
                           (N_("Sync and build the workbook (HTML)"), partial(app.build_workbook, book))):
            names = _names(msgid)
            commands.append(PaletteCommand(f"workbook.{msgid}", names, names[1], run))
    # run mode: jump to any agenda item
    agenda = getattr(getattr(screen, "engine", None), "agenda", None)
    if agenda is not None and hasattr(screen, "action_goto"):
        for item in agenda.items:
            if not item.steps:
                continue
            names = (_("Go to: {title}").format(title=item.title), _other("Go to: {title}").format(title=item.title))
            commands.append(PaletteCommand(f"goto.{item.id}", names, names[1], partial(screen.action_goto, item.id)))
    for theme, msgid in THEME_NAMES.items():
        names = _names(msgid)
        commands.append(PaletteCommand(f"theme.{theme}", names, names[1], partial(app.action_set_theme, theme)))
    return commands


class CimisCommands(Provider):
    """The app's actions for Textual's command palette."""

    async def discover(self) -> Hits:
        for command in palette_commands(self.app, self.screen):
            yield DiscoveryHit(command.names[0], command.run, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in palette_commands(self.app, self.screen):
            own, other = (matcher.match(name) for name in command.names)
            score = max(own, other)
            if score > 0:
                display = matcher.highlight(command.names[0]) if own >= other else command.names[0]
                yield Hit(score, display, command.run, text=command.names[0], help=command.help)
