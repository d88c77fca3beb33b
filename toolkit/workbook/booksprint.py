"""The chapter skeleton of a booksprint: one ``todo`` chapter per entry of the outline its
``concept`` step captured.

Provides :func:`on_event` (called by the built-in ``session_event`` plugin), :func:`outline`
(chapter titles and purposes from a concept step's result) and :func:`create_skeleton`.

The outline is the concept canvas's ``chapters`` field (``outline`` is accepted too); when a
card's concept step captures notes instead, each note is a chapter. An entry's first line is
the chapter title, further lines its purpose. Chapters are created once: a title that a
chapter of the workbook already has, or that an earlier skeleton created (recorded in the
sync state file, so a chapter the authors deleted does not come back), is skipped.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

BOOKSPRINT = "booksprint"
CONCEPT = "concept"
OUTLINE_FIELDS = ("chapters", "outline")


def _engine_for(event: Any) -> Any:
    """A read-only engine on the event's workshop, if its plan runs a booksprint (checked on
    the plan alone first, so that other workshops' step changes cost almost nothing)."""
    from toolkit.plan import load_plan
    from toolkit.session.engine import Engine

    folder = Path(event.workshop)
    if not any(getattr(item, "method", None) == BOOKSPRINT for item in load_plan(folder).agenda):
        return None
    return Engine(folder, readonly=True)


def outline(result: Any) -> list[tuple[str, str]]:
    """``(title, purpose)`` per outline entry of a concept step's result."""
    texts: list[str] = []
    fields = getattr(result, "fields", None)
    if fields is not None:
        for wanted in OUTLINE_FIELDS:
            field = next((f for f in fields if f.id == wanted), None)
            if field is not None:
                texts = [entry.text for entry in field.entries]
                break
    elif getattr(result, "notes", None) is not None:
        texts = [note.text for note in result.notes]
    out = []
    for text in texts:
        lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
        if lines:
            out.append((lines[0].lstrip("-*0123456789.) ").strip() or lines[0], " ".join(lines[1:])))
    return out


def create_skeleton(workbook: Path, entries: list[tuple[str, str]], key: str, title: str = "",
                    language: str = "en") -> list[Path]:
    """Create a ``todo`` chapter per entry not made before; the files created. ``key``
    names the booksprint (e.g. its agenda item) in the sync state."""
    import json

    from toolkit.capture.markdown import escape_line, escape_text
    from toolkit.paths import write_atomic
    from toolkit.slugs import slugify
    from toolkit.workbook.files import parse_chapter, read_text
    from toolkit.workbook.init import init_workbook
    from toolkit.workbook.model import BOOK_FILE, CHAPTERS_DIR, SUMMARY_FILE
    from toolkit.workbook.summary import append_chapters
    from toolkit.workbook.sync import STATE_FILE, _load_state

    if not (workbook / BOOK_FILE).is_file():
        if workbook.exists() and any(workbook.iterdir()):
            return []  # a folder of someone else's: leave it alone
        init_workbook(workbook, [".."], title=title or None, language=language)
    state = _load_state(workbook)
    made = state.setdefault("skeleton", {}).setdefault(key, [])
    titles = set()
    chapters_dir = workbook / CHAPTERS_DIR
    for path in chapters_dir.rglob("*.md") if chapters_dir.is_dir() else []:
        text, _problems = read_text(path)
        meta = parse_chapter(text, path)[0] if text is not None else None
        titles.add((meta.title if meta and meta.title else path.stem).casefold())
    created: list[Path] = []
    entries_added: list[tuple[str, str]] = []
    for chapter_title, purpose in entries:
        folded = chapter_title.casefold()
        if folded in titles or folded in made:
            continue
        slug, n = slugify(chapter_title, fallback="chapter"), 2
        path = chapters_dir / f"{slug}.md"
        while path.exists():
            path, n = chapters_dir / f"{slug}-{n}.md", n + 1
        body = [f"# {escape_line(chapter_title)}", ""]
        if purpose:
            body += [f"_{escape_text(purpose)}_", ""]
        text = "\n".join(["---", f"title: {json.dumps(chapter_title, ensure_ascii=False)}", "authors: []",
                          "reviewers: []", "status: todo", "comments: []", "---", "", *body])
        write_atomic(path, text.encode("utf-8"))
        created.append(path)
        titles.add(folded)
        made.append(folded)
        entries_added.append((chapter_title, path.relative_to(workbook).as_posix()))
    if entries_added:
        summary = workbook / SUMMARY_FILE
        current = summary.read_text("utf-8") if summary.exists() else "# Summary\n"
        write_atomic(summary, append_chapters(current, entries_added).encode("utf-8"))
        write_atomic(workbook / STATE_FILE,
                     (json.dumps(state, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8"))
    return created


def _concept_left(engine: Any, event: Any, item: Any) -> bool:
    if (item.id, CONCEPT) not in engine.state.timers:
        return False  # the session never was in the concept step
    if event.type == "finished":
        return True
    steps = [(i.id, s.id) for i in engine.agenda.items for s in i.steps]
    try:
        return steps.index((event.item, event.step)) > steps.index((item.id, CONCEPT))
    except ValueError:
        return False


def on_event(event: Any, engine: Any = None) -> list[Path]:
    """Create the skeletons of the booksprints whose concept step ``event`` leaves."""
    try:
        if engine is not None:
            return _skeletons(engine, event)
        opened = _engine_for(event)
        if opened is None:
            return []
        with opened:
            return _skeletons(opened, event)
    except Exception:  # noqa: BLE001
        # the event is committed and the room is waiting: a workbook problem must not
        # disturb the session (and raising would make the plugin host drop this plugin)
        return []


def _skeletons(engine: Any, event: Any) -> list[Path]:
    created: list[Path] = []
    for item in engine.agenda.items:
        if item.method_id != BOOKSPRINT or item.step(CONCEPT) is None or not _concept_left(engine, event, item):
            continue
        if not item.step(CONCEPT).capture_kind:
            continue
        entries = outline(engine.result(item.id, CONCEPT))
        if entries:
            created += create_skeleton(engine.folder / "workbook", entries, item.id, engine.agenda.title,
                                       engine.agenda.language)
    return created
