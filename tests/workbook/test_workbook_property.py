"""Property: whatever authors do to a chapter (write inside and outside generated passages,
delete markers, move blocks around) and whatever the sessions produce next, sync never
loses a line an author wrote, keeps their order, and a second sync changes nothing."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.workbook.markers import is_marker
from toolkit.workbook.sync import merge

REFS = ["w/item/a", "w/item/b", "w/item/c", "w/item/d"]
NOTE = "> conflict note"


@dataclass
class Gen:
    ref: str
    session: str
    at: str
    lines: list[str]


content = st.lists(st.sampled_from(["- one", "- two", "- three", "", "## Heading", "text"]), min_size=0, max_size=4)
generated = st.lists(st.tuples(st.sampled_from(REFS), content), min_size=0, max_size=4, unique_by=lambda t: t[0])

edit = st.one_of(
    st.tuples(st.just("write"), st.integers(0, 10_000)),
    st.tuples(st.just("delete-marker"), st.integers(0, 10_000)),
    st.tuples(st.just("delete-line"), st.integers(0, 10_000)),
    st.tuples(st.just("move"), st.integers(0, 10_000), st.integers(1, 6), st.integers(0, 10_000)),
)


def gens(spec, session="s1"):
    return [Gen(ref, session, "2026-03-14T10:00:00Z", lines) for ref, lines in spec]


def apply_edits(lines: list[str], edits) -> list[str]:
    lines = list(lines)
    written = 0
    for op, *args in edits:
        if op == "write":
            lines.insert(args[0] % (len(lines) + 1), f"AUTHOR {written}")
            written += 1
        elif op == "delete-marker":
            markers = [i for i, line in enumerate(lines) if is_marker(line)]
            if markers:
                del lines[markers[args[0] % len(markers)]]
        elif op == "delete-line":
            # authors delete generated lines, not their own (those are what we track)
            ours = [i for i, line in enumerate(lines) if not line.startswith("AUTHOR") and not is_marker(line)]
            if ours:
                del lines[ours[args[0] % len(ours)]]
        elif op == "move" and lines:
            start = args[0] % len(lines)
            block = lines[start:start + args[1]]
            del lines[start:start + args[1]]
            at = args[2] % (len(lines) + 1)
            lines[at:at] = block
    return lines


def is_subsequence(needles: list[str], haystack: list[str]) -> bool:
    it = iter(haystack)
    return all(any(n == h for h in it) for n in needles)


@settings(derandomize=True, max_examples=400, deadline=None)
@given(first=generated, edits=st.lists(edit, max_size=12), second=generated,
       prefix=st.lists(st.sampled_from(["AUTHOR title", "", "AUTHOR intro"]), max_size=3))
def test_sync_never_loses_author_lines(first, edits, second, prefix):
    body = prefix + merge([], gens(first), set(), NOTE).lines
    known = {ref for ref, _lines in first}
    edited = apply_edits(body, edits)
    result = merge(edited, gens(second, "s2"), known, NOTE)
    out = result.lines
    ours = [line for line in edited if line.startswith("AUTHOR")]
    assert is_subsequence(ours, out), (edited, out)
    # a second sync with the same results is a no-op
    again = merge(out, gens(second, "s2"), known | result.refs, NOTE)
    assert again.lines == out
    assert again.inserted == 0 and again.replaced == 0


@settings(derandomize=True, max_examples=200, deadline=None)
@given(first=generated, second=generated)
def test_unedited_passages_follow_the_results(first, second):
    body = merge([], gens(first), set(), NOTE).lines
    out = merge(body, gens(second, "s2"), {ref for ref, _l in first}, NOTE)
    from toolkit.workbook.markers import parse

    passages = parse(out.lines).passages()
    for ref, lines in second:
        if ref in passages:
            assert passages[ref].lines == lines
            assert not passages[ref].edited
    assert not out.conflicts
