"""Participant text cannot break the Markdown structure of a workbook chapter."""

from __future__ import annotations

import html
import re

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from toolkit.capture.markdown import bullet, escape_line, escape_text, number, table, translator

MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def plain(text: str) -> str:
    return " ".join(text.split())


def test_leading_hash_is_not_a_heading():
    assert "<h1>" not in MD.render(escape_line("# not a heading"))
    assert MD.render(escape_line("# not a heading")) == "<p># not a heading</p>\n"


def test_html_and_code_are_shown_as_text():
    out = MD.render(escape_line("<script>alert(1)</script> `code` **bold** [link](x)"))
    assert "<script>" not in out and "<code>" not in out and "<strong>" not in out and "<a " not in out


def test_pipe_in_table_cell_stays_in_its_cell():
    out = MD.render(table(["A", "B"], [["x | y", "z"]]))
    assert out.count("<td>") == 2 and "x | y" in out


def test_block_starts_are_neutralised():
    for text in ["- item", "+ item", "1. first", "2) second", "> quote", "---", "===", "    code", "```", "~~~"]:
        out = MD.render(escape_line(text))
        assert out == f"<p>{html.escape(text.strip(), quote=False)}</p>\n", text


def test_multiline_text_stays_in_one_list_item():
    out = MD.render(bullet("first line\n\n# second\n- third"))
    assert out.count("<li>") == 1 and "<h1>" not in out and out.count("<br />") == 2


def test_numbers_use_the_language():
    assert number(3.5, "de") == "3,50" and number(3.5, "en") == "3.50"


def test_translator_ignores_the_active_language():
    assert translator("de")("I like") == "Mir gefällt"
    assert translator("en")("I like") == "I like"


@settings(derandomize=True, max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab #>-+=*_`[]()<>|~$&;!:.1)\\\n\t ")), max_size=30))
def test_any_text_renders_as_itself(text):
    out = MD.render(escape_text(text))
    if not plain(text):
        assert out == ""
        return
    assert re.fullmatch(r"<p>.*</p>\n", out, re.S), out
    body = out[3:-5].replace("<br />\n", " ")
    assert "<" not in body.replace("&lt;", "")
    assert plain(html.unescape(body)) == plain(" ".join(line.strip() for line in text.splitlines() if line.strip()))
