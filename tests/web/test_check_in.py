"""Checking in to speed dating from the phone: an invited person marks themselves present
(or leaves), the facilitator's page lists who is present, and the rounds not played yet are
planned anew for the people present, played rounds staying as they were.

The kind's rules run in-process here; ``test_browser.py`` checks in from a 390x844 page."""

from __future__ import annotations

import re

import pytest

from web_client_util import join

PLAN = """\
title: Kickoff
date: 2026-03-14
language: en
seed: 11
people:
  - {id: c-ann, name: Ann, role: creative}
  - {id: c-cem, name: Cem, role: creative}
  - {id: c-cleo, name: Cleo, role: creative}
  - {id: b-bea, name: Bea, role: company}
  - {id: b-bo, name: Bo, role: company}
  - {id: b-ben, name: Ben, role: company}
agenda:
  - id: dating
    method: speed-dating
    options:
      rounds: {check_in: true}
"""


@pytest.fixture
def dating(tmp_path, plugin_env):
    from toolkit.session.engine import Engine

    folder = tmp_path / "kickoff"
    folder.mkdir()
    (folder / "workshop.yaml").write_text(PLAN, encoding="utf-8")
    with Engine(folder) as engine:
        engine.start()
        engine.go_to("dating", "rounds")
    return folder


@pytest.fixture
def room(dating):
    from toolkit.web.room import Room

    room = Room(dating, rate=1000, burst=1000)
    yield room
    room.close()


@pytest.fixture
def app(room):
    from toolkit.web.app import create_app

    return create_app(room, hosts=["127.0.0.1"], public_url="http://127.0.0.1:8300")


def invited(app, room, person):
    from starlette.testclient import TestClient

    client = TestClient(app, base_url="http://127.0.0.1")
    token = room.secrets.invitation(person)
    r = client.get(f"/i/{person}/{token}", follow_redirects=False)
    assert r.status_code == 303
    return client


def check(client, cid, op="present", **extra):
    return client.post("/api/submit", json={"id": cid, "step": "dating.rounds", "record": {"op": op, **extra}})


def plan(room):
    with room.lock:
        room.engine.refresh()
        return room.engine.result("dating", "rounds")


def test_nobody_is_planned_before_checking_in(room):
    result = plan(room)
    assert sorted(result.absent) == sorted(["c-ann", "c-cem", "c-cleo", "b-bea", "b-bo", "b-ben"])
    assert all(not r.seats for r in result.rounds)


def test_people_check_in_from_their_phones_and_the_next_round_is_planned_for_them(app, room):
    ann, bea, cem, bo = (invited(app, room, p) for p in ("c-ann", "b-bea", "c-cem", "b-bo"))
    with ann, bea, cem, bo:
        html = ann.get("/api/form").text
        assert '<input type="hidden" name="op" value="present">' in html and "I am here" in html
        assert check(ann, "ci-ann-001").json()["saved"]
        assert check(bea, "ci-bea-001").json()["saved"]
        assert "You are checked in" in ann.get("/api/form").text
        first = plan(room)
        assert [(s.a, s.b) for s in first.rounds[0].seats] == [("c-ann", "b-bea")]
        # the facilitator starts round 1 (from the terminal UI or the engine)
        with room.lock:
            room.engine.capture({"op": "round", "number": 1}, item_id="dating", step_id="rounds")
        assert check(cem, "ci-cem-001").json()["saved"]
        assert check(bo, "ci-bo-0001").json()["saved"]
        now = plan(room)
        assert now.rounds[0].played and [(s.a, s.b) for s in now.rounds[0].seats] == [("c-ann", "b-bea")]
        later = {(s.a, s.b) for r in now.rounds[1:] for s in r.seats}
        # the late arrivals are planned; the pair that met is not seated again
        assert {("c-cem", "b-bo"), ("c-ann", "b-bo"), ("c-cem", "b-bea")} <= later
        assert ("c-ann", "b-bea") not in later
        assert all(p not in {x for pair in later for x in pair} for p in ("c-cleo", "b-ben"))  # not here
        # leaving: the rounds not played yet are planned without them
        assert check(bo, "co-bo-0001", op="absent").json()["saved"]
        assert all("b-bo" not in (s.a, s.b) for r in plan(room).rounds[1:] for s in r.seats)


def test_only_for_oneself_and_only_with_a_personal_link(app, room):
    from starlette.testclient import TestClient

    with invited(app, room, "c-ann") as ann, TestClient(app, base_url="http://127.0.0.1") as anonymous:
        # naming someone else checks in oneself: the server fills in the device's person
        assert check(ann, "ci-ann-001", person="b-bea").json()["saved"]
        assert plan(room).absent == ["c-cem", "c-cleo", "b-bea", "b-bo", "b-ben"]
        again = check(ann, "ci-ann-002")
        assert again.status_code == 422 and again.json()["error"] == "Ann is already present."  # a name, no id
        # starting a round stays the facilitator's
        r = check(ann, "ro-ann-001", op="round", number=1)
        assert r.status_code == 403
        join(anonymous)
        r = check(anonymous, "ci-anon-01")
        assert r.status_code == 403 and "personal link" in r.json()["error"]
        form = anonymous.get("/api/form").text
        assert "I am here" not in form and "Checking in needs your personal link" in form


def test_the_facilitator_sees_who_is_present(app, room):
    with invited(app, room, "c-cem") as cem:
        check(cem, "ci-cem-001")
    view = room.facilitator_view("en")
    present = re.search(r'<p class="present-list">(.*?)</p>', view["html"]).group(1)
    away = re.search(r'<p class="away-list">(.*?)</p>', view["html"]).group(1)
    assert present == "Cem" and away.split(", ") == ["Ann", "Cleo", "Bea", "Bo", "Ben"]
    assert "1 of 6 checked in" in view["html"]
    projector = room.projector_view("en")["html"]
    assert "1 of 6 checked in" in projector and "present-list" not in projector
    german = room.facilitator_view("de")["html"]
    assert "1 von 6 eingecheckt" in german and "Nicht eingecheckt" in german


def test_checking_in_in_german(app, room):
    with invited(app, room, "b-ben") as ben:
        ben.get("/lang/de", follow_redirects=False)
        assert "Ich bin da" in ben.get("/api/form").text
        assert check(ben, "ci-ben-001").json()["saved"]
        assert "Sie sind eingecheckt" in ben.get("/api/form").text
        r = check(ben, "ci-ben-002")
        assert r.status_code == 422 and r.json()["error"] == "Ben ist bereits anwesend."
