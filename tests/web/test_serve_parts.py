"""The pieces around the web app: the hub's bounded queues, the network and open-files
checks, the background server the terminal UI can start, and `cimis serve`'s messages."""

from __future__ import annotations

import asyncio
import socket
import subprocess
import sys

import pytest
from server_util import free_port, request


def test_a_stalled_client_holds_only_the_latest_few_snapshots():
    from toolkit.web.hub import QUEUE_SIZE, Client

    async def scenario():
        client = Client("participant", "en")
        for n in range(1000):
            client.offer(f"message {n}".encode())
        held = [client.queue.get_nowait() for _ in range(client.queue.qsize())]
        return client, held

    client, held = asyncio.run(scenario())
    assert len(held) == QUEUE_SIZE and held[-1] == b"message 999" and client.dropped == 1000 - QUEUE_SIZE


def test_hub_pushes_only_what_changes_what_a_page_shows():
    from toolkit.web.hub import Hub

    state = {"title": "Ideas", "remaining": 100.0}

    async def scenario():
        hub = Hub({"participant": lambda lang: dict(state)}, lambda: False)
        await hub.start()
        gen = hub.stream("participant", "en")
        first = await gen.__anext__()
        await hub.push()  # the first push after a client came sends the state
        client = next(iter(hub.clients))
        client.queue.get_nowait()
        state["remaining"] = 99.0  # the countdown alone: nothing pushed
        await hub.push()
        quiet = client.queue.qsize()
        state["title"] = "Vote"
        await hub.push()
        changed = client.queue.qsize()
        await gen.aclose()
        await hub.stop()
        return first, quiet, changed, len(hub.clients)

    first, quiet, changed, left = asyncio.run(scenario())
    assert b'"title":"Ideas"' in first and quiet == 0 and changed == 1 and left == 0


def test_reachability_and_open_files():
    from toolkit.web.network import files_needed, open_files_limit, raise_open_files, reachable

    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]
        found = reachable("127.0.0.1", port)
        assert [(a.ip, a.loopback, a.answers) for a in found] == [("127.0.0.1", True, True)]
    assert reachable("127.0.0.1", port)[0].answers is False  # closed now
    limit = open_files_limit()
    assert limit is None or limit[0] > 0
    assert files_needed(500) >= 1000
    if limit is not None:
        assert raise_open_files(limit[0]) == limit[0]


def test_background_server_for_the_terminal_ui(started):
    from toolkit.web.server import BackgroundServer

    server = BackgroundServer(started, port=free_port())
    prepared = server.start()
    try:
        assert server.running and prepared.join_url.endswith(f"/j/{prepared.room.code}")
        status, _body = request(prepared.port, "GET", "/projector")
        assert status == 200
    finally:
        server.stop()
    assert not server.running
    with pytest.raises(OSError):
        request(prepared.port, "GET", "/projector", timeout=1)


def test_cimis_serve_refuses_a_taken_port_and_a_folder_without_plan(started, child_env, tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        out = subprocess.run([sys.executable, "-m", "toolkit", "serve", str(started), "--port", str(port)],
                             env=child_env, capture_output=True, text=True, timeout=60)
    assert out.returncode == 1 and "Cannot listen on 127.0.0.1" in out.stderr and "Traceback" not in out.stderr
    out = subprocess.run([sys.executable, "-m", "toolkit", "serve", str(tmp_path)], env=child_env,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 1 and "no workshop.yaml" in out.stderr


def test_generic_form_from_the_record_schema_with_the_kinds_labels():
    from pydantic import Field

    from toolkit.capture.base import CaptureKind, KindModel
    from toolkit.capture.kinds.questions import QuestionsKind
    from toolkit.web.forms import FormView, form_html
    from toolkit.web.room import Device
    from toolkit.web.texts import texts

    class Rec(KindModel):
        text: str = Field(max_length=80, description="What <you> saw.")
        stars: int = Field(ge=1, le=5)
        urgent: bool = False
        voter: str = ""

    class Plugin(CaptureKind):
        name = "plugin-kind"
        title = {"en": "Plugin"}
        Options = KindModel
        Record = Rec
        labels = {"de": {"text": "Beobachtung <b>"}, "en": {"text": "Observation"}}
        web_identity = "voter"

        def result(self, records, options, context):
            return None

        def to_markdown(self, result, options, lang):
            return ""

    def view(kind, lang):
        return FormView(kind=kind, options=kind.Options(), step="a.b", lang=lang, device=Device(id="d"),
                        labels=kind.labels.get(lang, {}), texts=texts(lang))

    html = form_html(view(Plugin(), "de"))
    assert '<label for="f0-text">Beobachtung &lt;b&gt;</label>' in html
    assert 'type="number"' in html and 'min="1"' in html and 'max="5"' in html and 'data-type="int"' in html
    assert 'data-type="bool"' in html and 'name="voter"' not in html and ">Senden<" in html
    assert "What &lt;you&gt; saw." not in html  # descriptions are English: shown in English only
    assert "What &lt;you&gt; saw." in form_html(view(Plugin(), "en"))

    class NoForm(QuestionsKind):
        web_form = None

    html = form_html(view(NoForm(), "en"))
    assert html.count("<form") == 2 and 'value="ask"' in html and 'value="upvote"' in html


def test_the_hub_freezes_the_collector_only_in_a_process_of_its_own(monkeypatch):
    """``cimis serve`` collects and freezes what survived now and then (short collector
    pauses as a step fills up); inside another program (the terminal UI) it never does."""
    import asyncio

    from toolkit.web import hub as hub_module

    calls = []
    monkeypatch.setattr(hub_module, "_collect_and_freeze", lambda: calls.append(1))

    async def run(freeze):
        hub = hub_module.Hub({}, lambda: False, poll=0.01, freeze_gc=freeze)
        await hub.start()
        await asyncio.sleep(0.1)
        await hub.stop()

    asyncio.run(run(False))
    assert calls == []
    asyncio.run(run(True))
    assert calls == [1]  # at once (what the start-up read), then every FREEZE_SECONDS
    assert hub_module.FREEZE_SECONDS >= 5


def test_cimis_serve_prepares_its_server_as_a_process_of_its_own(started):
    from toolkit.web.server import prepare

    own = prepare(started, port=1, own_process=True)
    hosted = prepare(started, port=1)
    try:
        assert own.app.app.state.hub.freeze_gc is True and hosted.app.app.state.hub.freeze_gc is False
    finally:
        own.room.close()
        hosted.room.close()
