"""Hooks behave exactly as pluggy documents them (order, tryfirst/trylast, new- and old-style
wrappers, firstresult, argument subsets) while every plugin's failure stays isolated and
reported per plugin; observers run off the write path with a time limit; plugin output never
reaches standard output."""

from __future__ import annotations

import json
import sys
import threading

import pluggy
import pytest

from toolkit import hookimpl
from toolkit.errors import CimisError
from toolkit.plugins import PluginHost, reset_host

spec = pluggy.HookspecMarker("cimis")


class Specs:
    @spec
    def collect_names(self, log: list, extra: str) -> str:
        """A test hook with two arguments."""

    @spec(firstresult=True)
    def first_answer(self, question: str) -> str:
        """A firstresult test hook."""


def make_host(*plugins, environ=None):
    host = PluginHost(environ=environ or {}, config={}, entry_points=[]).load()
    host.pm.add_hookspecs(Specs)
    for name, plugin in plugins:
        host.add_plugin(plugin, name)
    return host


def call(host, hook, **kwargs):
    return host.call_each(hook, lambda _name: dict(kwargs))


class Plain:
    def __init__(self, name):
        self.name = name

    @hookimpl
    def collect_names(self, log):  # a subset of the arguments
        log.append(self.name)
        return self.name


class First:
    @hookimpl(tryfirst=True)
    def collect_names(self, log, extra):
        log.append("first:" + extra)
        return "first"


class Last:
    @hookimpl(trylast=True)
    def collect_names(self, log):
        log.append("last")
        return "last"


def test_order_is_pluggys_lifo_with_tryfirst_and_trylast():
    host = make_host(("last", Last()), ("a", Plain("a")), ("first", First()), ("b", Plain("b")))
    log = []
    results = call(host, "collect_names", log=log, extra="x")
    # pluggy: tryfirst before the rest, the rest last-registered first, trylast at the end
    assert log == ["first:x", "b", "a", "last"]
    assert results == [("first", "first"), ("b", "b"), ("a", "a"), ("last", "last")]
    assert all(info.error is None for info in host.plugin_infos())


def test_argument_subsets_stay_registered():
    host = make_host(("a", Plain("a")))
    call(host, "collect_names", log=[], extra="x")
    assert host.pm.has_plugin("a") and host.infos["a"].error is None


class NewWrapper:
    @hookimpl(wrapper=True)
    def collect_names(self, log):
        log.append("before")
        result = yield
        log.append("after")
        return [*result, "wrapped"]


class OldWrapper:
    @hookimpl(hookwrapper=True)
    def collect_names(self, log):
        log.append("old-before")
        outcome = yield
        log.append(f"old-after:{len(outcome.get_result())}")


def test_new_and_old_style_wrappers_wrap_the_call():
    host = make_host(("a", Plain("a")), ("new", NewWrapper()), ("old", OldWrapper()))
    log = []
    result = host.pm.hook.collect_names(log=log, extra="x")
    assert log == ["old-before", "before", "a", "after", "old-after:2"]
    assert result == ["a", "wrapped"]


class BrokenWrapperBefore:
    @hookimpl(wrapper=True)
    def collect_names(self, log):
        raise RuntimeError("wrapper broke before yield")
        yield  # pragma: no cover


class BrokenWrapperAfter:
    @hookimpl(wrapper=True)
    def collect_names(self, log):
        yield
        raise RuntimeError("wrapper broke after yield")


def test_a_failing_wrapper_is_isolated_and_leaves_the_outcome():
    host = make_host(("a", Plain("a")), ("before", BrokenWrapperBefore()), ("after", BrokenWrapperAfter()))
    log = []
    assert host.pm.hook.collect_names(log=log, extra="x") == ["a"]
    assert log == ["a"]
    host2 = make_host(("a", Plain("a")), ("before", BrokenWrapperBefore()), ("after", BrokenWrapperAfter()))
    assert call(host2, "collect_names", log=[], extra="x") == [("a", "a")]
    assert "wrapper broke before yield" in host2.infos["before"].error
    assert "wrapper broke after yield" in host2.infos["after"].error
    assert not host2.pm.has_plugin("before") and not host2.pm.has_plugin("after")


