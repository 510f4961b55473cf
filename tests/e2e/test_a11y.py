"""Accessibility of every screen, sheet and mode, in one booted page (issue 12, deliverable 2).

One page boots once (Pyodide costs seconds) and walks everything through the app's own buttons:
first in landscape (1024×768), then turned to portrait (768×1024) — a tablet turned round. In every
state it runs axe-core (WCAG 2.0/2.1 A+AA and 2.2 AA tags, on the app root) and measures every visible
control (≥ 44×44 CSS px). The same page then does the keyboard journey, 200 % text, 320 px reflow,
the toast, the app's own form messages and undo with an open sheet.

axe-core comes from the npm registry at test time (build.py TEST_NPM_PACKAGES: pinned, sha256-checked,
into .cache/); it is evaluated through the DevTools protocol, never shipped in dist/ and never fetched
by the app. The screens to walk are read from the registry (snv.ui.screens), so a new screen without an
entry in WALK fails `test_every_registered_screen_has_a_walk` until someone says how to open its states.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from snv.model.demo import demo_case
from snv.storage.jsonio import dumps_case
from snv.render import frame
from snv.ui import screens

from .conftest import PageLog, build_script, new_context, open_app_at

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
LANDSCAPE = {"width": 1024, "height": 768}
PORTRAIT = {"width": 768, "height": 1024}
TARGET = 44  # CSS px, both sides (UX.md §1; WCAG 2.5.5)

# Controls that may be smaller than 44×44, each with the reason. Keep this short; prefer fixing.
TARGET_EXCEPTIONS: dict[str, str] = {}


# ----- how to reach every state -----

@dataclass(frozen=True)
class State:
    """One thing to check: `steps` from the screen as the previous state left it, until `ready` is
    visible; `back` then brings the screen back (closing what was opened). A step is a CSS selector to
    click, or "key:<Key>" for a key press."""
    name: str
    steps: tuple[str, ...]
    ready: str
    back: tuple[str, ...] = ()


@dataclass(frozen=True)
class Walk:
    """How to reach a screen (clicks from anywhere; default: Start, then its tile) and its states."""
    states: tuple[State, ...] = ()
    reach: tuple[str, ...] = ()
    ready: str = "#screen-title"


def _first(action: str, extra: str = "") -> str:
    return f'#content [data-action="{action}"]{extra} >> nth=0'


# Keyed by screen key (snv.ui.screens). The screen itself (as reached) is always checked.
WALK: dict[str, Walk] = {
    "start": Walk(reach=("#bar-start",)),
    "ontmoeten": Walk(states=(
        State("kaartje open", (_first("ontmoeten.open"),), "#ontmoeten-done", back=("#ontmoeten-done",)),
        State("meer mensen", (_first("ontmoeten.more"),), '#content [data-action="ontmoeten.more"][aria-pressed="true"]',
              back=(_first("ontmoeten.more"),)),
    )),
    "personen": Walk(states=(
        State("filter", ('#content [data-action="personen.filter"]:not(#filter-alle) >> nth=0',),
              '#content [data-action="personen.filter"]:not(#filter-alle)[aria-pressed="true"]', back=("#filter-alle",)),
        State("persoon", ("#row-p-anna",), ".sheet-person #person-naam"),
        State("persoon verwijderen?", ("#person-delete",), ".sheet-confirm", back=("#confirm-no",)),
        State("persoon terug", (), ".sheet-person #person-naam", back=("#person-done",)),
        State("nieuwe persoon", ("#personen-add",), ".sheet-person #person-naam", back=("key:Escape",)),
    )),
    "overmij": Walk(reach=(".alias",), states=(
        State("mijn gegevens", ("#overmij-edit",), ".sheet-person #person-naam", back=("key:Escape",)),
    )),
    "basisposter": Walk(states=(
        State("kaartje open", (_first("basisposter.open"),), "#basisposter-done", back=("#basisposter-done",)),
        State("meedenkers kiezen", ("#bp-choose",), "#bp-choose[aria-pressed=true]", back=("#bp-choose",)),
    )),
    "familiekaart": Walk(ready="#fk-scroll", states=(
        State("lijnen", ("#fk-lines",), "#fk-lines[aria-pressed=true]", back=("#fk-lines",)),
        State("persoon gekozen", (_first("familiekaart.select"),), "#fk-panel-title"),
        State("toevoegen", (_first("familiekaart.add"),), "#fk-form-title", back=("#fk-add-cancel", "#fk-close")),
    )),
    "relatiekaart": Walk(ready="svg.rk-svg .rk-m", states=(
        State("lijnen, steun, hoe vaak", ('#content [data-action="relatiekaart.lines"]',
                                          '#content [data-action="relatiekaart.support"]', "#rk-freq"),
              "#rk-freq[aria-pressed=true]",
              back=('#content [data-action="relatiekaart.lines"]', '#content [data-action="relatiekaart.support"]',
                    "#rk-freq")),
        State("wat zie je", ('#content [data-action="relatiekaart.panel"][data-panel="figures"]',), "#rk-panel-title"),
        State("momentopname", ('#content [data-action="relatiekaart.panel"][data-panel="snapshot"]',), "#rk-snap-make"),
        State("vergelijk", ('#content [data-action="relatiekaart.panel"][data-panel="compare"]',), ".rk-diff-group, #rk-panel-title"),
        State("als lijst", ('#content [data-action="relatiekaart.panel"][data-panel="list"]',), ".rk-list-person",
              back=('#content [data-action="relatiekaart.panel"][data-panel="list"]',)),
        State("verbinden", ("#rk-connect",), "#rk-connect-stop", back=("#rk-connect-stop",)),
        State("ingezoomd", ('#content [data-action="relatiekaart.zoom"][data-step="1"]',), '.rk:not([data-zoom="1"])',
              back=('#content [data-action="relatiekaart.zoom"][data-step="-1"]',)),
        State("persoon op de kaart", ('svg.rk-svg .rk-m[data-pid="p-anna"]',), ".sheet-person #person-naam",
              back=("key:Escape",)),
    )),
    "gebeurteniskaart": Walk(ready="#gk-scroll", states=(
        State("gebeurtenis gekozen", (_first("gebeurteniskaart.select"),), "#gk-panel-title", back=("#gk-close",)),
        State("nieuwe gebeurtenis", ("#gk-add",), "#gk-titel", back=("key:Escape",)),
        State("als lijst", ("#gk-list-btn",), "#gk-list-title", back=("#gk-list-btn",)),
    )),
    "contactschema": Walk(states=(
        State("contact toevoegen", ("#cs-add",), "#cs-pick-title", back=("#cs-add",)),
        State("weekdagen", ("#cs-days",), "#cs-days[aria-pressed=true]", back=("#cs-days",)),
        State("contact bewerken", (_first("contactschema.open"),), "#cs-edit-title", back=("#cs-done",)),
    )),
    "voorbereiden": Walk(states=(
        State("wanneer", ("#vb-tab-wanneer",), "#vb-tab-wanneer[aria-pressed=true]"),
        State("vast", ("#vb-tab-vast",), "#vb-tab-vast[aria-pressed=true]"),
        State("uitnodiging", ("#vb-tab-uitnodiging",), "#vb-tab-uitnodiging[aria-pressed=true]"),
        State("wie, kiezen", ("#vb-tab-wie", "#vb-add-open"), "#vb-pick-title", back=("#vb-add-open",)),
    )),
    "bijeenkomst": Walk(states=tuple(
        State(f"stap {n}", (f'#content [data-action="bijeenkomst.step"][data-value="{n}"].bk-dot',),
              f'.bk-dot[data-value="{n}"][aria-current="step"]') for n in range(2, 8)) + (
        State("stap 1", ('#content [data-action="bijeenkomst.step"][data-value="1"].bk-dot',),
              '.bk-dot[data-value="1"][aria-current="step"]'),
    )),
    "plan": Walk(states=(
        State("presentatie", ("#pl-mode-presentatie",), "#pl-mode-presentatie[aria-pressed=true]",
              back=("#pl-mode-bewerken",)),
        State("vergelijk", ("#pl-compare",), "#pl-cmp-title", back=("#pl-cmp-close",)),
        State("afspraak bewerken", (_first("plan.open"),), "#pl-open-title", back=("#pl-done",)),
        State("afspraak toevoegen", (_first("plan.adding"),), "#pl-new", back=("#pl-new-cancel",)),
    )),
}

# The frame's own sheets and messages, checked from Start.
FRAME: tuple[State, ...] = (
    State("menu", ("#btn-menu",), ".sheet-menu"),
    State("opslaan als bestand", ('[data-action="menu.save"]',), ".sheet-save #save-json", back=("key:Escape",)),
    State("exporteren", ("#btn-menu", '[data-action="menu.export"]'), ".sheet-export #export-json", back=("key:Escape",)),
    State("eerdere versies", ("#btn-menu", '[data-action="menu.versions"]'), ".sheet-versions .version, .sheet-versions p[data-autofocus]:not([role])",
          back=("key:Escape",)),
    State("toegankelijkheid", ("#btn-menu", "#menu-access"), ".sheet-access .a11y-statement", back=("key:Escape",)),
    State("nieuw dossier?", ("#btn-menu", '[data-action="menu.new"]'), ".sheet-confirm #confirm-no", back=("#confirm-no",)),
    State("menu in het Engels", ("#btn-menu", "#lang-en"), 'html[lang="en"] .sheet-menu', back=("#lang-nl", "key:Escape")),
)

# During *Tijd zonder begeleider* (from Bijeenkomst step 5): the banner on the meeting and on the plan.
PRIVETIJD: tuple[State, ...] = (
    State("privétijd", ("#bar-start", "#tile-bijeenkomst", '.bk-dot[data-value="5"]', "#bk-priv-start"), "#privetijd-banner"),
    State("privétijd: plan", ("#bk-plan-edit",), '#privetijd-banner ~ * #pl-mode-bewerken, #pl-mode-bewerken'),
    State("privétijd: terug?", ("#privetijd-back",), ".sheet-confirm #confirm-yes"),
    State("privétijd voorbij", ("#confirm-yes",), "#content:not(:has(#privetijd-banner))",
          back=('.bk-dot[data-value="1"]',)),
)


# ----- the checks run in every state -----

# axe on the app root, but only on the frame regions whose HTML changed since the last check in the same
# layout (viewport, screen, person sheet beside it or not): an unchanged region was checked as it is.
AXE_RUN = """async ([tags, regions]) => {
  const frame = document.getElementById('frame');
  const layout = [innerWidth, innerHeight, document.documentElement.lang, frame && frame.dataset.screen,
                  frame && frame.dataset.sheet === 'person'].join('|');
  const seen = window.__a11ySeen || {};
  const include = [];
  const now = {layout};
  for (const id of regions) {
    const el = document.getElementById(id);
    if (!el) continue;
    now[id] = el.innerHTML;
    if (seen.layout !== layout || seen[id] !== now[id]) include.push(['#' + id]);
  }
  window.__a11ySeen = now;
  if (!frame) include.push(['#app']);
  if (!include.length) return [];
  const result = await axe.run({include}, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  return result.violations.map(v => ({id: v.id, nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + (n.failureSummary || '').split('\\n').slice(1, 3).join(' ').slice(0, 240))}));
}"""

# every visible control inside the app; a checkbox or radio counts with the <label> around it (a tap on
# the label toggles it); visually hidden (1 px) and aria-hidden elements are no targets
TARGETS = """(min) => {
  const sel = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [role=link],'
    + ' [role=checkbox], [role=radio], [role=tab], [role=switch], [tabindex]:not([tabindex="-1"])';
  const name = (el) => el.id ? '#' + el.id
    : (el.dataset.action ? `[data-action="${el.dataset.action}"]` : el.tagName.toLowerCase() + '.' + [...el.classList].join('.'));
  const small = [];
  for (const el of document.getElementById('app').querySelectorAll(sel)) {
    if (el.closest('[aria-hidden="true"], [hidden], [inert]')) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    const box = el.matches('input[type=checkbox], input[type=radio]') ? (el.closest('label') || el) : el;
    const r = box.getBoundingClientRect();
    if (r.width <= 1 || r.height <= 1) continue;
    if (r.width < min - 0.5 || r.height < min - 0.5) {
      small.push({name: name(el), text: (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 40),
                  w: Math.round(r.width), h: Math.round(r.height)});
    }
  }
  return small;
}"""

SETTLE = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0))))"


@dataclass
class Findings:
    axe: dict[str, list[dict]] = field(default_factory=dict)  # "orientation / screen / state" -> violations
    small: dict[str, list[dict]] = field(default_factory=dict)  # same keys -> controls under 44 px
    seconds: float = 0.0

    def table(self) -> str:
        lines = [f"{'state':60} axe rules  small targets"]
        for key in self.axe:
            rules = ", ".join(f"{v['id']}×{len(v['nodes'])}" for v in self.axe[key]) or "0"
            small = ", ".join(f"{s['name']} {s['w']}×{s['h']}" for s in self.small.get(key, [])) or "0"
            lines.append(f"{key:60} {rules:10} {small}")
        return "\n".join(lines)


TIMES = []


def settle(page: Page) -> None:
    """Let the app finish: the render after an action is synchronous, deferred ones run on a timer, a
    screen's mount measures on the next frame."""
    page.evaluate(SETTLE)


