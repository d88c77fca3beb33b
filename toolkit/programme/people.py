"""The programme's register of people and organisations (``people.csv`` in the programme folder).

Provides :class:`Person`, :func:`read_register` / :func:`write_register`,
:func:`import_csv` (applications exported from a form tool, with a column mapping),
:func:`duplicates` (proposals: the same person twice?) and :func:`merge` (after review),
:func:`delete` (a person's data removed from the register and the events' plans),
:data:`ORG_TYPES`, :data:`BRANCHES` and :func:`label`.

Personal data is kept minimal: name, e-mail, organisation, its type and branch, region,
status (applicant, accepted, waiting) and the application's source. A person's id is
derived from the e-mail address (else name and organisation), so importing the same
export again finds the same people; merged duplicates keep the dropped ids as aliases.
The register is written atomically; an import with any bad row writes nothing.
"""

from __future__ import annotations

import csv
import hashlib
import io
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING

from toolkit.errors import CimisError, Problem, ProblemsError
from toolkit.i18n import N_, _

if TYPE_CHECKING:
    from toolkit.programme.duplicates import Proposal

REGISTER = "people.csv"
#: An application's status (translated where shown); "waiting" is the waiting list.
STATUSES = (N_("applicant"), N_("accepted"), N_("waiting"))

#: Organisation types, with their names in both languages.
ORG_TYPES: dict[str, dict[str, str]] = {
    "company": {"en": "company", "de": "Unternehmen"},
    "municipality": {"en": "municipality", "de": "Kommune"},
    "museum": {"en": "museum", "de": "Museum"},
    "theatre": {"en": "theatre", "de": "Theater"},
    "association": {"en": "association", "de": "Verein/Verband"},
    "creative": {"en": "creative professional or studio", "de": "Kreativschaffende/Studio"},
}

#: Branches: the eleven sub-markets of the creative industries, then the companies' sectors.
BRANCHES: dict[str, dict[str, str]] = {
    "music": {"en": "music industry", "de": "Musikwirtschaft"},
    "books": {"en": "book market", "de": "Buchmarkt"},
    "art": {"en": "art market", "de": "Kunstmarkt"},
    "film": {"en": "film industry", "de": "Filmwirtschaft"},
    "broadcasting": {"en": "broadcasting", "de": "Rundfunkwirtschaft"},
    "performing-arts": {"en": "performing arts", "de": "Markt für darstellende Künste"},
    "design": {"en": "design", "de": "Designwirtschaft"},
    "architecture": {"en": "architecture", "de": "Architekturmarkt"},
    "press": {"en": "press", "de": "Pressemarkt"},
    "advertising": {"en": "advertising", "de": "Werbemarkt"},
    "software-games": {"en": "software and games", "de": "Software-/Games-Industrie"},
    "crafts": {"en": "crafts", "de": "Handwerk"},
    "manufacturing": {"en": "manufacturing", "de": "Produzierendes Gewerbe"},
    "trade": {"en": "trade", "de": "Handel"},
    "tourism": {"en": "tourism and hospitality", "de": "Tourismus und Gastgewerbe"},
    "health": {"en": "health and care", "de": "Gesundheit und Soziales"},
    "public-administration": {"en": "public administration", "de": "Öffentliche Verwaltung"},
    "culture": {"en": "culture and heritage", "de": "Kultur und Kulturerbe"},
    "services": {"en": "services", "de": "Dienstleistungen"},
    "agriculture": {"en": "agriculture and forestry", "de": "Land- und Forstwirtschaft"},
    "other": {"en": "other", "de": "Sonstiges"},
}

#: Register fields that an import can fill from a column.
IMPORT_FIELDS = ("name", "email", "organisation", "org_type", "branch", "region", "status")


@dataclass(frozen=True)
class Person:
    """One person in the register (a row of ``people.csv``)."""

    id: str
    name: str
    email: str = ""
    organisation: str = ""
    org_type: str = ""
    branch: str = ""
    region: str = ""
    status: str = "applicant"
    source: str = ""  # file and line of the application it came from
    aliases: str = ""  # ids of merged duplicates, separated by spaces


COLUMNS = tuple(f.name for f in fields(Person))


def label(vocabulary: Mapping[str, Mapping[str, str]], key: str, lang: str) -> str:
    """The name of ``key`` in ``lang`` (the key itself when unknown)."""
    entry = vocabulary.get(key)
    return entry.get(lang, entry["en"]) if entry else key


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def person_id(name: str, email: str, organisation: str) -> str:
    """A stable id: from the e-mail address, else from name and organisation."""
    basis = _norm(email) if email.strip() else f"{_norm(name)}|{_norm(organisation)}"
    return "p-" + hashlib.sha256(basis.encode("utf-8")).hexdigest()[:10]


