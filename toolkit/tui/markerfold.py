"""The workbook chapter editor's view of generated-content markers: :func:`fold` turns each
``<!-- cimis:... -->`` marker line into a short, readable line (``⟦ generated · ref ⟧``)
and :func:`unfold` puts the exact marker lines back before saving.

Nothing is lost either way: the author's text is never touched, a folded line that comes
back unchanged gets its original marker (session, time and hash included) in its place,
and a chapter whose own text already holds a line that looks like a folded marker is not
folded at all (the editor then shows the markers raw rather than guess). A folded line the
author deleted drops that marker only; :func:`unfold` reports how many, so the screen can
say so (the passage's lines stay, as the author's text, as the marker format defines).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from toolkit.i18n import _
from toolkit.workbook.markers import ANY_MARKER

_FOLDED = re.compile(r"^⟦ .+ · \S+ ⟧$")
_REF = re.compile(r"\bref=(\S+)")


def _label(kind: str) -> str:
    return {"begin": _("generated"), "end": _("end of generated text"), "conflict": _("new version (conflict)"),
            "end-conflict": _("end of new version")}.get(kind, kind)


@dataclass
class Folded:
    """The editor's text and the marker lines its folded lines stand for."""

    text: str
    #: folded line -> the original marker lines it stands for, in order
    markers: dict[str, list[str]] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return sum(len(lines) for lines in self.markers.values())


def fold(body: str) -> Folded:
    """``body`` with each marker line shown as a folded line (or unchanged, see module)."""
    lines = body.split("\n")
    if "cimis:" not in body or any(_FOLDED.match(line) for line in lines):
        return Folded(body)
    markers: dict[str, list[str]] = {}
    out = []
    for line in lines:
        found = ANY_MARKER.match(line)
        if found is None:
            out.append(line)
            continue
        ref = _REF.search(line)
        shown = f"⟦ {_label(found.group(1))} · {ref.group(1) if ref else '?'} ⟧"
        markers.setdefault(shown, []).append(line)
        out.append(shown)
    return Folded("\n".join(out), markers)


def unfold(text: str, folded: Folded) -> tuple[str, int]:
    """The chapter body to save from the editor's ``text``: folded lines back to their
    marker lines. Returns ``(body, dropped)``, ``dropped`` being the markers whose folded
    line is no longer there."""
    if not folded.markers:
        return text, 0
    left = {key: list(lines) for key, lines in folded.markers.items()}
    out = []
    for line in text.split("\n"):
        queue = left.get(line)
        out.append(queue.pop(0) if queue else line)
    return "\n".join(out), sum(len(q) for q in left.values())
