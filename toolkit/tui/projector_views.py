"""The projector views of the built-in capture kinds, registered on each kind as
``projector = "toolkit.tui.projector_views:NAME"`` exactly as a plugin registers its own.

A projector view is any callable ``view(result, options, people)`` (a function, or a class
whose instances Rich can render) returning a Rich renderable of a step's result for the
room: ``result`` is the kind's result, ``options`` the step's options and ``people`` maps a
person's id to their full name. Everything a person typed is shown literally. Private data
stays private: the interests view shows only how many people have marked.
"""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text

from toolkit.i18n import _
from toolkit.tui.literal import literal, visible
from toolkit.tui.widgets.capture.base import bar


def rotation(result: Any, options: Any, people: dict[str, str]) -> Any:
    """The seats of the current speed-dating round, with full names, and the next round."""
    from toolkit.tui.widgets.capture.rotation import names_of, round_table

    if not result.rounds:
        return Text(_("No rounds: both groups need at least one person."))
    shown = max(1, result.current_round)
    names = names_of(result)
    parts: list[Any] = [Text(_("Round {number} of {total}").format(number=shown, total=len(result.rounds)) + "\n",
                             style="bold"), round_table(result, shown, names)]
    if shown < len(result.rounds):
        parts += [Text("\n" + _("Next: round {number}").format(number=shown + 1), style="dim bold"),
                  round_table(result, shown + 1, names)]
    return Group(*parts)


def dots(result: Any, options: Any, people: dict[str, str]) -> Any:
    """The dot-vote ranking with bars."""
    table = Table.grid(padding=(0, 2))
    most = max((r.dots for r in result.ranking), default=0)
    for row in result.ranking[:12]:
        table.add_row(Text(f"{row.rank}.", style="bold"), literal(row.label, style="bold"),
                      Text(bar(row.dots, most, 30), style="green"), str(row.dots))
    line = _("{voters} people gave {dots} dots.").format(voters=result.voters, dots=result.dots - result.room)
    if result.room:
        line += " " + _("{dots} dots were counted in the room.").format(dots=result.room)
    return Group(table, Text("\n" + line, style="dim"))


def matching(result: Any, options: Any, people: dict[str, str]) -> Any:
    """The teams, and who has none yet."""
    from toolkit.tui.widgets.capture.matching import teams_text

    return teams_text(result)


def interests(result: Any, options: Any, people: dict[str, str]) -> Any:
    """Only how many have marked: who wants whom stays private."""
    return Text(_("{count} of {total} people have marked").format(
        count=len(result.preferences), total=len(result.people)), style="bold")


def notes(result: Any, options: Any, people: dict[str, str]) -> Any:
    """The latest notes."""
    text = Text()
    for note in result.notes[-14:]:
        text.append("• " + visible(note.text) + "\n")
    return text or Text(_("No notes yet."), style="dim")


def cards(result: Any, options: Any, people: dict[str, str]) -> Any:
    """The clusters with their sizes, or the latest cards."""
    text = Text()
    if result.clusters:
        for cluster in result.clusters:
            text.append(f"■ {visible(cluster.name)}  ({len(cluster.cards)})\n", style="bold")
    else:
        for card in result.cards[-14:]:
            text.append("• " + visible(card.text) + "\n")
    text.append(_("{count} cards").format(count=len(result.cards)), style="dim")
    return text


def scorecard(result: Any, options: Any, people: dict[str, str]) -> Any:
    """The jury's ranking with weighted totals (shown once the facilitator reveals it)."""
    table = Table(box=None, padding=(0, 2), show_header=True, header_style="bold")
    table.add_column("#", justify="right")
    table.add_column(_("Candidate"))
    table.add_column(_("Total"), justify="right")
    for row in result.ranking:
        total = "–" if row.total is None else f"{row.total:.2f}"
        table.add_row(str(row.rank or "–"), literal(row.name, style="bold"), total)
    return table