def _lookup(vocabulary: Mapping[str, Mapping[str, str]], value: str) -> str | None:
    """The key of ``value`` given as key or as its name in either language."""
    wanted = _norm(value)
    for key, names in vocabulary.items():
        if wanted == key or wanted in (_norm(n) for n in names.values()):
            return key
    return None


def register_path(root: Path | str) -> Path:
    return Path(root) / REGISTER


def read_register(root: Path | str) -> list[Person]:
    """The register's people (none when there is no register yet)."""
    path = register_path(root)
    if not path.exists():
        return []
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CimisError(_("cannot read {path}: {error}").format(path=path, error=exc)) from None
    reader = csv.DictReader(io.StringIO(text))
    if reader.fieldnames is None or "id" not in reader.fieldnames or "name" not in reader.fieldnames:
        raise CimisError(_("{path}: not a people register (needs the columns {columns})").format(
            path=path, columns=", ".join(COLUMNS)))
    people = []
    for row in reader:
        people.append(Person(**{c: (row.get(c) or "").strip() for c in COLUMNS}))
    return people


def write_register(root: Path | str, people: Iterable[Person]) -> None:
    from toolkit.paths import write_atomic

    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for person in people:
        writer.writerow(asdict(person))
    write_atomic(register_path(root), out.getvalue().encode("utf-8"))


def parse_mapping(items: Iterable[str]) -> dict[str, str]:
    """``field=Column header`` items as a mapping; unknown fields are an error."""
    mapping: dict[str, str] = {}
    for item in items:
        name, sep, column = item.partition("=")
        name = name.strip()
        if not sep or not column.strip():
            raise CimisError(_("--map needs FIELD=COLUMN, got '{item}'").format(item=item))
        if name not in IMPORT_FIELDS:
            raise CimisError(_("--map: unknown field '{field}' (fields: {known})").format(
                field=name, known=", ".join(IMPORT_FIELDS)))
        mapping[name] = column.strip()
    return mapping


def import_csv(root: Path | str, csv_path: Path, mapping: Mapping[str, str], *, status: str | None = None,
               region: str | None = None, regions: Iterable[str] = ()) -> tuple[int, int]:
    """Add the applications in ``csv_path`` to the register: ``(added, already there)``.

    ``mapping`` maps register fields to the export's column headers (fields not mapped are
    looked for under their own name, in any letter case). Every row is checked first; any problem raises
    :class:`ProblemsError` with ``file:line`` and nothing is written.
    """
    known_regions = set(regions)
    try:
        text = csv_path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CimisError(_("{path} is not UTF-8; export the file as UTF-8 CSV").format(path=csv_path)) from None
    except OSError as exc:
        raise CimisError(_("cannot read {path}: {error}").format(path=csv_path, error=exc.strerror or exc)) from None
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    headers = reader.fieldnames or []
    # a field not mapped is looked for under its own name, in any case ("Status", "E-Mail" no)
    by_fold = {h.strip().casefold(): h for h in headers}
    columns = {f: mapping.get(f, by_fold.get(f, f)) for f in IMPORT_FIELDS}
    problems: list[Problem] = []
    for needed in ("name",):
        if columns[needed] not in headers:
            raise ProblemsError([Problem.at(csv_path, 1, _("no column '{column}' for {field} (columns: {headers}); "
                                                          "map one with --map {field}=COLUMN").format(
                column=columns[needed], field=needed, headers=", ".join(headers)))])
    for f, column in columns.items():
        if f in mapping and column not in headers:
            message = _("no column '{column}' for {field}")
            problems.append(Problem.at(csv_path, 1, message.format(column=column, field=f)))
    existing = read_register(root)
    by_id = {p.id: p for p in existing}
    for p in existing:
        for alias in p.aliases.split():
            by_id.setdefault(alias, p)
    added: list[Person] = []
    present = 0
    try:
        rows = list(reader)
    except csv.Error as exc:
        message = _("broken CSV: {error}").format(error=exc)
        raise ProblemsError([Problem.at(csv_path, reader.line_num, message)]) from None
    for n, row in enumerate(rows):
        line = n + 2  # the header is line 1 (rows spanning lines are rare in form exports)

        def value(f: str, row: dict[str, str] = row) -> str:
            return (row.get(columns[f]) or "").strip() if columns[f] in headers else ""

        name = value("name")
        if not name:
            problems.append(Problem.at(csv_path, line, _("{column}: the name is empty").format(column=columns["name"])))
            continue
        if len(name) > 120:
            problems.append(Problem.at(csv_path, line, _("{column}: the name is longer than 120 characters").format(
                column=columns["name"])))
            continue
        email = value("email")
        if email and ("@" not in email or " " in email or len(email) > 200):
            problems.append(Problem.at(csv_path, line, _("{column}: '{value}' is not an e-mail address").format(
                column=columns["email"], value=email)))
            continue
        org_type = value("org_type")
        if org_type:
            key = _lookup(ORG_TYPES, org_type)
            if key is None:
                problems.append(Problem.at(csv_path, line, _("{column}: unknown organisation type '{value}' "
                                                             "(known: {known})").format(
                    column=columns["org_type"], value=org_type, known=", ".join(ORG_TYPES))))
                continue
            org_type = key
        branch = value("branch")
        if branch:
            key = _lookup(BRANCHES, branch)
            if key is None:
                message = _("{column}: unknown branch '{value}' (known: {known})")
                problems.append(Problem.at(csv_path, line, message.format(
                    column=columns["branch"], value=branch, known=", ".join(BRANCHES))))
                continue
            branch = key
        person_region = value("region") or (region or "")
        if person_region and known_regions and person_region not in known_regions:
            problems.append(Problem.at(csv_path, line, _("{column}: no region '{value}' (regions: {known})").format(
                column=columns["region"], value=person_region, known=", ".join(sorted(known_regions)))))
            continue
        person_status = value("status") or (status or "applicant")
        if person_status not in STATUSES:
            message = _("{column}: status must be one of {known}, not '{value}'")
            problems.append(Problem.at(csv_path, line, message.format(
                column=columns["status"], known=", ".join(STATUSES), value=person_status)))
            continue
        organisation = value("organisation")
        ident = person_id(name, email, organisation)
        if ident in by_id:
            present += 1
            continue
        person = Person(ident, name, email, organisation, org_type, branch, person_region, person_status,
                        f"{csv_path.name}:{line}")
        by_id[ident] = person
        added.append(person)
    if problems:
        raise ProblemsError(problems)
    if added:
        write_register(root, [*existing, *added])
    return len(added), present


