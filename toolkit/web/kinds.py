"""The built-in kinds' participant forms and projector views. Each kind names these
functions in its ``web_form``/``web_view`` (exactly as a plugin would); each renders a
template from ``templates/kinds``."""

from __future__ import annotations

from typing import Any

from toolkit.web.forms import FormView, ResultView, plain
from toolkit.web.templating import render


def _form(name: str, view: FormView, **extra: Any) -> str:
    return render(f"kinds/{name}_form.html", v=view, T=view.texts, source=plain(view.source),
                  result=plain(view.result), **extra)


def _view(name: str, view: ResultView, **extra: Any) -> str:
    from toolkit.web.texts import texts

    extra.setdefault("result", None if name == "cards" else plain(view.result))
    return render(f"kinds/{name}_view.html", v=view, T=texts(view.lang), **extra)


def _names(view: FormView | ResultView) -> dict[str, str]:
    people = view.people if isinstance(view, FormView) else (view.context.people if view.context else ())
    return {p.id: p.name for p in people}


# -- forms -------------------------------------------------------------------------------

def cards_form(view: FormView) -> str:
    return _form("cards", view)


def notes_form(view: FormView) -> str:
    return _form("notes", view)


def dots_form(view: FormView) -> str:
    source = plain(view.source) or {}
    if view.options.over == "clusters":
        items = [{"id": c["name"], "label": c["name"]} for c in source.get("clusters", [])]
    else:
        items = [{"id": str(c["id"]), "label": c["text"]} for c in source.get("cards", [])]
    # a room count (op "tally") is the facilitator's, never a device's own vote
    votes = [r for r in view.mine if r.get("op", "vote") != "tally"]
    spent = sum(int(r.get("dots", 1)) for r in votes)
    given: dict[str, int] = {}
    for r in votes:
        given[str(r.get("item"))] = given.get(str(r.get("item")), 0) + int(r.get("dots", 1))
    left = max(0, view.options.dots_per_person - spent)
    return _form("dots", view, items=items, left=left, given=given)


def checklist_form(view: FormView) -> str:
    return _form("checklist", view)


def scorecard_form(view: FormView) -> str:
    source = plain(view.source)
    if source and source.get("order"):
        candidates = [{"id": s["person"], "name": s["name"]} for s in source["order"]]
    else:
        role = view.options.scorers
        candidates = [{"id": p.id, "name": p.name} for p in view.people if p.role != role]
    me = view.device.person
    candidates = [c for c in candidates if c["id"] != me]
    return _form("scorecard", view, candidates=candidates)


def interests_form(view: FormView) -> str:
    source = plain(view.source) or {}
    me = view.device.person
    group_a = [p["id"] for p in source.get("group_a", [])]
    group_b = [p["id"] for p in source.get("group_b", [])]
    if me in group_a:
        others = source.get("group_b", [])
    elif me in group_b:
        others = source.get("group_a", [])
    else:
        others = []
    current: dict[str, str] = {}
    if view.mine:
        last = view.mine[-1]
        for level in ("must", "could", "no"):
            for person in last.get(level, []):
                current[person] = level
        for person in last.get("wants", []):
            current.setdefault(person, "could")
    return _form("interests", view, others=others, current=current, known=bool(others))


def questions_form(view: FormView) -> str:
    upvoted = {r.get("question") for r in view.mine if r.get("op") == "upvote"}
    return _form("questions", view, upvoted=upvoted)


def wordcloud_form(view: FormView) -> str:
    left = max(0, view.options.per_person - len(view.mine))
    return _form("wordcloud", view, left=left)


def rotation_form(view: FormView) -> str:
    """Read-only: where the participant sits (the facilitator runs the rounds)."""
    result = plain(view.result) or {}
    me = view.device.person
    names = _names(view)
    members = {p["id"] for p in (*result.get("group_a", []), *result.get("group_b", []))}
    # speed dating with check-in: the invited person checks in (and out) here
    check_in = bool(view.kind.web_self_ops(view.options)) and me in members
    present = check_in and me not in result.get("absent", [])
    mine = []
    for r in result.get("rounds", []):
        for seat in r.get("seats", []):
            if me and me in (seat["a"], seat["b"]):
                other = seat["b"] if seat["a"] == me else seat["a"]
                mine.append({"round": r["number"], "table": seat["table"], "with": names.get(other, other),
                             "current": r["number"] == result.get("current_round")})
    return _form("rotation", view, seats=mine, check_in=check_in, present=present)


# -- views -------------------------------------------------------------------------------

#: cards a wall shows at most (the newest); a projector cannot show thousands anyway
WALL = 60


def cards_view(view: ResultView) -> str:
    result = view.result
    text = {c.id: c.text for c in result.cards}
    clustered = [{"name": c.name, "cards": c.cards[-WALL:], "more": max(0, len(c.cards) - WALL)}
                 for c in result.clusters]
    loose = result.unclustered if result.clusters else [c.id for c in result.cards]
    return _view("cards", view, text=text, clusters=clustered, loose=loose[-WALL:],
                 more=max(0, len(loose) - WALL))


def dots_view(view: ResultView) -> str:
    result = plain(view.result)
    rows = [(r["label"], r["dots"]) for r in result["ranking"]]
    return _view("dots", view, rows=rows)


def scorecard_view(view: ResultView) -> str:
    result = plain(view.result)
    rows = [(r["name"], r["total"]) for r in result["ranking"] if r["total"] is not None]
    return _view("scorecard", view, rows=rows)


def rotation_view(view: ResultView) -> str:
    result = plain(view.result)
    names = {p["id"]: p["name"] for p in (*result["group_a"], *result["group_b"])}
    current = result["current_round"]
    shown = [r for r in result["rounds"] if r["number"] in (current, current + 1)] or result["rounds"][:1]
    check_in = bool(view.kind.web_self_ops(view.options))
    people = [p["id"] for p in (*result["group_a"], *result["group_b"])]
    away = set(result["absent"])
    present = [p for p in people if p not in away]
    return _view("rotation", view, names=names, shown=shown, check_in=check_in, present=present,
                 away=[p for p in people if p in away], everyone=len(people))


def matching_view(view: ResultView) -> str:
    result = plain(view.result)
    names = {p["id"]: p["name"] for p in result["people"]}
    return _view("matching", view, names=names)


def interests_view(view: ResultView) -> str:
    result = plain(view.result)
    return _view("interests", view, marked=len(result["preferences"]), mutual=len(result["mutual"]))


def questions_view(view: ResultView) -> str:
    questions = plain(view.result)["questions"]
    return _view("questions", view, questions=questions[:20], more=max(0, len(questions) - 20))


def wordcloud_view(view: ResultView) -> str:
    result = plain(view.result)
    return _view("wordcloud", view, words=[(w["word"], w["count"]) for w in result["words"]])


def checklist_view(view: ResultView) -> str:
    return _view("checklist", view)
