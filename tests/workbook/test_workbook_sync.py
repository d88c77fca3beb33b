"""``cimis workbook sync``: chapters from sessions, repeatable, never destroying author text."""

from __future__ import annotations

import json

from toolkit.workbook.book import load_book
from toolkit.workbook.markers import parse
from toolkit.workbook.sync import STATE_FILE, sync
from workbook_util import capture, make_book, notes, read


def chapter(book, name):
    return book / "chapters" / name


def test_first_sync_writes_a_chapter_per_method_run_with_captures(book, cli):
    result = cli("workbook", "sync", str(book))
    assert result.exit_code == 0, result.output
    loaded = load_book(book)
    assert [c.rel for c in loaded.chapters] == ["chapters/ws-report.md", "chapters/ws-forge.md",
                                                "chapters/ws-canvas.md", "chapters/checklists.md"]
    forge = loaded.chapters[1]
    assert forge.status == "draft" and forge.source.workshop == "../ws" and forge.source.item == "forge"
    assert "Digital job sheet" in forge.body
    assert "QR codes on \\<b\\>boards\\</b\\>" in forge.body  # participant text stays text
    assert "## Who took part" not in forge.body  # the roster is in the event report, once
    assert "_Mixed tables of creatives" in forge.body  # the card's purpose
    refs = set(parse(forge.body.split("\n")).passages())
    assert refs == {"ws/forge/_purpose", "ws/forge/ideas"}
    report = loaded.chapters[0]
    assert "## Who took part" in report.body and "Anna Berger (Creative, Studio Berger)" in report.body
    assert sum(c.body.count("## Who took part") for c in loaded.chapters) == 1
    checklists = loaded.chapters[3]
    assert checklists.title == "Checklists and shortcuts"
    assert "Buy two tablets" in checklists.body and "### Shortcuts" in checklists.body
    # talks, breaks and steps without captures give no chapter
    assert not any("coffee" in (c.rel or "") or "welcome" in (c.rel or "") for c in loaded.chapters)


def test_second_sync_changes_nothing(book):
    sync(book)
    before = {p: p.read_bytes() for p in book.rglob("*") if p.is_file()}
    report = sync(book)
    assert not report.created and not report.updated and report.replaced == 0
    assert {p: p.read_bytes() for p in book.rglob("*") if p.is_file()} == before


def test_new_results_replace_unedited_passages_and_author_text_stays(book, workshop):
    sync(book)
    path = chapter(book, "ws-forge.md")
    text = read(path)
    text = text.replace("# Free idea forge\n", "# Free idea forge\n\nOur intro, written by hand.\n")
    text += "\nA closing thought by the authors.\n"
    text = text.replace("status: draft", "status: review")
    path.write_text(text, "utf-8")
    capture(workshop, "forge", "ideas", {"op": "card", "text": "Tablet in the van"})
    report = sync(book)
    assert report.replaced >= 1 and not report.conflicts
    after = read(path)
    assert "Tablet in the van" in after
    assert "Our intro, written by hand." in after and "A closing thought by the authors." in after
    assert "status: review" in after


def test_author_edit_inside_and_new_results_give_a_conflict(book, workshop, cli):
    sync(book)
    path = chapter(book, "ws-forge.md")
    text = read(path).replace("- Digital job sheet", "- Digital job sheet (the authors' favourite)")
    path.write_text(text, "utf-8")
    capture(workshop, "forge", "ideas", {"op": "card", "text": "Tablet in the van"})
    result = cli("workbook", "sync", str(book))
    assert result.exit_code == 0, result.output
    assert "ws-forge.md:" in result.output and "conflict: 'ws/forge/ideas'" in result.output
    after = read(path)
    assert "(the authors' favourite)" in after
    assert "<!-- cimis:conflict ref=ws/forge/ideas" in after
    line = int(result.output.split("ws-forge.md:")[1].split(":")[0])
    assert after.split("\n")[line - 1].startswith("<!-- cimis:conflict ref=ws/forge/ideas")
    assert after.index("(the authors' favourite)") < after.index("Tablet in the van")
    # check refuses to build with an unresolved conflict
    checked = cli("workbook", "check", str(book))
    assert checked.exit_code == 1 and "unresolved sync conflict" in checked.output
    # syncing again with the same results adds nothing
    sync(book)
    assert read(path).count("cimis:conflict ") == 1
    # the author merges and deletes the block: no conflict comes back
    lines = after.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("<!-- cimis:conflict"))
    end = next(i for i, line in enumerate(lines) if line.startswith("<!-- cimis:end-conflict"))
    path.write_text("\n".join(lines[:start] + lines[end + 1:]), "utf-8")
    report = sync(book)
    assert not report.conflicts
    assert "cimis:conflict" not in read(path) and "(the authors' favourite)" in read(path)