def step(page: Page, what: str) -> None:
    t0 = time.monotonic()
    _step(page, what)
    STEPS.append((what, time.monotonic() - t0))


STEPS = []


def _step(page: Page, what: str) -> None:
    if what.startswith("key:"):
        page.keyboard.press(what[4:])
    else:
        page.locator(what).first.click()
    settle(page)


def run_state(page: Page, found: Findings, where: str, state: State) -> None:
    for what in state.steps:
        step(page, what)
    expect(page.locator(state.ready).first).to_be_attached()
    settle(page)
    check(page, found, f"{where} / {state.name}")
    for what in state.back:
        step(page, what)


def check(page: Page, found: Findings, key: str) -> None:
    t0 = time.monotonic()
    found.axe[key] = page.evaluate(AXE_RUN, [AXE_TAGS, list(frame.REGIONS)])
    TIMES.append((key, time.monotonic() - t0))
    t0 = time.monotonic()
    found.small[key] = [s for s in page.evaluate(TARGETS, TARGET) if s["name"] not in TARGET_EXCEPTIONS]
    TTIMES.append(time.monotonic() - t0)


TTIMES = []


def reach(page: Page, key: str, walk: Walk) -> None:
    for what in walk.reach or ("#bar-start", f"#tile-{key}"):
        step(page, what)
    expect(page.locator(walk.ready).first).to_be_attached()
    settle(page)


