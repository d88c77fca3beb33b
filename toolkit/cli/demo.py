"""``cimis demo``: try cimis on the bundled kickoff workshop.

Provides :func:`prepare_demo` (copy the example into a fresh folder; the home screen uses it
too), :func:`play_headless` (play the whole agenda with scripted, seeded input through the
same :class:`~toolkit.session.engine.Engine` the UI uses, then build the results) and the
click command. ``cimis demo`` opens the copy in run mode; ``cimis demo --headless`` needs no
terminal at all and never imports Textual, so it works in CI and over a plain pipe.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import weakref
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from toolkit.i18n import _

if TYPE_CHECKING:  # the CLI imports the engine lazily (cimis --help stays fast)
    from toolkit.session.engine import Position

EXAMPLE = "kickoff"
DEFAULT_NAME = "cimis-demo"


def _default_target() -> Path:
    """A new folder ``cimis-demo[-N]`` in the current directory, or in the user's cache when
    the current directory cannot be written."""
    import os

    from toolkit.paths import cache_dir

    bases = [Path.cwd()] if os.access(Path.cwd(), os.W_OK) else []
    bases.append(Path(cache_dir()) / "demo")
    base = bases[0]
    for n in range(1, 1000):
        candidate = base / (DEFAULT_NAME if n == 1 else f"{DEFAULT_NAME}-{n}")
        if not candidate.exists():
            return candidate
    return base / f"{DEFAULT_NAME}-{dt.datetime.now():%Y%m%d%H%M%S}"


def prepare_demo(target: Path | str | None = None, example: str = EXAMPLE) -> Path:
    """Copy a bundled example workshop (the kickoff unless ``example`` names another) in the
    output language into ``target`` (a new or empty folder; a fresh one when ``None``) and
    return it."""
    from toolkit.workshop import create_workshop

    return create_workshop(Path(target) if target is not None else _default_target(), example=example)


# -- the scripted day --------------------------------------------------------------------

CONTENT: dict[str, dict[str, list[str]]] = {
    "expectations": {
        "de": ["Einen Partner für unser Digitalisierungsprojekt finden", "Verstehen, wie Kreative arbeiten",
               "Neue Ideen für unsere Ausstellung", "Kontakte ins Handwerk knüpfen",
               "Einen ersten Auftrag an Land ziehen", "Mut, etwas Neues auszuprobieren",
               "Wissen, wie die Förderung funktioniert", "Menschen aus der Region kennenlernen"],
        "en": ["Find a partner for our digitisation project", "Understand how creatives work",
               "New ideas for our exhibition", "Make contacts in the crafts",
               "Land a first commission", "Courage to try something new",
               "Learn how the funding works", "Meet people from the region"],
    },
    "harvest": {
        "de": ["Wie viele Unternehmen schon digital arbeiten", "Die Tischlerei hat eine eigene Instagram-Seite",
               "Das Museum sucht Sounddesign", "Fast alle haben dieselben Sorgen mit Papierformularen"],
        "en": ["How many companies already work digitally", "The joinery has its own Instagram page",
               "The museum is looking for sound design", "Almost everyone has the same trouble with paper forms"],
    },
    "questions": {
        "de": ["Wie haben Sie die Mitarbeitenden mitgenommen?", "Was hat die Umstellung gekostet?",
               "Welche App nutzen Sie heute?", "Was würden Sie anders machen?", "Wie lange hat es gedauert?",
               "Gab es Widerstand auf der Baustelle?", "Wer pflegt das System?", "Funktioniert es ohne Netz?"],
        "en": ["How did you bring the staff along?", "What did the change cost?", "Which app do you use today?",
               "What would you do differently?", "How long did it take?", "Was there resistance on site?",
               "Who maintains the system?", "Does it work offline?"],
    },
    "ideas": {
        "de": ["Laufzettel als Tablet-Formular", "Fotos von der Baustelle direkt am Auftrag",
               "Audioguide mit Stimmen aus dem Ort",
               "Digitale Sprechstunde im Rathaus", "Bürsten-Konfigurator im Netz", "QR-Codes an jedem Werkstück",
               "Podcast über Handwerk in der Region", "Augmented-Reality-Rundgang im Museum",
               "Online-Terminbuchung für Bürgerdienste", "Werkstatt-Tage für Schulklassen",
               "Spiel, das Kinder durch die Ausstellung führt", "Maße per Foto erfassen"],
        "en": ["Job sheet as a tablet form", "Site photos attached to the order", "Audio guide with local voices",
               "Digital office hours at the town hall", "Online brush configurator", "QR codes on every workpiece",
               "Podcast about crafts in the region", "Augmented-reality tour of the museum",
               "Online booking for citizen services", "Workshop days for school classes",
               "A game that guides children through the exhibition", "Measure by photo"],
    },
    "clusters": {"de": ["Digitale Abläufe", "Erlebnisse vermitteln", "Sichtbarkeit"],
                 "en": ["Digital processes", "Telling experiences", "Visibility"]},
    "feedback": {
        "de": ["Sehr klares Beispiel aus der Praxis", "Mehr über die Kosten erzählen", "Was, wenn Schulen mitmachen?",
               "Tolle Bilder", "Ich wünsche mir einen Zeitplan", "Was, wenn es als Spiel beginnt?"],
        "en": ["A very clear example from practice", "Tell us more about the costs", "What if schools took part?",
               "Great pictures", "I wish there was a timeline", "What if it started as a game?"],
    },
    "company-questions": {
        "de": ["Wer entscheidet bei Ihnen über neue Software?", "Wie viel Zeit haben Ihre Leute dafür?",
               "Gibt es schon Daten, auf die wir aufbauen können?", "Was wäre ein Erfolg nach drei Monaten?"],
        "en": ["Who decides on new software in your company?", "How much time can your people give?",
               "Is there data we can build on?", "What would success look like after three months?"],
    },
    "settle": {"de": ["Paul und das Bürstenwerk sprechen nächste Woche noch einmal"],
               "en": ["Paul and the brush factory talk again next week"]},
    "first-date": {"de": ["Termin in der Werkstatt am Dienstag, 10 Uhr", "Treffen im Museum am 20. März",
                          "Videocall am Freitag"],
                   "en": ["Meeting at the workshop on Tuesday, 10 am", "Meeting at the museum on 20 March",
                          "Video call on Friday"]},
    "walkthrough": {"de": ["Auftrag kommt per Telefon ins Büro", "Meister schreibt den Laufzettel von Hand",
                           "Zettel fährt im Transporter mit auf die Baustelle", "Maße werden im Büro abgetippt"],
                    "en": ["Order arrives by phone at the office", "The master writes the job sheet by hand",
                           "The sheet travels in the van to the site", "Measurements are typed up in the office"]},
    "canvas": {"de": ["A5-Laufzettel, etwa 40 pro Woche", "Büro → Werkstatt → Baustelle → Büro",
                      "Maße, Skizzen, Unterschrift des Kunden", "Zettel wird schmutzig oder geht verloren",
                      "Formular auf dem Tablet, Fotos direkt am Auftrag",
                      "Vier Wochen lang ein Team mit Tablet-Formular"],
               "en": ["A5 job sheet, about 40 a week", "Office → workshop → site → office",
                      "Measurements, sketches, the customer's signature", "The sheet gets dirty or lost",
                      "A tablet form, photos attached to the order", "One team uses a tablet form for four weeks"]},
    "checklist": {"de": ["Tablet ausleihen", "Formular mit zwei Gesellen entwerfen", "Testbaustelle festlegen",
                         "Nach vier Wochen Bilanz ziehen"],
                  "en": ["Borrow a tablet", "Design the form with two journeymen", "Choose a test site",
                         "Take stock after four weeks"]},
}


class ScriptClock:
    """The demo's clock: starts at the plan's date and start time and moves only when the
    script says so, so a whole day plays in a second and its times still look real."""

    def __init__(self, start: float):
        self.t = start

    def now(self) -> float:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += seconds


def _start_time(plan: Any) -> float:
    when = dt.datetime.combine(plan.date, plan.start)
    return when.timestamp()


class _Player:
    """Plays one step at a time with plausible input from :data:`CONTENT`."""

    def __init__(self, engine: Any, clock: ScriptClock, rng: random.Random, lang: str):
        self.engine, self.clock, self.rng, self.lang = engine, clock, rng, lang
        self.people = list(engine.agenda.people)
        self.captures = 0

    def text(self, pool: str) -> list[str]:
        return list(CONTENT[pool].get(self.lang) or CONTENT[pool]["en"])

    def ids(self, *roles: str) -> list[str]:
        return [p.id for p in self.people if p.role in roles]

    def capture(self, record: dict[str, Any], author: str = "") -> Any:
        from toolkit.errors import CimisError

        self.clock.advance(self.rng.uniform(5, 40))
        try:
            saved = self.engine.capture(record, author=author)
        except CimisError:
            return None  # a scripted choice that breaks a rule of the kind is skipped, as a person would
        self.captures += 1
        return saved

    def play(self, step: Any) -> None:
        """Fill ``step`` through the demo player its kind registered (``kind.demo``), as a
        plugin's kind would be played; a kind without one is left empty."""
        import importlib

        kind = self.engine.kinds.get(step.capture_kind)
        path = getattr(kind, "demo", None)
        if not path:
            return
        module, _colon, name = path.partition(":")
        player = getattr(importlib.import_module(module), name)
        _PLAYERS[self.engine] = self
        player(self.engine, step, self.clock)

    def _pool_for(self, step: Any) -> str:
        by_step = {"expectations": "expectations", "harvest": "harvest", "settle": "settle",
                   "first-date": "first-date", "walkthrough": "walkthrough", "questions": "company-questions"}
        return by_step.get(step.id, "expectations")

    def play_notes(self, step: Any) -> None:
        texts = self.text(self._pool_for(step))
        authors = self.ids("creative", "company") or [""]
        for text in texts[: self.rng.randint(max(1, len(texts) - 2), len(texts))]:
            self.capture({"text": text[: step.options.max_length]}, author=self.rng.choice(authors))

    def play_cards(self, step: Any) -> None:
        options = step.options
        if options.source:
            self._cluster(step)
            return
        pool = "questions" if step.item_id.startswith("was-ist") or "question" in step.id else "ideas"
        authors = self.ids("creative", "company")
        written: dict[str, int] = {}
        for text in self.text(pool):
            choices = [a for a in authors if options.per_person is None or written.get(a, 0) < options.per_person]
            author = self.rng.choice(choices) if choices else ""
            if self.capture({"op": "card", "text": text}, author=author) is not None:
                written[author] = written.get(author, 0) + 1
        if options.clusters and pool == "questions":
            result = self.engine.result(step.item_id, step.id)
            self.capture({"op": "group", "cards": [c.id for c in result.cards[:3]],
                          "cluster": self.text("clusters")[0]})

    def _cluster(self, step: Any) -> None:
        result = self.engine.result(step.item_id, step.id)
        names = self.text("clusters")
        cards = [c.id for c in result.cards]
        self.rng.shuffle(cards)
        # three clusters as the room would sort them, then one rename and one merge
        groups = [cards[i::len(names) + 1] for i in range(len(names) + 1)]
        for name, ids in zip([*names, names[0] + " 2"], groups):
            if ids:
                self.capture({"op": "group", "cards": ids, "cluster": name})
        self.capture({"op": "merge", "clusters": [names[0] + " 2"], "into": names[0]})
        self.capture({"op": "rename", "cluster": names[2], "to": names[2] + (" und Reichweite" if self.lang == "de"
                                                                           else " and reach")})

    def play_dots(self, step: Any) -> None:
        from toolkit.capture.kinds.dots import items_of

        items = items_of(step.options, self.engine.context(step.item_id))
        if not items:
            return
        weights = [len(items) - n for n in range(len(items))]
        for voter in self.ids("creative", "company", "jury"):
            budget = step.options.dots_per_person
            given: dict[str, int] = {}
            while budget > 0:
                item = self.rng.choices(items, weights)[0]
                if given.get(item.id, 0) >= step.options.max_per_item:
                    if all(given.get(i.id, 0) >= step.options.max_per_item for i in items):
                        break
                    continue
                if self.capture({"voter": voter, "item": item.id, "dots": 1}) is not None:
                    given[item.id] = given.get(item.id, 0) + 1
                budget -= 1

    def play_pitch(self, step: Any) -> None:
        result = self.engine.result(step.item_id, step.id)
        feedback = self.text("feedback")
        types = ["like", "wish", "whatif"]
        audience = self.ids("creative", "company", "jury")
        for n, slot in enumerate(result.order):
            for k in range(2):
                self.capture({"pitch": slot.person, "type": types[(n + k) % 3],
                              "text": feedback[(2 * n + k) % len(feedback)]},
                             author=self.rng.choice([a for a in audience if a != slot.person] or [""]))

    def play_scorecard(self, step: Any) -> None:
        result = self.engine.result(step.item_id, step.id)
        jury = self.ids(step.options.scorers)
        candidates = [row.candidate for row in result.ranking] or self.ids("creative")
        for scorer in jury:
            for candidate in candidates:
                for criterion in step.options.criteria:
                    score = self.rng.randint(step.options.scale_min + 1, step.options.scale_max)
                    self.capture({"scorer": scorer, "candidate": candidate, "criterion": criterion.id,
                                  "score": score}, author=scorer)

    def play_rotation(self, step: Any) -> None:
        result = self.engine.result(step.item_id, step.id)
        late = result.group_a[-1].id if result.group_a else None
        if late:
            self.capture({"op": "absent", "person": late})  # stuck in traffic
        for number in range(1, len(self.engine.result(step.item_id, step.id).rounds) + 1):
            self.capture({"op": "round", "number": number})
            self.clock.advance(step.options.round_minutes * 60)
            if number == 1 and late:
                self.capture({"op": "present", "person": late})

    def play_interests(self, step: Any) -> None:
        result = self.engine.result(step.item_id, step.id)
        limit = step.options.max_choices or 3
        side = {p.id: p.role for p in result.people}
        # a shared taste makes mutual interest likely, as in a real room
        taste = {p.id: self.rng.random() for p in result.people}
        for person in result.people:
            others = [p.id for p in result.people if side[p.id] != side[person.id]]
            others.sort(key=lambda o: -(taste[o] + self.rng.random() * 0.6))
            self.capture({"person": person.id, "wants": others[:limit]}, author=person.id)

    def play_matching(self, step: Any) -> None:
        result = self.engine.result(step.item_id, step.id)
        left = [p for u in result.unmatched for p in u.people]
        creatives = [p for p in left if p in self.ids("creative")]
        companies = self.ids("company")
        if creatives and companies:
            # the facilitator knows the best fit for someone the algorithm left over
            self.capture({"op": "pin", "a": creatives[0], "b": companies[-1]})

    def play_checklist(self, step: Any) -> None:
        items = self.text("checklist")
        for text in items:
            self.capture({"op": "add", "item": text})
        for text in items[:2]:
            self.capture({"op": "tick", "item": text})

    def play_canvas(self, step: Any) -> None:
        entries = self.text("canvas")
        for field, text in zip(step.options.fields, entries):
            self.capture({"field": field.id, "text": text}, author=self.rng.choice(self.ids("company", "creative")))


