"""The Textual app: :class:`CimisApp`, which opens the start screen (or run mode for a
workshop folder), applies the user's themes and key overrides, and moves between screens.

Only the start screen is imported on start-up; the library, agenda, run and projector
screens (and the method library and plans they read) load when first opened.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from textual.app import App
from textual.binding import Binding

from toolkit.i18n import _
from toolkit.tui.bindings import binding, localize, user_keymap
from toolkit.tui.themes import CYCLE, DEFAULT_THEME, PROJECTOR_THEME, THEMES

_GC_FROZEN = False


def _freeze_imports() -> None:
    """Move everything alive now (modules, classes, functions: start-up's imports) out of
    the garbage collector's sight, once per process. None of it ever becomes garbage, and
    the collections while the first screen is built would otherwise walk all of it again
    and again (a tenth of the start-up time)."""
    global _GC_FROZEN
    if not _GC_FROZEN:
        import gc

        gc.freeze()
        _GC_FROZEN = True


def typing_key(key: str) -> bool:
    """Whether ``key`` (Textual's name of a key press) types a character into a field."""
    if "+" in key.strip("+") and key.split("+")[0] in {"ctrl", "alt", "super", "meta", "hyper"}:
        return False
    if len(key) == 1:
        return key.isprintable()
    from textual.keys import _character_to_key

    global _TYPING_NAMES
    if _TYPING_NAMES is None:
        _TYPING_NAMES = frozenset(_character_to_key(chr(c)) for c in range(32, 127))
    return key in _TYPING_NAMES or (key.startswith("shift+") and len(key) == 7)


_TYPING_NAMES: frozenset[str] | None = None


def _palette_provider() -> type:
    from toolkit.tui.commands import CimisCommands

    return CimisCommands


class CimisApp(App[None]):
    """The facilitator's workshop tool."""

    # absolute, so that subclasses (tests, plugins) defined elsewhere find it too
    CSS_PATH = Path(__file__).parent / "app.tcss"
    TITLE = "cimis"
    COMMANDS = App.COMMANDS | {_palette_provider}
    COMMAND_PALETTE_BINDING = "ctrl+p"
    BINDINGS = [
        binding("app.help"),
        binding("app.command-palette", "app.command_palette"),
        binding("app.home"),
        binding("app.library"),
        binding("app.next-theme"),
        binding("app.workbook"),
        binding("app.quit", priority=True),
        # handled by the app as each key arrives, not in the queue of the control that has
        # the focus: a key a terminal delivers right after Tab (in the same read) then goes
        # to the control Tab moved to, not to the one it left
        Binding("tab", "app.focus_next", show=False, priority=True),
        Binding("shift+tab", "app.focus_previous", show=False, priority=True),
    ]

    def __init__(self, folder: Path | None = None, *, projector: bool = False, clock: Any = None,
                 config: dict[str, Any] | None = None, start: str = "home"):
        _freeze_imports()
        if clock is None:
            from toolkit.session.clock import SystemClock

            clock = SystemClock()
        self.clock = clock
        self.folder = Path(folder) if folder is not None else None
        self.projector = projector
        self.start = "run" if (folder is not None and start == "home") or projector else start
        if (self.start == "run" and not projector and self.folder is not None
                and not (self.folder / "workshop.yaml").is_file() and (self.folder / "programme.yaml").is_file()):
            self.start = "programme"
        if config is None:
            from toolkit.config import load_config

            config = load_config()
        self.config: dict[str, Any] = config
        super().__init__()
        localize(self)
        for theme in THEMES:
            self.register_theme(theme)
        keymap, self._unknown_keys = user_keymap(config)
        self.set_keymap(keymap)
        self.keymap = keymap
        chosen = config.get("theme")
        if projector:
            chosen = PROJECTOR_THEME
        self.theme = chosen if chosen in self.available_themes else DEFAULT_THEME
        self._remember_theme = False

    # -- what people typed, and what nobody expected -----------------------------------------

    def notify(self, message: str, *, title: str = "", severity: Any = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        """Notifications carry names, titles and typed text: never read as markup (and
        control characters shown as pictures), whatever a caller passes for ``markup``."""
        from toolkit.tui.literal import visible

        super().notify(visible(message), title=visible(title), severity=severity, timeout=timeout, markup=False)

    crash_log: str | None = None

    async def _check_bindings(self, key: str, priority: bool = False) -> bool:
        """While a text field has the focus, letters, digits and punctuation go to the field:
        a command remapped to a single key (``run.next = "n"``) must never make a field
        untypeable. Keys with a modifier and function keys still act as commands."""
        if priority and typing_key(key):
            from textual.widgets import Input, TextArea

            focused = self.focused
            if (isinstance(focused, Input) or (isinstance(focused, TextArea) and not focused.read_only)
                    or getattr(focused, "takes_typing", False)):
                return False
        return await super()._check_bindings(key, priority)

    def _handle_exception(self, error: Exception) -> None:
        """An exception no screen caught: the traceback goes to a log file, the person sees
        a short message naming it, and the app exits with status 1 (Textual's own handling
        sets the status; its traceback on screen is replaced by the message)."""
        from rich.text import Text

        from toolkit.tui.crash import crash_message, write_crash_log

        self.crash_log = write_crash_log(error)
        super()._handle_exception(error)
        self._return_code = 1
        self._exit_renderables[:] = [Text(crash_message(error, self.crash_log), style="bold red")]

    # -- start-up --------------------------------------------------------------------------

    def get_default_screen(self):
        """The start screen is the bottom of the stack; everything else opens over it."""
        from toolkit.tui.screens.home import HomeScreen

        return HomeScreen()

    def on_mount(self) -> None:
        if self.start == "run" and self.folder is not None:
            self.open_run(self.folder, projector=self.projector)
        elif self.start == "agenda" and self.folder is not None:
            self.open_agenda(self.folder)
        elif self.start == "workbook" and self.folder is not None:
            self.open_workbook(self.folder)
        elif self.start == "programme" and self.folder is not None:
            self.open_programme(self.folder)
        elif self.start == "library":
            self.action_library()
        if self._unknown_keys:
            self.notify(_("Unknown key binding ids in the configuration: {ids}").format(
                ids=", ".join(self._unknown_keys)), severity="warning", timeout=8)
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self._remember_theme = True
        if os.environ.get("CIMIS_EXIT_WHEN_READY") == "1":
            self.call_after_refresh(self.exit)

    def _theme_changed(self, theme: Any) -> None:
        if not self._remember_theme or self.projector:
            return
        self.config["theme"] = theme.name
        if os.environ.get("CIMIS_NO_SAVE_THEME") == "1":
            return
        from toolkit.config import save_config
        from toolkit.errors import CimisError

        try:
            save_config({"theme": theme.name})
        except (OSError, CimisError) as exc:
            self.notify(_("The theme could not be remembered: {error}").format(error=exc), severity="warning")

    # -- opening things --------------------------------------------------------------------

    def remember(self, folder: Path, title: str) -> None:
        from toolkit.tui.workshops import remember

        remember(folder, title, self.clock.now())

    def engine(self, folder: Path) -> Any:
        """A session engine for ``folder`` on the app's clock; a notification (and ``None``)
        if the plan cannot run."""
        from toolkit.errors import CimisError, ProblemsError
        from toolkit.session.engine import Engine

        try:
            return Engine(folder, clock=self.clock)
        except ProblemsError as exc:
            lines = [f"{p.line}: {p.message}" if p.line else p.message for p in exc.problems[:5]]
            self.notify("\n".join(lines), title=_("The plan cannot run yet"), severity="error", timeout=12)
        except CimisError as exc:
            self.notify(str(exc), title=_("The plan cannot run yet"), severity="error", timeout=12)
        return None

    def open_run(self, folder: Path, *, projector: bool = False) -> None:
        """Run the workshop in ``folder`` (run mode, or the projector view)."""
        engine = self.engine(folder)
        if engine is None:
            return
        self.remember(folder, engine.plan.title)
        if projector:
            from toolkit.tui.screens.projector import ProjectorScreen


            self.push_screen(ProjectorScreen(engine))
        else:
            from toolkit.tui.screens.run import RunScreen

            self.push_screen(RunScreen(engine))

    def open_programme(self, folder: Path) -> None:
        """Each region's matches and where each one stands, for the programme in ``folder``."""
        from toolkit.tui.screens.programme import ProgrammeScreen

        self.push_screen(ProgrammeScreen(folder))

    def open_agenda(self, folder: Path) -> None:
        """The agenda builder for the workshop in ``folder``."""
        from toolkit.errors import CimisError
        from toolkit.tui.screens.agenda import AgendaScreen

        try:
            screen = AgendaScreen(folder)
        except CimisError as exc:
            self.notify(str(exc), title=_("Cannot open the plan"), severity="error", timeout=12)
            return
        self.remember(folder, screen.title_text())
        self.push_screen(screen)

    def open_workbook(self, folder: Path, *, workshop: Path | None = None) -> None:
        """The sprint board and chapter editor of the workbook in ``folder``. For a
        workshop's own ``workbook/`` folder (``workshop`` given) that is still empty, the
        workbook is created first, with the workshop as its source."""
        from toolkit.errors import CimisError, ProblemsError
        from toolkit.workbook.model import BOOK_FILE

        try:
            if workshop is not None and not (folder / BOOK_FILE).is_file():
                if folder.is_dir() and any(folder.iterdir()):
                    self.notify(_("{folder} holds files but no book.yaml.").format(folder=folder),
                                title=_("Cannot open the workbook"), severity="error", timeout=12)
                    return
                self._create_workbook(folder, workshop)
            from toolkit.tui.screens.workbook import WorkbookScreen

            screen = WorkbookScreen(folder)
        except ProblemsError as exc:
            lines = [str(p) for p in exc.problems[:5]]
            self.notify("\n".join(lines), title=_("Cannot open the workbook"), severity="error", timeout=12)
            return
        except (CimisError, OSError) as exc:
            self.notify(str(exc), title=_("Cannot open the workbook"), severity="error", timeout=12)
            return
        self.push_screen(screen)

    def _create_workbook(self, folder: Path, workshop: Path) -> None:
        import os

        from toolkit.i18n import get_language
        from toolkit.workbook.init import init_workbook

        language = get_language()
        try:
            from toolkit.plan.edit import PlanEditor

            language = str(PlanEditor(workshop).data.get("language") or language)
        except Exception:  # noqa: BLE001 - an unreadable plan still gets a workbook
            pass
        init_workbook(folder, [os.path.relpath(workshop.resolve(), folder.resolve())],
                      language=language if language in {"de", "en"} else "en")
        self.notify(_("Created the workbook {folder}.").format(folder=folder), timeout=5)

    def subject_screen(self) -> Any:
        """The screen the person works on: the one under the command palette while the
        palette is open (its commands are about that screen, not about the palette)."""
        from textual.command import CommandPalette

        screen = self.screen
        if isinstance(screen, CommandPalette) and len(self.screen_stack) > 1:
            return self.screen_stack[-2]
        return screen

    def workbook_folder(self) -> tuple[Path, Path | None] | None:
        """The workbook the current screen is about: ``(folder, workshop)`` (``workshop``
        ``None`` for a workbook opened on its own), or ``None``."""
        from toolkit.tui.screens.home import HomeScreen

        screen = self.subject_screen()
        if isinstance(screen, HomeScreen):
            workshop = screen.selected_folder()
        else:
            workshop = getattr(screen, "folder", None)
            engine = getattr(screen, "engine", None)
            if workshop is None and engine is not None:
                workshop = getattr(engine, "folder", None)
        if workshop is None or screen.__class__.__name__ == "WorkbookScreen":
            return None
        workshop = Path(workshop)
        if not (workshop / "workshop.yaml").is_file():
            return None
        return workshop / "workbook", workshop

    def book_folder(self) -> Path | None:
        """The workbook folder the current screen is about (a workshop's ``workbook/`` or an
        open workbook), if it has a ``book.yaml``."""
        from toolkit.workbook.model import BOOK_FILE

        folder = getattr(self.subject_screen(), "book_folder", None)
        if folder is None:
            try:
                found = self.workbook_folder()
            except Exception:  # noqa: BLE001 - no screen yet
                found = None
            folder = found[0] if found else None
        return Path(folder) if folder is not None and (Path(folder) / BOOK_FILE).is_file() else None

    def sync_workbook(self, book: Path) -> bool:
        """Bring the workbook's generated chapters up to date with its sessions (what
        ``cimis workbook sync`` does), and say what changed."""
        from toolkit.errors import CimisError
        from toolkit.workbook.sync import sync

        try:
            report = sync(book)
        except (CimisError, OSError) as exc:
            self.notify(str(exc), title=_("Sync failed"), severity="error", timeout=10)
            return False
        problems = [str(p) for p in [*report.problems, *report.conflicts]]
        self.notify(_("Workbook synced: {created} new, {updated} updated chapters.").format(
            created=len(report.created), updated=len(report.updated))
            + ("\n" + "\n".join(problems[:4]) if problems else ""),
            severity="information" if report.ok else "error", timeout=8)
        reload = getattr(self.screen, "reload_board", None)
        if callable(reload):
            reload()
        return report.ok

    def build_workbook(self, book: Path) -> Path | None:
        """Sync, then build the workbook as HTML (what ``cimis workbook build`` does)."""
        from toolkit.errors import CimisError
        from toolkit.workbook.build import build

        if not self.sync_workbook(book):
            return None
        try:
            out = build(book, "html")
        except (CimisError, OSError) as exc:
            self.notify(str(exc), title=_("Build failed"), severity="error", timeout=10)
            return None
        self.notify(_("Workbook built: {path}").format(path=out / "index.html"), timeout=10)
        return out

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "workbook":
            try:
                return self.workbook_folder() is not None
            except Exception:  # noqa: BLE001 - no screen yet
                return False
        return True

    # -- actions ---------------------------------------------------------------------------

    def action_workbook(self) -> None:
        found = self.workbook_folder()
        if found is None:
            self.notify(_("Open or select a workshop first."), severity="warning")
            return
        folder, workshop = found
        self.open_workbook(folder, workshop=workshop)

    def _ask_before_leaving(self, then) -> bool:
        """``True`` when a screen with unsaved changes asks first (it calls ``then`` once
        they are saved or discarded)."""
        for screen in reversed(self.screen_stack):
            leave = getattr(screen, "before_leaving", None)
            if callable(leave) and leave(then):
                return True
        return False

    async def action_quit(self) -> None:
        if not self._ask_before_leaving(self.exit):
            self.exit()

    def action_help(self) -> None:
        from toolkit.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_home(self) -> None:
        from toolkit.tui.screens.home import HomeScreen

        if self._ask_before_leaving(self.action_home):
            return
        while len(self.screen_stack) > 1 and not isinstance(self.screen, HomeScreen):
            self.pop_screen()

    def action_library(self) -> None:
        from toolkit.tui.screens.library import LibraryScreen

        if not isinstance(self.screen, LibraryScreen):
            self.push_screen(LibraryScreen())

    def action_next_theme(self) -> None:
        names = list(CYCLE)
        current = names.index(self.theme) if self.theme in names else -1
        self.theme = names[(current + 1) % len(names)]
        self.notify(_("Theme: {name}").format(name=self.theme), timeout=2)

    def action_set_theme(self, name: str) -> None:
        if name in self.available_themes:
            self.theme = name


