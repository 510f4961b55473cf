"""Benchmark of the start: how soon the app shows something and is ready, cold, warm and offline.

    python3 build.py bench                           (runs this first)
    python3 tests/bench/bench_start.py [--rounds 3] [--requests]

Per round, alternating, in headless Chromium (1024×768):
  bare  a page with the same vendored Pyodide that loads and imports pydantic + networkx and nothing
        else (tests/bench/bare/, served at /__bench/): what any Python page costs
  floor PyScript from dist/ with the app's own config (the same packages, its plugins off; no snv.zip)
        and a main script that imports pydantic and says ready (written from dist/index.html by
        floor_page, served at /__floor/): what any app costs under the design card before its own code
  app   the app with the demo case stored (a real visit opened the demo file and saved it)
each
  cold     empty HTTP cache, no service worker, no Cache Storage (the stored case stays)
  warm     the next load in the same profile, once the first has settled (the network quiet, a service
           worker done storing the app, two more seconds), as between two real visits
  offline  the server stopped, then a load (only the app can start then)
Measures, from the start of the navigation: first paint; the saved map visible (app only: when the
start preview has drawn the stored map, html[data-preview="shown"]); ready (html[data-app-state=
"ready"]); what the server sent (bytes including headers, and requests) until ready and until the network
is quiet (the service worker's precache and anything loaded after ready count too). Prints medians, the
ratio app/bare, and the targets of issue 13. Numbers are printed, never asserted.
--requests also lists every request of the app's cold start (path, status, bytes, encoding).
Exit status is 0 when the run completed (1 when a page could not be measured).
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_relatiekaart import ARGS, ROOT, _build_module

sys.path.insert(0, str(ROOT / "py"))

from snv.model.demo import demo_case
from snv.storage.jsonio import dumps_case

BARE = Path(__file__).resolve().parent / "bare"
FLOOR_MAIN = """import js
import pydantic  # noqa: F401 - as the app's model does first

