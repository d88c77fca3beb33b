"""The programme screen: each region's matches and where each one stands, the same data as
``cimis programme status`` (computed by toolkit.programme, read only), in German and English;
names and questions shown literally; a broken programme file shows its problems."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from run_util import run_async, text_of
from tui_util import make_app, steady_tui  # noqa: F401

SIZE = (120, 36)


def make_programme(root: Path, language: str = "en", *, play: bool = True) -> Path:
    from toolkit.cli.demo import play_headless
    from toolkit.programme.create import new_programme

    folder, _notes = new_programme(root / "prog", name="Cross Innovation 2026", year=2026, language=language)
    if play:
        play_headless(folder / "events" / "dresden-kickoff", seed=1)
    return Path(folder)


def screen_text(screen) -> str:
    return "\n".join(text_of(w) for w in screen.query("Static"))


@pytest.fixture(scope="module")
def played(tmp_path_factory) -> Path:
    return make_programme(tmp_path_factory.mktemp("programme"))


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_screen_shows_what_programme_status_says(played, lang, cli):
    status = json.loads(cli("programme", "status", str(played), "--json").output)
    assert status  # the kickoff formed matches

    @run_async
    async def check():
        app = make_app(played, lang=lang)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            screen = app.screen
            assert screen.__class__.__name__ == "ProgrammeScreen"
            shown = screen_text(screen)
            assert "Cross Innovation 2026" in shown
            for match in status:
                assert match["id"] in shown
                for person in [match["company"], *match["members"]]:
                    assert match["names"][person] in shown
            stage = {"en": "decided", "de": "entschieden"}[lang]
            assert stage in shown
            assert ("Dresden (" in shown) and ("no matches yet" if lang == "en" else "noch keine Matches") in shown
            numbers = ("events" if lang == "en" else "Veranstaltungen")
            assert numbers in text_of(screen.query_one("#programme-total"))

    check()


@run_async
async def test_hostile_text_is_shown_literally_and_reload_reads_the_ledger(played, tmp_path):
    import shutil

    folder = tmp_path / "copy"
    shutil.copytree(played, folder)
    from toolkit.programme.load import load_programme
    from toolkit.programme.numbers import matches, read_events

    programme = load_programme(folder)
    first = matches(folder, programme, read_events(folder, programme, []))[0]
    app = make_app(folder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        (folder / "matches.yaml").write_text(
            f"{first.id}:\n  question: \"[bold]Wie[/bold] kommt \\e[31m der Zettel aufs Tablet?\"\n"
            "  budget_used: 1800\n", encoding="utf-8")
        await pilot.press("ctrl+r")
        await pilot.pause()
        shown = screen_text(app.screen)
        assert "[bold]Wie[/bold] kommt ␛[31m der Zettel" in shown
        assert "budget: 1800 of 5000" in shown


@run_async
async def test_a_broken_programme_file_shows_its_problems(tmp_path):
    folder = make_programme(tmp_path, play=False)
    text = (folder / "programme.yaml").read_text("utf-8")
    (folder / "programme.yaml").write_text(text.replace("name:", "nmae:", 1), encoding="utf-8")
    app = make_app(folder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        problems = [text_of(w) for w in app.screen.query(".problem")]
        assert problems and all("programme.yaml:" in p for p in problems)
        await pilot.press("escape")  # back to the start screen
        await pilot.pause()
        assert app.screen.__class__.__name__ == "HomeScreen"


def test_cimis_ui_opens_a_programme_folder(tmp_path, cli, monkeypatch):
    folder = make_programme(tmp_path, play=False)
    from toolkit.tui import app as tui_app

    started = {}
    monkeypatch.setattr(tui_app.CimisApp, "run", lambda self: started.setdefault("start", self.start))
    result = cli("ui", str(folder))
    assert result.exit_code == 0, result.output
    assert started["start"] == "programme"


@run_async
async def test_opening_a_programme_folder_from_the_start_screen(tmp_path):
    folder = make_programme(tmp_path, play=False)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen._opened(folder)  # what the open-folder dialog hands back
        await pilot.pause()
        assert app.screen.__class__.__name__ == "ProgrammeScreen"
        assert "no matches yet" in screen_text(app.screen)
