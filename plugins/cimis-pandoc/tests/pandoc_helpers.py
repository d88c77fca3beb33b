"""A small workbook for the cimis-pandoc tests, hostile text included."""

from __future__ import annotations

from pathlib import Path

HOSTILE = '<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))'


def make_book(folder: Path, remote_image: str = "http://127.0.0.1:9/tracker.png") -> Path:
    (folder / "chapters").mkdir(parents=True)
    (folder / "book.yaml").write_text("title: Cross. Create. Innovate.\nauthors: [Anna Berg]\nlanguage: en\n", "utf-8")
    (folder / "SUMMARY.md").write_text("# Summary\n\n- [Start](chapters/start.md)\n- [Ideas](chapters/ideas.md)\n",
                                       "utf-8")
    (folder / "chapters" / "start.md").write_text(
        "---\ntitle: Start\nstatus: final\n---\n\nThe job sheet travels to the building site.\n\n"
        f"## Notes\n\n{HOSTILE}\n\n![remote]({remote_image})\n\nSee [ideas](ideas.md#paper).\n", "utf-8")
    (folder / "chapters" / "ideas.md").write_text(
        "---\ntitle: Ideas\nstatus: draft\n---\n\n## Paper\n\nA digital process instead of paper.\n", "utf-8")
    return folder
