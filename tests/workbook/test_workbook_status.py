"""The sprint board and the front-matter edits: status, comments, resolving comments."""

from __future__ import annotations

import json

from toolkit.workbook.book import load_book
from toolkit.workbook.status import word_count
from workbook_util import make_book, read


def setup_book(tmp_path):
    book = make_book(tmp_path / "b", [])
    (book / "SUMMARY.md").write_text("# Summary\n\n- [One](chapters/one.md)\n- [Later]()\n", "utf-8")
    (book / "chapters" / "one.md").write_text(
        "---\n# the authors' own note\ntitle: One\nauthors: [Ute, Jan]\nreviewers: [Max]\nstatus: draft\n"
        "source: {workshop: ../ws, item: forge}\n---\n\n# One\n\nFour words are here.\n", "utf-8")
    return book


def test_status_json(tmp_path, cli):
    book = setup_book(tmp_path)
    result = cli("workbook", "status", str(book), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["title"] == "Test book"
    first, draft = data["chapters"]
    assert first == {"chapter": "chapters/one.md", "number": "1", "title": "One", "status": "draft",
                     "authors": ["Ute", "Jan"], "reviewers": ["Max"], "words": 5, "comments": 0,
                     "open_comments": 0, "draft": False}
    assert draft["draft"] and draft["status"] == "todo"
    table = cli("workbook", "status", str(book))
    assert table.exit_code == 0 and "Ute, Jan" in table.output


def test_set_status_comment_and_resolve_keep_the_front_matter(tmp_path, cli):
    book = setup_book(tmp_path)
    path = book / "chapters" / "one.md"
    assert cli("workbook", "chapter", "set-status", str(path), "review").exit_code == 0
    result = cli("workbook", "comment", str(path), "--by", "Max", "Too long: cut the intro.", "--line", "11")
    assert result.exit_code == 0 and "comment 1 added" in result.output
    assert cli("workbook", "comment", str(path), "--by", "Ute", "Add a photo").exit_code == 0
    text = read(path)
    assert "# the authors' own note" in text and "source: {workshop: ../ws, item: forge}" in text
    assert text.endswith("\n# One\n\nFour words are here.\n")
    chapter = load_book(book).chapters[0]
    assert chapter.status == "review"
    assert [(c.by, c.text, c.line, c.resolved) for c in chapter.comments] == [
        ("Max", "Too long: cut the intro.", 11, False), ("Ute", "Add a photo", None, False)]
    assert cli("workbook", "comment-resolve", str(path), "1").exit_code == 0
    chapter = load_book(book).chapters[0]
    assert [c.resolved for c in chapter.comments] == [True, False] and len(chapter.open_comments) == 1
    bad = cli("workbook", "comment-resolve", str(path), "5")
    assert bad.exit_code == 1 and "has no comment 5" in bad.output
    wrong = cli("workbook", "chapter", "set-status", str(path), "done")
    assert wrong.exit_code == 2


def test_edit_of_a_broken_chapter_names_the_line(tmp_path, cli):
    book = setup_book(tmp_path)
    path = book / "chapters" / "one.md"
    path.write_text("---\ntitle: One\nstatus: [x\n---\n", "utf-8")
    result = cli("workbook", "chapter", "set-status", str(path), "final")
    assert result.exit_code == 1 and "one.md:" in result.output and "Traceback" not in result.output
    assert read(path) == "---\ntitle: One\nstatus: [x\n---\n"


def test_chapter_without_front_matter_gets_one(tmp_path, cli):
    book = setup_book(tmp_path)
    path = book / "chapters" / "one.md"
    path.write_text("# Plain\n\nText.\n", "utf-8")
    assert cli("workbook", "chapter", "set-status", str(path), "final").exit_code == 0
    assert read(path) == "---\nstatus: final\n---\n# Plain\n\nText.\n"


def test_word_count_ignores_markup_and_markers():
    text = "<!-- cimis:begin ref=a/b/c session=s at=t hash=000000000000 -->\n## Two words\n- [x] it's done\n" \
           "<!-- cimis:end ref=a/b/c -->\n"
    assert word_count(text) == 4
