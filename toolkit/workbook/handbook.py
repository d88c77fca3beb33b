"""The method handbook: workbook chapters generated from the method library, one per
category (``chapters/methods-<category>.md``), listed in SUMMARY.md.

:func:`generate_hook_reference` writes the plugin guide's hook reference chapter from
:func:`toolkit.hookdocs.hook_reference`.

Regenerate the project's own handbook with ``python -m toolkit.workbook.handbook workbook``
(the language is the book's). The chapters say that they are generated: to change one,
edit the method cards in ``methods/``, not the chapter.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import Any

import yaml

from toolkit.capture.markdown import escape_cell, escape_line
from toolkit.paths import write_atomic

PREFIX = "methods-"

CATEGORY_TITLES = {
    "en": {"opening": "Opening and arrival", "input": "Input and talks", "break": "Breaks",
           "networking": "Networking and matching", "pitch": "Pitches", "evaluation": "Evaluation and jury",
           "ideation": "Ideation", "convergence": "Choosing and converging", "problem-framing": "Framing the problem",
           "research": "Research", "design-thinking": "Design thinking", "prototyping": "Prototyping",
           "peer-learning": "Peer learning", "reflection": "Reflection", "writing": "Writing together"},
    "de": {"opening": "Ankommen und Eröffnung", "input": "Input und Vorträge", "break": "Pausen",
           "networking": "Vernetzen und Zusammenfinden", "pitch": "Pitches", "evaluation": "Bewertung und Jury",
           "ideation": "Ideen finden", "convergence": "Auswählen und Verdichten",
           "problem-framing": "Das Problem fassen", "research": "Recherche", "design-thinking": "Design Thinking",
           "prototyping": "Prototypen", "peer-learning": "Voneinander lernen", "reflection": "Reflexion",
           "writing": "Gemeinsam schreiben"},
}

TEXT = {
    "en": {"methods": "Methods", "duration": "Duration", "group": "Group size", "roles": "Roles",
           "materials": "Materials", "tags": "Tags", "steps": "Steps", "checklist": "Checklist",
           "shortcuts": "Shortcuts", "min": "min", "people": "people", "captures": "captures",
           "source": "Source", "privacy": "Data protection",
           "generated": "Generated from the method library (`methods/{lang}/`). To change this chapter, edit "
                        "the method cards and run `python -m toolkit.workbook.handbook`."},
    "de": {"methods": "Methoden", "duration": "Dauer", "group": "Gruppengröße", "roles": "Rollen",
           "materials": "Material", "tags": "Schlagwörter", "steps": "Schritte", "checklist": "Checkliste",
           "shortcuts": "Shortcuts", "min": "Min.", "people": "Personen", "captures": "erfasst",
           "source": "Quelle", "privacy": "Datenschutz",
           "generated": "Erzeugt aus der Methodenbibliothek (`methods/{lang}/`). Um dieses Kapitel zu ändern, "
                        "bearbeiten Sie die Methodenkarten und starten `python -m toolkit.workbook.handbook`."},
}


def _method(card: Any, t: dict[str, str]) -> list[str]:
    m = card.meta
    out = [f"## {escape_line(m.title)}", "", escape_line(m.summary), "", "| | |", "|---|---|",
           f"| {t['duration']} | {m.duration} {t['min']} |",
           f"| {t['group']} | {m.group_size.min}–{m.group_size.max} {t['people']} |"]
    for key, values in (("roles", m.roles), ("materials", m.materials), ("tags", m.tags)):
        if values:
            out.append(f"| {t[key]} | {escape_cell(', '.join(map(str, values)))} |")
    if getattr(m, "source", None):
        out.append(f"| {t['source']} | {escape_cell(m.source.credit())} |")
    out += ["", card.intro.strip(), "", f"### {t['steps']}", ""]
    for n, step in enumerate(m.steps, 1):
        capture = f" – {t['captures']} *{escape_line(step.capture.kind)}*" if step.capture else ""
        out.append(f"{n}. **{escape_line(step.title)}** ({step.minutes} {t['min']}){capture}")
    out.append("")
    for step in m.steps:
        text = card.instructions.get(step.id, "").strip()
        if text:
            out += [f"#### {escape_line(step.title)}", "", text, ""]
        if getattr(step, "privacy", None):
            out += [f"> **{t['privacy']}:** {escape_line(step.privacy)}", ""]
    for key, items, mark in (("checklist", card.checklist, "- [ ] "), ("shortcuts", card.shortcuts, "- ")):
        if items:
            out += [f"### {t[key]}", "", *(mark + escape_line(item) for item in items), ""]
    return out


def chapters_from(cards: list[Any], lang: str) -> dict[str, tuple[str, str]]:
    """``{file name: (title, text)}`` of the handbook chapters for ``cards`` in ``lang``."""
    t = TEXT[lang]
    titles = CATEGORY_TITLES[lang]
    by_category: dict[str, list[Any]] = {}
    for card in cards:
        by_category.setdefault(card.meta.category, []).append(card)
    order = list(titles)
    out: dict[str, tuple[str, str]] = {}
    for category in sorted(by_category, key=lambda c: (order.index(c) if c in order else len(order), c)):
        title = f"{t['methods']}: {titles.get(category, category)}"
        front = yaml.safe_dump({"title": title, "authors": ["cimis toolkit"], "status": "final"},
                               allow_unicode=True, sort_keys=False)
        lines = [f"# {escape_line(title)}", "", f"*{t['generated'].format(lang=lang)}*", ""]
        for card in sorted(by_category[category], key=lambda c: c.meta.title.casefold()):
            lines += _method(card, t)
        text = "---\n" + front + "---\n\n" + "\n".join(lines).rstrip() + "\n"
        out[f"{PREFIX}{category}.md"] = (title, re.sub(r"\n{3,}", "\n\n", text))
    return out


def update_summary(summary: str, entries: list[tuple[str, str]], part_title: str) -> str:
    """SUMMARY.md with its handbook lines replaced by ``entries`` [(title, rel path)]."""
    lines = summary.rstrip("\n").split("\n")
    new = [f"- [{title.replace('[', '(').replace(']', ')')}]({rel})" for title, rel in entries]
    ours = [i for i, line in enumerate(lines) if f"(chapters/{PREFIX}" in line]
    if ours:
        at = ours[0]
        lines = [line for i, line in enumerate(lines) if i not in set(ours)]
        lines[at:at] = new
    else:
        lines += ["", f"# {part_title}", "", *new]
    return "\n".join(lines) + "\n"


def generate(book_folder: Path | str, lang: str | None = None, cards: list[Any] | None = None) -> list[Path]:
    """(Re)write the handbook chapters of the workbook in ``book_folder`` from the method
    library (or ``cards``), drop handbook chapters of categories that are gone, and list
    them in SUMMARY.md. Returns the chapter files."""
    folder = Path(book_folder)
    book = yaml.safe_load((folder / "book.yaml").read_text("utf-8")) or {}
    lang = lang or book.get("language", "en")
    if cards is None:
        from toolkit.registry import library

        cards = library().select(lang=lang)
    chapters = chapters_from(cards, lang)
    chapter_dir = folder / "chapters"
    written = []
    for name, (_title, text) in chapters.items():
        path = chapter_dir / name
        if not path.exists() or path.read_text("utf-8") != text:
            write_atomic(path, text.encode("utf-8"))
        written.append(path)
    for stale in chapter_dir.glob(f"{PREFIX}*.md"):
        if stale.name not in chapters:
            stale.unlink()
    summary_path = folder / "SUMMARY.md"
    summary = summary_path.read_text("utf-8") if summary_path.exists() else "# Summary\n"
    entries = [(title, f"chapters/{name}") for name, (title, _text) in chapters.items()]
    new_summary = update_summary(summary, entries, TEXT[lang]["methods"])
    if new_summary != summary:
        write_atomic(summary_path, new_summary.encode("utf-8"))
    return written


HOOKS_FILE = "plugin-hooks.md"


def hook_chapter() -> str:
    """The plugin guide's hook reference chapter, from :func:`toolkit.hookdocs.hook_reference`."""
    from toolkit.hookdocs import hook_reference

    front: str = yaml.safe_dump({"title": "Hook reference", "authors": ["cimis toolkit"], "status": "final"},
                                sort_keys=False)
    return "---\n" + front + "---\n\n" + hook_reference()


def generate_hook_reference(book_folder: Path | str) -> Path:
    """(Re)write ``chapters/plugin-hooks.md`` (list it in SUMMARY.md yourself, where it fits)."""
    path = Path(book_folder) / "chapters" / HOOKS_FILE
    text = hook_chapter()
    if not path.exists() or path.read_text("utf-8") != text:
        write_atomic(path, text.encode("utf-8"))
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m toolkit.workbook.handbook", description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", default="workbook", help="the workbook folder (default: workbook)")
    parser.add_argument("--lang", choices=("de", "en"), help="language of the cards (default: the book's)")
    args = parser.parse_args(argv)
    for path in generate(args.folder, args.lang):
        print(path)
    print(generate_hook_reference(args.folder))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
