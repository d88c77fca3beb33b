"""The projector view: :class:`ProjectorScreen`, read-only, for a second terminal on the
beamer (``cimis ui DIR --projector``) or toggled over run mode.

It shows what the room should see and nothing it should not: the big timer, the current
step's title and prompt, and the step's result as it comes in (the dot-vote ranking, the
table plan of the current speed-dating round, the teams of the matching, notes and cards).
Interests stay private: only how many people have marked is shown.

It follows the facilitator's window by polling :meth:`Engine.refresh` (SQLite in WAL mode
lets it read while the other process writes); :meth:`ProjectorScreen.poll_store` is the
poll, called by an interval and explicitly by tests.
"""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Markdown, Static

from toolkit.errors import CimisError
from toolkit.i18n import _, get_language
from toolkit.tui.bindings import binding, localize
from toolkit.tui.literal import literal, visible
from toolkit.tui.widgets.capture.base import bar
from toolkit.tui.widgets.timer import TimerDisplay

POLL_SECONDS = 0.5
#: Kinds shown as rich views; every other kind (plugins' too) shows its Markdown.
RICH_VIEWS = ("rotation", "dots", "matching", "interests", "notes", "cards")


def result_view(kind: str, result: Any, people: dict[str, str]) -> Any:
    """A Rich renderable of a step's result for the beamer, or ``None`` for Markdown."""
    if kind == "rotation":
        from toolkit.tui.widgets.capture.rotation import names_of, round_table

        if not result.rounds:
            return Text(_("No rounds: both groups need at least one person."))
        shown = max(1, result.current_round)
        title = _("Round {number} of {total}").format(number=shown, total=len(result.rounds))
        return Group(Text(title + "\n", style="bold"), round_table(result, shown, names_of(result)))
    if kind == "dots":
        table = Table.grid(padding=(0, 2))
        most = max((r.dots for r in result.ranking), default=0)
        for row in result.ranking[:12]:
            table.add_row(Text(f"{row.rank}.", style="bold"), literal(row.label, style="bold"),
                          Text(bar(row.dots, most, 30), style="green"), str(row.dots))
        summary = Text("\n" + _("{voters} people gave {dots} dots.").format(voters=result.voters, dots=result.dots),
                       style="dim")
        return Group(table, summary)
    if kind == "matching":
        from toolkit.tui.widgets.capture.matching import teams_text

        return teams_text(result)
    if kind == "interests":
        return Text(_("{count} of {total} people have marked").format(
            count=len(result.preferences), total=len(result.people)), style="bold")
    if kind == "notes":
        text = Text()
        for note in result.notes[-14:]:
            text.append("• " + visible(note.text) + "\n")
        return text or Text(_("No notes yet."), style="dim")
    if kind == "cards":
        text = Text()
        if result.clusters:
            for cluster in result.clusters:
                text.append(f"■ {visible(cluster.name)}  ({len(cluster.cards)})\n", style="bold")
        else:
            for card in result.cards[-14:]:
                text.append("• " + visible(card.text) + "\n")
        text.append(_("{count} cards").format(count=len(result.cards)), style="dim")
        return text
    return None


