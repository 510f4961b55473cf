"""At the kitchen table (issue 13): after one visit the app starts and works with the server stopped,
shows the saved case while Python loads, survives *Sessie beëindigen* offline, and offers a new build.

These tests run their own server (build.py's, on a port they can stop and start again: the origin, and so
the service worker and the stored case, stay the same) and allow service workers, which the shared
`page` fixture blocks. Nothing is routed: page.route would bypass the service worker and the HTTP cache.
Like `page`, they fail on any console error (so on any Content-Security-Policy violation, also the
worker's and the manifest's), page error or request to another origin.
"""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from snv.model.demo import demo_case
from snv.storage.jsonio import dumps_case

from .conftest import READY, PageLog, build_script, new_context
from .stored import our_keys, stored_case, stored_text, wait_stored, wait_wiped
from .test_app import add_person, go, wait_saved

# What the page showed at the moment the start preview appeared (before Python was ready).
RECORD_PREVIEW = """
window.__preview = null;
new MutationObserver(() => {
  const root = document.documentElement;
  if (root.getAttribute("data-preview") === "shown" && !window.__preview) {
    const bar = [...document.querySelectorAll("#boot-preview-bar button")];
    const map = document.getElementById("boot-preview-map");
    window.__preview = {
      state: root.getAttribute("data-app-state"),
      name: document.getElementById("boot-preview-name").textContent,
      status: document.getElementById("boot-preview-status").textContent,
      map: map.complete && map.naturalWidth > 0 && map.getBoundingClientRect().width > 200,
      alt: map.alt, bar: bar.map((b) => b.textContent), disabled: bar.every((b) => b.disabled),
      steps: getComputedStyle(document.querySelector(".boot-card")).display,
    };
  }
}).observe(document, {attributes: true, subtree: true, attributeFilter: ["data-preview"]});
"""

CACHED_URLS = """async () => {
  const out = {};
  for (const name of await caches.keys()) {
    out[name] = (await (await caches.open(name)).keys()).map((r) => r.url);
  }
  return out;
}"""



def _offline_page(browser, directory: Path):
    site = build_script.StoppableSite(directory)  # can stop and start again
    context = new_context(browser, service_workers="allow")
    context.set_default_timeout(15_000)
    page = context.new_page()
    log = PageLog(origin=site.url.rstrip("/"))
    page.on("request", log.on_request)
    page.on("console", log.on_console)
    page.on("pageerror", log.on_page_error)
    try:
        yield page, site
    finally:
        context.close()
        site.stop()
    assert log.outside_requests == []
    assert log.page_errors == []
    assert log.console_errors == []  # a Content-Security-Policy violation would be one


@pytest.fixture
def offline_page(browser, dist_dir):
    """(page, site): a page with service workers allowed, on a server of its own serving dist/."""
    yield from _offline_page(browser, dist_dir)


@pytest.fixture
def offline_copy_page(browser, dist_dir, tmp_path):
    """(page, site) like offline_page, serving a copy of dist/ that the test may change."""
    shutil.copytree(dist_dir, tmp_path / "dist")
    yield from _offline_page(browser, tmp_path / "dist")


def start(page: Page, url: str) -> None:
    page.goto(url, wait_until="commit")
    page.wait_for_selector(f'{READY}, html[data-app-state="error"]', state="attached", timeout=60_000)
    assert page.evaluate("document.documentElement.dataset.appState") == "ready", page.locator("#boot-error").inner_text()


def open_demo(page: Page, tmp_path: Path) -> None:
    path = tmp_path / "sam.json"
    path.write_text(dumps_case(demo_case()), encoding="utf-8")
    page.set_input_files("#file-input", str(path))
    expect(page.get_by_role("heading", name="Hallo Sam")).to_be_visible()
    wait_stored(page, "c.klant_id && c.personen.some(p => p.naam === 'Marieke')")


def poll(page: Page, script: str, timeout_ms: int = 15_000) -> None:
    """Wait until an async check holds (page.wait_for_function does not await a promise)."""
    waited = 0
    while not page.evaluate(script):
        assert waited < timeout_ms, f"not within {timeout_ms} ms: {script}"
        page.wait_for_timeout(100)
        waited += 100


def wait_offline_ready(page: Page) -> None:
    """The service worker controls the page: it has every file of this build."""
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=60_000)


def precached(site) -> list[str]:
    """The URLs of the files the build's service worker keeps (its FILES list)."""
    text = (site.directory / "sw.js").read_text("utf-8")
    files = json.loads(re.search(r"const FILES = (\[.*?\]);", text, re.S).group(1))
    return [site.url + f[2:] for f in files]


def demo_bar() -> list[str]:
    """The labels of the demo case's bottom bar, as the app draws them (the registry decides)."""
    from snv.model.demo import demo_case
    from snv.ui import screens, view

    screens.load_screens()
    return [label for _key, label, _icon in view.bar_items(demo_case(), privetijd=False)]


