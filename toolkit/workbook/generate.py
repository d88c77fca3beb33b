"""What the sessions of a workbook's source workshops produce, as chapters of generated
passages (nothing is written here).

Provides :class:`Generated` (one passage: ref, session, time, lines), :class:`ChapterPlan`
(a chapter: key, title, source, passages), :func:`generate` (every chapter of a book) and
:func:`workshop_key`.

Which agenda items become chapters: every *method run* in whose steps the session captured
at least one record. Talks, breaks and methods that captured nothing get no chapter (the
authors can still write one); the methods they used still add their card's checklist and
shortcuts to the "Checklists and shortcuts" chapter when the session entered one of their steps.
A chapter holds the method's purpose (card summary and introduction), one passage per step
that captures (the kind's Markdown of the step's result, in the book's language) and who
took part (from the plan; role and number instead of names when the book anonymises).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from toolkit.errors import CimisError, Problem
from toolkit.i18n import _
from toolkit.workbook.markers import escape_content

CHECKLISTS_KEY = "_checklists"
CARDS_WORKSHOP = "_cards"  # the WORKSHOP part of refs to method cards' checklists


@dataclass
class Generated:
    ref: str
    session: str
    at: str
    lines: list[str]


@dataclass
class ChapterPlan:
    """A chapter sync keeps up to date. ``key`` identifies it across syncs."""

    key: str
    title: str
    slug: str
    source: tuple[str, str] | None  # (workshop as written in book.yaml, item id)
    passages: list[Generated] = field(default_factory=list)
    workshop_id: str | None = None  # the workshop's stable id (the key follows it across renames)
    files: dict[str, str] = field(default_factory=dict)  # workbook-relative path -> text (charts)
    legacy_key: str | None = None  # the key before workshops had ids: "<source as written>::<item>"


def workshop_key(folder: Path, taken: set[str]) -> str:
    """A slug for a workshop folder (its name), unique among ``taken``."""
    base = re.sub(r"[^a-z0-9]+", "-", folder.name.lower()).strip("-") or "workshop"
    key, n = base, 2
    while key in taken:
        key, n = f"{base}-{n}", n + 1
    taken.add(key)
    return key


def _iso(seconds: float | None) -> str:
    if not seconds:
        return "-"
    return dt.datetime.fromtimestamp(seconds, dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _lines(markdown: str) -> list[str]:
    lines = markdown.strip("\n").split("\n")
    return [line.rstrip() for line in lines]


class _Anonymiser:
    """Replaces people's names by role and number ("Kreative 3") in generated text."""

    def __init__(self, people: list[Any], lang: str, enabled: bool):
        from toolkit.capture.markdown import escape_line, role_title

        self.label: dict[str, str] = {}
        counts: dict[str, int] = {}
        for person in people:
            counts[person.role] = counts.get(person.role, 0) + 1
            self.label[person.id] = f"{role_title(person.role, lang)} {counts[person.role]}"
        self.pairs: list[tuple[str, str]] = []
        if enabled:
            for person in people:
                for form in {person.name, escape_line(person.name)}:
                    if form.strip():
                        self.pairs.append((form, self.label[person.id]))
            self.pairs.sort(key=lambda pair: -len(pair[0]))  # "Anna Seidel" before "Anna"
        self.enabled = enabled

    def __call__(self, lines: list[str]) -> list[str]:
        if not self.pairs:
            return lines
        out = []
        for line in lines:
            for name, label in self.pairs:
                if name in line:
                    line = line.replace(name, label)
            out.append(line)
        return out


def labels(lang: str) -> dict[str, str]:
    """Headings sync writes, in the book's language (not the active one)."""
    from toolkit.capture.markdown import translator

    _ = translator(lang)  # named _ so that the catalogue check finds the _("...") calls
    return {"people": _("Who took part"), "nobody": _("The plan lists nobody."), "checklist": _("Checklist"),
            "shortcuts": _("Shortcuts"), "checklists": _("Checklists and shortcuts"),
            "chart_provenance": _("Drawn from session {session} of the workshop '{workshop}', step {step} "
                                  "(last capture {at})."),
            "conflict": _("**Sync conflict:** the session results changed after this passage was edited. "
                          "This is the new generated version: merge what you need into the passage above, "
                          "then delete this block.")}