class Answer:
    def __init__(self, answer):
        self.answer = answer

    @hookimpl
    def first_answer(self, question):
        return self.answer


def test_firstresult_stops_at_the_first_answer():
    host = make_host(("one", Answer("one")), ("none", Answer(None)), ("two", Answer("two")))
    assert call(host, "first_answer", question="?") == [("two", "two")]
    assert host.pm.hook.first_answer(question="?") == "two"


class Exits:
    @hookimpl
    def collect_names(self, log):
        sys.exit(3)


class Raises:
    @hookimpl
    def collect_names(self, log):
        raise ValueError("boom")


def test_sys_exit_and_exceptions_are_reported_not_obeyed():
    host = make_host(("a", Plain("a")), ("exits", Exits()), ("raises", Raises()), ("b", Plain("b")))
    log = []
    assert call(host, "collect_names", log=log, extra="x") == [("b", "b"), ("a", "a")]
    assert log == ["b", "a"]
    assert "SystemExit: called sys.exit(3)" in host.infos["exits"].error
    assert "ValueError: boom" in host.infos["raises"].error
    assert "test_plugin_semantics.py" in host.infos["raises"].error  # where to look
    assert not host.pm.has_plugin("exits")


class Interrupts:
    @hookimpl
    def collect_names(self, log):
        raise KeyboardInterrupt


def test_keyboard_interrupt_is_not_swallowed():
    host = make_host(("ctrl-c", Interrupts()))
    with pytest.raises(KeyboardInterrupt):
        call(host, "collect_names", log=[], extra="x")


def test_strict_mode_applies_to_every_hook():
    host = make_host(("raises", Raises()), environ={"CIMIS_STRICT_PLUGINS": "1"})
    with pytest.raises(CimisError, match="raises"):
        call(host, "collect_names", log=[], extra="x")


class Prints:
    @hookimpl
    def collect_names(self, log):
        print("noise from a plugin")
        return "p"


def test_plugin_output_goes_to_stderr(capsys):
    host = make_host(("prints", Prints()))
    print("before")
    call(host, "collect_names", log=[], extra="x")
    print("after")
    out, err = capsys.readouterr()
    assert out == "before\nafter\n"
    assert "noise from a plugin" in err


# -- observers ---------------------------------------------------------------------------


def Event(seq):
    from toolkit import SessionEvent

    return SessionEvent(seq, "s", "captured", "i", "s1", {"n": seq}, "me", 0.0, "", "/nowhere")


class Hangs:
    def __init__(self):
        self.release = threading.Event()
        self.seen = []

    @hookimpl
    def session_event(self, event):
        self.seen.append(event.seq)
        if event.seq == 1:
            self.release.wait(30)


class Watches:
    def __init__(self):
        self.seen = []

    @hookimpl
    def session_event(self, event):
        self.seen.append(event.seq)


def test_a_hanging_observer_does_not_block_the_write_path_and_is_reported():
    hangs, watches = Hangs(), Watches()
    host = make_host(("watches", watches), ("hangs", hangs), environ={"CIMIS_OBSERVER_TIMEOUT": "0.2"})
    try:
        host.notify([Event(1), Event(2)])  # returns at once although the observer hangs
        host.drain()
        assert "did not finish session_event within 0.2 s" in host.infos["hangs"].error
        assert not host.pm.has_plugin("hangs")
        # the other observer saw both events; the hanging one only the first
        assert watches.seen == [2] or watches.seen == [1, 2]
        assert hangs.seen == [1]
    finally:
        hangs.release.set()


class ExitsOnEvent:
    @hookimpl
    def session_event(self, event):
        sys.exit(0)


def test_observer_exit_is_reported_and_strict_mode_raises():
    host = make_host(("exits", ExitsOnEvent()))
    host.notify([Event(1)])
    host.drain()
    assert "SystemExit" in host.infos["exits"].error
    strict = make_host(("exits", ExitsOnEvent()), environ={"CIMIS_STRICT_PLUGINS": "1"})
    strict.notify([Event(1)])
    with pytest.raises(CimisError, match="exits"):
        strict.drain()


# -- the contract of register callbacks ---------------------------------------------------


PRINTS_AND_REGISTERS_42 = """
from toolkit import hookimpl

@hookimpl
def register_capture_kinds(register):
    print("hello on stdout")
    register(42)
"""

