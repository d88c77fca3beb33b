"""``cimis new`` (create a workshop folder) and ``cimis check`` (check its plan and print the
timetable)."""

from __future__ import annotations

from pathlib import Path

import click

from toolkit.i18n import LANGUAGES, _


def _example_choice() -> click.Choice:
    from toolkit.examples import example_names

    return click.Choice(example_names())


def build_new() -> click.Command:
    @click.command(name="new", short_help=_("Create a workshop folder."),
                   help=_("Create a workshop folder with a plan (workshop.yaml) and a workbook/ folder."))
    @click.argument("folder", metavar="DIR", type=click.Path(path_type=Path, file_okay=False))
    @click.option("--example", type=_example_choice(), help=_("Start from a bundled example plan."))
    @click.option("--title", help=_("Title of the workshop."))
    @click.option("--language", type=click.Choice(LANGUAGES),
                  help=_("Language of the workshop and its method cards (default: the output language)."))
    def new(folder: Path, example: str | None, title: str | None, language: str | None) -> None:
        from toolkit.cli.output import print_problems
        from toolkit.errors import ProblemsError
        from toolkit.plan.load import PLAN_FILE
        from toolkit.workshop import create_workshop

        try:
            create_workshop(folder, example=example, title=title, language=language)
        except ProblemsError as exc:
            print_problems(exc.problems)
            raise click.ClickException(_("the plan would not be valid; nothing was created.")) from None
        click.echo(_("Created {folder}. Edit {plan}, then run 'cimis check {folder}'.").format(
            folder=folder, plan=folder / PLAN_FILE))

    return new


def build_check() -> click.Command:
    @click.command(name="check", short_help=_("Check a workshop plan and print its timetable."),
                   help=_("Check a workshop plan against the method library and print its timetable."))
    @click.argument("folder", metavar="DIR", type=click.Path(path_type=Path))
    @click.option("--json", "as_json", is_flag=True, help=_("Print problems and timetable as JSON."))
    def check(folder: Path, as_json: bool) -> None:
        from toolkit.plan.check import check_source
        from toolkit.plan.load import read_plan

        source = read_plan(folder)
        agenda, problems = check_source(source) if source.plan is not None else (None, source.problems)
        errors = sum(p.severity == "error" for p in problems)
        warnings = len(problems) - errors
        if as_json:
            _print_json(source, agenda, problems, errors, warnings)
        else:
            for problem in problems:
                click.echo(problem_line(problem))
            if agenda is not None:
                _print_timetable(agenda)
            click.echo(_("{errors} error(s), {warnings} warning(s).").format(errors=errors, warnings=warnings),
                       err=True)
        if errors:
            raise SystemExit(1)

    return check


def problem_line(problem) -> str:
    """``file:line: message``, with ``warning: `` before the message of a warning."""
    if problem.severity == "error":
        return str(problem)
    where = f"{problem.path}:{problem.line}" if problem.line else problem.path
    return f"{where}: {_('warning')}: {problem.message}"


def _print_timetable(agenda) -> None:
    click.echo()
    click.echo(_("Timetable of '{title}' ({date}):").format(
        title=agenda.title, date=agenda.start.date().isoformat() if agenda.start else ""))
    width = max((len(item.id) for item in agenda.items), default=0)
    for item in agenda.items:
        click.echo(f"  {item.start:%H:%M}–{item.end:%H:%M}  {item.id:<{width}}  {item.title} "
                   + _("({minutes} min)").format(minutes=item.minutes))
    if agenda.end is not None:
        click.echo(_("  ends at {time} ({minutes} minutes in all)").format(time=f"{agenda.end:%H:%M}",
                                                                          minutes=agenda.minutes))


def _print_json(source, agenda, problems, errors: int, warnings: int) -> None:
    from toolkit.cli.output import echo_json

    echo_json({
        "path": str(source.path),
        "ok": errors == 0,
        "errors": errors,
        "warnings": warnings,
        "problems": [{"path": p.path, "line": p.line, "severity": p.severity, "message": p.message}
                     for p in problems],
        "timetable": None if agenda is None else [
            {"id": item.id, "title": item.title, "kind": item.kind, "method": item.method_id,
             "start": item.start.isoformat(timespec="minutes"), "end": item.end.isoformat(timespec="minutes"),
             "minutes": item.minutes,
             "steps": [{"id": s.id, "title": s.title, "minutes": s.minutes, "capture": s.capture_kind,
                        "start": s.start.isoformat(timespec="minutes") if s.start else None}
                       for s in item.steps]}
            for item in agenda.items],
        "end": agenda.end.isoformat(timespec="minutes") if agenda is not None and agenda.end else None,
    })
