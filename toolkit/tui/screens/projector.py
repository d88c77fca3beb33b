"""The projector view: :class:`ProjectorScreen`, read-only, for a second terminal on the
beamer (``cimis ui DIR --projector``) or toggled over run mode.

It shows what the facilitator chose to show and nothing else: the step title (in block
letters when it fits, see :class:`BigTitle`) and the big countdown always; the step's result
only once it is revealed (votes and jury scores start hidden, see
:attr:`CaptureKind.results_hidden`); nothing at all during a black screen.
What is revealed and whether the screen is black are presenter events in the session log
(:meth:`Engine.set_reveal`, :meth:`Engine.set_blackout`), so run mode, this view in another
process, the browser projector and a restarted process always agree.

A result is drawn by the projector view its kind registered (``kind.projector``, see
:mod:`toolkit.tui.projector_views`), or as the kind's Markdown; no kind is treated
specially. A view that fails shows a message instead of taking the beamer down.

It follows the facilitator's window by polling :meth:`Engine.refresh`;
:meth:`ProjectorScreen.poll_store` is the poll, called by an interval and by tests.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Markdown, Static

from toolkit.errors import CimisError
from toolkit.i18n import _, get_language
from toolkit.tui.bindings import binding, localize
from toolkit.tui.literal import literal
from toolkit.tui.widgets.bigtitle import BigTitle
from toolkit.tui.widgets.timer import TimerDisplay

POLL_SECONDS = 0.5


def result_view(kind: Any, result: Any, options: Any, people: dict[str, str]) -> Any:
    """The Rich renderable the kind's registered projector view draws, or ``None`` when the
    kind registered none (its Markdown is shown then)."""
    path = getattr(kind, "projector", None)
    if not path:
        return None
    from toolkit.tui.widgets.capture.boundary import resolve

    return resolve(path)(result, options, people)


class ProjectorScreen(Screen):
    """The beamer's view of the running session."""

    BINDINGS = [binding("projector.close"), binding("run.projector-toggle", "close", show=False)]
    DEFAULT_CSS = """
    ProjectorScreen { layout: vertical; padding: 0 1; }
    ProjectorScreen #proj-header { height: 1; color: $text-muted; }
    ProjectorScreen #proj-head { height: auto; }
    ProjectorScreen #proj-titles { width: 1fr; height: auto; }
    ProjectorScreen #proj-step {
        text-style: bold; background: $primary; color: $text; padding: 1 2; width: 100%;
        content-align: center middle; text-align: center;
    }
    ProjectorScreen.-large #proj-step { padding: 2 4; min-height: 7; }
    ProjectorScreen.-large #proj-item, ProjectorScreen.-large #proj-prompt { padding: 1 4; text-align: center; }
    ProjectorScreen #proj-prompt { text-style: bold italic; color: $accent; padding: 0 2; height: auto; }
    ProjectorScreen #proj-item { color: $text-muted; padding: 0 2; }
    ProjectorScreen #proj-body { height: 1fr; border: round $primary-background-lighten-2; padding: 0 1; }
    ProjectorScreen #proj-hidden { display: none; width: 100%; text-align: center; color: $text-muted;
                                   text-style: bold; padding: 2 0; }
    ProjectorScreen.-hidden #proj-hidden { display: block; }
    ProjectorScreen.-hidden #proj-rich, ProjectorScreen.-hidden #proj-markdown { display: none; }
    ProjectorScreen #proj-markdown { display: none; }
    ProjectorScreen.-markdown #proj-markdown { display: block; }
    ProjectorScreen.-markdown #proj-rich { display: none; }
    ProjectorScreen.-markdown.-hidden #proj-markdown { display: none; }
    ProjectorScreen.-black { background: black; }
    ProjectorScreen.-black > * { display: none; }
    """

    def __init__(self, engine: Any, *, poll: bool = True, name: str | None = None) -> None:
        super().__init__(name=name)
        self.engine = engine
        self.poll = poll
        localize(self)
        self._seen: tuple | None = None

    def compose(self) -> ComposeResult:
        yield Static(literal(self.engine.agenda.title), id="proj-header")
        with Horizontal(id="proj-head"):
            with Vertical(id="proj-titles"):
                yield BigTitle("", id="proj-step")
                yield Static("", id="proj-item")
            yield TimerDisplay(id="proj-timer")
        yield Static("", id="proj-prompt")
        with VerticalScroll(id="proj-body"):
            yield Static(_("The results follow."), id="proj-hidden")
            yield Static("", id="proj-rich")
            yield Markdown("", id="proj-markdown")

    def on_resize(self, event: Any) -> None:
        self.fit(self.size.width, self.size.height)

    def fit(self, width: int, height: int) -> None:
        """Use a large terminal for the room: the countdown in block digits (bigger the
        larger the terminal) and a taller title band; Textual's Digits below that."""
        scale = (3, 2) if width >= 240 and height >= 80 else (2, 1) if width >= 150 and height >= 45 else None
        self.query_one(TimerDisplay).set_scale(scale)
        self.set_class(scale is not None, "-large")
        # the title in block letters: on one line at 80x24, more where the room allows
        self.query_one(BigTitle).set_max_lines(1 if height < 30 else 2 if height < 50 else 3)

    def on_mount(self) -> None:
        self.fit(self.size.width, self.size.height)
        if getattr(self.app, "projector", False):
            # the beamer's own process speaks the workshop's language only, whatever the
            # laptop's is (toggled over run mode, it shares the facilitator's language)
            from toolkit.i18n import LANGUAGES, set_language

            if self.engine.agenda.language in LANGUAGES:
                set_language(self.engine.agenda.language)
                localize(self)
                self.query_one("#proj-hidden", Static).update(_("The results follow."))
        self.poll_store()
        if self.poll:
            self.set_interval(POLL_SECONDS, self.poll_store)

    def presenter(self) -> Any:
        """The current step's presenter settings, or ``None`` before the start."""
        if self.engine.state.position is None:
            return None
        try:
            return self.engine.presenter()
        except CimisError:
            return None

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
        self.set_class(bool(self.engine.state.blackout), "-black")
        position = self.engine.position
        if position is None:
            title = _("Session finished") if self.engine.state.finished else _("Welcome!")
            self.query_one("#proj-step", Static).update(literal(title))
            self.query_one("#proj-item", Static).update(literal(self.engine.agenda.title))
            self.query_one("#proj-prompt", Static).update("")
            self.query_one("#proj-rich", Static).update("")
            self.set_class(False, "-markdown")
            self.set_class(False, "-hidden")
            return
        item, step = position.item, position.step
        heading = _("Session finished") + " · " + step.title if self.engine.state.finished else step.title
        self.query_one("#proj-step", Static).update(literal(heading))
        self.query_one("#proj-item", Static).update(literal(item.title if item.title != step.title else ""))
        prompt = getattr(step.options, "prompt", None) if step.capture_kind else None
        self.query_one("#proj-prompt", Static).update(literal(prompt or ""))
        view = self.presenter()
        self.set_class(bool(step.capture_kind) and view is not None and not view.revealed, "-hidden")
        self.show_result(step)

    def show_result(self, step: Any) -> None:
        rich, markdown = self.query_one("#proj-rich", Static), self.query_one("#proj-markdown", Markdown)
        if not step.capture_kind or self.has_class("-hidden"):
            rich.update("")
            self.set_class(False, "-markdown")
            return
        kind = self.engine.kinds.get(step.capture_kind)
        try:
            result = self.engine.result(step.item_id, step.id)
            names = {p.id: p.name for p in self.engine.agenda.people}
            shown = result_view(kind, result, step.options, names) if kind is not None else None
            if shown is None and kind is not None:
                markdown.update(kind.to_markdown(result, step.options, self.engine.agenda.language or get_language()))
                self.set_class(True, "-markdown")
                return
        except CimisError as exc:
            shown = literal(str(exc), style="italic")
        except Exception as exc:  # noqa: BLE001 - a plugin's view must not take the beamer down
            shown = literal(_("This result cannot be shown: {error}").format(error=exc), style="italic")
        rich.update(shown if shown is not None else "")
        self.set_class(False, "-markdown")

    def action_close(self) -> None:
        # Over run mode (toggled with F7) it goes back; as the beamer's only screen it stays.
        stack = self.app.screen_stack
        if len(stack) > 1 and getattr(stack[-2], "engine", None) is self.engine:
            self.app.pop_screen()
