"""Browser tests against the built site (dist/), served locally, in Debian's Chromium via Playwright.

Fixtures (all tests in tests/e2e/ get the `e2e` marker automatically):

    dist_dir     (session) Path of dist/, built once per session (no-op when up to date)
    site_url     (session) "http://127.0.0.1:PORT/" serving dist/ (build.py's threaded server)
    browser      (session) Playwright Chromium at build.CHROMIUM (skipped without it, failed when CI=true)
    page         new context per test (1024x768, touch); after the test it FAILS on any request to
                 another origin, any console error and any page error
    page_log     what `page` recorded: .outside_requests, .console_errors, .page_errors
    open_app     callable open_app(page, query="") -> seconds: go to the app and wait until
                 html[data-app-state="ready"]; fails at once with the page's Dutch error text
                 if the state becomes "error"
    app_page     `page` with the app already open and ready

    @pytest.mark.allow_console_errors   lets console/page errors pass (outside requests never do)

Example:

    def test_something(app_page):
        app_page.get_by_role("button", name="Nieuw dossier").click()

    def test_other(page, open_app):
        seconds = open_app(page, "?boottimeout=20")
"""

from __future__ import annotations

import importlib.util
import os
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from snv.storage.jsonio import dumps_case

from . import stored

ROOT = Path(__file__).resolve().parents[2]
E2E_DIR = Path(__file__).resolve().parent
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]
VIEWPORT = {"width": 1024, "height": 768}
BOOT_TIMEOUT_MS = 60_000
READY = 'html[data-app-state="ready"]'
READY_OR_ERROR = 'html[data-app-state="ready"], html[data-app-state="error"]'


def _load_build_module():
    """Import build.py (repo root, not a package) under a private name."""
    name = "_snv_build_script"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "build.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


build_script = _load_build_module()
CHROMIUM = build_script.CHROMIUM  # one place for the path: build.py


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "allow_console_errors: e2e test expects console/page errors (outside requests still fail)"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if E2E_DIR in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.e2e)


# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def dist_dir() -> Path:
    try:
        return build_script.build()
    except build_script.BuildError as exc:
        pytest.fail(f"build failed: {exc}", pytrace=False)


@pytest.fixture(scope="session")
def site_url(dist_dir: Path):
    server = build_script.make_server(dist_dir, port=0)
    thread = threading.Thread(target=server.serve_forever, name="dist-server", daemon=True)
    thread.start()
    try:
        yield server.url
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def browser():
    problem = None
    if not CHROMIUM.exists():
        problem = f"{CHROMIUM} is missing (install it: apt-get install -y chromium, or run `python3 build.py test`)"
    elif importlib.util.find_spec("playwright") is None:
        problem = "Playwright is not installed (pip install -e '.[test]', or run `python3 build.py test`)"
    if problem:
        if _in_ci():
            pytest.fail(f"e2e tests cannot run under CI: {problem}", pytrace=False)
        pytest.skip(problem)

    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@dataclass
class PageLog:
    origin: str
    outside_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def on_request(self, request) -> None:
        url = request.url
        parts = urlsplit(url)
        if parts.scheme in {"data", "blob", "about"}:
            return
        if f"{parts.scheme}://{parts.netloc}" != self.origin:
            self.outside_requests.append(url)

    def on_console(self, message) -> None:
        if message.type == "error":
            location = message.location or {}
            where = location.get("url", "")
            self.console_errors.append(f"{message.text} ({where})" if where else message.text)

    def on_page_error(self, error) -> None:
        self.page_errors.append(str(error))

    def problems(self, allow_errors: bool = False) -> list[str]:
        found = [f"request to another origin: {u}" for u in self.outside_requests]
        if not allow_errors:
            found += [f"console error: {e}" for e in self.console_errors]
            found += [f"page error: {e}" for e in self.page_errors]
        return found


def new_context(browser, **options):
    """A fresh browser context (empty cache and storage) with the tablet defaults. Service workers are
    blocked (the app then starts from the network, as on a first visit): each context would otherwise
    download the whole app again in the background for offline use. tests/e2e/test_offline.py allows
    them (service_workers="allow") on a server of its own."""
    settings = {"viewport": VIEWPORT, "has_touch": True, "locale": "nl-NL", "service_workers": "block"}
    settings.update(options)
    return browser.new_context(**settings)


@pytest.fixture
def page_log(site_url: str) -> PageLog:
    parts = urlsplit(site_url)
    return PageLog(origin=f"{parts.scheme}://{parts.netloc}")


@pytest.fixture
def page(browser, page_log: PageLog, request: pytest.FixtureRequest):
    context = new_context(browser)
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.on("request", page_log.on_request)
    page.on("console", page_log.on_console)
    page.on("pageerror", page_log.on_page_error)
    try:
        yield page
    finally:
        context.close()
    allow = request.node.get_closest_marker("allow_console_errors") is not None
    problems = page_log.problems(allow_errors=allow)
    if problems:
        pytest.fail("the page misbehaved:\n  " + "\n  ".join(problems), pytrace=False)


def open_app_at(page, base_url: str, query: str = "", timeout_ms: int = BOOT_TIMEOUT_MS) -> float:
    """Open the app and wait until it is ready. Returns the seconds it took (navigation included).

    Fails at once (not after the timeout) with the page's own error text if the boot fails."""
    started = time.monotonic()
    page.goto(base_url + query, wait_until="commit")
    wait_ready(page, timeout_ms)
    return time.monotonic() - started


def wait_ready(page, timeout_ms: int = BOOT_TIMEOUT_MS) -> None:
    """Wait until the app is ready; fail at once with the page's own error text if its boot failed."""
    page.wait_for_selector(READY_OR_ERROR, state="attached", timeout=timeout_ms)
    state = page.evaluate("document.documentElement.getAttribute('data-app-state')")
    if state != "ready":
        message = page.locator("#boot-error").inner_text()
        detail = page.locator("#boot-error-detail").text_content()
        pytest.fail(f"the app did not start (state {state!r}):\n{message}\n--- detail ---\n{detail}", pytrace=False)


def reload_app(page) -> None:
    """Start the app again in this tab (a second boot gets the same time as the first: a busy machine is slow)."""
    page.reload(wait_until="commit")
    wait_ready(page)


def start_with(page, case) -> None:
    """Store `case` (a Case) as the saved case and start the app again: how a returning user opens it."""
    stored.write_stored(page, "snv:case", dumps_case(case))
    reload_app(page)


@pytest.fixture
def open_app(site_url: str):
    """open_app(page): open the app and wait until it is ready; with `case`, start it with that saved case."""
    def _open(page, query: str = "", timeout_ms: int = BOOT_TIMEOUT_MS, case=None) -> float:
        elapsed = open_app_at(page, site_url, query, timeout_ms)
        if case is not None:
            start_with(page, case)
        return elapsed

    return _open


@pytest.fixture
def app_page(page, open_app):
    open_app(page)
    return page