def _people_lines(people: list[Any], anonymise: _Anonymiser, t: dict[str, str], lang: str) -> list[str]:
    from toolkit.capture.markdown import escape_line, role_title

    lines = ["## " + t["people"], ""]
    if not people:
        return [*lines, "_" + t["nobody"] + "_"]
    for person in people:
        if anonymise.enabled:
            lines.append(f"- {escape_line(anonymise.label[person.id])}")
        else:
            extra = ", ".join(x for x in (role_title(person.role, lang), person.organisation) if x)
            lines.append(f"- {escape_line(person.name)} ({escape_line(extra)})")
    return lines


def _card(library: Any, method_id: str | None, langs: tuple[str, ...]) -> Any:
    if library is None or not method_id:
        return None
    for lang in langs:
        card = library.get(method_id, lang)
        if card is not None:
            return card
    return None


def _workshop(book: Any, source: str, folder: Path, key: str, library: Any, chapters: list[ChapterPlan],
              checklists: list[Generated], cards_used: dict[str, Any], problems: list[Problem],
              name: str = "") -> None:
    # key (the workshop's stable id) makes refs and identities; name (the folder's slug)
    # only the names of new files, which people read
    name = name or key
    from toolkit.session.backend import has_session
    from toolkit.session.engine import Engine

    lang = book.language
    t = labels(lang)
    if not has_session(folder):
        problems.append(Problem.at(folder, 0, _("no session yet in this workshop; nothing to sync from it"),
                                   "warning"))
        return
    try:
        engine = Engine(folder, readonly=True, library=library)
    except CimisError as exc:
        problems.extend(getattr(exc, "problems", None) or [Problem.at(folder, 0, str(exc))])
        return
    try:
        state = engine.state
        session = state.session or engine.store.session_id or "-"
        people = list(engine.agenda.people)
        anonymise = _Anonymiser(people, lang, book.anonymise)
        results: dict[tuple[str, str], tuple[str | None, Any]] = {}
        first_chapter = len(chapters)
        from toolkit.capture.markdown import escape_line
        for item in engine.agenda.items:
            used = any((item.id, step.id) in state.timers or state.records.get((item.id, step.id))
                       for step in item.steps)
            card = _card(library, item.method_id, (lang, engine.agenda.language)) if item.kind == "method" else None
            if used and card is not None and (card.checklist or card.shortcuts):
                cards_used.setdefault(card.id, card)
            if item.kind != "method":
                continue
            capturing = [s for s in item.steps if s.capture_kind and state.records.get((item.id, s.id))]
            if not capturing:
                continue
            plan = ChapterPlan(f"{key}::{item.id}", item.title, f"{name}-{item.id}", (source, item.id),
                               workshop_id=key, legacy_key=f"{source}::{item.id}")
            item_times = [r.at for s in capturing for r in state.records[(item.id, s.id)].values()]
            item_at = _iso(max(item_times, default=None))
            if card is not None:
                lines = [f"_{_escape_summary(card.meta.summary)}_"]
                if card.intro.strip():
                    lines += ["", *_lines(card.intro)]
                plan.passages.append(Generated(f"{key}/{item.id}/_purpose", session, item_at,
                                               escape_content(lines)))
            for step in capturing:
                kind: Any = engine.kinds.get(step.capture_kind or "")
                records = state.records[(item.id, step.id)]
                at = _iso(max((r.at for r in records.values()), default=None))
                ref = f"{key}/{item.id}/{step.id}"
                try:
                    markdown = kind.to_markdown(engine.result(item.id, step.id), step.options, lang)
                except Exception as exc:  # noqa: BLE001 - a plugin's kind must not stop the sync
                    problems.append(Problem.at(folder, 0, _(
                        "cannot render step '{ref}' ({kind}): {error}").format(
                        ref=f"{item.id}.{step.id}", kind=step.capture_kind, error=exc), "warning"))
                    continue
                body = anonymise(_lines(markdown))
                provenance = t["chart_provenance"].format(session=session, workshop=source,
                                                           step=f"{item.id}.{step.id}", at=at)
                chart = _chart(engine, item, step, anonymise, name, lang, provenance)
                if chart is not None:
                    path, alt, svg = chart
                    plan.files[path] = svg
                    body += ["", f"![{escape_line(alt)}](../{path})"]
                results[(item.id, step.id)] = (step.capture_kind, engine.result(item.id, step.id))
                plan.passages.append(Generated(ref, session, at, escape_content([f"## {step.title}", "", *body])))
                if step.capture_kind == "checklist":
                    checklists.append(Generated(ref, session, at, escape_content(
                        [f"## {item.title}: {step.title}", "", *body])))
            chapters.append(plan)
        last = _iso(max((r.at for recs in state.records.values() for r in recs.values()), default=None))
        report = _report(engine, source, key, session, last, people, anonymise, results, t, lang, name)
        chapters.insert(first_chapter, report)
    finally:
        engine.close()


