"""EPUB and DOCX through the cimis-pandoc plugin: the EPUB passes epubcheck without errors
and has a file per chapter, a navigation document and the book's metadata; checklists stay
checklists and table alignment survives in both formats."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

EPUBCHECK = Path("/usr/share/java/epubcheck.jar")


def _needs_pandoc():
    pypandoc = pytest.importorskip("pypandoc", reason="cimis-pandoc (pypandoc_binary) is not installed")
    pytest.importorskip("cimis_pandoc", reason="the cimis-pandoc plugin is not installed")
    try:
        pypandoc.get_pandoc_version()
    except OSError:
        pytest.skip("pandoc binary not found")


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    _needs_pandoc()
    folder = tmp_path_factory.mktemp("epub") / "book"
    (folder / "chapters").mkdir(parents=True)
    (folder / "book.yaml").write_text("title: Cross. Create. Innovate.\nauthors: [Anna Berg, Ben Roth]\nlanguage: de\n",
                                      "utf-8")
    (folder / "SUMMARY.md").write_text("# Summary\n\n[Vorwort](chapters/pre.md)\n\n- [Start](chapters/start.md)\n"
                                       "  - [Ideen](chapters/ideas.md)\n\n[Nachwort](chapters/post.md)\n", "utf-8")
    (folder / "chapters" / "pre.md").write_text("---\ntitle: Vorwort\nstatus: final\n---\n\nHallo.\n", "utf-8")
    (folder / "chapters" / "start.md").write_text(
        "---\ntitle: Start\nstatus: draft\nauthors: [Anna]\n---\n\n## Checkliste\n\n- [x] erledigt\n- [ ] offen\n\n"
        "| a | b |\n|:-|-:|\n| 1 | 2 |\n\nSiehe [Ideen](ideas.md#papier) und [Nachwort](post.md).\n", "utf-8")
    (folder / "chapters" / "ideas.md").write_text(
        "---\ntitle: Ideen\n---\n\n## Papier\n\nFuß[^1] über Straße.\n\n[^1]: Eine Notiz.\n", "utf-8")
    (folder / "chapters" / "post.md").write_text("---\ntitle: Nachwort\n---\n\nEnde.\n", "utf-8")
    return folder


@pytest.fixture(scope="module")
def epub(book):
    from toolkit.workbook.build import build

    return build(book, "epub") / "book.epub"


def test_epub_passes_epubcheck(epub):
    java = shutil.which("java")
    if java is None or not EPUBCHECK.is_file():
        pytest.skip("epubcheck or a Java runtime is not installed (apt-get install epubcheck default-jre-headless)")
    result = subprocess.run([java, "-jar", str(EPUBCHECK), str(epub)], capture_output=True, text=True, timeout=300)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "0 fatals / 0 errors" in output or "No errors or warnings detected" in output, output


def test_epub_has_a_file_per_chapter_nav_and_metadata(epub):
    with zipfile.ZipFile(epub) as archive:
        names = archive.namelist()
        texts = {n: archive.read(n).decode("utf-8") for n in names if n.endswith((".xhtml", ".opf"))}
    chapters = sorted(n for n in names if re.search(r"text/ch\d+\.xhtml$", n))
    assert len(chapters) == 4
    for name, title in zip(chapters, ("Vorwort", "Start", "Ideen", "Nachwort")):
        assert f">{title}</h1>" in texts[name]
    nav = next(text for name, text in texts.items() if name.endswith("nav.xhtml"))
    assert 'epub:type="toc"' in nav and all(t in nav for t in ("Vorwort", "Start", "Ideen", "Nachwort"))
    opf = next(text for name, text in texts.items() if name.endswith(".opf"))
    assert "<dc:language>de</dc:language>" in opf
    assert ">Anna Berg</dc:creator>" in opf and ">Ben Roth</dc:creator>" in opf
    assert re.search(r"<dc:date[^>]*>\d{4}-\d\d-\d\d", opf)
    start = texts[chapters[1]]
    assert re.search(r'<input type="checkbox" checked="" />\s*erledigt', start)
    assert re.search(r'<input type="checkbox" />\s*offen', start)
    assert 'style="text-align: right;"' in start
    # links between chapters lead to the other chapter's file
    assert re.search(r'href="ch003\.xhtml#[^"]*papier"', start) and 'href="ch004.xhtml' in start


def test_docx_keeps_checklists_and_alignment(book):
    from toolkit.workbook.build import build

    docx = build(book, "docx") / "book.docx"
    with zipfile.ZipFile(docx) as archive:
        document = archive.read("word/document.xml").decode("utf-8")
        numbering = archive.read("word/numbering.xml").decode("utf-8")
    assert "erledigt" in document and "offen" in document
    assert 'w:lvlText w:val="\u2612"' in numbering and 'w:lvlText w:val="\u2610"' in numbering
    assert '<w:jc w:val="right" />' in document
