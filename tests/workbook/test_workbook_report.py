"""The event report's closing items and organisations by branch, and the chart of a
pitch round: what a reader of an event report wants, from the plan and the session."""

from __future__ import annotations

from xml.etree import ElementTree

from workbook_util import capture, make_book, read

PLAN = """\
title: Report workshop
date: 2026-03-14
start: "09:00"
language: en
seed: 3
people:
  - {id: anna, name: Anna Berger, role: creative, organisation: Studio Berger, branch: Design}
  - {id: cleo, name: Cleo Lang, role: creative, organisation: Lang Sound, branch: Music}
  - {id: dora, name: Dora Roth, role: creative, organisation: Roth Pixel, branch: design}
  - {id: bert, name: Bert Koch, role: company, organisation: Koch Carpentry, branch: Carpentry}
  - {id: emil, name: Emil Voss, role: company, organisation: Voss Metal}
  - {id: fritz, name: Fritz Voss, role: company, organisation: Voss Metal}
agenda:
  - id: welcome
    type: talk
    title: Welcome
    minutes: 10
    speaker: bert
  - id: pitches
    method: pitch-creatives
  - id: coffee
    type: break
    title: Coffee
    minutes: 15
  - id: outlook
    type: free
    title: Wrap-up and outlook
    minutes: 15
    notes: Next dates, swap contacts, photos for the workbook.
"""


def _workshop(tmp_path):
    folder = tmp_path / "ws"
    folder.mkdir()
    (folder / "workshop.yaml").write_text(PLAN, "utf-8")
    capture(folder, "pitches", "pitches", {"pitch": "anna", "type": "like", "text": "Clear idea"},
            {"pitch": "anna", "type": "wish", "text": "More pictures"},
            {"pitch": "cleo", "type": "whatif", "text": "What if the machines played music?"})
    return folder


def test_report_has_closing_items_and_organisations_by_branch(tmp_path, cli):
    _workshop(tmp_path)
    book = make_book(tmp_path / "book", ["../ws"])
    result = cli("workbook", "sync", str(book))
    assert result.exit_code == 0, result.output
    report = read(book / "chapters" / "ws-report.md")
    assert "## Closing" in report
    closing = report.split("## Closing", 1)[1].split("##", 1)[0]
    assert "- **Wrap-up and outlook** (10:10, 15 min)" in closing
    assert "Next dates, swap contacts, photos for the workbook." in closing
    assert "Coffee" not in closing and "Welcome" not in closing  # a break and a talk are not closing items
    # by branch where people give one (case aside), by role where not; one organisation counts once
    assert "| Organisations: Carpentry | 1 |" in report
    assert "| Organisations: Design | 2 |" in report
    assert "| Organisations: Music | 1 |" in report
    assert "| Organisations: Company | 1 |" in report  # Voss Metal: no branch given, twice in the plan
    assert "| Participants | 6 |" in report


def test_pitch_round_gets_a_chart_of_feedback(tmp_path, cli):
    _workshop(tmp_path)
    book = make_book(tmp_path / "book", ["../ws"])
    assert cli("workbook", "sync", str(book)).exit_code == 0
    charts = list((book / "charts").glob("*pitches*.svg"))
    assert len(charts) == 1
    root = ElementTree.fromstring(charts[0].read_text("utf-8"))
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "Anna Berger" in texts and "Cleo Lang" in texts and "2" in texts and "1" in texts
    chapter = read(book / "chapters" / "ws-pitches.md")
    assert f"](../charts/{charts[0].name})" in chapter and "Feedback per pitch" in chapter


def test_german_report_labels(tmp_path, cli):
    _workshop(tmp_path)
    book = make_book(tmp_path / "book", ["../ws"], language="de")
    assert cli("workbook", "sync", str(book)).exit_code == 0
    report = read(book / "chapters" / "ws-report.md")
    assert "## Abschluss" in report and "15 Min." in report
    assert "| Organisationen: Company |" not in report and "Unternehmen" in report
