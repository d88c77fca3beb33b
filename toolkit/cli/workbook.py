"""``cimis workbook``: create, sync, check, build the workbook and keep the sprint board."""

from __future__ import annotations

from pathlib import Path

import click

from toolkit.i18n import LANGUAGES, _, get_language

STATUS_CHOICES = ("todo", "draft", "review", "final")


def _problem_line(problem) -> str:
    if problem.severity == "error":
        return str(problem)
    where = f"{problem.path}:{problem.line}" if problem.line else problem.path
    return f"{where}: {_('warning')}: {problem.message}"


def _echo_problems(problems) -> int:
    errors = 0
    for problem in problems:
        click.echo(_problem_line(problem))
        errors += problem.severity == "error"
    return errors


def _load(folder: Path):
    from toolkit.errors import ProblemsError
    from toolkit.workbook.book import load_book

    try:
        return load_book(folder)
    except ProblemsError as exc:
        _echo_problems(exc.problems)
        raise SystemExit(1) from None


class _WorkbookGroup(click.Group):
    """The workbook commands, with a file system error anywhere in them (a read-only place,
    a full disk, a folder under a file) said in one line instead of a traceback."""

    def invoke(self, ctx: click.Context) -> object:
        from toolkit.errors import CimisError

        try:
            return super().invoke(ctx)
        except CimisError:
            raise
        except OSError as exc:
            from toolkit.paths import os_error_message

            raise CimisError(os_error_message(exc)) from None


def _check_title(title: str | None, language: str) -> None:
    """``--title`` held to book.yaml's rules before anything is written: a title init
    accepted would make every later command fail on book.yaml."""
    if title is None:
        return
    from pydantic import ValidationError

    from toolkit.errors import CimisError
    from toolkit.validation import describe
    from toolkit.workbook.model import BookConfig

    try:
        BookConfig.model_validate({"title": title, "language": language})
    except ValidationError as exc:
        raise CimisError("; ".join(f"--title: {describe(dict(err))}" for err in exc.errors())) from None


