"""What cimis writes as YAML reads back unchanged: ``yaml_quote`` escapes every character
YAML does not allow as it is (U+007F, C1 controls, U+FEFF, ...), for any text."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.yamlload import YamlError, load_yaml, yaml_quote


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=("Cs",))))
def test_any_text_round_trips(text):
    data, _node, problems = load_yaml(f"title: {yaml_quote(text)}\n", "x.md")
    assert problems == [] and data == {"title": text}


def test_json_strings_are_not_yaml_safe():
    """Why a JSON string is not a YAML writer: DEL (U+007F) is refused when read back (this
    is what ``workbook sync`` wrote for a title containing it)."""
    with pytest.raises(YamlError):
        load_yaml(f"title: {json.dumps('a' + chr(0x7F) + 'b', ensure_ascii=False)}\n", "x.md")
    assert load_yaml(f"title: {yaml_quote('a' + chr(0x7F) + 'b')}\n", "x.md")[0] == {"title": "a\x7fb"}