# ----- one page for the whole module -----

@dataclass
class Session:
    page: Page
    log: PageLog
    demo: Path


@pytest.fixture(scope="module")
def session(browser, site_url: str, tmp_path_factory):
    from urllib.parse import urlsplit

    parts = urlsplit(site_url)
    log = PageLog(origin=f"{parts.scheme}://{parts.netloc}")
    context = new_context(browser, viewport=LANDSCAPE)
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.on("request", log.on_request)
    page.on("console", log.on_console)
    page.on("pageerror", log.on_page_error)
    demo = tmp_path_factory.mktemp("a11y") / "sam.json"
    demo.write_text(dumps_case(demo_case()), encoding="utf-8")
    try:
        open_app_at(page, site_url)
        page.evaluate(build_script.read_test_asset("axe-core", "axe.min.js"))  # DevTools protocol: no CSP, no request
        yield Session(page, log, demo)
    finally:
        context.close()


@pytest.fixture
def a11y(session: Session):
    """The shared page; the test fails on any console error, page error or request to another origin."""
    before = len(session.log.problems())
    yield session
    problems = session.log.problems()[before:]
    if problems:
        pytest.fail("the page misbehaved:\n  " + "\n  ".join(problems), pytrace=False)


def new_case(page: Page) -> None:
    """Menu → Nieuw dossier (→ Ja) from wherever the page is: the new-case questions."""
    for _ in range(3):
        if page.locator("#sheet .sheet").count() == 0:
            break
        page.keyboard.press("Escape")
    if page.locator("#onboard-naam").count():
        return
    step(page, "#btn-menu")
    step(page, '[data-action="menu.new"]')
    if page.locator("#confirm-yes").count():
        step(page, "#confirm-yes")
    expect(page.locator("#onboard-naam")).to_be_focused()


