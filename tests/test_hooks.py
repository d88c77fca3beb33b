"""One test per hook: a plugin implementing it is called and its contribution used.
(tests/test_docs.py checks that every hook has a test here.)"""

from __future__ import annotations

import json

from test_plugins import FakeEntryPoint, install


def test_hook_register_methods(cli, tmp_path, monkeypatch):
    from cards_util import write_pair

    write_pair(tmp_path / "cards", id="from-plugin")
    install(monkeypatch, FakeEntryPoint("cards", tmp_path, """
        from pathlib import Path
        from toolkit import hookimpl

        @hookimpl
        def register_methods(register):
            register(Path(__file__).parent / "cards")
    """))
    shown = cli("methods", "show", "from-plugin", "--json")
    assert json.loads(shown.stdout)["id"] == "from-plugin"


def test_hook_register_capture_kinds(tmp_path, monkeypatch):
    install(monkeypatch, FakeEntryPoint("kinds", tmp_path, """
        from toolkit import hookimpl
        from toolkit.capture import CaptureKind
        from toolkit.capture.base import KindModel

        class Opts(KindModel):
            pass

        class Rec(KindModel):
            text: str

        class Echo(CaptureKind):
            name = "echo"
            title = {"de": "Echo", "en": "Echo"}
            Options = Opts
            Record = Rec

            def result(self, records, options, context):
                return [r.data.text for r in records]

            def to_markdown(self, result, options, lang):
                return "\\n".join(result)

        @hookimpl
        def register_capture_kinds(register):
            register(Echo())
    """))
    from toolkit.capture.base import BUILTIN_KIND_NAMES
    from toolkit.registry import capture_kinds

    kinds = capture_kinds()
    assert kinds["echo"].title["en"] == "Echo"
    assert set(BUILTIN_KIND_NAMES) <= set(kinds)


def test_hook_register_exporters(tmp_path, monkeypatch):
    install(monkeypatch, FakeEntryPoint("export", tmp_path, """
        from toolkit import hookimpl

        class Plain:
            name = "plain"
            title = "Plain text"

            def build(self, book, out_dir):
                return out_dir

        @hookimpl
        def register_exporters(register):
            register(Plain())
    """))
    from toolkit.registry import exporters

    assert exporters()["plain"].title == "Plain text"


def test_hook_register_commands(cli, tmp_path, monkeypatch):
    install(monkeypatch, FakeEntryPoint("cmd", tmp_path, """
        import click
        from toolkit import hookimpl

        @hookimpl
        def register_commands(cli):
            @cli.command(name="greet", help="Greet the room.")
            @click.argument("name")
            def greet(name):
                click.echo(f"Moin {name}")
    """))
    assert cli("greet", "Dresden").output == "Moin Dresden\n"
    assert "Greet the room." in cli("--help").output


def test_hook_configure_markdown(tmp_path, monkeypatch):
    install(monkeypatch, FakeEntryPoint("md", tmp_path, """
        from toolkit import hookimpl

        def shout(md):
            md.core.ruler.push("shout", lambda state: [
                setattr(child, "content", child.content.upper())
                for token in state.tokens if token.type == "inline"
                for child in token.children or [] if child.type == "text"])

        @hookimpl
        def configure_markdown(md):
            md.use(shout)
    """))
    from toolkit.markdown import make_markdown

    assert make_markdown().render("hello <b>x</b>") == "<p>HELLO &lt;B&gt;X&lt;/B&gt;</p>\n"


def test_configure_markdown_default_is_safe():
    from toolkit.markdown import make_markdown

    html = make_markdown().render("<script>alert(1)</script>\n\n[x](javascript:alert(1))")
    assert "<script>" not in html
    assert 'href="javascript:' not in html


def test_hook_session_event(cli, tmp_path, monkeypatch):
    install(monkeypatch, FakeEntryPoint("observer", tmp_path, """
        from toolkit import hookimpl

        SEEN = []

        @hookimpl
        def session_event(event):
            SEEN.append((event.type, event.item, event.step))
            if event.type == "captured":
                raise RuntimeError("an observer that fails must not roll anything back")
    """))
    workshop = tmp_path / "w"
    assert cli("new", str(workshop), "--example", "kickoff").exit_code == 0
    import plug_observer

    from toolkit.plugins import get_host
    from toolkit.session.clock import FakeClock
    from toolkit.session.engine import Engine

    with Engine(workshop, clock=FakeClock()) as engine:
        position = engine.start()
        get_host().drain()  # observers run on their own thread
        assert [("started", position.item.id, position.step.id)] == plug_observer.SEEN
        capture_step = next((item, step) for item in engine.agenda.items for step in item.steps
                            if step.capture_kind == "notes")
        engine.go_to(capture_step[0].id, capture_step[1].id)
        get_host().drain()
        assert plug_observer.SEEN[-1] == ("step_entered", capture_step[0].id, capture_step[1].id)
        saved = engine.capture({"text": "Moin"})
        assert saved.new
    # the observer raised: it is reported and skipped, and the capture stays committed
    assert "raised in session_event" in get_host().infos["observer"].error
    with Engine(workshop, clock=FakeClock(), readonly=True) as engine:
        assert [r.data.text for r in engine.records(*[x.id for x in capture_step])] == ["Moin"]


def test_hook_register_translations(cli, tmp_path, monkeypatch):
    install(monkeypatch, FakeEntryPoint("words", tmp_path, """
        import click
        from toolkit import hookimpl, translate

        @hookimpl
        def register_translations(register):
            register("de", {"Good morning from a plugin": "Guten Morgen von einem Plugin",
                            "Next": "a plugin must not override cimis's own translation"})

        @hookimpl
        def register_commands(cli):
            @cli.command(name="greet-words")
            def greet():
                click.echo(translate("Good morning from a plugin"))
                click.echo(translate("Next"))
    """))
    assert cli("--lang", "de", "greet-words").output == "Guten Morgen von einem Plugin\nWeiter\n"
    assert cli("--lang", "en", "greet-words").output == "Good morning from a plugin\nNext\n"


def test_register_translations_contract(cli, tmp_path, monkeypatch):
    install(monkeypatch, FakeEntryPoint("badwords", tmp_path, """
        from toolkit import hookimpl

        @hookimpl
        def register_translations(register):
            register({"Next": "Weiter"})
    """))
    from toolkit.i18n import _, set_language
    from toolkit.plugins import get_host

    get_host()
    set_language("de")
    try:
        assert _("Next") == "Weiter"
        assert "register() braucht eine Sprache" in get_host().infos["badwords"].error
    finally:
        set_language("en")
