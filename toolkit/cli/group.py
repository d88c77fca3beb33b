"""The root click group: lazily imported commands, the global ``--lang`` option, and user
errors turned into one clean message with exit code 1.
"""

from __future__ import annotations

import importlib
from typing import Any

import click

from toolkit import __version__
from toolkit.errors import CimisError
from toolkit.i18n import LANGUAGES, N_, _, set_language


class UserError(click.ClickException):
    """A :class:`CimisError` shown the click way (``Error: ...``, exit code 1)."""

    exit_code = 1


class TranslatedOption(click.Option):
    """An option of the root group, whose help is translated when shown, because the
    root group exists before ``--lang`` has been read."""

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        original = self.help
        self.help = _(original) if original else original
        try:
            return super().get_help_record(ctx)
        finally:
            self.help = original


def _set_lang(ctx: click.Context, param: click.Parameter, value: str | None) -> str:
    return set_language(value)


def _show_version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(f"cimis {__version__}")
        ctx.exit()


def root_params() -> list[click.Parameter]:
    return [
        TranslatedOption(["--lang"], type=click.Choice(LANGUAGES), is_eager=True, expose_value=False,
                         callback=_set_lang, envvar="CIMIS_LANG", show_envvar=True,
                         help=N_("Language of all output (default: the system's language, else English).")),
        TranslatedOption(["--version"], is_flag=True, is_eager=True, expose_value=False, callback=_show_version,
                         help=N_("Show the version and exit.")),
    ]


class RootGroup(click.Group):
    """A group whose built-in commands are imported only when used."""

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        #: name -> (``module:factory``, English short help)
        self.lazy: dict[str, tuple[str, str]] = {}

    def add_lazy_command(self, name: str, target: str, short_help: str) -> None:
        """Add a command built by ``target`` (``module:factory``) when it is first used."""
        self.lazy[name] = (target, short_help)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(self.commands) | set(self.lazy))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = self.commands.get(cmd_name)
        if command is not None or cmd_name not in self.lazy:
            return command
        module_name, _sep, factory = self.lazy[cmd_name][0].partition(":")
        command = getattr(importlib.import_module(module_name), factory)()
        command.name = cmd_name
        return command

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        original = self.help
        self.help = _(original) if original else original
        try:
            super().format_help_text(ctx, formatter)
        finally:
            self.help = original

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            if name in self.commands:
                command = self.commands[name]
                if command.hidden:
                    continue
                rows.append((name, command.get_short_help_str(limit=formatter.width - 6 - len(name))))
            else:
                rows.append((name, _(self.lazy[name][1])))
        if rows:
            with formatter.section(_("Commands")):
                formatter.write_dl(rows)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        # --help may come before --lang or rely on CIMIS_LANG; either way the language must be
        # known before any text is produced, so look ahead for it
        lang = None
        for index, arg in enumerate(args):
            if arg == "--":
                break
            if arg == "--lang" and index + 1 < len(args):
                lang = args[index + 1]
            elif arg.startswith("--lang="):
                lang = arg.split("=", 1)[1]
        set_language(lang if lang in LANGUAGES else None)
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CimisError as exc:
            raise UserError(str(exc)) from None
