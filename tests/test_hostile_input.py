"""The hostile-input corpus: files and import lines that people or broken tools produce.

Every case runs the real ``cimis`` entry point in a subprocess, so a crash of the interpreter
(a negative return code), a hang (the timeout) and a traceback all fail the test; each case
must end with exit code 1 and a message that names the problem. Fuzz tests (hypothesis) check
the linear pre-checks of each parser: they never miss nesting that is too deep and never
raise anything but the documented error.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cards_util import card_text

TIMEOUT = 60


def cimis(tmp_path: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "CIMIS_CACHE_DIR": str(tmp_path / "cache"), "CIMIS_CONFIG": str(tmp_path / "none.toml"),
           "CIMIS_LANG": "en"}
    return subprocess.run([sys.executable, "-m", "toolkit", *args], env=env, capture_output=True, input=stdin,
                          timeout=TIMEOUT, cwd=tmp_path)


def assert_clean_failure(run: subprocess.CompletedProcess, *expected: str, limit: int = 4000) -> str:
    err = run.stderr.decode("utf-8", "replace") + run.stdout.decode("utf-8", "replace")
    assert run.returncode == 1, (run.returncode, err[:2000])
    assert "Traceback" not in err, err[:4000]
    assert len(err) < limit, f"{len(err)} characters of output"
    for text in expected:
        assert text in err, err[:2000]
    return err


def alias_bomb(key: str = "tags") -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev, cur = chr(96 + i), chr(97 + i)
        lines.append(f"{cur}: &{cur} [" + ",".join(f"*{prev}" for _ in range(9)) + "]")
    return "\n".join(lines) + f"\n{key}: *i\n"


def card_with_front(front_extra: str, replace_tags: bool = True) -> str:
    text = card_text("bomb", "en")
    if replace_tags:
        text = text.replace("tags: [test]\n", "")
    return text.replace("---\nid:", "---\n" + front_extra + "id:", 1)


# -- method cards ------------------------------------------------------------------------------


def test_alias_bomb_in_card_tags(tmp_path):
    (tmp_path / "cards").mkdir()
    (tmp_path / "cards" / "bomb.md").write_text(card_with_front(alias_bomb()), "utf-8")
    assert_clean_failure(cimis(tmp_path, "methods", "check", str(tmp_path / "cards")),
                         "bomb.md:2:", "expands to more than 100000 values")


@pytest.mark.parametrize("nesting", ["flow", "block", "dashes"])
def test_deeply_nested_yaml_in_a_card(tmp_path, nesting):
    depth = 100_000 if nesting == "flow" else 500
    if nesting == "flow":
        extra = "deep: " + "[" * depth + "]" * depth + "\n"
    elif nesting == "block":
        extra = "deep:\n" + "".join("  " * (i + 1) + f"k{i}:\n" for i in range(depth)) + "  " * (depth + 1) + "x\n"
    else:
        extra = "deep: \n  " + "- " * depth + "x\n"
    (tmp_path / "cards").mkdir()
    (tmp_path / "cards" / "deep.md").write_text(card_with_front(extra, replace_tags=False), "utf-8")
    assert_clean_failure(cimis(tmp_path, "methods", "check", str(tmp_path / "cards")),
                         "deep.md:", "nested more than 64 levels deep")


def test_deep_yaml_refused_before_the_parser_runs(monkeypatch):
    """Independent of the installed PyYAML: the parser is never called for a too-deep file."""
    import yaml

    from toolkit.yamlload import YamlError, load_yaml

    def explode(*args, **kwargs):
        raise AssertionError("libyaml was asked to parse a too-deep document")

    monkeypatch.setattr(yaml, "CSafeLoader", explode, raising=False)
    monkeypatch.setattr(yaml, "SafeLoader", explode)
    from toolkit import yamlload

    yamlload.fast_loader.cache_clear()
    try:
        with pytest.raises(YamlError, match="nested more than"):
            load_yaml("a: " + "[" * 1000 + "]" * 1000, "x.md")
    finally:
        monkeypatch.undo()
        yamlload.fast_loader.cache_clear()


# -- workshop plans ---------------------------------------------------------------------------


def test_deep_yaml_in_a_plan(tmp_path):
    folder = tmp_path / "ws"
    folder.mkdir()
    (folder / "workshop.yaml").write_text("title: x\nextra: " + "{a: " * 50_000 + "1" + "}" * 50_000 + "\n", "utf-8")
    assert_clean_failure(cimis(tmp_path, "check", str(folder)), "workshop.yaml:", "nested more than 64")


def test_alias_bomb_in_a_plan(tmp_path):
    folder = tmp_path / "ws"
    folder.mkdir()
    (folder / "workshop.yaml").write_text("title: x\n" + alias_bomb("extra"), "utf-8")
    assert_clean_failure(cimis(tmp_path, "check", str(folder)), "workshop.yaml:", "too many values")


# -- session import ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def workshop(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    run = cimis(base, "new", str(base / "ws"), "--example", "kickoff", "--language", "de")
    assert run.returncode == 0, run.stderr
    return base / "ws"


def import_lines(tmp_path, workshop, content: bytes, *extra: str):
    source = tmp_path / "in.jsonl"
    source.write_bytes(content)
    return cimis(tmp_path, "session", "import", str(workshop), str(source), *extra)


def note(**extra) -> bytes:
    return (json.dumps({"item": "ankommen", "step": "expectations", "record": {"text": "x"}, **extra}) + "\n").encode()


def test_100000_deep_json_line(tmp_path, workshop):
    line = b'{"item": "ankommen", "step": "expectations", "record": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n"
    assert_clean_failure(import_lines(tmp_path, workshop, line), "in.jsonl:1:", "nested more than 64 levels deep")


@pytest.mark.parametrize("at", [-1e18, 1e18, 0, 32503680000, "9999-12-31T00:00:00Z", "0001-01-01", 1e300])
def test_implausible_capture_times_are_refused(tmp_path, workshop, at):
    assert_clean_failure(import_lines(tmp_path, workshop, note(at=at)), "in.jsonl:1:", "plausible range")


def test_an_endless_line_is_bounded(tmp_path, workshop):
    assert_clean_failure(import_lines(tmp_path, workshop, b"x" * (3 * 1024 * 1024)), "in.jsonl:1:",
                         "longer than 1048576 bytes")


def test_special_files_are_refused(tmp_path, workshop):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert_clean_failure(cimis(tmp_path, "session", "import", str(workshop), str(fifo)), "not a regular file")
    assert_clean_failure(cimis(tmp_path, "session", "import", str(workshop), "/dev/zero"), "not a regular file")


def test_a_missing_discriminator_speaks_the_users_language(tmp_path, workshop):
    line = (json.dumps({"item": "ideenschmiede", "step": "ideas", "record": {"text": "x"}}) + "\n").encode()
    err = assert_clean_failure(import_lines(tmp_path, workshop, line), "needs the field 'op'")
    assert "union_tag" not in err.splitlines()[0].split("in.jsonl")[-1]
    env_de = import_lines(tmp_path, workshop, line)  # same in German
    source = tmp_path / "in.jsonl"
    run = subprocess.run([sys.executable, "-m", "toolkit", "--lang", "de", "session", "import", str(workshop),
                          str(source)], capture_output=True, timeout=TIMEOUT,
                         env={**os.environ, "CIMIS_CACHE_DIR": str(tmp_path / "cache")})
    assert env_de.returncode == 1
    assert "braucht das Feld 'op'" in run.stderr.decode()


# -- fuzz: the linear pre-checks never miss and never crash -----------------------------------

json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=5),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner,
                                                                                      max_size=3),
                           max_leaves=30)


def depth_of(value) -> int:
    if isinstance(value, list):
        return 1 + max((depth_of(v) for v in value), default=0)
    if isinstance(value, dict):
        return 1 + max((depth_of(v) for v in value.values()), default=0)
    return 0


@settings(max_examples=200, deadline=None)
@given(json_values)
def test_json_depth_check_matches_the_real_depth(value):
    from toolkit.session.exchange import json_depth_exceeds

    text = json.dumps(value)
    depth = depth_of(value)
    assert json_depth_exceeds(text, limit=depth) is False
    if depth:
        assert json_depth_exceeds(text, limit=depth - 1) is True


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_parse_line_raises_only_value_error(text):
    from toolkit.session.exchange import parse_line

    try:
        parse_line(text)
    except ValueError:
        pass


@settings(max_examples=200, deadline=None)
@given(json_values, st.booleans())
def test_yaml_depth_check_never_undercounts(value, flow):
    import yaml

    from toolkit.yamlload import nesting_too_deep

    text = yaml.safe_dump({"v": value}, default_flow_style=flow, allow_unicode=True)
    depth = depth_of({"v": value})
    if depth > 1:
        assert nesting_too_deep(text, limit=depth - 1) is not None, text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_load_yaml_raises_only_yaml_error(text):
    from toolkit.yamlload import YamlError, load_yaml

    try:
        load_yaml(text, "x.md")
    except YamlError:
        pass


def test_corpus_files_are_plain_text():
    # the corpus is generated by the functions above, so it is reviewable in this file
    assert textwrap.dedent(alias_bomb()).count("&") == 9


@pytest.mark.parametrize("special", ["fifo", "/dev/zero", "folder"])
def test_special_file_as_configuration_is_refused(tmp_path, special):
    if special == "fifo":
        target = tmp_path / "config.fifo"
        os.mkfifo(target)
    elif special == "folder":
        target = tmp_path / "config.d"
        target.mkdir()
    else:
        target = Path(special)
    env = {**os.environ, "CIMIS_CACHE_DIR": str(tmp_path / "cache"), "CIMIS_CONFIG": str(target), "CIMIS_LANG": "en"}
    run = subprocess.run([sys.executable, "-m", "toolkit", "plugins", "--json"], env=env, capture_output=True,
                         timeout=TIMEOUT)
    assert_clean_failure(run, "cannot read configuration", "not a regular file")


def test_fifo_as_card_or_plan_is_refused(tmp_path):
    cards = tmp_path / "cards"
    cards.mkdir()
    os.mkfifo(cards / "pipe.md")
    assert_clean_failure(cimis(tmp_path, "methods", "check", str(cards)), "pipe.md", "not a regular file")
    plan = tmp_path / "ws"
    plan.mkdir()
    os.mkfifo(plan / "workshop.yaml")
    assert_clean_failure(cimis(tmp_path, "check", str(plan)), "workshop.yaml", "not a regular file")
