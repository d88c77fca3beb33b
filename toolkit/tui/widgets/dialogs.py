"""Dialogs: create a workshop, open a folder, a free agenda item, edit an agenda item,
and the question whether to save before leaving. Enter confirms, Escape cancels.

Each dialog dismisses with its result (``None`` when cancelled).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from toolkit.i18n import LANGUAGES, _, get_language
from toolkit.tui.bindings import binding
from toolkit.tui.literal import literal
from toolkit.tui.screen_base import CimisModal
from toolkit.tui.widgets.paths import FolderInput


class Dialog(CimisModal[Any]):
    """A centred box with a title, fields and OK/Cancel buttons."""

    DEFAULT_CSS = """
    Dialog { align: center middle; }
    Dialog > #dialog {
        width: 76; max-width: 95%; height: auto; max-height: 90%;
        border: thick $primary; background: $surface; padding: 1 2;
    }
    Dialog #dialog-title { text-style: bold; color: $primary; margin-bottom: 1; }
    Dialog .field-label { margin-top: 1; }
    Dialog .error { color: $error; height: auto; }
    Dialog #buttons { height: auto; margin-top: 1; align-horizontal: right; }
    Dialog #buttons Button { margin-left: 2; }
    Dialog #fields { height: auto; max-height: 24; }
    """
    BINDINGS = [binding("dialog.cancel")]
    AUTO_FOCUS = "Input"

    def __init__(self, title: str) -> None:
        super().__init__()
        self.dialog_title = title

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(literal(self.dialog_title), id="dialog-title")
            with VerticalScroll(id="fields", can_focus=False):
                yield from self.fields()
            yield Static("", id="error", classes="error")
            with Horizontal(id="buttons"):
                yield Button(_("Cancel"), id="cancel")
                yield Button(self.ok_label(), id="ok", variant="primary")

    def fields(self) -> ComposeResult:
        yield from ()

    def on_resize(self, event: Any) -> None:
        # on a small terminal the fields scroll and the buttons stay in sight
        # (dialogs with a layout of their own may lack some of these parts: query, not query_one)
        compact = event.size.height < 30
        for box in self.query("#dialog"):
            box.styles.padding = (0, 1) if compact else (1, 2)
        # the box may take 90% of the height: its border, title, error line and buttons
        # (and their margins when there is room) come off that
        chrome = 2 + 1 + 1 + 3 + (0 if compact else 2 + 2 + 1)
        for fields in self.query("#fields"):
            fields.styles.max_height = max(3, min(24, int(event.size.height * 0.9) - chrome))
        for label in self.query(".field-label"):
            label.styles.margin = (0, 0, 0, 0) if compact else (1, 0, 0, 0)
        for title in self.query("#dialog-title"):
            title.styles.margin = (0, 0, 0, 0) if compact else (0, 0, 1, 0)
        for buttons in self.query("#buttons"):
            buttons.styles.margin = (0, 0, 0, 0) if compact else (1, 0, 0, 0)

    def ok_label(self) -> str:
        return _("OK")

    def result(self) -> Any:
        """The value to dismiss with; raise :class:`ValueError` with a message to refuse."""
        return True

    def error(self, message: str) -> None:
        self.query_one("#error", Static).update(literal(message))

    def submit(self) -> None:
        if not self.is_current:  # a second quick Enter after the dialog closed: once is enough
            return
        try:
            value = self.result()
        except ValueError as exc:
            self.error(str(exc))
            return
        self.dismiss(value)

    @on(Button.Pressed, "#ok")
    @on(Input.Submitted)
    def _ok(self, event: Any) -> None:
        event.stop()
        self.submit()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    def action_cancel(self) -> None:
        if self.is_current:
            self.dismiss(None)


def _label(text: str) -> Label:
    return Label(literal(text), classes="field-label")


@dataclass(frozen=True)
class NewWorkshop:
    folder: Path
    example: str | None
    title: str
    language: str


class NewWorkshopDialog(Dialog):
    """Folder, title, language, and whether to start from the kickoff example."""

    def __init__(self, default_folder: str) -> None:
        super().__init__(_("New workshop"))
        self.default_folder = default_folder

    def fields(self) -> ComposeResult:
        yield _label(_("Folder for the workshop (it is created):"))
        yield FolderInput(self.default_folder, id="folder")
        yield _label(_("Title:"))
        yield Input(placeholder=_("e.g. Kickoff: creatives meet companies"), id="title")
        yield _label(_("Start from:"))
        with RadioSet(id="template"):
            yield RadioButton(_("the kickoff example (a whole day, in the workshop's language)"), value=True,
                              id="kickoff")
            yield RadioButton(_("an empty plan"), id="empty")
        yield _label(_("Language of the workshop:"))
        with RadioSet(id="language"):
            for lang in LANGUAGES:
                yield RadioButton({"de": _("German"), "en": _("English")}[lang], value=lang == get_language(),
                                  id=f"lang-{lang}")

    def ok_label(self) -> str:
        return _("Create")

    def result(self) -> NewWorkshop:
        folder = self.query_one("#folder", Input).value.strip()
        if not folder:
            raise ValueError(_("Please name a folder."))
        pressed = self.query_one("#template", RadioSet).pressed_button
        example = "kickoff" if pressed is None or pressed.id == "kickoff" else None
        lang_button = self.query_one("#language", RadioSet).pressed_button
        language = lang_button.id.removeprefix("lang-") if lang_button and lang_button.id else get_language()
        return NewWorkshop(Path(os.path.expanduser(folder)), example, self.query_one("#title", Input).value.strip(),
                           language)


class OpenFolderDialog(Dialog):
    """A workshop folder to open (completion with →)."""

    def __init__(self, start: str = "") -> None:
        super().__init__(_("Open a workshop folder"))
        self.start = start

    def fields(self) -> ComposeResult:
        yield _label(_("Folder with a workshop.yaml (→ completes the name):"))
        yield FolderInput(self.start, id="folder")

    def ok_label(self) -> str:
        return _("Open")

    def result(self) -> Path:
        value = self.query_one("#folder", Input).value.strip()
        folder = Path(os.path.expanduser(value)) if value else None
        if folder is None or not folder.is_dir():
            raise ValueError(_("No such folder: {path}").format(path=value))
        if not (folder / "workshop.yaml").is_file() and not (folder / "programme.yaml").is_file():
            raise ValueError(_("There is no workshop.yaml in {path}.").format(path=value))
        return folder


@dataclass(frozen=True)
class FreeItemValues:
    title: str
    minutes: int
    speaker: str | None = None


class FreeItemDialog(Dialog):
    """Title, minutes and (for a talk) the speaker of a free agenda item."""

    def __init__(self, heading: str, title: str = "", minutes: int = 15, speaker: str | None = None,
                 speakers: list[tuple[str, str]] | None = None, with_speaker: bool = False) -> None:
        super().__init__(heading)
        self.values = FreeItemValues(title, minutes, speaker)
        self.speakers = speakers or []
        self.with_speaker = with_speaker

    def fields(self) -> ComposeResult:
        yield _label(_("Title:"))
        yield Input(self.values.title, id="title")
        yield _label(_("Minutes:"))
        yield Input(str(self.values.minutes), id="minutes", type="integer")
        if self.with_speaker:
            known = ", ".join(pid for pid, _name in self.speakers) or "–"
            yield _label(_("Speaker (a person's id, optional; known: {ids}):").format(ids=known))
            yield Input(self.values.speaker or "", id="speaker")

    def result(self) -> FreeItemValues:
        title = self.query_one("#title", Input).value.strip()
        if not title:
            raise ValueError(_("Please give a title."))
        minutes = _minutes(self.query_one("#minutes", Input).value)
        speaker = None
        if self.with_speaker:
            speaker = self.query_one("#speaker", Input).value.strip() or None
            if speaker and speaker not in {pid for pid, _name in self.speakers}:
                raise ValueError(_("Nobody in the plan has the id '{id}'.").format(id=speaker))
        return FreeItemValues(title, minutes, speaker)


def _minutes(text: str) -> int:
    try:
        value = int(text.strip())
    except ValueError:
        raise ValueError(_("Minutes must be a whole number.")) from None
    if not 1 <= value <= 600:
        raise ValueError(_("Minutes must be between 1 and 600."))
    return value


@dataclass(frozen=True)
class StepField:
    """One editable value of a method run: a step's minutes or one capture option."""

    step_id: str
    option: str | None  # None: the step's minutes
    label: str
    value: str  # as YAML text


