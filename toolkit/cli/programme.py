"""``cimis programme``: a programme folder with its regions, events, people and matches; its
numbers and its workbook. (The terminal screen of the programme belongs to the terminal UI.)"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from toolkit.i18n import _


def _load(folder: Path) -> Any:
    """The programme, or its problems printed and exit 1."""
    from toolkit.cli.output import print_problems
    from toolkit.programme.load import read_programme

    source = read_programme(folder)
    if not source.ok:
        print_problems(source.problems)
        sys.exit(1)
    for problem in source.problems:
        click.echo(str(problem), err=True)
    return source.programme


def _sessions(folder: Path, programme: Any) -> list[Any]:
    from toolkit.programme.numbers import read_events

    problems: list[Any] = []
    sessions = read_events(folder, programme, problems)
    for problem in problems:
        click.echo(str(problem), err=True)
    return sessions


def _ledger(folder: Path) -> dict[str, Any]:
    from toolkit.cli.output import print_problems
    from toolkit.programme.ledger import read_ledger

    ledger, problems = read_ledger(folder)
    if problems and print_problems(problems):
        sys.exit(1)
    return ledger


def build() -> click.Group:
    folder_arg = click.argument("folder", metavar="DIR", type=click.Path(file_okay=False, path_type=Path))

    @click.group(name="programme", help=_("Run a programme: regions, events, people, matches and numbers."))
    def programme() -> None:
        pass

    @programme.command(name="new", help=_("Create a programme folder: programme.yaml and a workshop folder per event."))
    @folder_arg
    @click.option("--name", default=None, help=_("Name of the programme."))
    @click.option("--year", type=click.IntRange(2000, 2100), default=None, help=_("Year the programme runs in."))
    @click.option("--language", type=click.Choice(["de", "en"]), default=None, help=_("Language of the programme."))
    def new(folder: Path, name: str | None, year: int | None, language: str | None) -> None:
        from toolkit.i18n import get_language
        from toolkit.programme.create import new_programme

        lang = language or get_language()
        target, notes = new_programme(folder, name=name or folder.name, year=year, language=lang)
        for note in notes:
            click.echo(note, err=True)
        click.echo(_("created {folder}: edit programme.yaml, then run 'cimis programme check {folder}'").format(
            folder=target))

    @programme.command(name="check", help=_("Check programme.yaml, the ledger, the register and the events' plans."))
    @folder_arg
    def check(folder: Path) -> None:
        from toolkit.cli.output import print_problems
        from toolkit.errors import CimisError, Problem
        from toolkit.plan.load import read_plan
        from toolkit.programme.ledger import read_ledger
        from toolkit.programme.load import event_folder, read_programme
        from toolkit.programme.people import read_register

        source = read_programme(folder)
        problems = list(source.problems)
        problems += read_ledger(folder)[1]
        try:
            read_register(folder)
        except CimisError as exc:
            problems.append(Problem.at(folder, 0, str(exc)))
        if source.programme is not None:
            for event in source.programme.events:
                target = event_folder(folder, event.id)
                if not (target / "workshop.yaml").is_file():
                    problems.append(Problem.at(target, 0, _("event '{id}' has no workshop folder; create it with "
                                                            "'cimis programme events'").format(id=event.id), "warning"))
                    continue
                problems += read_plan(target).problems
        errors = print_problems(problems)
        if errors:
            sys.exit(1)
        click.echo(_("programme ok: {n} event(s)").format(n=len(source.programme.events) if source.programme else 0))

    @programme.command(name="events", help=_("Create the workshop folders of events added to programme.yaml."))
    @folder_arg
    def events(folder: Path) -> None:
        from toolkit.programme.create import create_event_folders

        programme_ = _load(folder)
        for note in create_event_folders(folder, programme_):
            click.echo(note, err=True)
        click.echo(_("every event has its workshop folder"))

    @programme.command(name="stats", help=_("The numbers: events, branches, participants, ideas, matches."))
    @folder_arg
    @click.option("--json", "as_json", is_flag=True, help=_("Print JSON (for the programme's website)."))
    @click.option("--svg", "svg", type=click.Path(file_okay=False, path_type=Path), default=None,
                  help=_("Write one SVG chart per counter into this folder."))
    def stats(folder: Path, as_json: bool, svg: Path | None) -> None:
        from toolkit.programme.charts import COUNTERS, stats_charts
        from toolkit.programme.numbers import stats as compute

        programme_ = _load(folder)
        numbers = compute(folder, programme_, _sessions(folder, programme_))
        names = {r.id: r.name for r in programme_.regions}
        names["*"] = _("whole programme")
        labels = {"events": _("events"), "participants": _("participants"), "branches": _("branches"),
                  "ideas": _("ideas"), "matches": _("matches"), "total": _("total")}
        if svg is not None:
            from toolkit.paths import write_atomic

            for counter, text in stats_charts(numbers, names, labels).items():
                write_atomic(svg / f"{counter}.svg", text.encode("utf-8"))
        if as_json:
            from toolkit.cli.output import echo_json

            echo_json(numbers)
            return
        from toolkit.cli.output import table

        rows = [[names.get(k, k), *(v[c] for c in COUNTERS)] for k, v in numbers["regions"].items()]
        rows.append([labels["total"], *(numbers["total"][c] for c in COUNTERS)])
        table([_("region"), *(labels[c] for c in COUNTERS)], rows, title=programme_.name)

    @programme.command(name="status", help=_("Each region's matches and where each one stands."))
    @folder_arg
    @click.option("--json", "as_json", is_flag=True, help=_("Print JSON."))
    def status(folder: Path, as_json: bool) -> None:
        from toolkit.programme.numbers import matches, status_line

        programme_ = _load(folder)
        found = matches(folder, programme_, _sessions(folder, programme_), _ledger(folder))
        if as_json:
            from toolkit.cli.output import echo_json

            echo_json([m.as_dict() for m in found])
            return
        click.echo(_("{name}: {n} event(s), {m} match(es)").format(name=programme_.name, n=len(programme_.events),
                                                                    m=len(found)))
        for region in [*programme_.regions, None]:
            mine = [m for m in found if m.region == (region.id if region else None)]
            if region is None and not mine:
                continue
            click.echo("")
            click.echo(f"{region.name} ({region.association})" if region else _("whole programme"))
            if not mine:
                click.echo("  " + _("no matches yet"))
            for m in mine:
                names = ", ".join(m.names.get(p, p) for p in [m.company, *m.members])
                click.echo(f"  {m.id}: {names}")
                click.echo("    " + _("stage: {stage}").format(stage=_(m.stage))
                           + (f"; {_('question')}: {m.question[:70]}" if m.question else ""))
                for report in m.statuses:
                    click.echo("    " + _("status at {event} ({date}): {status}").format(
                        event=report["event"], date=report["date"], status=status_line(report)))
                if m.budget is not None:
                    click.echo("    " + _("budget: {used} of {budget}").format(used=f"{m.budget_used:g}",
                                                                              budget=f"{m.budget:g}"))

    @programme.command(name="workbook", help=_("Write the programme's chapters into its workbook."))
    @folder_arg
    def workbook(folder: Path) -> None:
        from toolkit.programme.chapters import write_workbook
        from toolkit.programme.numbers import matches
        from toolkit.programme.numbers import stats as compute

        programme_ = _load(folder)
        sessions = _sessions(folder, programme_)
        report = write_workbook(folder, programme_, compute(folder, programme_, sessions),
                                matches(folder, programme_, sessions, _ledger(folder)))
        click.echo(_("{n} programme chapter(s) in {workbook}, {created} new, {conflicts} conflict(s); the event "
                     "reports come from 'cimis workbook sync {workbook}'").format(
            n=report["chapters"], workbook=report["workbook"], created=len(report["created"]),
            conflicts=report["conflicts"]))

    programme.add_command(_people())
    return programme


def _people() -> click.Group:
    folder_arg = click.argument("folder", metavar="DIR", type=click.Path(exists=True, file_okay=False, path_type=Path))

    @click.group(name="people", help=_("The register of people and organisations (people.csv)."))
    def people() -> None:
        pass

    @people.command(name="import", help=_("Add applications from a CSV export, mapping its columns."))
    @folder_arg
    @click.argument("csv_file", metavar="FILE.csv", type=click.Path(exists=True, dir_okay=False, path_type=Path))
    @click.option("--map", "mapping", multiple=True, metavar="FIELD=COLUMN",
                  help=_("Which column holds a field: name, email, organisation, org_type, branch, region, status."))
    @click.option("--status", type=click.Choice(["applicant", "accepted", "waiting"]), default=None,
                  help=_("Status of rows that name none."))
    @click.option("--region", default=None, help=_("Region of rows that name none."))
    def import_(folder: Path, csv_file: Path, mapping: tuple[str, ...], status: str | None,
                region: str | None) -> None:
        from toolkit.cli.output import print_problems
        from toolkit.errors import ProblemsError
        from toolkit.programme.people import import_csv, parse_mapping

        programme_ = _load(folder)
        regions = [r.id for r in programme_.regions]
        if region is not None and region not in regions:
            raise click.BadParameter(_("no region '{id}'").format(id=region), param_hint="--region")
        try:
            added, present = import_csv(folder, csv_file, parse_mapping(mapping), status=status, region=region,
                                        regions=regions)
        except ProblemsError as exc:
            print_problems(exc.problems)
            click.echo(_("nothing imported; fix the lines above and import again"), err=True)
            sys.exit(1)
        click.echo(_("{added} added, {present} already in the register").format(added=added, present=present))

    @people.command(name="list", help=_("The register, or one status (the waiting list: --status waiting)."))
    @folder_arg
    @click.option("--status", type=click.Choice(["applicant", "accepted", "waiting"]), default=None,
                  help=_("Only people with this status."))
    @click.option("--json", "as_json", is_flag=True, help=_("Print JSON."))
    def list_(folder: Path, status: str | None, as_json: bool) -> None:
        from dataclasses import asdict

        from toolkit.cli.output import echo_json, table
        from toolkit.i18n import get_language
        from toolkit.programme.people import BRANCHES, ORG_TYPES, label, read_register

        rows = [p for p in read_register(folder) if status is None or p.status == status]
        if as_json:
            echo_json([asdict(p) for p in rows])
            return
        lang = get_language()
        table([_("no."), "id", _("name"), _("organisation"), _("type"), _("branch"), _("region"), _("status")],
              [(n + 1, p.id, p.name, p.organisation, label(ORG_TYPES, p.org_type, lang),
                label(BRANCHES, p.branch, lang), p.region, _(p.status)) for n, p in enumerate(rows)])

    @people.command(name="duplicates", help=_("People who may be the same person, with the reasons, to review "
                                              "before merging (nothing is merged automatically)."))
    @folder_arg
    @click.option("--json", "as_json", is_flag=True, help=_("Print JSON."))
    def duplicates(folder: Path, as_json: bool) -> None:
        from toolkit.programme.duplicates import REASONS
        from toolkit.programme.people import duplicates as find
        from toolkit.programme.people import read_register

        proposals = find(read_register(folder))
        if as_json:
            from toolkit.cli.output import echo_json

            echo_json([{**p.as_dict(), "explained": [_(REASONS[r]) for r in p.reasons]} for p in proposals])
            return
        for proposal in proposals:
            a, b = proposal.first, proposal.second
            reasons = "; ".join(_(REASONS[r]) for r in proposal.reasons)
            click.echo(f"{a.id} {a.name} <{a.email}> ({a.organisation})  ~  {b.id} {b.name} <{b.email}> "
                       f"({b.organisation}): {reasons}")
            click.echo("  " + _("merge with: cimis programme people merge {folder} {keep} {drop}").format(
                folder=folder, keep=a.id, drop=b.id))
        if proposals:
            click.echo(_("{n} proposal(s); review each before merging: nothing was changed").format(n=len(proposals)))
        else:
            click.echo(_("no duplicates found"))

    @people.command(name="merge", help=_("Merge person DROP into person KEEP (after reviewing them)."))
    @folder_arg
    @click.argument("keep")
    @click.argument("drop")
    def merge(folder: Path, keep: str, drop: str) -> None:
        from toolkit.programme.people import merge as do_merge

        person = do_merge(folder, keep, drop)
        click.echo(_("merged {drop} into {keep} ({name})").format(drop=drop, keep=keep, name=person.name))

    @people.command(name="delete", help=_("Delete a person's data from the register and the events' plans."))
    @folder_arg
    @click.argument("person")
    @click.option("--yes", is_flag=True, help=_("Do not ask for confirmation."))
    def delete(folder: Path, person: str, yes: bool) -> None:
        from toolkit.programme.load import event_folder
        from toolkit.programme.people import delete as do_delete

        programme_ = _load(folder)
        if not yes and not click.confirm(_("Delete {id} from the register and every event's plan?").format(id=person)):
            sys.exit(1)
        changed = do_delete(folder, person, [event_folder(folder, e.id) for e in programme_.events])
        for path in changed:
            click.echo(_("removed from {path}").format(path=path))

    return people