#: The player of each running demo, so the module-level players below share its state.
_PLAYERS: weakref.WeakKeyDictionary[Any, _Player] = weakref.WeakKeyDictionary()


def _player_for(engine: Any, clock: Any) -> _Player:
    player = _PLAYERS.get(engine)
    if player is None:
        player = _Player(engine, clock, random.Random(0), engine.agenda.language or "de")
        _PLAYERS[engine] = player
    return player


def _registered(method: str) -> Any:
    def play(engine: Any, step: Any, clock: Any) -> None:
        getattr(_player_for(engine, clock), method)(step)

    play.__name__ = play.__qualname__ = method
    play.__doc__ = f"The demo player of the built-in kind ``{method.removeprefix('play_')}``."
    return play


play_notes, play_cards, play_dots, play_pitch, play_scorecard, play_rotation, play_interests, play_matching, \
    play_checklist, play_canvas = (_registered(f"play_{kind}") for kind in (
        "notes", "cards", "dots", "pitch", "scorecard", "rotation", "interests", "matching", "checklist", "canvas"))


def play_headless(folder: Path | str, *, seed: int = 0, echo: Any = None) -> dict[str, Any]:
    """Play the whole agenda of the workshop in ``folder`` with scripted input, finish the
    session and build the results. Returns what was done and where the results are."""
    from toolkit.session.engine import Engine

    folder = Path(folder)
    echo = echo or (lambda line: None)
    rng = random.Random(seed)
    from toolkit.plan import load_plan

    clock = ScriptClock(_start_time(load_plan(folder)))
    with Engine(folder, clock=clock, author="demo") as engine:
        lang = engine.agenda.language or "de"
        player = _Player(engine, clock, rng, lang)
        position: Position | None = engine.start()
        steps = 0
        while position is not None:
            step = position.step
            steps += 1
            echo(f"{position.item.title} – {step.title}")
            if step.capture_kind:
                player.play(step)
            # the room takes roughly the planned time, sometimes a little more
            spent = step.minutes * 60 * rng.uniform(0.85, 1.1)
            elapsed = engine.timer().elapsed(clock.now())
            if spent > elapsed:
                clock.advance(spent - elapsed)
            if rng.random() < 0.15:
                engine.add_minutes(2)
            position = engine.next_step()
        engine.finish()
        outputs = _results(folder, engine)
        return {"folder": folder, "steps": steps, "captures": player.captures,
                "records": len(engine.state.all_records()), "outputs": outputs}


