"""The web API through Starlette's TestClient: joining, submissions acknowledged only after
the commit and idempotent by client id, every bad input a 4xx with a clear message in the
participant's language (never a 500), and every security rule of the issue."""

from __future__ import annotations

import json
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from web_client_util import join


def captured_rows(folder):
    conn = sqlite3.connect(folder / "session.db")
    try:
        return [(r[0], json.loads(r[1]), r[2]) for r in conn.execute(
            "SELECT client_id, payload, author FROM events WHERE type = 'captured' ORDER BY seq")]
    finally:
        conn.close()


def card(client, cid="card-0001", text="An idea", step="room.ideas"):
    return client.post("/api/submit", json={"id": cid, "step": step, "record": {"op": "card", "text": text}})


def go_to(room, step):
    with room.lock:
        room.engine.go_to("room", step)


def facilitate(client, room):
    r = client.get(f"/f/{room.secrets.facilitator}", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/facilitator"


# -- joining ---------------------------------------------------------------------------------

def test_join_with_the_code_and_stay_anonymous(client, room):
    assert client.get("/").status_code == 200
    page = client.get(f"/j/{room.code}")
    assert room.code in page.text
    r = client.post("/api/join", json={"code": room.code.lower(), "name": ""})
    assert r.status_code == 200
    cookie = r.headers["set-cookie"]
    assert "HttpOnly" in cookie and "samesite=strict" in cookie.lower()
    assert card(client).json()["saved"]
    (_cid, payload, author), = captured_rows(room.folder)
    assert author.startswith("#") and payload["record"]["text"] == "An idea"  # no name stored


def test_a_given_name_is_stored(client, room):
    join(client, "  Ada   Lovelace ")
    card(client)
    assert captured_rows(room.folder)[0][2].startswith("Ada Lovelace#")


def test_join_refusals_in_the_participants_language(client, room):
    r = client.post("/api/join", json={"code": "WRONG1"})
    assert r.status_code == 403 and "join code" in r.json()["error"]
    client.get("/lang/de", follow_redirects=False)
    r = client.post("/api/join", json={"code": "WRONG1"})
    assert r.status_code == 403 and "Code" in r.json()["error"] and "nicht" in r.json()["error"]
    r = client.post("/api/join", json={"code": room.code, "name": "x" * 41})
    assert r.status_code == 413
    r = client.post("/api/join", json={"code": room.code, "name": 5})
    assert r.status_code == 400


def test_language_switch_only_redirects_locally(client):
    r = client.get("/lang/de?next=//evil.example/", follow_redirects=False)
    assert r.headers["location"] == "/"
    r = client.get("/lang/de?next=/p", follow_redirects=False)
    assert r.headers["location"] == "/p"
    assert client.get("/").text.count('lang="de"') >= 1


# -- acknowledged means committed, resends are idempotent ------------------------------------

def test_saved_only_after_commit_and_resend_adds_nothing(client, room):
    join(client)
    first = card(client, "resend-0001")
    assert first.status_code == 200 and first.json() == {"saved": True, "id": "resend-0001", "seq": first.json()["seq"],
                                                         "duplicate": False, "held": False}
    # committed: another connection (not the server's) sees it now
    assert [r[1]["record"]["text"] for r in captured_rows(room.folder)] == ["An idea"]
    again = card(client, "resend-0001")
    assert again.status_code == 200 and again.json()["duplicate"] and again.json()["seq"] == first.json()["seq"]
    assert len(captured_rows(room.folder)) == 1
    # the same id for something else is a conflict, not a silent overwrite
    other = card(client, "resend-0001", text="Something else")
    assert other.status_code == 409 and "already used" in other.json()["error"]
    # a resend after the step moved on is still acknowledged (it was saved before)
    go_to(room, "vote")
    assert card(client, "resend-0001").json()["duplicate"]


def test_ids_are_per_device(client, room):
    from starlette.testclient import TestClient

    join(client)
    card(client, "same-id-01", "from one")
    with TestClient(client.app, base_url="http://127.0.0.1") as other:
        join(other)
        assert card(other, "same-id-01", "from another").json()["duplicate"] is False
    assert len(captured_rows(room.folder)) == 2


# -- bad input: 4xx with a clear message, never 500 ------------------------------------------

@pytest.mark.parametrize("body, status, words", [
    (b"{not json", 400, "not valid JSON"),
    (b"[1, 2]", 400, "JSON object"),
    (json.dumps({"id": "x", "step": "room.ideas", "record": {}}).encode(), 400, "id of 8 to 64"),
    (json.dumps({"id": "abcdefgh", "step": "ideas", "record": {}}).encode(), 400, "name its step"),
    (json.dumps({"id": "abcdefgh", "step": "room.ideas", "record": []}).encode(), 400, "JSON object"),
    (json.dumps({"id": "abcdefgh", "step": "room.nope", "record": {}}).encode(), 404, "no step"),
    (json.dumps({"id": "abcdefgh", "step": "room.vote", "record": {}}).encode(), 409, "not open"),
    (json.dumps({"id": "abcdefgh", "step": "room.ideas", "record": {"voter": "x", "item": "1"}}).encode(), 422,
     "check your entry"),
    (json.dumps({"id": "abcdefgh", "step": "room.ideas", "record": {"op": "card", "text": "x" * 2001}}).encode(),
     413, "too long"),
    (b"{" + b" " * 20000 + b"}", 413, "too large"),
])
def test_bad_submissions(client, body, status, words):
    join(client)
    r = client.post("/api/submit", content=body, headers={"content-type": "application/json"})
    assert r.status_code == status and words in r.json()["error"], r.text


def test_bad_submission_in_german(client):
    client.get("/lang/de", follow_redirects=False)
    join(client)
    r = client.post("/api/submit", content=b"{oops", headers={"content-type": "application/json"})
    assert r.status_code == 400 and "kein gültiges JSON" in r.json()["error"]
    r = client.post("/api/submit", json={"id": "abcdefgh", "step": "room.ideas", "record": {"op": "card", "text": ""}})
    error = r.json()["error"]
    assert r.status_code == 422 and "Ihre Idee: darf nicht leer sein" in error and "card.text" not in error, error


def test_votes_beyond_the_limit_and_closed_steps(client, room):
    join(client)
    ids = [card(client, f"card-{i:04d}", f"idea {i}").json()["seq"] for i in range(3)]
    go_to(room, "vote")
    vote = lambda cid, item: client.post("/api/submit", json={"id": cid, "step": "room.vote",
                                                              "record": {"item": str(item)}})
    assert vote("vote-0001", ids[0]).status_code == 200
    r = vote("vote-0002", ids[0])
    assert r.status_code == 422 and "At most 1" in r.json()["error"]
    assert vote("vote-0003", ids[1]).status_code == 200
    r = vote("vote-0004", ids[2])
    assert r.status_code == 422 and "0 of 2" in r.json()["error"]
    # a voter cannot vote as someone else: the server fills in the voter
    r = client.post("/api/submit", json={"id": "vote-0005", "step": "room.vote",
                                         "record": {"item": str(ids[2]), "voter": "anna"}})
    assert r.status_code == 422
    with room.lock:
        room.engine.set_input(False)
    r = vote("vote-0006", ids[2])
    assert r.status_code == 409 and "closed" in r.json()["error"]
    with room.lock:
        room.engine.finish()
    r = vote("vote-0007", ids[2])
    assert r.status_code == 409


def test_rate_limit_per_device(started):
    from starlette.testclient import TestClient

    from toolkit.web.app import create_app
    from toolkit.web.room import Room

    room = Room(started, rate=0.01, burst=3)
    try:
        with TestClient(create_app(room, hosts=["127.0.0.1"]), base_url="http://127.0.0.1") as client:
            join(client)
            codes = [card(client, f"rate-{i:04d}", f"idea {i}").status_code for i in range(5)]
            assert codes == [200, 200, 200, 429, 429]
            assert "Too many" in card(client, "rate-9999").json()["error"]
    finally:
        room.close()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                    max_leaves=12),
       st.sampled_from(["room.ideas", "room.vote", "room.nope", "x", 3, None]))
