"""Every example in the README runs: the command list of "Using it" (in a fresh folder, in
order, each must succeed), and the exchange-format lines import with ``--ack`` answering as
documented."""

from __future__ import annotations

import json
import re
import shlex

from cards_util import REPO

README = (REPO / "README.md").read_text("utf-8")
#: commands that open an interactive terminal UI or play a whole day (tested elsewhere)
INTERACTIVE = {("cimis",), ("cimis", "demo"), ("cimis", "ui")}


def blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", README, re.S)


def usage_commands() -> list[list[str]]:
    section = README.split("## Using it", 1)[1].split("\n## ", 1)[0]
    commands = []
    for block in re.findall(r"```sh\n(.*?)```", section, re.S):
        for line in block.splitlines():
            line = line.split("#", 1)[0].strip()
            if not line.startswith("cimis"):
                continue
            line = re.sub(r"\[[^\]]*\]", "", line)  # optional parts left out
            line = re.sub(r"(\S+)\|\S+", lambda m: m.group(1).split("|")[0], line)  # first alternative
            commands.append(shlex.split(line))
    return commands


def exchange_lines() -> list[str]:
    for block in blocks("json"):
        lines = [line for line in block.splitlines() if line.strip()]
        if lines and all('"record"' in line for line in lines):
            return lines
    raise AssertionError("the README has no block of exchange lines")


def test_the_usage_commands_run(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "captures.jsonl").write_text("\n".join(exchange_lines()) + "\n", "utf-8")
    commands = usage_commands()
    assert len(commands) >= 15
    ran = 0
    for argv in commands:
        if tuple(argv) in INTERACTIVE or "path/to/cards" in argv:
            continue
        result = cli(*argv[1:])
        assert result.exit_code == 0, (argv, result.output)
        ran += 1
    assert ran >= 15


def test_the_exchange_example_imports_and_acks_as_documented(cli, tmp_path):
    assert cli("new", str(tmp_path / "kickoff"), "--example", "kickoff").exit_code == 0
    (tmp_path / "c.jsonl").write_text("\n".join(exchange_lines()) + "\n", "utf-8")
    result = cli("session", "import", str(tmp_path / "kickoff"), str(tmp_path / "c.jsonl"), "--ack")
    assert result.exit_code == 0, result.output
    acks = [json.loads(line) for line in result.stdout.splitlines()]
    documented = json.loads(next(b for b in blocks("json") if '"new"' in b).strip())
    assert [set(a) for a in acks] == [set(documented)] * len(exchange_lines())
    assert [a["line"] for a in acks] == list(range(1, len(exchange_lines()) + 1))
    assert acks[0]["id"] == "tablet-3-0017" and all(a["new"] for a in acks)
