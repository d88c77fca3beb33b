"""Checking in to speed dating in a real browser: Debian's Chromium (Playwright) on a
390x844 phone opens its personal link, taps "I am here", sees that it is checked in, and the
facilitator's page lists it as present; labels and contrast hold on the check-in form."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from server_util import CHROMIUM, serving
from test_browser import CONTRAST_JS, PHONE, UNLABELLED_JS, url
from test_check_in import PLAN

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (/usr/bin/chromium)"),
]


@pytest.fixture
def served(tmp_path, plugin_env, child_env):
    folder = tmp_path / "kickoff"
    with serving(folder, child_env, plan=PLAN, at=("dating", "rounds")) as (server, secrets):
        yield server, secrets, folder


def test_a_phone_checks_in_and_the_facilitator_sees_it(browser, served, tmp_path):
    server, secrets, folder = served
    shots = Path(os.environ.get("CIMIS_SCREENSHOTS") or tmp_path / "shots")
    shots.mkdir(parents=True, exist_ok=True)
    fac_context = browser.new_context(viewport={"width": 1100, "height": 900})
    fac = fac_context.new_page()
    fac.goto(url(server, f"/f/{secrets.facilitator}"))
    fac.wait_for_url("**/facilitator")
    fac.wait_for_selector(".present-list")
    assert fac.inner_text(".present-list") == "–"

    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(url(server, f"/i/c-ann/{secrets.invitation('c-ann')}"))
    page.wait_for_url("**/p")
    button = page.get_by_role("button", name="I am here")
    button.wait_for()
    assert page.evaluate(UNLABELLED_JS) == [] and page.evaluate(CONTRAST_JS) == []
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1")
    page.screenshot(path=str(shots / "phone-check-in.png"), full_page=True)
    button.tap()
    page.wait_for_selector("#checked-in")
    assert "You are checked in" in page.inner_text("#checked-in")
    page.screenshot(path=str(shots / "phone-checked-in.png"), full_page=True)
    # within a second on the facilitator's page
    fac.wait_for_function("() => document.querySelector('.present-list').textContent === 'Ann'", timeout=2000)
    assert "Ann" not in fac.inner_text(".away-list")
    fac.screenshot(path=str(shots / "facilitator-check-in.png"))
    conn = sqlite3.connect(folder / "session.db")
    try:
        records = [json.loads(r[0])["record"] for r in conn.execute(
            "SELECT payload FROM events WHERE type = 'captured'")]
    finally:
        conn.close()
    assert records == [{"op": "present", "person": "c-ann"}]
    assert errors == []
    context.close()
    fac_context.close()
