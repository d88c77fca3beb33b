"""Read one method card file into a :class:`MethodCard`, or a list of precise problems.

Parsing never raises for bad input: every failure becomes a :class:`Problem` naming the
file, the line and the field. The YAML is composed once with libyaml (when available) so the
same node tree serves both the data and the line numbers of errors.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from toolkit.cards.card import CardResult, MethodCard
from toolkit.cards.model import CardMeta, to_meta
from toolkit.errors import Problem
from toolkit.i18n import _
from toolkit.validation import decode_text, describe, format_loc, node_line
from toolkit.yamlload import YamlError, load_yaml

#: Cards are short texts; anything larger is almost certainly the wrong file.
MAX_BYTES = 1024 * 1024


SECTION_NAMES = {
    "checklist": {"checklist", "checkliste"},
    "shortcuts": {"shortcuts", "abkürzungen", "abkuerzungen"},
}
# linear: the closing "#"s and blanks are stripped in Python, not by a lazy group followed by
# a trailing class (which backtracks quadratically over a long run of blanks)
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*)$")
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
_ITEM = re.compile(r"^[ \t]*[-*+][ \t]+(?:\[[ xX]\][ \t]+)?(.*\S)")


def read_card(path: Path, kinds: Mapping[str, Any] | None = None) -> CardResult:
    """Read and validate the card at ``path``.

    ``kinds`` maps capture kind names to kinds; when given, each step's capture kind must be
    one of them and its options must validate against the kind's ``Options`` model.
    """
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return _fail(path, 0, _("file is too large for a method card ({size:.1f} MiB; at most 1 MiB)").format(
                size=size / 1024 / 1024))
        from toolkit.paths import read_bounded

        raw = read_bounded(path, MAX_BYTES)  # a FIFO or device is refused, never read
    except OSError as exc:
        return _fail(path, 0, _("cannot read file: {error}").format(error=exc.strerror or exc))
    return parse_card(raw, path, kinds)


def parse_card(raw: bytes, path: Path, kinds: Mapping[str, Any] | None = None) -> CardResult:
    """Validate the bytes of a card file; ``path`` is used for messages and the result."""
    if not raw.strip():
        return _fail(path, 0, _("file is empty: a method card starts with YAML front matter between '---' lines"))
    if len(raw) > MAX_BYTES:
        return _fail(path, 0, _("file is too large for a method card ({size:.1f} MiB; at most 1 MiB)").format(
            size=len(raw) / 1024 / 1024))
    text, problem = decode_text(raw, path)
    if text is None:
        return CardResult(None, [problem])

    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        return _fail(path, 1, _("no front matter: the first line of a method card must be '---'"))
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in {"---", "..."}), None)
    if end is None:
        return _fail(path, 1, _("front matter is not closed: add a line '---' after it"))
    front = "\n".join(lines[1:end])
    body_start = end + 1  # 0-based index of the first body line

    try:
        data, node, problems = load_yaml(front, path, first_line=2)
    except YamlError as exc:
        return _fail(path, exc.line, _("broken YAML in front matter: {reason}").format(reason=exc.reason))

    if not isinstance(data, dict):
        return _fail(path, 2, _("front matter must be a mapping of fields (key: value)"))

    try:
        meta = CardMeta.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            loc = err.get("loc", ())
            problems.append(Problem.at(path, node_line(node, loc, offset=1),
                                       f"{format_loc(loc) or _('front matter')}: {describe(err)}"))
        return CardResult(None, problems)

    def at(loc: tuple[Any, ...]) -> int:
        return node_line(node, loc, offset=1)

    _check_steps(meta, at, path, kinds, problems)
    card = _read_body(meta, lines, body_start, path, problems)
    return CardResult(card, problems)


def _fail(path: Path, line: int, message: str) -> CardResult:
    return CardResult(None, [Problem.at(path, line, message)])


def _check_steps(meta: CardMeta, at: Any, path: Path, kinds: Mapping[str, Any] | None,
                 problems: list[Problem]) -> None:
    seen: dict[str, int] = {}
    for i, step in enumerate(meta.steps):
        if step.id in seen:
            message = _("steps[{i}].id: duplicate step id '{id}' (first used by steps[{first}])")
            problems.append(Problem.at(path, at(("steps", i, "id")),
                                       message.format(i=i, id=step.id, first=seen[step.id])))
        else:
            seen[step.id] = i
        if step.capture is None or kinds is None:
            continue
        kind = kinds.get(step.capture.kind)
        if kind is None:
            message = _("steps[{i}].capture.kind: unknown capture kind '{kind}' (known: {known})")
            problems.append(Problem.at(path, at(("steps", i, "capture", "kind")),
                                       message.format(i=i, kind=step.capture.kind, known=", ".join(sorted(kinds)))))
            continue
        options_model = getattr(kind, "Options", None)
        if options_model is None:
            continue
        try:
            options_model.model_validate(step.capture.options)
        except ValidationError as exc:
            for err in exc.errors():
                loc = ("steps", i, "capture", "options", *err.get("loc", ()))
                problems.append(Problem.at(path, at(loc), f"{format_loc(loc)}: {describe(err)}"))
    total = sum(step.minutes for step in meta.steps)
    if total != meta.duration:
        message = _("duration: the steps add up to {total} minutes, but duration is {duration}")
        problems.append(Problem.at(path, at(("duration",)), message.format(total=total, duration=meta.duration)))


def _read_body(meta: CardMeta, lines: list[str], start: int, path: Path,
               problems: list[Problem]) -> MethodCard:
    """Split the Markdown body into intro, one section per step, checklist and shortcuts."""
    sections: list[tuple[str, int, list[str]]] = []
    intro: list[str] = []
    fence: str | None = None
    current = intro
    for index in range(start, len(lines)):
        line = lines[index]
        if not line or line[0] not in "#`~ ":
            current.append(line)  # most lines: neither a heading nor a fence
            continue
        marker = _FENCE.match(line)
        if marker:
            token = marker.group(1)
            if fence is None:
                fence = token
            elif token[0] == fence[0] and len(token) >= len(fence):
                fence = None
        if fence is None and not marker:
            heading = _HEADING.match(line)
            if heading and len(heading.group(1)) == 2:
                current = []
                sections.append((heading.group(2).rstrip(" \t#").strip(), index + 1, current))
                continue
        current.append(line)

    by_title = {step.title.casefold(): step for step in meta.steps}
    instructions: dict[str, str] = {}
    checklist: list[str] = []
    shortcuts: list[str] = []
    for title, line_no, body in sections:
        key = title.casefold()
        text = "\n".join(body).strip()
        if key in SECTION_NAMES["checklist"]:
            checklist = _items(body)
        elif key in SECTION_NAMES["shortcuts"]:
            shortcuts = _items(body)
        elif key in by_title:
            step = by_title[key]
            if step.id in instructions:
                problems.append(Problem.at(path, line_no, _("section '## {title}' appears twice").format(title=title)))
            if not text:
                problems.append(Problem.at(path, line_no,
                                           _("section '## {title}' has no instructions").format(title=title)))
            instructions[step.id] = text
        else:
            problems.append(Problem.at(path, line_no, _(
                "section '## {title}' matches no step title (steps: {titles}); "
                "other sections must be 'Checklist' or 'Shortcuts'").format(
                    title=title, titles=", ".join(s.title for s in meta.steps))))
    for step in meta.steps:
        if step.id not in instructions:
            problems.append(Problem.at(path, start + 1, _(
                "step '{id}' has no instructions: add a section '## {title}'").format(id=step.id, title=step.title)))
    intro_text = "\n".join(intro).strip()
    if not intro_text:
        problems.append(Problem.at(path, start + 1, _("the card has no introduction before its first '##' section")))
    return MethodCard(
        meta=to_meta(meta),
        path=str(path),
        intro=intro_text,
        instructions=instructions,
        checklist=tuple(checklist),
        shortcuts=tuple(shortcuts),
    )


def _items(body: list[str]) -> list[str]:
    return [m.group(1).strip() for line in body if (m := _ITEM.match(line))]
