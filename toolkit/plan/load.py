"""Read ``workshop.yaml`` into a :class:`Plan`, or precise ``file:line: field: message`` problems.

:func:`read_plan` never raises for bad input; :func:`load_plan` raises :class:`ProblemsError`.
The YAML is composed once, so the same node tree gives both the data and the line of every
problem (:meth:`PlanSource.line`), also for the checks that run later against the library.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from toolkit.errors import Problem, ProblemsError
from toolkit.i18n import _
from toolkit.plan.model import ITEM_KIND_ERROR, ITEM_KIND_MESSAGE, FreeItem, Plan
from toolkit.validation import decode_text, describe, format_loc, node_line

PLAN_FILE = "workshop.yaml"
#: A plan is a page of text; anything larger is almost certainly the wrong file.
MAX_BYTES = 1024 * 1024
#: Aliases can make a small file expand into a huge structure ("billion laughs").
MAX_NODES = 200_000


class _PlanLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe loader that reads YAML 1.1's base-60 numbers as text, so that ``start: 10:30``
    stays a time and is not read as the integer 630."""


def _number_or_clock(loader: Any, node: Any) -> Any:
    if ":" in str(node.value):
        return loader.construct_scalar(node)
    if node.tag.endswith(":int"):
        return yaml.SafeLoader.construct_yaml_int(loader, node)
    return yaml.SafeLoader.construct_yaml_float(loader, node)


_PlanLoader.add_constructor("tag:yaml.org,2002:int", _number_or_clock)
_PlanLoader.add_constructor("tag:yaml.org,2002:float", _number_or_clock)


@dataclass
class PlanSource:
    """What reading a plan file produced: the plan (unless it failed), problems, and the
    YAML node tree for locating fields."""

    path: Path
    plan: Plan | None = None
    problems: list[Problem] = field(default_factory=list)
    node: Any = None

    @property
    def ok(self) -> bool:
        return self.plan is not None and not any(p.severity == "error" for p in self.problems)

    def line(self, loc: tuple[Any, ...]) -> int:
        """1-based line in the file of the field at ``loc`` (0 if unknown)."""
        return node_line(self.node, loc) if self.node is not None else 0

    def problem(self, loc: tuple[Any, ...], message: str, severity: str = "error") -> Problem:
        return Problem.at(self.path, self.line(loc), message, severity)


def plan_path(folder_or_file: Path | str) -> Path:
    """The plan file: ``folder/workshop.yaml`` for a folder, else the path itself."""
    path = Path(folder_or_file)
    return path / PLAN_FILE if path.is_dir() else path


def read_plan(folder_or_file: Path | str) -> PlanSource:
    """Read and validate the plan in a workshop folder (or the plan file itself)."""
    path = plan_path(folder_or_file)
    try:
        if not path.exists():
            where = Path(folder_or_file)
            if where.is_dir():
                message = _("no {file} in this folder; create one with 'cimis new'")
                return _fail(where, 0, message.format(file=PLAN_FILE))
            return _fail(path, 0, _("no such file or folder"))
        size = path.stat().st_size
        if size > MAX_BYTES:
            return _fail(path, 0, _("file is too large for a workshop plan ({size:.1f} MiB; at most 1 MiB)").format(
                size=size / 1024 / 1024))
        from toolkit.paths import read_bounded

        raw = read_bounded(path, MAX_BYTES)  # a FIFO or device is refused, never read
    except OSError as exc:
        return _fail(path, 0, _("cannot read file: {error}").format(error=exc.strerror or exc))
    return parse_plan(raw, path)


def load_plan(folder_or_file: Path | str) -> Plan:
    """The validated plan; raises :class:`ProblemsError` listing every problem."""
    source = read_plan(folder_or_file)
    if not source.ok:
        raise ProblemsError([p for p in source.problems if p.severity == "error"])
    assert source.plan is not None
    return source.plan