js.document.documentElement.setAttribute("data-app-state", "ready")
"""
BOOT_TIMEOUT_MS = 90_000
OFFLINE_TIMEOUT_MS = 20_000
QUIET_S = 1.5  # the network counts as quiet after this long without a request

# Recorded in every page from its first script on: when ready and the preview happened (ms since the
# navigation started, like the paint entries).
RECORD = """
window.__start = {};
new MutationObserver(() => {
  const root = document.documentElement;
  if (root.getAttribute("data-preview") === "shown" && !("preview" in window.__start)) window.__start.preview = performance.now();
  const state = root.getAttribute("data-app-state");
  if ((state === "ready" || state === "error") && !("ready" in window.__start)) window.__start[state] = performance.now();
}).observe(document, {attributes: true, subtree: true, attributeFilter: ["data-app-state", "data-preview"]});
"""
READ = """() => {
  const paint = performance.getEntriesByType("paint").find((e) => e.name === "first-paint");
  return {paint: paint ? paint.startTime : null, preview: window.__start.preview ?? null,
          ready: window.__start.ready ?? null};
}"""

STORED = """() => new Promise((resolve) => {
  const r = indexedDB.open("netwerkatlas", 1);
  r.onupgradeneeded = () => r.result.createObjectStore("kv");
  r.onsuccess = () => { const g = r.result.transaction("kv").objectStore("kv").get("snv:case");
    g.onsuccess = () => { resolve(Boolean(g.result)); r.result.close(); }; };
  r.onerror = () => resolve(false);
})"""


# ----- a server that counts what it sends, and can stop and start again on the same port -----

@dataclass
class Sent:
    path: str
    status: int
    size: int  # bytes written: status line, headers and body
    encoding: str


class Log:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.items: list[Sent] = []
        self.last = time.monotonic()

    def add(self, item: Sent) -> None:
        with self.lock:
            self.items.append(item)
            self.last = time.monotonic()

    def take(self) -> list[Sent]:
        with self.lock:
            items, self.items = self.items, []
            return items

    def wait_quiet(self, quiet: float = QUIET_S, limit: float = 60.0) -> None:
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            with self.lock:
                idle = time.monotonic() - self.last
            if idle >= quiet:
                return
            time.sleep(0.1)


class _CountingWriter:
    def __init__(self, raw) -> None:
        self.raw = raw
        self.count = 0

    def write(self, data) -> int:
        self.count += len(data)
        return self.raw.write(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.raw, name)


def floor_page(configs: dict[str, dict]) -> str:
    """The floor page from the app's PyScript configs (build.pyscript_configs of dist/index.html): the
    same interpreter, packages and plugins, floor.py instead of main.py, no snv.zip, paths one folder up."""
    config = {k: v for k, v in configs["py"].items() if k != "files"}
    config["interpreter"] = "../" + config["interpreter"].removeprefix("./")
    mpy = f"<mpy-config hidden>{json.dumps(configs['mpy'])}</mpy-config>" if configs["mpy"] else ""
    return ('<!doctype html>\n<html lang="nl" data-app-state="loading">\n<head><meta charset="utf-8">'
            '<title>PyScript floor</title><link rel="icon" href="data:,">'
            '<script type="module" src="../pyscript/core.js"></script></head>\n<body><p>Laden…</p>'
            + mpy + f"<script type=\"py\" src=\"./floor.py\" config='{json.dumps(config)}'></script></body>\n</html>\n")


def counting_handler(build, log: Log, floor: Path):
    class Counting(build.Handler):
        status = 0

        def setup(self) -> None:
            super().setup()
            self.wfile = _CountingWriter(self.wfile)

        def send_response(self, code, message=None) -> None:
            self.status = code
            super().send_response(code, message)

        def send_header(self, keyword, value) -> None:
            if keyword.lower() == "content-encoding":
                self.encoding = value
            super().send_header(keyword, value)

        def translate_path(self, path: str) -> str:
            if path.startswith("/__bench/"):
                return str(BARE / path.split("?", 1)[0][len("/__bench/"):])
            if path.startswith("/__floor/"):
                return str(floor / path.split("?", 1)[0][len("/__floor/"):])
            return super().translate_path(path)

        def finish(self) -> None:
            super().finish()
            if self.status:
                log.add(Sent(self.path, self.status, self.wfile.count, getattr(self, "encoding", "")))

    return Counting


class Site:
    """dist/ on one port (build.StoppableSite), counting what it sends."""

    def __init__(self, build, dist: Path) -> None:
        self.log = Log()
        self._floor = tempfile.TemporaryDirectory()
        floor = Path(self._floor.name)
        configs = build.pyscript_configs((dist / "index.html").read_text("utf-8"))
        (floor / "index.html").write_text(floor_page(configs), "utf-8")
        (floor / "floor.py").write_text(FLOOR_MAIN, "utf-8")
        self.served = build.StoppableSite(dist, handler=counting_handler(build, self.log, floor))

    def start(self) -> None:
        self.served.start()

    def stop(self) -> None:
        self.served.stop()

    @property
    def url(self) -> str:
        return self.served.url


# ----- one measured load -----

@dataclass
class Load:
    paint: float | None = None
    preview: float | None = None
    ready: float | None = None
    bytes_ready: int = 0
    requests_ready: int = 0
    bytes_total: int = 0
    requests_total: int = 0
    sent: list[Sent] = field(default_factory=list)
    failed: str = ""


def measure(context, site: Site, url: str, timeout_ms: int = BOOT_TIMEOUT_MS, settle: bool = True) -> Load:
    page = context.new_page()
    site.log.take()
    load = Load()
    try:
        page.goto(url, wait_until="commit", timeout=timeout_ms)
        page.wait_for_selector('html[data-app-state="ready"], html[data-app-state="error"]', state="attached",
                               timeout=timeout_ms)
        times = page.evaluate(READ)
        load.paint, load.preview, load.ready = times["paint"], times["preview"], times["ready"]
        if load.ready is None:
            load.failed = "error"
    except Exception as exc:  # noqa: BLE001 - a load that cannot start (offline without a worker) is a result
        load.failed = str(exc).splitlines()[0][:60]
    at_ready = site.log.take()
    load.bytes_ready, load.requests_ready = sum(s.size for s in at_ready), len(at_ready)
    if settle and not load.failed:
        site.log.wait_quiet()
        settle_worker(page)
    later = site.log.take()
    load.sent = at_ready + later
    load.bytes_total, load.requests_total = sum(s.size for s in load.sent), len(load.sent)
    page.close()
    return load


WORKER_DONE = """() => !navigator.serviceWorker ? true : navigator.serviceWorker.getRegistration()
    .then((r) => !r || (!r.installing && !r.waiting && Boolean(navigator.serviceWorker.controller)))"""
SETTLE_MS = 2000


def settle_worker(page) -> None:
    """Before the next load: a service worker that is still storing the app has finished, and the
    browser had a moment to keep what it compiled (as between two real visits)."""
    deadline = time.monotonic() + 60
    while not page.evaluate(WORKER_DONE) and time.monotonic() < deadline:
        page.wait_for_timeout(200)
    page.wait_for_timeout(SETTLE_MS)


def profile(pw, build, folder: Path):
    """A real profile on disk (its own HTTP disk cache, like a tablet's browser; a context of
    browser.new_context keeps its cache in memory and drops large files such as the wasm)."""
    context = pw.chromium.launch_persistent_context(
        str(folder), executable_path=str(build.CHROMIUM), args=ARGS, viewport={"width": 1024, "height": 768},
        has_touch=True, locale="nl-NL")
    context.add_init_script(RECORD)
    for page in context.pages:  # the empty first tab
        page.close()
    return context


def store_demo_case(context, site: Site, case_file: Path) -> None:
    """A real visit that opens the demo file; the app stores it (and whatever it saves beside it)."""
    page = context.new_page()
    page.goto(site.url)
    page.wait_for_selector('html[data-app-state="ready"]', state="attached", timeout=BOOT_TIMEOUT_MS)
    page.set_input_files("#file-input", str(case_file))
    deadline = time.monotonic() + 30
    while not page.evaluate(STORED):
        if time.monotonic() > deadline:
            raise RuntimeError("the app did not store the demo case within 30 s")
        page.wait_for_timeout(200)
    page.wait_for_timeout(500)  # whatever is saved beside the case
    page.close()


def make_cold(context, site: Site) -> None:
    """Empty HTTP cache, no service worker, no Cache Storage; IndexedDB and localStorage stay."""
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.clearBrowserCache")
    origin = site.url.rstrip("/")
    cdp.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "cache_storage,service_workers"})
    cdp.detach()
    page.close()


def run_round(pw, build, site: Site, case_file: Path, tmp: Path) -> dict[str, Load]:
    out: dict[str, Load] = {}
    bare_url = site.url + "__bench/index.html"
    with tempfile.TemporaryDirectory(dir=tmp) as folder:
        context = profile(pw, build, Path(folder))
        out["bare cold"] = measure(context, site, bare_url)
        out["bare warm"] = measure(context, site, bare_url)
        context.close()
    with tempfile.TemporaryDirectory(dir=tmp) as folder:
        context = profile(pw, build, Path(folder))
        out["floor cold"] = measure(context, site, site.url + "__floor/index.html")
        out["floor warm"] = measure(context, site, site.url + "__floor/index.html")
        context.close()
    with tempfile.TemporaryDirectory(dir=tmp) as folder:
        context = profile(pw, build, Path(folder))
        store_demo_case(context, site, case_file)
        make_cold(context, site)
        out["app cold"] = measure(context, site, site.url)
        out["app warm"] = measure(context, site, site.url)
        site.stop()
        try:
            out["app offline"] = measure(context, site, site.url, timeout_ms=OFFLINE_TIMEOUT_MS, settle=False)
        finally:
            site.start()
        context.close()
    return out


# ----- the table -----

ROWS = ["bare cold", "floor cold", "app cold", "bare warm", "floor warm", "app warm", "app offline"]


def _median(values: list[float | None]) -> float | None:
    got = [v for v in values if v is not None]
    return statistics.median(got) if got else None


def summarise(rounds: list[dict[str, Load]]) -> dict[str, dict[str, float | None]]:
    out = {}
    for row in ROWS:
        loads = [r[row] for r in rounds]
        ok = [x for x in loads if not x.failed]
        out[row] = {
            "paint": _median([x.paint for x in ok]),
            "preview": _median([x.preview for x in ok]),
            "ready": _median([x.ready for x in ok]),
            "mb_ready": _median([x.bytes_ready / 1e6 for x in ok]),
            "mb_total": _median([x.bytes_total / 1e6 for x in ok]),
            "req_ready": _median([x.requests_ready for x in ok]),
            "req_total": _median([x.requests_total for x in ok]),
            "failed": len(loads) - len(ok),
        }
    return out


COLUMNS = [("paint", "first paint", "ms"), ("preview", "map visible", "ms"), ("ready", "ready", "ms"),
           ("mb_ready", "MB at ready", "MB"), ("mb_total", "MB in all", "MB"),
           ("req_ready", "req. at ready", "n"), ("req_total", "req. in all", "n")]


def _cell(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "ms":
        return f"{value:.0f} ms"
    if unit == "MB":
        return f"{value:.3f}"
    return f"{value:.0f}"


def print_table(summary: dict, rounds: int) -> None:
    print(f"\nStart benchmark: headless Chromium 1024×768, median of {rounds} round(s), bare, floor and app "
          "alternating")
    head = f"{'':<22}" + "".join(f"{title:>15}" for _, title, _ in COLUMNS) + "  failed"
    print(head)
    print("-" * len(head))
    for row in ROWS:
        s = summary[row]
        print(f"{row:<22}" + "".join(f"{_cell(s[k], unit):>15}" for k, _, unit in COLUMNS)
              + f"  {s['failed'] or ''}")
        if row.split()[0] in ("app", "floor") and row != "app offline":
            bare = summary["bare " + row.split()[1]]
            cells = []
            for key, _, _ in COLUMNS:
                a, b = s[key], bare[key]
                cells.append(f"{a / b:.2f}×" if a is not None and b else "—")
            print(f"{'  ratio ' + row.split()[0] + '/bare':<22}" + "".join(f"{c:>15}" for c in cells))
    warm, cold, bare_warm = summary["app warm"], summary["app cold"], summary["bare warm"]

    def verdict(ok: bool | None) -> str:
        return "—" if ok is None else ("yes" if ok else "NO")

    print("\nTargets (issue 13)                                   measured           met")
    preview = warm["preview"]
    print(f"  saved map visible ≤ 300 ms warm                    {_cell(preview, 'ms'):>16}   "
          f"{verdict(None if preview is None else preview <= 300)}")
    ratio = warm["ready"] / bare_warm["ready"] if warm["ready"] and bare_warm["ready"] else None
    print(f"  ready ≤ 0.8 × bare warm                            {'—' if ratio is None else f'{ratio:.2f}×':>16}   "
          f"{verdict(None if ratio is None else ratio <= 0.8)}")
    floor = summary["floor warm"]["ready"]
    if floor and bare_warm["ready"]:
        print(f"    (PyScript with the app's packages and no app code: {floor / bare_warm['ready']:.2f}× bare warm)")
    print(f"  cold transfer ≤ 8 MB (until the network is quiet)  {_cell(cold['mb_total'], 'MB') + ' MB':>16}   "
          f"{verdict(None if cold['mb_total'] is None else cold['mb_total'] <= 8)}")
    sent = None if warm["mb_total"] is None else round(warm["mb_total"] * 1e6)
    print(f"  repeat visit: 0 bytes from the network             {'—' if sent is None else f'{sent} B':>16}   "
          f"{verdict(None if sent is None else sent == 0)}   ({_cell(warm['req_total'], 'n')} request(s); "
          "the app looks for a new build 30 s after the start: one 304 of headers)")


def print_requests(load: Load) -> None:
    print("\nRequests of the app's cold start (first round), in order:")
    for s in load.sent:
        print(f"  {s.status} {s.size:>10,d} B  {s.encoding or '-':<5} {s.path}")
    print(f"  {len(load.sent)} requests, {sum(s.size for s in load.sent):,d} bytes")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Start benchmark (bare Pyodide page vs the app).")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--requests", action="store_true", help="list the requests of the app's cold start")
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    build = _build_module()
    dist = build.build()
    site = Site(build, dist)
    rounds: list[dict[str, Load]] = []
    try:
        with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
            case_file = Path(tmp) / "sam.json"
            case_file.write_text(dumps_case(demo_case()), "utf-8")
            for i in range(args.rounds):
                rounds.append(run_round(pw, build, site, case_file, Path(tmp)))
                print(f"[bench_start] round {i + 1} of {args.rounds} done", flush=True)
    finally:
        site.stop()
    if any(r["app cold"].failed or r["bare cold"].failed for r in rounds):
        for r in rounds:
            for name, load in r.items():
                if load.failed and name != "app offline":
                    print(f"benchmark: {name} failed: {load.failed}", file=sys.stderr)
        return 1
    print_table(summarise(rounds), len(rounds))
    if args.requests:
        print_requests(rounds[0]["app cold"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
