"""Reading a workbook: SUMMARY.md structure, chapters, markers, and precise problems for
bad input (never a traceback)."""

from __future__ import annotations

import pytest

from toolkit.errors import ProblemsError
from toolkit.workbook.book import load_book
from toolkit.workbook.markers import content_hash, parse, passage_lines, strip_markers
from workbook_util import make_book

SUMMARY = """# Summary

[Preface](preface.md)

# Part one

- [First](chapters/a.md)
  - [Nested](chapters/b.md)
- [Not written yet]()

# Part two

- [Second](chapters/c%20d.md)

---

[Afterword](after.md)
"""


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")


@pytest.fixture
def structured(tmp_path):
    book = make_book(tmp_path / "b", [])
    write(book / "SUMMARY.md", SUMMARY)
    write(book / "preface.md", "Plain text without front matter.\n")
    write(book / "chapters" / "a.md", "---\ntitle: Chapter A\nauthors: [Ute]\nreviewers: [Max]\nstatus: review\n"
          "comments:\n  - {by: Max, text: Shorter?, line: 9}\n  - {by: Ute, text: ok, resolved: true}\n---\n\n# A\n")
    write(book / "chapters" / "b.md", "---\nstatus: final\n---\nB body\n")
    write(book / "chapters" / "c d.md", "---\ntitle: C\n---\nC body\n")
    write(book / "after.md", "---\ntitle: After\n---\nThe end.\n")
    return book


def test_structure_numbers_and_parts(structured):
    book = load_book(structured)
    assert book.title == "Test book" and book.language == "en" and book.summary_title == "Summary"
    rows = [(c.title, c.number, c.level, c.kind, c.part) for c in book.chapters]
    assert rows == [
        ("Preface", None, 0, "prefix", None),
        ("Chapter A", "1", 0, "numbered", "Part one"),
        ("Nested", "1.1", 1, "numbered", "Part one"),
        ("Not written yet", "2", 0, "numbered", "Part one"),
        ("C", "3", 0, "numbered", "Part two"),
        ("After", None, 0, "suffix", None),
    ]
    a = book.chapters[1]
    assert a.authors == ["Ute"] and a.reviewers == ["Max"] and a.status == "review"
    assert len(a.comments) == 2 and len(a.open_comments) == 1 and a.comments[0].line == 9
    assert a.body == "\n# A\n" and a.body_line == 10
    assert book.chapters[3].draft and book.chapters[3].path is None
    assert [p.title for p in book.parts] == ["Part one", "Part two"]
    assert [c.title for c in book.prefix] == ["Preface"] and [c.title for c in book.suffix] == ["After"]


def test_markers_round_trip_and_strip():
    lines = ["before", *passage_lines("w/i/s", "sess", "2026-01-01T00:00:00Z", ["## S", "", "- x"]), "after"]
    parsed = parse(lines)
    passage = parsed.passages()["w/i/s"]
    assert passage.lines == ["## S", "", "- x"] and passage.hash == content_hash(["## S", "", "- x"])
    assert not passage.edited and parsed.lines() == lines
    assert strip_markers("\n".join(lines)) == "before\n## S\n\n- x\nafter"
    # an unclosed passage is plain text
    assert parse(lines[:-2]).passages() == {}


@pytest.mark.parametrize("name, content, expect", [
    ("book.yaml", "title: [unclosed\nlanguage: en\n", "book.yaml:2: broken YAML"),
    ("book.yaml", "title: T\nlanguage: fr\n", "book.yaml:2: language:"),
    ("book.yaml", "title: T\nlanguage: en\nauthor: [x]\n", "book.yaml:3: author: unknown field"),
    ("book.yaml", "language: en\n", "book.yaml:1: title: required field is missing"),
    ("SUMMARY.md", "# Summary\n\n- [Gone](chapters/gone.md)\n",
     "SUMMARY.md:3: chapter file 'chapters/gone.md' does not exist"),
    ("SUMMARY.md", "# Summary\n\nsome words\n", "SUMMARY.md:3: cannot read this line"),
    ("SUMMARY.md", "# Summary\n- [Out](../x.md)\n", "SUMMARY.md:2: '../x.md' is outside the workbook folder"),
    ("chapters/x.md", "---\ntitle: X\nstatus: done\n---\n", "x.md:3: status: 'done' is not one of"),
    ("chapters/x.md", "---\ntitle: X\ncomments: [{by: A}]\n---\n", "x.md:3: comments[0].text: required field"),
    ("chapters/x.md", "---\ntitle: X\n", "x.md:1: front matter is not closed"),
    ("chapters/x.md", "---\ntitle: X\nextra: 1\n---\n", "x.md:3: extra: unknown field"),
])
def test_bad_input_names_file_and_line(tmp_path, cli, name, content, expect):
    book = make_book(tmp_path / "b", [])
    write(book / "SUMMARY.md", "# Summary\n\n- [X](chapters/x.md)\n")
    write(book / "chapters" / "x.md", "---\ntitle: X\nstatus: draft\n---\n\nText.\n")
    write(book / name, content)
    with pytest.raises(ProblemsError) as info:
        load_book(book)
    assert any(expect in str(p) for p in info.value.problems), info.value.problems
    for command in (["status"], ["check"]):
        result = cli("workbook", *command, str(book))
        assert result.exit_code == 1 and expect in result.output, result.output
        assert "Traceback" not in result.output


def test_non_utf8_chapter(tmp_path, cli):
    book = make_book(tmp_path / "b", [])
    write(book / "SUMMARY.md", "# Summary\n\n- [X](chapters/x.md)\n")
    (book / "chapters" / "x.md").write_bytes(b"---\ntitle: X\n---\n\nGr\xfc\xdfe\n")
    result = cli("workbook", "check", str(book))
    assert result.exit_code == 1 and "x.md:5: file is not UTF-8" in result.output
    result = cli("workbook", "sync", str(book))
    assert result.exit_code == 1 and "x.md:5: file is not UTF-8" in result.output


def test_missing_workbook(tmp_path, cli):
    result = cli("workbook", "status", str(tmp_path))
    assert result.exit_code == 1 and "no book.yaml here" in result.output


def test_init_refuses_a_non_empty_folder(tmp_path, cli):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("x")
    result = cli("workbook", "init", str(tmp_path / "full"))
    assert result.exit_code == 1 and "not empty" in result.output


def test_init_writes_relative_sources(tmp_path, cli, monkeypatch):
    (tmp_path / "ws").mkdir()
    monkeypatch.chdir(tmp_path)
    result = cli("workbook", "init", "books/wb", "--source", "ws", "--title", "Werkbuch", "--language", "de")
    assert result.exit_code == 0, result.output
    book = load_book(tmp_path / "books" / "wb")
    assert book.sources == ["../../ws"] and book.title == "Werkbuch" and book.language == "de"
    assert (tmp_path / "books" / "wb" / "chapters").is_dir()
