"""The method library: every card from every registered folder, checked as a whole.

A method is one id in several languages. Besides each card's own checks, the library
checks what only the whole set can show: every card has its twin in the other language,
twins agree on their steps and duration, and no id is registered twice in one language.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from toolkit.cards.card import CardResult, MethodCard
from toolkit.errors import Problem
from toolkit.i18n import LANGUAGES, _


def find_cards(path: Path) -> list[Path]:
    """``path`` itself if it is a file, else every ``*.md`` below it (sorted, hidden skipped)."""
    if not path.is_dir():
        return [path]
    found: list[Path] = []
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")))
        found.extend(Path(root) / f for f in sorted(files) if f.endswith(".md") and not f.startswith("."))
    return found


@dataclass
class Library:
    """Validated cards by ``(id, language)`` and the problems of those that failed."""

    cards: dict[tuple[str, str], MethodCard] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    origins: dict[tuple[str, str], str] = field(default_factory=dict)

    @classmethod
    def build(cls, results: Iterable[tuple[str, CardResult]], require_twins: bool = True) -> Library:
        """Assemble a library from parsed cards, each tagged with the plugin that brought it."""
        lib = cls()
        for origin, result in results:
            lib.problems.extend(result.problems)
            card = result.card
            if card is None or not result.ok:
                continue
            key = (card.id, card.language)
            if key in lib.cards:
                first = lib.cards[key]
                lib.problems.append(Problem.at(card.path, 2, _(
                    "id '{id}' ({lang}) is already used by {other}").format(id=card.id, lang=card.language,
                                                                            other=first.path)))
                continue
            lib.cards[key] = card
            lib.origins[key] = origin
        if require_twins:
            lib.problems.extend(lib._twin_problems())
        lib.problems.sort()
        return lib

    def _twin_problems(self) -> list[Problem]:
        problems: list[Problem] = []
        for (method_id, lang), card in sorted(self.cards.items()):
            for other in LANGUAGES:
                if other == lang:
                    continue
                twin = self.cards.get((method_id, other))
                if twin is None:
                    problems.append(Problem.at(card.path, 2, _(
                        "method '{id}' has no {other} twin: add a card with 'id: {id}' and 'language: {other}'").format(
                            id=method_id, other=other)))
                elif lang < other:
                    problems.extend(_compare_twins(card, twin))
        return problems

    # -- queries -------------------------------------------------------------------------

    def ids(self) -> list[str]:
        return sorted({method_id for method_id, _lang in self.cards})

    def get(self, method_id: str, lang: str) -> MethodCard | None:
        """The card in ``lang``, else in any language."""
        card = self.cards.get((method_id, lang))
        if card is not None:
            return card
        return next((c for (i, _l), c in sorted(self.cards.items()) if i == method_id), None)

    def select(self, lang: str | None = None, category: str | None = None, tag: str | None = None,
               max_minutes: int | None = None, min_minutes: int | None = None,
               people: int | None = None, text: str | None = None, purpose: str | None = None,
               role: str | None = None) -> list[MethodCard]:
        """Cards matching every given filter, sorted by category then title.

        ``purpose`` and ``role`` are ids (see :mod:`toolkit.cards.vocabulary` for names)."""
        needle = text.casefold() if text else None
        out = []
        for (_id, card_lang), card in self.cards.items():
            m = card.meta
            if lang and card_lang != lang:
                continue
            if category and m.category != category:
                continue
            if tag and tag.casefold() not in {t.casefold() for t in m.tags}:
                continue
            if max_minutes is not None and m.duration > max_minutes:
                continue
            if min_minutes is not None and m.duration < min_minutes:
                continue
            if people is not None and not (m.group_size.min <= people <= m.group_size.max):
                continue
            if purpose and purpose not in m.purposes:
                continue
            if role and role not in m.roles:
                continue
            if needle and not any(needle in s.casefold() for s in (m.id, m.title, m.summary, *m.tags)):
                continue
            out.append(card)
        return sorted(out, key=lambda c: (c.meta.category, c.meta.title.casefold(), c.language))

    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def _compare_twins(a: MethodCard, b: MethodCard) -> list[Problem]:
    """Twins describe one method: same steps (ids, minutes, capture kinds) and duration."""
    problems = []
    a_steps = [(s.id, s.minutes, s.capture.kind if s.capture else None) for s in a.meta.steps]
    b_steps = [(s.id, s.minutes, s.capture.kind if s.capture else None) for s in b.meta.steps]
    if a_steps != b_steps:
        problems.append(Problem.at(b.path, 2, _(
            "steps differ from the {lang} twin {path} (ids, minutes and capture kinds must match)").format(
                lang=a.language, path=a.path)))
    for name in ("category", "duration", "group_size", "roles", "purposes"):
        if getattr(a.meta, name) != getattr(b.meta, name):
            problems.append(Problem.at(b.path, 2, _("{field} differs from the {lang} twin {path}").format(
                field=name, lang=a.language, path=a.path)))
    a_source, b_source = a.meta.source, b.meta.source
    if (a_source is None) != (b_source is None) or (a_source and b_source and a_source.link != b_source.link):
        problems.append(Problem.at(b.path, 2, _("{field} differs from the {lang} twin {path}").format(
            field="source", lang=a.language, path=a.path)))
    a_privacy = [s.id for s in a.meta.steps if s.privacy]
    b_privacy = [s.id for s in b.meta.steps if s.privacy]
    if a_privacy != b_privacy:
        problems.append(Problem.at(b.path, 2, _(
            "data-protection notes differ from the {lang} twin {path} (steps with a note: {a}; here: {b})").format(
                lang=a.language, path=a.path, a=", ".join(a_privacy) or "-", b=", ".join(b_privacy) or "-")))
    return problems


def load_paths(sources: Iterable[tuple[str, Path]], kinds: Mapping[str, Any] | Callable[[], Mapping[str, Any]] | None,
               cache: Any = None, require_twins: bool = True) -> Library:
    """Parse every card under ``sources`` (plugin name, path), using ``cache`` when given.

    ``kinds`` may be a function, called only if some card has to be parsed: a run that finds
    every card in the cache then never imports the capture kinds.
    """
    resolved: list[Mapping[str, Any] | None] = []

    def get_kinds() -> Mapping[str, Any] | None:
        if not resolved:
            resolved.append(kinds() if callable(kinds) else kinds)
        return resolved[0]

    from toolkit.parallel import map_split

    results: list[tuple[str, CardResult | None]] = []
    stale: list[tuple[int, Path]] = []  # (index in results, file) of cards the cache cannot answer
    for origin, root in sources:
        if not root.exists():
            results.append((origin, CardResult(None, [Problem.at(root, 0, _("no such file or folder"))])))
            continue
        for file in find_cards(root):
            result = cache.get(file) if cache is not None else None
            if result is None:
                stale.append((len(results), file))
            results.append((origin, result))
    if stale:
        known = get_kinds()  # before any fork, so that a forked worker inherits them
        from toolkit.cards.parse import read_card

        # a cold library is mostly YAML parsing: share it out when there is much to parse
        parsed = map_split([file for _index, file in stale], lambda files: [read_card(f, known) for f in files],
                           min_items=200)
        for (index, file), result in zip(stale, parsed):
            results[index] = (results[index][0], result)
            if cache is not None:
                cache.put(file, result)
    if cache is not None:
        cache.save()
    # every stale entry was parsed above: no result is missing any more
    return Library.build([(origin, result) for origin, result in results if result is not None],
                         require_twins=require_twins)
