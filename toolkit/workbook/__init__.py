"""The booksprint workbook: a folder with ``book.yaml``, ``SUMMARY.md`` (mdBook's format)
and ``chapters/*.md`` with front matter, filled from workshop sessions and written by authors.

Modules: :mod:`~toolkit.workbook.book` (``load_book``: read a workbook),
:mod:`~toolkit.workbook.markers` (``strip_markers`` and the provenance markers of generated
passages), :mod:`~toolkit.workbook.model` (the pydantic models of the files),
:mod:`~toolkit.workbook.init` (create one), :mod:`~toolkit.workbook.sync` (generate chapters
from sessions without losing author text), :mod:`~toolkit.workbook.status` (the sprint board
and front-matter edits), :mod:`~toolkit.workbook.check` (links, anchors, images, SUMMARY.md),
:mod:`~toolkit.workbook.booksprint` (chapter skeleton from a booksprint's concept step).

Nothing here imports Textual; importing this package imports nothing else.
"""