def build() -> click.Group:
    @click.group(name="workbook", cls=_WorkbookGroup, help=_("Create, sync, check and build the workbook."))
    def workbook() -> None:
        pass

    folder_arg = click.argument("folder", metavar="DIR", required=False, default=".",
                                type=click.Path(path_type=Path, file_okay=False))

    @workbook.command(name="init", help=_("Create a workbook folder (book.yaml, SUMMARY.md, chapters/)."))
    @click.argument("folder", metavar="DIR", type=click.Path(path_type=Path, file_okay=False))
    @click.option("--source", "sources", multiple=True, metavar="WORKSHOP",
                  help=_("A workshop folder whose sessions feed the workbook (repeatable)."))
    @click.option("--title", help=_("Title of the workbook."))
    @click.option("--language", type=click.Choice(LANGUAGES),
                  help=_("Language of the workbook (default: the output language)."))
    def init(folder: Path, sources: tuple[str, ...], title: str | None, language: str | None) -> None:
        import os

        from toolkit.workbook.init import init_workbook

        # sources are stored relative to the workbook, whatever the shell's directory was
        rel = [os.path.relpath(Path(s).resolve(), folder.resolve()) for s in sources]
        _check_title(title, language or get_language())
        init_workbook(folder, rel, title=title, language=language or get_language())
        click.echo(_("Created the workbook {folder}. Run 'cimis workbook sync {folder}' after a session.").format(
            folder=folder))

    @workbook.command(name="sync", help=_("Write chapters from the sessions of the workbook's sources; "
                                          "author text is never lost."))
    @folder_arg
    def sync(folder: Path) -> None:
        from toolkit.workbook.sync import sync as run_sync

        report = run_sync(folder)
        errors = _echo_problems(report.problems)
        for conflict in report.conflicts:
            click.echo(f"{conflict.path}:{conflict.line}: {conflict.message}")
        if errors:
            click.echo(_("{errors} error(s); nothing was written.").format(errors=errors)
                       if not (report.created or report.updated) else
                       _("{errors} error(s).").format(errors=errors), err=True)
            raise SystemExit(1)
        click.echo(_("{created} chapter(s) created, {updated} updated; {replaced} passage(s) replaced, "
                     "{inserted} added, {conflicts} conflict(s).").format(
            created=len(report.created), updated=len(report.updated), replaced=report.replaced,
            inserted=report.inserted, conflicts=len(report.conflicts)), err=True)

    @workbook.command(name="status", help=_("Show the sprint board: status, authors, reviewers, words and "
                                            "open comments per chapter."))
    @folder_arg
    @click.option("--json", "as_json", is_flag=True, help=_("Print JSON instead of a table."))
    def status(folder: Path, as_json: bool) -> None:
        from toolkit.workbook.status import board

        book = _load(folder)
        rows = board(book)
        if as_json:
            from toolkit.cli.output import echo_json

            echo_json({"title": book.title, "chapters": rows})
            return
        from toolkit.cli.output import table

        table([_("Chapter"), _("Title"), _("Status"), _("Authors"), _("Reviewers"), _("Words"), _("Open comments")],
              [(r["number"] or "", r["title"], r["status"], ", ".join(r["authors"]), ", ".join(r["reviewers"]),
                r["words"], r["open_comments"]) for r in rows],
              title=book.title)

    @workbook.group(name="chapter", help=_("Change a chapter's front matter."))
    def chapter() -> None:
        pass

    @chapter.command(name="set-status", help=_("Set a chapter's status: todo, draft, review or final."))
    @click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
    @click.argument("status", type=click.Choice(STATUS_CHOICES))
    def set_status(file: Path, status: str) -> None:
        from toolkit.workbook.status import set_status as run

        before = run(file, status)
        click.echo(f"{file}: {before} -> {status}")

    @workbook.command(name="comment", help=_("Add a review comment to a chapter."))
    @click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
    @click.argument("text")
    @click.option("--by", required=True, help=_("Who writes the comment."))
    @click.option("--line", type=click.IntRange(min=1), help=_("Line of the chapter the comment refers to."))
    def comment(file: Path, text: str, by: str, line: int | None) -> None:
        from toolkit.workbook.status import add_comment

        number = add_comment(file, by, text, line)
        click.echo(_("{file}: comment {n} added.").format(file=file, n=number))

    @workbook.command(name="comment-resolve", help=_("Mark a chapter's review comment N as resolved."))
    @click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
    @click.argument("number", metavar="N", type=click.IntRange(min=1))
    def comment_resolve(file: Path, number: int) -> None:
        from toolkit.workbook.status import resolve_comment

        resolve_comment(file, number)
        click.echo(_("{file}: comment {n} resolved.").format(file=file, n=number))

    @workbook.command(name="check", help=_("Check links, anchors, images, SUMMARY.md and chapter status; "
                                           "print file:line: message per problem."))
    @folder_arg
    def check(folder: Path) -> None:
        from toolkit.workbook.check import check_book

        problems = check_book(folder)
        errors = _echo_problems(problems)
        click.echo(_("{errors} error(s), {warnings} warning(s).").format(
            errors=errors, warnings=len(problems) - errors), err=True)
        if errors:
            raise SystemExit(1)

    @workbook.command(name="build", help=_("Build the workbook as HTML, Markdown or another installed format."))
    @folder_arg
    @click.option("--format", "fmt", default="html", show_default=True, help=_("Output format."))
    @click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False),
                  help=_("Output folder (default: DIR/build/FORMAT)."))
    def build_cmd(folder: Path, fmt: str, out_dir: Path | None) -> None:
        from toolkit.workbook.build import build as run_build
        from toolkit.workbook.mdbook import settings_warnings

        # an mdBook book's settings that the build leaves out: said once, before building
        for problem in settings_warnings(folder):
            click.echo(_problem_line(problem), err=True)
        result = run_build(folder, fmt, out_dir)
        if result is not None:
            click.echo(str(result))

    @workbook.command(name="import-mdbook", help=_("Bring an mdBook book (book.toml, src/SUMMARY.md) in as a "
                                                   "new workbook folder."))
    @click.argument("src", type=click.Path(path_type=Path, file_okay=False))
    @click.argument("dest", type=click.Path(path_type=Path, file_okay=False))
    def import_mdbook_cmd(src: Path, dest: Path) -> None:
        from toolkit.errors import ProblemsError
        from toolkit.workbook.mdbook import import_mdbook, settings_warnings

        try:
            import_mdbook(src, dest)
        except ProblemsError as exc:
            _echo_problems(exc.problems)
            raise SystemExit(1) from None
        for problem in settings_warnings(src):
            click.echo(_problem_line(problem), err=True)
        click.echo(_("Imported the book into {folder}. Check it with 'cimis workbook check {folder}'.").format(
            folder=dest))

    return workbook
