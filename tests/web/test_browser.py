"""Real-browser tests: Debian's Chromium driven by Playwright against a real ``cimis serve``
(uvicorn on 127.0.0.1). A phone (390x844) joins with the code, sends cards and votes, and
the projector page shows them; moderation; reveal; a resend after the phone was offline;
the other language; labels, focus order, contrast and 200% text.

Screenshots go to ``$CIMIS_SCREENSHOTS`` when set (to look at them), else to the test's
temporary folder."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from server_util import CHROMIUM, serving

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (/usr/bin/chromium)"),
]

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def served(started, child_env):
    with serving(started, child_env) as (server, secrets):
        yield server, secrets


@pytest.fixture
def shots(tmp_path):
    folder = Path(os.environ.get("CIMIS_SCREENSHOTS") or tmp_path / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def url(server, path: str) -> str:
    return f"http://127.0.0.1:{server.port}{path}"


def phone(browser, server, secrets, lang: str | None = None):
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(url(server, "/"))
    if lang:
        page.get_by_role("link", name="Deutsch").click()
    page.fill("#code", secrets.code)
    page.click("button[type=submit]")
    page.wait_for_url("**/p")
    return context, page


def facilitator(browser, server, secrets):
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    page = context.new_page()
    page.goto(url(server, f"/f/{secrets.facilitator}"))
    page.wait_for_url("**/facilitator")
    page.wait_for_function("() => document.getElementById('step-title').textContent !== '…'")
    return context, page


def captured(folder: Path) -> list[str]:
    conn = sqlite3.connect(folder / "session.db")
    try:
        return [r[0] for r in conn.execute("SELECT json_extract(payload, '$.record.text') FROM events "
                                           "WHERE type = 'captured' ORDER BY seq")]
    finally:
        conn.close()


def test_phone_joins_sends_cards_and_votes_projector_shows_them(browser, served, started, shots):
    server, secrets = served
    context, page = phone(browser, server, secrets)
    page.wait_for_selector("#card-text")
    assert page.inner_text("#step-title") == "Ideas"
    projector = browser.new_page(viewport={"width": 1280, "height": 720})
    projector.goto(url(server, "/projector"))
    projector.wait_for_function("() => document.getElementById('step-title').textContent === 'Ideas'")
    for text in ("Digital job sheet", "Photo log <b>on site</b>"):
        page.fill("#card-text", text)
        page.click("form.capture button[type=submit]")
        page.wait_for_function("() => document.getElementById('status').textContent === 'Saved'")
        page.evaluate("document.getElementById('status').textContent = ''")
    page.screenshot(path=str(shots / "phone-cards.png"), full_page=True)
    projector.wait_for_selector("text=Photo log <b>on site</b>", timeout=2000)  # shown as text, not markup
    assert projector.locator(".card").count() == 2
    projector.screenshot(path=str(shots / "projector-cards.png"))
    # the vote step: the phone's form changes by itself
    fac_context, fac = facilitator(browser, server, secrets)
    fac.click("button[data-step=next]")
    page.wait_for_selector("form.vote")
    assert page.inner_text("#step-title") == "Vote"
    page.locator("form.vote button").first.click()
    page.wait_for_function("() => document.getElementById('status').textContent === 'Saved'")
    page.wait_for_function("() => document.querySelector('#dots-left strong').textContent === '1'")
    page.screenshot(path=str(shots / "phone-vote.png"), full_page=True)
    # votes stay hidden on the projector until revealed
    projector.wait_for_function("() => document.getElementById('step-title').textContent === 'Vote'")
    projector.wait_for_function("() => document.getElementById('hidden-note').textContent.includes('hidden')")
    assert projector.locator("svg.chart").count() == 0
    fac.click("button.toggle[data-action=reveal]")
    projector.wait_for_selector("svg.chart", timeout=2000)
    projector.screenshot(path=str(shots / "projector-votes.png"))
    fac.screenshot(path=str(shots / "facilitator.png"), full_page=True)
    context.close()
    fac_context.close()
    projector.close()


def test_moderation_holds_cards_until_accepted(browser, served, started, shots):
    server, secrets = served
    fac_context, fac = facilitator(browser, server, secrets)
    fac.click("button.toggle[data-action=moderation]")
    fac.wait_for_selector("button.toggle[data-action=moderation][aria-pressed=true]")
    context, page = phone(browser, server, secrets)
    page.wait_for_selector("#card-text")
    projector = browser.new_page(viewport={"width": 1280, "height": 720})
    projector.goto(url(server, "/projector"))
    page.fill("#card-text", "Needs a look first")
    page.click("form.capture button[type=submit]")
    page.wait_for_function("() => document.getElementById('status').textContent.includes('accepts')")
    fac.wait_for_selector("#held li")
    assert projector.locator(".card").count() == 0
    fac.get_by_role("button", name="Accept: Needs a look first").click()
    projector.wait_for_selector("text=Needs a look first", timeout=2000)
    fac.wait_for_function("() => document.getElementById('held-count').textContent === '0'")
    context.close()
    fac_context.close()
    projector.close()


def test_offline_phone_keeps_and_resends_once(browser, served, started, shots):
    server, secrets = served
    context, page = phone(browser, server, secrets)
    page.wait_for_selector("#card-text")
    context.set_offline(True)
    page.fill("#card-text", "Typed in the cellar")
    page.click("form.capture button[type=submit]")
    page.wait_for_function("() => document.getElementById('status').textContent.includes('waiting')")
    assert page.locator("#outbox li").count() == 1
    page.screenshot(path=str(shots / "phone-offline.png"), full_page=True)
    assert captured(started) == []
    context.set_offline(False)
    page.wait_for_function("() => document.getElementById('status').textContent === 'Saved'", timeout=20000)
    assert page.locator("#outbox li").count() == 0
    # a reload resends nothing: the outbox is empty, and the store has the card once
    page.reload()
    page.wait_for_selector("#card-text")
    assert captured(started) == ["Typed in the cellar"]
    context.close()


def test_the_other_language(browser, served, started, shots):
    server, secrets = served
    context, page = phone(browser, server, secrets, lang="de")
    page.wait_for_selector("#card-text")
    assert page.inner_text("label[for=card-text]") == "Ihre Idee"
    assert page.get_by_role("link", name="English").count() == 1
    assert "Datenschutz" in page.inner_text("footer")
    page.fill("#card-text", " ")
    page.evaluate("document.getElementById('card-text').removeAttribute('required')")
    page.click("form.capture button[type=submit]")
    # the field by its German label, never its record path (card.text)
    page.wait_for_function("() => document.getElementById('status').textContent.includes('Ihre Idee: darf nicht "
                           "leer sein')")
    assert "card" not in page.inner_text("#status")
    page.screenshot(path=str(shots / "phone-de.png"), full_page=True)
    context.close()
    context, page = phone(browser, server, secrets)
    page.wait_for_selector("#card-text")
    page.fill("#card-text", " ")
    page.evaluate("document.getElementById('card-text').removeAttribute('required')")
    page.click("form.capture button[type=submit]")
    page.wait_for_function("() => document.getElementById('status').textContent.includes('Your idea: must not be "
                           "empty')")
    assert "card" not in page.inner_text("#status")
    context.close()


CONTRAST_JS = """() => {
  function rgb(s) { const m = s.match(/\\d+(\\.\\d+)?/g); return m ? m.map(Number) : [0, 0, 0, 1]; }
  function lum(c) { const [r, g, b] = c.slice(0, 3).map(v => {
                      v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
                    return 0.2126 * r + 0.7152 * g + 0.0722 * b; }
  function bg(el) { for (; el; el = el.parentElement) { const c = rgb(getComputedStyle(el).backgroundColor);
                    if (c.length < 4 || c[3] > 0) return c; } return [255, 255, 255]; }
  const bad = [];
  for (const el of document.querySelectorAll('body *')) {
    if (!el.offsetParent && el.tagName !== 'BODY') continue;
    const own = Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own) continue;
    const style = getComputedStyle(el);
    const fg = lum(rgb(style.color)), back = lum(bg(el));
    const ratio = (Math.max(fg, back) + 0.05) / (Math.min(fg, back) + 0.05);
    const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight) >= 700;
    const need = (size >= 24 || (bold && size >= 18.66)) ? 3 : 4.5;
    if (ratio < need) bad.push(el.tagName + ' ' + el.textContent.trim().slice(0, 30) + ' ' + ratio.toFixed(2));
  }
  return bad;
}"""

UNLABELLED_JS = """() => Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea, button, a'))
  .filter(el => el.offsetParent !== null)
  .filter(el => {
    const byLabel = el.labels && el.labels.length > 0 && Array.from(el.labels).some(l => l.textContent.trim());
    const name = el.getAttribute('aria-label') || (el.getAttribute('aria-labelledby') ? 'x' : '') ||
                 ((el.tagName === 'BUTTON' || el.tagName === 'A') ? el.textContent.trim() : '');
    return !byLabel && !name;
  }).map(el => el.outerHTML.slice(0, 80))"""


def test_accessibility_labels_focus_contrast_and_zoom(browser, served, started, shots):
    server, secrets = served
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(url(server, "/"))
    assert page.evaluate(UNLABELLED_JS) == []
    assert page.evaluate(CONTRAST_JS) == []
    # focus order follows the page: language switch, code, name, join
    order = []
    for _ in range(4):
        page.keyboard.press("Tab")
        order.append(page.evaluate("document.activeElement.id || document.activeElement.className || "
                                   "document.activeElement.textContent"))
    assert order == ["lang", "code", "name", "Join"], order
    # keyboard only: type the code and join with Enter
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.type(secrets.code)
    page.keyboard.press("Enter")
    page.wait_for_url("**/p")
    page.wait_for_selector("#card-text")
    assert page.evaluate(UNLABELLED_JS) == []
    assert page.evaluate(CONTRAST_JS) == []
    # 200% text: nothing runs off the side of a phone screen
    # what a browser's text-size setting does (CSSOM is allowed by the CSP; a <style> is not)
    page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
    page.wait_for_timeout(100)
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1")
    page.screenshot(path=str(shots / "phone-200-percent.png"), full_page=True)
    for path in ("/projector",):
        other = context.new_page()
        other.goto(url(server, path))
        other.wait_for_function("() => document.getElementById('step-title').textContent !== '…'")
        assert other.evaluate(UNLABELLED_JS) == [] and other.evaluate(CONTRAST_JS) == []
        other.close()
    fac_context, fac = facilitator(browser, server, secrets)
    assert fac.evaluate(UNLABELLED_JS) == [] and fac.evaluate(CONTRAST_JS) == []
    fac_context.close()
    context.close()


def test_no_console_errors_or_csp_violations(browser, served, started):
    server, secrets = served
    context, page = phone(browser, server, secrets)
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.reload()
    page.wait_for_selector("#card-text")
    page.fill("#card-text", "Fine")
    page.click("form.capture button[type=submit]")
    page.wait_for_function("() => document.getElementById('status').textContent === 'Saved'")
    assert errors == []
    context.close()
    shutil.rmtree(started / "never", ignore_errors=True)
