"""Safe by construction: nothing outside the workbook folder is published, read without
bound or embedded; only referenced images of known types are copied (SVG sanitised); no
``javascript:`` link from a file name; every page's chapter HTML passes the allow-list
sanitiser even when a plugin's rule emits raw HTML; CSV cells never start a formula."""

from __future__ import annotations

import csv
import io
import os
import zipfile
from pathlib import Path

import pytest

from toolkit.errors import CimisError, ProblemsError


def make_book(folder: Path, chapters: dict[str, str], summary: list[str] | None = None) -> Path:
    (folder / "chapters").mkdir(parents=True, exist_ok=True)
    (folder / "book.yaml").write_text("title: Safe book\nauthors: [Anna]\nlanguage: en\n", "utf-8")
    for rel, text in chapters.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    lines = summary or [f"- [{Path(rel).stem}]({rel})" for rel in chapters]
    (folder / "SUMMARY.md").write_text("# Summary\n\n" + "\n".join(lines) + "\n", "utf-8")
    return folder


def build(folder: Path, fmt: str = "html", out: Path | None = None) -> Path:
    from toolkit.workbook.build import build as run

    return run(folder, fmt, out)


PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082")


# --- files from outside the book ------------------------------------------------------

def test_image_outside_the_book_is_not_published(tmp_path):
    secret = tmp_path / "secret.png"
    secret.write_bytes(PNG)
    book = make_book(tmp_path / "book", {"chapters/a.md": (
        "# A\n\n![passwd](/etc/passwd) ![up](../../secret.png) ![abs](" + str(secret) + ")\n")})
    out = build(book)
    html = (out / "chapters" / "a.html").read_text("utf-8")
    assert "<img" not in html and "passwd" in html  # alternative text instead
    assert not (out / "secret.png").exists() and not list(out.rglob("secret.png"))


def test_pandoc_exports_embed_only_files_inside_the_book(tmp_path):
    pypandoc = pytest.importorskip("pypandoc", reason="cimis-pandoc (pypandoc_binary) is not installed")
    pytest.importorskip("cimis_pandoc")
    try:
        pypandoc.get_pandoc_version()
    except OSError:
        pytest.skip("pandoc binary not found")
    outside = tmp_path / "outside.png"
    outside.write_bytes(PNG + b"OUTSIDE-MARKER")
    (tmp_path / "book" / "img").mkdir(parents=True)
    (tmp_path / "book" / "img" / "ok.png").write_bytes(PNG)
    os.symlink(outside, tmp_path / "book" / "img" / "link.png")
    book = make_book(tmp_path / "book", {"chapters/a.md": (
        "# A\n\n![p](/etc/passwd)\n\n![o](" + str(outside) + ")\n\n![l](../img/link.png)\n\n![ok](../img/ok.png)\n")})
    for fmt, name in (("epub", "book.epub"), ("docx", "book.docx")):
        out = build(book, fmt)
        with zipfile.ZipFile(out / name) as archive:
            blobs = [archive.read(n) for n in archive.namelist()]
        assert not any(b"root:x:0:0" in blob for blob in blobs), fmt
        assert not any(b"OUTSIDE-MARKER" in blob for blob in blobs), fmt
        assert any(blob == PNG for blob in blobs), f"{fmt}: the image inside the book is embedded"


def test_confined_images_guard_of_the_converter(tmp_path):
    pytest.importorskip("cimis_pandoc")
    from cimis_pandoc.site import confined_images

    (tmp_path / "in.png").write_bytes(PNG)
    html = ('<img src="/etc/passwd" alt="a"><img src="../x.png" alt="b"><img src="file:///etc/passwd" alt="c">'
            '<img src="in.png" alt="d">')
    assert confined_images(html, tmp_path) == 'abc<img src="in.png" alt="d">'


def test_symlinked_chapter_leading_outside_is_refused(tmp_path):
    outside = tmp_path / "private.md"
    outside.write_text("# Private\n\nsalary list\n", "utf-8")
    book = make_book(tmp_path / "book", {"chapters/a.md": "# A\n"},
                     ["- [A](chapters/a.md)", "- [P](chapters/p.md)"])
    os.symlink(outside, book / "chapters" / "p.md")
    with pytest.raises(ProblemsError) as err:
        build(book)
    message = str(err.value)
    assert "SUMMARY.md:4" in message and "symlink that leads outside the workbook folder" in message


