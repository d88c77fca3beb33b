"""Run mode and the projector, driven through Textual's Pilot with a fake clock: what is
shown as saved is in the store, the timer follows the injected clock, a reopened session
resumes where it stood, a broken plugin widget is contained, and a whole workshop runs
through the UI."""

from __future__ import annotations

import pytest
from textual.widgets import Digits, Input, OptionList, Select

from run_util import START, english_workshop, goto, host_app, kickoff_workshop, run_async, store_records, text_of
from toolkit.session.clock import FakeClock
from toolkit.session.engine import Engine

SIZE = (120, 36)


@pytest.fixture
def folder(tmp_path):
    return english_workshop(tmp_path)


def status(app) -> str:
    return text_of(app.screen.query_one("#run-status"))


async def press_button(pilot, panel, selector: str) -> None:
    """Focus a button and press Enter, as a facilitator at the keyboard does."""
    button = panel.query_one(selector)
    button.active_effect_duration = 0  # Textual ignores a second press within 0.2 s of real time
    button.focus()
    await pilot.press("enter")
    await pilot.pause()


async def submit(pilot, text: str) -> None:
    """Put ``text`` into the focused input and press Enter (typing every key of a long
    workshop would only make the test slow; the key path is tested above)."""
    pilot.app.focused.value = text
    await pilot.press("enter")


def digits(app, selector: str = "#run-timer") -> str:
    return app.screen.query_one(selector).query_one(Digits).value


@run_async
async def test_a_note_is_committed_before_it_shows_as_saved(folder):
    clock = FakeClock(START)
    app = host_app(folder, clock)
    async with app.run_test(size=SIZE) as pilot:
        assert "Not started" in status(app)
        await goto(pilot, "check-in", "expectations")
        await pilot.press(*"Meet a joinery", "enter")
        # read back through a second connection right after the keypress
        assert store_records(folder, "check-in", "expectations") == [{"text": "Meet a joinery"}]
        await pilot.pause()
        assert "Saved" in status(app) and "committed" in status(app)
        assert app.screen.query_one("#capture-input", Input).value == ""


@run_async
async def test_a_refused_capture_says_so_and_saves_nothing(folder):
    app = host_app(folder, FakeClock(START))
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "check-in", "expectations")
        app.screen.query_one("#capture-input", Input).value = "x" * 301  # the step allows 300 characters
        await pilot.press("enter")
        await pilot.pause()
        assert "Not saved" in status(app)
        assert store_records(folder, "check-in", "expectations") == []


@run_async
async def test_timer_counts_pauses_extends_and_rings_once(folder):
    clock = FakeClock(START)
    app = host_app(folder, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("pagedown")  # start: "welcome", 5 minutes
        await pilot.pause()
        assert digits(app) == "05:00"
        clock.advance(61)
        app.screen.tick()
        assert digits(app) == "03:59"
        await pilot.press("f5")  # pause
        await pilot.pause()
        clock.advance(600)
        app.screen.tick()
        await pilot.pause()
        assert digits(app) == "03:59" and app.screen.query_one("#run-timer").has_class("-paused")
        await pilot.press("f5", "f6")  # resume, one more minute
        await pilot.pause()
        assert digits(app) == "04:59"
        clock.advance(4 * 60)
        app.screen.tick()
        assert app.screen.query_one("#run-timer").has_class("-warning")
        assert app.bells == 0
        clock.advance(70)
        app.screen.tick()
        app.screen.tick()
        await pilot.pause()
        assert digits(app) == "+00:11"
        assert app.screen.query_one("#run-timer").has_class("-overrun")
        assert app.bells == 1


@run_async
async def test_reopening_resumes_step_records_and_timer(folder):
    clock = FakeClock(START)
    app = host_app(folder, clock)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "check-in", "expectations")
        await pilot.press(*"First", "enter")
        await pilot.pause()
        clock.advance(100)
    clock.advance(3600)  # the laptop was closed for an hour: the step's timer kept running
    again = host_app(folder, clock)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert text_of(again.screen.query_one("#step-title")) == "Collect expectations"
        records = again.screen.panel.record_list
        assert records.option_count == 1
        assert digits(again).startswith("+")  # 8 minutes planned, 61 min 40 s passed
        assert digits(again) == "+53:40"


