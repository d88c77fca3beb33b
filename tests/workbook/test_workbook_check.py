"""``cimis workbook check``: links, anchors, images, SUMMARY.md coverage, empty and todo chapters."""

from __future__ import annotations

from toolkit.workbook.check import check_book, heading_anchors
from workbook_util import make_book


def test_anchors_are_github_style_slugs():
    assert heading_anchors("# Hello World\n\n## Über *uns*!\n\n## Hello World\n") == {
        "hello-world", "über-uns", "hello-world-1"}


def test_check_reports_file_and_line(tmp_path, cli):
    book = make_book(tmp_path / "b", [])
    (book / "SUMMARY.md").write_text("# Summary\n\n- [One](chapters/one.md)\n- [Two](chapters/two.md)\n"
                                     "- [Empty](chapters/empty.md)\n- [Todo](chapters/todo.md)\n- [Draft]()\n", "utf-8")
    (book / "chapters" / "one.md").write_text(
        "---\ntitle: One\nstatus: draft\n---\n\n# One\n\n## Goals\n\n"
        "See [goals](#goals), [nothing](#nothing) and [two](two.md#the-end),\n"
        "[bad](two.md#missing), [gone](gone.md) and ![photo](img/photo.png).\n"
        "[web](https://example.org) [mail](mailto:a@b.c)\n", "utf-8")
    (book / "chapters" / "two.md").write_text("---\ntitle: Two\nstatus: final\n---\n\n# The end\n", "utf-8")
    (book / "chapters" / "empty.md").write_text("---\ntitle: Empty\nstatus: review\n---\n\n", "utf-8")
    (book / "chapters" / "todo.md").write_text("---\ntitle: Todo\n---\n", "utf-8")
    (book / "chapters" / "stray.md").write_text("# Stray\n", "utf-8")
    problems = {f"{p.path.split('/b/')[-1]}:{p.line}: {p.severity}: {p.message}" for p in check_book(book)}
    assert "chapters/one.md:10: error: link to '#nothing': this chapter has no heading with that anchor" in problems
    assert ("chapters/one.md:11: error: link to 'two.md': that chapter has no heading with the anchor 'missing'"
            in problems)
    assert "chapters/one.md:11: error: link to 'gone.md': the file does not exist" in problems
    assert "chapters/one.md:11: error: image 'img/photo.png' does not exist" in problems
    assert "chapters/empty.md:5: error: chapter is empty" in problems
    assert "chapters/todo.md:1: warning: chapter is still todo" in problems
    assert "chapters/todo.md:4: warning: chapter is empty" in problems
    assert "chapters/stray.md:0: error: chapter is not listed in SUMMARY.md; add it there or delete it" in problems
    assert "SUMMARY.md:7: warning: 'Draft' is a draft entry without a file" in problems
    assert len(problems) == 9, problems
    result = cli("workbook", "check", str(book))
    assert result.exit_code == 1 and "one.md:10: link to '#nothing'" in result.output
    assert "todo.md:1: warning: chapter is still todo" in result.output


def test_clean_book_passes_with_warnings_only(tmp_path, cli):
    book = make_book(tmp_path / "b", [])
    (book / "SUMMARY.md").write_text("# Summary\n\n- [One](chapters/one.md)\n", "utf-8")
    (book / "chapters" / "img").mkdir()
    (book / "chapters" / "img" / "p.png").write_bytes(b"png")
    (book / "chapters" / "one.md").write_text("---\ntitle: One\n---\n\n# One\n\n![p](img/p.png)\n", "utf-8")
    result = cli("workbook", "check", str(book))
    assert result.exit_code == 0 and "warning: chapter is still todo" in result.output


def test_a_large_book_is_checked_the_same_on_all_cores(tmp_path, monkeypatch):
    """Past a hundred chapters the check shares them out in pieces taken from a queue;
    the problems found are exactly those found in one process."""
    folder = tmp_path / "big"
    (folder / "chapters").mkdir(parents=True)
    (folder / "book.yaml").write_text("title: Big\nlanguage: en\n", "utf-8")
    lines = ["# Summary", ""]
    for n in range(160):
        body = f"# C{n}\n\n## Part\n\nSee [next](c{n + 1}.md#part) and [gone](c{n}.md#nowhere).\n"
        if n % 7 == 0:
            body += "\n![missing](pic.png)\n\n| a |\n|---|\n| [x](c0.md#c0) |\n"
        (folder / "chapters" / f"c{n}.md").write_text(f"---\nstatus: draft\n---\n\n{body}", "utf-8")
        lines.append(f"- [C{n}](chapters/c{n}.md)")
    (folder / "SUMMARY.md").write_text("\n".join(lines) + "\n", "utf-8")
    shared = [str(p) for p in check_book(folder)]
    monkeypatch.setenv("CIMIS_WORKERS", "0")
    here = [str(p) for p in check_book(folder)]
    assert shared == here
    assert sum("nowhere" in p for p in here) == 160 and any("c160.md" in p for p in here)
