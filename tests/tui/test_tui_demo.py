"""``cimis demo``: the bundled kickoff copied to a fresh folder, and the whole day played
headless through the same Engine (without importing Textual)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from toolkit.cli.demo import play_headless, prepare_demo
from toolkit.errors import CimisError
from toolkit.session.engine import Engine


def test_demo_headless_end_to_end(cli, tmp_path):
    target = tmp_path / "demo"
    # the German kickoff (the demo takes the example in the output language)
    result = cli("--lang", "de", "demo", "--headless", "--seed", "5", str(target))
    assert result.exit_code == 0, result.output
    assert f"Demo-Workshop: {target}" in result.output
    assert str(target / "captures.jsonl") in result.output
    with Engine(target, readonly=True) as engine:
        assert engine.state.finished
        kinds = {rec.kind for rec in engine.state.all_records()}
        assert kinds == {"notes", "cards", "dots", "pitch", "rotation", "interests", "matching", "scorecard"}
        vote = engine.result("ideenschmiede", "vote")
        assert vote.dots > 0 and vote.ranking[0].dots >= vote.ranking[-1].dots
        assert engine.result("teams-finden", "reveal").teams
        assert engine.result("speed-dating", "rounds").current_round >= 1
        jury = engine.result("jury", "score")  # the jury scores the teams formed in teams-finden
        teams = engine.result("teams-finden", "reveal").teams
        assert sorted(row.candidate for row in jury.ranking) == sorted(t.company for t in teams)
        lines = (target / "captures.jsonl").read_text("utf-8").splitlines()
        assert len(lines) == len(engine.state.all_records())
        assert json.loads(lines[0])["item"] == "ankommen"


def test_demo_is_reproducible_by_seed(tmp_path):
    def play(name: str, seed: int) -> list:
        folder = prepare_demo(tmp_path / name)
        play_headless(folder, seed=seed)
        with Engine(folder, readonly=True) as engine:
            return [(r.item, r.step, r.data) for r in engine.state.all_records()]

    first = play("a", 1)
    assert first == play("b", 1)
    assert play("c", 2) != first


def test_prepare_demo_refuses_a_folder_with_files(tmp_path):
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "notes.txt").write_text("mine")
    with pytest.raises(CimisError):
        prepare_demo(tmp_path / "taken")
    assert (tmp_path / "taken" / "notes.txt").read_text() == "mine"


def test_prepare_demo_default_folder_is_new(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    first, second = prepare_demo(), prepare_demo()
    assert first != second and (first / "workshop.yaml").is_file() and (second / "workbook").is_dir()


def test_headless_demo_never_imports_textual(tmp_path):
    code = ("import sys\nfrom toolkit.cli import main\n"
            "try:\n    main(['demo', '--headless', sys.argv[1]])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "d")], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_demo_help_in_german(cli):
    assert "mitgelieferten Auftakt-Workshop" in cli("--lang", "de", "demo", "--help").output


def test_demo_without_a_terminal_plays_headless(cli, tmp_path):
    """The README's main command works on a machine (or CI) without a terminal."""
    result = cli("demo", str(tmp_path / "d"))
    assert result.exit_code == 0, result.output
    assert "No terminal here" in result.output
    assert (tmp_path / "d" / "workbook" / "build" / "html" / "index.html").is_file()
