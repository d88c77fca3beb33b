"""Rebuilding an earlier HTML output in place: the result is the same as a full build,
only what changed is touched, and a failed rebuild leaves the previous output as it was."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from toolkit.errors import CimisError
from toolkit.workbook.build import build


def _book(folder: Path, chapters: int = 6) -> Path:
    (folder / "chapters").mkdir(parents=True)
    (folder / "book.yaml").write_text("title: Rebuild\nauthors: [A]\nlanguage: en\n", "utf-8")
    lines = ["# Summary", ""]
    for i in range(chapters):
        (folder / "chapters" / f"c{i}.md").write_text(
            f"---\ntitle: Chapter {i}\nstatus: draft\n---\n\nText {i}, see [next](c{(i + 1) % chapters}.md).\n",
            "utf-8")
        lines.append(f"- [Chapter {i}](chapters/c{i}.md)")
    (folder / "SUMMARY.md").write_text("\n".join(lines) + "\n", "utf-8")
    return folder


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_in_place_rebuild_equals_a_full_build(tmp_path):
    book = _book(tmp_path / "book")
    out = build(book, "html")
    first_inode = os.stat(out / "chapters" / "c0.html").st_ino
    chapter = book / "chapters" / "c2.md"
    chapter.write_text(chapter.read_text("utf-8") + "\nA new line about Straße.\n", "utf-8")
    summary = book / "SUMMARY.md"
    summary.write_text(summary.read_text("utf-8").replace("- [Chapter 4](chapters/c4.md)\n", ""), "utf-8")
    build(book, "html")
    # untouched pages stay the very same files; the removed chapter's page is gone
    assert os.stat(out / "chapters" / "c0.html").st_ino == first_inode
    assert not (out / "chapters" / "c4.html").exists()
    fresh = build(book, "html", tmp_path / "fresh")
    assert _tree(out) == _tree(fresh)
    assert b"Stra\xc3\x9fe" in (out / "chapters" / "c2.html").read_bytes()
    assert not [p for p in out.rglob("*") if p.name.endswith(".cimis-tmp")]


def test_failed_in_place_rebuild_keeps_the_previous_output(tmp_path):
    book = _book(tmp_path / "book")
    out = build(book, "html")
    before = _tree(out)
    chapter = book / "chapters" / "c1.md"
    chapter.write_text(chapter.read_text("utf-8") + "\nChanged.\n", "utf-8")
    # the staged file of the changed page cannot be written: a folder is in its way
    blocker = out / "chapters" / f".c1.html.{os.getpid()}.cimis-tmp"
    blocker.mkdir()
    with pytest.raises(CimisError, match=r"cannot write .*cimis-tmp: .*; the previous output in .* is unchanged"):
        build(book, "html")
    blocker.rmdir()
    # the pages are as they were; the marker says the update did not finish (the next
    # build starts afresh)
    marker = ".cimis-build"
    assert {k: v for k, v in _tree(out).items() if k != marker} == {k: v for k, v in before.items() if k != marker}
    assert not [p for p in out.rglob("*") if p.name.endswith(".cimis-tmp")]
    build(book, "html")
    assert b"Changed." in (out / "chapters" / "c1.html").read_bytes()


def test_edited_output_file_is_written_again(tmp_path):
    book = _book(tmp_path / "book")
    out = build(book, "html")
    page = out / "chapters" / "c3.html"
    good = page.read_bytes()
    page.write_bytes(b"tampered")
    build(book, "html")
    assert page.read_bytes() == good


def test_without_a_cache_the_full_build_runs(tmp_path):
    import shutil

    from toolkit.workbook.build import cache_dir_for

    book = _book(tmp_path / "book")
    out = build(book, "html")
    folder = os.stat(out).st_ino
    shutil.rmtree(cache_dir_for(out))
    build(book, "html")
    assert os.stat(out).st_ino != folder  # a full build replaced the folder
    assert (out / "chapters" / "c0.html").is_file()
    # (a file someone added to the output stops the build instead: test_workbook_hostile.py)


def test_in_place_rebuild_never_writes_through_a_symlinked_subfolder(tmp_path):
    import shutil

    book = _book(tmp_path / "book")
    out = build(book, "html")
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(out / "chapters", elsewhere)
    before = _tree(elsewhere)
    shutil.rmtree(out / "chapters")
    os.symlink(elsewhere, out / "chapters")
    chapter = book / "chapters" / "c1.md"
    chapter.write_text(chapter.read_text("utf-8") + "\nChanged.\n", "utf-8")
    with pytest.raises(CimisError, match="symlink"):
        build(book, "html")
    assert _tree(elsewhere) == before


def test_a_book_rendered_on_several_cores_is_the_same_site(tmp_path, monkeypatch):
    """From FORK_MIN_CHARS of Markdown on, chapters are rendered in forked workers as well:
    the site is byte for byte the one rendered in this process alone, and a smaller book is
    rendered without a fork."""
    from toolkit import parallel
    from toolkit.workbook.html import FORK_MIN_CHARS

    book = _book(tmp_path / "book", chapters=24)
    filler = "Ein Absatz über Straßen, Brücken und *Werkstätten* mit [Link](c1.md#chapter-1).\n\n"
    for i in range(24):
        chapter = book / "chapters" / f"c{i}.md"
        chapter.write_text(chapter.read_text("utf-8") + filler * (FORK_MIN_CHARS // 24 // len(filler) + 1)
                           + f"\n| a | b |\n|---|--:|\n| {i} | ~~x~~ |\n\n- [x] done [^n]\n\n[^n]: note {i}\n",
                           "utf-8")
    forks: list[int] = []
    original = parallel._fork

    def counting_fork(work, share):
        forks.append(len(share))
        return original(work, share)

    monkeypatch.setattr(parallel, "_fork", counting_fork)
    monkeypatch.setattr(parallel, "workers_for", lambda items, min_items: 1 if items >= min_items else 0)
    shared = build(book, "html", tmp_path / "shared")
    assert forks, "the book is large enough to be rendered in a worker too"
    monkeypatch.setenv("CIMIS_WORKERS", "0")
    monkeypatch.setattr(parallel, "workers_for", lambda items, min_items: 0)
    alone = build(book, "html", tmp_path / "alone")
    assert _tree(shared) == _tree(alone)
    assert "<s>x</s>" in (alone / "chapters" / "c3.html").read_text("utf-8")

    forks.clear()
    monkeypatch.setattr(parallel, "workers_for", lambda items, min_items: 1 if items >= min_items else 0)
    build(_book(tmp_path / "small", chapters=12), "html", tmp_path / "small-out")
    assert forks == []
