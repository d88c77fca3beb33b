"""``cimis session``: look at, script and export a workshop's session from the shell."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from toolkit.i18n import _

FORMATS = ("jsonl", "json", "csv")


def _clock_text(seconds: float) -> str:
    seconds = round(abs(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def _print_status(info: dict[str, Any]) -> None:
    click.echo(f"{info['workshop']} ({info['store']})")
    if info["finished"]:
        state = _("finished")
    elif info["started"]:
        state = _("running")
    else:
        state = _("not started")
    click.echo(_("Session: {state}").format(state=state))
    position, timer = info["position"], info["timer"]
    if position is not None:
        click.echo(_("Step: {item} / {step} ({ref}), agenda item {n} of {total}").format(
            item=position["item_title"], step=position["step_title"], ref=f"{position['item']}.{position['step']}",
            n=position["index"] + 1, total=info["items"]))
    if timer is not None:
        line = _("Timer: {elapsed} of {allowed}").format(elapsed=_clock_text(timer["elapsed"]),
                                                       allowed=_clock_text(timer["planned"] + timer["extended"]))
        if timer["overrun"] > 0:
            line += ", " + _("{time} over").format(time=_clock_text(timer["overrun"]))
        else:
            line += ", " + _("{time} left").format(time=_clock_text(timer["remaining"]))
        if timer["paused"]:
            line += ", " + _("paused")
        click.echo(line)
    steps = [s for s in info["steps"] if s["records"]]
    click.echo(_("Records: {n} in {steps} step(s)").format(n=info["records"], steps=len(steps)))
    for s in steps:
        click.echo(f"  {s['item']}.{s['step']}: {s['records']}")
    click.echo(_("Events: {n}").format(n=info["events"]))


def _import(folder: Path, source: str, ack: bool, author: str | None) -> None:
    import json

    from toolkit.errors import CimisError
    from toolkit.session.engine import Engine
    from toolkit.session.exchange import MAX_LINE_BYTES, parse_line, remap

    name = "<stdin>" if source == "-" else source
    engine = Engine(folder, author=author or "")
    stream = sys.stdin.buffer if source == "-" else None
    try:
        if stream is None:
            try:
                from toolkit.paths import open_regular

                stream = open_regular(source)
            except OSError as exc:
                raise CimisError(_("cannot read {path}: {error}").format(
                    path=source, error=exc.strerror or exc)) from None
        out = sys.stdout
        count = 0
        ids: dict[int, int] = {}  # exported seq -> record id here, for references between records
        # one line at a time: each capture is committed (and acknowledged) before the next is read
        for number, raw in enumerate(iter(lambda: stream.readline(MAX_LINE_BYTES + 1), b""), start=1):
            try:
                if len(raw) > MAX_LINE_BYTES:
                    raise CimisError(_("line is longer than {n} bytes").format(n=MAX_LINE_BYTES))
                text = raw.decode("utf-8")
                if number == 1:
                    text = text.removeprefix("\ufeff")
                if not text.strip():
                    continue
                line = parse_line(text)
                step = engine.step(line.item, line.step)
                if line.kind is not None and step.capture_kind and line.kind != step.capture_kind:
                    raise CimisError(_("step '{ref}' captures '{kind}', not '{given}'").format(
                        ref=f"{line.item}.{line.step}", kind=step.capture_kind, given=line.kind))
                kind = engine.kinds.get(step.capture_kind) if step.capture_kind else None
                record = remap(line.record, tuple(getattr(kind, "id_fields", ()) or ()), ids)
                saved = engine.capture(record, item_id=line.item, step_id=line.step,
                                       author=line.author if line.author is not None else author,
                                       client_id=line.id, at=line.at)
            except UnicodeDecodeError:
                _fail_line(name, number, _("line is not UTF-8"), count)
            except (ValueError, CimisError) as exc:
                _fail_line(name, number, str(exc), count)
            count += 1
            if line.seq is not None:
                ids[line.seq] = saved.record.id if saved.record is not None else saved.event.seq
            if ack:
                out.write(json.dumps({"line": number, "seq": saved.event.seq, "id": saved.event.client_id,
                                      "new": saved.new}) + "\n")
                out.flush()
        click.echo(_("{n} capture(s) imported into {path}").format(n=count, path=engine.store.location), err=True)
    finally:
        if stream is not None and source != "-":
            stream.close()
        engine.close()


def _fail_line(name: str, number: int, message: str, committed: int) -> None:
    click.echo(f"{name}:{number}: {message}", err=True)
    click.echo(_("stopped at line {line}; the {n} capture(s) before it are saved").format(line=number, n=committed),
               err=True)
    sys.exit(1)


def _export(folder: Path, fmt: str, output: Path | None) -> None:
    import time

    from toolkit.errors import CimisError
    from toolkit.session.backend import open_store
    from toolkit.session.exchange import export_rows, to_csv, to_json, to_jsonl
    from toolkit.session.state import fold

    # the store alone, not the plan: what was captured stays exportable when the plan breaks
    with open_store(folder, readonly=True) as store:
        rows = export_rows(fold(store.stream()))
    if fmt == "jsonl":
        text = to_jsonl(rows)
    elif fmt == "json":
        try:
            from toolkit.plan import load_plan

            title = load_plan(folder).title
        except CimisError:
            title = folder.name
        text = to_json(rows, title, time.time())
    else:
        text = to_csv(rows)
    if output is None:
        sys.stdout.write(text)
        return
    from toolkit.paths import write_atomic

    try:
        write_atomic(output, text.encode("utf-8"))
    except CimisError:
        raise  # write_atomic's own message names the file and the reason
    except OSError as exc:
        raise CimisError(_("cannot write {path}: {error}").format(path=output, error=exc.strerror or exc)) from None
    click.echo(_("{n} capture(s) written to {path}").format(n=len(rows), path=output), err=True)


def build() -> click.Group:
    folder_arg = click.argument("folder", metavar="DIR", type=click.Path(path_type=Path))

    @click.group(name="session", help=_("Look at, script and export a workshop's session."))
    def session() -> None:
        pass

    @session.command(name="status", help=_("Show where the session stands: step, timer, records."))
    @folder_arg
    @click.option("--json", "as_json", is_flag=True, help=_("Print JSON instead of text."))
    def status(folder: Path, as_json: bool) -> None:
        from toolkit.session.engine import Engine

        with Engine(folder, readonly=True) as engine:
            info = engine.status()
        if as_json:
            from toolkit.cli.output import echo_json

            echo_json(info)
        else:
            _print_status(info)

    @session.command(name="import", help=_(
        "Add captures from a JSON Lines file (or - for standard input), one committed per line."))
    @folder_arg
    @click.argument("source", metavar="FILE|-")
    @click.option("--ack", is_flag=True, help=_("Print one JSON line per capture once it is saved."))
    @click.option("--author", default=None, help=_("Author of lines that name none."))
    def import_(folder: Path, source: str, ack: bool, author: str | None) -> None:
        _import(folder, source, ack, author)

    @session.command(name="export", help=_("Write every capture with its item, step, time and author."))
    @folder_arg
    @click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True,
                  help=_("Output format; what jsonl writes, import reads back."))
    @click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
                  help=_("Write to this file (atomically) instead of standard output."))
    def export(folder: Path, fmt: str, output: Path | None) -> None:
        _export(folder, fmt, output)

    @session.command(name="undo", help=_("Undo the most recent capture, edit or removal."))
    @folder_arg
    @click.option("--author", default="", help=_("Who undoes it (kept in the session log)."))
    def undo(folder: Path, author: str) -> None:
        from toolkit.session.engine import Engine

        with Engine(folder, author=author) as engine:
            undone = engine.undo()
        if undone is None:
            click.echo(_("Nothing to undo."))
            return
        seq, kind, record_id = undone
        messages = {"captured": _("Undid the capture of record {id}."),
                    "edited": _("Undid the edit of record {id}."),
                    "removed": _("Undid the removal of record {id}.")}
        click.echo(messages.get(kind, _("Undid event {seq}.")).format(id=record_id, seq=seq))

    return session
