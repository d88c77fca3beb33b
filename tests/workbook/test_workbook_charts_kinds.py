"""Charts for the remaining kinds of generated chapters: the word cloud (words sized by
count), questions by upvotes (bars), mutual interests after speed dating (a graph of
creatives and companies) and a checklist's progress. Each is static SVG without scripts,
escapes hostile labels (they stay text), speaks the workshop's language and says which
session and step it was drawn from."""

from __future__ import annotations

from xml.etree import ElementTree

import pytest

from workbook_util import capture, engine, make_book, read

NS = "{http://www.w3.org/2000/svg}"
HOSTILE = '</text><script>alert(1)</script><text>"&amp;'
#: short enough for a word-cloud answer (at most 30 characters)
HOSTILE_WORD = "<script>alert(1)</script>&amp;"

PLAN = """\
title: Chart workshop
date: 2026-03-14
start: "09:00"
language: en
seed: 3
people:
  - {id: anna, name: Anna Berger, role: creative, organisation: Studio Berger}
  - {id: cleo, name: Cleo Lang, role: creative}
  - {id: bert, name: Bert Koch, role: company, organisation: Koch Carpentry}
  - {id: dora, name: Dora Roth, role: company, organisation: Roth Metal}
agenda:
  - id: arrive
    method: word-cloud
  - id: talk
    method: expert-talk-questions
  - id: dating
    method: speed-dating
  - id: retro
    method: retrospective
"""


def _svg_of(book, pattern):
    charts = list((book / "charts").glob(pattern))
    assert len(charts) == 1, sorted(p.name for p in (book / "charts").glob("*"))
    text = charts[0].read_text("utf-8")
    return charts[0], text, ElementTree.fromstring(text)  # well-formed: every label was escaped


def _no_markup_from_labels(root, svg):
    assert not [e for e in root.iter() if e.tag in (NS + "script", "script")]
    assert "<script" not in svg and "alert(1)" in svg  # the hostile text is there, as text


@pytest.fixture
def synced(tmp_path):
    def run(language="en"):
        folder = tmp_path / "ws"
        folder.mkdir(exist_ok=True)
        (folder / "workshop.yaml").write_text(PLAN, "utf-8")
        # one answer per person (the card's rule): one capture per author
        for author, word in (("anna", "curious"), ("bert", "Curious"), ("cleo", "tired"), ("dora", HOSTILE_WORD)):
            capture(folder, "arrive", "answers", {"text": word}, author=author)
        capture(folder, "talk", "questions", {"op": "ask", "text": "How do I start?"},
                {"op": "ask", "text": HOSTILE})
        with engine(folder) as e:
            first, second = (q.id for q in e.result("talk", "questions").questions)
        capture(folder, "talk", "questions", {"op": "upvote", "question": second}, author="bert")
        capture(folder, "talk", "questions", {"op": "upvote", "question": second}, author="cleo")
        capture(folder, "talk", "questions", {"op": "upvote", "question": first}, author="dora")
        capture(folder, "dating", "interests", {"person": "anna", "must": ["bert"]},
                {"person": "bert", "could": ["anna"]}, {"person": "cleo", "must": ["dora"]},
                {"person": "dora", "no": ["cleo"]})
        capture(folder, "retro", "actions", {"op": "add", "item": "Book the hall"},
                {"op": "add", "item": "Send photos"}, {"op": "add", "item": "Ask the jury"},
                {"op": "tick", "item": "Book the hall"})
        book = make_book(tmp_path / f"book-{language}", ["../ws"], language=language)
        from toolkit.workbook.sync import sync

        sync(book)
        return book

    return run


def test_word_cloud_sizes_words_by_count(synced):
    book = synced()
    path, svg, root = _svg_of(book, "*arrive*.svg")
    sizes = {t.text: float(t.get("font-size")) for t in root.iter(NS + "text")}
    assert sizes["curious"] > sizes["tired"]  # given twice (case aside) against once
    assert sizes[HOSTILE_WORD] == sizes["tired"]
    _no_markup_from_labels(root, svg)
    chapter = read(book / "chapters" / "ws-arrive.md")
    assert f"](../charts/{path.name})" in chapter and "Word cloud: the larger a word" in chapter


