"""A method card as one Markdown document (shared by the CLI's ``show`` and the terminal UI's
library, which render it with rich and Textual respectively)."""

from __future__ import annotations

from toolkit.cards.card import MethodCard
from toolkit.cards.labels import CATEGORY_TITLES, PURPOSE_TITLES, ROLE_TITLES
from toolkit.i18n import _


def card_markdown(card: MethodCard) -> str:
    """The card as one Markdown document: intro, steps with timings, checklist, shortcuts."""
    m = card.meta
    lines = [f"# {m.title}", "", f"*{m.summary}*", ""]
    facts = [
        (_("Category"), _(CATEGORY_TITLES.get(m.category, m.category))),
        (_("Duration"), _("{n} minutes").format(n=m.duration)),
        (_("People"), f"{m.group_size.min}–{m.group_size.max}"),
    ]
    if m.purposes:
        facts.append((_("Purposes"), ", ".join(_(PURPOSE_TITLES.get(p, p)) for p in m.purposes)))
    if m.roles:
        facts.append((_("Roles"), ", ".join(_(ROLE_TITLES.get(r, r)) for r in m.roles)))
    if m.materials:
        facts.append((_("Materials"), ", ".join(m.materials)))
    if m.tags:
        facts.append((_("Tags"), ", ".join(m.tags)))
    if m.source:
        facts.append((_("Source"), m.source.credit()))
    lines += [f"- **{k}:** {v}" for k, v in facts]
    lines += ["", card.intro, ""]
    start = 0
    for number, step in enumerate(m.steps, 1):
        kind = f" · {_('captures')} `{step.capture.kind}`" if step.capture else ""
        lines += [f"## {number}. {step.title} ({start}–{start + step.minutes} min){kind}", "",
                  card.instructions.get(step.id, ""), ""]
        if step.privacy:
            lines += [f"> **{_('Data protection')}:** {step.privacy}", ""]
        start += step.minutes
    if card.checklist:
        lines += [f"## {_('Checklist')}", ""] + [f"- [ ] {item}" for item in card.checklist] + [""]
    if card.shortcuts:
        lines += [f"## {_('Shortcuts')}", ""] + [f"- {item}" for item in card.shortcuts] + [""]
    return "\n".join(lines)
