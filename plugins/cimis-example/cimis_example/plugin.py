"""The hooks of the example plugin: its method cards, a capture kind and a command."""

from __future__ import annotations

from pathlib import Path

import click

from toolkit import hookimpl


@hookimpl
def register_methods(register):
    register(Path(__file__).parent / "methods")


@hookimpl
def register_capture_kinds(register):
    # imported here, not at the top: this module is loaded on every cimis start
    from cimis_example.quotes import Quotes

    register(Quotes())


@hookimpl
def register_commands(cli):
    @cli.command(name="example-hello")
    @click.argument("who", default="world")
    def hello(who: str) -> None:
        """Say hello (an example command of the example plugin)."""
        click.echo(f"Hello, {who}!")
