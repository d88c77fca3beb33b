"""The cimis plugin contract: every hook a plugin can implement.

Hook names and signatures are public; plugins written against them must keep working.
The docstrings below *are* the plugin reference (``cimis plugins hooks`` prints them and
``workbook/`` is generated from them), so each says what the hook is for, what its
arguments are, and when it is called.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:  # pragma: no cover - typing only; kept off the start-up path
    from collections.abc import Callable, Mapping
    from pathlib import Path

    import click

hookspec = pluggy.HookspecMarker("cimis")
hookimpl = pluggy.HookimplMarker("cimis")


@hookspec
def register_methods(register: Callable[[Path], None]) -> None:
    """Contribute method cards to the library.

    Call ``register(path)`` once per folder or file of method cards. A folder is searched
    recursively for ``*.md`` files; each card names its language in its front matter, and
    the same ``id`` in several languages is one method. Called once per process, the first
    time the library is needed.
    """


@hookspec
def register_capture_kinds(register: Callable[[Any], None]) -> None:
    """Contribute kinds of captured output (notes, idea cards, dot votes, ...).

    Call ``register(kind)`` with an instance of a :class:`toolkit.capture.CaptureKind`
    subclass: its ``name`` is what method cards write as ``capture: {kind: NAME}``, its
    ``Options`` and ``Record`` pydantic models validate a step's options and each captured
    record, ``result()`` turns records into a result and ``to_markdown()`` renders that
    result for the workbook. A kind may name a terminal widget (``widget = "module:Class"``)
    that only the terminal UI imports. Names must be unique across all plugins.
    """


@hookspec
def register_exporters(register: Callable[[Any], None]) -> None:
    """Contribute workbook output formats.

    Call ``register(exporter)`` with an object that has a ``name`` (the value of
    ``cimis workbook build --format``), a ``title`` and a ``build(book, out_dir)`` method.
    Called when a workbook is built or the list of formats is shown.
    """


@hookspec
def register_commands(cli: click.Group) -> None:
    """Add commands to ``cimis``.

    ``cli`` is the root click group: use ``@cli.command()`` or ``cli.add_command(...)``.
    Keep module-level imports light: this hook runs on every ``cimis`` start, including
    ``cimis --help``.
    """


@hookspec
def configure_markdown(md: Any) -> None:
    """Extend the workbook's Markdown renderer.

    ``md`` is the ``markdown_it.MarkdownIt`` instance used for workbook chapters; call
    ``md.use(plugin)`` to add markdown-it-py plugins. Called once per renderer.
    """


@hookspec
def register_translations(register: Callable[[str, Mapping[str, str]], None]) -> None:
    """Translate a plugin's own messages (or cimis's) into a language cimis speaks.

    Call ``register(lang, {english: translated, ...})``, e.g. ``register("de", {"Quotes":
    "Zitate"})``, and show messages through ``toolkit.translate("Quotes")``, which picks the
    active language. cimis's own catalogue wins where a plugin repeats one of its messages,
    and the first plugin (in registration order) wins where two plugins translate the same
    message. Called once per process and language, the first time a message is translated
    after the plugins have loaded.
    """


@hookspec
def session_event(event: Any) -> None:
    """Observe a committed session event.

    Called after each event (started, step entered, timer change, captured, edited,
    removed, undone, finished) has been committed durably to the session store.
    ``event`` has ``seq``, ``session``, ``type``, ``item``, ``step`` (agenda item and step
    ids), ``payload``, ``author``, ``at`` (Unix time), ``client_id`` and ``workshop`` (the
    workshop folder, to open with ``toolkit.session.engine.Engine(workshop,
    readonly=True)``). It is a copy for this plugin alone; an exception raised here is
    reported and never rolls back the event.
    """
