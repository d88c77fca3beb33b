"""Read ``programme.yaml`` into a :class:`Programme`, or ``file:line: field: message`` problems.

Provides :func:`read_programme` (never raises for bad input), :func:`load_programme`
(raises :class:`ProblemsError`), :func:`event_folder` and :data:`PROGRAMME_FILE`.
Besides the models' own rules it checks what spans fields: unique region and event ids,
each event's region exists, events fall within the period, the store is a known kind.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from toolkit.errors import Problem, ProblemsError
from toolkit.i18n import _
from toolkit.programme.model import Programme
from toolkit.session.backend import EVENTS_FOLDER, PROGRAMME_FILE
from toolkit.validation import decode_text, describe, format_loc, node_line

MAX_BYTES = 1024 * 1024

__all__ = ["PROGRAMME_FILE", "ProgrammeSource", "event_folder", "load_programme", "read_programme"]


@dataclass
class ProgrammeSource:
    """What reading a programme file produced."""

    path: Path
    programme: Programme | None = None
    problems: list[Problem] = field(default_factory=list)
    node: Any = None

    @property
    def ok(self) -> bool:
        return self.programme is not None and not any(p.severity == "error" for p in self.problems)

    def problem(self, loc: tuple[Any, ...], message: str, severity: str = "error") -> Problem:
        line = node_line(self.node, loc) if self.node is not None else 0
        return Problem.at(self.path, line, message, severity)


def programme_path(folder_or_file: Path | str) -> Path:
    path = Path(folder_or_file)
    return path / PROGRAMME_FILE if path.is_dir() else path


def event_folder(root: Path | str, event_id: str) -> Path:
    """The workshop folder of an event."""
    return programme_path(root).parent / EVENTS_FOLDER / event_id


def read_programme(folder_or_file: Path | str) -> ProgrammeSource:
    path = programme_path(folder_or_file)
    source = ProgrammeSource(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        source.problems.append(Problem.at(path, 0, _("no {file} here; create a programme with 'cimis programme new'")
                                          .format(file=PROGRAMME_FILE)))
        return source
    except OSError as exc:
        source.problems.append(Problem.at(path, 0, _("cannot read file: {error}").format(error=exc.strerror or exc)))
        return source
    if len(raw) > MAX_BYTES:
        source.problems.append(Problem.at(path, 0, _("file is too large for a programme file (at most 1 MiB)")))
        return source
    text, problem = decode_text(raw, path)
    if text is None:
        source.problems.append(problem)
        return source
    from toolkit.yamlload import YamlError, load_yaml

    try:
        data, node, problems = load_yaml(text, path)
    except YamlError as exc:
        source.problems.append(Problem.at(path, exc.line, _("broken YAML: {reason}").format(reason=exc.reason)))
        return source
    source.node = node
    source.problems.extend(problems)
    if not isinstance(data, dict):
        source.problems.append(Problem.at(path, 1 if node is not None else 0,
                                          _("a programme file must be a mapping of fields (key: value)")))
        return source
    try:
        programme = Programme.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            loc = tuple(err.get("loc", ()))
            source.problems.append(source.problem(loc, f"{format_loc(loc) or _('programme')}: {describe(dict(err))}"))
        return source
    _cross_checks(programme, source)
    source.programme = programme
    return source


def _cross_checks(programme: Programme, source: ProgrammeSource) -> None:
    seen: dict[str, int] = {}
    for n, region in enumerate(programme.regions):
        if region.id in seen:
            source.problems.append(source.problem(("regions", n, "id"), _(
                "regions[{n}].id: '{id}' is used twice").format(n=n, id=region.id)))
        seen[region.id] = n
    events: set[str] = set()
    for n, event in enumerate(programme.events):
        if event.id in events:
            source.problems.append(source.problem(("events", n, "id"), _(
                "events[{n}].id: '{id}' is used twice").format(n=n, id=event.id)))
        events.add(event.id)
        if event.region is not None and event.region not in seen:
            source.problems.append(source.problem(("events", n, "region"), _(
                "events[{n}].region: no region '{id}' (regions: {known})").format(
                n=n, id=event.region, known=", ".join(seen))))
        if not programme.period.start <= event.date <= programme.period.end:
            source.problems.append(source.problem(("events", n, "date"), _(
                "events[{n}].date: {date} is outside the programme's period").format(n=n, date=event.date),
                "warning"))
    call = programme.call
    if call is not None and programme.events:
        first = min(e.date for e in programme.events if e.kind == "kickoff") if any(
            e.kind == "kickoff" for e in programme.events) else None
        if first is not None and call.deadline > first:
            source.problems.append(source.problem(("call", "deadline"), _(
                "call.deadline: the call ends after the first kickoff ({date})").format(date=first), "warning"))
    if programme.store is not None:
        value = programme.store
        if value != "sqlite" and not value.startswith(("postgresql://", "postgres://")):
            source.problems.append(source.problem(("store",), _(
                "store: must be 'sqlite' or a postgresql:// URL, not '{value}'").format(value=value)))


def load_programme(folder_or_file: Path | str) -> Programme:
    """The validated programme; raises :class:`ProblemsError` listing every error."""
    source = read_programme(folder_or_file)
    if not source.ok:
        raise ProblemsError([p for p in source.problems if p.severity == "error"])
    assert source.programme is not None
    return source.programme
