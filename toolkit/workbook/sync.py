"""``cimis workbook sync``: bring generated passages up to date without losing author text.

Provides :func:`sync` (one workbook folder -> :class:`SyncReport`) and :func:`merge` (one
chapter body with new generated passages -> new body and conflicts), which the property
tests drive directly.

The rules, per generated passage (a *ref*, see :mod:`toolkit.workbook.markers`):

* Text outside markers is never changed, moved or removed. Front matter of an existing
  chapter is never changed (status, authors, title the authors set stay).
* Not edited inside its markers (the lines still hash to the marker's hash): replaced by the
  new generated text when that differs.
* Edited, and the generated text is the one the marker's hash names: left alone.
* Edited, and the generated text changed: a *conflict*. The author's passage stays; the new
  version goes right after it in a ``cimis:conflict`` block that starts with a visible note;
  the passage's marker takes the new hash, so the same results do not conflict again once
  the author has merged and deleted the block. An unedited conflict block is refreshed by
  later syncs; an edited one is left alone like author text. Sync reports each conflict as
  ``file:line: conflict: ...`` and still exits 0 (it did everything it could, and every file
  is consistent); ``cimis workbook check`` reports unresolved conflict blocks as errors, so
  a build pipeline stops there.
* A ref the chapter had before but no longer has complete markers for (the author deleted
  the passage or a marker) belongs to the author now and is not inserted again. Which refs
  and chapters sync wrote is kept in ``.cimis-sync.json`` in the workbook folder; a chapter
  the authors deleted is not created again (delete that file to regenerate everything).
* New refs are inserted after the passage of the ref before them, else at the end.

Each file is written atomically, and only when its text changes; chapter files before
SUMMARY.md, so an interruption never leaves SUMMARY.md pointing at a missing file.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from toolkit.errors import Problem
from toolkit.i18n import _
from toolkit.paths import write_atomic
from toolkit.workbook.markers import Conflict, Passage, content_hash, parse
from toolkit.workbook.model import CHAPTERS_DIR, SUMMARY_FILE

STATE_FILE = ".cimis-sync.json"


@dataclass
class SyncReport:
    created: list[Path] = field(default_factory=list)
    updated: list[Path] = field(default_factory=list)
    conflicts: list[Problem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: passages replaced / inserted / left alone because the author edited them
    replaced: int = 0
    inserted: int = 0

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)


@dataclass
class MergeResult:
    lines: list[str]
    conflicts: list[tuple[str, int]]  # (ref, 0-based index of the conflict block's first line)
    replaced: int = 0
    inserted: int = 0
    refs: set[str] = field(default_factory=set)  # refs whose passage the body now has


def merge(body: list[str], generated: list[Any], known_refs: set[str], conflict_note: str) -> MergeResult:
    """``body`` with ``generated`` passages (objects with ref, session, at, lines) brought
    up to date by the rules above; ``known_refs`` are refs the chapter had before."""
    parsed = parse(body)
    parts = parsed.parts
    passages = parsed.passages()
    result = MergeResult([], [])
    conflicted: list[str] = []
    previous: str | None = None
    for gen in generated:
        digest = content_hash(gen.lines)
        current = passages.get(gen.ref)
        if current is None:
            if gen.ref in known_refs:
                continue  # the author removed its markers: the text is theirs now
            block = Passage(gen.ref, gen.session, gen.at, digest, list(gen.lines), -1, -1)
            at = _after(parts, previous)
            parts[at:at] = ["", block] if at > 0 else [block, ""]
            passages[gen.ref] = block
            result.inserted += 1
        elif not current.edited:
            if current.hash != digest:
                current.lines, current.hash, current.session, current.at = list(gen.lines), digest, gen.session, gen.at
                result.replaced += 1
        elif current.hash != digest:
            new_lines = [conflict_note, "", *gen.lines]
            new_hash = content_hash(new_lines)
            mine = [p for p in parts if isinstance(p, Conflict) and p.ref == gen.ref and not p.edited]
            if mine:
                mine[0].lines, mine[0].hash, mine[0].session, mine[0].at = new_lines, new_hash, gen.session, gen.at
            else:
                at = _after(parts, gen.ref)
                parts[at:at] = ["", Conflict(gen.ref, gen.session, gen.at, new_hash, new_lines, -1, -1)]
            current.hash, current.session, current.at = digest, gen.session, gen.at
            conflicted.append(gen.ref)
        previous = gen.ref
    # unresolved conflict blocks from earlier syncs are conflicts too
    for part in parts:
        if isinstance(part, Conflict) and not part.edited and part.ref not in conflicted:
            conflicted.append(part.ref)
    result.lines = parsed.lines()
    result.refs = set(passages)
    starts: dict[str, int] = {}
    index = 0
    for part in parts:
        if isinstance(part, Conflict) and part.ref in conflicted and part.ref not in starts:
            starts[part.ref] = index
        index += 1 if isinstance(part, str) else len(part.lines) + 2
    result.conflicts = [(ref, starts.get(ref, 0)) for ref in conflicted]
    return result


def _after(parts: list[Any], ref: str | None) -> int:
    """Index in ``parts`` just after the passage of ``ref`` and its conflict blocks (the
    end when there is none)."""
    found = None if ref is None else next(
        (i for i, part in enumerate(parts) if type(part) is Passage and part.ref == ref), None)
    if found is None:
        return len(_trimmed(parts))
    i = found + 1
    while i < len(parts) and isinstance(parts[i], Conflict) and parts[i].ref == ref:
        i += 1
    return i


def _trimmed(parts: list[Any]) -> list[Any]:
    # new passages at the end go before trailing blank lines, not after them
    end = len(parts)
    while end and parts[end - 1] == "":
        end -= 1
    return parts[:end]


# -- the workbook --------------------------------------------------------------------------


def _load_state(folder: Path) -> dict[str, Any]:
    try:
        data = json.loads((folder / STATE_FILE).read_text("utf-8"))
        return data if isinstance(data, dict) and isinstance(data.get("chapters"), dict) else {"chapters": {}}
    except (OSError, ValueError):
        return {"chapters": {}}


def _yaml_str(text: str) -> str:
    # JSON escaping is not YAML's: a title holding U+007F would be written but not read back
    from toolkit.yamlload import yaml_quote

    return yaml_quote(text)


def _new_chapter(plan: Any) -> list[str]:
    from toolkit.capture.markdown import escape_line

    front = ["---", f"title: {_yaml_str(plan.title)}", "authors: []", "reviewers: []", "status: draft"]
    if plan.source is not None:
        wid = f", workshop_id: {_yaml_str(plan.workshop_id)}" if getattr(plan, "workshop_id", None) else ""
        front.append(f"source: {{workshop: {_yaml_str(plan.source[0])}, item: {_yaml_str(plan.source[1])}{wid}}}")
    front += ["comments: []", "---", "", f"# {escape_line(plan.title)}", ""]
    return front


def _free_path(folder: Path, slug: str, taken: set[Path]) -> Path:
    path, n = folder / CHAPTERS_DIR / f"{slug}.md", 2
    while path.exists() or path in taken:
        path, n = folder / CHAPTERS_DIR / f"{slug}-{n}.md", n + 1
    return path


def _scan_chapters(folder: Path, report: SyncReport) -> dict[Path, tuple[str, Any, str, int]]:
    """Every chapter file sync may touch: path -> (text, meta, body, body line)."""
    from toolkit.workbook.book import resolve_in
    from toolkit.workbook.files import parse_chapter, read_text
    from toolkit.workbook.summary import parse_summary

    paths: set[Path] = set()
    root = Path(os.path.abspath(folder))
    chapters_dir = root / CHAPTERS_DIR
    if chapters_dir.is_dir():
        paths.update(chapters_dir.rglob("*.md"))
    summary_text, _problems = read_text(folder / SUMMARY_FILE)
    if summary_text is not None:
        for entry in parse_summary(summary_text, str(folder / SUMMARY_FILE)).entries:
            path = resolve_in(root, entry.path) if entry.path else None
            if path is not None and path.is_file():
                paths.add(path)
    found = {}
    for path in sorted(paths):
        text, problems = read_text(path)
        if text is None:
            report.problems += problems
            continue
        meta, body, body_line, problems = parse_chapter(text, path)
        report.problems += problems
        if meta is not None:
            found[path] = (text, meta, body, body_line)
    return found


def sync(folder: Path | str, library: Any = None) -> SyncReport:
    """Sync the workbook in ``folder`` from its sources; problems instead of exceptions.
    One sync at a time per workbook: two at once both found a chapter missing, both made it
    and both added it to SUMMARY.md, which then listed every new chapter twice. The lock is
    on the workbook folder itself (no lock file among the author's files) and ends with
    the process, even a killed one."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return _sync(folder, library)  # not a folder: _sync says so
    try:
        try:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except ImportError:  # no POSIX locks (Windows): syncs are not guarded against each other
            pass
        except OSError:
            report = SyncReport()
            report.problems.append(Problem.at(folder, 0, _(
                "another sync of this workbook is running; try again when it has finished")))
            return report
        return _sync(folder, library)
    finally:
        os.close(fd)


def _sync(folder: Path | str, library: Any = None) -> SyncReport:
    from toolkit.workbook.files import read_book_config
    from toolkit.workbook.generate import generate, labels
    from toolkit.workbook.model import BOOK_FILE
    from toolkit.workbook.summary import append_chapters

    shown = Path(folder)
    folder = shown.resolve()
    report = SyncReport()
    config, problems = read_book_config(folder / BOOK_FILE)
    if config is None:
        report.problems += problems or [Problem.at(folder / BOOK_FILE, 0, _("file does not exist"))]
        return report
    existing = _scan_chapters(folder, report)
    if not report.ok:
        # a chapter whose front matter cannot be read may be one sync made: writing now
        # could create it a second time
        return report
    book = _BookView(folder, config)
    plans, problems = generate(book, library)
    report.problems += problems

    state = _load_state(folder)
    known = state["chapters"]
    by_source: dict[str, Path] = {}
    for found, (_text, meta, _body, _line) in existing.items():
        if meta.source is not None:
            if meta.source.workshop_id:
                by_source.setdefault(f"{meta.source.workshop_id}::{meta.source.item}", found)
            by_source.setdefault(f"{meta.source.workshop}::{meta.source.item}", found)
    note = labels(config.language)["conflict"]
    taken: set[Path] = set()
    writes: list[tuple[Path, str]] = []
    new_entries: list[tuple[str, str]] = []
    for plan in plans:
        legacy = getattr(plan, "legacy_key", None) or plan.key
        record = known.get(plan.key) or known.pop(legacy, None) or {}
        path: Path | None = by_source.get(plan.key) or by_source.get(legacy)
        if path is None and record.get("path"):
            candidate = (folder / record["path"]).resolve()
            path = candidate if candidate in existing else None
            if path is None:
                continue  # sync made this chapter before and the authors deleted it
        if path is None:
            path = _free_path(folder, plan.slug, taken)
            taken.add(path)
            lines = _new_chapter(plan)
            merged = merge([], plan.passages, set(), note)
            text = "\n".join(lines + _trimmed(merged.lines)) + "\n"
            writes.append((path, text))
            report.created.append(path)
            report.inserted += merged.inserted
            new_entries.append((plan.title, path.relative_to(folder).as_posix()))
            refs = merged.refs
            body_line = len(lines) + 1
        else:
            text, _meta, body, body_line = existing[path]
            merged = merge(body.split("\n"), plan.passages, set(record.get("refs", [])), note)
            head = text[: len(text) - len(body)]
            new_text = head + "\n".join(merged.lines)
            if new_text != text:
                writes.append((path, new_text))
                report.updated.append(path)
            report.replaced += merged.replaced
            report.inserted += merged.inserted
            refs = merged.refs | set(record.get("refs", []))
        for ref, index in merged.conflicts:
            report.conflicts.append(Problem.at(_shown(path, folder, shown), body_line + index, _(
                "conflict: '{ref}' was edited here and the session results changed; the new version is in the "
                "block below it").format(ref=ref), "warning"))
        rel = path.relative_to(folder).as_posix() if path.is_relative_to(folder) else str(path)
        known[plan.key] = {"path": rel, "refs": sorted(refs)}

    from toolkit.paths import write_many
    from toolkit.workbook.files import encode_like

    # the charts the chapters show (only what changed is written)
    for plan in plans:
        for rel, svg in getattr(plan, "files", {}).items():
            target = folder / rel
            try:
                current = target.read_text("utf-8") if target.exists() else None
            except (OSError, UnicodeDecodeError):
                current = None
            if current != svg:
                writes.append((target, svg))

    # chapters first: SUMMARY.md never points at a file that is not there yet
    write_many([(path, encode_like(path, text)) for path, text in writes])
    if new_entries:
        summary_path = folder / SUMMARY_FILE
        try:
            current = summary_path.read_text("utf-8") if summary_path.exists() else "# Summary\n"
        except (OSError, UnicodeDecodeError):
            current = None
            report.problems.append(Problem.at(summary_path, 0, _(
                "cannot read SUMMARY.md to add the new chapters; add them by hand")))
        if current is not None:
            write_atomic(summary_path, encode_like(summary_path, append_chapters(current.replace("\r\n", "\n"),
                                                                                 new_entries)))
    state_text = json.dumps(state, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    if not (folder / STATE_FILE).exists() or (folder / STATE_FILE).read_text("utf-8") != state_text:
        write_atomic(folder / STATE_FILE, state_text.encode("utf-8"))
    return report


def _shown(path: Path, folder: Path, shown: Path) -> Path:
    """``path`` as the user named the workbook folder (relative stays relative)."""
    try:
        return shown / path.relative_to(folder)
    except ValueError:
        return path


@dataclass
class _BookView:
    """What :func:`toolkit.workbook.generate.generate` needs of a book (sync does not need
    SUMMARY.md to be valid)."""

    folder: Path
    config: Any

    @property
    def language(self) -> str:
        return str(self.config.language)

    @property
    def sources(self) -> list[str]:
        return list(self.config.sources)

    @property
    def anonymise(self) -> bool:
        return bool(self.config.anonymise)
