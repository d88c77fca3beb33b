"""Create a workbook folder: :func:`init_workbook` writes ``book.yaml``, ``SUMMARY.md`` and
an empty ``chapters/``; :func:`book_yaml` renders the starter ``book.yaml``."""

from __future__ import annotations

import json
from pathlib import Path

from toolkit.errors import CimisError
from toolkit.i18n import _
from toolkit.paths import write_atomic
from toolkit.workbook.model import BOOK_FILE, CHAPTERS_DIR, SUMMARY_FILE

DEFAULT_TITLES = {"en": "Cross. Create. Innovate.", "de": "Cross. Create. Innovate."}
_SUMMARY_TITLE = {"en": "Summary", "de": "Summary"}  # mdBook's convention, in every language

_COMMENTS = {
    "en": ("# The workbook. Plain text: edit it by hand.\n"
           "# sources: workshop folders (relative to this folder) that 'cimis workbook sync' reads.\n"
           "# anonymise: true replaces participants' names by role and number.\n"),
    "de": ("# Das Workbook. Reiner Text: bearbeiten Sie ihn von Hand.\n"
           "# sources: Workshop-Ordner (relativ zu diesem Ordner), die 'cimis workbook sync' liest.\n"
           "# anonymise: true ersetzt die Namen der Teilnehmenden durch Rolle und Nummer.\n"),
}


def _q(text: str) -> str:
    # a JSON string is a valid double-quoted YAML scalar: any text is written safely
    return json.dumps(text, ensure_ascii=False)


def book_yaml(title: str, language: str, sources: list[str], authors: list[str] | None = None) -> str:
    lines = [_COMMENTS.get(language, _COMMENTS["en"]).rstrip("\n"),
             f"title: {_q(title)}",
             f"authors: [{', '.join(_q(a) for a in authors or [])}]",
             f"language: {language}",
             "sources:" if sources else "sources: []"]
    lines += [f"  - {_q(s)}" for s in sources]
    lines.append("anonymise: false")
    return "\n".join(lines) + "\n"


def init_workbook(folder: Path | str, sources: list[str] | None = None, title: str | None = None,
                  language: str = "en") -> Path:
    """Create the workbook in ``folder`` (which must be missing or empty); the folder."""
    folder = Path(folder)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise CimisError(_("'{folder}' already exists and is not empty; choose a new folder.").format(folder=folder))
    if language not in DEFAULT_TITLES:
        raise CimisError(_("unknown language '{language}': use de or en").format(language=language))
    title = title or DEFAULT_TITLES[language]
    (folder / CHAPTERS_DIR).mkdir(parents=True, exist_ok=True)
    write_atomic(folder / SUMMARY_FILE, f"# {_SUMMARY_TITLE[language]}\n".encode())
    # book.yaml last: a folder with book.yaml is a complete workbook
    write_atomic(folder / BOOK_FILE, book_yaml(title, language, list(sources or [])).encode("utf-8"))
    return folder