def _chart(engine: Any, item: Any, step: Any, anonymise: _Anonymiser, key: str,
           lang: str, provenance: str = "") -> tuple[str, str, str] | None:
    """``(workbook-relative path, alternative text, SVG)`` of a chart for the step's
    result: dot votes, score totals, feedback per pitch and upvoted questions as bars,
    matches and mutual interests as a graph, answers as a word cloud, a checklist as a
    progress bar; ``None`` for other kinds or no data. ``provenance`` (the session and
    step) becomes the chart's description."""
    from toolkit.capture.markdown import translator
    from toolkit.workbook.charts import bar_chart, match_graph, progress_bar, word_cloud

    _ = translator(lang)  # named _ so that the catalogue check finds the _("...") calls
    kind = step.capture_kind
    try:
        result = engine.result(item.id, step.id)
    except Exception:  # noqa: BLE001 - the passage reports the failure already
        return None
    name = f"charts/{key}-{item.id}-{step.id}.svg"
    title = f"{item.title}: {step.title}"
    if kind == "dots" and getattr(result, "ranking", None):
        rows = [(anonymise([r.label])[0], float(r.dots)) for r in result.ranking[:20]]
        return name, _("Dots per idea") + f" ({title})", bar_chart(title, rows, desc=provenance)
    if kind == "scorecard" and getattr(result, "ranking", None):
        rows = [(anonymise([r.name])[0], round(r.total, 2)) for r in result.ranking if r.total is not None][:20]
        if rows:
            return name, _("Total scores") + f" ({title})", bar_chart(title, rows, desc=provenance)
        return None
    if kind == "pitch" and getattr(result, "feedback", None):
        rows = [(anonymise.label.get(fb.person, fb.person) if anonymise.enabled else fb.name,
                 float(len(fb.like) + len(fb.wish) + len(fb.whatif))) for fb in result.feedback]
        if any(value for _label_text, value in rows):
            return name, _("Feedback per pitch") + f" ({title})", bar_chart(title, rows[:30], desc=provenance)
        return None
    if kind == "matching" and getattr(result, "teams", None):
        names = {p.id: p.name for p in result.people}

        def shown(pid: str) -> str:
            return anonymise.label.get(pid, pid) if anonymise.enabled else names.get(pid, pid)

        left = sorted({m.id for t in result.teams for m in t.members}, key=shown)
        right = [t.company for t in result.teams]
        edges = [(left.index(m.id), j) for j, t in enumerate(result.teams) for m in t.members]
        return name, _("Who was matched with whom") + f" ({title})", match_graph(
            title, [shown(p) for p in left], [shown(p) for p in right], edges, desc=provenance)
    if kind == "questions" and any(q.votes for q in getattr(result, "questions", None) or []):
        rows = [(anonymise([q.text])[0], float(q.votes)) for q in result.questions[:20]]
        return name, _("Upvotes per question") + f" ({title})", bar_chart(title, rows, desc=provenance)
    if kind == "wordcloud" and getattr(result, "words", None):
        words = [(anonymise([w.word])[0], w.count) for w in result.words]
        return name, _("Word cloud: the larger a word, the more often it was given") + f" ({title})", word_cloud(
            title, words, desc=provenance)
    if kind == "checklist" and getattr(result, "total", 0):
        caption = _("{done} of {total} done ({percent} %)").format(
            done=result.done, total=result.total, percent=round(100 * result.done / result.total))
        return name, _("Checklist progress") + f": {caption} ({title})", progress_bar(
            title, result.done, result.total, caption, desc=provenance)
    if kind == "interests" and getattr(result, "people", None):
        return _interests_chart(result, anonymise, name, title, provenance, _)
    return None