class ProjectorScreen(Screen):
    """The beamer's view of the running session."""

    BINDINGS = [binding("projector.close"), binding("run.projector-toggle", "close", show=False)]
    DEFAULT_CSS = """
    ProjectorScreen { layout: vertical; padding: 1 2; }
    ProjectorScreen #proj-header { height: 1; color: $text-muted; }
    ProjectorScreen #proj-head { height: auto; }
    ProjectorScreen #proj-titles { width: 1fr; height: auto; }
    ProjectorScreen #proj-step {
        text-style: bold; background: $accent 30%; padding: 1 2; width: 100%;
    }
    ProjectorScreen #proj-prompt { text-style: bold italic; color: $accent; padding: 1 2 0 2; }
    ProjectorScreen #proj-item { color: $text-muted; padding: 0 2; }
    ProjectorScreen #proj-body { height: 1fr; border: round $primary-background-lighten-2; padding: 0 1; }
    ProjectorScreen #proj-markdown { display: none; }
    ProjectorScreen.-markdown #proj-markdown { display: block; }
    ProjectorScreen.-markdown #proj-rich { display: none; }
    """

    def __init__(self, engine: Any, *, poll: bool = True, name: str | None = None) -> None:
        super().__init__(name=name)
        self.engine = engine
        self.poll = poll
        localize(self)
        self._seen: tuple[int, tuple[str, str] | None] | None = None

    def compose(self) -> ComposeResult:
        yield Static(literal(self.engine.agenda.title), id="proj-header")
        with Horizontal(id="proj-head"):
            with Vertical(id="proj-titles"):
                yield Static("", id="proj-step")
                yield Static("", id="proj-item")
            yield TimerDisplay(id="proj-timer")
        yield Static("", id="proj-prompt")
        with VerticalScroll(id="proj-body"):
            yield Static("", id="proj-rich")
            yield Markdown("", id="proj-markdown")

    def on_mount(self) -> None:
        self.poll_store()
        if self.poll:
            self.set_interval(POLL_SECONDS, self.poll_store)

    def poll_store(self) -> None:
        """Catch up with the store; redraw the timer always and the rest when it changed."""
        self.engine.refresh()
        state = self.engine.state
        key = (state.last_seq, state.position)
        if key != self._seen:
            self._seen = key
            self.show_step()
        now = self.engine.now()
        self.query_one(TimerDisplay).show(self.engine.timer(), now)

    def show_step(self) -> None:
        position = self.engine.position
        if position is None:
            title = _("Session finished") if self.engine.state.finished else _("Welcome!")
            self.query_one("#proj-step", Static).update(literal(title))
            self.query_one("#proj-item", Static).update(literal(self.engine.agenda.title))
            self.query_one("#proj-prompt", Static).update("")
            self.query_one("#proj-rich", Static).update("")
            self.set_class(False, "-markdown")
            return
        item, step = position.item, position.step
        heading = _("Session finished") + " · " + step.title if self.engine.state.finished else step.title
        self.query_one("#proj-step", Static).update(literal(heading))
        self.query_one("#proj-item", Static).update(literal(item.title if item.title != step.title else ""))
        prompt = getattr(step.options, "prompt", None) if step.capture_kind else None
        self.query_one("#proj-prompt", Static).update(literal(prompt or ""))
        self.show_result(step)

    def show_result(self, step: Any) -> None:
        rich, markdown = self.query_one("#proj-rich", Static), self.query_one("#proj-markdown", Markdown)
        if not step.capture_kind:
            rich.update("")
            self.set_class(False, "-markdown")
            return
        kind = self.engine.kinds.get(step.capture_kind)
        try:
            result = self.engine.result(step.item_id, step.id)
            names = {p.id: p.name for p in self.engine.agenda.people}
            view = result_view(step.capture_kind, result, names) if kind is not None and \
                type(kind).__module__.startswith("toolkit.capture.kinds.") else None
            if view is None and kind is not None:
                markdown.update(kind.to_markdown(result, step.options, self.engine.agenda.language or get_language()))
                self.set_class(True, "-markdown")
                return
        except CimisError as exc:
            view = literal(str(exc), style="italic")
        except Exception as exc:  # noqa: BLE001 - a plugin's result must not take the beamer down
            view = literal(_("This result cannot be shown: {error}").format(error=exc), style="italic")
        rich.update(view if view is not None else "")
        self.set_class(False, "-markdown")

    def action_close(self) -> None:
        # Over run mode (toggled with F7) it goes back; as the beamer's only screen it stays.
        from toolkit.tui.screens.run import RunScreen

        stack = self.app.screen_stack
        if len(stack) > 1 and isinstance(stack[-2], RunScreen):
            self.app.pop_screen()
