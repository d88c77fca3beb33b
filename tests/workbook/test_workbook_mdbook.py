"""mdBook books build unchanged: book.toml and src/SUMMARY.md, README.md as index.html,
prefix and suffix chapters in their places, parts, separators, drafts, {{#include}} with
line ranges and anchors (never outside the book); todo warnings in one line; and
``cimis workbook import-mdbook`` brings such a book in."""

from __future__ import annotations

import os
import re
from pathlib import Path

SUMMARY = """# Summary

[Introduction](README.md)

# User guide

- [Installation](guide/installation.md)
  - [Details](guide/details.md)
- [Not written yet]()

---

# Reference

- [Commands](reference/commands.md)

---

[Contributors](misc/contributors.md)
"""


def make_mdbook(folder: Path) -> Path:
    src = folder / "src"
    for rel, text in {
        "README.md": "# Introduction\n\nWelcome to the book.\n",
        "guide/installation.md": "# Installation\n\nRun this:\n\n```sh\n{{#include ../code/setup.sh:2:3}}\n```\n\n"
                                 "And the core:\n\n```py\n{{#include ../code/lib.py:core}}\n```\n",
        "guide/details.md": "# Details\n\n{{#include ../shared/note.md}}\n",
        "reference/commands.md": "# Commands\n\nSee [the installation](../guide/installation.md).\n",
        "misc/contributors.md": "# Contributors\n\nAnna, Ben.\n",
        "code/setup.sh": "#!/bin/sh\npip install cimis\ncimis demo\necho done\n",
        "code/lib.py": "import os\n# ANCHOR: core\ndef core():\n    return 42\n# ANCHOR_END: core\nprint(core())\n",
        "shared/note.md": "> A shared note.\n",
        "SUMMARY.md": SUMMARY,
    }.items():
        path = src / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    (folder / "book.toml").write_text('[book]\ntitle = "The mdBook guide"\nauthors = ["Anna", "Ben"]\n'
                                      'language = "en"\nsrc = "src"\n', "utf-8")
    return folder


def test_mdbook_book_builds_unchanged(tmp_path):
    from toolkit.workbook.build import build

    book = make_mdbook(tmp_path / "guide")
    out = build(book, "html")
    index = (out / "index.html").read_text("utf-8")
    assert "Welcome to the book." in index  # README.md is the start page
    contents = (out / "contents.html").read_text("utf-8")
    # the suffix chapter comes after the last part's list, not inside it
    reference = contents.index('<h2 class="part">Reference</h2>')
    commands = contents.index("commands.html")
    contributors = contents.index("contributors.html")
    assert reference < commands < contributors
    assert "</ul>" in contents[commands:contributors]
    install = (out / "guide" / "installation.html").read_text("utf-8")
    assert "pip install cimis\ncimis demo" in install and "#!/bin/sh" not in install and "echo done" not in install
    assert "def core():\n    return 42" in install and "ANCHOR" not in install and "import os" not in install
    assert "<blockquote>" in (out / "guide" / "details.html").read_text("utf-8")
    assert 'href="installation.html"' in (out / "reference" / "commands.html").read_text("utf-8").replace(
        "../guide/installation.html", "installation.html")
    toc = (out / "toc.js").read_text("utf-8")
    assert '"u":null' in toc  # the draft chapter, without a page
    # nothing of the chapters shows a status: mdBook has none, so they are final
    assert "status-todo" not in install


def test_include_outside_the_book_is_refused(tmp_path):
    from toolkit.workbook.build import build
    from toolkit.workbook.check import check_book

    book = make_mdbook(tmp_path / "guide")
    (tmp_path / "secret.txt").write_text("TOP SECRET", "utf-8")
    details = book / "src" / "guide" / "details.md"
    details.write_text("# Details\n\n{{#include ../../../secret.txt}}\n\n{{#include /etc/passwd}}\n", "utf-8")
    os.symlink(tmp_path / "secret.txt", book / "src" / "shared" / "link.md")
    (book / "src" / "guide" / "more.md").write_text("{{#include ../shared/link.md}}\n", "utf-8")
    out = build(book, "html")
    html = (out / "guide" / "details.html").read_text("utf-8")
    assert "TOP SECRET" not in html and "root:x" not in html
    problems = "\n".join(str(p) for p in check_book(book))
    assert "include '../../../secret.txt' is outside the book" in problems
    assert "include '/etc/passwd' is outside the book" in problems


