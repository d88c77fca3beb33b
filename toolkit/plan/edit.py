"""Edit ``workshop.yaml`` in place while keeping the person's comments, key order and layout.

The terminal UI changes plans through :class:`PlanEditor` (ruamel.yaml round-trip mode).
Saving validates the edited text exactly as :func:`toolkit.plan.load.read_plan` would and
writes atomically, so an edit never leaves an invalid or half-written plan behind.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.util import load_yaml_guess_indent

from toolkit.errors import CimisError, Problem, ProblemsError
from toolkit.i18n import _
from toolkit.paths import write_atomic
from toolkit.plan.load import PlanSource, parse_plan, plan_path
from toolkit.plan.model import FREE_ITEM_FIELDS, METHOD_RUN_FIELDS, PLAN_FIELDS

PERSON_FIELDS = ("id", "name", "role", "organisation")


class PlanEditor:
    """A plan file opened for editing. Change it with the methods below, then :meth:`save`."""

    def __init__(self, folder_or_file: Path | str, text: str | None = None):
        """Open the plan in a folder (or the plan file); with ``text``, edit that text instead
        of the file's content (``save`` still writes to the file)."""
        self.path = plan_path(folder_or_file)
        if text is None:
            try:
                text = self.path.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError) as exc:
                raise CimisError(_("{path}: cannot read file: {error}").format(path=self.path, error=exc)) from None
        self.yaml = YAML(typ="rt")
        self.yaml.preserve_quotes = True
        self.yaml.width = 4096  # never re-wrap a line the person wrote
        try:
            data, seq_indent, block_seq_indent = load_yaml_guess_indent(text, yaml=self.yaml)
        except YAMLError as exc:
            raise ProblemsError([Problem.at(self.path, _mark_line(exc), _("broken YAML: {reason}").format(
                reason=getattr(exc, "problem", None) or exc))]) from None
        # Keep the file's own indentation instead of imposing ours.
        offset = block_seq_indent if block_seq_indent is not None else 2
        self.yaml.indent(mapping=_mapping_indent(text), sequence=seq_indent or offset + 2, offset=offset)
        if not isinstance(data, CommentedMap):
            message = _("a workshop plan must be a mapping of fields (key: value)")
            raise ProblemsError([Problem.at(self.path, 1, message)])
        self.data: CommentedMap = data

    # -- top-level fields ------------------------------------------------------------------

    def set_field(self, key: str, value: Any) -> None:
        """Set a top-level field (``title``, ``date``, ``end``, ...); ``None`` removes it."""
        _set(self.data, key, value, PLAN_FIELDS)

    # -- agenda ----------------------------------------------------------------------------

    @property
    def agenda(self) -> CommentedSeq:
        agenda = self.data.get("agenda")
        if not isinstance(agenda, CommentedSeq):
            agenda = CommentedSeq()
            _set(self.data, "agenda", agenda, PLAN_FIELDS)
        return agenda

    def item_ids(self) -> list[str]:
        return [str(entry.get("id")) for entry in self.agenda if isinstance(entry, Mapping)]

    def item_index(self, item_id: str) -> int:
        for index, entry in enumerate(self.agenda):
            if isinstance(entry, Mapping) and entry.get("id") == item_id:
                return index
        raise CimisError(_("no agenda item with id '{id}'").format(id=item_id))

    def item(self, item_id: str) -> CommentedMap:
        return self.agenda[self.item_index(item_id)]

    def add_item(self, item: Mapping[str, Any] | BaseModel, index: int | None = None) -> None:
        """Insert an item (a mapping or a ``MethodRun``/``FreeItem``) at ``index`` (default: the end)."""
        data = _plain(item)
        order = FREE_ITEM_FIELDS if "type" in data else METHOD_RUN_FIELDS
        entry = CommentedMap()
        for key in sorted(data, key=lambda k: order.index(k) if k in order else len(order)):
            entry[key] = _node(data[key])
        agenda = self.agenda
        agenda.insert(len(agenda) if index is None else max(0, min(index, len(agenda))), entry)

    def move_item(self, item_id: str, index: int) -> None:
        """Move an item to position ``index`` (0 = first); its own comments travel with it."""
        agenda = self.agenda
        entry = agenda.pop(self.item_index(item_id))
        agenda.insert(max(0, min(index, len(agenda))), entry)

    def remove_item(self, item_id: str) -> None:
        del self.agenda[self.item_index(item_id)]

    def set_item_field(self, item_id: str, key: str, value: Any) -> None:
        """Set a field of one item (``title``, ``minutes`` of a free item, ``speaker``, ...)."""
        entry = self.item(item_id)
        _set(entry, key, value, FREE_ITEM_FIELDS if "type" in entry else METHOD_RUN_FIELDS)

    def set_minutes(self, item_id: str, step_id: str, minutes: int | None) -> None:
        """Override the minutes of a method run's step; ``None`` returns to the card's minutes."""
        entry = self.item(item_id)
        if "type" in entry:  # a free item has one length, not steps
            _set(entry, "minutes", minutes, FREE_ITEM_FIELDS)
            return
        self._set_nested(entry, ("minutes", step_id), minutes)

    def set_option(self, item_id: str, step_id: str, option: str, value: Any) -> None:
        """Override one capture option of a step; ``None`` returns to the card's value."""
        self._set_nested(self.item(item_id), ("options", step_id, option), value)

    def _set_nested(self, entry: CommentedMap, keys: tuple[str, ...], value: Any) -> None:
        maps = [entry]
        for key in keys[:-1]:
            child = maps[-1].get(key)
            if not isinstance(child, CommentedMap):
                if value is None:
                    return
                child = CommentedMap()
                _set(maps[-1], key, child, METHOD_RUN_FIELDS if maps[-1] is entry else ())
            maps.append(child)
        _set(maps[-1], keys[-1], value, ())
        # Drop maps the removal left empty, so that no 'minutes: {}' stays behind.
        for parent, key, child in reversed(list(zip(maps[:-1], keys[:-1], maps[1:]))):
            if value is None and not child:
                del parent[key]

    # -- people ----------------------------------------------------------------------------

    def add_person(self, person: Mapping[str, Any] | BaseModel) -> None:
        people = self.data.get("people")
        if not isinstance(people, CommentedSeq):
            people = CommentedSeq()
            _set(self.data, "people", people, PLAN_FIELDS)
        data = _plain(person)
        entry = CommentedMap()
        for key in sorted(data, key=lambda k: PERSON_FIELDS.index(k) if k in PERSON_FIELDS else len(PERSON_FIELDS)):
            entry[key] = _node(data[key])
        people.append(entry)

    def remove_person(self, person_id: str) -> None:
        people = self.data.get("people") or []
        for index, entry in enumerate(people):
            if isinstance(entry, Mapping) and entry.get("id") == person_id:
                del people[index]
                return
        raise CimisError(_("no person with id '{id}'").format(id=person_id))

    # -- output ----------------------------------------------------------------------------

    def text(self) -> str:
        out = io.StringIO()
        self.yaml.dump(self.data, out)
        return out.getvalue()

    def validate(self) -> PlanSource:
        """The edited plan as :func:`read_plan` would see it."""
        return parse_plan(self.text().encode("utf-8"), self.path)

    def save(self) -> PlanSource:
        """Write the edited plan atomically; :class:`ProblemsError` (nothing written) if the
        edit made it invalid."""
        text = self.text()
        source = parse_plan(text.encode("utf-8"), self.path)
        if not source.ok:
            raise ProblemsError([p for p in source.problems if p.severity == "error"])
        write_atomic(self.path, text.encode("utf-8"))
        return source


