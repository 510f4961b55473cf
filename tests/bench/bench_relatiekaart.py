"""Benchmark of the Relatiekaart in the real app: Pyodide in headless Chromium, built dist/ served locally.

    python3 build.py bench [--sizes 100 500] [--reps 20]   (builds dist/ if stale, runs this and bench_analysis.py)
    python3 tests/bench/bench_relatiekaart.py [--sizes 100 500] [--reps 20]

For cases of 100 and 500 persons (snv.model.demo.big_case), a lopsided one of 60 (--lopsided: 80 % of
the people in two inner cells; its drops move people between those two cells), and two of 40 (--forty: the
demo case grown to 40 and a family-heavy lopsided one, tests/unit/map_cases.py; maps this size get slices
and rings sized to their people), it times, over --reps repetitions:
  render      toggle "Lijnen tussen anderen": dispatch, map SVG, region update, mount, forced layout
  drop        synthetic pointerdown/move/up (pointerType "touch") on a marker to another ring (a new
              person each time): the move_person edit, new layout, re-render, mount, forced layout
  drag frame  one pointermove during a drag (only the dragged marker, one line and the label change)
  figures     compute_figures + sentences inside Pyodide (window.snvBench, only with ?bench)
  export      storage.privacy.for_export + render.relatiekaart_svg.export_svg inside Pyodide
  preview     the start preview each autosave writes beside the case (render/preview.record)
and prints median and p95 with the targets (p95 interaction ≤ 50 ms at 100 persons, ≤ 150 ms at 500;
SVG export ≤ 200 ms at 500), then splits render and drop into phases at the marks the app sets with
?bench (see PHASES). Numbers are printed, never asserted: timing does not belong in tests.
Exit status is 0 when the run completed (1 when the app could not be started or a drop failed).
"""
from __future__ import annotations

import argparse
import importlib.util
import math
import statistics
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "py"))

from snv.model import ops  # noqa: E402
from snv.model.demo import big_case  # noqa: E402
from snv.storage.jsonio import dumps_case  # noqa: E402

sys.path.insert(0, str(ROOT / "tests" / "unit"))
from map_cases import demo_grown, lopsided  # noqa: E402

