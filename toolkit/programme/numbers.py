"""What the sessions of a programme's events say: counters per region and in total, and the
matches with where each one stands.

Provides :func:`read_events` (each event's session, read through whatever store holds it:
``session.db``, or the database ``CIMIS_STORE`` or the programme file names),
:func:`stats` (``cimis programme stats``), :func:`matches` (``cimis programme status``) and
:func:`status_line` (a status report in one line).
Nothing here is typed in: every number is computed from the captured records.

- events: the events whose session has started (and how many are planned);
- participants: unique people across events (the plan's people other than facilitators,
  speakers and authors; the same name is the same person, and the register's merged
  duplicates count once);
- branches: distinct branches of the participants' organisations, from the register;
- ideas: idea cards captured (``cards`` steps, new cards only, after undo and removals);
- matches: teams formed by ``matching`` steps.

A match is formed by a matching step (a company and its creatives), takes its question from
what its members wrote in a ``challenge-definition`` or ``how-might-we`` run, gets its jury decision
from a ``scorecard`` step that scored one of its members (rank and total), its status at
each later event from peer learning, and its prototype from a ``prototype-gallery`` run at
the final event. The budget used comes from ``matches.yaml`` (the office's ledger), which
may also correct a question.

The status at an expert event is what the match's members wrote in its peer learning: the
text fields of their records in the steps of agenda items whose method card is of the
category ``peer-learning`` (collegial case consultation, shift & share, troika consulting,
open space, UX fishbowl) or whose item id is ``project-status`` or ``projektstand`` (the
example plans' peer learning, in English and German: a world café or 1-2-4-All on where the
projects stand). Records they wrote
elsewhere at that event are counted beside it, so that a team that took part but reported
no status shows as such.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from toolkit.errors import CimisError, Problem
from toolkit.i18n import N_, _
from toolkit.programme.model import Event, Programme

#: A match's stages, in order (translated where shown).
STAGES = (N_("formed"), N_("question"), N_("decided"), N_("working"), N_("prototype"))

#: Methods in which a team writes down its question for the jury.
QUESTION_METHODS = frozenset({"challenge-definition", "how-might-we"})
#: What makes an agenda item an event's peer learning: its card's category, or its id.
PEER_LEARNING_CATEGORY = "peer-learning"
PEER_LEARNING_ITEMS = frozenset({"project-status", "projektstand"})
NOT_PARTICIPANTS = frozenset({"facilitator", "speaker", "author", "reviewer"})
PROGRAMME_WIDE = "*"  # the bucket of events without a region


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


@dataclass
class EventSession:
    """One event and what its session holds."""

    event: Event
    folder: Path
    started: bool = False
    people: list[Any] = field(default_factory=list)  # PersonEntry of the plan
    ideas: int = 0
    teams: list[dict[str, Any]] = field(default_factory=list)  # {"company": id, "members": [ids]}
    scores: dict[str, tuple[int | None, float | None]] = field(default_factory=dict)  # person id -> rank, total
    contributions: dict[str, int] = field(default_factory=dict)  # person id -> records written
    prototypes: dict[str, list[str]] = field(default_factory=dict)  # person id -> texts shown
    questions: dict[str, str] = field(default_factory=dict)  # person id -> the question they wrote
    peer: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # person id -> (seq, text) in peer learning
    names: dict[str, str] = field(default_factory=dict)  # person id -> name


def _peer_learning(item: Any, lang: str) -> bool:
    if item.id in PEER_LEARNING_ITEMS:
        return True
    if not item.method_id:
        return False
    from toolkit import registry

    card = registry.library().get(item.method_id, lang)
    return card is not None and card.meta.category == PEER_LEARNING_CATEGORY


def _record_text(data: Any) -> str:
    if isinstance(data, dict):
        for key in ("text", "title", "note", "summary"):
            value = data.get(key)
            if isinstance(value, str) and value.strip():
                return value.strip()
    return ""


def read_event(event: Event, folder: Path, problems: list[Problem]) -> EventSession:
    """The session of one event (an unstarted or unreadable one counts as not held)."""
    from toolkit.session.engine import Engine

    out = EventSession(event, folder)
    if not (folder / "workshop.yaml").is_file():
        problems.append(Problem.at(folder, 0, _("event '{id}' has no workshop folder; create it with "
                                                "'cimis programme events'").format(id=event.id), "warning"))
        return out
    try:
        engine = Engine(folder, readonly=True)
    except CimisError as exc:
        problems.extend(getattr(exc, "problems", None) or [Problem.at(folder, 0, str(exc))])
        return out
    with engine:
        state = engine.state
        out.started = state.started
        out.people = list(engine.agenda.people)
        out.names = {p.id: p.name for p in out.people}
        for item in engine.agenda.items:
            peer = _peer_learning(item, engine.plan.language)
            for step in item.steps:
                kind = step.capture_kind
                records = state.step_records(item.id, step.id)
                if not kind or not records:
                    continue
                for rec in records:
                    if rec.author:
                        out.contributions[rec.author] = out.contributions.get(rec.author, 0) + 1
                        if item.method_id in QUESTION_METHODS and _record_text(rec.data):
                            out.questions.setdefault(rec.author, _record_text(rec.data))
                        if peer and _record_text(rec.data):
                            out.peer.setdefault(rec.author, []).append((rec.id, _record_text(rec.data)))
                if kind == "cards":
                    out.ideas += sum(1 for r in records
                                     if isinstance(r.data, dict) and r.data.get("op", "card") == "card")
                    if item.method_id == "prototype-gallery":
                        for rec in records:
                            if rec.author and _record_text(rec.data):
                                out.prototypes.setdefault(rec.author, []).append(_record_text(rec.data))
                elif kind == "notes" and item.method_id == "prototype-gallery":
                    for rec in records:
                        if rec.author and _record_text(rec.data):
                            out.prototypes.setdefault(rec.author, []).append(_record_text(rec.data))
                elif kind in ("matching", "scorecard"):
                    try:
                        result = engine.result(item.id, step.id)
                    except Exception as exc:  # noqa: BLE001 - one broken step must not hide the others
                        problems.append(Problem.at(folder, 0, _("cannot compute step '{ref}': {error}").format(
                            ref=f"{item.id}.{step.id}", error=exc), "warning"))
                        continue
                    if kind == "matching":
                        for team in result.teams:
                            if team.members:
                                out.teams.append({"company": team.company, "members": [m.id for m in team.members]})
                    else:
                        for row in result.ranking:
                            out.scores[row.candidate] = (row.rank, row.total)
    return out


def read_events(root: Path, programme: Programme, problems: list[Problem]) -> list[EventSession]:
    from toolkit.programme.load import event_folder

    return [read_event(event, event_folder(root, event.id), problems) for event in programme.events]


def stats(root: Path, programme: Programme, sessions: list[EventSession]) -> dict[str, Any]:
    """The counters per region (``*`` for programme-wide events) and in total."""
    from toolkit.programme.people import read_register

    register = read_register(root)
    identity: dict[str, str] = {}  # normalised name -> the register's id
    branch_of: dict[str, str] = {}
    for person in register:
        identity[_norm(person.name)] = person.id
        if person.branch:
            branch_of[person.id] = person.branch

    def bucket() -> dict[str, Any]:
        return {"events": 0, "events_planned": 0, "participants": set(), "branches": set(), "ideas": 0, "matches": 0}

    regions: dict[str, dict[str, Any]] = {r.id: bucket() for r in programme.regions}
    regions[PROGRAMME_WIDE] = bucket()
    total = bucket()
    for session in sessions:
        key = session.event.region or PROGRAMME_WIDE
        for target in (regions[key], total):
            target["events_planned"] += 1
            if not session.started:
                continue
            target["events"] += 1
            target["ideas"] += session.ideas
            target["matches"] += len(session.teams)
            for person in session.people:
                if person.role in NOT_PARTICIPANTS:
                    continue
                ident = identity.get(_norm(person.name), "name:" + _norm(person.name))
                target["participants"].add(ident)
                if ident in branch_of:
                    target["branches"].add(branch_of[ident])

    def finish(b: dict[str, Any]) -> dict[str, Any]:
        return {**b, "participants": len(b["participants"]), "branches": len(b["branches"])}

    return {"programme": programme.id, "name": programme.name,
            "regions": {k: finish(v) for k, v in regions.items() if k != PROGRAMME_WIDE or v["events_planned"]},
            "total": finish(total)}


@dataclass
class Match:
    """One match (a company and its creatives) and where it stands."""

    id: str
    region: str | None
    formed_at: str  # event id
    company: str
    members: list[str]
    names: dict[str, str]
    question: str = ""
    jury: dict[str, Any] | None = None
    statuses: list[dict[str, Any]] = field(default_factory=list)
    prototype: list[str] = field(default_factory=list)
    budget: float | None = None
    budget_used: float = 0.0

    @property
    def stage(self) -> str:
        if self.prototype:
            return "prototype"
        if self.statuses:
            return "working"
        if self.jury is not None:
            return "decided"
        if self.question:
            return "question"
        return "formed"

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "region": self.region, "formed_at": self.formed_at, "company": self.company,
                "members": self.members, "names": self.names, "question": self.question, "jury": self.jury,
                "statuses": self.statuses, "prototype": self.prototype, "budget": self.budget,
                "budget_used": self.budget_used, "stage": self.stage}


def status_line(report: dict[str, Any], width: int = 160) -> str:
    """One status report of a match (an entry of :attr:`Match.statuses`) in one line: what
    the team wrote in peer learning, or that it wrote nothing there."""
    texts = [" ".join(str(t).split()) for t in report.get("status") or []]
    if not texts:
        return _("no status reported in peer learning ({n} contribution(s) at the event)").format(
            n=report.get("records", 0))
    line = " / ".join(texts)
    return line if len(line) <= width else line[:width - 1].rstrip() + "…"


def matches(root: Path, programme: Programme, sessions: list[EventSession],
            ledger: dict[str, dict[str, Any]] | None = None) -> list[Match]:
    """Every match formed in the programme, followed through the later events."""
    from toolkit.slugs import slugify

    out: list[Match] = []
    ordered = sorted(sessions, key=lambda s: s.event.date)
    for index, session in enumerate(ordered):
        for team in session.teams:
            people = [team["company"], *team["members"]]
            ident = f"{session.event.id}-{slugify(team['company'], max_length=30)}"
            names = {p: session.names.get(p, p) for p in people}
            match = Match(ident, session.event.region, session.event.id, team["company"], team["members"], names,
                          budget=programme.budget.per_match if programme.budget else None)
            # the jury may sit at the same event (after the pitches) or a later one
            for later in ordered[index:]:
                for person in people:
                    if person in later.scores and match.jury is None:
                        rank, total = later.scores[person]
                        match.jury = {"event": later.event.id, "candidate": person, "rank": rank, "total": total}
                if not match.question:
                    match.question = next((later.questions[p] for p in people if p in later.questions), "")
                if later is session:
                    continue
                written = sum(later.contributions.get(p, 0) for p in people)
                # the team's reports in the order they were written
                reported = [text for _seq, text in sorted(r for p in people for r in later.peer.get(p, []))]
                if (written or reported) and later.event.kind != "final":
                    match.statuses.append({"event": later.event.id, "date": later.event.date.isoformat(),
                                           "status": reported, "records": written})
                if later.event.kind == "final":
                    for person in people:
                        match.prototype.extend(later.prototypes.get(person, []))
            entry = (ledger or {}).get(ident) or {}
            match.question = str(entry.get("question") or match.question)
            match.budget_used = float(entry.get("budget_used", 0.0))
            out.append(match)
    return out
