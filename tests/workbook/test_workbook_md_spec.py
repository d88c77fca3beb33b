"""The Markdown export preserves meaning: each of the 652 CommonMark spec examples, as a
chapter of one book, renders the same once pushed through ``book.md`` as on its own page.

Each example chapter follows a sentinel chapter whose text uses the labels the spec's
examples define most (``[foo]``, ``[bar]``, ``[Foo bar]``): a definition leaking from one
chapter into another, or an unclosed fence swallowing the next chapters, changes the
sentinels too. Both sides render with the workbook's own rules (CommonMark, raw HTML off,
the same link schemes allowed). What the export changes by design is normalised: headings
outside lists and quotes are one level deeper (the book title is the only ``#``), an ATX
heading holds no line break (a setext heading's soft break becomes a space), and links to
headings point at the combined file's anchors.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

SPEC = Path(__file__).parent / "data" / "commonmark-spec-0.31.2.json"
HREF = re.compile(r'href="#[^"]*"')
HEADING = re.compile(r"(<h[1-6]>)(.*?)(</h[1-6]>)", re.S)
SENTINEL = "<h2>Sentinel {n} zq</h2>\n<p>sentinel {n} [foo] [bar] [Foo bar]</p>\n"


def _renderer():
    from markdown_it import MarkdownIt

    from toolkit.workbook.render import safe_url

    md = MarkdownIt("commonmark", {"html": False})
    md.validateLink = safe_url
    return md


def _normal(html: str) -> str:
    html = HREF.sub('href="#"', html)
    return HEADING.sub(lambda m: m.group(1) + " ".join(m.group(2).split()) + m.group(3), html).strip()


def _page(md, source: str) -> str:
    """The chapter page's HTML with top-level headings one level deeper, as in book.md."""
    tokens = md.parse(source)
    for tok in tokens:
        if tok.type in ("heading_open", "heading_close") and tok.level == 0:
            tok.tag = f"h{min(int(tok.tag[1]) + 1, 6)}"
    return md.renderer.render(tokens, md.options, {})


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    from toolkit.workbook.book import load_book
    from toolkit.workbook.exporters_md import combine

    examples = json.loads(SPEC.read_text("utf-8"))
    folder = tmp_path_factory.mktemp("spec") / "book"
    (folder / "chapters").mkdir(parents=True)
    (folder / "book.yaml").write_text("title: Spec\nlanguage: en\n", "utf-8")
    summary = ["# Summary", ""]
    for ex in examples:
        n = ex["example"]
        (folder / "chapters" / f"s{n:03d}.md").write_text(
            f"---\ntitle: Sentinel {n} zq\n---\n\nsentinel {n} [foo] [bar] [Foo bar]\n", "utf-8")
        (folder / "chapters" / f"e{n:03d}.md").write_text(f"---\ntitle: Spec example {n} zq\n---\n\n"
                                                           + ex["markdown"], "utf-8")
        summary += [f"- [S](chapters/s{n:03d}.md)", f"- [E](chapters/e{n:03d}.md)"]
    (folder / "SUMMARY.md").write_text("\n".join(summary) + "\n", "utf-8")
    book = load_book(folder)
    return examples, book, combine(book)


def test_no_commonmark_spec_example_changes_meaning(exported):
    from toolkit.workbook.render import chapter_markdown

    examples, book, text = exported
    md = _renderer()
    html = md.render(text)
    chapters = {c.rel: c for c in book.chapters}
    changed = []
    for i, ex in enumerate(examples):
        n = ex["example"]
        sentinel = SENTINEL.format(n=n)
        start = html.find(sentinel)
        end = html.find(f"<h2>Sentinel {n + 1} zq</h2>") if i + 1 < len(examples) else len(html)
        expected = _page(md, chapter_markdown(chapters[f"chapters/e{n:03d}.md"]))
        got = html[start + len(sentinel):end] if start >= 0 and end >= 0 else None
        if got is None or _normal(got) != _normal(expected):
            changed.append(n)
    assert len(examples) == 652
    assert changed == [], f"{len(changed)} of 652 examples change: {changed[:20]}"


def test_export_of_the_spec_carries_no_raw_html(exported):
    """Other tools render book.md with raw HTML on: none may be left for them."""
    from markdown_it import MarkdownIt

    _examples, _book, text = exported
    tokens = MarkdownIt("commonmark", {"html": True}).parse(text)
    raw = [t for t in tokens if t.type == "html_block"]
    raw += [c for t in tokens if t.type == "inline" for c in t.children or [] if c.type == "html_inline"]
    assert raw == []


def _book(tmp_path, chapters: dict[str, str]):
    from toolkit.workbook.book import load_book

    folder = tmp_path / "book"
    (folder / "chapters").mkdir(parents=True)
    (folder / "book.yaml").write_text("title: T\nlanguage: en\n", "utf-8")
    for name, body in chapters.items():
        (folder / "chapters" / name).write_text(body, "utf-8")
    (folder / "SUMMARY.md").write_text("# Summary\n\n" + "".join(f"- [{n}](chapters/{n})\n" for n in chapters),
                                       "utf-8")
    return load_book(folder)


def test_reference_definitions_are_scoped_per_chapter(tmp_path):
    from toolkit.workbook.exporters_md import combine

    book = _book(tmp_path, {"a.md": "# A\n\n[foo] and [x][foo]\n\n[foo]: https://a.example\n",
                            "b.md": "# B\n\n[foo] stays text; [bar][] is B's\n\n[bar]: https://b.example\n"})
    html = _renderer().render(combine(book))
    a, b = html.split("<h2>B</h2>")
    assert a.count('href="https://a.example"') == 2
    assert "[foo] stays text" in b and '<a href="https://b.example">bar</a>' in b


def test_unclosed_fence_does_not_swallow_the_next_chapter(tmp_path):
    from toolkit.workbook.exporters_md import combine

    book = _book(tmp_path, {"a.md": "# A\n\n````py\ncode\n", "b.md": "# B\n\n*text*\n"})
    html = _renderer().render(combine(book))
    assert "<h2>B</h2>" in html and "<em>text</em>" in html


def test_no_raw_html_through_definition_lookalikes(tmp_path):
    from markdown_it import MarkdownIt

    from toolkit.workbook.exporters_md import combine

    book = _book(tmp_path, {"a.md": ("# A\n\n[x]: /url <script>alert(1)</script>\n\n[y]: javascript:alert(1)\n\n"
                                     "[y] <https://ok.example/a_b> <javascript:alert(2)>\n")})
    text = combine(book)
    html = MarkdownIt("commonmark", {"html": True}).render(text)
    assert "<script" not in html and 'href="javascript' not in html
    assert '<a href="https://ok.example/a_b">' in html  # autolinks not broken by escaping
