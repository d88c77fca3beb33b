"""The example plugin registers its hooks, its cards are valid, its capture kind works."""

import cimis_example.plugin as plugin
from cimis_example.quotes import Quotes
from click.testing import CliRunner

from toolkit import CaptureContext, Captured, PluginHost, capture_kinds, load_methods


def collect(hook):
    items = []
    getattr(plugin, hook)(items.append)
    return items


def test_cards_are_valid():
    # the cards may use the built-in kinds (notes, cards, dots, ...) as well as this plugin's
    kinds = {**capture_kinds(), **{kind.name: kind for kind in collect("register_capture_kinds")}}
    lib = load_methods([("example", path) for path in collect("register_methods")], kinds)
    assert lib.problems == []
    assert {lang for (_id, lang) in lib.cards} == {"de", "en"}


def test_quotes_result_and_markdown():
    kind = Quotes()
    records = [Captured(id=1, data=kind.Record(**kind.example))]
    result = kind.result(records, kind.Options(), CaptureContext())
    assert "> Paper travels, data should too." in kind.to_markdown(result, kind.Options(), "en")


def test_plugin_loads_through_the_host():
    class EntryPoint:
        name = dist = "example"
        version = "0.1.0"

        def load(self):
            return plugin

    host = PluginHost(environ={}, config={}, entry_points=[EntryPoint()]).load()
    info = host.infos["example"]
    assert info.error is None
    assert "register_methods" in info.hooks


def test_command():
    import click

    cli = click.Group()
    plugin.register_commands(cli=cli)
    result = CliRunner().invoke(cli, ["example-hello", "team"])
    assert result.output == "Hello, team!\n"
