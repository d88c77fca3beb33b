"""The SVG charts of generated chapters: well-formed, escaped, and what the data says."""

from __future__ import annotations

from xml.etree import ElementTree

NS = "{http://www.w3.org/2000/svg}"


def test_bar_chart_scales_and_escapes():
    from toolkit.workbook.charts import bar_chart

    svg = bar_chart('Votes <script>alert(1)</script> & "more"', [("Paper <b>less</b>", 4), ("Tablets", 2), ("Nil", 0)])
    root = ElementTree.fromstring(svg)  # well-formed: every label was escaped
    widths = [float(r.get("width")) for r in root.iter(NS + "rect")]
    assert widths == [300, 150, 0]
    texts = [t.text for t in root.iter(NS + "text")]
    assert "Paper <b>less</b>" in texts and "4" in texts
    assert "<script" not in svg and "<b>" not in svg


def test_match_graph_draws_a_line_per_match():
    from toolkit.workbook.charts import match_graph

    svg = match_graph("Teams", ["Ben", "Jonas", "Lena"], ["Koch & Söhne", "Studio"], [(0, 0), (1, 0), (2, 1)])
    root = ElementTree.fromstring(svg)
    lines = [(line.get("y1"), line.get("y2")) for line in root.iter(NS + "line")]
    assert lines == [("20", "20"), ("46", "20"), ("72", "46")]
    assert "Koch &amp; Söhne" in svg and len(list(root.iter(NS + "circle"))) == 5


def test_bar_chart_makes_room_for_long_labels():
    from toolkit.workbook.charts import bar_chart

    short = ElementTree.fromstring(bar_chart("T", [("Yes", 1)]))
    long = ElementTree.fromstring(bar_chart("T", [("How do we start a project with a carpenter?", 1)]))
    for root, text in ((short, "Yes"), (long, "How do we start a project with a carpenter?")):
        label = next(t for t in root.iter(NS + "text") if t.text == text)
        # the label ends at x, right-aligned: it needs about 0.56 of the font size per letter
        assert float(label.get("x")) >= len(text) * 13 * 0.56
    assert float(long.get("width")) > float(short.get("width"))