def duplicates(people: Iterable[Person]) -> list[Proposal]:
    """Pairs that may be one person, with the reasons, for review before :func:`merge`
    (see :mod:`toolkit.programme.duplicates` for the rules)."""
    from toolkit.programme.duplicates import find

    return find(list(people))


def merge(root: Path | str, keep: str, drop: str) -> Person:
    """Merge person ``drop`` into ``keep`` after review: empty fields of ``keep`` are
    filled from ``drop``, whose id becomes an alias of ``keep``."""
    people = read_register(root)
    found = {p.id: p for p in people}
    for ident in (keep, drop):
        if ident not in found:
            raise CimisError(_("no person '{id}' in {path}").format(id=ident, path=register_path(root)))
    if keep == drop:
        raise CimisError(_("a person cannot be merged with itself"))
    a, b = found[keep], found[drop]
    filled = {f: getattr(b, f) for f in ("email", "organisation", "org_type", "branch", "region")
              if not getattr(a, f) and getattr(b, f)}
    aliases = " ".join(x for x in (a.aliases, b.id, b.aliases) if x)
    merged = replace(a, **filled, aliases=aliases)
    write_register(root, [merged if p.id == keep else p for p in people if p.id != drop])
    return merged


def delete(root: Path | str, ident: str, event_folders: Iterable[Path] = ()) -> list[str]:
    """Remove a person from the register and from the ``people`` of every event's plan
    (matched by name); what was changed, for the user."""
    from toolkit.plan.edit import PlanEditor
    from toolkit.plan.load import PLAN_FILE

    people = read_register(root)
    person = next((p for p in people if p.id == ident or ident in p.aliases.split()), None)
    if person is None:
        raise CimisError(_("no person '{id}' in {path}").format(id=ident, path=register_path(root)))
    write_register(root, [p for p in people if p is not person])
    changed = [str(register_path(root))]
    for folder in event_folders:
        plan = folder / PLAN_FILE
        if not plan.is_file():
            continue
        editor = PlanEditor(plan)
        source = editor.validate()
        if source.plan is None:
            continue
        removed = False
        for entry in source.plan.people:
            if _norm(entry.name) == _norm(person.name):
                for item in source.plan.agenda:
                    if getattr(item, "speaker", None) == entry.id:
                        editor.set_item_field(item.id, "speaker", None)  # the talk stays, unnamed
                editor.remove_person(entry.id)
                removed = True
        if removed:
            editor.save()
            changed.append(str(plan))
    return changed