@run_async
async def test_edit_remove_and_undo(folder):
    app = host_app(folder, FakeClock(START))
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "check-in", "expectations")
        await pilot.press(*"Frist note", "enter", *"Second", "enter")
        await pilot.pause()
        panel = app.screen.panel
        panel.record_list.highlighted = 0
        await pilot.press("f4")
        await pilot.pause()
        editor = app.screen.query_one("#field-text", Input)  # the kind's form, not JSON
        editor.value = "First note"
        await pilot.press("enter")
        await pilot.pause()
        assert store_records(folder, "check-in", "expectations") == [{"text": "First note"}, {"text": "Second"}]
        panel.record_list.highlighted = 1
        await pilot.press("f8")
        await pilot.pause()
        assert store_records(folder, "check-in", "expectations") == [{"text": "First note"}]
        assert "removed" in status(app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert store_records(folder, "check-in", "expectations") == [{"text": "First note"}, {"text": "Second"}]
        assert panel.record_list.option_count == 2


@run_async
async def test_broken_plugin_widget_is_contained_and_loses_nothing(folder, monkeypatch):
    app = host_app(folder, FakeClock(START))
    kind = app.session.kinds["notes"]
    monkeypatch.setattr(kind, "widget", "run_util:BrokenAfterCommit", raising=False)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "check-in", "expectations")
        await pilot.press(*"Saved before the bug", "enter")
        await pilot.pause()
        await pilot.pause()
        error = app.screen.query_one("#capture-error")
        assert "widget bug after saving" in text_of(error)
        assert store_records(folder, "check-in", "expectations") == [{"text": "Saved before the bug"}]
        # the generic form takes over: capturing goes on
        field = app.screen.query_one("#field-text", Input)
        field.focus()
        await pilot.press(*"After the bug", "enter")
        await pilot.pause()
        assert store_records(folder, "check-in", "expectations")[-1] == {"text": "After the bug"}
        assert app.is_running


@pytest.mark.parametrize("path", ["run_util:BrokenCompose", "no_such_module_xyz:Panel", "run_util:START"])
@run_async
async def test_widget_failing_on_import_or_compose_shows_an_error(folder, monkeypatch, path):
    app = host_app(folder, FakeClock(START))
    monkeypatch.setattr(app.session.kinds["notes"], "widget", path, raising=False)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "check-in", "expectations")
        await pilot.pause()
        assert "failed" in text_of(app.screen.query_one("#capture-error"))
        assert app.screen.query("#field-text")
        assert app.is_running


@run_async
async def test_projector_follows_another_process(folder):
    clock = FakeClock(START)
    app = host_app(folder, clock, projector=True)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert text_of(screen.query_one("#proj-step")) == "Welcome!"
        with Engine(folder, clock=clock) as facilitator:
            facilitator.go_to("forge", "ideas")
            facilitator.capture({"op": "card", "text": "Job sheet on a tablet"})
            screen.poll_store()
            await pilot.pause()
            assert text_of(screen.query_one("#proj-step")) == "Forge ideas"
            assert "Job sheet on a tablet" in text_of(screen.query_one("#proj-rich"))
            clock.advance(90)
            screen.poll_store()
            assert digits(app, "#proj-timer") == "18:30"
            facilitator.go_to("speed-dating", "rounds")
            facilitator.capture({"op": "round", "number": 1})
            screen.poll_store()
            await pilot.pause()
            shown = text_of(screen.query_one("#proj-rich"))
            assert "Round 1 of" in shown and "Table 1" in shown


@run_async
async def test_projector_toggles_over_run_mode(folder):
    app = host_app(folder, FakeClock(START))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("pagedown", "f7")
        await pilot.pause()
        assert type(app.screen).__name__ == "ProjectorScreen"
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "RunScreen"


@run_async
async def test_german_run_mode_speaks_german(tmp_path):
    from toolkit.i18n import set_language

    set_language("de")
    folder = kickoff_workshop(tmp_path)
    app = host_app(folder, FakeClock(START))
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "ankommen", "expectations")
        await pilot.press(*"Kontakte knüpfen", "enter")
        await pilot.pause()
        assert "Gespeichert" in status(app)
        assert text_of(app.screen.query_one("#step-title")) == "Erwartungen sammeln"