def test_no_input_gives_a_500(client, record, step):
    if not client.cookies.get("cimis_device"):
        join(client)
    r = client.post("/api/submit", json={"id": "fuzz-00001", "step": step, "record": record})
    assert r.status_code < 500, r.text
    r = client.post("/api/submit", json=record)
    assert (r.status_code < 500 and "error" in r.json()) or r.status_code == 200


# -- who may do what --------------------------------------------------------------------------

def test_participant_link_grants_only_participant_actions(client, room):
    assert client.post("/api/submit", json={}).status_code == 401
    assert client.get("/api/form").status_code == 401
    join(client)
    assert client.get("/facilitator").status_code == 403
    assert client.get("/api/stream/facilitator").status_code == 403
    r = client.post("/api/facilitator", json={"action": "reveal", "value": True})
    assert r.status_code == 403 and "facilitator" in r.json()["error"]
    assert client.get("/f/not-the-secret").status_code == 403
    forged = client.cookies.get("cimis_device")[:-3] + "AAA"
    client.cookies.set("cimis_device", forged)
    assert card(client).status_code == 401


def test_facilitator_secret_moderation_and_reveal(client, room):
    join(client)
    facilitate(client, room)
    assert client.get("/facilitator").status_code == 200
    assert client.post("/api/facilitator", json={"action": "moderation", "value": True}).json()["changed"]
    held = card(client, "held-0001", "<script>alert('x')</script>")
    assert held.json()["held"]
    assert "alert" not in room.projector_view("en")["html"]
    view = room.facilitator_view("en")
    assert view["held_records"][0]["data"]["text"].startswith("<script>")  # JSON: the page sets textContent
    r = client.post("/api/facilitator", json={"action": "accept", "record": held.json()["seq"]})
    assert r.status_code == 200
    html = room.projector_view("en")["html"]
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html and "<script>" not in html
    for bad in ({"action": "reveal", "value": "yes"}, {"action": "explode"}, {"action": "accept", "record": "1"},
                {"action": "accept", "record": 999999}):
        r = client.post("/api/facilitator", json=bad)
        assert 400 <= r.status_code < 500 and r.json()["error"], bad


