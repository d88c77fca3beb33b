"""EPUB and DOCX through pandoc: they build, keep the text, and carry no scripts or
remote resources. Skipped when pandoc (pypandoc_binary) is not installed."""

from __future__ import annotations

import re
import zipfile

import pytest

pypandoc = pytest.importorskip("pypandoc")

from cimis_pandoc import plugin  # noqa: E402
from cimis_pandoc.pandoc import pandoc_input  # noqa: E402
from pandoc_helpers import make_book  # noqa: E402

from toolkit.workbook.book import load_book  # noqa: E402


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    try:
        pypandoc.get_pandoc_version()
    except OSError:
        pytest.skip("pandoc binary not found")
    return load_book(make_book(tmp_path_factory.mktemp("pandoc") / "book"))


def test_the_plugin_registers_three_formats():
    found = []
    plugin.register_exporters(found.append)
    assert [e.name for e in found] == ["epub", "docx", "pdf"]
    assert all(e.title for e in found)


def test_epub(book, tmp_path):
    exporter = plugin.PandocExporter("epub", "EPUB")
    exporter.build(book, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["book.epub"]  # the work folder is gone
    with zipfile.ZipFile(tmp_path / "book.epub") as epub:
        texts = {n: epub.read(n).decode("utf-8", "replace") for n in epub.namelist() if n.endswith((".xhtml", ".opf"))}
    everything = "\n".join(texts.values())
    assert "The job sheet travels to the building site." in everything
    assert "Cross. Create. Innovate." in everything
    assert not re.search(r"<script", everything, re.I)
    assert not re.search(r"<[a-z][^>]*\son[a-z]+\s*=", everything, re.I)  # no event handler in a tag
    assert "javascript:" not in re.sub(r">[^<]*<", "><", everything)  # only as text, never in markup
    assert "127.0.0.1" not in everything  # the remote image was left out


def test_docx(book, tmp_path):
    plugin.PandocExporter("docx", "DOCX").build(book, tmp_path)
    with zipfile.ZipFile(tmp_path / "book.docx") as docx:
        document = docx.read("word/document.xml").decode("utf-8")
    assert "A digital process instead of paper." in document
    assert "127.0.0.1" not in document


def test_pandoc_input_drops_title_page_and_remote_images():
    page = ('<main><section class="title-page"><h1>T</h1></section>\n<nav class="print-toc"><ul></ul></nav>\n'
            '<section class="print-chapter"><p><img src="https://example.org/a.png" alt="a chart"></p></section>')
    out = pandoc_input(page)
    assert "title-page" not in out and "print-toc" not in out
    assert "example.org" not in out and "a chart" in out
