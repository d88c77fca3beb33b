"""``cimis methods check``: every kind of broken card gets a precise ``file:line: message``
and exit code 1, never a traceback; a valid set exits 0."""

from __future__ import annotations

import pytest

from cards_util import card_text, write_pair


def check(cli, *paths):
    result = cli("methods", "check", *map(str, paths))
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result


def test_valid_pair_passes(cli, tmp_path):
    write_pair(tmp_path)
    result = check(cli, tmp_path)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "2 card(s) valid." in result.stderr


@pytest.mark.parametrize(
    "mutate, line, expected",
    [
        pytest.param(lambda t: t.replace("title: Test method", "title: [broken"), 5, "broken YAML", id="broken-yaml"),
        pytest.param(lambda t: t.replace("summary: A method used in tests.\n", ""), 2,
                     "summary: required field is missing",
                     id="missing-field"),
        pytest.param(lambda t: t.replace("tags: [test]", "tags: [test]\ncolour: red"), 12,
                     "colour: unknown field", id="unknown-field"),
        pytest.param(lambda t: t.replace("duration: 15", "duration: fifteen"), 7, "duration: expected a whole number",
                     id="wrong-type"),
        pytest.param(lambda t: t.replace("    minutes: 10", "    minutes: 12"), 7,
                     "the steps add up to 17 minutes, but duration is 15", id="minutes-do-not-add-up"),
        pytest.param(lambda t: t.replace("  - id: ideas", "  - id: intro"), 16, "duplicate step id 'intro'",
                     id="duplicate-step-id"),
        pytest.param(lambda t: t.replace("kind: notes", "kind: telepathy"), 20, "unknown capture kind 'telepathy'",
                     id="unknown-capture-kind"),
        pytest.param(lambda t: t.replace("category: ideation", "category: juggling"), 6,
                     "category: 'juggling' is not one of",
                     id="unknown-category"),
        pytest.param(lambda t: t.replace("roles: [facilitator]", "roles: [wizard]"), 9, "roles[0]:", id="unknown-role"),
        pytest.param(lambda t: t.replace("## Ideas", "## Idaes"), 29, "section '## Idaes' matches no step title",
                     id="misspelt-section"),
        pytest.param(lambda t: t.replace("group_size: {min: 2, max: 20}", "group_size: {min: 30, max: 20}"), 8,
                     "min (30) is larger than max (20)", id="group-size-order"),
        pytest.param(lambda t: t.replace("id: test-method", "id: Test Method"), 2, "may hold only lower-case",
                     id="bad-id"),
        pytest.param(lambda t: t.replace("language: en\n", "language: en\nlanguage: en\n"), 4, "field is given twice",
                     id="duplicate-key"),
        pytest.param(lambda t: t.replace("---\n\nIntro", "\nIntro"), 1, "front matter is not closed", id="unclosed"),
        pytest.param(lambda t: t[4:], 1, "no front matter", id="no-front-matter"),
        pytest.param(lambda t: t.replace("      kind: notes", "      kind: notes\n      options: {colour: red}"), 21,
                     "steps[1].capture.options.colour: unknown field", id="unknown-option"),
    ],
)
def test_broken_card(cli, tmp_path, mutate, line, expected):
    en, _de = write_pair(tmp_path, en=mutate(card_text()))
    result = check(cli, tmp_path)
    assert result.exit_code == 1
    assert f"{en}:{line}: " in result.output, result.output
    assert expected in result.output, result.output


def test_german_card_without_english_twin(cli, tmp_path):
    en, de = write_pair(tmp_path)
    en.unlink()
    result = check(cli, tmp_path)
    assert result.exit_code == 1
    assert f"{de}:2: method 'test-method' has no en twin" in result.output


def test_twins_must_agree_on_steps(cli, tmp_path):
    write_pair(tmp_path, de=card_text(lang="de").replace("    minutes: 10", "    minutes: 9").replace(
        "duration: 15", "duration: 14"))
    result = check(cli, tmp_path)
    assert result.exit_code == 1
    assert "steps differ from the" in result.output


def test_not_utf8(cli, tmp_path):
    en, _de = write_pair(tmp_path)
    en.write_bytes(card_text().replace("Collect ideas.", "Ideen sammeln für Größe").encode("latin-1"))
    result = check(cli, en)
    assert result.exit_code == 1
    assert f"{en}:31: file is not UTF-8" in result.output


def test_empty_file(cli, tmp_path):
    en, _de = write_pair(tmp_path)
    en.write_text("")
    result = check(cli, en)
    assert result.exit_code == 1
    assert f"{en}: file is empty" in result.output


def test_five_megabyte_file(cli, tmp_path):
    en, _de = write_pair(tmp_path)
    en.write_text(card_text() + "x" * (5 * 1024 * 1024))
    result = check(cli, en)
    assert result.exit_code == 1
    assert f"{en}: file is too large for a method card (5.0 MiB; at most 1 MiB)" in result.output


def test_missing_path(cli, tmp_path):
    result = check(cli, tmp_path / "nope")
    assert result.exit_code == 1
    assert "no such file or folder" in result.output


def test_messages_in_german(cli, tmp_path):
    _en, _de = write_pair(tmp_path, en=card_text().replace("duration: 15", "duration: 16"))
    result = cli("--lang", "de", "methods", "check", str(tmp_path))
    assert result.exit_code == 1
    assert "die Schritte ergeben 15 Minuten, aber die Dauer ist 16" in result.output


def test_builtin_library_is_valid(cli):
    from toolkit.default_plugins.methods import library_path

    result = check(cli, library_path())
    assert result.exit_code == 0, result.output