DUPLICATE_EXPORTER = """
from toolkit import hookimpl

class Html:
    name = "html"
    title = "again"

    def build(self, book, out_dir):
        pass

@hookimpl
def register_exporters(register):
    register(Html())
"""


def test_register_42_and_duplicate_exporters_name_the_plugins(cli, tmp_path, monkeypatch):
    folder = tmp_path / "plugins"
    folder.mkdir()
    (folder / "fortytwo.py").write_text(PRINTS_AND_REGISTERS_42, "utf-8")
    (folder / "dupe.py").write_text(DUPLICATE_EXPORTER, "utf-8")
    monkeypatch.setenv("CIMIS_PLUGINS_DIR", str(folder))
    reset_host()
    result = cli("plugins", "--json")
    assert result.exit_code == 0
    infos = {p["name"]: p for p in json.loads(result.stdout)}  # plugin print did not corrupt it
    assert "register() got 42, not a CaptureKind" in infos["fortytwo"]["error"]
    assert "fortytwo.py:7" in infos["fortytwo"]["error"]
    error = infos["dupe"]["error"]
    assert "'html'" in error and "'dupe'" in error and "toolkit.default_plugins.exporters" in error
    from toolkit import registry

    assert registry.exporters()["html"].title != "again"  # the built-in keeps its name


NOISY_OBSERVER = """
import sys
from toolkit import hookimpl

@hookimpl
def session_event(event):
    print("observer noise", event.seq)
    sys.stdout.write("more noise\\n")
"""


def test_observer_prints_never_reach_ack_output(cli, tmp_path, monkeypatch):
    folder = tmp_path / "plugins"
    folder.mkdir()
    (folder / "noisy.py").write_text(NOISY_OBSERVER, "utf-8")
    workshop = tmp_path / "ws"
    assert cli("new", str(workshop), "--example", "kickoff", "--language", "de").exit_code == 0
    monkeypatch.setenv("CIMIS_PLUGINS_DIR", str(folder))
    lines = "".join(json.dumps({"item": "ankommen", "step": "expectations", "record": {"text": f"n{i}"}}) + "\n"
                    for i in range(5))
    result = cli("session", "import", str(workshop), "-", "--ack", input=lines)
    assert result.exit_code == 0, result.output
    acks = [json.loads(line) for line in result.stdout.splitlines()]  # every stdout line is an ack
    assert [a["line"] for a in acks] == [1, 2, 3, 4, 5]
    assert "observer noise" in result.stderr and "more noise" in result.stderr


def test_plugins_registered_with_pm_register_are_guarded_too():
    host = make_host()
    host.pm.register(Raises(), name="direct")
    host.pm.register(Plain("a"), name="a")
    assert call(host, "collect_names", log=[], extra="x") == [("a", "a")]
    assert "ValueError: boom" in host.infos["direct"].error
    plain = Plain("b")
    host.pm.register(plain, name="b")
    host.pm.unregister(plain)
    assert not host.pm.has_plugin("b")


EXITING_OBSERVER = """
import sys
from toolkit import hookimpl

@hookimpl
def session_event(event):
    sys.exit("an observer that exits")
"""


def test_an_observer_calling_sys_exit_does_not_end_an_import(cli, tmp_path, monkeypatch):
    folder = tmp_path / "plugins"
    folder.mkdir()
    (folder / "quitter.py").write_text(EXITING_OBSERVER, "utf-8")
    workshop = tmp_path / "ws"
    assert cli("new", str(workshop), "--example", "kickoff", "--language", "de").exit_code == 0
    monkeypatch.setenv("CIMIS_PLUGINS_DIR", str(folder))
    lines = "".join(json.dumps({"item": "ankommen", "step": "expectations", "record": {"text": f"n{i}"}}) + "\n"
                    for i in range(3))
    result = cli("session", "import", str(workshop), "-", "--ack", input=lines)
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 3
    from toolkit.plugins import get_host

    assert "SystemExit" in get_host().infos["quitter"].error
    strict = cli("session", "import", str(workshop), "-", input=lines.replace('"n', '"s'),
                 env={"CIMIS_STRICT_PLUGINS": "1"})
    assert strict.exit_code == 1 and "quitter" in strict.output