def _interests_chart(result: Any, anonymise: _Anonymiser, name: str, title: str, provenance: str,
                     _: Any) -> tuple[str, str, str] | None:
    """Mutual interests as a graph between the two groups (creatives and companies) when
    there are any, else the marks each person received as bars."""
    from toolkit.workbook.charts import bar_chart, match_graph

    names = {p.id: p.name for p in result.people}

    def shown(pid: str) -> str:
        return anonymise.label.get(pid, pid) if anonymise.enabled else names.get(pid, pid)

    if result.mutual:
        first_role = result.groups[0] if result.groups else None
        sides: tuple[list[str], list[str]] = ([], [])
        for person in result.people:  # both groups, first group first
            if any(person.id in (m.a, m.b) for m in result.mutual):
                sides[0 if (first_role is None or person.role == first_role) else 1].append(person.id)
        left, right = sides
        if not right:  # no roles to tell the groups apart: the pairs' sides
            left = list(dict.fromkeys(m.a for m in result.mutual))
            right = list(dict.fromkeys(m.b for m in result.mutual))
        edges = []
        for m in result.mutual:
            a, b = (m.a, m.b) if m.a in left else (m.b, m.a)
            if a in left and b in right:
                edges.append((left.index(a), right.index(b)))
        return name, _("Mutual interests") + f" ({title})", match_graph(
            title, [shown(p) for p in left], [shown(p) for p in right], edges, desc=provenance)
    rows = [(shown(r.person), float(r.marks)) for r in result.received if r.marks]
    if not rows:
        return None
    rows.sort(key=lambda row: -row[1])
    return name, _("Marks received") + f" ({title})", bar_chart(title, rows[:30], desc=provenance)


def _report(engine: Any, source: str, key: str, session: str, last: str, people: list[Any],
            anonymise: _Anonymiser, results: dict[tuple[str, str], tuple[str | None, Any]],
            t: dict[str, str], lang: str, name: str = "") -> ChapterPlan:
    """The workshop's event report: when and where, the day's schedule, talks, the roster
    (once for the whole workshop), the counters and where it all comes from."""
    from toolkit.capture.markdown import escape_line, translator

    _ = translator(lang)  # named _ so that the catalogue check finds the _("...") calls
    plan = engine.plan
    agenda = engine.agenda
    title = f"{plan.title}: {_('Event report')}"
    report = ChapterPlan(f"{key}::_report", title, f"{name or key}-report", (source, "_report"), workshop_id=key)
    date = plan.date.strftime("%d.%m.%Y") if lang == "de" else plan.date.isoformat()
    overview = [f"- **{_('Date')}:** {date}"]
    if plan.place:
        overview.append(f"- **{_('Place')}:** {escape_line(plan.place)}")
    if agenda.items:
        overview.append(f"- **{_('Time')}:** {agenda.items[0].start:%H:%M}–{agenda.end:%H:%M}")
    report.passages.append(Generated(f"{key}/_report/overview", session, last, escape_content(overview)))

    schedule = ["## " + _("Schedule"), "", f"| {_('Time')} | {_('Agenda item')} | {_('Minutes')} |", "|---|---|--:|"]
    speakers = {p.id: p for p in people}
    for item in agenda.items:
        who = ""
        if item.speaker and item.speaker in speakers:
            who = " – " + (anonymise.label[item.speaker] if anonymise.enabled else speakers[item.speaker].name)
        cell = escape_line(item.title + who).replace("|", "\\|")
        schedule.append(f"| {item.start:%H:%M} | {cell} | {item.minutes} |")
    report.passages.append(Generated(f"{key}/_report/schedule", session, last, escape_content(schedule)))

    talks = [i for i in agenda.items if i.kind != "method" and i.speaker]
    if talks:
        lines = ["## " + _("Talks"), ""]
        for item in talks:
            speaker = speakers.get(item.speaker or "")
            name = (anonymise.label.get(item.speaker or "", "") if anonymise.enabled
                    else (speaker.name if speaker else item.speaker or ""))
            lines.append(f"- **{escape_line(item.title)}** ({escape_line(name)}, {item.start:%H:%M})")
        report.passages.append(Generated(f"{key}/_report/talks", session, last, escape_content(lines)))

    closing = closing_items(agenda.items)
    if closing:
        notes = {entry.id: getattr(entry, "notes", "") for entry in plan.agenda}
        lines = ["## " + _("Closing"), ""]
        for item in closing:
            lines.append(f"- **{escape_line(item.title)}** ({item.start:%H:%M}, {item.minutes} {_('min')})")
            text = " ".join((notes.get(item.id) or "").split())
            if text:
                lines.append(f"  {escape_line(text)}")
        report.passages.append(Generated(f"{key}/_report/closing", session, last, escape_content(lines)))

    ideas = sum(len(getattr(r, "cards", []) or []) for kind, r in results.values() if kind == "cards")
    matches = sum(len(getattr(r, "teams", []) or []) for kind, r in results.values() if kind == "matching")
    counters = ["## " + _("In numbers"), "", f"| {_('What')} | {_('Count')} |", "|---|--:|",
                f"| {_('Participants')} | {len(people)} |"]
    for group, count in organisations_by_branch(plan.people, lang):
        counters.append(f"| {_('Organisations')}: {escape_line(group)} | {count} |")
    counters += [f"| {_('Ideas')} | {ideas} |", f"| {_('Matches')} | {matches} |"]
    report.passages.append(Generated(f"{key}/_report/counters", session, last, escape_content(counters)))
    report.passages.append(Generated(f"{key}/_report/people", session, last,
                                     escape_content(_people_lines(people, anonymise, t, lang))))
    provenance = ["## " + _("Sources"), "",
                  _("Generated from session {session} of the workshop '{source}' (last capture {at}).").format(
                      session=session, source=source, at=last)]
    report.passages.append(Generated(f"{key}/_report/provenance", session, last, escape_content(provenance)))
    return report