def test_todo_warnings_are_one_line(tmp_path):
    from toolkit.workbook.check import check_book

    folder = tmp_path / "book"
    (folder / "chapters").mkdir(parents=True)
    (folder / "book.yaml").write_text("title: T\nlanguage: en\n", "utf-8")
    for n in range(8):
        (folder / "chapters" / f"c{n}.md").write_text(f"---\nstatus: todo\n---\n\nText {n}.\n", "utf-8")
    (folder / "SUMMARY.md").write_text("# Summary\n\n" + "".join(f"- [C{n}](chapters/c{n}.md)\n" for n in range(8)),
                                       "utf-8")
    todo = [str(p) for p in check_book(folder) if "todo" in p.message]
    assert len(todo) == 1
    assert re.search(r"8 chapters are still todo: chapters/c0.md, .*, …", todo[0])


def test_import_mdbook(tmp_path, cli):
    src = make_mdbook(tmp_path / "guide")
    (src / "src" / ".secret").write_text("x", "utf-8")
    result = cli("workbook", "import-mdbook", str(src), str(tmp_path / "wb"))
    assert result.exit_code == 0, result.output
    dest = tmp_path / "wb"
    assert (dest / "book.yaml").is_file() and (dest / "SUMMARY.md").read_text("utf-8") == SUMMARY
    assert not (dest / ".secret").exists()
    assert 'title: "The mdBook guide"' in (dest / "book.yaml").read_text("utf-8")
    assert cli("workbook", "build", str(dest)).exit_code == 0
    assert "Welcome to the book." in (dest / "build" / "html" / "index.html").read_text("utf-8")
    again = cli("workbook", "import-mdbook", str(src), str(dest))
    assert again.exit_code != 0 and "not empty" in again.output
    missing = cli("workbook", "import-mdbook", str(tmp_path / "nothing"), str(tmp_path / "x"))
    assert missing.exit_code != 0 and "book.toml" in missing.output and "Traceback" not in missing.output


def test_bad_book_toml_values_are_clear_problems(tmp_path, cli):
    for toml, expected in (('[book]\ntitle = "T"\nauthors = "Anna"\n', "authors must be a list"),
                           ('[book]\ntitle = "' + "x" * 301 + '"\n', "title is longer than 300 characters"),
                           ('[book]\ndescription = "' + "y" * 301 + '"\n', "description is longer than 300")):
        book = make_mdbook(tmp_path / f"b{len(toml)}")
        (book / "book.toml").write_text(toml, "utf-8")
        result = cli("workbook", "build", str(book))
        assert result.exit_code != 0 and expected in result.output and "Traceback" not in result.output
        assert "book.toml" in result.output
        assert not (book / "build").exists()


def test_a_cold_mdbook_build_needs_no_pydantic(tmp_path):
    """book.toml is read into the light settings record: a first build of an mdBook book
    (nothing cached yet) does not import pydantic, whose import alone costs more than
    building a small book."""
    import subprocess
    import sys

    book = make_mdbook(tmp_path / "guide")
    code = ("import sys; from toolkit.workbook.build import build; build(sys.argv[1], 'html'); "
            "print('pydantic' in sys.modules)")
    env = {**os.environ, "CIMIS_CACHE_DIR": str(tmp_path / "empty-cache")}
    out = subprocess.run([sys.executable, "-c", code, str(book)], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.strip().splitlines()[-1] == "False"
    assert (book / "build" / "html" / "index.html").is_file()


def test_no_front_matter_means_the_models_defaults():
    """The shortcut for chapters without front matter gives what validating an empty front
    matter gives."""
    from toolkit.workbook.files import parse_chapter
    from toolkit.workbook.layout import NO_FRONT_MATTER, ChapterFields

    meta, body, line, problems = parse_chapter("# Title\n\nText.\n", Path("c.md"))
    assert ChapterFields.of(meta) == NO_FRONT_MATTER and body == "# Title\n\nText.\n" and line == 1 and not problems
