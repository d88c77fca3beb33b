"""The project's own workbook is the user guide, in English (``workbook/``) and German
(``workbook/de/``): both pass ``cimis workbook check``, build to HTML with the toolkit itself,
show the terminal UI's screenshots, cover every command, use the programme's terms, and
their method handbooks are the current output of the generator."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import click
import pytest

REPO = Path(__file__).resolve().parent.parent
BOOKS = {"en": REPO / "workbook", "de": REPO / "workbook" / "de"}


@pytest.mark.parametrize("lang", sorted(BOOKS))
def test_guide_checks_clean_and_builds(cli, tmp_path, lang):
    book = BOOKS[lang]
    result = cli("workbook", "check", str(book))
    assert result.exit_code == 0, result.output
    assert result.stdout == "", result.stdout
    out = tmp_path / "html"
    result = cli("workbook", "build", str(book), "--format", "html", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert (out / "index.html").is_file() and (out / "print.html").is_file()
    shots = sorted(p.name for p in (book / "images").glob("*.svg"))
    assert shots and sorted(p.name for p in (out / "images").glob("*.svg")) == shots
    page = next(out.glob("chapters/*.html"))
    assert "lang=\"" + lang in page.read_text("utf-8")


def chapters(book: Path) -> dict[str, str]:
    summary = (book / "SUMMARY.md").read_text("utf-8")
    return {name: (book / name).read_text("utf-8") for name in re.findall(r"\]\((chapters/[^)]+\.md)\)", summary)}


def test_both_editions_have_the_same_guide_and_pictures():
    en, de = chapters(BOOKS["en"]), chapters(BOOKS["de"])
    assert len(en) == len(de)
    for lang, texts in (("en", en), ("de", de)):
        shown = {m for text in texts.values() for m in re.findall(r"\(\.\./images/([a-z-]+\.svg)\)", text)}
        assert shown == {p.name for p in (BOOKS[lang] / "images").glob("*.svg")}, lang
    from scripts_loader import screenshot_module

    assert {f"{name}.svg" for name in screenshot_module().SCREENS} == \
        {p.name for p in (BOOKS["en"] / "images").glob("*.svg")}


def _commands(group: click.Group, prefix: str = "") -> list[str]:
    found = []
    ctx = click.Context(group)
    for name in group.list_commands(ctx):  # commands load lazily
        command = group.get_command(ctx, name)
        path = f"{prefix}{name}"
        found.append(path)
        if isinstance(command, click.Group):
            found.extend(_commands(command, path + " "))
    return found


def test_command_reference_covers_every_command():
    from toolkit.cli import build_cli

    commands = _commands(build_cli())
    assert "workbook comment-resolve" in commands and "methods check" in commands
    for reference in (BOOKS["en"] / "chapters" / "commands.md", BOOKS["de"] / "chapters" / "befehle.md"):
        text = reference.read_text("utf-8")
        missing = [c for c in commands if f"`cimis {c}" not in text]
        assert not missing, f"{reference.name} lacks {missing}"


def test_guide_uses_the_programmes_terms():
    from toolkit.cards.strict import CardLines, glossary_problems

    for lang, book in BOOKS.items():
        for name, text in chapters(book).items():
            if "/methods-" in name or name.endswith("plugin-hooks.md"):
                continue  # generated from the cards and the hook docs, checked there
            problems = glossary_problems(name, CardLines("---\n---\n" + text), lang)
            assert not problems, [str(p) for p in problems]


@pytest.mark.parametrize("lang", sorted(BOOKS))
def test_generated_chapters_are_current(tmp_path, lang):
    """The method handbook and the hook reference are what the generators write today
    (after changing cards, run python -m toolkit.workbook.handbook for both editions)."""
    from toolkit.workbook.handbook import generate, generate_hook_reference

    copy = tmp_path / "book"
    shutil.copytree(BOOKS[lang], copy, ignore=shutil.ignore_patterns("build"))
    before = {p.name: p.read_text("utf-8") for p in (copy / "chapters").glob("*.md")}
    summary = (copy / "SUMMARY.md").read_text("utf-8")
    generate(copy, lang)
    generate_hook_reference(copy)
    after = {p.name: p.read_text("utf-8") for p in (copy / "chapters").glob("*.md")}
    stale = sorted(name for name in set(before) | set(after) if before.get(name) != after.get(name))
    assert not stale, f"regenerate: python -m toolkit.workbook.handbook {BOOKS[lang].relative_to(REPO)} --lang {lang}"
    assert (copy / "SUMMARY.md").read_text("utf-8") == summary


def test_screenshot_script_renders_the_committed_pictures(tmp_path):
    """The script is deterministic: the start screen it renders now is the committed one
    (re-run python scripts/guide_screenshots.py after changing the UI)."""
    from scripts_loader import screenshot_module

    module = screenshot_module()
    assert module.main(["--out", str(tmp_path), "--lang", "de", "--screen", "home", "--screen", "library"]) == 0
    library = (tmp_path / "de" / "library.svg").read_text("utf-8")
    assert library.startswith("<svg") and "Methodenbibliothek" in library.replace("&#160;", " ")
    assert not (tmp_path / "en").exists()

    def steady(text: str) -> str:
        return re.sub(r"terminal-\d+-", "terminal-", text)

    committed = (BOOKS["de"] / "images" / "home.svg").read_text("utf-8")
    assert steady((tmp_path / "de" / "home.svg").read_text("utf-8")) == steady(committed)
