"""``cimis plugins``: what is loaded, from where, with which hooks, and what failed."""

from __future__ import annotations

import click

from toolkit.i18n import N_, _

SOURCE_TITLES = {"built-in": N_("built-in"), "installed": N_("installed"), "local": N_("local")}


def _exercise_hooks() -> None:
    """Call every registering hook once, so that a plugin failing in any of them shows up."""
    from toolkit import registry

    registry.capture_kinds()
    registry.method_sources()
    registry.exporters()


def build() -> click.Group:
    @click.group(name="plugins", invoke_without_command=True,
                 help=_("List loaded plugins and their hooks."))
    @click.option("--json", "as_json", is_flag=True, help=_("Print JSON instead of a table."))
    @click.pass_context
    def plugins(ctx: click.Context, as_json: bool) -> None:
        if ctx.invoked_subcommand is not None:
            return
        from toolkit.cli.output import echo_json, table
        from toolkit.plugins import get_host

        _exercise_hooks()
        infos = get_host().plugin_infos()
        if as_json:
            echo_json([info.as_dict() for info in infos])
            return
        rows = [(info.name, info.version, _(SOURCE_TITLES.get(info.source, info.source)), ", ".join(info.hooks) or "–",
                 info.error or _("ok")) for info in infos]
        table([_("Plugin"), _("Version"), _("Origin"), _("Hooks"), _("Status")], rows)
        failed = [info for info in infos if info.error]
        if failed:
            click.echo(_("{n} plugin(s) failed and were skipped.").format(n=len(failed)), err=True)

    @plugins.command(name="hooks", help=_("Print the hook reference (from the hook specifications)."))
    def hooks() -> None:
        from toolkit.hookdocs import hook_reference

        click.echo(hook_reference())

    return plugins