def closing_items(items: list[Any]) -> list[Any]:
    """The day's closing items: free items (not talks, not breaks) after its last method
    run, such as a wrap-up or an outlook; none when the day has no method run."""
    last = max((i for i, item in enumerate(items) if item.kind == "method"), default=None)
    if last is None:
        return []
    return [item for item in items[last + 1:] if item.kind == "free"]


def organisations_by_branch(people: list[Any], lang: str) -> list[tuple[str, int]]:
    """``(group, number of organisations)`` sorted by group: an organisation counts under
    the ``branch`` its people give in the plan (letter case aside), under their role where
    none is given (an organisation whose people name several branches counts under each)."""
    from toolkit.capture.markdown import role_title

    groups: dict[str, tuple[str, set[str]]] = {}  # folded name -> (name as first written, organisations)
    for person in people:
        organisation = " ".join((getattr(person, "organisation", "") or "").split())
        if not organisation:
            continue
        group = " ".join((getattr(person, "branch", "") or "").split()) or role_title(person.role, lang)
        groups.setdefault(group.casefold(), (group, set()))[1].add(organisation.casefold())
    return [(shown, len(found)) for _folded, (shown, found) in sorted(groups.items())]


def _escape_summary(text: str) -> str:
    from toolkit.capture.markdown import escape_line

    return escape_line(text)


def _card_passage(card: Any, t: dict[str, str]) -> Generated:
    lines = [f"## {card.meta.title}"]
    if card.checklist:
        lines += ["", "### " + t["checklist"], "", *(f"- [ ] {entry}" for entry in card.checklist)]
    if card.shortcuts:
        lines += ["", "### " + t["shortcuts"], "", *(f"- {entry}" for entry in card.shortcuts)]
    return Generated(f"{CARDS_WORKSHOP}/{card.id}/checklist", "-", "-", escape_content(lines))


def generate(book: Any, library: Any = None) -> tuple[list[ChapterPlan], list[Problem]]:
    """Every chapter the sources of ``book`` produce, in source and agenda order, the
    "Checklists and shortcuts" chapter last (when there is anything to put in it)."""
    if library is None:
        from toolkit import registry

        library = registry.library()
    t = labels(book.language)
    chapters: list[ChapterPlan] = []
    checklists: list[Generated] = []
    cards_used: dict[str, Any] = {}
    problems: list[Problem] = []
    taken: set[str] = set()
    for source in book.sources:
        folder = (book.folder / source).resolve()
        key = name = workshop_key(folder, taken)
        if folder.is_dir() and (folder / "workshop.yaml").is_file():
            from toolkit.workbook.identity import ensure_workshop_id

            key = ensure_workshop_id(folder, key)
            taken.add(key)
        if not folder.is_dir():
            problems.append(Problem.at(book.folder / "book.yaml", 0, _(
                "source '{source}' is not a folder").format(source=source)))
            continue
        _workshop(book, source, folder, key, library, chapters, checklists, cards_used, problems, name)
    passages = checklists + [_card_passage(card, t) for card in cards_used.values()]
    if passages:
        chapters.append(ChapterPlan(CHECKLISTS_KEY, t["checklists"], "checklists", None, passages))
    return chapters, problems
