"""The ``cimis`` command: a click group whose commands live in their own modules.

Only this module and :mod:`toolkit.cli.group` load on start; a command's module (and what
it needs: pydantic, Textual, the workbook renderer) is imported when that command runs.
Commands, built-in ones included, are added through the ``register_commands`` hook.
"""

from __future__ import annotations

import sys

import click

from toolkit.errors import CimisError


def build_cli() -> click.Group:
    """A fresh root group with every plugin's commands added."""
    from toolkit.cli.clicki18n import install
    from toolkit.cli.group import RootGroup, root_params
    from toolkit.i18n import N_
    from toolkit.plugins import get_host

    install()
    group = RootGroup(name="cimis", params=root_params(), callback=_no_command, invoke_without_command=True,
                      help=N_("Run co-creation workshops and write up what they produce."),
                      context_settings={"help_option_names": ["-h", "--help"], "terminal_width": _terminal_width()})
    before: dict[str, tuple[dict, dict]] = {}

    def make_kwargs(name: str) -> dict:
        before[name] = dict(group.commands), dict(group.lazy)
        return {"cli": group}

    def rollback(name: str) -> None:  # a plugin that fails halfway adds no commands
        group.commands, group.lazy = before[name]

    get_host().call_each("register_commands", make_kwargs, rollback)
    return group


@click.pass_context
def _no_command(ctx: click.Context) -> None:
    """``cimis`` alone opens the terminal UI; without a terminal (a pipe, CI) it shows the help."""
    if ctx.invoked_subcommand is not None:
        return
    if sys.stdin.isatty() and sys.stdout.isatty():
        from toolkit.cli.ui import run_ui

        run_ui()
    else:
        click.echo(ctx.get_help())


def _terminal_width() -> int:
    """What ``shutil.get_terminal_size`` answers, without importing shutil (and with it
    bz2 and lzma) on every start."""
    import os

    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno() if sys.__stdout__ else 1).columns
        except (AttributeError, ValueError, OSError):
            columns = 80
    return max(min(columns, 80) - 2, 50)


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``cimis`` console script."""
    try:
        cli = build_cli()
    except CimisError as exc:
        click.echo(f"cimis: {exc}", err=True)
        sys.exit(1)
    try:
        try:
            cli.main(args=argv, prog_name="cimis")
        finally:
            # what is still buffered fails here, not in the interpreter's shutdown (a traceback)
            sys.stdout.flush()
    except OSError as exc:
        # what no command caught: standard output full or gone (click itself ends quietly on
        # a closed pipe), or a file; one line, never a traceback
        import os

        from toolkit.paths import os_error_message

        if exc.filename is None:
            # the interpreter flushes standard output once more on exit: let that go nowhere
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        click.echo(f"cimis: {os_error_message(exc)}", err=True)
        sys.exit(1)
