"""The start screen: what to do (new workshop, open a folder, the demo, the method library)
and the workshops opened recently. Enter on a recent workshop opens its agenda; ``r`` runs it.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Footer, Header, OptionList
from textual.widgets.option_list import Option

from toolkit.i18n import _
from toolkit.tui.bindings import binding, display_keys, keys_for
from toolkit.tui.literal import assemble
from toolkit.tui.screens import CimisScreen


class HomeScreen(CimisScreen[None]):
    """Start here."""

    BINDINGS = [
        binding("home.new"),
        binding("home.open"),
        binding("home.demo"),
        binding("home.library"),
        binding("home.agenda"),
        binding("home.run"),
        binding("home.workbook"),
        binding("home.forget"),
    ]

    def compose(self) -> ComposeResult:
        # Few widgets and plain id selectors: the start screen is the first thing drawn,
        # and every container and every rule to match costs start-up time. The panel
        # titles are border titles, the hint under the recent workshops its border subtitle.
        keymap = getattr(self.app, "keymap", {})
        actions = [Option(f"{text}  [dim]({display_keys(keys_for(f'home.{action_id}', keymap))})[/]", id=action_id)
                   for action_id, text in (("new", _("New workshop…")), ("open", _("Open a workshop folder…")),
                                           ("demo", _("Try the demo workshop")),
                                           ("library", _("Browse the method library")))]
        recent = self.recent_options()
        self._recent_known = bool(recent)
        yield Header()
        with Horizontal(id="home"):
            action_list = OptionList(*actions, id="actions")
            action_list.border_title = _("What would you like to do?")
            yield action_list
            recent_list = OptionList(*(recent or [self._empty_option()]), id="recent")
            recent_list.border_title = _("Recent workshops")
            recent_list.border_subtitle = self._detail_text() if recent else ""
            yield recent_list
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = _("Plan and run co-creation workshops")
        self.query_one("#recent" if self._recent_known else "#actions", OptionList).focus()
        self._mounted = True

    def on_screen_resume(self) -> None:
        if getattr(self, "_mounted", False) and self._resumed_once:
            self.refresh_recent()
        self._resumed_once = True

    _resumed_once = False

    # -- recent workshops ------------------------------------------------------------------

    @staticmethod
    def _empty_option() -> Option:
        return Option(_("No workshops yet: create one or open a folder."), disabled=True)

    @staticmethod
    def recent_options() -> list[Option]:
        from toolkit.tui.workshops import display_path, recent_workshops

        options = []
        for entry in recent_workshops():
            when = dt.datetime.fromtimestamp(entry.opened).strftime("%Y-%m-%d %H:%M")
            missing = "" if os.path.isdir(entry.path) else "  " + _("(folder missing)")
            options.append(Option(assemble((entry.title or Path(entry.path).name, "bold"), (missing, "red"),
                                           ("\n" + display_path(entry.path) + f" · {when}", "dim")), id=entry.path))
        return options

    def refresh_recent(self) -> None:
        recent = self.query_one("#recent", OptionList)
        highlighted = recent.highlighted
        recent.clear_options()
        options = self.recent_options()
        recent.add_options(options or [self._empty_option()])
        if options:
            recent.highlighted = min(highlighted or 0, len(options) - 1)
        self._update_detail()

    def selected_folder(self) -> Path | None:
        recent = self.query_one("#recent", OptionList)
        if recent.highlighted is None or not recent.option_count:
            return None
        option = recent.get_option_at_index(recent.highlighted)
        return Path(option.id) if option.id else None

    def _detail_text(self) -> str:
        keymap = getattr(self.app, "keymap", {})
        return _("Enter or {agenda}: agenda · {run}: run · {workbook}: workbook").format(
            agenda=display_keys(keys_for("home.agenda", keymap)), run=display_keys(keys_for("home.run", keymap)),
            workbook=display_keys(keys_for("home.workbook", keymap)))

    @on(OptionList.OptionHighlighted, "#recent")
    def _update_detail(self) -> None:
        recent = self.query_one("#recent", OptionList)
        recent.border_subtitle = self._detail_text() if self.selected_folder() is not None else ""

    @on(OptionList.OptionSelected, "#recent")
    def _recent_selected(self) -> None:
        self.action_agenda()

    @on(OptionList.OptionSelected, "#actions")
    async def _action_selected(self, event: OptionList.OptionSelected) -> None:
        # run_action is a coroutine: unawaited, Enter on an action did nothing
        await self.run_action(event.option.id or "")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"agenda", "run", "workbook", "forget"}:
            return self.selected_folder() is not None
        return True

    def _usable(self, folder: Path | None) -> Path | None:
        if folder is None:
            return None
        if not (folder / "workshop.yaml").is_file():
            self.notify(_("There is no workshop.yaml in {path}.").format(path=folder), severity="error")
            return None
        return folder

    def action_agenda(self) -> None:
        folder = self._usable(self.selected_folder())
        if folder is not None:
            self.app_actions.open_agenda(folder)

    def action_run(self) -> None:
        folder = self._usable(self.selected_folder())
        if folder is not None:
            self.app_actions.open_run(folder)

    def action_workbook(self) -> None:
        folder = self._usable(self.selected_folder())
        if folder is not None:
            self.app_actions.open_workbook(folder / "workbook", workshop=folder)

    def action_forget(self) -> None:
        from toolkit.tui.workshops import forget

        folder = self.selected_folder()
        if folder is not None:
            forget(folder)
            self.refresh_recent()

    # -- the start actions -----------------------------------------------------------------

    def action_new(self) -> None:
        from toolkit.tui.widgets.dialogs import NewWorkshopDialog

        today = dt.date.fromtimestamp(self.app_actions.clock.now())
        default = os.path.join("~", "cimis", f"workshop-{today.isoformat()}")
        self.app.push_screen(NewWorkshopDialog(default), self._create)

    def _create(self, values) -> None:
        if values is None:
            return
        from toolkit.errors import CimisError, ProblemsError
        from toolkit.tui.workshops import create_workshop

        try:
            folder = create_workshop(values.folder, example=values.example, title=values.title or None,
                                     language=values.language,
                                     today=dt.date.fromtimestamp(self.app_actions.clock.now()))
        except ProblemsError as exc:
            self.notify("\n".join(p.message for p in exc.problems[:5]), severity="error")
            return
        except (CimisError, OSError) as exc:
            self.notify(str(exc), severity="error")
            return
        self.notify(_("Created {folder}.").format(folder=folder))
        self.app_actions.open_agenda(folder)

    def action_open(self) -> None:
        from toolkit.tui.widgets.dialogs import OpenFolderDialog

        self.app.push_screen(OpenFolderDialog(os.path.join("~", "")), self._opened)

    def _opened(self, folder: Path | None) -> None:
        if folder is None:
            return
        if not (folder / "workshop.yaml").is_file() and (folder / "programme.yaml").is_file():
            self.app_actions.open_programme(folder.resolve())
        else:
            self.app_actions.open_agenda(folder.resolve())

    def action_demo(self) -> None:
        # the demo workshop is the bundled kickoff example; the CLI's demo module is not
        # imported here (the terminal UI never imports the CLI)
        from toolkit.errors import CimisError
        from toolkit.paths import cache_dir
        from toolkit.workshop import create_workshop

        target = Path(cache_dir()) / "demo"
        try:
            if (target / "workshop.yaml").is_file():
                folder = target
            else:
                folder = create_workshop(target, example="kickoff")
        except (CimisError, OSError) as exc:
            self.notify(str(exc), severity="error")
            return
        self.app_actions.open_run(Path(folder))

    def action_library(self) -> None:
        self.app_actions.action_library()
