"""PDF through the cimis-pandoc plugin (WeasyPrint): page numbers, a running header with
the book's title, a table of contents with page numbers, code that wraps instead of being
cut off, and checklists drawn as boxes."""

from __future__ import annotations

import re

import pytest


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as exc:  # OSError: WeasyPrint installed, Pango missing
        pytest.skip(f"WeasyPrint is not usable here: {exc}")
    pytest.importorskip("cimis_pandoc", reason="the cimis-pandoc plugin is not installed")
    pypdf = pytest.importorskip("pypdf")
    from toolkit.workbook.build import build

    folder = tmp_path_factory.mktemp("pdf") / "book"
    (folder / "chapters").mkdir(parents=True)
    (folder / "book.yaml").write_text("title: Cross Create Innovate\nauthors: [Anna Berg]\nlanguage: en\n", "utf-8")
    long_code = "```\n" + " ".join(f"token{i:03d}" for i in range(60)) + "\n```\n"
    (folder / "chapters" / "a.md").write_text(
        "---\ntitle: Alpha chapter\n---\n\n" + "Text.\n\n" * 80 + long_code + "\n- [x] ticked item\n- [ ] open item\n",
        "utf-8")
    (folder / "chapters" / "b.md").write_text("---\ntitle: Beta chapter\n---\n\nMore.\n", "utf-8")
    (folder / "SUMMARY.md").write_text("# Summary\n\n- [A](chapters/a.md)\n- [B](chapters/b.md)\n", "utf-8")
    pdf = build(folder, "pdf") / "book.pdf"
    return [page.extract_text() for page in pypdf.PdfReader(str(pdf)).pages]


def test_page_numbers_and_running_header(pages):
    assert len(pages) >= 4
    for number, text in enumerate(pages[1:], 2):  # the title page has neither
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        assert str(number) in lines, (number, lines[-3:])
        assert "Cross Create Innovate" in text, number


def test_contents_with_page_numbers(pages):
    contents = next(text for text in pages if "Contents" in text)
    beta_page = next(i for i, text in enumerate(pages, 1) if "More." in text)
    assert re.search(r"Alpha chapter[ .]*\d+", contents)
    assert re.search(rf"Beta chapter[ .]*{beta_page}\b", contents)


def test_code_wraps_and_checklists_are_boxes(pages):
    text = "\n".join(pages)
    assert "token000" in text and "token059" in text  # nothing cut off at the right margin
    assert "\u2612" in text and "\u2610" in text
