"""The chapter editor folds the generated-content markers: the editor shows a short line
instead of each ``<!-- cimis:... -->`` marker, and saving puts the exact markers back, so
the generated passage, its provenance and hash and every word of the author survive."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from test_tui_workbook import JOB_SHEET, make_book
from textual.widgets import TextArea

from toolkit.tui.markerfold import fold, unfold
from toolkit.workbook.markers import parse
from tui_util import SIZE, make_app, pilot

BEGIN = "<!-- cimis:begin ref=kickoff/forge/ideas session=s1 at=2026-03-12T10:00:00 hash=000000000000 -->"
END = "<!-- cimis:end ref=kickoff/forge/ideas -->"


def test_fold_and_unfold_round_trip():
    body = f"# Head\n\n{BEGIN}\n- Photograph the sheet\n{END}\nafter\n"
    folded = fold(body)
    assert "cimis:" not in folded.text and "⟦ generated · kickoff/forge/ideas ⟧" in folded.text
    assert "⟦ end of generated text · kickoff/forge/ideas ⟧" in folded.text
    assert unfold(folded.text, folded) == (body, 0)
    edited = folded.text.replace("after", "after, by the author")
    assert unfold(edited, folded) == (body.replace("after", "after, by the author"), 0)


def test_a_chapter_already_holding_a_folded_looking_line_is_shown_raw():
    body = f"⟦ generated · kickoff/forge/ideas ⟧\n{BEGIN}\nx\n{END}\n"
    folded = fold(body)
    assert folded.text == body and unfold(folded.text + "more", folded) == (body + "more", 0)


def test_a_deleted_folded_line_drops_only_its_marker():
    body = f"{BEGIN}\nkept\n{END}\n"
    folded = fold(body)
    lines = folded.text.split("\n")
    saved, dropped = unfold("\n".join(lines[1:]), folded)
    assert dropped == 1 and saved == f"kept\n{END}\n"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(st.characters(blacklist_categories=("Cs",)), max_size=30), max_size=8))
def test_any_author_text_around_the_markers_survives(author):
    text = "\n".join(author)
    body = f"{text}\n{BEGIN}\ngenerated\n{END}\n{text}"
    folded = fold(body)
    assert unfold(folded.text, folded)[0] == body


@pilot
async def test_editing_and_saving_keeps_markers_and_generated_content(tmp_path):
    folder = make_book(tmp_path / "book")
    app = make_app(folder, start="workbook")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "down", "e")
        await pilot.pause()
        screen = app.screen
        editor = screen.query_one("#editor", TextArea)
        assert "cimis:" not in editor.text and "<!--" not in editor.text
        assert "⟦ generated · kickoff/forge/ideas ⟧" in editor.text and "- Photograph the sheet" in editor.text
        assert not screen.dirty
        editor.move_cursor((0, 0))
        await pilot.press(*"Intro. ")
        editor.move_cursor(editor.document.end)
        await pilot.press(*"The author's last word.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not screen.dirty and "cimis:" not in editor.text
    saved = (folder / "chapters" / "job-sheet.md").read_text("utf-8")
    expected = JOB_SHEET.replace("# From paper", "Intro. # From paper") + "The author's last word."
    assert saved == expected
    body = saved.split("---\n", 2)[2].split("\n")
    passages = parse(body).passages().values()
    assert [(p.ref, p.session, p.hash, p.lines) for p in passages] == [
        ("kickoff/forge/ideas", "s1", "000000000000", ["- Photograph the sheet"])]