def test_symlinked_chapter_folder_leading_outside_is_refused(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "p.md").write_text("# P\n", "utf-8")
    book = make_book(tmp_path / "book", {"chapters/a.md": "# A\n"}, ["- [A](chapters/a.md)", "- [P](more/p.md)"])
    os.symlink(elsewhere, book / "more")
    with pytest.raises(ProblemsError, match="leads outside"):
        build(book)


def test_symlink_inside_the_book_is_fine(tmp_path):
    book = make_book(tmp_path / "book", {"chapters/a.md": "# A\n\ntext\n"}, ["- [A](chapters/b.md)"])
    os.symlink("a.md", book / "chapters" / "b.md")
    assert "text" in (build(book) / "chapters" / "b.html").read_text("utf-8")


def test_build_folder_that_is_a_symlink_is_refused(tmp_path):
    book = make_book(tmp_path / "book", {"chapters/a.md": "# A\n"})
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "html").mkdir(parents=True)
    (elsewhere / "html" / "precious.txt").write_text("keep me", "utf-8")
    os.symlink(elsewhere, book / "build")
    with pytest.raises(CimisError, match="symlink"):
        build(book)
    assert (elsewhere / "html" / "precious.txt").read_text("utf-8") == "keep me"
    assert sorted(p.name for p in elsewhere.iterdir()) == ["html"]


def test_special_file_behind_a_symlink_is_refused(tmp_path):
    book = make_book(tmp_path / "book", {"chapters/a.md": "# A\n"}, ["- [A](chapters/a.md)", "- [Z](chapters/z.md)"])
    os.symlink("/dev/zero", book / "chapters" / "z.md")
    from toolkit.workbook.book import read_book

    _book, problems = read_book(book)  # returns at once instead of reading forever
    assert any("SUMMARY.md:4" in str(p) and "leads outside" in str(p) for p in problems), problems
    os.unlink(book / "chapters" / "z.md")
    os.mkfifo(book / "chapters" / "z.md")  # a special file inside the book
    _book, problems = read_book(book)
    assert any("SUMMARY.md:4" in str(p) and "not a regular file" in str(p) for p in problems), problems


def test_read_text_refuses_devices_and_fifos_and_bounds_reads(tmp_path):
    from toolkit.workbook.files import MAX_BYTES, read_text

    assert "not a regular file" in str(read_text(Path("/dev/zero"))[1][0])
    fifo = tmp_path / "fifo.md"
    os.mkfifo(fifo)
    assert "not a regular file" in str(read_text(fifo)[1][0])  # no writer: must not block
    big = tmp_path / "big.md"
    big.write_bytes(b"a" * (MAX_BYTES + 1))
    assert "too large" in str(read_text(big)[1][0])


def test_special_image_is_not_copied(tmp_path):
    book = make_book(tmp_path / "book", {"chapters/a.md": "# A\n\n![z](zero.png)\n"})
    os.symlink("/dev/zero", book / "chapters" / "zero.png")
    out = build(book)
    assert not (out / "chapters" / "zero.png").exists()


# --- what gets copied ---------------------------------------------------------------

def test_only_referenced_images_of_known_types_are_copied(tmp_path):
    book = make_book(tmp_path / "book", {"chapters/a.md": (
        "# A\n\n![ok](pic.png) ![page](evil.html) ![hidden](.secret.png) ![dir](.git/x.png) [link](notes.txt)\n")})
    folder = book / "chapters"
    (folder / "pic.png").write_bytes(PNG)
    (folder / "unused.png").write_bytes(PNG)
    (folder / "evil.html").write_text("<script>alert(1)</script>", "utf-8")
    (folder / ".secret.png").write_bytes(PNG)
    (folder / ".git").mkdir()
    (folder / ".git" / "x.png").write_bytes(PNG)
    (folder / "notes.txt").write_text("n", "utf-8")
    out = build(book)
    copied = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file() and "chapters" in p.parts)
    assert copied == ["chapters/a.html", "chapters/pic.png"]


