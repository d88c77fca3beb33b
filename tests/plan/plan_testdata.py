"""Plan texts shared by the plan tests."""

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
