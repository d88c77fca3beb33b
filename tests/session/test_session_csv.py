"""The CSV export of captures: no cell runs as a spreadsheet formula, a lone carriage
return cannot split a row, and what a participant wrote reads back unchanged."""

from __future__ import annotations

import csv
import io
import json

from toolkit.session.exchange import CSV_COLUMNS, to_csv


def _row(seq: int, author: str, record: dict, item: str = "idea-forge") -> dict:
    return {"seq": seq, "id": f"id-{seq}", "item": item, "step": "ideas", "kind": "note", "author": author,
            "at": "2026-03-14T10:30:00.000+00:00", "record": record}


def test_formulas_are_neutralised_and_rows_stay_whole():
    hostile = '=HYPERLINK("http://evil.example","click")'
    rows = [_row(1, hostile, {"text": "=1+1"}), _row(2, "anna\rbert", {"text": "line\r\nbreak"}),
            _row(3, "@SUM(A1)", {"text": "-3"}, item="+item"), _row(4, "-2", {"n": -3})]
    text = to_csv(rows)
    table = list(csv.reader(io.StringIO(text, newline="")))
    assert tuple(table[0]) == CSV_COLUMNS
    assert len(table) == 5  # header and four rows: the lone \r split nothing
    cells = [cell for row in table[1:] for cell in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert table[1][5] == "'" + hostile and table[3][5] == "'@SUM(A1)" and table[3][2] == "'+item"
    assert table[4][5] == "'-2"
    assert table[2][5] == "anna\rbert"  # quoted, so the carriage return stays inside the cell
    assert '"anna\rbert"' in text
    # the record column is JSON that reads back as written (it starts with '{', never a formula)
    assert [json.loads(r[7]) for r in table[1:]] == [{"text": "=1+1"}, {"text": "line\r\nbreak"}, {"text": "-3"},
                                                     {"n": -3}]
    assert [r[0] for r in table[1:]] == ["1", "2", "3", "4"]