def test_questions_are_bars_by_upvotes(synced):
    book = synced()
    _path, svg, root = _svg_of(book, "*talk*.svg")
    widths = [float(r.get("width")) for r in root.iter(NS + "rect")]
    assert widths == [300, 150]  # two votes, then one
    texts = [t.text for t in root.iter(NS + "text")]
    assert texts[0] == HOSTILE[:47] + "…" or texts[0] == HOSTILE
    assert "How do I start?" in texts
    _no_markup_from_labels(root, svg)
    assert "Upvotes per question" in read(book / "chapters" / "ws-talk.md")


def test_mutual_interests_are_a_graph_of_creatives_and_companies(synced):
    book = synced()
    _path, _svg, root = _svg_of(book, "*dating*.svg")
    texts = [t.text for t in root.iter(NS + "text")]
    assert texts == ["Anna Berger", "Bert Koch"]  # the one mutual pair; Cleo and Dora's is blocked
    assert len(list(root.iter(NS + "line"))) == 1
    assert "Mutual interests" in read(book / "chapters" / "ws-dating.md")


def test_checklist_progress_bar(synced):
    book = synced()
    _path, _svg, root = _svg_of(book, "*retro-actions*.svg")
    rects = [float(r.get("width")) for r in root.iter(NS + "rect")]
    assert rects == [520, round(520 / 3)]
    assert [t.text for t in root.iter(NS + "text")] == ["1 of 3 done (33 %)"]
    assert "Checklist progress: 1 of 3 done (33 %)" in read(book / "chapters" / "ws-retro.md")


def test_charts_say_where_they_come_from(synced):
    book = synced()
    for pattern, step in (("*arrive*", "arrive.answers"), ("*talk*", "talk.questions"),
                          ("*dating*", "dating.interests"), ("*retro-actions*", "retro.actions")):
        _path, _svg, root = _svg_of(book, pattern + ".svg")
        desc = root.find(NS + "desc").text
        assert desc.startswith("Drawn from session ") and "of the workshop '../ws'" in desc and step in desc


def test_charts_in_german(synced):
    book = synced("de")
    _path, _svg, root = _svg_of(book, "*retro-actions*.svg")
    assert [t.text for t in root.iter(NS + "text")] == ["1 von 3 erledigt (33 %)"]
    assert root.find(NS + "desc").text.startswith("Gezeichnet aus der Sitzung ")
    assert "Wortwolke: Je größer ein Wort" in read(book / "chapters" / "ws-arrive.md")
    assert "Stimmen je Frage" in read(book / "chapters" / "ws-talk.md")
    assert "Gegenseitiges Interesse" in read(book / "chapters" / "ws-dating.md")


def test_published_charts_keep_hostile_labels_as_text(synced):
    """The build copies SVG through the allow-list sanitiser: the charts pass it unchanged
    in what they say, and the hostile labels are still text."""
    from toolkit.workbook.build import build

    book = synced()
    out = build(book, "html")
    for path in (out / "charts").glob("*.svg"):
        svg = path.read_text("utf-8")
        root = ElementTree.fromstring(svg)
        assert not [e for e in root.iter() if e.tag.endswith("script")] and "<script" not in svg
        assert root.find(NS + "desc") is not None and root.find(NS + "title") is not None


def test_word_cloud_unit_bounds_and_escapes():
    from toolkit.workbook.charts import CLOUD_WIDTH, MAX_WORDS, word_cloud

    words = [("x" * 200, 50), ("<b>bold</b>", 10)] + [(f"w{i}", 1) for i in range(100)]
    svg = word_cloud("Cloud & <title>", words, desc="from <session>")
    root = ElementTree.fromstring(svg)
    texts = list(root.iter(NS + "text"))
    assert len(texts) == MAX_WORDS
    for text in texts:
        size, x = float(text.get("font-size")), float(text.get("x"))
        assert x >= 0 and x + 0.62 * size * len(text.text) <= CLOUD_WIDTH
    assert texts[1].text == "<b>bold</b>" and "<b>" not in svg
    assert texts[1].find(NS + "title").text == "<b>bold</b>: 10"
    assert word_cloud("Empty", []).count("<text") == 0


def test_progress_bar_unit_bounds():
    from toolkit.workbook.charts import progress_bar

    for done, total, width in ((0, 4, 0), (4, 4, 520), (9, 4, 520), (0, 0, 0)):
        root = ElementTree.fromstring(progress_bar("T", done, total, "<caption>"))
        assert float(list(root.iter(NS + "rect"))[1].get("width")) == width
        assert [t.text for t in root.iter(NS + "text")] == ["<caption>"]
