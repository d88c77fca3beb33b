"""Person fields in a real browser (Debian's Chromium on a 390x844 phone): the pitch form
offers the presenters by name in a labelled select, feedback to one of them is saved, and a
forged unknown person is refused with a message naming the field by its label."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from server_util import CHROMIUM, serving
from test_browser import CONTRAST_JS, PHONE, UNLABELLED_JS, url
from test_fields import PITCH_PLAN

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (/usr/bin/chromium)"),
]


@pytest.fixture
def served(tmp_path, plugin_env, child_env):
    with serving(tmp_path / "pitch", child_env, plan=PITCH_PLAN, at=("pitch", "pitches")) as (server, secrets):
        yield server, secrets


def test_a_phone_chooses_the_presenter_by_name(browser, served, tmp_path):
    server, secrets = served
    shots = Path(os.environ.get("CIMIS_SCREENSHOTS") or tmp_path / "shots")
    shots.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(url(server, "/"))
    page.fill("#code", secrets.code)
    page.click("button[type=submit]")
    page.wait_for_url("**/p")
    select = page.get_by_label("Presenter")
    select.wait_for()
    assert page.eval_on_selector("#f0-pitch", "el => Array.from(el.options).map(o => o.textContent)") == [
        "Choose …", "Anna (Studio A)", "Carl"]
    assert page.evaluate(UNLABELLED_JS) == [] and page.evaluate(CONTRAST_JS) == []
    select.select_option(label="Carl")
    page.get_by_label("Kind of feedback").select_option(label="I wish")
    page.fill("#f0-text", "A second example")
    page.screenshot(path=str(shots / "phone-pitch-form.png"), full_page=True)
    page.click("form.capture button[type=submit]")
    page.wait_for_function("() => document.getElementById('status').textContent === 'Saved'")
    # a forged choice is refused, naming the field as the form labels it
    page.eval_on_selector("#f0-pitch", "el => { el.options[1].value = 'p-nobody'; el.selectedIndex = 1; }")
    page.fill("#f0-text", "Forged")
    page.click("form.capture button[type=submit]")
    page.wait_for_function("() => document.getElementById('status').textContent.includes("
                           "\"Presenter: 'p-nobody' is not someone in this session\")")
    page.screenshot(path=str(shots / "phone-pitch-refused.png"), full_page=True)
    context.close()
