"""Fast, careful YAML loading for the files people write (method cards, chapter front matter).

Provides :func:`load_yaml` (data, node tree for line numbers, and problems such as a key given
twice) and :class:`YamlError` (broken YAML, with the file line and a translated reason). It
uses libyaml with two shortcuts that change speed, never values (a property test compares
them with PyYAML): a resolver that answers plain text at once and a constructor that builds
strings, mappings and lists directly.
"""

from __future__ import annotations

import functools
from typing import Any

from toolkit.errors import Problem
from toolkit.i18n import _

#: Deepest nesting of mappings and lists a hand-written file may have (a card needs 4).
MAX_DEPTH = 64
#: Most values a document may expand to, aliases counted as often as they are used (a card
#: has a few hundred; an alias bomb has billions).
MAX_VALUES = 100_000


class YamlError(Exception):
    """Broken YAML: the file line and the reason, in the active language."""

    def __init__(self, line: int, reason: str):
        super().__init__(f"{line}: {reason}")
        self.line = line
        self.reason = reason


def load_yaml(text: str, path: Any, first_line: int = 1) -> tuple[Any, Any, list[Problem]]:
    """``(data, node, problems)`` of one YAML document whose first line is line
    ``first_line`` of ``path``; :class:`YamlError` when it is not valid YAML."""
    import yaml  # here, not at the top: many runs never read YAML at all

    problems: list[Problem] = []
    too_deep = nesting_too_deep(text)
    if too_deep is not None:
        raise YamlError(too_deep + first_line - 1, _(
            "values are nested more than {n} levels deep").format(n=MAX_DEPTH))
    try:
        loader = fast_loader()(text)
        try:
            node = loader.get_single_node()
            if node is not None and expanded_size(node) > MAX_VALUES:
                raise YamlError(node.start_mark.line + first_line, _(
                    "the YAML expands to more than {n} values (are aliases nested?)").format(n=MAX_VALUES))
            data = construct(node, loader, path, problems, {}, first_line) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + first_line) if mark is not None else first_line
        # libyaml's diagnostics are English; the common ones have German entries in the catalogue
        reason = _(exc.problem or exc.context or "")
        if exc.context and exc.context_mark is not None and exc.problem:
            reason = _("{problem} ({context} that starts on line {line})").format(
                problem=reason, context=_(exc.context), line=exc.context_mark.line + first_line)
        raise YamlError(line, reason) from None
    except (yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError) as exc:
        # SafeConstructor raises the plain errors for values like an out-of-range date
        raise YamlError(first_line, str(exc)) from None
    return data, node, problems


def nesting_too_deep(text: str, limit: int = MAX_DEPTH) -> int | None:
    """The 1-based line where ``text`` nests deeper than ``limit`` levels, else ``None``.

    A lexical estimate that never runs the YAML parser (whose C code recursed until the
    interpreter crashed in older PyYAML releases): flow brackets outside quotes, block
    indentation levels and ``- - -`` sequences on one line all count as levels. It may
    count up to twice the real depth (so a block-style file may nest half of ``limit``
    levels), never one level too few.
    """
    indents: list[int] = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(line) - len(stripped)
        while indents and indents[-1] >= indent:
            indents.pop()
        indents.append(indent)
        dashes = 0
        rest = stripped
        while rest.startswith(("- ", "? ", ": ")) or rest in ("-", "?", ":"):
            dashes += 1
            rest = rest[2:].lstrip(" ")
        flow = 0
        deepest = 0
        quote = ""
        escaped = False
        prev = " "  # last non-blank character outside quotes: a quote opens only where a value starts
        for ch in rest:
            if quote:
                if escaped:
                    escaped = False
                elif ch == "\\" and quote == '"':
                    escaped = True
                elif ch == quote:
                    quote = ""
            elif ch in "\"'" and prev in " :[{,":
                quote = ch
            elif ch in "[{":
                flow += 1
                deepest = max(deepest, flow)
            elif ch in "]}":
                flow = max(0, flow - 1)
            elif ch == "#" and prev == " ":
                break
            if not quote and ch != " ":
                prev = ch
            elif ch == " " and not quote:
                prev = prev if prev in ":[{," else " "
        # an indentation level or a dash holds at most two levels (a key and a sequence at the
        # key's own indentation; a dash and the mapping that starts after it)
        if 2 * len(indents) + 2 * dashes + deepest > limit:
            return number
    return None


def expanded_size(root: Any) -> int:
    """How many values a composed node tree stands for, aliases counted as often as they are
    used (nodes shared through aliases are the same object); stops counting past
    :data:`MAX_VALUES`."""
    sizes: dict[int, int] = {}
    open_: set[int] = set()
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if key in sizes and not done:
            continue
        if not done and key in open_:
            return MAX_VALUES + 1  # a recursive alias: endless when expanded
        open_.add(key)
        value = node.value
        children: list[Any] = []
        if isinstance(value, list):
            for entry in value:
                children.extend(entry if isinstance(entry, tuple) else (entry,))
        if done:
            total = 1 + sum(sizes.get(id(child), 0) for child in children)
            sizes[key] = min(total, MAX_VALUES + 1)
            open_.discard(key)
            continue
        stack.append((node, True))
        stack.extend((child, False) for child in children if id(child) not in sizes)
    return sizes[id(root)]


def _printable(ch: str) -> bool:
    """Whether YAML allows ``ch`` unescaped in a double-quoted scalar (YAML 1.1's printable
    set, which PyYAML reads: tab, LF, CR and the printable ranges; not DEL, C1 controls,
    surrogates, U+FEFF, U+FFFE/U+FFFF)."""
    code = ord(ch)
    return (code in (0x09, 0x0A, 0x0D) or 0x20 <= code <= 0x7E or code == 0x85 or 0xA0 <= code <= 0xD7FF
            or (0xE000 <= code <= 0xFFFD and code != 0xFEFF) or 0x10000 <= code <= 0x10FFFF)


def yaml_quote(text: str) -> str:
    """``text`` as a double-quoted YAML scalar that reads back as exactly ``text`` (every
    character YAML does not allow as it is, such as U+007F, escaped), for writers of front
    matter and other YAML that cimis reads again."""
    out = ['"']
    for ch in text:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif _printable(ch) and ch != "\x85":
            out.append(ch)
        else:
            code = ord(ch)
            out.append(f"\\x{code:02X}" if code <= 0xFF else f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}")
    out.append('"')
    return "".join(out)


#: The only plain scalars starting with a letter that YAML 1.1 does not read as text.
_YAML11_WORDS = frozenset(
    ["yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
     "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL"])


@functools.cache
def fast_loader() -> type:
    """libyaml's safe loader with a faster resolver.

    libyaml calls the pure-Python ``resolve()`` for every node, and that call is most of the
    time spent reading a card or a chapter's front matter. Quoted scalars, and plain ones whose first character starts
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


def construct(node: Any, loader: Any, path: Any, problems: list[Problem], memo: dict[int, Any],
              first_line: int = 2) -> Any:
    """Python data from a composed YAML node, reporting keys that are given twice.

    Plain strings, mappings and lists (nearly all of a card) are built here directly, which
    is several times faster than PyYAML's pure-Python constructor; every other tag (numbers,
    booleans, dates, merge keys) goes through that constructor, so the result is the same.
    ``memo`` shares aliased collections, as PyYAML does, so an alias bomb stays small.
    ``first_line`` is the file line the YAML text starts on.
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
                    problems.append(Problem.at(path, key_node.start_mark.line + first_line,
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
