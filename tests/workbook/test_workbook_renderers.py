"""The per-chapter renderers (:class:`toolkit.workbook.render.Renderers`) leave out rules a
chapter's text cannot trigger; the HTML must be exactly the full renderer's, for every
CommonMark spec example, for the extensions' own cases and for generated text made of the
characters those rules look for."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.workbook.render import Renderers, make_renderer

SPEC = Path(__file__).parent / "data" / "commonmark-spec-0.31.2.json"

EXTENSION_CASES = [
    "| a | b |\n|:--|--:|\n| 1 | 2 |\n",
    "a | b\n--|--\n1 | 2\n",
    "| one |\n| --- |\n| cell |\n",
    "not a table\n---|---\n",
    "~~gone~~ and ~one~ and ~~~three~~~\n",
    "Text[^1] and inline^[a note].\n\n[^1]: The note.\n    more of it\n",
    "[^unused]: defined only\n",
    "- [ ] open\n- [x] done\n- [X] done too\n- [y] not a task\n",
    "1. [ ] numbered task\n\n   > - [x] nested in a quote\n",
    "- [ ]\n- [x]no space\n",
    "`| in code |` and `~~code~~` and `[^1]`\n",
    "<div>raw html stays text</div>\n\n<span>inline</span>\n",
    "# Heading with | pipe ~~and~~ [^x]\n\n## Heading\n\n## Heading\n",
    "```\n| a | b |\n|---|---|\n```\n\n    [^1]: in code\n",
    "> | a |\n> |---|\n> | 1 |\n\n- | b |\n  |---|\n",
    "[x]: https://example.org\n\n[x] [ ] [^x]\n",
]


def _both(text: str) -> tuple[str, str]:
    full = make_renderer()
    reduced = Renderers().for_text(text)
    return reduced.render(text), full.render(text)


@pytest.mark.parametrize("case", range(len(EXTENSION_CASES)))
def test_extension_cases_render_as_with_every_rule(case):
    reduced, full = _both(EXTENSION_CASES[case])
    assert reduced == full


def test_every_spec_example_renders_as_with_every_rule():
    examples = json.loads(SPEC.read_text("utf-8"))
    renderers, full = Renderers(), make_renderer()
    differ = [e["example"] for e in examples
              if renderers.for_text(e["markdown"]).render(e["markdown"]) != full.render(e["markdown"])]
    assert differ == []
    # and the reductions were really used: most examples need none of the optional rules
    assert len(renderers._made) > 1


def test_rules_are_left_out_only_where_they_cannot_match():
    renderers = Renderers()
    plain = renderers.for_text("Just text with *emphasis* and [a link](x.md).\n")
    active = set(plain.block.ruler.get_active_rules()) | set(plain.inline.ruler.get_active_rules()) \
        | set(plain.core.ruler.get_active_rules())
    assert not active & {"table", "strikethrough", "footnote_def", "footnote_ref", "github-tasklists",
                         "html_block", "html_inline"}
    rich = renderers.for_text("| a |\n|---|\n\n~~s~~ [^1] - [x] t\n")
    active = set(rich.block.ruler.get_active_rules()) | set(rich.inline.ruler.get_active_rules()) \
        | set(rich.core.ruler.get_active_rules())
    assert {"table", "strikethrough", "footnote_def", "footnote_ref", "github-tasklists"} <= active
    assert renderers.for_text("plain") is plain  # made once per combination


MARKUP = st.text(alphabet=list("ab |-:~[]^xX*_`>#\n\t1.!()"), max_size=80)


@settings(max_examples=400, deadline=None)
@given(MARKUP)
def test_generated_text_renders_as_with_every_rule(text):
    reduced, full = _both(text)
    assert reduced == full


class OwnTablePlugin:
    """A plugin that puts its own rule in the place of the built-in ``table``: a line of
    ``+++`` becomes a rule of its own (text without ``|`` can trigger it)."""

    @staticmethod
    def configure_markdown(md):
        def plus_rule(state, start, end, silent):
            line = state.src[state.bMarks[start] + state.tShift[start]:state.eMarks[start]]
            if line.strip() != "+++":
                return False
            if not silent:
                token = state.push("hr", "hr", 0)
                token.map = [start, start + 1]
                token.markup = "+++"
            state.line = start + 1
            return True

        md.block.ruler.at("table", plus_rule)


def test_a_plugins_rule_in_a_built_in_place_is_kept():
    from toolkit import hookimpl
    from toolkit.plugins import get_host

    plugin = OwnTablePlugin()
    plugin.configure_markdown = hookimpl(OwnTablePlugin.configure_markdown)
    host = get_host()
    host.pm.register(plugin, name="own-table")
    try:
        text = "Before\n\n+++\n\nAfter\n"
        reduced, full = _both(text)
        assert "<hr" in full and reduced == full
    finally:
        host.pm.unregister(plugin)
