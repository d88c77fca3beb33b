"""The generic capture form names what it asks for in the person's words: the kind's labels
for the fields and the record shapes ("op:NAME"), never an internal field name in a box."""

from __future__ import annotations

from textual.widgets import Input, Select

from run_util import ENGLISH_PLAN, START, goto, host_app, run_async, store_records
from toolkit.session.clock import FakeClock

PLAN = ENGLISH_PLAN.replace("agenda:\n", "agenda:\n  - id: talk\n    method: expert-talk-questions\n", 1)


@run_async
async def test_generic_form_uses_the_kinds_labels(tmp_path, monkeypatch):
    from toolkit import registry

    kind = registry.capture_kinds()["questions"]
    monkeypatch.setattr(type(kind), "labels", {"en": {"text": "Your question", "op:ask": "Ask a question",
                                                      "op:upvote": "Vote for a question"}})
    folder = tmp_path / "w"
    folder.mkdir()
    (folder / "workshop.yaml").write_text(PLAN, "utf-8")
    app = host_app(folder, FakeClock(START))
    async with app.run_test(size=(80, 24)) as pilot:
        await goto(pilot, "talk", "questions")
        panel = app.screen.panel
        shapes = panel.query_one("#generic-op", Select)
        assert [str(label) for label, _value in shapes._options] == ["Ask a question", "Vote for a question"]
        field = panel.query_one("#field-text", Input)
        assert field.placeholder == "Your question"
        field.focus()
        await pilot.press(*"Why?", "enter")
        await pilot.pause()
        assert store_records(folder, "talk", "questions") == [{"op": "ask", "text": "Why?"}]
