"""Render the terminal UI screenshots of the user guide as SVG, in English and German.

    python scripts/guide_screenshots.py            # writes workbook/images/*.svg and workbook/de/images/*.svg
    python scripts/guide_screenshots.py --out DIR  # writes DIR/en/*.svg and DIR/de/*.svg instead

Every screen is rendered by the real app through Textual's ``run_test`` at 120x36 with a
frozen clock, no animations, UTC and a throw-away home folder, from the bundled kickoff
example in the screenshot's language, so that running the script again gives the same
pictures unless the UI changed. Commit the SVGs with the change that altered the UI.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SIZE = (120, 36)
#: 2026-03-12 13:00 UTC, the kickoff's afternoon
FROZEN = 1_773_320_400.0
SCREENS = ("home", "new", "library", "agenda", "options", "run", "projector", "workbook", "keys", "palette")


def _targets(out: Path | None) -> dict[str, Path]:
    if out is not None:
        return {"en": out / "en", "de": out / "de"}
    return {"en": REPO / "workbook" / "images", "de": REPO / "workbook" / "de" / "images"}


async def _shoot(app, path: Path, before=None) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        if before is not None:
            await before(pilot)
        _steady_cursors(app)
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        svg = app.export_screenshot(title="cimis")
    from toolkit.paths import write_atomic

    write_atomic(path, svg.encode("utf-8"))


def app_hits(app) -> int:
    """How many hits the command palette lists."""
    from textual.command import CommandList

    lists = list(app.screen.query(CommandList))
    return lists[0].option_count if lists else 0


def _steady_cursors(app) -> None:
    """No blinking text cursor: a blink caught half-way would change the picture between runs."""
    for widget in app.screen.query("Input, TextArea"):
        widget.cursor_blink = False


def _workshop(root: Path, lang: str) -> Path:
    """The kickoff example in ``lang`` with a session at the idea forge: cards on the wall,
    four and a half minutes gone."""
    from toolkit.session.clock import FakeClock
    from toolkit.session.engine import Engine
    from toolkit.workshop import create_workshop

    folder = create_workshop(root / ("kickoff" if lang == "en" else "auftakt"), example="kickoff", language=lang)
    clock = FakeClock(FROZEN)
    item = "idea-forge" if lang == "en" else "ideenschmiede"
    cards = {"en": ["Job sheet as a tablet form", "Audio guide with local voices", "QR codes on every workpiece"],
             "de": ["Laufzettel als Tablet-Formular", "Audioguide mit Stimmen aus dem Ort",
                    "QR-Codes an jedem Werkstück"]}[lang]
    with Engine(folder, clock=clock) as engine:
        engine.go_to(item, "ideas")
        for text in cards:
            engine.capture({"op": "card", "text": text}, author="lena")
    from toolkit.workbook.sync import sync

    sync(folder / "workbook")  # the chapters the workbook screen lists
    return folder


def render(lang: str, target: Path, screens: tuple[str, ...] = SCREENS) -> list[Path]:
    """Render ``screens`` in ``lang`` into ``target``; returns the files written."""
    from toolkit.i18n import set_language
    from toolkit.session.clock import FakeClock
    from toolkit.tui.app import CimisApp
    from toolkit.tui.workshops import remember

    set_language(lang)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        os.environ["HOME"] = str(root / "home")
        os.environ["CIMIS_CACHE_DIR"] = str(root / "cache")  # the recent-workshops list lives there
        (root / "home").mkdir()
        folder = _workshop(root / "home" / "workshops", lang)
        remember(folder, load_title(folder), FROZEN)

        def app(**kwargs):
            clock = FakeClock(FROZEN + 270)
            made = CimisApp(clock=clock, config={}, **kwargs)
            made.animation_level = "none"
            return made

        async def search(pilot) -> None:
            await pilot.press(*"pitch")
            await pilot.press("tab")  # leave the search field, so that no cursor blinks

        async def keys(pilot) -> None:
            await pilot.press("f1")

        async def new(pilot) -> None:
            await pilot.press("n")

        async def options(pilot) -> None:
            await pilot.press(*["down"] * 5, "e")  # the speed dating's options

        async def palette(pilot) -> None:
            await pilot.press("ctrl+p")
            await pilot.press(*("next" if lang == "en" else "farb"))
            # the palette searches in a worker: wait until its hits stop changing
            seen, steady = -1, 0
            for _attempt in range(60):
                await pilot.pause(0.05)
                hits = app_hits(pilot.app)
                steady = steady + 1 if hits == seen and hits else 0
                seen = hits
                if steady >= 4:
                    break

        plan = {
            "home": (lambda: app(), None),
            "library": (lambda: app(start="library"), search),
            "agenda": (lambda: app(folder=folder, start="agenda"), None),
            "run": (lambda: app(folder=folder, start="run"), None),
            "projector": (lambda: app(folder=folder, projector=True), None),
            "workbook": (lambda: app(folder=folder / "workbook", start="workbook"), None),
            "keys": (lambda: app(folder=folder, start="run"), keys),
            "new": (lambda: app(), new),
            "options": (lambda: app(folder=folder, start="agenda"), options),
            "palette": (lambda: app(folder=folder, start="run"), palette),
        }
        for name in screens:
            make, before = plan[name]
            path = target / f"{name}.svg"
            asyncio.run(_shoot(make(), path, before))
            written.append(path)
    return written


def load_title(folder: Path) -> str:
    from toolkit.plan import load_plan

    return load_plan(folder).title


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, help="write DIR/en and DIR/de instead of the workbook's image folders")
    parser.add_argument("--lang", choices=("en", "de"), action="append", help="only this language (repeatable)")
    parser.add_argument("--screen", choices=SCREENS, action="append", help="only this screen (repeatable)")
    args = parser.parse_args(argv)
    os.environ["TZ"] = "UTC"
    os.environ["TEXTUAL_ANIMATIONS"] = "none"
    time.tzset()
    saved = {key: os.environ.get(key) for key in ("HOME", "CIMIS_CACHE_DIR")}
    try:
        for lang, target in _targets(args.out).items():
            if args.lang and lang not in args.lang:
                continue
            for path in render(lang, target, tuple(args.screen or SCREENS)):
                print(path)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return 0


if __name__ == "__main__":
    sys.exit(main())
