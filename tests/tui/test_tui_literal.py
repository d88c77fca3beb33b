"""What people type is shown as typed, everywhere: text that looks like Rich or Textual
markup (``[/archive]``, ``[bold]x[/bold]``, ``[link=...]``), control characters, right-to-left
script, emoji and very long text go through every capture panel that takes text, the
status line, the projector, a reopened session, the agenda builder and notifications
without an exception and without being restyled or shortened."""

from __future__ import annotations

import asyncio

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from run_util import ENGLISH_PLAN, START, goto, host_app, text_of
from toolkit.session.clock import FakeClock
from toolkit.tui.literal import assemble, literal, visible

SIZE = (120, 36)
MARKUP = "[/archive] [bold]x[/bold] [link=https://example.org]click[/link] [$error]e[/] [@click=app.quit]q[/]"

#: The capture panels that take free text, as (item, step, what the room types).
TEXT_STEPS = [("check-in", "expectations"), ("forge", "ideas"), ("pitches", "pitches"), ("canvas", "canvas")]


def workshop(tmp_path, name: str = "Lena Hoffmann", title: str = "Welcome"):
    folder = tmp_path / "ws"
    folder.mkdir(parents=True, exist_ok=True)
    plan = yaml.safe_load(ENGLISH_PLAN)
    plan["people"][1]["name"] = name
    plan["agenda"][0]["title"] = title
    plan["agenda"][1]["options"] = {"expectations": {"max_length": 20_000}}  # the 10,000 characters fit
    (folder / "workshop.yaml").write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), "utf-8")
    return folder


def prompts(panel) -> list[str]:
    records = panel.query_one("#records")
    return [records.get_option_at_index(n).prompt.plain for n in range(records.option_count)]


def test_visible_keeps_text_and_shows_control_characters():
    assert visible("a\x1b[31mb\x00c\x7f\x9b") == "a\u241b[31mb\u2400c\u2421\ufffd"
    assert visible("line\nnext\ttab") == "line\nnext\ttab"
    assert literal(MARKUP).plain == MARKUP and not literal(MARKUP).spans
    assert assemble(("[b]", "bold"), "[/x]").plain == "[b][/x]"


async def capture_everywhere(folder, text: str) -> None:
    """Type ``text`` into every text-taking panel, then check run mode, the projector and a
    reopened session show it literally."""
    shown = visible(text.strip())
    app = host_app(folder, FakeClock(START))
    async with app.run_test(size=SIZE) as pilot:
        for item, step in TEXT_STEPS:
            await goto(pilot, item, step)
            panel = app.screen.panel
            field = panel.query_one("#capture-input")
            field.focus()
            field.value = text
            await pilot.press("enter")
            await pilot.pause()
            if not text.strip():
                continue
            assert any(shown in p for p in prompts(panel)), (item, step)
            assert "Saved" in text_of(app.screen.query_one("#run-status"))
            app.notify(text, title=text)  # a notification carrying typed text
            await pilot.pause()
        # the projector over run mode shows the canvas' entries as typed
        await pilot.press("f7")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "ProjectorScreen"
        await pilot.press("escape")
        await pilot.pause()
    assert app.return_code in (0, None)
    # reopening the session (the crash reported in the issue happened here) shows it again
    app = host_app(folder, FakeClock(START + 60))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        if text.strip():
            assert any(shown in p for p in prompts(app.screen.panel))
    assert app.return_code in (0, None)


def test_markup_like_capture_is_shown_literally_and_the_session_reopens(tmp_path):
    folder = workshop(tmp_path)
    asyncio.run(capture_everywhere(folder, MARKUP))


def test_markup_in_names_and_titles_is_shown_literally(tmp_path):
    name = "[/b]Lena [bold]H[/bold]"
    folder = workshop(tmp_path, name=name, title="[link=x]Welcome[/link] [/archive]")

    async def run() -> None:
        app = host_app(folder, FakeClock(START))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert "[link=x]Welcome[/link] [/archive]" in text_of(app.screen.query_one("#rail-text"))
            await goto(pilot, "speed-dating", "rounds")
            await pilot.pause()
            await pilot.press("f7")
            await pilot.pause()
            await pilot.press("escape")
            await goto(pilot, "speed-dating", "interests")
            await pilot.pause()
            await goto(pilot, "teams", "reveal")
            await pilot.pause()
        assert app.return_code in (0, None)

    asyncio.run(run())


def test_agenda_builder_shows_markup_titles_literally(tmp_path):
    from toolkit.tui.app import CimisApp
    from toolkit.tui.screens.agenda import AgendaScreen

    folder = workshop(tmp_path, title="[/archive] [bold]Welcome[/bold]")

    async def run() -> None:
        app = CimisApp(None, clock=FakeClock(START), config={})
        async with app.run_test(size=SIZE) as pilot:
            app.push_screen(AgendaScreen(folder))
            await pilot.pause()
            table = app.screen.query_one("#items")
            assert table.get_cell_at((0, 4)).plain == "[/archive] [bold]Welcome[/bold]"
        assert app.return_code in (0, None)

    asyncio.run(run())


