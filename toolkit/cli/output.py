"""Shared output helpers for commands: JSON, tables and problem lists."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any

import click

from toolkit.errors import Problem


def echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def console():
    """A rich console on stdout (imported lazily: rich is heavy)."""
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def table(headers: Sequence[str], rows: Iterable[Sequence[Any]], title: str | None = None) -> None:
    from rich.table import Table

    t = Table(title=title, show_lines=False, header_style="bold")
    for header in headers:
        t.add_column(header)
    for row in rows:
        t.add_row(*(str(cell) for cell in row))
    console().print(t)


def print_problems(problems: Iterable[Problem]) -> int:
    """Print ``file:line: message`` per problem; the number of errors among them."""
    errors = 0
    for problem in problems:
        click.echo(str(problem))
        errors += problem.severity == "error"
    sys.stdout.flush()
    return errors
