"""Property test: whatever bytes a card file holds, parsing reports problems and never
raises."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cards_util import card_text
from toolkit.cards.parse import parse_card
from toolkit.registry import capture_kinds

BASE = card_text().encode("utf-8")
TOKENS = [b"---", b"\n", b":", b"- ", b"[", b"]", b"{", b"}", b"'", b'"', b"&a", b"*a", b"!!python/object:os.system",
          b"## ", b"```", b"\t", b"\xff", b"\x00", b"minutes: -1", b"capture:", b"kind: dots", b"options: {source: 1}",
          b"id: A B", b"2026-99-99", b"duration: 1e309", b"steps: []", b"? ", b"%YAML 1.1", b"\xef\xbb\xbf"]


@st.composite
def mutated_cards(draw):
    data = bytearray(BASE)
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["insert", "delete", "replace", "token"]))
        pos = draw(st.integers(0, len(data)))
        if op == "insert":
            data[pos:pos] = draw(st.binary(min_size=1, max_size=8))
        elif op == "delete":
            del data[pos : pos + draw(st.integers(1, 40))]
        elif op == "replace":
            data[pos : pos + 1] = draw(st.binary(min_size=1, max_size=3))
        else:
            data[pos:pos] = draw(st.sampled_from(TOKENS))
    return bytes(data)


@settings(max_examples=400, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_cards())
def test_mutated_cards_never_raise(raw):
    result = parse_card(raw, Path("fuzz.md"), capture_kinds())
    if result.card is None:
        assert result.problems, "a rejected card must say why"
    for problem in result.problems:
        assert problem.path == "fuzz.md"
        assert problem.message


@settings(max_examples=200, derandomize=True, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_never_raise(raw):
    result = parse_card(raw, Path("noise.md"), capture_kinds())
    assert result.card is not None or result.problems


SCALARS = ["yes", "No", "true", "off", "null", "~", "", "1", "-2", "0x1F", "1_000", "1.5", ".inf", "-.NaN",
           "2026-03-14",
           "2026-03-14 09:30:00", "tools", "onion", "notes", "'quoted'", '"7"', "<<", "=", "a: b", "Tag", "y", "n"]


@st.composite
def yaml_documents(draw):
    def value(depth):
        if depth > 2 or draw(st.booleans()):
            return draw(st.sampled_from(SCALARS))
        if draw(st.booleans()):
            return "[" + ", ".join(value(depth + 1) for _ in range(draw(st.integers(0, 3)))) + "]"
        return "{" + ", ".join(f"k{i}: {value(depth + 1)}" for i in range(draw(st.integers(0, 3)))) + "}"

    keys = draw(st.lists(st.sampled_from(["a", "b", "on", "yes", "1", "c"]), min_size=1, max_size=5, unique=True))
    return "\n".join(f"{key}: {value(0)}" for key in keys)


@settings(max_examples=300, derandomize=True, deadline=None)
@given(yaml_documents())
def test_fast_yaml_path_reads_what_pyyaml_reads(text):
    """The YAML loader's shortcuts (resolver and constructor) change speed, never values."""
    import yaml

    from toolkit.yamlload import load_yaml

    try:
        expected = yaml.load(text, Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        return
    # (keys like "on" and "yes" are both True in YAML 1.1: the loader also reports such twins)
    actual, _node, _problems = load_yaml(text, Path("x.md"))
    assert actual == expected
    assert [type(v) for v in actual.values()] == [type(v) for v in expected.values()]