def test_after_one_visit_it_starts_offline_shows_the_saved_map_keeps_edits_and_survives_a_wipe(offline_page, tmp_path):
    page, site = offline_page
    page.add_init_script(RECORD_PREVIEW)
    start(page, site.url)
    assert page.evaluate("window.__preview") is None  # a first start: nothing saved, the steps show
    open_demo(page, tmp_path)
    wait_offline_ready(page)
    page.wait_for_function("document.documentElement.dataset.packages === 'loaded'")  # networkx, after the start
    assert json.loads(stored_text(page, "snv:preview"))["naam"] == "Sam"

    site.stop()
    start(page, site.url)  # no server: the service worker starts the app
    preview = page.evaluate("window.__preview")
    assert preview == {"state": "loading", "name": "Sam", "status": "Bezig met laden…", "map": True,
                       "alt": "De relatiekaart van Sam, zoals je die de vorige keer zag.",
                       "bar": demo_bar(), "disabled": True, "steps": "none"}
    expect(page.locator("#boot")).to_be_hidden()
    expect(page.get_by_role("heading", name="Hallo Sam")).to_be_visible()

    go(page, "personen")  # an edit offline, stored, and there after another offline start
    add_person(page, "Buurvrouw Els", sector="buren_buurt", ring="dichtbij")
    wait_saved(page)
    assert any(p["naam"] == "Buurvrouw Els" for p in stored_case(page)["personen"])
    start(page, site.url)
    go(page, "personen")
    expect(page.locator(".person-row", has_text="Buurvrouw Els")).to_be_visible()
    go(page, "relatiekaart")
    page.click('[data-action="relatiekaart.panel"][data-panel="figures"]')  # Wat zie je? needs networkx
    expect(page.locator("#rk-panel-title")).to_have_text("Wat zie je?")
    expect(page.locator("#rk-panel")).not_to_contain_text("Dit deel werkt nu even niet.")

    # Sessie beëindigen, offline: the case and its preview are gone, the app's own files stay
    page.click("#btn-menu")
    page.click('[data-action="menu.end"]')
    page.click("#confirm-yes")
    expect(page.get_by_text("Alles is gewist op dit apparaat.")).to_be_visible()
    expect(page.get_by_role("heading", name="Welkom bij Netwerkatlas")).to_be_visible()
    wait_wiped(page)
    cached = page.evaluate(CACHED_URLS)
    assert list(cached) == [next(n for n in cached if n.startswith("netwerkatlas-"))]
    assert sorted(next(iter(cached.values()))) == sorted(precached(site))  # files of the build, nothing else
    start(page, site.url)  # still starts without a network, as a new case
    expect(page.get_by_role("heading", name="Welkom bij Netwerkatlas")).to_be_visible()
    assert page.evaluate("window.__preview") is None
    assert our_keys(page) == []


def test_a_new_build_is_offered_after_the_edit_and_reloads_into_it(offline_copy_page, tmp_path):
    page, site = offline_copy_page
    start(page, site.url)
    open_demo(page, tmp_path)
    wait_offline_ready(page)
    old_cache = page.evaluate("caches.keys()")
    go(page, "personen")
    page.locator(".person-row", has_text="Marieke").click()
    page.locator("#person-rol").press_sequentially("buurvrouw")  # typing: not committed yet

    # a new build on the server (another cache name is another sw.js), found in the background
    sw = site.directory / "sw.js"
    sw.write_text(re.sub(r'const CACHE = "[^"]+";', 'const CACHE = "netwerkatlas-newbuild";', sw.read_text("utf-8")))
    for twin in (sw.with_name("sw.js.br"), sw.with_name("sw.js.gz")):
        twin.unlink(missing_ok=True)
    # the browser keeps sw.js a day (max-age): only the app's own look, which asks the server first, sees it
    assert not page.evaluate("navigator.serviceWorker.getRegistration()"
                             ".then((r) => r.update().then(() => Boolean(r.installing || r.waiting)))")
    page.evaluate("snvOffline.check()")
    page.wait_for_selector('html[data-update="ready"]', state="attached", timeout=30_000)
    expect(page.locator("#update-banner")).to_have_count(0)  # never in the middle of an edit
    page.click("#person-done")
    banner = page.locator("#update-banner")
    expect(banner).to_contain_text("Er is een nieuwe versie. Herladen?")
    go(page, "start")
    expect(banner).to_be_visible()  # it stays

    with page.expect_event("framenavigated", timeout=30_000):
        banner.get_by_role("button", name="Herladen").click()
    page.wait_for_selector(READY, state="attached", timeout=60_000)
    expect(page.get_by_role("heading", name="Hallo Sam")).to_be_visible()
    poll(page, "caches.keys().then((k) => k.join() === 'netwerkatlas-newbuild')")  # the old build's cache went
    assert old_cache != ["netwerkatlas-newbuild"]
    assert any(p.get("rol") == "buurvrouw" for p in stored_case(page)["personen"])  # saved before the reload
    expect(page.locator("#update-banner")).to_have_count(0)
