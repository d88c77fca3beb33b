"""The HTML reader in a real browser (Debian's Chromium through Playwright), from file://
and offline, at phone (390x844) and desktop (1280x800) sizes: no horizontal overflow,
search finds German words with folded umlauts and shows word-bounded snippets with the hit
marked, linked headings land below the sticky bar, dark mode applies, and the console
stays free of errors (the Content-Security-Policy would report any inline style or script).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
SIZES = {"phone": (390, 844), "desktop": (1280, 800)}
SCREENSHOTS = os.environ.get("CIMIS_SCREENSHOTS")  # a folder to keep screenshots in, for people


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from toolkit.workbook.build import build

    folder = tmp_path_factory.mktemp("reader") / "book"
    (folder / "chapters").mkdir(parents=True)
    (folder / "book.yaml").write_text("title: Kreuz. Schaffe. Erneuere.\nauthors: [Anna Berg]\nlanguage: de\n",
                                      "utf-8")
    (folder / "SUMMARY.md").write_text("# Summary\n\n- [Über uns](chapters/about.md)\n"
                                       "- [Werkstatt](chapters/shop.md)\n", "utf-8")
    filler = "\n\n".join(f"Absatz {i} erzählt vom Handwerk und der Baustelle." for i in range(40))
    (folder / "chapters" / "about.md").write_text(
        "---\ntitle: Über uns\nstatus: final\n---\n\n"
        "Wir treffen uns in der Hauptstraße 5 in Meißen, gleich über der Bäckerei.\n"
        "Die Zusammenarbeit zwischen Kreativen und Betrieben beginnt hier.\n\n"
        "Ein sehr langes Wort: Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenherstellungsbetrieb"
        " und eine Adresse https://example.org/ein/sehr/langer/pfad/der/nicht/umbricht/und/weiter/und/weiter\n\n"
        "| Links | Rechts | Mitte |\n|:--|--:|:-:|\n| a | 1 | x |\n\n"
        "```\n" + "code " * 60 + "\n```\n\n- [x] erledigt\n- [ ] offen\n\n"
        + filler + "\n\n## Ziel am Ende\n\nHier.\n\n" + filler + "\n",
        "utf-8")
    (folder / "chapters" / "shop.md").write_text(
        "---\ntitle: Werkstatt\n---\n\nZum [Ziel](about.md#ziel-am-ende) springen.\n", "utf-8")
    return build(folder, "html")


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield browser
        browser.close()


def _page(browser, size: str, dark: bool = False):
    width, height = SIZES[size]
    phone = size == "phone"
    context = browser.new_context(viewport={"width": width, "height": height}, is_mobile=phone, has_touch=phone,
                                  locale="de-DE", color_scheme="dark" if dark else "light")
    context.set_offline(True)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type in ("error", "warning") else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("dialog", lambda dialog: (errors.append("dialog: " + dialog.message), dialog.dismiss()))
    return context, page, errors


def _shot(page, name: str) -> None:
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SCREENSHOTS) / f"{name}.png"), full_page=False)


@pytest.mark.parametrize("size", list(SIZES))
def test_no_horizontal_overflow_and_no_console_errors(browser, site, size):
    context, page, errors = _page(browser, size)
    try:
        for rel in ("index.html", "chapters/about.html", "chapters/shop.html", "print.html"):
            page.goto((site / rel).as_uri())
            page.wait_for_load_state("load")
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{rel} at {size}: {overflow}px too wide"
            _shot(page, f"{size}-{rel.replace('/', '-')}")
        assert errors == []
    finally:
        context.close()


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize(("query", "found"), [("uber", "über"), ("strasse", "Hauptstraße"), ("MEISSEN", "Meißen")])
def test_offline_search_folds_umlauts_and_marks_the_hit(browser, site, size, query, found):
    context, page, errors = _page(browser, size)
    try:
        page.goto((site / "chapters" / "shop.html").as_uri())
        page.fill("#search-input", query)
        page.wait_for_selector("#search-results li p mark", timeout=5000)
        marks = page.eval_on_selector_all("#search-results li p mark", "ms => ms.map(m => m.textContent)")
        assert marks and all(m.lower() in found.lower() for m in marks), marks  # only the hit is marked
        assert any(len(m) >= len(query) - 1 for m in marks), marks
        snippets = page.eval_on_selector_all("#search-results li p", "ps => ps.map(p => p.textContent)")
        text = " ".join(snippets)
        assert "ZusammenarbeitDie" not in text and "Bäckerei.Die" not in text  # lines are not glued
        for snip in snippets:  # cut at word boundaries
            core = snip.strip("… ").strip()
            index = (site / "search-index.js").read_text("utf-8")
            assert all(word in index for word in core.split()[:1] + core.split()[-1:]), snip
        _shot(page, f"{size}-search-{query}")
        assert errors == []
    finally:
        context.close()


@pytest.mark.parametrize("size", list(SIZES))
def test_linked_heading_lands_below_the_bar(browser, site, size):
    context, page, errors = _page(browser, size)
    try:
        page.goto((site / "chapters" / "shop.html").as_uri())
        page.click("main a[href*='ziel-am-ende']")
        page.wait_for_load_state("load")
        page.wait_for_timeout(50)
        top = page.evaluate("document.getElementById('ziel-am-ende').getBoundingClientRect().top")
        bar = page.evaluate("document.querySelector('.topbar').getBoundingClientRect().bottom")
        assert bar <= top <= bar + 80, (bar, top)  # just below the bar, not under it
        assert page.evaluate("window.scrollY") > 0
        anchor = page.get_attribute("#ziel-am-ende a.anchor", "href")
        assert anchor == "#ziel-am-ende"
        _shot(page, f"{size}-anchor")
        assert errors == []
    finally:
        context.close()


def test_dark_mode_applies(browser, site):
    colours = {}
    for dark in (False, True):
        context, page, errors = _page(browser, "desktop", dark=dark)
        try:
            page.goto((site / "chapters" / "about.html").as_uri())
            colours[dark] = page.evaluate("getComputedStyle(document.body).backgroundColor")
            _shot(page, f"desktop-{'dark' if dark else 'light'}")
            assert errors == []
        finally:
            context.close()
    assert colours[False] == "rgb(255, 255, 255)"
    r, g, b = (int(v) for v in colours[True][4:-1].split(","))
    assert max(r, g, b) < 60


def test_table_alignment_survives_the_csp(browser, site):
    context, page, errors = _page(browser, "desktop")
    try:
        page.goto((site / "chapters" / "about.html").as_uri())
        aligns = page.eval_on_selector_all("tbody td", "tds => tds.map(td => getComputedStyle(td).textAlign)")
        assert aligns == ["left", "right", "center"]
        assert errors == []
    finally:
        context.close()


def test_print_styles(browser, site):
    context, page, _errors = _page(browser, "desktop")
    try:
        page.goto((site / "chapters" / "about.html").as_uri())
        page.emulate_media(media="print")
        hidden = page.evaluate(
            "['.topbar', '.sidebar', '.pager'].map(s => getComputedStyle(document.querySelector(s)).display)")
        assert hidden == ["none", "none", "none"]
        assert page.evaluate("getComputedStyle(document.querySelector('pre')).whiteSpace") == "pre-wrap"
    finally:
        context.close()