@run_async
async def test_a_whole_workshop_through_the_ui(folder):
    clock = FakeClock(START)
    app = host_app(folder, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await goto(pilot, "check-in", "expectations")
        for note in ("Find a partner", "Learn about games"):
            await submit(pilot, note)
        clock.advance(8 * 60)
        screen.tick()

        # speed dating: Jonas is late but arrives in time, then three rounds
        await goto(pilot, "speed-dating", "rounds")
        panel = screen.panel
        panel.query_one("#person", Select).value = "jonas"
        await press_button(pilot, panel, "#toggle-absent")
        await pilot.pause()
        assert "Absent: Jonas Richter" in text_of(panel.query_one("#result"))
        await press_button(pilot, panel, "#toggle-absent")
        for _ in range(3):
            await pilot.pause()
            await press_button(pilot, panel, "#next-round")
            clock.advance(5 * 60)
            screen.tick()
        await pilot.pause()
        rounds = [r for r in store_records(folder, "speed-dating", "rounds") if r["op"] == "round"]
        assert [r["number"] for r in rounds] == [1, 2, 3]
        assert "Round 3 of" in text_of(panel.query_one("#result"))

        # interests: everyone marks the other side
        await goto(pilot, "speed-dating", "interests")
        marks = {"lena": ["kretschmar"], "mira": ["museum"], "jonas": ["kretschmar", "museum"],
                 "kretschmar": ["lena", "jonas"], "museum": ["mira"]}
        panel = screen.panel
        for person, wants in marks.items():
            panel.query_one("#person", Select).value = person
            await pilot.pause()
            listing = panel.query_one("#wants")
            for want in wants:
                listing.select(want)
            await press_button(pilot, panel, "#save-marks")
            await pilot.pause()
        assert len(store_records(folder, "speed-dating", "interests")) == 5

        # matching: the teams show without any input
        await goto(pilot, "teams", "reveal")
        shown = text_of(screen.panel.query_one("#result"))
        assert "Frank Kretschmar" in shown and "Lena Hoffmann" in shown and "Mira Schubert" in shown

        # idea forge: cards, clusters, dots
        await goto(pilot, "forge", "ideas")
        for idea in ("Tablet job sheet", "Audio guide", "Site photos"):
            await submit(pilot, idea)
        await goto(pilot, "forge", "cluster")
        cards = screen.panel.record_list
        cards.focus()
        cards.highlighted = 0
        await pilot.press("space")
        cards.highlighted = 2
        await pilot.press("space")
        screen.query_one("#capture-input", Input).focus()
        await pilot.pause()
        await submit(pilot, "/group Digital processes")
        cards.highlighted = 1
        await submit(pilot, "/group Stories")
        await pilot.pause()
        assert "Digital processes  (2)" in text_of(screen.panel.query_one("#result"))
        await goto(pilot, "forge", "vote")
        items = screen.panel.query_one("#dot-items", OptionList)
        voter = screen.panel.query_one("#voter", Select)
        for who, picks in (("lena", [0, 1]), ("mira", [0])):
            voter.value = who
            await pilot.pause()
            for index in picks:
                items.focus()
                items.highlighted = index
                await pilot.press("enter")
                await pilot.pause()
        ranking = text_of(screen.panel.query_one("#result"))
        assert ranking.index("Digital processes") < ranking.index("Stories")

        # pitches with feedback, then the jury's scores
        await goto(pilot, "pitches", "pitches")
        await submit(pilot, "Clear story")
        await goto(pilot, "jury", "score")
        panel = screen.panel
        panel.query_one("#scorer", Select).value = "jury-1"
        panel.query_one("#score-grid").focus()
        await pilot.press("4", "enter", "right", "right", "5", "enter")  # novelty, then impact
        await pilot.pause()
        assert len(store_records(folder, "jury", "score")) == 2

        # canvas and checklist
        await goto(pilot, "canvas", "canvas")
        await submit(pilot, "A5 job sheet")
        await goto(pilot, "canvas", "next-step")
        await submit(pilot, "Borrow a tablet")
        items = screen.panel.query_one("#items", OptionList)
        items.focus()
        items.highlighted = 0
        await pilot.press("enter")
        await pilot.pause()
        assert "1 of 1 done" in text_of(screen.panel.query_one("#result"))

        # past the last step: confirm finishing
        # PageDown walks to the last step; one more press there asks to finish
        last = screen.engine.agenda.items[-1]
        for _press in range(20):
            await pilot.press("pagedown")
            await pilot.pause()
            if type(app.screen).__name__ == "ConfirmScreen":
                break
        else:
            raise AssertionError("PageDown never asked to finish the session")
        assert screen.engine.state.position == (last.id, last.steps[-1].id)
        await pilot.press("y")
        await pilot.pause()
        assert "Session finished" in status(app)

    with Engine(folder, readonly=True) as engine:
        assert engine.state.finished
        assert engine.result("speed-dating", "rounds").current_round == 3
        assert engine.result("speed-dating", "interests").mutual
        teams = engine.result("teams", "reveal").teams
        assert {t.company for t in teams} == {"kretschmar", "museum"}
        vote = engine.result("forge", "vote")
        assert vote.ranking[0].label == "Digital processes" and vote.dots == 3
        assert engine.result("pitches", "pitches").feedback
        assert engine.result("jury", "score").ranking[0].total is not None
        assert engine.result("canvas", "next-step").done == 1
        timer = engine.timer("check-in", "expectations")
        assert timer.elapsed(clock.now()) == pytest.approx(8 * 60)