def open_demo(s: Session) -> None:
    s.page.set_input_files("#file-input", str(s.demo))
    expect(s.page.get_by_role("heading", name="Hallo Sam")).to_be_visible()
    settle(s.page)


def walk_everything(s: Session, found: Findings, orientation: str) -> None:
    page = s.page
    new_case(page)
    check(page, found, f"{orientation} / nieuw dossier / naam")
    step(page, "#onboard-next")  # no name: the app's own message
    expect(page.locator("#onboard-naam-err, .field-error").first).to_be_visible()
    check(page, found, f"{orientation} / nieuw dossier / zonder naam")
    page.fill("#onboard-naam", "Sam")
    step(page, "#onboard-next")
    expect(page.locator("#onboard-begin")).to_be_visible()
    check(page, found, f"{orientation} / nieuw dossier / kaart?")
    open_demo(s)
    check(page, found, f"{orientation} / start")
    for state in FRAME:
        run_state(page, found, f"{orientation} / frame", state)
    for key in registered_screens():
        walk = WALK[key]
        reach(page, key, walk)
        if key != "start":
            check(page, found, f"{orientation} / {key}")
        for state in walk.states:
            run_state(page, found, f"{orientation} / {key}", state)
    step(page, "#bar-start")
    for state in PRIVETIJD:
        run_state(page, found, f"{orientation} / bijeenkomst", state)


