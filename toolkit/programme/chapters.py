"""The programme's workbook: generated chapters beside the events' own reports.

Provides :func:`write_workbook` (``cimis programme workbook``). The programme folder's
``workbook/`` lists every event's workshop folder as a source, so ``cimis workbook sync``
writes each event's report exactly as for a single workshop; this module adds, under
``chapters/programme/``:

- ``numbers.md``: the counters per region and in total, with SVG charts (``images/``);
- ``challenges-<region>.md``: the region's "regional challenges": each match's question
  and what became of it;
- ``match-<id>.md``: one chapter per match, from its question to its prototype;
- ``booksprint.md``: the two-day booksprint as a plan, and the sprint board across the
  team of authors (every chapter's status, authors and reviewers).

Passages are generated between the workbook's provenance markers and merged with
:func:`toolkit.workbook.sync.merge`, so what authors wrote around or inside them is kept
by the same rules as ``cimis workbook sync``.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from toolkit.programme.model import Programme

FOLDER = "programme"


STATE = ".cimis-programme.json"  # refs each chapter had, so that a passage an author removed stays removed


def _chapter(workbook: Path, rel: str, title: str, passages: list[Any], note: str) -> tuple[bool, int]:
    """Create or update one chapter; ``(created, conflicts)``."""
    from toolkit.capture.markdown import escape_line
    from toolkit.paths import write_atomic
    from toolkit.workbook.files import split_front_matter
    from toolkit.workbook.sync import merge

    path = workbook / rel
    created = not path.exists()
    if created:
        head = ["---", f"title: {json.dumps(title, ensure_ascii=False)}", "authors: []", "reviewers: []",
                "status: draft", "comments: []", "---", "", f"# {escape_line(title)}", ""]
        body: list[str] = []
        known: set[str] = set()
    else:
        text = path.read_text(encoding="utf-8")
        front, rest, _first = split_front_matter(text)
        head = ["---", *(front or "").split("\n"), "---"] if front is not None else []
        body = rest.split("\n")
    state_path = workbook / STATE
    try:
        state = json.loads(state_path.read_text(encoding="utf-8"))
        state = state if isinstance(state, dict) else {}
    except (OSError, ValueError):
        state = {}
    known = set(state.get(rel, [])) if not created else set()
    result = merge(body, passages, known, note)
    new_text = "\n".join([*head, *result.lines]).rstrip("\n") + "\n"
    if created or new_text != path.read_text(encoding="utf-8"):
        write_atomic(path, new_text.encode("utf-8"))
    refs = sorted(known | result.refs | {p.ref for p in passages if p.ref in result.refs})
    if state.get(rel) != refs:
        state[rel] = refs
        text = json.dumps(state, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        write_atomic(state_path, text.encode("utf-8"))
    return created, len(result.conflicts)


def write_workbook(root: Path, programme: Programme, numbers: dict[str, Any], matches: list[Any],
                   today: dt.date | None = None) -> dict[str, Any]:
    """Write the programme's chapters into ``root/workbook`` (created with every event as a
    source when missing); what was created and how many conflicts sync-style merging met."""
    from toolkit.capture.markdown import bullet, escape_line, escape_text, table, translator
    from toolkit.paths import write_atomic
    from toolkit.programme.charts import COUNTERS, stats_charts
    from toolkit.programme.load import event_folder
    from toolkit.workbook.generate import Generated
    from toolkit.workbook.init import init_workbook
    from toolkit.workbook.model import BOOK_FILE, SUMMARY_FILE
    from toolkit.workbook.summary import append_chapters

    lang = programme.language
    _ = translator(lang)  # named _ so that the catalogue check finds the _("...") calls
    workbook = root / "workbook"
    if not (workbook / BOOK_FILE).is_file():
        sources = [f"../events/{e.id}" for e in programme.events if event_folder(root, e.id).is_dir()]
        init_workbook(workbook, sources, title=programme.name, language=lang)
    (workbook / "chapters" / FOLDER).mkdir(parents=True, exist_ok=True)
    stamp = (today or dt.date.today()).isoformat()
    session = programme.id
    note = _("> **cimis:** the sessions say something new here; merge it with the text above and delete this block.")
    labels = {"events": _("events"), "participants": _("participants"), "branches": _("branches"),
              "ideas": _("ideas"), "matches": _("matches"), "total": _("total")}
    region_names = {r.id: r.name for r in programme.regions}
    region_names["*"] = _("whole programme")
    chapters: list[tuple[str, str, list[Any]]] = []

    # the numbers, with a chart per counter
    images = workbook / "images" / FOLDER
    images.mkdir(parents=True, exist_ok=True)
    for counter, svg in stats_charts(numbers, region_names, labels).items():
        target = images / f"{counter}.svg"
        if not target.exists() or target.read_text(encoding="utf-8") != svg:
            write_atomic(target, svg.encode("utf-8"))
    rows = [[region_names.get(k, k), *(str(v[c]) for c in COUNTERS)] for k, v in numbers["regions"].items()]
    rows.append([labels["total"], *(str(numbers["total"][c]) for c in COUNTERS)])
    lines = table([_("region"), *(labels[c] for c in COUNTERS)], rows).split("\n")
    lines += [""] + [f"![{escape_line(labels[c])}](../../images/{FOLDER}/{c}.svg)" for c in COUNTERS]
    chapters.append((f"chapters/{FOLDER}/numbers.md", _("The programme in numbers"),
                     [Generated("programme/numbers", session, stamp, lines)]))

    # regional challenges
    for region in programme.regions:
        mine = [m for m in matches if m.region == region.id]
        passages = []
        intro = [escape_text(_("{association} runs the programme in {region}.").format(
            association=region.association, region=region.name))]
        passages.append(Generated(f"programme/challenges/{region.id}/_intro", session, stamp, intro))
        for match in mine:
            names = ", ".join(match.names.get(p, p) for p in [match.company, *match.members])
            body = [f"## {escape_line(names)}", ""]
            body.append(escape_text(match.question) if match.question else _("_No question recorded yet._"))
            body += ["", bullet(_("Stage: {stage}").format(stage=_(match.stage)))]
            if match.jury:
                body.append(bullet(_("Jury: rank {rank}").format(rank=match.jury.get("rank") or "-")))
            if match.prototype:
                body.append(bullet(_("Prototype: {text}").format(text=match.prototype[0])))
            passages.append(Generated(f"programme/challenges/{region.id}/{match.id}", session, stamp, body))
        if not mine:
            passages.append(Generated(f"programme/challenges/{region.id}/_none", session, stamp,
                                      [_("_No matches formed in this region yet._")]))
        chapters.append((f"chapters/{FOLDER}/challenges-{region.id}.md",
                         _("Regional challenges: {region}").format(region=region.name), passages))

    # one chapter per match
    for match in matches:
        names = ", ".join(match.names.get(p, p) for p in [match.company, *match.members])
        body = [f"**{escape_line(names)}**", "", f"## {_('Question')}", "",
                escape_text(match.question) if match.question else _("_No question recorded yet._"), "",
                f"## {_('Jury decision')}", ""]
        if match.jury:
            total = match.jury.get("total")
            body.append(escape_text(_("Rank {rank} with {total} points ({event}).").format(
                rank=match.jury.get("rank") or "-", total="-" if total is None else f"{total:.2f}",
                event=match.jury["event"])))
        else:
            body.append(_("_No jury decision yet._"))
        body += ["", f"## {_('Peer learning')}", ""]
        for report in match.statuses:
            body.append(f"### {escape_line(_('{event} ({date})').format(event=report['event'], date=report['date']))}")
            body.append("")
            body += [bullet(text) for text in report["status"]] or [escape_text(_(
                "No status reported in peer learning ({n} contribution(s) at the event).").format(n=report["records"]))]
            body.append("")
        if not match.statuses:
            body.append(_("_No status reports yet._"))
        body += ["", f"## {_('Prototype')}", ""]
        body += [bullet(text) for text in match.prototype] or [_("_Not shown yet._")]
        if match.budget is not None:
            currency = programme.budget.currency if programme.budget else ""
            body += ["", f"## {_('Budget')}", "", escape_text(_("{used} of {budget} {currency} used.").format(
                used=f"{match.budget_used:g}", budget=f"{match.budget:g}", currency=currency))]
        chapters.append((f"chapters/{FOLDER}/match-{match.id}.md", _("Match: {names}").format(names=names),
                         [Generated(f"programme/match/{match.id}", session, stamp, body)]))

    # the booksprint: plan and board
    plan = [f"## {_('Day 1')}", "", bullet(_("Morning: agree on the outline and assign chapters to authors")),
            bullet(_("Afternoon: write; the facilitator keeps the sprint board up to date")), "",
            f"## {_('Day 2')}", "", bullet(_("Morning: review in pairs, answer the comments")),
            bullet(_("Afternoon: final edits, build the workbook, celebrate")), ""]
    chapters.append((f"chapters/{FOLDER}/booksprint.md", _("The booksprint"),
                     [Generated("programme/booksprint/plan", session, stamp, plan)]))

    created: list[str] = []
    conflicts = 0
    for rel, title, passages in chapters:
        is_new, n = _chapter(workbook, rel, title, passages, note)
        conflicts += n
        if is_new:
            created.append(rel)
    if created:
        summary = workbook / SUMMARY_FILE
        current = summary.read_text("utf-8") if summary.exists() else "# Summary\n"
        titles = {rel: title for rel, title, _p in chapters}
        write_atomic(summary, append_chapters(current, [(titles[r], r) for r in created]).encode("utf-8"))
    _board(workbook, session, stamp, note, _)
    return {"workbook": str(workbook), "created": created, "chapters": len(chapters), "conflicts": conflicts}


def _board(workbook: Path, session: str, stamp: str, note: str, _: Any) -> None:
    """The sprint board across the team of authors, written after the other chapters so
    that it lists them too."""
    from toolkit.capture.markdown import table
    from toolkit.workbook.book import read_book
    from toolkit.workbook.generate import Generated
    from toolkit.workbook.status import board

    book, _problems = read_book(workbook)
    if book is None:
        return
    statuses = {"todo": _("to do"), "draft": _("draft"), "review": _("in review"), "final": _("final")}
    rows = [[str(r["number"] or ""), r["title"], statuses.get(r["status"], r["status"]), ", ".join(r["authors"]) or "-",
             ", ".join(r["reviewers"]) or "-", str(r["words"])] for r in board(book)]
    lines = table([_("no."), _("chapter"), _("status"), _("authors"), _("reviewers"), _("words")], rows).split("\n")
    _chapter(workbook, f"chapters/{FOLDER}/booksprint.md", _("The booksprint"),
             [Generated("programme/booksprint/board", session, stamp, [f"## {_('Sprint board')}", "", *lines])], note)
