"""Fields as participants see them: person fields offered as a choice of the session's
people (names shown, never ids; an unknown person refused with a clear message), and
refused records naming fields by the kind's localised labels, never by record paths such as
``card.text``, in German and English, for built-in and plugin kinds."""

from __future__ import annotations

import re

import pytest
from pydantic import Field

from toolkit.capture.base import CaptureKind, KindModel
from web_client_util import join

PITCH_PLAN = """\
title: Pitch day
date: 2026-03-14
language: en
seed: 3
people:
  - {id: p-anna-7f3, name: Anna, role: creative, organisation: Studio A}
  - {id: p-carl-9x1, name: Carl, role: creative}
  - {id: p-bert-2k8, name: Bert, role: company}
agenda:
  - id: pitch
    method: pitch-creatives
"""


def _schema_fields(kind) -> set[str]:
    schema = kind.Record.model_json_schema()
    found: set[str] = set()
    for part in [schema, *schema.get("$defs", {}).values()]:
        found |= set(part.get("properties", {}))
    return found


def test_every_built_in_kind_labels_every_field_in_both_languages():
    from toolkit.capture.kinds import __name__ as package
    from toolkit.registry import capture_kinds

    for name, kind in capture_kinds().items():
        if not type(kind).__module__.startswith(package):
            continue
        for lang in ("en", "de"):
            missing = _schema_fields(kind) - set(kind.labels.get(lang, {}))
            assert not missing, (name, lang, missing)
        assert kind.labels["en"] != kind.labels["de"], name


# -- refused records name fields by their labels ---------------------------------------------

def _invalid(kind, record):
    from pydantic import ValidationError

    from toolkit.session.engine import RecordInvalid

    try:
        kind.Record.model_validate(record)
    except ValidationError as exc:
        return RecordInvalid("x", ref="a.b", kind=kind, errors=[dict(e) for e in exc.errors(include_url=False)])
    raise AssertionError("the record was valid")


@pytest.mark.parametrize("lang, expected", [("en", "Your idea: must not be empty"),
                                            ("de", "Ihre Idee: darf nicht leer sein")])
def test_a_union_kinds_error_names_the_field_not_its_path(lang, expected):
    from toolkit.capture.kinds.cards import CardsKind
    from toolkit.web.labels import invalid_message

    message = invalid_message(_invalid(CardsKind(), {"op": "card", "text": "  "}), lang)
    assert expected in message and "card.text" not in message and "card" not in message.split(":")[1]


@pytest.mark.parametrize("lang, expected", [("en", "No thanks, entry 2"), ("de", "Lieber nicht, Eintrag 2")])
def test_a_list_entry_is_named_by_its_fields_label_and_position(lang, expected):
    from toolkit.capture.kinds.interests import InterestsKind
    from toolkit.web.labels import invalid_message

    message = invalid_message(_invalid(InterestsKind(), {"person": "a", "no": ["b", ""]}), lang)
    assert expected in message and "no[1]" not in message, message


class _Observation(KindModel):
    seen: str = Field(min_length=3, title="What you saw")
    stars: int = Field(ge=1, le=5)


class _PluginKind(CaptureKind):
    name = "observation"
    title = {"en": "Observation"}
    Options = KindModel
    Record = _Observation
    labels = {"de": {"stars": "Sterne"}}

    def result(self, records, options, context):
        return None

    def to_markdown(self, result, options, lang):
        return ""


@pytest.mark.parametrize("lang, words", [
    ("en", ["What you saw: ", "Stars: "]),        # no English label: the schema's titles
    ("de", ["What you saw: ", "Sterne: ", "Bitte prüfen Sie Ihre Eingabe"]),
])
def test_a_plugin_kind_is_named_by_its_labels_or_schema_titles(lang, words):
    from toolkit.web.labels import invalid_message

    message = invalid_message(_invalid(_PluginKind(), {"seen": "x", "stars": 9}), lang)
    for word in words:
        assert word in message, message
    assert "seen" not in message


# -- the pitch form: a choice of presenters --------------------------------------------------

@pytest.fixture
def pitch_room(tmp_path, plugin_env):
    from toolkit.session.engine import Engine
    from toolkit.web.room import Room

    folder = tmp_path / "pitch"
    folder.mkdir()
    (folder / "workshop.yaml").write_text(PITCH_PLAN, encoding="utf-8")
    with Engine(folder) as engine:
        engine.start()
        engine.go_to("pitch", "pitches")
    room = Room(folder, rate=1000, burst=1000)
    yield room
    room.close()


@pytest.fixture
def pitch_client(pitch_room):
    from starlette.testclient import TestClient

    from toolkit.web.app import create_app

    app = create_app(pitch_room, hosts=["127.0.0.1"], public_url="http://127.0.0.1:8300")
    with TestClient(app, base_url="http://127.0.0.1") as c:
        yield c


def test_the_pitch_form_offers_the_presenters_by_name(pitch_client):
    join(pitch_client)
    html = pitch_client.get("/api/form").text
    select = re.search(r'<select id="f0-pitch" name="pitch" required>(.*?)</select>', html, re.S)
    assert select, html
    options = re.findall(r'<option value="([^"]*)">([^<]*)</option>', select.group(1))
    assert options == [("", "Choose …"), ("p-anna-7f3", "Anna (Studio A)"), ("p-carl-9x1", "Carl")]
    assert '<label for="f0-pitch">Presenter</label>' in html
    # ids are values only: no visible text shows them
    visible = re.sub(r"<[^>]+>", " ", html)
    assert "p-anna-7f3" not in visible and "Bert" not in visible
    # the kinds of feedback by their labels, not their stored values
    kinds = re.search(r'<select id="f0-type" name="type" required>(.*?)</select>', html, re.S)
    assert kinds, html
    assert re.findall(r'<option value="([^"]*)">([^<]*)</option>', kinds.group(1)) == [
        ("like", "I like"), ("wish", "I wish"), ("whatif", "What if")]
    pitch_client.get("/lang/de", follow_redirects=False)
    html = pitch_client.get("/api/form").text
    assert "Bitte wählen …" in html and '<label for="f0-pitch">Wer präsentiert</label>' in html
    assert '<option value="wish">Ich wünsche mir</option>' in html


@pytest.mark.parametrize("lang, words", [
    ("en", "Presenter: 'p-nobody' is not someone in this session"),
    ("de", "Wer präsentiert: 'p-nobody' gehört nicht zu dieser Sitzung"),
])
def test_an_unknown_person_is_refused_in_the_participants_language(pitch_client, lang, words):
    pitch_client.get(f"/lang/{lang}", follow_redirects=False)
    join(pitch_client)
    r = pitch_client.post("/api/submit", json={"id": "pitch-0001", "step": "pitch.pitches",
                                               "record": {"pitch": "p-nobody", "type": "like", "text": "Good"}})
    assert r.status_code == 422 and words in r.json()["error"], r.text
    # a company is in the session but does not pitch: the kind's own rule says so
    r = pitch_client.post("/api/submit", json={"id": "pitch-0002", "step": "pitch.pitches",
                                               "record": {"pitch": "p-bert-2k8", "type": "like", "text": "Good"}})
    assert r.status_code == 422, r.text
    r = pitch_client.post("/api/submit", json={"id": "pitch-0003", "step": "pitch.pitches",
                                               "record": {"pitch": "p-anna-7f3", "type": "wish", "text": "More"}})
    assert r.status_code == 200 and r.json()["saved"], r.text