def registered_screens() -> list[str]:
    return [s.key for s in screens.load_screens()]


@pytest.fixture(scope="module")
def walked(session: Session) -> Findings:
    found = Findings()
    started = time.monotonic()
    page = session.page
    walk_everything(session, found, "liggend")
    page.set_viewport_size(PORTRAIT)
    settle(page)
    walk_everything(session, found, "staand")
    page.set_viewport_size(LANDSCAPE)
    found.seconds = time.monotonic() - started
    print("steps total", len(STEPS), sum(x for _, x in STEPS), sorted(STEPS, key=lambda x: -x[1])[:10])
    print("targets total", sum(TTIMES))
    print("axe total", sum(x for _, x in TIMES), sorted(TIMES, key=lambda x: -x[1])[:10])
    print(f"\naccessibility walk: {len(found.axe)} states in {found.seconds:.1f} s\n{found.table()}")
    return found


# ----- the tests -----

def test_every_registered_screen_has_a_walk():
    """A screen added to SCREEN_MODULES must say here how its states open (and a removed one leaves)."""
    keys = set(registered_screens())
    assert not keys - set(WALK), f"screens without an entry in WALK (tests/e2e/test_a11y.py): {sorted(keys - set(WALK))}"
    assert not set(WALK) - keys, f"WALK names screens that are not registered: {sorted(set(WALK) - keys)}"


def test_axe_finds_no_violation_on_any_screen_sheet_or_mode(a11y, walked):
    failing = {k: v for k, v in walked.axe.items() if v}
    assert not failing, "axe-core violations:\n" + "\n".join(
        f"  {k}: " + "; ".join(f"{v['id']} at {', '.join(v['nodes'][:3])}" for v in vs) for k, vs in failing.items())


def test_every_control_is_at_least_44_px_on_every_screen(a11y, walked):
    failing = {k: v for k, v in walked.small.items() if v}
    assert not failing, "controls smaller than 44×44 CSS px:\n" + "\n".join(
        f"  {k}: " + "; ".join(f"{s['name']} '{s['text']}' {s['w']}×{s['h']}" for s in vs) for k, vs in failing.items())
