"""Data shared by the plan tests: plan texts, capture kinds built from the real options
models, and a small card library independent of the built-in cards."""

from __future__ import annotations

from pathlib import Path

import yaml

from toolkit.capture.base import CaptureKind
from toolkit.capture.kinds import options as opts

GOOD_PLAN = """\
# A plan used by many tests.
title: Test day   # trailing comment
date: 2026-03-14
start: "9:30"
end: "12:00"
place: Dresden
language: en
seed: 7
people:
  - {id: fac, name: Fay, role: facilitator}
  - {id: ana, name: Ana, role: creative}
  - {id: bo, name: Bo, role: creative}
  - {id: cy, name: Cy, role: company, organisation: Tischlerei Cy}
  - {id: di, name: Di, role: company}
  - {id: ed, name: Ed, role: speaker}
  - {id: jo, name: Jo, role: jury}
agenda:
  - id: opening
    type: talk
    title: Opening
    minutes: 10
    speaker: ed
  - id: dating
    method: dating
    minutes: {rounds: 30}
    options:
      rounds: {round_minutes: 6}
  - id: brk
    type: break
    title: Coffee
    minutes: 15
  - id: match
    method: matching
  - id: ideas
    method: ideas
    title: Our ideas
"""


def _kind(kind_name: str, options_model):
    class Kind(CaptureKind):
        name = kind_name
        title = {"en": kind_name, "de": kind_name}
        Options = options_model
        Record = opts.NotesOptions

        def result(self, records, options, context):
            return None

        def to_markdown(self, result, options, lang):
            return ""

    return Kind()


KINDS = {k.name: k for k in (
    _kind("notes", opts.NotesOptions),
    _kind("cards", opts.CardsOptions),
    _kind("dots", opts.DotsOptions),
    _kind("rotation", opts.RotationOptions),
    _kind("interests", opts.InterestsOptions),
    _kind("matching", opts.MatchingOptions),
    _kind("scorecard", opts.ScorecardOptions),
    _kind("pitch", opts.PitchOptions),
)}

CARDS = {
    "talk": dict(title="Talk", duration=30, group_size={"min": 1, "max": 100}, roles=["speaker"],
                 steps=[{"id": "talk", "title": "Talk", "minutes": 20},
                        {"id": "questions", "title": "Questions", "minutes": 10, "capture": {"kind": "notes"}}]),
    "ideas": dict(title="Ideas", duration=40, group_size={"min": 3, "max": 20}, roles=["facilitator"],
                  steps=[{"id": "collect", "title": "Collect", "minutes": 25, "capture": {"kind": "cards"}},
                         {"id": "vote", "title": "Vote", "minutes": 15,
                          "capture": {"kind": "dots", "options": {"source": "collect"}}}]),
    "dating": dict(title="Dating", duration=50, group_size={"min": 4, "max": 30}, roles=["creative", "company"],
                   steps=[{"id": "rounds", "title": "Rounds", "minutes": 40, "capture": {"kind": "rotation"}},
                          {"id": "interests", "title": "Interests", "minutes": 10,
                           "capture": {"kind": "interests", "options": {"source": "rounds"}}}]),
    "matching": dict(title="Matching", duration=20, group_size={"min": 4, "max": 30}, roles=[],
                     steps=[{"id": "match", "title": "Match", "minutes": 20,
                             "capture": {"kind": "matching", "options": {"source": "dating.interests"}}}]),
    "jury": dict(title="Jury", duration=30, group_size={"min": 2, "max": 60}, roles=["jury"],
                 steps=[{"id": "score", "title": "Score", "minutes": 30,
                         "capture": {"kind": "scorecard",
                                     "options": {"criteria": [{"id": "idea", "title": "Idea"}]}}}]),
    "pitches": dict(title="Pitches", duration=30, group_size={"min": 2, "max": 60}, roles=[],
                    steps=[{"id": "pitches", "title": "Pitches", "minutes": 30,
                            "capture": {"kind": "pitch", "options": {"presenters": "company"}}}]),
}


def write_card(folder: Path, method_id: str, lang: str, spec: dict) -> None:
    meta = {"id": method_id, "language": lang, "summary": f"The {method_id} method.", "category": "ideation", **spec}
    if lang == "de":
        meta["title"] = spec["title"] + " (de)"
    body = "Introduction.\n\n" + "".join(f"## {s['title']}\n\nDo {s['id']} ({lang}).\n\n" for s in spec["steps"])
    (folder / lang).mkdir(parents=True, exist_ok=True)
    (folder / lang / f"{method_id}.md").write_text(
        "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True) + "---\n\n" + body, encoding="utf-8")
