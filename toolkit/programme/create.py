"""Create a programme folder (``cimis programme new``) and its events' workshop folders.

Provides :func:`new_programme`, :func:`create_event_folders`, :func:`example_for` and
:func:`programme_template`. Each event's workshop folder starts from the example plan
named by the event (``example:``) or by its kind and format (kickoff -> ``kickoff``, expert
-> ``expert-event-in-person`` or ``expert-event-online``, final -> ``final-event``); an example
that is not installed falls back to the starter plan, and the caller is told so. The whole folder is built beside its
destination and moved into place at the end, so a failure leaves nothing half-made.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path

from toolkit.errors import CimisError
from toolkit.i18n import _
from toolkit.programme.model import Event, Programme

#: Example plan of each event kind and format (looked up by name among the bundled examples).
EXAMPLE_BY_KIND = {("kickoff", "in-person"): "kickoff", ("kickoff", "online"): "kickoff",
                   ("expert", "in-person"): "expert-event-in-person", ("expert", "online"): "expert-event-online",
                   ("final", "in-person"): "final-event", ("final", "online"): "final-event"}


def example_for(event: Event) -> tuple[str | None, str | None]:
    """``(example to use, the wanted one that is missing)`` for an event."""
    from toolkit.examples import example_names

    wanted = event.example or EXAMPLE_BY_KIND.get((event.kind, event.format))
    if wanted is None:
        return None, None
    return (wanted, None) if wanted in example_names() else (None, wanted)


def create_event_folders(root: Path, programme: Programme) -> list[str]:
    """Create the workshop folder of every event that has none; notes for the user."""
    from toolkit.plan.edit import PlanEditor
    from toolkit.plan.load import PLAN_FILE
    from toolkit.programme.load import event_folder
    from toolkit.workshop import create_workshop

    notes = []
    for event in programme.events:
        folder = event_folder(root, event.id)
        if (folder / PLAN_FILE).exists():
            continue
        example, missing = example_for(event)
        if missing:
            notes.append(_("{event}: no example plan '{example}' is installed; the event starts from the starter "
                           "plan").format(event=event.id, example=missing))
        create_workshop(folder, example=example, title=event.title, language=programme.language,
                        today=event.date)
        editor = PlanEditor(folder / PLAN_FILE)
        editor.set_field("date", event.date)
        place = event.place or (_("online") if event.format == "online" else "")
        if place:
            editor.set_field("place", place)
        source = editor.save()
        if not source.ok:
            raise CimisError("\n".join(str(p) for p in source.problems if p.severity == "error"))
    return notes


def programme_template(name: str, year: int, language: str) -> str:
    """The text of a new ``programme.yaml``: four regions, a call, kickoffs, expert events
    (in person and online), a final event and a budget, with comments that explain them."""
    from toolkit.slugs import slugify

    ident = slugify(name) or "programme"
    de = language == "de"
    head = ("# Programm: Regionen, Aufruf, Veranstaltungen und Budget. Prüfen mit: cimis programme check ORDNER\n"
            "# Jede Veranstaltung ist ein Workshop-Ordner events/<id>/; neue legt 'cimis programme events' an.\n"
            if de else
            "# The programme: regions, call, events and budget. Check it with: cimis programme check FOLDER\n"
            "# Each event is a workshop folder events/<id>/; 'cimis programme events' creates new ones.\n")
    regions = [("dresden", "Dresden", "Wir gestalten Dresden e.V."),
               ("meissen", "Meißen", "Kreatives Meißen e.V."),
               ("lausitz", "Lausitz", "Kreatives Lausitz e.V."),
               ("erzgebirge", "Erzgebirge", "Kreatives Erzgebirge e.V.")]
    lines = [head, f"id: {ident}", f"name: {_quote(name)}", f"language: {language}",
             f"period: {{start: {year}-02-01, end: {year}-11-30}}", "",
             "# " + ("Die vier Regionen und ihre Verbände" if de else "The four regions and their associations"),
             "regions:"]
    for rid, rname, assoc in regions:
        lines += [f"  - id: {rid}", f"    name: {_quote(rname)}", f"    association: {_quote(assoc)}",
                  "    contacts: []   # - {name: ..., email: ...}"]
    lines += ["", f"call: {{opens: {year}-01-05, deadline: {year}-02-15}}", "",
              "# kind: kickoff | expert | final | other; format: in-person | online",
              "events:"]
    for n, (rid, rname, _assoc) in enumerate(regions):
        title = f"Auftakt {rname}" if de else f"Kickoff {rname}"
        lines += [f"  - {{id: {rid}-kickoff, title: {_quote(title)}, kind: kickoff, date: {year}-03-{10 + n}, "
                  f"region: {rid}, format: in-person}}"]
    lines += [f"  - {{id: expert-online, title: {_quote('Expertenrunde online' if de else 'Expert round online')}, "
              f"kind: expert, date: {year}-05-20, format: online}}",
              f"  - {{id: lausitz-expert, title: {_quote('Expertentag Lausitz' if de else 'Expert day Lausitz')}, "
              f"kind: expert, date: {year}-06-17, region: lausitz, format: in-person}}",
              f"  - {{id: final, title: {_quote('Abschlussveranstaltung' if de else 'Final event')}, kind: final, "
              f"date: {year}-11-12, format: in-person}}",
              "", "budget: {per_match: 5000, currency: EUR}", ""]
    return "\n".join(lines)


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def new_programme(folder: Path | str, *, name: str, year: int | None = None, language: str = "de",
                  text: str | None = None) -> tuple[Path, list[str]]:
    """Create the programme folder ``folder`` (new or empty): ``programme.yaml`` and the
    events' workshop folders; ``(folder, notes)``."""
    from toolkit.programme.load import PROGRAMME_FILE, read_programme

    target = Path(os.path.expanduser(str(folder)))
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise CimisError(_("'{folder}' already exists and is not empty; choose a new folder.").format(folder=target))
    target.parent.mkdir(parents=True, exist_ok=True)
    build = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        (build / PROGRAMME_FILE).write_text(text or programme_template(name, year or dt.date.today().year, language),
                                            encoding="utf-8")
        source = read_programme(build)
        if not source.ok:
            from toolkit.errors import ProblemsError

            raise ProblemsError([p for p in source.problems if p.severity == "error"])
        assert source.programme is not None
        notes = create_event_folders(build, source.programme)
        if target.exists():
            target.rmdir()  # empty, checked above
        os.replace(build, target)
    except BaseException:
        shutil.rmtree(build, ignore_errors=True)
        raise
    return target, notes