def test_author_edit_inside_without_new_results_is_kept(book):
    sync(book)
    path = chapter(book, "ws-forge.md")
    path.write_text(read(path).replace("- Digital job sheet", "- A digital job sheet"), "utf-8")
    report = sync(book)
    assert not report.conflicts and "- A digital job sheet" in read(path)


def test_removed_passages_and_deleted_chapters_do_not_come_back(book, workshop):
    sync(book)
    path = chapter(book, "ws-report.md")
    lines = read(path).split("\n")
    lines = [line for line in lines if "ref=ws/_report/people" not in line]  # markers gone: the text is the authors'
    path.write_text("\n".join(lines), "utf-8")
    chapter(book, "ws-canvas.md").unlink()
    notes(workshop, "canvas", "walkthrough", "One more note")
    sync(book)
    assert read(path).count("## Who took part") == 1
    assert not chapter(book, "ws-canvas.md").exists()
    state = json.loads(read(book / STATE_FILE))
    assert "ws::canvas" in state["chapters"]  # keyed by the workshop's id


def test_summary_keeps_the_authors_order_and_additions(book, workshop):
    sync(book)
    (book / "chapters" / "intro.md").write_text("---\ntitle: Intro\nstatus: draft\n---\n\nHello.\n", "utf-8")
    summary = read(book / "SUMMARY.md").split("\n")
    summary.insert(1, "\n[Intro](chapters/intro.md)\n\n# Results")
    summary = [*(entry for entry in summary if "ws-canvas" not in entry), "- [Canvas, moved](chapters/ws-canvas.md)"]
    (book / "SUMMARY.md").write_text("\n".join(summary), "utf-8")
    capture(workshop, "sprint", "review", {"op": "tick", "item": "Terms are used the same way in all chapters"})
    sync(book)
    text = read(book / "SUMMARY.md")
    assert "[Intro](chapters/intro.md)" in text and "# Results" in text
    assert text.index("Canvas, moved") < text.index("chapters/ws-sprint.md")
    assert [c.rel for c in load_book(book).chapters][-1] == "chapters/ws-sprint.md"


def test_anonymised_book_shows_roles_and_numbers(tmp_path, workshop):
    book = make_book(tmp_path / "anon", ["../ws"], anonymise=True, language="de")
    sync(book)
    text = read(book / "chapters" / "ws-canvas.md")
    report = read(book / "chapters" / "ws-report.md")
    assert "Anna Berger" not in text + report and "Bert Koch" not in text + report
    assert "- Kreative 1" in report and "- Kreative 2" in report and "- Unternehmen 1" in report
    assert "Kreative 1: coffee stains" in text
    assert "## Wer dabei war" in report
    assert "Checklisten und Shortcuts" in read(book / "SUMMARY.md")


def test_sources_without_session_are_a_warning(tmp_path, cli):
    from workbook_util import make_workshop

    make_workshop(tmp_path / "empty")
    book = make_book(tmp_path / "book", ["../empty", "../missing"])
    result = cli("workbook", "sync", str(book))
    assert "warning: no session yet" in result.output
    assert "source '../missing' is not a folder" in result.output
    assert result.exit_code == 1


def test_broken_chapter_front_matter_stops_sync_before_writing(book, cli):
    sync(book)
    path = chapter(book, "ws-forge.md")
    path.write_text(read(path).replace("status: draft", "status: [oops"), "utf-8")
    before = read(path)
    result = cli("workbook", "sync", str(book))
    assert result.exit_code == 1 and "ws-forge.md:" in result.output and "Traceback" not in result.output
    assert read(path) == before