@contextmanager
def edit_plan(folder_or_file: Path | str) -> Iterator[PlanEditor]:
    """``with edit_plan(folder) as plan: plan.set_field(...)`` saves when the block succeeds."""
    editor = PlanEditor(folder_or_file)
    yield editor
    editor.save()


def set_field(folder_or_file: Path | str, key: str, value: Any) -> None:
    with edit_plan(folder_or_file) as plan:
        plan.set_field(key, value)


def add_item(folder_or_file: Path | str, item: Mapping[str, Any] | BaseModel, index: int | None = None) -> None:
    with edit_plan(folder_or_file) as plan:
        plan.add_item(item, index)


def move_item(folder_or_file: Path | str, item_id: str, index: int) -> None:
    with edit_plan(folder_or_file) as plan:
        plan.move_item(item_id, index)


def remove_item(folder_or_file: Path | str, item_id: str) -> None:
    with edit_plan(folder_or_file) as plan:
        plan.remove_item(item_id)


def set_minutes(folder_or_file: Path | str, item_id: str, step_id: str, minutes: int | None) -> None:
    with edit_plan(folder_or_file) as plan:
        plan.set_minutes(item_id, step_id, minutes)


def set_option(folder_or_file: Path | str, item_id: str, step_id: str, option: str, value: Any) -> None:
    with edit_plan(folder_or_file) as plan:
        plan.set_option(item_id, step_id, option, value)


def _set(mapping: CommentedMap, key: str, value: Any, order: tuple[str, ...]) -> None:
    """Set ``key``; a new key goes where ``order`` puts it among the existing keys."""
    if value is None:
        if key in mapping:
            del mapping[key]
        return
    value = _node(value)
    if key in mapping or key not in order:
        mapping[key] = value
        return
    rank = order.index(key)
    position = 0
    for index, existing in enumerate(mapping):
        if existing in order and order.index(existing) < rank:
            position = index + 1
    mapping.insert(position, key, value)


def _plain(value: Mapping[str, Any] | BaseModel) -> dict[str, Any]:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="python", exclude_defaults=True)
    return dict(value)


def _node(value: Any) -> Any:
    """A value ruamel can write and the loader reads back the same way."""
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, BaseModel):
        value = value.model_dump(mode="python", exclude_defaults=True)
    if isinstance(value, Mapping) and not isinstance(value, CommentedMap):
        out = CommentedMap()
        for key, item in value.items():
            out[key] = _node(item)
        return out
    if isinstance(value, (list, tuple)) and not isinstance(value, CommentedSeq):
        return CommentedSeq([_node(item) for item in value])
    return value


def _mapping_indent(text: str) -> int:
    """Spaces a nested mapping is indented by in ``text`` (2 if the file has none)."""
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    for line, following in itertools.pairwise(lines):
        stripped = line.strip()
        if stripped.endswith(":") and not stripped.startswith("-"):
            depth = len(line) - len(line.lstrip(" "))
            inner = len(following) - len(following.lstrip(" "))
            if inner > depth and not following.lstrip().startswith("-"):
                return inner - depth
    return 2


def _mark_line(exc: Exception) -> int:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    return mark.line + 1 if mark is not None else 1
