"""Registers the built-in commands. Each lives in its own module under ``toolkit.cli`` and
is imported only when it runs; the short help here is what ``cimis --help`` shows."""

from __future__ import annotations

from toolkit import hookimpl

BUILTIN_COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("methods", "toolkit.cli.methods:build", "Browse, show and check method cards."),
    ("plugins", "toolkit.cli.plugins:build", "List loaded plugins and their hooks."),
    ("plugin", "toolkit.cli.plugin_new:build", "Create a new plugin package."),
    ("kinds", "toolkit.cli.kinds:build", "List capture kinds with their options, records and an example."),
    ("session", "toolkit.cli.session:build", "Look at, script and export a workshop's session."),
    ("demo", "toolkit.cli.demo:build", "Try cimis on a bundled example workshop."),
    ("new", "toolkit.cli.workshop:build_new", "Create a workshop folder."),
    ("check", "toolkit.cli.workshop:build_check", "Check a workshop plan and print its timetable."),
    ("ui", "toolkit.cli.ui:build", "Open the terminal UI."),
    ("workbook", "toolkit.cli.workbook:build", "Create, sync, check and build the workbook."),
    ("serve", "toolkit.cli.serve:build", "Let the room join from its phones."),
    ("programme", "toolkit.cli.programme:build", "Run a programme: regions, events, people, matches and numbers."),
    ("store", "toolkit.cli.store:build", "Push, pull and migrate sessions between session.db and PostgreSQL."),
)


@hookimpl
def register_commands(cli):
    for name, target, short_help in BUILTIN_COMMANDS:
        cli.add_lazy_command(name, target, short_help)