# Arbitrary text: markup-like pieces, control characters, right-to-left script, emoji.
PIECES = st.sampled_from(["[/archive]", "[bold]", "[/]", "[link=x]", "[@click=app.quit]", "\\[", "\x1b[2J",
                          "\x00", "\u202e", "مرحبا", "שלום", "👩🏽‍🔧", "🎉", "\t", "\r", "ß", "　"])
TEXT = st.lists(st.one_of(st.text(max_size=20), PIECES), max_size=12).map("".join)


@settings(max_examples=3, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=TEXT)
@example(text=MARKUP)
@example(text="x" * 10_000)
@example(text="\x1b[31m[/red]\u202eمرحبا 👩🏽‍🔧")
def test_any_text_through_every_capture_panel_and_screen(tmp_path_factory, text):
    folder = workshop(tmp_path_factory.mktemp("any"))
    asyncio.run(capture_everywhere(folder, text))


@pytest.mark.parametrize("text", [MARKUP, "\x1b]0;pwned\x07"])
def test_notifications_show_text_literally(tmp_path, text):
    from toolkit.tui.app import CimisApp

    async def run() -> None:
        app = CimisApp(None, clock=FakeClock(START), config={})
        async with app.run_test(size=SIZE) as pilot:
            app.notify(text, title=text)
            await pilot.pause()
            last = list(app._notifications)[-1]
            # the toast shows message and title as plain text (Textual reads neither as markup then)
            assert (last.message, last.title, last.markup) == (visible(text), visible(text), False)
        assert app.return_code in (0, None)

    asyncio.run(run())


def test_edit_record_uses_the_kinds_form(tmp_path):
    """``e`` on a record opens its kind's form (one input per field, filled in), not JSON."""
    from textual.widgets import Input, Select

    from run_util import store_records
    from toolkit.tui.screens.run import EditRecordScreen

    folder = workshop(tmp_path)

    async def run() -> None:
        app = host_app(folder, FakeClock(START))
        async with app.run_test(size=SIZE) as pilot:
            await goto(pilot, "pitches", "pitches")
            field = app.screen.panel.query_one("#capture-input")
            field.focus()
            field.value = "[b]good[/b] pitch"
            await pilot.press("enter")
            await pilot.pause()
            app.screen.panel.query_one("#records").focus()
            await pilot.press("f4")
            await pilot.pause()
            assert isinstance(app.screen, EditRecordScreen)
            assert app.screen.query_one("#field-type", Select).value == "like"
            text = app.screen.query_one("#field-text", Input)
            assert text.value == "[b]good[/b] pitch"
            text.focus()
            text.value = "[/i]better"
            await pilot.press("enter")
            await pilot.pause()
            assert not isinstance(app.screen, EditRecordScreen)
        assert [r["text"] for r in store_records(folder, "pitches", "pitches")] == ["[/i]better"]

    asyncio.run(run())


def test_a_single_letter_binding_never_hijacks_typing(tmp_path):
    """The README's own example maps run.next to "n": typing "n" into a note stays a letter,
    while outside a text field the same key moves on."""
    folder = workshop(tmp_path)

    async def run() -> None:
        from toolkit.session.engine import Engine
        from toolkit.tui.app import CimisApp
        from toolkit.tui.screens.run import RunScreen

        app = CimisApp(None, clock=FakeClock(START), config={"keys": {"run.next": "n,pagedown"}})
        async with app.run_test(size=SIZE) as pilot:
            engine = Engine(folder, clock=app.clock)
            app.push_screen(RunScreen(engine, poll=False))
            await pilot.pause()
            await goto(pilot, "check-in", "expectations")
            app.screen.panel.query_one("#capture-input").focus()
            await pilot.press(*"nanny", "enter")
            await pilot.pause()
            assert engine.state.position == ("check-in", "expectations")
            assert [r.data["text"] for r in engine.state.step_records("check-in", "expectations")] == ["nanny"]
            app.screen.panel.query_one("#records").focus()
            await pilot.press("n")
            await pilot.pause()
            assert engine.state.position != ("check-in", "expectations")
            await pilot.press("tab")  # Tab moves the focus in run mode too
            await pilot.pause()
            engine.close()

    asyncio.run(run())


@pytest.mark.parametrize("lang, label", [("en", "Your question"), ("de", "Ihre Frage")])
def test_generic_form_uses_the_kinds_labels(lang, label):
    """A kind without a widget of its own gets the generic form, labelled with the kind's
    localisable labels."""
    from textual.widgets import Label

    from toolkit import registry
    from toolkit.i18n import set_language
    from toolkit.tui.widgets.capture.generic import field_widgets, kind_labels, record_shapes

    kind = registry.capture_kinds()["questions"]
    set_language(lang)
    try:
        widgets = field_widgets(record_shapes(kind.Record)[0], labels=kind_labels(kind))
    finally:
        set_language("en")
    labels = [w for w in widgets if isinstance(w, Label)]
    assert str(labels[0].content) == label
