"""Benchmark of every screen in the real app: Pyodide in headless Chromium, built dist/ served locally.

    python3 build.py bench                       (runs this after bench_relatiekaart.py)
    python3 tests/bench/bench_screens.py [--sizes 100 500] [--reps 20] [--only KEY ...]

For cases of 100 and 500 persons (snv.model.demo.big_case: as many events, a family, contacts and a
poster) it opens each screen of SCENARIOS and times, over --reps repetitions:
  render  an action that changes only the view (sort, select, zoom…) and re-renders the screen
  edit    a typical edit of the case through the UI (the edit, the re-render, the autosave scheduled)
each measured from the synthetic event until the page is laid out again. It prints median and p95 with
the targets (p95 ≤ 50 ms at 100, ≤ 150 ms at 500). Numbers are printed, never asserted. A scenario may
add `extra`: names of window.snvBench hooks (ui/bench.py) that time pure work inside Pyodide.
Exit status 0 when the run completed, 1 when the app could not start or a scenario's selector failed.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_relatiekaart import ARGS, ROOT, _build_module, interaction_target, print_table, wait_started

sys.path.insert(0, str(ROOT / "py"))

from snv.model.demo import big_case
from snv.storage.jsonio import dumps_case


@dataclass(frozen=True)
class Scenario:
    """How to time one screen. `render` and `edit` are JavaScript function bodies that get `i` (the
    repetition, from 0) and perform one action synchronously, e.g. a click on a data-action element;
    alternate on `i` when an action toggles. The app renders inside the event handler, so the time
    until the following forced layout is the whole interaction."""
    screen: str
    render: str
    edit: str
    render_name: str
    edit_name: str
    extra: tuple[tuple[str, str, float], ...] = field(default=())  # (snvBench hook, measure name, target ms)


SCENARIOS: dict[str, Scenario] = {
    "personen": Scenario(
        "personen",
        render="document.querySelectorAll('#content [data-action=\"personen.filter\"]')[i % 2].click();",
        edit="document.querySelector('#content [data-action=\"personen.open\"], #content [data-action=\"person.open\"]').click();",
        render_name="filter chip (re-render the list)", edit_name="open a person (sheet)",
        extra=(("import_easynwk", "read an easyNWK file of 500 people (once per import)", 1000.0),
               ("import_gedcom", "read a GEDCOM tree of 2,000 individuals (once per import)", 2000.0),
               ("import_preview", "preview sheet of that tree, 2,000 rows to confirm", 500.0))),
    "basisposter": Scenario(
        "basisposter",
        render="(i % 2 ? document.querySelector('#basisposter-done')"
               " : document.querySelector('#content .bp-q-main')).click();",
        edit="document.querySelector('#content .bp-q-meeting').click();",
        render_name="select / unselect a question", edit_name="toggle Naar de bijeenkomst"),
    "ontmoeten": Scenario(
        "ontmoeten",
        render="document.querySelector('#content [data-action=\"ontmoeten.more\"]').click();",
        edit="document.querySelector('#om-person').value = 'Nieuw ' + i;"
             " document.querySelector('#om-person-add').click();",
        render_name="Meer mensen (writer chooser)", edit_name="quick add a person by name"),
    "gebeurteniskaart": Scenario(
        "gebeurteniskaart",
        render="document.querySelectorAll('#gk-scroll .gk-ev')[i % 2 ? 3 : 2].dispatchEvent("
               "new MouseEvent('click', {bubbles: true}));",
        edit="if (!document.querySelector('#gk-gevoel')) document.querySelector('#gk-scroll .gk-ev').dispatchEvent("
             "new MouseEvent('click', {bubbles: true}));"
             "document.querySelector(`#gk-gevoel [data-value=\"${i % 2 ? 'fijn' : 'moeilijk'}\"]`).click();",
        render_name="select an event (panel opens)", edit_name="change an event's feeling"),
    "familiekaart": Scenario(
        "familiekaart",
        render="document.querySelectorAll('#content .fk-hit')[i % 2].click();",
        # Esc after the render runs closed the panel: select the person the last render run chose again
        edit="if (!document.querySelector('#content [data-action=\"familiekaart.soort\"]'))"
             " document.querySelectorAll('#content .fk-hit')[1].click();"
             "document.querySelector('#content [data-action=\"familiekaart.soort\"][aria-pressed=\"false\"]').click();",
        render_name="select a person (panel)", edit_name="change a parent-child kind",
        extra=(("genogram", "genogram layout (~60 relatives)", 100.0),)),
    "plan": Scenario(
        "plan",
        render="document.querySelector(`#content #pl-mode-${i % 2 ? 'bewerken' : 'presentatie'}`).click();",
        edit="if (!document.querySelector('#content .pl-card.is-open')) {"
             " if (!document.querySelector('#content .pl-edit')) document.querySelector('#content #pl-mode-bewerken').click();"
             " document.querySelector('#content .pl-edit').click(); }"
             " document.querySelectorAll('#content .pl-card.is-open #pl-hoe_vaak .seg')[i % 6].click();",
        render_name="switch presentatie / bewerken (whole plan)", edit_name="set hoe vaak of an agreement"),
    "contactschema": Scenario(
        "contactschema",
        render="document.querySelectorAll('#content [data-action=\"contactschema.sort\"]')[i % 3].click();",
        # the first run opens a row's editor (a warm-up); then each run taps another frequency
        edit="if (!document.querySelector('#cs-ed-hoe_vaak')) document.querySelector('#content .cs-name').click();"
             "document.querySelectorAll('#cs-ed-hoe_vaak [data-action=\"contactschema.set\"]')[i % 5].click();",
        render_name="sort by a column (tap a header)", edit_name="set how often (segmented button)"),
    "relatiekaart_connect": Scenario(
        "relatiekaart",
        render="document.querySelector('#rk-freq').click();",
        # one action per run, in a cycle of four: with Verbinden on, Enter on p1 (chosen), Enter on p2 (their
        # line is made), a tap on that line (its panel), *Lijn weghalen* (the line is removed)
        edit="const on = document.querySelector('#rk-connect');"
             "if (on.getAttribute('aria-pressed') !== 'true') on.click();"
             "const key = (pid) => document.querySelector(`.rk-m[data-pid=\"${pid}\"]`)"
             ".dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true}));"
             "const line = document.querySelector('.rk-members line[data-a=\"p1\"][data-b=\"p2\"], "
             ".rk-members line[data-a=\"p2\"][data-b=\"p1\"]');"
             "const rm = document.querySelector('#rk-tie-remove');"
             "if (!line) key(document.querySelector('.rk-m.is-chosen[data-pid=\"p1\"]') ? 'p2' : 'p1');"
             "else if (rm) rm.click();"
             "else {"
             "  line.scrollIntoView({block: 'center', inline: 'center'});"  # the readable map pans: bring it in view
             "  const g = (k) => parseFloat(line.getAttribute(k));"
             "  const at_f = (f) => new DOMPoint(g('x1') + (g('x2') - g('x1')) * f, g('y1') + (g('y2') - g('y1')) * f)"
             "    .matrixTransform(line.ownerSVGElement.getScreenCTM());"
             # a point along the line that no marker covers (a crowded map has markers near most lines)
             "  const p = [0.35, 0.5, 0.25, 0.65, 0.15, 0.8].map(at_f)"
             "    .find((q) => { const e = document.elementFromPoint(q.x, q.y); return e && !e.closest('.rk-m'); }) || at_f(0.35);"
             "  const at = {bubbles: true, pointerId: 7, isPrimary: true, pointerType: 'touch', clientX: p.x, clientY: p.y};"
             "  const el = document.elementFromPoint(p.x, p.y);"
             "  el.dispatchEvent(new PointerEvent('pointerdown', at)); el.dispatchEvent(new PointerEvent('pointerup', at)); }",
        render_name="Hoe vaak? layer on/off", edit_name="Verbinden: choose, make a line, open it, remove it"),
    "voorbereiden": Scenario(
        "voorbereiden",
        render="document.querySelector('#vb-add-open').click();",
        edit="document.querySelectorAll('#content .vb-pick')[1].dispatchEvent("
             "new MouseEvent('click', {bubbles: true, cancelable: true}));",
        render_name="open/close the list of others (view)", edit_name="tap a person on the map picker (invite)"),
    "bijeenkomst": Scenario(
        "bijeenkomst",
        render="document.querySelector(i % 2 ? '#content [data-action=\"bijeenkomst.q_edit\"][data-vid=\"\"]'"
               " : '#content [data-action=\"bijeenkomst.q_edit\"]:not([data-vid=\"\"])').click();",
        edit="document.querySelector(`#content [data-action=\"bijeenkomst.step\"][data-value=\"${i % 2 ? 3 : 2}\"]`).click();",
        render_name="reword a question open/close (step 3, view)", edit_name="step 3 <-> step 2 (who is there)"),
    "team": Scenario(
        "team",
        render="document.querySelector('#content #bt-others').click();",
        # even runs: tap someone from the meeting (in); odd runs: *Uit de groep* on that last member (out)
        edit="if (i % 2) document.querySelector('#content .bt-member:last-child .bt-out').click();"
             " else document.querySelector('#content #bt-from-meeting [data-action=\"team.member\"]').click();",
        render_name="show / hide the rest of the network (view)", edit_name="a member in / out of the team"),
    "overleg": Scenario(
        "overleg",
        render="if (!document.querySelector('#content .ov-walk'))"
               " document.querySelector('#content [data-action=\"overleg.open\"]').click();"
               "document.querySelector(`#content [data-action=\"overleg.step\"][data-value=\"${i % 2 ? 4 : 5}\"]`).click();",
        # the newest meeting's part 4: *Stoppen* / *Weer laten lopen* on the first agreement (the first run
        # makes the meeting's new plan version, later runs change that version)
        edit="if (!document.querySelector('#content .ov-walk'))"
             " document.querySelector('#content [data-action=\"overleg.open\"]').click();"
             "if (!document.querySelector('#content .ov-step-4'))"
             " document.querySelector('#content [data-action=\"overleg.step\"][data-value=\"4\"]').click();"
             "document.querySelector('#content .ov-a [data-action=\"overleg.status\"]').click();",
        render_name="meeting part 4 <-> 5 (plan with 51 agreements / who does what)",
        edit_name="stop / restart an agreement in a meeting"),
}

TIMED = """([body, i]) => {
    const act = new Function('i', body);
    const t0 = performance.now();
    act(i);
    void document.body.offsetHeight;  // force style and layout of what the action changed
    return performance.now() - t0;
}"""


def open_case(page, base_url: str, path: Path) -> None:
    page.goto(base_url + "?bench=1")
    wait_started(page)
    page.set_input_files("#file-input", str(path))
    page.wait_for_function("document.querySelector('#bar [data-action=\"app.go\"]') !== null")


def go(page, key: str) -> None:
    """Open screen `key` through the app (its phase first, when its button is not in the bar)."""
    page.evaluate("(key) => window.snvBench.go(key)", key)
    page.wait_for_function("(key) => document.querySelector(`#content .screen-${key}`) !== null", arg=key)


def run_size(page, base_url: str, n: int, reps: int, tmp: Path, only: list[str]) -> list[tuple]:
    path = tmp / f"big-{n}.json"
    path.write_text(dumps_case(big_case(n)), "utf-8")
    open_case(page, base_url, path)
    label = f"{n} persons"
    target = interaction_target(n)
    rows: list[tuple] = []
    for key, sc in SCENARIOS.items():
        if only and key not in only:
            continue
        go(page, sc.screen)
        for name, body in ((sc.render_name, sc.render), (sc.edit_name, sc.edit)):
            for i in range(2):  # warm-up
                page.evaluate(TIMED, [body, i])
            samples = [page.evaluate(TIMED, [body, i]) for i in range(reps)]
            rows.append((label, f"{key}: {name}", samples, target))
            page.keyboard.press("Escape")  # close a sheet an action opened
        for hook, name, hook_target in sc.extra:
            page.evaluate(f"window.snvBench.{hook}()")
            samples = [page.evaluate(f"window.snvBench.{hook}()") for _ in range(reps)]
            rows.append((label, f"{key}: {name}", samples, hook_target))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Every screen's render and edit in headless Chromium (Pyodide).")
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 500])
    parser.add_argument("--reps", type=int, default=20)
    parser.add_argument("--only", nargs="*", default=[], metavar="KEY", help="only these SCENARIOS")
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    build = _build_module()
    server = build.make_server(build.build(), port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    rows: list[tuple] = []
    try:
        with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(build.CHROMIUM), args=ARGS)
            try:
                for n in args.sizes:
                    # no service worker: its background download of the whole app would disturb the timing
                    context = browser.new_context(viewport={"width": 1024, "height": 768}, has_touch=True,
                                                  service_workers="block")
                    page = context.new_page()
                    errors: list[str] = []
                    page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
                    try:
                        rows += run_size(page, server.url, n, args.reps, Path(tmp), args.only)
                    except Exception as exc:  # noqa: BLE001 - report which scenario broke, then stop
                        errors.insert(0, f"{type(exc).__name__}: {exc}")
                    context.close()
                    if errors:
                        print(f"screen benchmark failed with {n} persons:\n  " + "\n  ".join(errors), file=sys.stderr)
                        return 1
            finally:
                browser.close()
    finally:
        server.shutdown()
    print(f"\nScreens benchmark: Pyodide in headless Chromium, 1024×768, {args.reps} repetitions")
    all_met = print_table(rows)
    print("\nAll targets met." if all_met else "\nSome targets were NOT met (see 'met').")
    return 0


if __name__ == "__main__":
    sys.exit(main())