def test_svg_is_sanitised(tmp_path):
    evil = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" onload="alert(1)">'
            '<script>alert(2)</script><rect width="10" height="10" fill="red" onclick="alert(3)"/>'
            '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>'
            '<a href="javascript:alert(4)"><text x="1" y="9">hi</text></a>'
            '<image href="http://127.0.0.1:9/track.png"/><use xlink:href="#r"/>'
            '<style>@import url(http://127.0.0.1:9/x.css);</style></svg>')
    book = make_book(tmp_path / "book", {"chapters/a.md": "# A\n\n![chart](chart.svg)\n"})
    (book / "chapters" / "chart.svg").write_text(evil, "utf-8")
    out = build(book)
    svg = (out / "chapters" / "chart.svg").read_text("utf-8")
    for bad in ("script", "onload", "onclick", "alert", "foreignObject", "javascript", "127.0.0.1", "@import"):
        assert bad not in svg, bad
    assert "<rect" in svg and 'fill="red"' in svg and 'href="#r"' in svg and ">hi<" in svg
    assert '<img src="chart.svg"' in (out / "chapters" / "a.html").read_text("utf-8")


def test_svg_with_entities_is_left_out(tmp_path, capfd):
    bomb = ('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
            '<svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>')
    book = make_book(tmp_path / "book", {"chapters/a.md": "# A\n\n![bomb](bomb.svg)\n"})
    (book / "chapters" / "bomb.svg").write_text(bomb, "utf-8")
    out = build(book)
    assert not (out / "chapters" / "bomb.svg").exists()
    assert "bomb.svg" in capfd.readouterr().err


# --- links and HTML ---------------------------------------------------------------

def test_chapter_file_name_cannot_make_a_javascript_link(tmp_path):
    book = make_book(tmp_path / "book", {"chapters/a.md": "# A\n", "javascript:void.md": "# J\n"},
                     ["- [A](chapters/a.md)", "- [J](javascript:void.md)"])
    out = build(book)
    for page in ("index.html", "chapters/a.html", "toc.js", "search-index.js"):
        text = (out / page).read_text("utf-8")
        assert '"javascript:' not in text and "'javascript:" not in text, page
    assert "javascript%3Avoid.html" in (out / "toc.js").read_text("utf-8")
    assert (out / "javascript:void.html").is_file()
    assert 'href="../javascript%3Avoid.html"' in (out / "chapters" / "a.html").read_text("utf-8")


HOSTILE_RULE = "hostile"


class HostilePlugin:
    """A plugin whose markdown-it rule emits raw HTML (as a careless or malicious one might)."""

    from toolkit import hookimpl

    @staticmethod
    @hookimpl
    def configure_markdown(md):
        from markdown_it.token import Token

        def inject(state):
            for token in state.tokens:
                if token.type == "inline" and token.children is not None:
                    raw = Token("html_inline", "", 0)
                    raw.content = ('<script>alert(1)</script><img src=x onerror="alert(2)">'
                                   '<a href="javascript:alert(3)">x</a><iframe src="http://127.0.0.1:9/"></iframe>'
                                   '<b style="color:red" onmouseover="alert(4)">bold</b>')
                    token.children.append(raw)

        md.core.ruler.push(HOSTILE_RULE, inject)
        md.add_render_rule("html_inline", lambda self, tokens, idx, options, env: tokens[idx].content)


def test_hostile_markdown_plugin_is_neutralised(tmp_path):
    from toolkit.plugins import get_host

    get_host().pm.register(HostilePlugin(), name="hostile-md")
    book = make_book(tmp_path / "book", {"chapters/a.md": "# A\n\nSome text.\n\n- [x] done\n"})
    out = build(book)
    for page in ("chapters/a.html", "print.html"):
        html = (out / page).read_text("utf-8")
        assert "Some text." in html and "bold" in html
        assert "<script>alert" not in html and "onerror" not in html and "javascript:" not in html
        assert "<iframe" not in html and "onmouseover" not in html and 'style="' not in html