def test_votes_hidden_until_revealed(client, room):
    join(client)
    seq = card(client).json()["seq"]
    go_to(room, "vote")
    client.post("/api/submit", json={"id": "vote-0001", "step": "room.vote", "record": {"item": str(seq)}})
    view = room.projector_view("en")
    assert view["html"] == "" and "hidden" in view["hidden_note"]
    facilitate(client, room)
    client.post("/api/facilitator", json={"action": "reveal", "value": True})
    assert "<svg" in room.projector_view("en")["html"]


def test_jury_scores_only_from_juror_invitations(client, room):
    go_to(room, "jury")
    join(client)
    score = {"candidate": "anna", "criterion": "idea", "score": 4}
    r = client.post("/api/submit", json={"id": "score-0001", "step": "room.jury", "record": score})
    assert r.status_code == 403 and "jury" in r.json()["error"]
    assert "Only devices invited" in client.get("/api/form").text
    bad = client.get("/i/jule/forged-token", follow_redirects=False)
    assert bad.status_code == 403
    token = room.secrets.invitation("jule")
    r = client.get(f"/i/jule/{token}", follow_redirects=False)
    assert r.status_code == 303
    r = client.post("/api/submit", json={"id": "score-0002", "step": "room.jury", "record": score})
    assert r.status_code == 200, r.text
    r = client.post("/api/submit", json={"id": "score-0003", "step": "room.jury", "record": {**score, "score": 9}})
    assert r.status_code == 422 and "1 to 5" in r.json()["error"]
    # an invitation for a creative is no juror's
    client.get(f"/i/anna/{room.secrets.invitation('anna')}", follow_redirects=False)
    r = client.post("/api/submit", json={"id": "score-0004", "step": "room.jury", "record": score})
    assert r.status_code == 403


