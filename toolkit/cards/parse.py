"""Read one method card file into a :class:`MethodCard`, or a list of precise problems.

Parsing never raises for bad input: every failure becomes a :class:`Problem` naming the
file, the line and the field. The YAML is composed once with libyaml (when available) so the
same node tree serves both the data and the line numbers of errors.
"""

from __future__ import annotations

import functools
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

#: Cards are short texts; anything larger is almost certainly the wrong file.
MAX_BYTES = 1024 * 1024


SECTION_NAMES = {
    "checklist": {"checklist", "checkliste"},
    "shortcuts": {"shortcuts", "abkürzungen", "abkuerzungen"},
}
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$")
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
        raw = path.read_bytes()
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

    import yaml  # here, not at the top: a run that finds every card cached never needs it

    problems: list[Problem] = []
    try:
        loader = _card_loader()(front)
        try:
            node = loader.get_single_node()
            data = _construct(node, loader, path, problems, {}) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 2) if mark is not None else 2
        # libyaml's diagnostics are English; the common ones have German entries in the catalogue
        reason = _(exc.problem or exc.context or "")
        if exc.context and exc.context_mark is not None and exc.problem:
            reason = _("{problem} ({context} that starts on line {line})").format(
                problem=reason, context=_(exc.context), line=exc.context_mark.line + 2)
        return _fail(path, line, _("broken YAML in front matter: {reason}").format(reason=reason))
    except yaml.YAMLError as exc:  # pragma: no cover - libyaml raises only marked errors
        return _fail(path, 2, _("broken YAML in front matter: {reason}").format(reason=exc))
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:
        # SafeConstructor raises these for values like an out-of-range date.
        return _fail(path, 2, _("broken YAML in front matter: {reason}").format(reason=exc))

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


#: The only plain scalars starting with a letter that YAML 1.1 does not read as text.
_YAML11_WORDS = frozenset(
    "yes Yes YES no No NO true True TRUE false False FALSE on On ON off Off OFF null Null NULL".split())


@functools.cache
def _card_loader() -> type:
    """libyaml's safe loader with a faster resolver.

    libyaml calls the pure-Python ``resolve()`` for every node, and that call is most of the
    time spent reading a card. Quoted scalars, and plain ones whose first character starts
    no implicit type (most text), are strings whatever the general resolver would try, so
    they are answered at once; everything else goes to PyYAML's own resolver. Path
    resolvers are never registered, so the per-node hooks for them do nothing.
    """
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    implicit_first = base.yaml_implicit_resolvers
    if None in implicit_first:  # a wildcard resolver would apply to every value
        return base
    scalar, sequence = yaml.ScalarNode, yaml.SequenceNode
    str_tag, seq_tag, map_tag = base.DEFAULT_SCALAR_TAG, base.DEFAULT_SEQUENCE_TAG, base.DEFAULT_MAPPING_TAG

    class CardLoader(base):  # type: ignore[misc, valid-type]
        def resolve(self, kind, value, implicit):
            if kind is scalar:
                if implicit[0] and (not value or value[0] in implicit_first):
                    # a plain word is only ever a boolean or null: skip the regexes otherwise
                    if value[:1].isalpha() and value not in _YAML11_WORDS:
                        return str_tag
                    return base.resolve(self, kind, value, implicit)
                return str_tag
            return seq_tag if kind is sequence else map_tag

        def descend_resolver(self, current_node, current_index):
            pass

        def ascend_resolver(self):
            pass

    return CardLoader


_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_MERGE = "tag:yaml.org,2002:merge"


def _construct(node: Any, loader: Any, path: Path, problems: list[Problem], memo: dict[int, Any]) -> Any:
    """Python data from a composed YAML node, reporting keys that are given twice.

    Plain strings, mappings and lists (nearly all of a card) are built here directly, which
    is several times faster than PyYAML's pure-Python constructor; every other tag (numbers,
    booleans, dates, merge keys) goes through that constructor, so the result is the same.
    ``memo`` shares aliased collections, as PyYAML does, so an alias bomb stays small.
    """
    import yaml

    scalar, mapping_node, sequence_node = yaml.ScalarNode, yaml.MappingNode, yaml.SequenceNode

    def build(node: Any) -> Any:
        kind = type(node)
        tag = node.tag
        if kind is scalar and tag == _STR:
            return node.value
        key = id(node)
        if key in memo:
            return memo[key]
        if kind is mapping_node and tag == _MAP and not any(k.tag == _MERGE for k, _v in node.value):
            mapping: dict[Any, Any] = {}
            memo[key] = mapping
            for key_node, value_node in node.value:
                name = build(key_node)
                try:
                    hash(name)
                except TypeError:
                    raise yaml.constructor.ConstructorError(
                        None, None, "found unhashable key", key_node.start_mark) from None
                if name in mapping:
                    # YAML silently keeps the last of two equal keys; in a hand-written card it is a typo
                    problems.append(Problem.at(path, key_node.start_mark.line + 2,
                                               _("{field}: field is given twice").format(field=name)))
                mapping[name] = build(value_node)
            return mapping
        if kind is sequence_node and tag == _SEQ:
            items: list[Any] = []
            memo[key] = items
            items.extend(map(build, node.value))
            return items
        value = loader.construct_object(node, deep=True)
        memo[key] = value
        return value

    return build(node)


def _check_steps(meta: CardMeta, at: Any, path: Path, kinds: Mapping[str, Any] | None,
                 problems: list[Problem]) -> None:
    seen: dict[str, int] = {}
    for i, step in enumerate(meta.steps):
        if step.id in seen:
            problems.append(Problem.at(path, at(("steps", i, "id")),
                                       _("steps[{i}].id: duplicate step id '{id}' (first used by steps[{first}])").format(
                                           i=i, id=step.id, first=seen[step.id])))
        else:
            seen[step.id] = i
        if step.capture is None or kinds is None:
            continue
        kind = kinds.get(step.capture.kind)
        if kind is None:
            problems.append(Problem.at(path, at(("steps", i, "capture", "kind")),
                                       _("steps[{i}].capture.kind: unknown capture kind '{kind}' (known: {known})").format(
                                           i=i, kind=step.capture.kind, known=", ".join(sorted(kinds)))))
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
        problems.append(Problem.at(path, at(("duration",)),
                                   _("duration: the steps add up to {total} minutes, but duration is {duration}").format(
                                       total=total, duration=meta.duration)))


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
                sections.append((heading.group(2).strip(), index + 1, current))
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
