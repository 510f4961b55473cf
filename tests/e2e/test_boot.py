"""Boot of the built site: ready without errors or outside requests, visible progress, Dutch errors."""

from __future__ import annotations

import hashlib
import json
import re
import time
import urllib.request
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from .conftest import ROOT, build_script, new_context

STAGE_LABELS = {"runtime": "Programma laden", "pakketten": "Pakketten laden", "dossier": "Dossier openen"}
ERROR_TITLE = "Het programma kon niet starten."
ERROR_ADVICE = "Laad de pagina opnieuw. Lukt het nog steeds niet? Gebruik een nieuwere browser."
URL_PATTERN = re.compile(r"https?://[^\s\"'<>)]*")
ALLOWED_URL_PREFIXES = ("http://www.w3.org/", "https://www.w3.org/")
# XML namespace names are identifiers a reader compares, never fetched: GraphML's exactly (networkx and
# Gephi require it verbatim on the research export, storage/interop/research.py)
ALLOWED_NAMESPACES = frozenset({"http://graphml.graphdrawing.org/xmlns"})

# Records every stage boot.js shows, from the first script on.
RECORD_STAGES = """
window.__snvStages = [];
new MutationObserver(() => {
  const stage = document.documentElement.getAttribute("data-boot-stage");
  if (stage && window.__snvStages[window.__snvStages.length - 1] !== stage) window.__snvStages.push(stage);
}).observe(document, {attributes: true, subtree: true, attributeFilter: ["data-boot-stage"]});
"""


def _get(url: str) -> tuple[int, str, bytes]:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (local test server)
        return response.status, response.headers.get("Content-Type", ""), response.read()


# ---- in the browser -------------------------------------------------------------------------


def test_boots_to_ready_without_errors_or_outside_requests(page, page_log, open_app):
    page.add_init_script(RECORD_STAGES)
    seconds = open_app(page)
    print(f"\ncold boot to ready: {seconds:.2f} s (boot.js: {page.get_attribute('html', 'data-boot-ms')} ms)")

    assert page.locator("#boot").is_hidden()
    assert page.evaluate("getComputedStyle(document.getElementById('app')).display") != "none"
    assert page.get_attribute("#boot", "aria-busy") == "false"
    stages = page.evaluate("window.__snvStages")
    assert stages == ["runtime", "pakketten", "dossier"], stages
    assert page_log.outside_requests == []
    assert page_log.console_errors == []
    assert page_log.page_errors == []
    assert seconds < 30, f"boot took {seconds:.1f} s"