def parse_plan(raw: bytes, path: Path) -> PlanSource:
    """Validate the bytes of a plan file; ``path`` is used in messages."""
    source = PlanSource(path)
    if len(raw) > MAX_BYTES:
        return _fail(path, 0, _("file is too large for a workshop plan ({size:.1f} MiB; at most 1 MiB)").format(
            size=len(raw) / 1024 / 1024))
    text, problem = decode_text(raw, path)
    if text is None:
        return PlanSource(Path(path), problems=[problem])
    if not text.strip():
        return _fail(path, 0, _("file is empty: a workshop plan needs at least title, date and language"))

    from toolkit.yamlload import MAX_DEPTH, nesting_too_deep

    deep = nesting_too_deep(text)
    if deep is not None:  # checked before libyaml sees it: its composer recursed into a crash once
        return _fail(path, deep, _("values are nested more than {n} levels deep").format(n=MAX_DEPTH))
    try:
        loader = _PlanLoader(text)
        try:
            node = loader.get_single_node()
            if node is not None and _too_big(node):
                return _fail(path, 1, _("the plan expands to too many values (are aliases nested too deeply?)"))
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1) if mark is not None else 1
        reason = exc.problem or exc.context or ""
        return _fail(path, line, _("broken YAML: {reason}").format(reason=reason))
    except (yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError) as exc:
        # SafeConstructor raises plain errors for values like an out-of-range date.
        return _fail(path, 1, _("broken YAML: {reason}").format(reason=exc))

    source.node = node
    if node is None or data is None:
        return _fail(path, 0, _("file is empty: a workshop plan needs at least title, date and language"))
    if not isinstance(data, dict):
        return _fail(path, source.line(()), _("a workshop plan must be a mapping of fields (key: value)"))

    _duplicate_keys(source)
    try:
        plan = Plan.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            loc = tuple(err.get("loc", ()))
            loc = _strip_tags(loc)
            source.problems.append(source.problem(loc, f"{format_loc(loc) or _('plan')}: {_describe(err)}"))
        return source
    except RecursionError:
        return _fail(path, 1, _("the plan is nested too deeply"))
    _unique_ids(plan, source)
    if not any(p.severity == "error" for p in source.problems):
        plan._source = source
        source.plan = plan
    return source


def _describe(err: Mapping[str, Any]) -> str:
    if err.get("type") == ITEM_KIND_ERROR:
        return _(ITEM_KIND_MESSAGE)
    return describe(err)


def _strip_tags(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """Drop the union tags pydantic puts into locations (``agenda.0.method.minutes``)."""
    if len(loc) >= 3 and loc[0] == "agenda" and loc[2] in {"method", "free"}:
        return loc[:2] + loc[3:]
    return loc


def _fail(path: Path, line: int, message: str) -> PlanSource:
    return PlanSource(Path(path), problems=[Problem.at(path, line, message)])


def _too_big(node: Any) -> bool:
    """Whether the node tree, with aliases expanded, holds more than MAX_NODES values."""
    count = 0
    stack = [node]
    while stack:
        current = stack.pop()
        count += 1
        if count > MAX_NODES:
            return True
        value = current.value
        if isinstance(value, list):
            for entry in value:
                stack.extend(entry if isinstance(entry, tuple) else (entry,))
    return False


def _duplicate_keys(source: PlanSource) -> None:
    """YAML silently keeps the last of two equal keys; in a hand-written plan that is a typo."""
    seen_nodes: set[int] = set()
    stack = [source.node]
    while stack:
        current = stack.pop()
        if id(current) in seen_nodes:
            continue
        seen_nodes.add(id(current))
        if isinstance(current, yaml.MappingNode):
            keys: set[Any] = set()
            for key, value in current.value:
                name = getattr(key, "value", None)
                if isinstance(name, str):
                    if name in keys:
                        source.problems.append(Problem.at(source.path, key.start_mark.line + 1,
                                                          _("{field}: field is given twice").format(field=name)))
                    keys.add(name)
                stack.append(value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)


def _unique_ids(plan: Plan, source: PlanSource) -> None:
    """Ids must be unique (the session store and step references use them), and a talk's
    speaker must be someone in the plan."""
    people: dict[str, int] = {}
    for i, person in enumerate(plan.people):
        if person.id in people:
            source.problems.append(source.problem(("people", i, "id"), _(
                "people[{i}].id: duplicate person id '{id}' (first used by people[{first}])").format(
                    i=i, id=person.id, first=people[person.id])))
        else:
            people[person.id] = i
    items: dict[str, int] = {}
    for i, item in enumerate(plan.agenda):
        if item.id in items:
            source.problems.append(source.problem(("agenda", i, "id"), _(
                "agenda[{i}].id: duplicate item id '{id}' (first used by agenda[{first}])").format(
                    i=i, id=item.id, first=items[item.id])))
        else:
            items[item.id] = i
        if isinstance(item, FreeItem) and item.speaker is not None and item.speaker not in people:
            source.problems.append(source.problem(("agenda", i, "speaker"), _(
                "agenda[{i}].speaker: no person with id '{id}' in 'people'").format(i=i, id=item.speaker)))