class MethodRunDialog(Dialog):
    """Title, each step's minutes and each capture option of a method run."""

    def __init__(self, heading: str, title: str, fields: list[StepField]) -> None:
        super().__init__(heading)
        self.title_value = title
        self.step_fields = fields

    def fields(self) -> ComposeResult:
        yield _label(_("Title (empty: the method's title):"))
        yield Input(self.title_value, id="title")
        for index, field in enumerate(self.step_fields):
            yield _label(field.label)
            yield Input(field.value, id=f"field-{index}")

    def result(self) -> tuple[str, dict[tuple[str, str | None], Any]]:
        import yaml

        values: dict[tuple[str, str | None], Any] = {}
        for index, field in enumerate(self.step_fields):
            text = self.query_one(f"#field-{index}", Input).value.strip()
            if text == field.value:
                continue
            if field.option is None:
                values[(field.step_id, None)] = _minutes(text)
                continue
            try:
                values[(field.step_id, field.option)] = yaml.safe_load(text) if text else None
            except yaml.YAMLError:
                raise ValueError(_("{label} is not a valid value.").format(label=field.label)) from None
        return self.query_one("#title", Input).value.strip(), values


class SaveChangesDialog(Dialog):
    """Unsaved changes: save, discard, or stay."""

    def __init__(self) -> None:
        super().__init__(_("The agenda has unsaved changes."))

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(self.dialog_title, id="dialog-title")
            yield Static(_("Save them before leaving?"))
            with Horizontal(id="buttons"):
                yield Button(_("Stay"), id="cancel")
                yield Button(_("Discard"), id="discard", variant="error")
                yield Button(_("Save"), id="save", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#save", Button).focus()

    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        self.dismiss("save")

    @on(Button.Pressed, "#discard")
    def _discard(self) -> None:
        self.dismiss("discard")