def test_progress_is_in_the_initial_html(site_url):
    status, content_type, body = _get(site_url)
    assert status == 200 and content_type.startswith("text/html")
    html = body.decode("utf-8")

    class Collect(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.tags: list[tuple[str, dict]] = []

        def handle_starttag(self, tag, attrs):
            self.tags.append((tag, dict(attrs)))

    parser = Collect()
    parser.feed(html)
    tags = parser.tags
    root = next(attrs for tag, attrs in tags if tag == "html")
    assert root.get("lang") == "nl"
    assert root.get("data-app-state") == "loading"
    assert any(tag == "progress" for tag, _ in tags)
    assert any(attrs.get("aria-live") == "polite" for _, attrs in tags)
    assert [a["data-stage"] for t, a in tags if t == "li" and "data-stage" in a] == list(STAGE_LABELS)
    for label in STAGE_LABELS.values():
        assert label in html
    assert re.search(r'<main id="app"[^>]*>\s*</main>', html), "main#app must be empty at boot"
    csp = next(a["content"] for t, a in tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "connect-src 'self'" in csp and "blob:" not in csp
    assert any(t == "link" and a.get("rel") == "icon" and a.get("href") == "data:," for t, a in tags)


def test_progress_paints_without_javascript(browser, site_url):
    context = new_context(browser, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url)
        assert page.locator("#boot-progress").is_visible()
        for label in STAGE_LABELS.values():
            assert page.locator(".boot-steps li", has_text=label).is_visible()
        assert page.locator("main#app").is_hidden()
        # (<noscript> is not rendered here: Playwright turns scripts off after parsing starts.)
    finally:
        context.close()


@pytest.mark.allow_console_errors
@pytest.mark.parametrize(
    "broken",
    ["snv.zip", build_script.WHEELS["pydantic"]["file"], "main.py"],
)
def test_boot_failure_shows_dutch_error(page, page_log, site_url, broken):
    page.route(f"**/{broken}", lambda route: route.abort())
    started = time.monotonic()
    page.goto(site_url + "?boottimeout=30")
    page.wait_for_selector('html[data-app-state="error"]', state="attached", timeout=25_000)
    seconds = time.monotonic() - started

    error = page.locator("#boot-error")
    assert error.is_visible()
    assert error.get_attribute("role") == "alert"
    text = error.inner_text()
    assert ERROR_TITLE in text
    assert ERROR_ADVICE in text
    assert page.get_by_role("button", name="Pagina opnieuw laden").is_visible()
    assert page.locator(".boot-loading").is_hidden()
    assert page.locator("main#app").is_hidden()
    page.locator("#boot-error summary").click()
    assert page.locator("#boot-error-detail").is_visible()
    assert page.locator("#boot-error-detail").inner_text().strip()
    assert seconds < 20, f"the failure was found only after {seconds:.1f} s (timer, not detection?)"
    assert page_log.outside_requests == []


@pytest.mark.allow_console_errors
def test_boot_timer_reports_a_hanging_boot(page, site_url):
    page.route("**/snv.zip", lambda route: None)  # never answered: the boot hangs
    page.goto(site_url + "?boottimeout=3")
    page.wait_for_selector('html[data-app-state="error"]', state="attached", timeout=20_000)
    assert "Het laden duurde te lang." in page.locator("#boot-error").inner_text()
    assert ERROR_ADVICE in page.locator("#boot-error").inner_text()


# ---- the built files --------------------------------------------------------------------------


def _urls_in(path: Path) -> list[str]:
    text = path.read_text("utf-8", errors="replace")
    return [u for u in URL_PATTERN.findall(text) if not u.startswith(ALLOWED_URL_PREFIXES) and u not in ALLOWED_NAMESPACES]


def test_our_files_reference_no_other_host(dist_dir):
    own = ["index.html", "main.py", "boot.js", "app.css", "build.json", "pyodide/pyodide-lock.json"]
    for name in own:
        assert _urls_in(dist_dir / name) == [], name
    html = (dist_dir / "index.html").read_text("utf-8")
    config = json.loads(re.search(r"config='([^']*)'", html).group(1))
    assert config["interpreter"] == "./pyodide/pyodide.mjs"
    assert config["packages"] == ["pydantic", "defusedxml"]  # networkx: after the start (ui/packages.py)
    assert config["packages_cache"] == "passthrough"
    assert config["files"] == {"./snv.zip": "./*"}
    for src in re.findall(r'(?:src|href)="([^"]*)"', html):
        assert src.startswith(("./", "#", "data:")), src


def test_sources_contain_no_urls():
    files = [ROOT / "build.py", *sorted((ROOT / "site").rglob("*")), *sorted((ROOT / "py").rglob("*.py"))]
    offenders = {}
    for path in files:
        if path.is_file() and "__pycache__" not in path.parts:
            urls = _urls_in(path)
            if urls:
                offenders[str(path.relative_to(ROOT))] = urls
    assert offenders == {}


def test_lock_lists_exactly_the_shipped_wheels(dist_dir):
    pyodide_dir = dist_dir / "pyodide"
    lock = json.loads((pyodide_dir / "pyodide-lock.json").read_text("utf-8"))
    packages = lock["packages"]
    wheels = {p.name for p in pyodide_dir.glob("*.whl")}
    assert len(wheels) == len(build_script.WHEELS) == 7
    assert {entry["file_name"] for entry in packages.values()} == wheels
    assert set(packages) == set(build_script.WHEELS)
    for key, entry in packages.items():
        assert key == entry["name"] == re.sub(r"[-_.]+", "-", key).lower()
        assert entry["sha256"] == hashlib.sha256((pyodide_dir / entry["file_name"]).read_bytes()).hexdigest()
        for dependency in entry["depends"]:
            assert dependency in packages, f"{key} depends on {dependency}, which is not shipped"
    assert packages["pydantic-core"]["imports"] == ["pydantic_core"]
    assert packages["networkx"]["depends"] == []
    abi = lock["info"]["abi_version"]
    assert packages["pydantic-core"]["file_name"].endswith(f"pyemscripten_{abi}_wasm32.whl")
    for runtime in build_script.PYODIDE_RUNTIME_FILES:
        assert (pyodide_dir / runtime).is_file()


def test_snv_zip_holds_every_module_of_the_package_as_bytecode(dist_dir):
    with zipfile.ZipFile(dist_dir / "snv.zip") as archive:
        names = archive.namelist()
        header = archive.read("snv/__init__.pyc")[:16]
    package = ROOT / "py" / "snv"
    modules = sorted(p.relative_to(package.parent).as_posix() for p in package.rglob("*.py") if "__pycache__" not in p.parts)
    assert sorted(n[:-1] for n in names) == modules  # X.py shipped as X.pyc, nothing else
    # CPython's bytecode header: magic, then flags 0b01 = hash-based, unchecked (valid without a source)
    assert int.from_bytes(header[4:8], "little") == 0b01


@pytest.mark.parametrize(
    ("path", "mime"),
    [
        ("", "text/html"),
        ("pyodide/pyodide.mjs", "text/javascript"),
        ("pyscript/core.js", "text/javascript"),
        ("pyodide/pyodide.asm.wasm", "application/wasm"),
        ("pyodide/pyodide-lock.json", "application/json"),
        (f"pyodide/{build_script.WHEELS['networkx']['file']}", "application/zip"),
        ("app.css", "text/css"),
    ],
)
def test_server_mime_types(site_url, path, mime):
    status, content_type, _ = _get(site_url + path)
    assert status == 200
    assert content_type.split(";")[0] == mime
