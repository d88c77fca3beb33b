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
