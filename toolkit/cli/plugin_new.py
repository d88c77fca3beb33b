"""``cimis plugin new NAME``: scaffold an installable plugin package."""

from __future__ import annotations

from pathlib import Path

import click

from toolkit.i18n import _


def build() -> click.Group:
    @click.group(name="plugin", help=_("Create a new plugin package."))
    def plugin() -> None:
        pass

    @plugin.command(name="new", help=_("Write a new plugin package cimis-NAME with a method card, a capture kind, "
                                       "a command and a passing test."))
    @click.argument("name")
    @click.option("--dir", "parent", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
                  show_default=True, help=_("Folder in which to create the package."))
    def new(name: str, parent: Path) -> None:
        from toolkit.scaffold import create

        target = create(name, parent)
        click.echo(_("Created {path}. Next: cd {path} && pip install -e '.[test]' && pytest").format(path=target))

    return plugin
