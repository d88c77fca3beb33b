"""Key bindings with ids, which a user can remap in the configuration file.

Every binding of the terminal UI is registered in :data:`DEFAULTS` under an id
(``"area.action-name"``) with its default keys, the English description (a msgid, translated
where shown) and whether the footer shows it. Screens build their ``BINDINGS`` with
:func:`binding`; the action is the part of the id after the first dot with ``-`` turned
into ``_`` (``"agenda.move-up"`` -> ``action_move_up``), and ids starting with ``app.`` run
on the app. A user overrides keys in ``config.toml``::

    [keys]
    "run.next" = "n,right"

The app applies those overrides through Textual's keymap (:func:`user_keymap`), so they
hold for every screen, also for screens imported before the configuration was read.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from textual.binding import Binding

from toolkit.i18n import N_, _

#: id -> (default keys, description msgid, shown in the footer)
DEFAULTS: dict[str, tuple[str, str, bool]] = {
    # the whole app
    "app.help": ("f1,question_mark", N_("Keys"), True),
    "app.command-palette": ("ctrl+p", N_("Commands"), False),
    "app.home": ("f2", N_("Home"), False),
    "app.library": ("f3", N_("Method library"), False),
    "app.next-theme": ("f9", N_("Next theme"), False),
    "app.workbook": ("f10", N_("Workbook"), False),
    "app.quit": ("ctrl+q", N_("Quit"), False),
    # home screen
    "home.new": ("n", N_("New workshop"), True),
    "home.open": ("o", N_("Open folder"), True),
    "home.demo": ("d", N_("Demo workshop"), False),
    "home.library": ("l", N_("Method library"), False),
    "home.agenda": ("a", N_("Edit agenda"), False),
    "home.run": ("r", N_("Run workshop"), False),
    "home.workbook": ("w", N_("Open the workbook"), False),
    "home.forget": ("delete", N_("Remove from list"), False),
    # method library
    "library.search": ("slash", N_("Search"), True),
    "library.pick": ("a", N_("Add to agenda"), True),
    "library.next-category": ("c", N_("Next category"), False),
    "library.next-language": ("ctrl+g", N_("Switch card language"), False),
    "library.clear": ("ctrl+r", N_("Clear filters"), False),
    "library.close": ("escape", N_("Back"), True),
    # agenda builder
    "agenda.add-method": ("a", N_("Add method"), True),
    "agenda.add-talk": ("t", N_("Add talk"), True),
    "agenda.add-break": ("b", N_("Add break"), True),
    "agenda.edit": ("e", N_("Edit item"), False),
    "agenda.longer": ("plus,equals_sign", N_("5 minutes longer"), False),
    "agenda.shorter": ("minus", N_("5 minutes shorter"), False),
    "agenda.move-up": ("shift+up,K", N_("Move up"), False),
    "agenda.move-down": ("shift+down,J", N_("Move down"), False),
    "agenda.remove": ("delete,x", N_("Remove item"), True),
    "agenda.undo": ("ctrl+z,u", N_("Undo"), False),
    "agenda.save": ("ctrl+s", N_("Save"), True),
    "agenda.run": ("ctrl+r", N_("Run workshop"), False),
    "agenda.close": ("escape", N_("Back"), False),
    # workbook
    "workbook.edit": ("e", N_("Edit chapter"), True),
    "workbook.save": ("ctrl+s", N_("Save"), True),
    "workbook.status": ("ctrl+t", N_("Change status"), True),
    "workbook.board": ("ctrl+b", N_("Back to the board"), False),
    "workbook.reload": ("ctrl+r", N_("Reload from disk"), False),
    "workbook.sync": ("f5", N_("Sync with the sessions"), True),
    "workbook.build": ("f6", N_("Build (HTML)"), True),
    "workbook.close": ("escape", N_("Back"), True),
    # run mode (Page Down / Page Up are what presentation clickers send)
    "run.next": ("pagedown", N_("Next"), True),
    "run.previous": ("pageup", N_("Back"), True),
    "run.pause": ("f5", N_("Pause"), True),
    "run.add-minute": ("f6", N_("+1 min"), True),
    "run.remove-minute": ("shift+f6", N_("−1 min"), False),
    "run.edit": ("f4", N_("Edit"), True),
    "run.remove": ("f8", N_("Remove"), True),
    "run.undo": ("ctrl+z", N_("Undo"), True),
    "run.projector-toggle": ("f7", N_("Projector"), True),
    "run.reveal": ("f9", N_("Reveal/hide results"), True),
    "run.blackout": ("ctrl+b", N_("Black screen"), True),
    "run.input": ("f10", N_("Open/close input"), False),
    "run.instructions": ("f3", N_("Instructions"), False),
    "run.reopen": ("ctrl+o", N_("Reopen the session"), False),
    "run.finish": ("ctrl+f", N_("Finish"), False),
    "run.serve": ("f12", N_("Room's phones"), False),
    "run.moderation": ("ctrl+t", N_("Moderation on/off"), False),
    "run.held": ("ctrl+l", N_("Held cards"), False),
    # the room's phones (serving) and the cards held for moderation
    "room.switch": ("s", N_("Serving on/off"), True),
    "room.close": ("escape", N_("Back"), True),
    "held.accept": ("a", N_("Accept card"), True),
    "held.reject": ("r,delete", N_("Reject card"), True),
    "held.moderation": ("m", N_("Moderation on/off"), True),
    "held.close": ("escape", N_("Back"), True),
    # the programme
    "programme.reload": ("ctrl+r", N_("Reload from disk"), True),
    "programme.close": ("escape", N_("Back"), True),
    # projector view
    "projector.close": ("escape", N_("Back"), False),
    # dialogs
    "dialog.cancel": ("escape", N_("Cancel"), True),
    # help screen
    "help.close": ("escape,f1,question_mark,q", N_("Close"), True),
}

#: Titles of the id prefixes, for the help screen and the command palette.
AREAS: dict[str, str] = {
    "app": N_("Everywhere"),
    "home": N_("Start screen"),
    "library": N_("Method library"),
    "agenda": N_("Agenda"),
    "workbook": N_("Workbook"),
    "run": N_("Running a workshop"),
    "projector": N_("Projector"),
    "room": N_("The room's phones"),
    "held": N_("Held cards"),
    "programme": N_("Programme"),
    "help": N_("Keys"),
    "dialog": N_("Dialogs"),
}


def action_of(binding_id: str) -> str:
    """The action a binding id runs: ``"agenda.move-up"`` -> ``"move_up"``."""
    return binding_id.split(".", 1)[1].replace("-", "_")


def binding(binding_id: str, action: str | None = None, *, show: bool | None = None,
            priority: bool = False, key_display: str | None = None) -> Binding:
    """The :class:`Binding` registered as ``binding_id`` (default keys; the app's keymap
    applies the user's overrides). ``action`` replaces the action derived from the id."""
    keys, description, shown = DEFAULTS[binding_id]
    if action is None:
        action = action_of(binding_id)
        if binding_id.startswith("app."):
            action = f"app.{action}"
    return Binding(keys, action, description, show=shown if show is None else show, priority=priority,
                   key_display=key_display, id=binding_id)


def localize(node: Any) -> None:
    """Translate the descriptions of ``node``'s bindings into the active language.

    Textual builds a class's bindings once, when the class is defined; a screen made later
    in another language (tests switch between languages, so can a long session) calls this
    from its ``__init__`` so that its footer speaks the active language."""
    bindings = node._bindings  # the instance's copy of the class's bindings
    for key, entries in bindings.key_to_bindings.items():
        bindings.key_to_bindings[key] = [
            dataclasses.replace(b, description=_(b.description)) if b.description else b for b in entries]


def user_keymap(config: Mapping[str, Any] | None) -> tuple[dict[str, str], list[str]]:
    """The ``[keys]`` section as a Textual keymap, and the ids in it nobody registered."""
    keys = dict((config or {}).get("keys") or {})
    keymap = {bid: str(value) for bid, value in keys.items() if bid in DEFAULTS and isinstance(value, str)}
    unknown = sorted(bid for bid in keys if bid not in keymap)
    return keymap, unknown


def keys_for(binding_id: str, keymap: Mapping[str, str] | None = None) -> str:
    """The keys bound to ``binding_id`` (comma-separated), the user's override first."""
    if keymap and binding_id in keymap:
        return keymap[binding_id]
    return DEFAULTS[binding_id][0]


def display_keys(keys: str) -> str:
    """Keys as a person reads them: ``"shift+up,K"`` -> ``"Shift+↑ / K"``."""
    # key names as printed on the keyboard of the active language (German: Strg, Entf, ...)
    names = {"up": "↑", "down": "↓", "left": "←", "right": "→", "question_mark": "?", "slash": "/",
             "plus": "+", "minus": "-", "equals_sign": "=", "escape": _("Esc"), "enter": _("Enter"),
             "delete": _("Del"), "space": _("Space"), "tab": _("Tab"), "backspace": "⌫",
             "pagedown": _("PgDn"), "pageup": _("PgUp"), "home": _("Home"), "end": _("End"),
             "insert": _("Ins"), "ctrl": _("Ctrl"), "shift": _("Shift"), "alt": _("Alt")}
    shown = []
    for key in keys.split(","):
        parts = [p.strip() for p in key.strip().split("+")]
        words = []
        for part in parts:
            if part in names:
                words.append(names[part])
            elif (len(part) == 1 and len(parts) > 1) or (part[:1] == "f" and part[1:].isdigit()):
                words.append(part.upper())  # Ctrl+W, F1
            else:
                words.append(part)
        shown.append("+".join(words))
    return " / ".join(shown)


def help_rows(keymap: Mapping[str, str] | None = None) -> list[tuple[str, str, str, str]]:
    """``(area title, keys, description, id)`` for every registered binding, translated."""
    rows = []
    for binding_id, (_keys, description, _shown) in DEFAULTS.items():
        area = binding_id.split(".", 1)[0]
        rows.append((_(AREAS.get(area, area)), display_keys(keys_for(binding_id, keymap)), _(description),
                     binding_id))
    return rows
