"""The booksprint method in run mode: leaving its concept step creates the chapter skeleton."""

from __future__ import annotations

from toolkit.workbook.book import load_book
from workbook_util import engine, make_workshop


def test_leaving_concept_creates_todo_chapters(tmp_path):
    folder = make_workshop(tmp_path / "ws")
    with engine(folder) as e:
        e.go_to("sprint", "concept")
        e.capture({"field": "chapters", "text": "Why cross innovation\nWhat readers get out of it"})
        e.capture({"field": "chapters", "text": "The digital job sheet"})
        e.capture({"field": "readers", "text": "Small firms"})
        assert not (folder / "workbook" / "SUMMARY.md").exists()
        e.next_step()
    book = load_book(folder / "workbook")
    assert book.sources == [".."]
    assert [(c.title, c.status, c.rel) for c in book.chapters] == [
        ("Why cross innovation", "todo", "chapters/why-cross-innovation.md"),
        ("The digital job sheet", "todo", "chapters/the-digital-job-sheet.md")]
    assert "_What readers get out of it_" in book.chapters[0].body
    # leaving again (after going back and adding one) adds only the new chapter
    with engine(folder) as e:
        e.go_to("sprint", "concept")
        e.capture({"field": "chapters", "text": "Checklists"})
        e.finish()
    assert [c.title for c in load_book(folder / "workbook").chapters][-1] == "Checklists"
    assert len(load_book(folder / "workbook").chapters) == 3


def test_other_steps_do_nothing(tmp_path):
    folder = make_workshop(tmp_path / "ws")
    with engine(folder) as e:
        e.go_to("forge", "ideas")
        e.next_step()
    assert not (folder / "workbook").exists()


def test_plugin_module_is_light():
    import subprocess
    import sys

    code = ("import sys; import toolkit.default_plugins.booksprint; "
            "print(sorted(m for m in sys.modules if m.startswith(('pydantic', 'yaml', 'toolkit.workbook'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_workbook_core_never_imports_textual():
    import subprocess
    import sys

    code = ("import sys\nimport toolkit.workbook.book, toolkit.workbook.sync, toolkit.workbook.check, "
            "toolkit.workbook.status, toolkit.workbook.booksprint, toolkit.workbook.generate, toolkit.cli.workbook\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_skeleton_file_names_spell_out_german_letters(tmp_path):
    from toolkit.workbook.booksprint import create_skeleton

    created = create_skeleton(tmp_path / "wb", [("Prüfung der Übergabe", ""), ("Café & Straße", "")], "sprint")
    assert [p.name for p in created] == ["pruefung-der-uebergabe.md", "cafe-strasse.md"]