ARGS = ["--no-sandbox", "--disable-gpu", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"]
FRAME_TARGET = 16.7  # a drag frame should fit in one display frame
EXPORT_TARGET = 200.0


def interaction_target(n: int) -> float:
    """p95 target of an interaction: 50 ms up to 100 persons, 150 ms beyond (set for 500)."""
    return 50.0 if n <= 100 else 150.0


# With ?bench the app marks each render (ui/browser.py): snv-render, snv-regions (HTML built in Python),
# snv-dom (regions replaced), snv-mounted (screen mount hook, which reads layout and so forces style
# recalculation and layout). Split at those marks, a measure shows where its time goes.
PHASES = """
    const phases = (t0, t1) => {
        const at = (name) => { const e = performance.getEntriesByName(name, 'mark'); return e.length ? e[e.length - 1].startTime : null; };
        const [r, g, d, m] = ['snv-render', 'snv-regions', 'snv-dom', 'snv-mounted'].map(at);
        performance.clearMarks();
        return r === null || m === null ? null
            : {handler: r - t0, regions: g - r, dom: d - g, mount: m - d, after: t1 - m};
    };"""

# Each measure runs synchronously in the page (the app renders inside the event handler), then reads
# layout once so style recalculation and layout of the new SVG are counted too.
TOGGLE = """() => {""" + PHASES + """
    performance.clearMarks();
    const t0 = performance.now();
    document.querySelector('.rk-toolbar [data-action="relatiekaart.lines"]').click();
    document.querySelector('svg.rk-svg').getBoundingClientRect();
    const t1 = performance.now();
    return {ms: t1 - t0, phases: phases(t0, t1)};
}"""

DROP = """([pid, tx, ty]) => {""" + PHASES + """
    const svg = document.querySelector('svg.rk-svg');
    const m = svg.querySelector(`.rk-m[data-pid="${pid}"]`);
    const ctm = svg.getScreenCTM();
    const screen = (x, y) => { const p = new DOMPoint(x, y).matrixTransform(ctm); return [p.x, p.y]; };
    const box = m.querySelector('.rk-shape').getBoundingClientRect();
    const [x0, y0] = [box.x + box.width / 2, box.y + box.height / 2];
    const [x1, y1] = screen(tx, ty);
    const ev = (type, x, y, target) => target.dispatchEvent(new PointerEvent(type, {
        pointerId: 41, pointerType: 'touch', isPrimary: true, bubbles: true, cancelable: true,
        clientX: x, clientY: y, button: 0, buttons: type === 'pointerup' ? 0 : 1}));
    ev('pointerdown', x0, y0, m);
    const frames = [];
    for (let i = 1; i <= 6; i++) {
        const f = i / 6, t = performance.now();
        ev('pointermove', x0 + (x1 - x0) * f, y0 + (y1 - y0) * f, svg);
        frames.push(performance.now() - t);
    }
    performance.clearMarks();
    const t0 = performance.now();
    ev('pointerup', x1, y1, svg);
    document.querySelector('svg.rk-svg').getBoundingClientRect();
    const t1 = performance.now();
    const moved = document.querySelector(`svg.rk-svg .rk-m[data-pid="${pid}"]`);
    return {drop: t1 - t0, phases: phases(t0, t1), frames: frames.slice(1), ring: moved ? moved.dataset.ring : null};
}"""


def _build_module():
    spec = importlib.util.spec_from_file_location("_snv_build", ROOT / "build.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["_snv_build"] = module
    spec.loader.exec_module(module)
    return module


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def _target_point(case, ring: str, sector: str) -> tuple[float, float]:
    """A point in a cell of the map the page shows for `case` (its shape depends on its people)."""
    from snv.analysis.layout import cached_layout_map, map_geometry

    geo = map_geometry(cached_layout_map(case, case.klant_id))
    a0, a1 = geo.sector_angles(sector)
    r0, r1 = geo.ring_bounds(ring)
    return geo.polar(a0 + (a1 - a0) * 0.37, (r0 + r1) / 2)


CROWDED = (("familie", "heel_dichtbij"), ("vrienden_kennissen", "heel_dichtbij"))
FAMILY = (("familie", "heel_dichtbij"), ("familie", "dichtbij"))  # the crowded cells of map_cases.lopsided


def lopsided_case(n: int = 60, seed: int = 1):
    """big_case(n) with 80 % of the people in two inner cells (CROWDED): the map where one drop took
    over 300 ms (issue 13)."""
    case = big_case(n, seed)
    people = []
    for i, p in enumerate(case.personen):
        if p.id != case.klant_id and i % 10 < 8:
            sector, ring = CROWDED[i % 2]
            p = p.model_copy(update={"sector": sector, "nabijheid": ring})
        people.append(p)
    return case.model_copy(update={"personen": people})


def wait_started(page) -> None:
    """Until the app is ready and has loaded what it loads after the start (networkx, ui/packages.py),
    so that neither is timed inside a measure."""
    page.wait_for_selector('html[data-app-state="ready"], html[data-app-state="error"]', state="attached",
                           timeout=90_000)
    if page.evaluate("document.documentElement.dataset.appState") != "ready":
        raise RuntimeError("the app did not start (data-app-state is 'error')")
    if not page.evaluate("document.querySelector('script[type=py]').getAttribute('config').includes('networkx')"):
        page.wait_for_selector('html[data-packages="loaded"]', state="attached", timeout=60_000)


def cases(args) -> list[tuple]:
    """(label, case, its two crowded cells or None) of every case asked for: drops in a case with crowded
    cells move people between those two, else from the outer ring to the middle one and back."""
    out: list[tuple] = [("persons", big_case(n), None) for n in args.sizes]
    out += [("lopsided", lopsided_case(n), CROWDED) for n in args.lopsided]
    if args.forty:
        out += [("demo", demo_grown(40), None), ("family", lopsided(40), FAMILY)]
    return out


def run_size(page, base_url: str, kind: str, case, reps: int, tmp: Path,
             crowded: tuple | None = None) -> tuple[list[tuple], list[tuple]]:
    """(rows for the figures table, rows for the where-the-time-goes table) of one case (see cases)."""
    n = len(case.personen)
    path = tmp / f"{kind.replace(' ', '-')}-{n}.json"
    path.write_text(dumps_case(case), "utf-8")
    page.goto(base_url + "?bench=1")
    wait_started(page)
    page.set_input_files("#file-input", str(path))
    page.wait_for_function("document.querySelector('#bar [data-screen=\"relatiekaart\"]') !== null")
    page.locator('#bar [data-screen="relatiekaart"]').click()
    page.wait_for_selector("svg.rk-svg .rk-m")
    on_map = page.evaluate("document.querySelectorAll('svg.rk-svg .rk-m').length")

    for _ in range(2):  # warm-up (first calls import modules and fill caches)
        page.evaluate(TOGGLE)
    toggles = [page.evaluate(TOGGLE) for _ in range(reps)]

    # Each drop moves the next person of the outer ring inward (and, once all have moved, back out), so
    # every drop makes a map not seen before: the layout cache (analysis.layout.cached_layout_map) misses,
    # as it does when a user moves someone. Moving one person back and forth would time cache hits.
    if crowded:  # from one crowded cell into the other (and back once all have moved)
        (s0, r0), (s1, r1) = crowded
        movers = page.evaluate(f"""() => [...document.querySelectorAll('svg.rk-svg .rk-m[data-sector="{s0}"][data-ring="{r0}"]')]
            .map((m) => [m.dataset.pid, m.dataset.sector])""")
        at = {pid: (s0, r0) for pid, _ in movers}
        step = {(s0, r0): (s1, r1), (s1, r1): (s0, r0)}
    else:
        movers = page.evaluate("""() => [...document.querySelectorAll('svg.rk-svg .rk-m[data-ring="verder_weg"]')]
            .map((m) => [m.dataset.pid, m.dataset.sector])""")
        at = {pid: (sector, "verder_weg") for pid, sector in movers}
        step = None
    drops, drop_phases, frames = [], [], []
    for i in range(reps + 2):
        pid, _ = movers[i % len(movers)]
        sector, ring = at[pid]
        if step is not None:
            sector, ring = step[(sector, ring)]
        else:
            ring = "dichtbij" if ring == "verder_weg" else "verder_weg"
        result = page.evaluate(DROP, [pid, *_target_point(case, ring, sector)])
        case = ops.move_person(case, pid, sector, ring)  # what the page now shows
        at[pid] = (sector, ring)
        if result["ring"] != ring:
            raise RuntimeError(f"drop did not move {pid} to {ring}: {result}")
        if i >= 2:
            drops.append(result["drop"])
            drop_phases.append(result["phases"])
            frames.extend(result["frames"])

    page.evaluate("window.snvBench.figures()")
    figures = [page.evaluate("window.snvBench.figures()") for _ in range(reps)]
    page.evaluate("window.snvBench.export()")
    export = [page.evaluate("window.snvBench.export()") for _ in range(reps)]
    has_preview = page.evaluate("'preview' in window.snvBench")
    if has_preview:
        page.evaluate("window.snvBench.preview()")
        preview = [page.evaluate("window.snvBench.preview()") for _ in range(reps)]

    target = interaction_target(n)
    label = f"{n} {kind} ({on_map} on the map)"
    rows = [
        (label, "render (toggle lines, re-render map)", [r["ms"] for r in toggles], target),
        (label, "drag-and-drop update (drop → re-rendered)", drops, target),
        (label, "drag frame (one pointermove)", frames, FRAME_TARGET),
        (label, "figures (compute_figures + sentences)", figures, target),
        (label, "SVG export (for_export + export_svg)", export, EXPORT_TARGET),
    ]
    if has_preview:  # the start preview each save writes beside the case (render/preview.py)
        rows.append((label, "start preview (drawn with each save)", preview, target))
    split = [(label, "render", [r["phases"] for r in toggles]), (label, "drag-and-drop update", drop_phases)]
    return rows, split


def print_table(rows: list[tuple]) -> bool:
    head = f"{'case':<28} {'measure':<44} {'median':>9} {'p95':>9} {'target p95':>11}  met"
    print(head)
    print("-" * len(head))
    all_met = True
    for label, name, samples, target in rows:
        med, hi = statistics.median(samples), p95(samples)
        met = hi <= target
        all_met &= met
        print(f"{label:<28} {name:<44} {med:>7.1f}ms {hi:>7.1f}ms {'≤ %.0f ms' % target:>11}  {'yes' if met else 'NO'}")
    return all_met


PHASE_NAMES = ("handler", "regions", "dom", "mount", "after")


def print_split(split: list[tuple]) -> None:
    print("\nWhere the time goes (median ms): handler = event handling before the render (for a drop: the")
    print("move edit); regions = HTML built in Python; dom = regions replaced in the page; mount = screen")
    print("hook, including the style recalculation and layout it forces; after = the rest until laid out")
    head = f"{'case':<28} {'measure':<22}" + "".join(f"{name:>9}" for name in PHASE_NAMES)
    print(head)
    print("-" * len(head))
    for label, name, samples in split:
        samples = [s for s in samples if s]  # None: the render marks were missing
        if samples:
            print(f"{label:<28} {name:<22}"
                  + "".join(f"{statistics.median(s[k] for s in samples):>9.1f}" for k in PHASE_NAMES))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Relatiekaart benchmark in headless Chromium (Pyodide).")
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 500])
    parser.add_argument("--reps", type=int, default=20)
    parser.add_argument("--lopsided", type=int, nargs="*", default=[60], metavar="N",
                        help="lopsided cases (most people in two inner cells) of N persons (default 60)")
    parser.add_argument("--forty", action=argparse.BooleanOptionalAction, default=True,
                        help="also the two 40-person maps of tests/unit/map_cases.py (default on)")
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    build = _build_module()
    dist = build.build()
    server = build.make_server(dist, port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    rows: list[tuple] = []
    split: list[tuple] = []
    try:
        with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(build.CHROMIUM), args=ARGS)
            try:
                for kind, case, crowded in cases(args):
                    # no service worker: its background download of the whole app would disturb the timing
                    context = browser.new_context(viewport={"width": 1024, "height": 768}, has_touch=True,
                                                  service_workers="block")
                    page = context.new_page()
                    errors: list[str] = []
                    page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
                    page.on("console", lambda m, errors=errors: errors.append(m.text) if m.type == "error" else None)
                    try:
                        size_rows, size_split = run_size(page, server.url, kind, case, args.reps, Path(tmp),
                                                         crowded)
                        rows += size_rows
                        split += size_split
                    except RuntimeError as exc:
                        errors.insert(0, str(exc))
                    context.close()
                    if errors:
                        print(f"benchmark failed with {len(case.personen)} {kind}:\n  " + "\n  ".join(errors), file=sys.stderr)
                        return 1
            finally:
                browser.close()
    finally:
        server.shutdown()
    print(f"\nRelatiekaart benchmark: Pyodide in headless Chromium, 1024×768, {args.reps} repetitions")
    all_met = print_table(rows)
    print("\nAll targets met." if all_met else "\nSome targets were NOT met (see 'met').")
    print_split(split)
    return 0


if __name__ == "__main__":
    sys.exit(main())