def test_host_allow_list_and_origin_check(client, room):
    r = client.get("/", headers={"host": "evil.example"})
    assert r.status_code == 421
    join(client)
    r = client.post("/api/submit",
                    json={"id": "origin-001", "step": "room.ideas", "record": {"op": "card", "text": "x"}},
                    headers={"origin": "http://evil.example"})
    assert r.status_code == 403 and "other sites" in r.json()["error"]
    r = client.post("/api/submit",
                    json={"id": "origin-002", "step": "room.ideas", "record": {"op": "card", "text": "x"}},
                    headers={"origin": "http://127.0.0.1"})
    assert r.status_code == 200


def test_security_headers_on_every_response(client):
    for path in ("/", "/projector", "/static/participant.js", "/nope", "/qr.svg"):
        r = client.get(path)
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'none'" in csp
        assert r.headers["x-content-type-options"] == "nosniff" and r.headers["referrer-policy"] == "no-referrer"
    assert client.get("/nope").status_code == 404
    assert client.post("/projector").status_code == 405


def test_pages_have_no_inline_script_and_escape_the_workshop(client, room):
    join(client)
    for path in ("/", "/p", "/projector"):
        html = client.get(path).text
        assert "<script>" not in html and " on" not in html.split("<body", 1)[1].replace(" one", "").lower().split(
            ">", 1)[0]
        assert "Web test &lt;workshop&gt;" in html
    info = room.participant_view("en")
    assert "<script>" not in info["instructions_html"] and "&lt;script&gt;" in info["instructions_html"]


def test_forms_of_every_step_render(client, room):
    join(client)
    card(client, "card-form1", "Vote on me")
    for step in ("ideas", "vote", "ask", "words", "jury", "notes"):
        go_to(room, step)
        html = client.get("/api/form").text
        assert 'data-step="room.' + step + '"' in html or "Only devices invited" in html, (step, html)
    go_to(room, "notes")
    assert 'name="text"' in client.get("/api/form").text


def test_questions_and_word_cloud_from_phones(client, room):
    join(client)
    go_to(room, "ask")
    q = client.post("/api/submit", json={"id": "ask-00001", "step": "room.ask",
                                         "record": {"op": "ask", "text": "Why <now>?"}}).json()["seq"]
    up = {"id": "up-000001", "step": "room.ask", "record": {"op": "upvote", "question": q}}
    assert client.post("/api/submit", json=up).status_code == 200
    r = client.post("/api/submit", json={**up, "id": "up-000002"})
    assert r.status_code == 422 and "already" in r.json()["error"]
    assert "Why &lt;now&gt;?" in room.projector_view("en")["html"]
    go_to(room, "words")
    for i, word in enumerate(("Trust", "trust", "speed")):
        r = client.post("/api/submit", json={"id": f"word-{i:05d}", "step": "room.words", "record": {"text": word}})
        assert r.status_code == (200 if i < 2 else 422)
    html = room.projector_view("en")["html"]
    assert "<svg" in html and "Trust" in html


def test_interests_on_three_levels_from_a_personal_link(client, room):
    with room.lock:
        room.engine.go_to("dating", "interests")
    join(client)
    assert "personal link" in client.get("/api/form").text
    client.get(f"/i/anna/{room.secrets.invitation('anna')}", follow_redirects=False)
    html = client.get("/api/form").text
    assert 'name="level-bert"' in html and html.count('name="level-bert"') == 4 and "Anna" not in html
    r = client.post("/api/submit", json={"id": "interest-01", "step": "dating.interests",
                                         "record": {"must": ["bert"], "could": [], "no": []}})
    assert r.status_code == 200, r.text
    # the server fills in who marks: nobody can mark for someone else
    r = client.post("/api/submit", json={"id": "interest-02", "step": "dating.interests",
                                         "record": {"person": "bert", "no": ["bert"]}})
    assert r.status_code == 200, r.text
    with room.lock:
        result = room.engine.result("dating", "interests")
    assert [(p.person, p.must, p.no) for p in result.preferences] == [("anna", [], ["bert"])]
    r = client.post("/api/submit", json={"id": "interest-03", "step": "dating.interests",
                                         "record": {"must": ["jule"]}})
    assert r.status_code == 422 and "other group" in r.json()["error"]