def _results(folder: Path, engine: Any) -> list[Path]:
    """The session's captures as JSON Lines (which ``cimis session import`` reads back), and
    the workbook: chapters synced from the session, built to Markdown and HTML."""
    from toolkit.paths import write_atomic
    from toolkit.session.exchange import export_rows, to_jsonl
    from toolkit.workbook.build import build
    from toolkit.workbook.sync import sync

    jsonl = folder / "captures.jsonl"
    write_atomic(jsonl, to_jsonl(export_rows(engine.state)).encode("utf-8"))
    book = folder / "workbook"
    sync(book)
    return [jsonl, book / "chapters", build(book, "md") / "book.md", build(book, "html") / "index.html"]


def _open_ui(folder: Path) -> None:
    """Open the folder in run mode (imports Textual; only on the interactive path)."""
    from toolkit.tui.app import CimisApp

    CimisApp(folder, start="run").run()


def _example_choice() -> click.Choice:
    from toolkit.examples import example_names

    return click.Choice(example_names())


def build() -> click.Command:
    @click.command(name="demo", short_help=_("Try cimis on a bundled example workshop."),
                   help=_("Copy the bundled kickoff workshop into a new folder (DIR, or a fresh one) and open it "
                          "in run mode. With --headless, play the whole day with scripted input instead and "
                          "print where the results are."))
    @click.argument("folder", metavar="[DIR]", required=False, type=click.Path(path_type=Path, file_okay=False))
    @click.option("--headless", is_flag=True, help=_("Play the whole agenda without a terminal UI."))
    @click.option("--seed", type=int, default=0, show_default=True, help=_("Seed of the scripted input."))
    @click.option("--example", type=_example_choice(), default=EXAMPLE, show_default=True,
                  help=_("Which bundled example to play (see 'cimis new --help')."))
    def demo(folder: Path | None, headless: bool, seed: int, example: str) -> None:
        from toolkit.errors import CimisError

        try:
            target = prepare_demo(folder, example)
        except CimisError as exc:
            raise click.ClickException(str(exc)) from None
        click.echo(_("Demo workshop: {folder}").format(folder=target))
        if not headless and not (sys.stdin.isatty() and sys.stdout.isatty()):
            # no terminal to draw the UI on (a pipe, CI): play the day instead of failing
            click.echo(_("No terminal here: playing the whole day headless (--headless)."))
            headless = True
        if not headless:
            _open_ui(target)
            return
        done = play_headless(target, seed=seed, echo=lambda line: click.echo("  " + line))
        click.echo(_("Played {steps} steps with {captures} captures; the session is finished.").format(
            steps=done["steps"], captures=done["captures"]))
        click.echo(_("Results:"))
        click.echo("  " + _("session store: {path}").format(path=target / "session.db"))
        for path in done["outputs"]:
            click.echo(f"  {path}")
        click.echo(_("Look at it with: cimis session status {folder}").format(folder=target))

    return demo
