"""The web pages in a real browser: Debian's chromium driven by Playwright, against a real
server over the demo store and a hostile article.

Screenshots of every page go to $SITREP_SCREENSHOTS (else a temporary folder, named in the
output): look at them. Skipped, with the reason, where chromium or Playwright is missing
(`apt-get install -y chromium`; never `playwright install`, which downloads a browser).
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import httpx
import pytest

from tests.interfaces.web.conftest import HOSTILE

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no chromium on this machine (apt-get install -y chromium)")


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api",
                                   reason="playwright is not installed (pip install -e '.[test]')")
    args = ["--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-default-apps"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--no-sandbox")  # chromium's sandbox refuses to run as root
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                              args=args)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = Path(os.environ.get("SITREP_SCREENSHOTS") or tmp_path_factory.mktemp("screens"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"screenshots in {folder}")
    return folder


@pytest.fixture
def page(browser, server):
    """A fresh page on the server; fails the test on any console error (a resource the
    Content-Security-Policy blocked, a script error) or uncaught exception."""
    context = browser.new_context(base_url=server, viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    problems: list[str] = []
    opened.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    opened.on("pageerror", lambda error: problems.append(str(error)))
    opened.on("dialog", lambda dialog: problems.append(f"dialog: {dialog.message}"))
    opened.problems = problems  # type: ignore[attr-defined]
    yield opened
    context.close()
    assert problems == [], problems


def quote_of(server: str, event_id: str) -> str:
    return httpx.get(f"{server}/api/events/{event_id}").json()["evidence"]["quote"]


def test_search_filter_and_read_the_evidence(page, server, shots):
    page.goto("/")
    page.screenshot(path=shots / "index.png")
    assert page.locator("table.events tbody tr").count() > 10
    page.select_option("#type", "REQUEST")
    page.fill("#actor", "Venezuela")
    page.click("form.filters button[type=submit]")
    page.wait_for_url(re.compile(r"type=REQUEST"))
    page.screenshot(path=shots / "index-filtered.png")
    types = page.locator("table.events td.type").all_inner_texts()
    assert types and all(t.startswith("REQUEST") for t in types)
    assert all("VEN" in who for who in page.locator("table.events td.who").all_inner_texts())
    assert page.locator(".facet li.active").first.inner_text().startswith("REQUEST")
    page.locator("table.events td.sentence a").first.click()
    page.wait_for_url(re.compile(r"/events/"))
    event_id = page.url.rsplit("/", 1)[1]
    mark = page.locator("mark#evidence")
    assert mark.text_content() == quote_of(server, event_id)
    assert page.locator("mark#evidence strong.trigger").count() == 1
    assert page.locator("table.who-table tbody tr").count() >= 2
    page.screenshot(path=shots / "event.png", full_page=True)


def test_a_brief_footnote_opens_its_evidence(page, server, shots):
    page.goto("/brief?focus=Venezuela&with=Russia&since=2025-09-01")
    page.screenshot(path=shots / "brief.png", full_page=True)
    notes = page.locator("article.brief sup.footnote-ref a")
    assert notes.count() >= 5
    citations = httpx.get(f"{server}/api/brief", params={
        "focus": "Venezuela", "with": "Russia", "since": "2025-09-01"}).json()["citations"]
    first = notes.first
    number = int(first.inner_text().strip("[]"))
    first.click()
    page.wait_for_url(re.compile(r"/events/[0-9a-f]+"))
    (citation,) = [c for c in citations if c["number"] == number]
    assert page.url.endswith(f"/events/{citation['event_id']}#evidence")
    assert " ".join(page.locator("mark#evidence").text_content().split()) == citation["quote"]
    page.screenshot(path=shots / "brief-footnote-evidence.png")


def test_a_hostile_article_is_shown_as_text_and_runs_nothing(page, server, shots):
    (event,) = httpx.get(f"{server}/api/events", params={"q": "sabotage"}).json()["events"]
    for url, name in ((f"/documents/{HOSTILE['id']}", "hostile-document"),
                      (f"/events/{event['id']}", "hostile-event"),
                      ("/?q=sabotage", "hostile-search")):
        page.goto(url)
        page.screenshot(path=shots / f"{name}.png", full_page=True)
        assert page.evaluate("typeof window.pwned") == "undefined", url
        assert page.locator("main img").count() == 0, url
        assert page.locator("main script").count() == 0, url
        assert '<script>window.pwned = "script"</script>' in page.locator("main").inner_text()
    assert page.locator("main a[href^='javascript:']").count() == 0
    page.goto(f"/documents/{HOSTILE['id']}")
    assert page.locator("h1").inner_text() == HOSTILE["title"]
    page.goto(f"/events/{event['id']}")
    assert page.locator("mark#evidence").text_content() == quote_of(server, event["id"])


def test_every_page_draws(page, server, shots):
    cluster = max(httpx.get(f"{server}/api/clusters", params={"limit": 500}).json()["clusters"],
                  key=lambda c: c["sources"])
    pages = {
        "actor": ("/actors/VEN", "svg.chart rect.coop-verbal, svg.chart rect.conflict-verbal"),
        "dyad": ("/dyads/VEN/RUS", "svg.chart rect"),
        "network": ("/network", "svg.network circle.node"),
        "cluster": (f"/clusters/{cluster['id']}", "ul.reports li"),
        "document": ("/documents/syn-01-venezuela-russia-missiles", ".article mark"),
    }
    for name, (url, drawn) in pages.items():
        page.goto(url)
        page.screenshot(path=shots / f"{name}.png", full_page=True)
        assert page.locator(drawn).count() > 0, (url, drawn)
    page.goto("/network")
    page.locator("svg.network circle.node").first.click()
    page.wait_for_url(re.compile(r"/actors/[A-Z]+$"))
    response = page.goto("/events/no-such-event")
    assert response is not None and response.status == 404
    page.screenshot(path=shots / "not-found.png")
    assert "no event 'no-such-event'" in page.locator("p.error-message").inner_text()
    page.problems[:] = [m for m in page.problems if "404" not in m]