def test_cimis_new_creates_a_workbook_that_syncs(tmp_path, cli):
    result = cli("new", str(tmp_path / "kick"), "--example", "kickoff", "--language", "de")
    assert result.exit_code == 0, result.output
    book = load_book(tmp_path / "kick" / "workbook")
    assert book.sources == [".."] and book.language == "de" and book.chapters == []
    result = cli("workbook", "sync", str(tmp_path / "kick" / "workbook"))
    assert result.exit_code == 0 and "no session yet" in result.output


def test_renaming_the_workshop_folder_does_not_double_chapters(tmp_path, workshop, book):
    """Sync follows the workshop's stable id: rename the folder, point book.yaml at the new
    name, and the chapters stay the same ones."""
    from toolkit.workbook.sync import sync

    plan = workshop / "workshop.yaml"
    plan.write_text("# the kickoff plan, with a comment that must survive\n" + read(plan), "utf-8")
    first = sync(book)
    assert first.ok and first.created
    text = read(plan)
    assert text.startswith("# the kickoff plan, with a comment that must survive\n")
    assert "\nid: ws\n" in "\n" + text  # the older plan got its id, the key sync used before
    before = sorted(p.name for p in (book / "chapters").glob("*.md"))
    renamed = workshop.rename(tmp_path / "ws-renamed")
    config = book / "book.yaml"
    config.write_text(read(config).replace("../ws", "../ws-renamed"), "utf-8")
    notes(renamed, "canvas", "walkthrough", "A note after the rename")
    second = sync(book)
    assert second.ok and second.created == []
    assert sorted(p.name for p in (book / "chapters").glob("*.md")) == before
    canvas = read(book / "chapters" / "ws-canvas.md")
    assert "A note after the rename" in canvas and canvas.count("Paper travels to the site") == 1
    assert read(book / "SUMMARY.md").count("ws-canvas.md") == 1


def test_new_workshops_get_an_id(tmp_path):
    from toolkit.plan.load import load_plan
    from toolkit.workshop import create_workshop

    a = create_workshop(tmp_path / "a", title="A", language="en")
    b = create_workshop(tmp_path / "b", title="B", language="en")
    ids = [load_plan(a).id, load_plan(b).id]
    assert all(i and i.startswith(n + "-") for i, n in zip(ids, "ab")) and ids[0] != ids[1]


def test_event_report_chapter(book, workshop):
    sync(book)
    report = read(chapter(book, "ws-report.md"))
    assert "# Workbook test workshop: Event report" in report
    assert "**Date:** 2026-03-14" in report and "**Time:** 09:00–" in report
    assert "| 09:00 | Welcome | 10 |" in report  # the day's schedule
    assert "| Participants | 3 |" in report and "| Ideas | 2 |" in report and "| Matches | 0 |" in report
    assert "| Organisations: Creative | 1 |" in report and "| Organisations: Company | 1 |" in report
    assert "Generated from session " in report and "of the workshop '../ws'" in report  # provenance


def test_event_report_in_german(tmp_path, workshop):
    book = make_book(tmp_path / "buch", ["../ws"], language="de")
    sync(book)
    report = read(book / "chapters" / "ws-report.md")
    assert "Veranstaltungsbericht" in report and "**Datum:** 14.03.2026" in report and "| Teilnehmende | 3 |" in report


def test_dot_votes_become_a_bar_chart(book, workshop):
    capture(workshop, "forge", "cluster", {"op": "group", "cards": [1], "cluster": "Paperless <script>"},
            {"op": "group", "cards": [2], "cluster": "Hardware"})
    capture(workshop, "forge", "vote", {"voter": "anna", "item": "Paperless <script>", "dots": 2},
            {"voter": "bert", "item": "Paperless <script>", "dots": 1},
            {"voter": "bert", "item": "Hardware", "dots": 1})
    sync(book)
    svg = read(book / "charts" / "ws-forge-vote.svg")
    assert svg.startswith("<svg") and "<script" not in svg and "Paperless &lt;script&gt;" in svg
    assert svg.count("<rect") == 2 and ">3</text>" in svg and ">1</text>" in svg
    forge = read(chapter(book, "ws-forge.md"))
    assert "](../charts/ws-forge-vote.svg)" in forge
    from toolkit.workbook.build import build

    out = build(book, "html")
    assert (out / "charts" / "ws-forge-vote.svg").is_file()
    assert 'src="../charts/ws-forge-vote.svg"' in (out / "chapters" / "ws-forge.html").read_text("utf-8")