def test_sanitiser_keeps_what_the_renderer_makes():
    from toolkit.workbook.render import make_renderer, render_chapter

    source = ("# T\n\n| a | b |\n|:-|-:|\n| 1 | 2 |\n\n- [x] done\n- [ ] open\n\nNote[^1].\n\n[^1]: foot\n\n"
              "```py\nx = 1\n```\n\n![i](p.png \"t\") [l](http://x.org \"tt\") ~~s~~\n")
    html = render_chapter(make_renderer(), source, "c.md", set()).html
    for part in ('<th class="align-left">', '<td class="align-right">', 'class="task-list-item-checkbox"',
                 'checked', 'disabled', 'class="footnotes"', 'href="#fn1"', '<code class="language-py">',
                 '<img src="p.png" alt="i" title="t">', 'href="http://x.org" title="tt"', '<s>s</s>', 'id="t"'):
        assert part in html, part
    assert "style=" not in html


# --- check ------------------------------------------------------------------------

def test_check_rejects_images_outside_the_book(tmp_path):
    from toolkit.workbook.check import check_book

    (tmp_path / "out.png").write_bytes(PNG)
    book = make_book(tmp_path / "book", {"chapters/a.md": (
        "# A\n\n![a](/etc/passwd)\n\n![b](../../out.png)\n\n![c](link.png)\n\n![d](.hidden.png)\n\n![e](x.html)\n")})
    os.symlink(tmp_path / "out.png", book / "chapters" / "link.png")
    (book / "chapters" / ".hidden.png").write_bytes(PNG)
    (book / "chapters" / "x.html").write_text("x", "utf-8")
    problems = [str(p) for p in check_book(book) if p.severity == "error"]
    text = "\n".join(problems)
    assert "a.md:3: image '/etc/passwd' is outside the workbook folder" in text
    assert "a.md:5: image '../../out.png' is outside the workbook folder" in text
    assert "a.md:7: image 'link.png' is a symlink that leads outside" in text
    assert "a.md:9: image '.hidden.png' is not published" in text
    assert "a.md:11: image 'x.html' is not published" in text


# --- CSV --------------------------------------------------------------------------

@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1+2", "@SUM(A1)", "\t=x",
                                  '=HYPERLINK("http://evil","x")'])
def test_csv_cells_never_start_a_formula(cell):
    from toolkit.csvsafe import neutralise, writer

    assert neutralise(cell) == "'" + cell
    out = io.StringIO()
    writer(out, lineterminator="\n").writerow([cell, "plain", -3, 2.5])
    row = next(csv.reader(io.StringIO(out.getvalue(), newline=""), strict=True))
    assert row == ["'" + cell, "plain", "-3", "2.5"]


def test_csv_leaves_harmless_text_alone():
    from toolkit.csvsafe import neutralise

    assert neutralise("\r=x") == "'\r=x"
    assert [neutralise(v) for v in ("a=b", "x-1", "", " =x", 5)] == ["a=b", "x-1", "", " =x", 5]


def test_participant_text_cannot_include_a_file(tmp_path):
    """mdBook's links work in every chapter, so text typed in a workshop (an idea, a
    question) must not be able to pull a file of the book into the publication."""
    from toolkit.capture.markdown import bullet, escape_cell, escape_line
    from toolkit.workbook.build import build

    folder = tmp_path / "book"
    (folder / "chapters").mkdir(parents=True)
    (folder / "book.yaml").write_text("title: T\nlanguage: en\n", "utf-8")
    (folder / "secret-notes.md").write_text("UNPUBLISHED DRAFT\n", "utf-8")
    hostile = ["{{#include ../secret-notes.md}}", "\\{{#include ../secret-notes.md}}",
               "{{ #include ../secret-notes.md }}", "{{#playground ../secret-notes.md}}"]
    body = "\n\n".join([escape_line(hostile[0]), *(bullet(h) for h in hostile),
                        "| a |\n| --- |\n| " + escape_cell(hostile[0]) + " |"])
    (folder / "chapters" / "ideas.md").write_text("---\ntitle: Ideas\nstatus: final\n---\n\n" + body + "\n", "utf-8")
    (folder / "SUMMARY.md").write_text("# Summary\n\n- [Ideas](chapters/ideas.md)\n", "utf-8")
    page = (build(folder, "html") / "chapters" / "ideas.html").read_text("utf-8")
    assert "UNPUBLISHED" not in page
    for text in hostile:
        assert text.replace("\\", "") in page.replace("\\", "") or text in page  # shown as typed
