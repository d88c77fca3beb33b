"""A programme of many workshops: four regions' events, the people and organisations taking
part, the matches from question to prototype, the numbers computed from the sessions, and
the programme's workbook chapters.

Modules: :mod:`~toolkit.programme.model` and :mod:`~toolkit.programme.load`
(``programme.yaml``), :mod:`~toolkit.programme.create` (``cimis programme new``),
:mod:`~toolkit.programme.people` (the register), :mod:`~toolkit.programme.ledger`
(``matches.yaml``), :mod:`~toolkit.programme.numbers` (stats and matches),
:mod:`~toolkit.programme.charts` (SVG) and :mod:`~toolkit.programme.chapters` (workbook).
Nothing here imports Textual or the web stack.
"""
