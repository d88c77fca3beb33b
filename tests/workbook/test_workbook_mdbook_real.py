"""What real mdBook books do that the first mdBook tests did not: text after a chapter's link
in SUMMARY.md, Markdown in chapter names, heading ids written as ``{#id}``, links to the
``.html`` page of a chapter, includes from beside the source folder, settings cimis does not
support. Each fixture is small and written here; where it is cheap, mdbook itself builds the
same book and its contents list or page is the reference."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from workbook_util import mdbook_build, needs_mdbook

SUMMARY = """# Summary

[Preface](README.md)

# Part `one`

- [The `use` *declaration*](one.md) (work in progress)
    - [Sub \\[x\\]](sub/a.md)
        - [Draft]()
- [Second](two.md)

---

# Part two

- [Options](opts.md)

---

[Thanks](thanks.md) and more
"""


def write_book(folder: Path, files: dict[str, str], toml: str = "") -> Path:
    for rel, text in files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    (folder / "book.toml").write_text('[book]\ntitle = "Real"\n' + toml, "utf-8")
    return folder


def summary_book(folder: Path) -> Path:
    return write_book(folder, {
        "src/SUMMARY.md": SUMMARY,
        "src/README.md": "# Preface\n",
        "src/one.md": "# One\n",
        "src/sub/a.md": "# A\n",
        "src/two.md": "# Two\n",
        "src/opts.md": "# Opts\n",
        "src/thanks.md": "# Thanks\n",
    })


def mdbook_contents(out: Path) -> list[tuple[str, str | None, str]]:
    """``(number, page, name)`` per entry of mdbook's contents list, parts as ``("part",
    None, title)``, in order."""
    toc = (out / "toc.html").read_text("utf-8")
    found = []
    pattern = re.compile(r'<li class="part-title">(?P<part>.*?)</li>|(?P<spacer><li class="spacer">)'
                         r'|<a href="(?P<href>[^"]*)" target="_parent">(?:<strong aria-hidden="true">'
                         r'(?P<n>[^<]*)</strong> )?(?P<name>.*?)</a>'
                         r'|<span><strong aria-hidden="true">(?P<dn>[^<]*)</strong> (?P<dname>.*?)</span>')
    for m in pattern.finditer(toc):
        if m["spacer"] is not None:
            found.append(("---", None, ""))
        elif m["part"] is not None:
            found.append(("part", None, html.unescape(m["part"])))
        elif m["href"] is not None:
            found.append(((m["n"] or "").rstrip("."), m["href"], html.unescape(m["name"])))
        else:
            found.append((m["dn"].rstrip("."), None, html.unescape(m["dname"])))
    return found


def cimis_contents(out: Path) -> list[tuple[str, str | None, str]]:
    text = (out / "toc.js").read_text("utf-8")
    entries = json.loads(text[text.index("["):text.rindex("]") + 1])
    found: list[tuple[str, str | None, str]] = []
    part = ""
    for e in entries:
        if e.get("s"):
            found.append(("---", None, ""))
        if e["p"] and e["p"] != part:
            found.append(("part", None, e["p"]))
        part = e["p"] or part
        found.append((e["n"], e["u"], e["t"]))
    return found


def test_summary_reads_as_mdbook_reads_it(tmp_path):
    from toolkit.workbook.summary import parse_summary

    summary = parse_summary(SUMMARY, "SUMMARY.md")
    assert summary.problems == []
    assert [(e.number, e.path, e.title, e.kind) for e in summary.entries] == [
        (None, "README.md", "Preface", "prefix"),
        ("1", "one.md", "The use declaration", "numbered"),  # text after the link ignored
        ("1.1", "sub/a.md", "Sub [x]", "numbered"),
        ("1.1.1", None, "Draft", "numbered"),
        ("2", "two.md", "Second", "numbered"),
        ("3", "opts.md", "Options", "numbered"),
        (None, "thanks.md", "Thanks", "suffix"),
    ]
    assert [title for title, _line in summary.parts] == ["Part one", "Part two"]


def test_summary_links_in_angle_brackets(tmp_path):
    """``[T](<a b.md>)``: a destination with blanks, as CommonMark and mdBook write it."""
    from toolkit.workbook.build import build
    from toolkit.workbook.summary import parse_summary

    summary = parse_summary("[Pre](<pre face.md>)\n\n- [A](<a b.md>) (note)\n- [B](<>)\n", "S")
    assert summary.problems == []
    assert [(e.path, e.kind) for e in summary.entries] == [("pre face.md", "prefix"), ("a b.md", "numbered"),
                                                           (None, "numbered")]
    book = write_book(tmp_path / "book", {"src/SUMMARY.md": "- [A](<a b.md>)\n", "src/a b.md": "# A B\n"})
    assert "A B" in (build(book, "html", tmp_path / "out") / "a b.html").read_text("utf-8")


def test_an_include_of_itself_reports_each_problem_once(tmp_path):
    from toolkit.workbook.check import check_book

    book = write_book(tmp_path / "book", {"src/SUMMARY.md": "- [A](a.md)\n",
                                          "src/a.md": "# A\n\n{{#include a.md}}\n\n{{#include gone.md}}\n"})
    messages = [f"{p.line}: {p.message}" for p in check_book(book) if p.severity == "error"]
    assert len(messages) == len(set(messages)) and len(messages) <= 4, messages
    assert any(m.startswith("3: ") and "nests too deep" in m for m in messages)
    assert any(m.startswith("5: ") and "gone.md" in m for m in messages)


@pytest.mark.parametrize(("written", "name"), [
    ("`and_then`", "and_then"), ("Defaults: `or`, `or_else`", "Defaults: or, or_else"),
    ("**bold** and _em_", "bold and em"), ("snake_case_name", "snake_case_name"),
    ("a * b _ c", "a * b _ c"), (r"C++ \* x", "C++ * x"), ("`` a`b ``", "a`b"),
])
def test_chapter_names_are_plain_text(written, name):
    from toolkit.workbook.summary import parse_summary

    assert parse_summary(f"- [{written}](a.md)\n", "S").entries[0].title == name


def test_contents_as_mdbook_lists_them(tmp_path):
    from toolkit.workbook.build import build

    book = summary_book(tmp_path / "book")
    ours = cimis_contents(build(book, "html", tmp_path / "ours"))
    expected = [("", "index.html", "Preface"), ("part", None, "Part one"),
                ("1", "one.html", "The use declaration"), ("1.1", "sub/a.html", "Sub [x]"),
                ("1.1.1", None, "Draft"), ("2", "two.html", "Second"), ("---", None, ""),
                ("part", None, "Part two"), ("3", "opts.html", "Options"), ("---", None, ""),
                ("", "thanks.html", "Thanks")]
    assert ours == expected
    # the contents page has the dividers in the same places
    contents = (tmp_path / "ours" / "contents.html").read_text("utf-8")
    marks = re.findall(r'<hr class="toc-separator">|<h2 class="part">[^<]*</h2>|href="(?:thanks|two).html"', contents)
    assert marks == ['<h2 class="part">Part one</h2>', 'href="two.html"', '<hr class="toc-separator">',
                     '<h2 class="part">Part two</h2>', '<hr class="toc-separator">', 'href="thanks.html"']
    page = (tmp_path / "ours" / "one.html").read_text("utf-8")
    assert "<title>The use declaration" in page or "<title>One" in page
    assert "`" not in (tmp_path / "ours" / "toc.js").read_text("utf-8")


@needs_mdbook
def test_contents_reference_is_mdbook(tmp_path):
    book = summary_book(tmp_path / "book")
    mdbook_build(book, tmp_path / "theirs")
    theirs = mdbook_contents(tmp_path / "theirs")
    assert theirs == [("", "index.html", "Preface"), ("part", None, "Part one"),
                      ("1", "one.html", "The use declaration"), ("1.1", "sub/a.html", "Sub [x]"),
                      ("1.1.1", None, "Draft"), ("2", "two.html", "Second"), ("---", None, ""),
                      ("part", None, "Part two"), ("3", "opts.html", "Options"), ("---", None, ""),
                      ("", "thanks.html", "Thanks")]


HEADINGS = {
    "src/SUMMARY.md": "- [Asm](asm.md)\n- [Other](other.md)\n",
    "src/asm.md": "# Asm\n\nSee [Options](#options).\n\n## Options {#options}\n\n"
                  "# Example heading { #first .class1 .class2 }\n\n# Code `{#x}`\n\n"
                  "# A {}\n\n## I ##  {#i}\n",
    "src/other.md": "# Other\n\n[there](asm.md#options) and [first](asm.md#first)\n",
}


IDS = ["asm", "options", "first", "code-x", "a", "i"]


def page_ids(page: Path) -> list[str]:
    text = page.read_text("utf-8")
    main = text[text.index("<main"):]
    return re.findall(r'<h[1-6][^>]*? id="([^"]+)"', main)


def test_heading_ids_written_in_braces(tmp_path):
    from toolkit.workbook.build import build
    from toolkit.workbook.check import check_book

    book = write_book(tmp_path / "book", HEADINGS)
    assert [p for p in check_book(book) if p.severity == "error"] == []
    out = build(book, "html", tmp_path / "ours")
    assert page_ids(out / "asm.html") == IDS
    page = (out / "asm.html").read_text("utf-8")
    assert ">Options</h2>" in page and ">Example heading</h1>" in page
    assert "{#options}" not in (out / "search-index.js").read_text("utf-8")
    broken = tmp_path / "broken"
    write_book(broken, {**HEADINGS, "src/other.md": "# Other\n\n[no](asm.md#class1)\n"})
    assert any("class1" in p.message for p in check_book(broken))


def test_braces_that_are_no_attributes_stay_in_the_heading(tmp_path):
    """The one difference from mdBook here, on purpose: mdBook drops any "{...}" ending a
    heading; a heading of a workbook keeps braces that hold no ``#id``, ``.class`` or
    ``key=value`` (pandoc's exports keep them too)."""
    from toolkit.workbook.build import build

    book = write_book(tmp_path / "book", {"src/SUMMARY.md": "- [Sets](sets.md)\n",
                                          "src/sets.md": "# The set {1, 2}\n\n## Budget {2026}\n\n"
                                                         "## Kept {#kept lang=de}\n"})
    out = build(book, "html", tmp_path / "ours")
    page = (out / "sets.html").read_text("utf-8")
    assert ">The set {1, 2}</h1>" in page and ">Budget {2026}</h2>" in page and ">Kept</h2>" in page
    assert page_ids(out / "sets.html") == ["the-set-1-2", "budget-2026", "kept"]


@needs_mdbook
def test_heading_ids_reference_is_mdbook(tmp_path):
    book = write_book(tmp_path / "book", HEADINGS)
    mdbook_build(book, tmp_path / "theirs")
    assert page_ids(tmp_path / "theirs" / "asm.html") == IDS


CODE = {
    "src/SUMMARY.md": "- [Code](code.md)\n",
    "src/code.md": "# Code\n\n```rust,editable,ignore\n# fn main() {\nlet x = 1;\n## shown with one hash\n"
                   "#[derive(Debug)]\n    # indented hidden\n#\n# }\n```\n\n"
                   "```python,hidelines=~\n~import os\nprint(1)\n```\n\n"
                   "```toml,ignore\na = 1\n# comment stays\n```\n\n```rust, editable\nfn f() {}\n```\n",
}


def code_blocks(page: Path) -> list[tuple[str, str]]:
    """``(language, the text a reader sees)`` per code block: mdBook's hidden lines (in
    ``<span class="boring">``) are not seen."""
    text = page.read_text("utf-8")
    found = []
    for m in re.finditer(r'<code class="language-([^" ]+)[^"]*">(.*?)</code>', text, re.S):
        shown = re.sub(r'<span class="boring">.*?</span>', "", m.group(2), flags=re.S)
        found.append((m.group(1), html.unescape(re.sub(r"<[^>]+>", "", shown))))
    return found


EXPECTED_CODE = [("rust", "let x = 1;\n# shown with one hash\n#[derive(Debug)]\n"), ("python", "print(1)\n"),
                 ("toml", "a = 1\n# comment stays\n"), ("rust", "fn f() {}\n")]


def test_code_blocks_show_what_mdbook_shows(tmp_path):
    from toolkit.workbook.build import build

    out = build(write_book(tmp_path / "book", CODE), "html", tmp_path / "ours")
    assert code_blocks(out / "code.html") == EXPECTED_CODE
    assert "fn main" not in (out / "search-index.js").read_text("utf-8")


@needs_mdbook
def test_code_blocks_reference_is_mdbook(tmp_path):
    book = write_book(tmp_path / "book", CODE)
    mdbook_build(book, tmp_path / "theirs")
    theirs = code_blocks(tmp_path / "theirs" / "code.html")
    # mdBook ends a block's text without the last line break
    assert [(lang, code.rstrip("\n") + "\n") for lang, code in theirs] == EXPECTED_CODE


BESIDE = {
    "src/SUMMARY.md": "[Intro](intro.md)\n\n- [Futures](ch/futures.md)\n- [Later]()\n",
    "src/intro.md": "# Intro\n\n```rust\n{{#include ../examples/hello/main.rs}}\n```\n",
    "src/ch/futures.md": "# Futures\n\n```rust\n{{#include ../../examples/fut/lib.rs:simple}}\n```\n\n"
                         "{{#playground ../../examples/hello/main.rs editable}}\n\n"
                         "{{#include ../../../outside.rs}}\n",
    "examples/hello/main.rs": "fn main() {\n    println!(\"hello\");\n}\n",
    "examples/fut/lib.rs": "use std::pin::Pin;\n// ANCHOR: simple\ntrait SimpleFuture {}\n// ANCHOR_END: simple\n",
}


def test_includes_from_beside_the_source_folder(tmp_path):
    """async-book keeps its programs in examples/ beside src/: mdBook includes them, and so
    does the build; a file outside the book folder stays out."""
    from toolkit.workbook.build import build
    from toolkit.workbook.check import check_book

    (tmp_path / "outside.rs").write_text("SECRET\n", "utf-8")
    book = write_book(tmp_path / "book", BESIDE)
    out = build(book, "html", tmp_path / "ours")
    assert "println!(\"hello\")" in (out / "intro.html").read_text("utf-8")
    futures = (out / "ch" / "futures.html").read_text("utf-8")
    assert "trait SimpleFuture {}" in futures and "use std::pin::Pin" not in futures
    assert "fn main()" in futures and "SECRET" not in futures
    errors = [p for p in check_book(book) if p.severity == "error"]
    assert len(errors) == 1 and "outside.rs" in errors[0].message and "outside the book" in errors[0].message
    assert errors[0].line == 9  # the line of the include, not the chapter's first


def test_import_brings_included_files_along(tmp_path):
    from toolkit.workbook.build import build
    from toolkit.workbook.check import check_book
    from toolkit.workbook.mdbook import import_mdbook

    (tmp_path / "outside.rs").write_text("SECRET\n", "utf-8")
    book = write_book(tmp_path / "book", BESIDE)
    dest = import_mdbook(book, tmp_path / "imported")
    assert (dest / "included" / "examples" / "fut" / "lib.rs").is_file()
    assert not list(dest.rglob("outside.rs"))
    futures = (dest / "ch" / "futures.md").read_text("utf-8")
    assert "{{#include ../included/examples/fut/lib.rs:simple}}" in futures
    assert "{{#playground ../included/examples/hello/main.rs editable}}" in futures
    assert futures.startswith("---\nstatus: final\n---\n# Futures")
    problems = check_book(dest)
    assert [p.message for p in problems if p.severity == "error"] == [
        "include '../../../outside.rs' is outside the book; not included"]
    assert not any("todo" in p.message for p in problems)  # imported chapters are final
    out = build(dest, "html", tmp_path / "out")

    def main(page: Path) -> str:
        text = page.read_text("utf-8")
        return text[text.index("<main"):text.index("</main>")]

    assert main(out / "ch" / "futures.html") == main(build(book, "html", tmp_path / "direct") / "ch" / "futures.html")
    # a workbook's start page is its title page with the contents, the mdBook's its first chapter
    assert 'class="contents"' in main(out / "index.html")
    assert '<h1 id="intro">' in main(tmp_path / "direct" / "index.html")


PAGES = {
    "src/SUMMARY.md": "- [Intro](index.md)\n- [Conversion](conv/from_into.md)\n- [Try](conv/try.md)\n",
    "src/index.md": "# Intro\n\nStart.\n",
    "src/conv/from_into.md": "# From and Into\n\n## The trait {#trait}\n",
    "src/conv/try.md": "# Try\n\nLike [From](from_into.html) and [its trait](from_into.html#trait), "
                       "back to [the start](../index.html).\n",
}


def test_links_to_chapter_pages_and_index_md(tmp_path):
    """Rust by Example names its introduction index.md (mdBook's start page) and links to
    chapters' .html pages: the links land, and check finds them."""
    from toolkit.workbook.build import build
    from toolkit.workbook.check import check_book

    book = write_book(tmp_path / "book", PAGES)
    assert [p for p in check_book(book) if p.severity == "error"] == []
    out = build(book, "html", tmp_path / "ours")
    assert "Start." in (out / "index.html").read_text("utf-8")
    page = (out / "conv" / "try.html").read_text("utf-8")
    assert 'href="from_into.html"' in page and 'href="from_into.html#trait"' in page
    assert 'href="../index.html"' in page
    assert 'id="trait"' in (out / "conv" / "from_into.html").read_text("utf-8")
    broken = write_book(tmp_path / "broken", {**PAGES, "src/conv/try.md": "[a](from_into.html#nope) [b](gone.html)\n"})
    messages = [p.message for p in check_book(broken) if p.severity == "error"]
    assert len(messages) == 2 and "nope" in messages[0] and "gone.html" in messages[1]


def test_readme_and_index_md_in_one_folder_are_refused(tmp_path):
    from toolkit.errors import ProblemsError
    from toolkit.workbook.build import build

    book = write_book(tmp_path / "book", {"src/SUMMARY.md": "- [R](README.md)\n- [I](index.md)\n",
                                          "src/README.md": "# R\n", "src/index.md": "# I\n"})
    with pytest.raises(ProblemsError) as caught:
        build(book, "html", tmp_path / "out")
    assert "'index.md' and 'README.md' (line 1) would both be published as the page 'index.html'" \
        in str(caught.value.problems[0])
    assert not (tmp_path / "out").exists()


SETTINGS_TOML = """text-direction = "rtl"

[rust]
edition = "2021"

[build]
create-missing = false
extra-watch-dirs = ["po"]

[output.html]
site-url = "/book/"
git-repository-url = "https://example.org/book"
additional-css = ["theme/extra.css"]
hash-files = true

[output.html.redirect]
"/old.html" = "new.html"

[output.html.search]
limit-results = 20

[preprocessor.gettext]
optional = true

[preprocessor.links]

[output.linkcheck]
follow-web-links = true
"""


def test_unsupported_settings_are_one_warning_line(tmp_path, cli):
    book = write_book(tmp_path / "book", {"src/SUMMARY.md": "- [A](a.md)\n- [B]()\n- [C]()\n", "src/a.md": "# A\n"},
                      SETTINGS_TOML)
    result = cli("workbook", "build", str(book), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0 and "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if "book.toml" in line]
    assert lines == [f"{book / 'book.toml'}: warning: settings of book.toml that cimis does not support are "
                     "ignored: book.text-direction, [preprocessor.gettext], [output.linkcheck], output.html.site-url, "
                     "output.html.git-repository-url, output.html.additional-css"]
    checked = cli("workbook", "check", str(book))
    assert checked.exit_code == 0
    assert sum("book.toml" in line for line in checked.output.splitlines()) == 1
    # the drafts in one line too, as the todo chapters are
    assert "SUMMARY.md:2: warning: 2 draft entries without a file: 'B', 'C'" in checked.output
    german = cli("workbook", "build", str(book), "--out", str(tmp_path / "out"), env={"CIMIS_LANG": "de"})
    assert "Einstellungen der book.toml, die cimis nicht unterstützt, werden übergangen: book.text-direction" \
        in german.output
    imported = cli("workbook", "import-mdbook", str(book), str(tmp_path / "wb"))
    assert imported.exit_code == 0 and "output.html.site-url" in imported.output


def test_supported_settings_give_no_warning(tmp_path, cli):
    book = write_book(tmp_path / "book", {"src/SUMMARY.md": "- [A](a.md)\n", "src/a.md": "# A\n"},
                      '[build]\ncreate-missing = false\n[output.html]\nhash-files = true\n[preprocessor.index]\n')
    result = cli("workbook", "build", str(book), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0 and "warning" not in result.output


ADMONITIONS = {
    "src/SUMMARY.md": "- [A](a.md)\n",
    "src/a.md": "# A\n\n> [!NOTE]\n> General information.\n\n> [!warning]\n>\n> Risk **here**.\n\n"
                "> [!TIP] not alone\n\n> plain\n\n> [!CAUTION]  \n> two spaces\n",
}


def quotes(page: Path) -> list[tuple[str, str]]:
    """``(kind or "", text)`` per block quote of a page: the kind from mdBook's or cimis's
    class, the text without mdBook's title paragraph."""
    text = page.read_text("utf-8")
    found = []
    for m in re.finditer(r'<blockquote(?: class="[^"]*-(note|tip|important|warning|caution)")?>(.*?)</blockquote>',
                         text, re.S):
        body = re.sub(r'<p class="blockquote-tag-title">.*?</p>', "", m.group(2), flags=re.S)
        found.append((m.group(1) or "", " ".join(html.unescape(re.sub(r"<[^>]+>", "", body)).split())))
    return found


EXPECTED_QUOTES = [("note", "General information."), ("warning", "Risk here."), ("", "[!TIP] not alone"),
                   ("", "plain"), ("caution", "two spaces")]


def test_admonitions(tmp_path):
    from toolkit.workbook.build import build

    out = build(write_book(tmp_path / "book", ADMONITIONS), "html", tmp_path / "ours")
    assert quotes(out / "a.html") == EXPECTED_QUOTES
    assert '<blockquote class="admonition admonition-note">' in (out / "a.html").read_text("utf-8")
    style = (out / "style.css").read_text("utf-8")
    # every kind is labelled, in English and in German
    for kind, en, de in (("note", "Note", "Hinweis"), ("tip", "Tip", "Tipp"), ("important", "Important", "Wichtig"),
                         ("warning", "Warning", "Warnung"), ("caution", "Caution", "Vorsicht")):
        assert f'.admonition-{kind}::before {{ content: "{en}"; }}' in style
        assert f':lang(de) .admonition-{kind}::before {{ content: "{de}"; }}' in style


@needs_mdbook
def test_admonitions_reference_is_mdbook(tmp_path):
    book = write_book(tmp_path / "book", ADMONITIONS)
    mdbook_build(book, tmp_path / "theirs")
    assert quotes(tmp_path / "theirs" / "a.html") == EXPECTED_QUOTES


GLOSSARY = {
    "src/SUMMARY.md": "- [Glossary](g.md)\n- [Other](o.md)\n",
    "src/g.md": "# Glossary\n\nterm A\n  : This is a definition of term A. Text\n    can span multiple lines.\n\n"
                "term B\n  : This is a definition of term B.\n  : This has more than one definition.\n\n"
                "Para\n~ not a definition\n",
    "src/o.md": "# Other\n\nSee [term B](g.md#term-b).\n",
}


def definitions(page: Path) -> list[tuple[str, str, str]]:
    """``(tag, id, text)`` of each ``dt`` and ``dd`` of a page, and the paragraph after them."""
    text = page.read_text("utf-8")
    main = text[text.index("<main"):]
    return [(m.group(1), m.group(2) or "", " ".join(re.sub(r"<[^>]+>", "", m.group(3)).split()))
            for m in re.finditer(r'<(dt|dd|p)(?: id="([^"]*)")?>(.*?)</\1>', main, re.S)
            if "Para" in m.group(3) or m.group(1) != "p"]


EXPECTED_DEFINITIONS = [
    ("dt", "term-a", "term A"), ("dd", "", "This is a definition of term A. Text can span multiple lines."),
    ("dt", "term-b", "term B"), ("dd", "", "This is a definition of term B."),
    ("dd", "", "This has more than one definition."), ("p", "", "Para ~ not a definition")]


def test_definition_lists(tmp_path):
    from toolkit.workbook.build import build
    from toolkit.workbook.check import check_book

    book = write_book(tmp_path / "book", GLOSSARY)
    assert [p for p in check_book(book) if p.severity == "error"] == []  # the link to a term lands
    out = build(book, "html", tmp_path / "ours")
    assert definitions(out / "g.html") == EXPECTED_DEFINITIONS


@needs_mdbook
def test_definition_lists_reference_is_mdbook(tmp_path):
    book = write_book(tmp_path / "book", GLOSSARY)
    mdbook_build(book, tmp_path / "theirs")
    assert definitions(tmp_path / "theirs" / "g.html") == EXPECTED_DEFINITIONS


@pytest.mark.parametrize(("chapter", "page"), [
    ("README.md", "index.html"), ("second/Readme.md", "second/index.html"), ("first/README", "first/index.html"),
    ("index.md", "index.html"), ("Index.md", "Index.html"), ("readme-x.md", "readme-x.html"),
    ("print.md", "print-chapter.html"),
])
def test_pages_of_chapters_as_mdbook_names_them(chapter, page):
    from toolkit.workbook.render import page_path

    assert page_path(chapter) == page


def test_headings_of_included_files_are_anchors(tmp_path):
    """A chapter made of an included Markdown file has that file's headings on its page:
    a link to one of them lands, and check agrees."""
    from toolkit.workbook.build import build
    from toolkit.workbook.check import check_book

    book = write_book(tmp_path / "book", {
        "src/SUMMARY.md": "- [Setup](setup.md)\n- [Use](use.md)\n",
        "src/setup.md": "# Setup\n\n{{#include ../shared/steps.md}}\n",
        "shared/steps.md": "## Install the tool {#install}\n\n## First run\n",
        "src/use.md": "# Use\n\nFirst [install](setup.md#install), then [run](setup.md#first-run); "
                      "not [this](setup.md#nothing).\n",
    })
    problems = [p for p in check_book(book) if p.severity == "error"]
    assert [(p.line, "nothing" in p.message) for p in problems] == [(3, True)]
    out = build(book, "html", tmp_path / "ours")
    assert page_ids(out / "setup.html") == ["setup", "install", "first-run"]


CHROMIUM = Path("/usr/bin/chromium")


def test_sidebar_and_admonition_labels_in_a_browser(tmp_path):
    """In Chromium, from file://: the sidebar has mdBook's dividers and part titles in their
    places, and an admonition is labelled in the book's language."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    from toolkit.workbook.build import build

    book = summary_book(tmp_path / "book")
    (book / "src" / "two.md").write_text("# Two\n\n> [!WARNING]\n> Careful.\n", "utf-8")
    (book / "book.toml").write_text('[book]\ntitle = "Real"\nlanguage = "de"\n', "utf-8")
    out = build(book, "html", tmp_path / "ours")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        try:
            page = browser.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.goto((out / "two.html").as_uri())
            sidebar = page.eval_on_selector_all(
                "#sidebar hr, #sidebar p.part, #sidebar a, #sidebar span.draft",
                "els => els.map(e => e.tagName === 'HR' ? '---' : e.textContent)")
            label = page.eval_on_selector(".admonition", "e => getComputedStyle(e, '::before').content")
        finally:
            browser.close()
    assert errors == []
    assert sidebar == ["Preface", "Part one", "1. The use declaration", "1.1. Sub [x]", "1.1.1. Draft", "2. Second",
                       "---", "Part two", "3. Options", "---", "Thanks"]
    assert label == '"Warnung"'


def test_odd_settings_stay_one_line(tmp_path, cli):
    names = "".join(f"[preprocessor.p{i}]\n" for i in range(30))
    toml = 'build = 3\n[preprocessor."evil\\nline"]\n' + names
    book = write_book(tmp_path / "book", {"src/SUMMARY.md": "- [A](a.md)\n", "src/a.md": "# A\n"}, toml)
    result = cli("workbook", "build", str(book), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if "book.toml" in line]
    # "build = 3" stands in [book] here: a setting of [book] a build does not read
    assert len(lines) == 1 and "book.build, [preprocessor.evil?line]" in lines[0]
    assert lines[0].endswith("[preprocessor.p17], …")
    odd = write_book(tmp_path / "odd", {"src/SUMMARY.md": "- [A](a.md)\n", "src/a.md": "# A\n"},
                     'output = 5\npreprocessor = "x"\n')
    result = cli("workbook", "build", str(odd), "--out", str(tmp_path / "out2"))
    assert result.exit_code == 0 and "Traceback" not in result.output


def test_first_chapter_is_the_start_page_without_readme(tmp_path):
    """A book made with 'mdbook init' has chapter_1.md and no README.md: mdBook's
    index.html shows the first chapter, and so does the site (contents in contents.html);
    a rebuild after the chapter changed updates both."""
    from toolkit.workbook.build import build

    book = write_book(tmp_path / "book", {"src/SUMMARY.md": "# Summary\n\n- [Chapter 1](./chapter_1.md)\n"
                                                            "- [Chapter 2](./chapter_2.md)\n",
                                          "src/chapter_1.md": "# Chapter 1\n\nFirst words.\n",
                                          "src/chapter_2.md": "# Chapter 2\n\nSee [one](chapter_1.md).\n"})
    out = build(book, "html", tmp_path / "ours")
    index = (out / "index.html").read_text("utf-8")
    assert "First words." in index and "<title>Chapter 1 – Real</title>" in index
    assert 'href="chapter_2.html"' in index  # the pager, relative to the same folder
    assert "chapter_2.html" in (out / "contents.html").read_text("utf-8")
    (book / "src" / "chapter_1.md").write_text("# Chapter 1\n\nNew words.\n", "utf-8")
    out = build(book, "html", tmp_path / "ours")
    assert "New words." in (out / "index.html").read_text("utf-8")
    assert "New words." in (out / "chapter_1.html").read_text("utf-8")
    # a workbook (book.yaml) keeps its title page with the contents
    (book / "src" / "book.yaml").write_text('title: "Real"\nlanguage: en\n', "utf-8")
    workbook = build(book / "src", "html", tmp_path / "workbook")
    assert "New words." not in (workbook / "index.html").read_text("utf-8")


@needs_mdbook
def test_first_chapter_start_page_reference_is_mdbook(tmp_path):
    book = write_book(tmp_path / "book", {"src/SUMMARY.md": "- [Chapter 1](./chapter_1.md)\n",
                                          "src/chapter_1.md": "# Chapter 1\n\nFirst words.\n"})
    mdbook_build(book, tmp_path / "theirs")
    assert "First words." in (tmp_path / "theirs" / "index.html").read_text("utf-8")


LOOSE_SUMMARY = ("# Summary\n\nSome intro text here.\n\n[Intro](intro.md)\n\n## Not a part\n\n"
                 "1. [One](one.md)\n2. [Two](two.md)\n   * [Sub](sub.md)\n\n- [Three](three.md)\n\n---\n\n"
                 "[After](after.md)\n")
LOOSE_CONTENTS = [("", "intro.html", "Intro"), ("1", "one.html", "One"), ("2", "two.html", "Two"),
                  ("2.1", "sub.html", "Sub"), ("3", "three.html", "Three"), ("---", None, ""),
                  ("", "after.html", "After")]


def loose_book(folder: Path) -> Path:
    files = {f"src/{name}.md": f"# {name}\n" for name in ("intro", "one", "two", "sub", "three", "after")}
    return write_book(folder, {"src/SUMMARY.md": LOOSE_SUMMARY, **files})


def test_summary_text_mdbook_ignores(tmp_path):
    """mdBook reads ordered lists as chapters and ignores text and headings below level one
    in SUMMARY.md: an mdBook book builds the same, with a warning per ignored line; in a
    workbook such a line stays an error."""
    from toolkit.workbook.build import build
    from toolkit.workbook.check import check_book
    from toolkit.workbook.summary import parse_summary

    book = loose_book(tmp_path / "book")
    assert cimis_contents(build(book, "html", tmp_path / "ours")) == LOOSE_CONTENTS
    problems = check_book(book)
    assert [(p.line, p.severity) for p in problems] == [(3, "warning"), (7, "warning")]
    assert "ignored, as mdBook ignores it" in problems[0].message and "'# ' headings" in problems[1].message
    strict = parse_summary(LOOSE_SUMMARY, "SUMMARY.md").problems
    assert [(p.line, p.severity) for p in strict] == [(3, "error"), (7, "error")]
    # a list item without a link is an error for mdBook too
    assert parse_summary("- **[Bold](b.md)**\n", "S", mdbook=True).problems[0].severity == "error"


@needs_mdbook
def test_summary_text_reference_is_mdbook(tmp_path):
    book = loose_book(tmp_path / "book")
    mdbook_build(book, tmp_path / "theirs")
    assert mdbook_contents(tmp_path / "theirs") == LOOSE_CONTENTS


HIDELINES = {
    "src/SUMMARY.md": "- [Code](code.md)\n",
    "src/code.md": "# Code\n\n```python\n~hidden()\nshown():\n~    hidden()\n    ~hidden()\n    shown()\n```\n\n"
                   "```python,hidelines=!!!\n!!!hidden()\n~shown()\n```\n\n````markdown\n```python\n~kept in markdown\n"
                   "```\n````\n\n```toml\n~stays\n```\n",
}
EXPECTED_HIDELINES = [("python", "shown():\n    shown()\n"), ("python", "~shown()\n"),
                      ("markdown", "```python\n~kept in markdown\n```\n"), ("toml", "~stays\n")]


def test_hidelines_of_book_toml(tmp_path):
    """[output.html.code.hidelines] python = "~" hides "~" lines in Python code, as mdBook's
    reader does; a fence's own hidelines= wins; the setting is not named as unsupported."""
    from toolkit.workbook.build import build
    from toolkit.workbook.check import check_book

    book = write_book(tmp_path / "book", HIDELINES, '[output.html.code.hidelines]\npython = "~"\n')
    out = build(book, "html", tmp_path / "ours")
    assert code_blocks(out / "code.html") == EXPECTED_HIDELINES
    assert not any("book.toml" in str(p.path) for p in check_book(book))
    # the chapter file itself is untouched
    assert "```python\n~hidden()" in (book / "src" / "code.md").read_text("utf-8")


@needs_mdbook
def test_hidelines_reference_is_mdbook(tmp_path):
    book = write_book(tmp_path / "book", HIDELINES, '[output.html.code.hidelines]\npython = "~"\n')
    mdbook_build(book, tmp_path / "theirs")
    theirs = code_blocks(tmp_path / "theirs" / "code.html")
    assert [(lang, code.rstrip("\n") + "\n") for lang, code in theirs] == EXPECTED_HIDELINES


REDIRECT_BOOK = {"src/SUMMARY.md": "- [New](format/new.md)\n- [Other](other.md)\n",
                 "src/format/new.md": "# New\n", "src/other.md": "# Other\n"}
REDIRECT_TOML = ('[output.html.redirect]\n"/format/config.html" = "new.html"\n"/gone.html" = "https://example.org/x"\n')


def refresh_target(page: Path) -> str:
    match = re.search(r'http-equiv="refresh" content="0; URL=([^"]*)"', page.read_text("utf-8"))
    assert match is not None
    return html.unescape(match.group(1))


def test_redirects_of_book_toml(tmp_path, cli):
    """[output.html.redirect] writes pages that send readers of old addresses on, as mdBook
    does; one that would replace a page, leave the site, or lead to an unsafe address is not
    written and is named in the settings warning."""
    toml = REDIRECT_TOML + ('"/other.html" = "format/new.html"\n"/../../x.html" = "other.html"\n'
                            '"/evil.html" = "javascript:alert(1)"\n')
    book = write_book(tmp_path / "book", REDIRECT_BOOK, toml)
    result = cli("workbook", "build", str(book), "--out", str(tmp_path / "ours"))
    assert result.exit_code == 0, result.output
    out = tmp_path / "ours"
    assert refresh_target(out / "format" / "config.html") == "new.html"
    assert refresh_target(out / "gone.html") == "https://example.org/x"
    assert "<h1" in (out / "other.html").read_text("utf-8")  # the chapter's page stays
    assert not (out / "evil.html").exists() and not (tmp_path / "x.html").exists()
    warning = next(line for line in result.output.splitlines() if "book.toml" in line)
    assert "output.html.redirect./../../x.html" in warning and "output.html.redirect./evil.html" in warning
    assert "/format/config.html" not in warning


@needs_mdbook
def test_redirects_reference_is_mdbook(tmp_path):
    book = write_book(tmp_path / "book", REDIRECT_BOOK, REDIRECT_TOML)
    mdbook_build(book, tmp_path / "theirs")
    assert refresh_target(tmp_path / "theirs" / "format" / "config.html") == "new.html"
    assert refresh_target(tmp_path / "theirs" / "gone.html") == "https://example.org/x"


def test_escaped_braces_in_a_heading_stay_text():
    """Participants' text in a generated heading is escaped (capture.markdown.escape_line):
    "Budget {draft}" keeps its braces, as an escaped brace starts no attributes."""
    from toolkit.capture.markdown import escape_line
    from toolkit.workbook.render import make_renderer

    assert '<h2 id="budget-draft">Budget {draft}</h2>' in make_renderer().render("## " + escape_line("Budget {draft}"))


@pytest.mark.parametrize(("unit", "kind"), [
    # removing the tag lines made a set per token: 3,000 admonitions took minutes
    ("> [!NOTE]\n>\n> note {i}\n\npara {i}\n\n", "blockquote_open"),
    # every list looked for a "~" line in every line to the end: a long glossary
    ("Term {i}\n: definition {i}\n\n# Letter {i}\n\n", "dl_open"),
], ids=["admonitions", "glossary"])
def test_mdbook_markdown_costs_linear_time(unit, kind):
    import time

    from toolkit.workbook.render import make_renderer

    md = make_renderer()

    def cost(n: int) -> float:
        text = "".join(unit.format(i=i) for i in range(n))
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            tokens = md.parse(text)
            best = min(best, time.perf_counter() - start)
        assert sum(t.type == kind for t in tokens) == n
        return best

    # ten times the text: about ten times the time when linear, a hundred when quadratic
    assert cost(2000) / cost(200) < 30
