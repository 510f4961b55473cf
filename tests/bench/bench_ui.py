"""Benchmark of the UI render path (target: a screen re-render well under 50 ms for 100 persons).

    python3 tests/bench/bench_ui.py            CPython only (render functions)
    python3 tests/bench/bench_ui.py --browser  also in the built app (Pyodide in Chromium; builds dist/ if stale)

Numbers are printed, not asserted: timing belongs here, not in unit tests.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "py"))

from snv.model.demo import big_case  # noqa: E402
from snv.storage.jsonio import dumps_case  # noqa: E402
from snv.ui import screens, view  # noqa: E402
from snv.ui.app import App  # noqa: E402


def ms(samples: list[float]) -> str:
    return f"median {statistics.median(samples) * 1000:.1f} ms, max {max(samples) * 1000:.1f} ms"


def bench_cpython(n: int) -> None:
    screens.load_screens()
    app = App(big_case(n))
    for key in ("start", "personen"):
        app.go(key)
        print(f"CPython  regions({key}, {n} persons): {time_regions(app)}")
    app.open_person(app.case.personen[5].id)
    print(f"CPython  regions(personen + person sheet): {time_regions(app)}")


def time_regions(app, reps: int = 30) -> str:
    samples = []
    for _ in range(reps):
        started = time.perf_counter()
        view.regions(app)
        samples.append(time.perf_counter() - started)
    return ms(samples)


MEASURE = """(selector) => {
    const el = document.querySelector(selector);
    const t0 = performance.now();
    el.click();   // the Python handler and the re-render run synchronously inside click()
    return performance.now() - t0;
}"""


def bench_browser(n: int) -> None:
    import importlib.util
    from playwright.sync_api import sync_playwright

    spec = importlib.util.spec_from_file_location("_build", ROOT / "build.py")
    build = importlib.util.module_from_spec(spec)
    sys.modules["_build"] = build
    spec.loader.exec_module(build)
    dist = build.build()
    server = build.make_server(dist, port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        path = Path(tmp) / "big.json"
        path.write_text(dumps_case(big_case(n)), "utf-8")
        browser = pw.chromium.launch(executable_path=str(build.CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1024, "height": 768})
        page.goto(server.url)
        page.wait_for_selector('html[data-app-state="ready"]', state="attached", timeout=60000)
        page.set_input_files("#file-input", str(path))
        page.wait_for_selector("#bar-start")
        page.evaluate(MEASURE, "#bar-personen")
        page.wait_for_selector(".person-row")
        filters = ["#filter-familie", "#filter-alle", "#filter-hulpverlening", "#filter-alle"] * 5
        samples = [page.evaluate(MEASURE, sel) / 1000 for sel in filters]
        print(f"Pyodide  Personen filter click + re-render ({n} persons): {ms(samples)}")
        samples = []
        for _ in range(10):
            samples.append(page.evaluate(MEASURE, ".person-row") / 1000)
            page.evaluate(MEASURE, "#person-done")
        print(f"Pyodide  open person sheet + re-render: {ms(samples)}")
        browser.close()
    server.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--browser", action="store_true")
    parser.add_argument("-n", type=int, default=100)
    args = parser.parse_args()
    bench_cpython(args.n)
    if args.browser:
        bench_browser(args.n)


if __name__ == "__main__":
    main()
