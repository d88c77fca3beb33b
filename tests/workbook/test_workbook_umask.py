"""Folders a workbook command creates follow the umask like any other (a build's output and
an imported mdBook book were 0700 whatever the umask said), and sync writes front matter
that it can read back whatever the title holds (U+007F was written in JSON's escaping,
which YAML does not read)."""

from __future__ import annotations

import os
import stat

from test_workbook_mdbook import make_mdbook
from test_workbook_safety import build, make_book


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def with_umask(mask, fn):
    old = os.umask(mask)
    try:
        return fn()
    finally:
        os.umask(old)


def test_build_output_follows_the_umask(tmp_path):
    book = make_book(tmp_path / "book", {"chapters/a.md": "# A\n\nText.\n"})
    out = with_umask(0o022, lambda: build(book))
    assert mode(out) == 0o755
    again = with_umask(0o027, lambda: build(book, out=tmp_path / "other"))
    assert mode(again) == 0o750


def test_imported_mdbook_follows_the_umask(tmp_path, cli):
    src = make_mdbook(tmp_path / "guide")
    result = with_umask(0o022, lambda: cli("workbook", "import-mdbook", str(src), str(tmp_path / "wb")))
    assert result.exit_code == 0, result.output
    assert mode(tmp_path / "wb") == 0o755


def test_sync_front_matter_reads_back_every_character():
    from toolkit.workbook.sync import _yaml_str
    from toolkit.yamlload import load_yaml

    for title in ("a\x7fb", 'quote " and \\ back', "tab\there", "Ünïcödé – ok", "new\nline"):
        data = load_yaml(f"title: {_yaml_str(title)}\n", "x.md")[0]
        assert data == {"title": title}, title
