"""The programme on one screen: :class:`ProgrammeScreen` shows each region's matches and
where each one stands (formed, question, jury decision, status at the expert events,
prototype, budget), with the programme's counters on top: the same numbers as
``cimis programme status`` and ``cimis programme stats``, computed read-only by
:mod:`toolkit.programme.numbers` from the events' sessions.

Names, questions and prototypes are what people typed: shown literally. A broken
``programme.yaml`` or ledger is shown as its problems (file and line), never a traceback.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingsMap
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from toolkit.i18n import _
from toolkit.tui.literal import assemble, literal

PROGRAMME_BINDING_IDS = ("programme.reload", "programme.close")


@dataclass
class ProgrammeView:
    """What the screen shows, read from the programme folder."""

    name: str = ""
    problems: list[str] = field(default_factory=list)
    #: (region title, its counters, its matches); the last region ``None`` holds matches
    #: of events without a region
    regions: list[tuple[str, dict[str, Any] | None, list[Any]]] = field(default_factory=list)
    total: dict[str, Any] | None = None
    events: int = 0


def read_view(folder: Path) -> ProgrammeView:
    """The programme in ``folder`` as the screen shows it; problems instead when it cannot
    be read."""
    from toolkit.errors import CimisError
    from toolkit.programme.ledger import read_ledger
    from toolkit.programme.load import read_programme
    from toolkit.programme.numbers import PROGRAMME_WIDE, matches, read_events, stats

    view = ProgrammeView()
    try:
        source = read_programme(folder)
    except (CimisError, OSError) as exc:
        view.problems.append(str(exc))
        return view
    view.problems.extend(str(p) for p in source.problems)
    if not source.ok or source.programme is None:
        return view
    programme = source.programme
    view.name = programme.name
    view.events = len(programme.events)
    problems: list[Any] = []
    try:
        sessions = read_events(folder, programme, problems)
        ledger, ledger_problems = read_ledger(folder)
        problems.extend(ledger_problems)
        numbers = stats(folder, programme, sessions)
        found = matches(folder, programme, sessions, ledger)
    except (CimisError, OSError) as exc:
        view.problems.append(str(exc))
        return view
    view.problems.extend(str(p) for p in problems)
    view.total = numbers["total"]
    for region in programme.regions:
        title = f"{region.name} ({region.association})" if region.association else region.name
        view.regions.append((title, numbers["regions"].get(region.id), [m for m in found if m.region == region.id]))
    wide = [m for m in found if m.region is None]
    if wide or PROGRAMME_WIDE in numbers["regions"]:
        view.regions.append((_("whole programme"), numbers["regions"].get(PROGRAMME_WIDE), wide))
    return view


def _counters(numbers: dict[str, Any] | None) -> str:
    if not numbers:
        return ""
    return _("{events} of {planned} events · {participants} participants · {branches} branches · {ideas} ideas · "
             "{matches} matches").format(events=numbers["events"], planned=numbers["events_planned"],
                                         participants=numbers["participants"], branches=numbers["branches"],
                                         ideas=numbers["ideas"], matches=numbers["matches"])


def match_lines(match: Any) -> Text:
    """One match: who, its stage along the way, its question, jury, statuses and budget."""
    from toolkit.programme.numbers import STAGES

    reached = STAGES.index(match.stage) if match.stage in STAGES else 0
    track = "".join("●" if n <= reached else "○" for n in range(len(STAGES)))
    names = ", ".join(match.names.get(p, p) for p in [match.company, *match.members])
    text = assemble((match.id, "bold"), "  ", names, "\n  ", (track, "bold"), " ", _(match.stage), no_wrap=False)
    facts = []
    if match.jury:
        rank, total = match.jury.get("rank"), match.jury.get("total")
        points = f"{total:.2f}".rstrip("0").rstrip(".") if isinstance(total, (int, float)) else "–"
        facts.append(_("jury: rank {rank}, {total} points").format(rank=rank if rank is not None else "–",
                                                                   total=points))
    if match.statuses:
        facts.append(_("status at {events}").format(events=", ".join(s["event"] for s in match.statuses)))
    if match.budget is not None:
        facts.append(_("budget: {used} of {budget}").format(used=f"{match.budget_used:g}", budget=f"{match.budget:g}"))
    if facts:
        text.append(" · " + " · ".join(facts))
    if match.question:
        text.append("\n  " + _("question") + ": ")
        text.append_text(literal(match.question))
    if match.statuses:
        from toolkit.programme.numbers import status_line

        latest = match.statuses[-1]
        text.append("\n  " + _("status at {event}").format(event=latest["event"]) + ": ")
        text.append_text(literal(status_line(latest)))
    if match.prototype:
        text.append("\n  " + _("prototype") + ": ")
        text.append_text(literal("; ".join(match.prototype)))
    return text


class ProgrammeScreen(Screen):
    """Each region's matches and where each one stands."""

    DEFAULT_CSS = """
    ProgrammeScreen { layout: vertical; }
    ProgrammeScreen #programme-header { height: auto; background: $primary-background; padding: 0 1;
                                        text-style: bold; }
    ProgrammeScreen #programme-total { height: auto; padding: 0 1; color: $text-muted; }
    ProgrammeScreen #programme-body { height: 1fr; padding: 0 1; }
    ProgrammeScreen .region-title { text-style: bold; color: $accent; margin-top: 1; }
    ProgrammeScreen .region-numbers { color: $text-muted; }
    ProgrammeScreen .match { padding-left: 2; }
    ProgrammeScreen .none { padding-left: 2; color: $text-muted; }
    ProgrammeScreen .problem { color: $error; }
    """

    def __init__(self, folder: Path, name: str | None = None) -> None:
        super().__init__(name=name)
        self.folder = Path(folder)
        from toolkit.tui.bindings import binding

        self._bindings = BindingsMap([*Screen.BINDINGS, *(
            dataclasses.replace(found, description=_(found.description))
            for found in (binding(binding_id) for binding_id in PROGRAMME_BINDING_IDS))])
        self.view = ProgrammeView()

    def compose(self) -> ComposeResult:
        yield Static("", id="programme-header")
        yield Static("", id="programme-total")
        yield VerticalScroll(id="programme-body")
        yield Footer()

    async def on_mount(self) -> None:
        await self.action_reload()

    async def action_reload(self) -> None:
        """Read the programme and its sessions again (events may have gone on meanwhile)."""
        self.view = view = read_view(self.folder)
        found = sum(len(m) for _t, _n, m in view.regions)
        header = assemble("cimis · ", view.name or str(self.folder), " · ",
                          _("{n} event(s), {m} match(es)").format(n=view.events, m=found))
        self.query_one("#programme-header", Static).update(header)
        self.query_one("#programme-total", Static).update(literal(
            _("In total: {numbers}").format(numbers=_counters(view.total)) if view.total else ""))
        body = self.query_one("#programme-body", VerticalScroll)
        await body.remove_children()
        widgets: list[Static] = [Static(literal(p), classes="problem") for p in view.problems]
        for title, numbers, mine in view.regions:
            widgets.append(Static(literal(title), classes="region-title"))
            if numbers:
                widgets.append(Static(literal(_counters(numbers)), classes="region-numbers"))
            if not mine:
                widgets.append(Static(literal(_("no matches yet")), classes="none"))
            widgets.extend(Static(match_lines(m), classes="match") for m in mine)
        await body.mount_all(widgets)

    def action_close(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()
        else:
            self.app.exit()
