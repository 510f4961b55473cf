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

import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from snv.messages import t
from snv.model.demo import demo_case
from snv.render import frame
from snv.storage.jsonio import dumps_case
from snv.ui import screens

from .conftest import PageLog, build_script, new_context, open_app_at

EASYNWK = Path(__file__).resolve().parents[1] / "fixtures" / "interop" / "easynwk-jonas.json"
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


RK_CLOSE = '#content .rk-close[data-action="relatiekaart.panel"]'

# Keyed by screen key (snv.ui.screens). The screen itself (as reached) is always checked.
WALK: dict[str, Walk] = {
    "start": Walk(reach=("#bar-start",)),
    "ontmoeten": Walk(states=(
        State("kaartje open, meer mensen", (_first("ontmoeten.open"), _first("ontmoeten.more")),
              '#content [data-action="ontmoeten.more"][aria-pressed="true"]',
              back=(_first("ontmoeten.more"), "#ontmoeten-done")),
    )),
    "personen": Walk(states=(
        State("persoon", ("#row-p-anna",), ".sheet-person #person-naam"),
        State("persoon verwijderen?", ("#person-delete",), ".sheet-confirm", back=("#confirm-no", "#person-done")),
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
        State("lijnen, persoon gekozen", ("#fk-lines", _first("familiekaart.select")), "#fk-panel-title"),
        State("toevoegen", (_first("familiekaart.add"),), "#fk-form-title",
              back=("#fk-add-cancel", "#fk-close", "#fk-lines")),
    )),
    "relatiekaart": Walk(ready="svg.rk-svg .rk-m", states=(
        State("lijnen, steun, hoe vaak, verbinden, ingezoomd",
              ('#content [data-action="relatiekaart.lines"]', '#content [data-action="relatiekaart.support"]', "#rk-freq",
               "#rk-connect", '#content [data-action="relatiekaart.zoom"][data-step="1"]'),
              '.rk:not([data-zoom="1"]) #rk-connect-stop',
              back=('#content [data-action="relatiekaart.zoom"][data-step="-1"]', "#rk-connect-stop",
                    '#content [data-action="relatiekaart.lines"]', '#content [data-action="relatiekaart.support"]',
                    "#rk-freq")),
        # in portrait a panel takes the tools' place under the map: its Sluiten brings them back
        State("wat zie je", ('#content [data-action="relatiekaart.panel"][data-panel="figures"]',), "#rk-panel-title",
              back=(RK_CLOSE,)),
        State("momentopname", ('#content [data-action="relatiekaart.panel"][data-panel="snapshot"]',), "#rk-snap-make",
              back=(RK_CLOSE,)),
        State("vergelijk", ('#content [data-action="relatiekaart.panel"][data-panel="compare"]',), ".rk-diff-group, #rk-panel-title",
              back=(RK_CLOSE,)),
        State("als lijst", ('#content [data-action="relatiekaart.panel"][data-panel="list"]',), ".rk-list-person",
              back=(RK_CLOSE,)),
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
        State("weekdagen, contact bewerken", ("#cs-days", _first("contactschema.open")), "#cs-edit-title",
              back=("#cs-done", "#cs-days")),
    )),
    "voorbereiden": Walk(states=(
        State("wanneer", ("#vb-tab-wanneer",), "#vb-tab-wanneer[aria-pressed=true]"),
        State("vast", ("#vb-tab-vast",), "#vb-tab-vast[aria-pressed=true]"),
        State("uitnodiging", ("#vb-tab-uitnodiging",), "#vb-tab-uitnodiging[aria-pressed=true]"),
        State("wie, kiezen", ("#vb-tab-wie", "#vb-add-open"), "#vb-pick-title", back=("#vb-add-open",)),
    )),
    "bijeenkomst": Walk(states=tuple(
        State(f"stap {n}", (f'.bk-dot[data-value="{n}"]',), f'.bk-dot[data-value="{n}"][aria-current="step"]',
              back=('.bk-dot[data-value="1"]',) if n == 7 else ()) for n in range(2, 8))),
    "plan": Walk(states=(
        State("presentatie", ("#pl-mode-presentatie",), "#pl-mode-presentatie[aria-pressed=true]",
              back=("#pl-mode-bewerken",)),
        State("vergelijk, afspraak bewerken", ("#pl-compare", _first("plan.open")), "#pl-open-title",
              back=("#pl-done", "#pl-cmp-close")),
        State("afspraak toevoegen", (_first("plan.adding"),), "#pl-new", back=("#pl-new-cancel",)),
    )),
    "team": Walk(states=(
        State("iemand erbij, hele netwerk", ("#bt-others",), "#bt-others-list", back=("#bt-others",)),
        State("eigenaar kiezen", (_first("team.owner_open"),), '#content [data-action="team.owner"]',
              back=(_first("team.owner_open"),)),
    )),
    "overleg": Walk(states=(
        *(State(f"overleg, deel {n}", (_first("overleg.open"), f'.bk-dot[data-value="{n}"]') if n == 1
                else (f'.bk-dot[data-value="{n}"]',), f'.bk-dot[data-value="{n}"][aria-current="step"]')
          for n in range(1, 9)),
        State("terug naar de lijst", ("#ov-back",), "#ov-new"),
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
    State("heel grote letters", ("#btn-menu", "#prefs-text-heel_groot", "key:Escape"),
          'html[data-text="heel_groot"]:not([data-contrast]) #screen-title',
          back=("#btn-menu", "#prefs-text-normaal", "key:Escape")),
    State("hoog contrast, heel grote letters", ("#btn-menu", "#prefs-contrast-high", "#prefs-text-heel_groot"),
          'html[data-contrast="high"][data-text="heel_groot"] .sheet-menu'),
    State("hoog contrast: start", ("key:Escape",), 'html[data-contrast="high"] #screen-title',
          back=("#btn-menu", "#prefs-contrast-normal", "#prefs-text-normaal", "key:Escape")),
    State("rustig scherm: mijn kaart", ("#btn-menu", "#prefs-client"), "#cv-bar-kaart[aria-current=page]"),
    State("rustig scherm: mijn vragen", ("#cv-bar-vragen",), "#cv-bar-vragen[aria-current=page]"),
    State("rustig scherm: mijn plan", ("#cv-bar-plan",), "#cv-bar-plan[aria-current=page]", back=("#cv-leave",)),
    State("menu in het Engels", ("#btn-menu", "#lang-en"), 'html[lang="en"] .sheet-menu', back=("#lang-nl", "key:Escape")),
)

# During *Tijd zonder begeleider* (from Bijeenkomst step 5): the banner on the meeting and on the plan.
PRIVETIJD: tuple[State, ...] = (
    State("privétijd", ("#bar-start", "#tile-bijeenkomst", '.bk-dot[data-value="5"]', "#bk-priv-start"), "#privetijd-banner"),
    State("privétijd: plan", ("#bk-plan-edit",), '.frame[data-screen="plan"] #privetijd-banner'),
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

# words of the navigation (bottom bar, phase route) split over two lines or sticking out of their button:
# "Relatiekaa-rt", a cut-off "Meedenkbijeenkom…"; a label of several words may wrap between them
WORDS = """() => {
  const out = [];
  for (const btn of document.querySelectorAll('#app .bar-btn, #app .route-btn')) {
    if (!btn.offsetParent) continue;
    const box = btn.getBoundingClientRect();
    const walker = document.createTreeWalker(btn, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const holder = node.parentElement.getBoundingClientRect();
      if (holder.width <= 1 || holder.height <= 1) continue;  // visually hidden: for screen readers only
      for (const m of node.data.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const rects = [...range.getClientRects()];
        const lines = new Set(rects.map((r) => Math.round(r.top))).size;
        const out_of_box = rects.some((r) => r.left < box.left - 0.5 || r.right > box.right + 0.5);
        if (lines > 1 || out_of_box) out.push(m[0] + (lines > 1 ? ' (split)' : ' (cut off)'));
      }
    }
  }
  return out;
}"""

# controls of the header and the bottom bar that stick out of it: drawn over the route or the screen below
# (the header's tools wrapped to a second row at larger letters while the header kept one row's height)
HELD = """() => {
  const out = [];
  for (const sel of ['#app .topbar', '#app .bar']) {
    const region = document.querySelector(sel);
    if (!region) continue;
    const box = region.getBoundingClientRect();
    if (box.width < 1 || box.height < 1) continue;
    for (const el of region.querySelectorAll('button, a, .save-status')) {
      const r = el.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1) continue;  // visually hidden
      if (r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5 || r.left < box.left - 0.5 || r.right > box.right + 0.5)
        out.push(sel.slice(6) + ' ' + (el.id || el.textContent.trim().slice(0, 30)));
    }
  }
  return out;
}"""

# two controls of one frame region, or a control and text, drawn over each other (more than 2 px both ways), as
# far as each is visible in its scrolling boxes; markers inside a map's SVG are the layout's business
# (test_map_readability)
CLASHES = """(regions) => {
  const out = [];
  // a box (from getBoundingClientRect or a text range) cut to what the scrolling boxes from `from` up show
  const shown = (r, from) => {
    let box = {l: r.left, t: r.top, r: r.right, b: r.bottom};
    for (let p = from; p; p = p.parentElement) {
      const st = getComputedStyle(p);
      if (st.overflowX !== 'visible' || st.overflowY !== 'visible') {
        const c = p.getBoundingClientRect();
        box = {l: Math.max(box.l, c.left), t: Math.max(box.t, c.top), r: Math.min(box.r, c.right), b: Math.min(box.b, c.bottom)};
      }
    }
    return box;
  };
  const name = (el) => el.id || (el.textContent || el.getAttribute('aria-label') || el.tagName).trim().replace(/\\s+/g, ' ').slice(0, 24);
  for (const id of regions) {
    const region = document.querySelector(id);
    if (!region) continue;
    const items = [];
    for (const el of region.querySelectorAll('button, a[href], input:not([type=hidden]), select, textarea, summary')) {
      if (el.closest('svg, [inert], [aria-hidden="true"]') || !el.getClientRects().length) continue;
      const st = getComputedStyle(el);
      if (st.visibility === 'hidden') continue;
      const box = shown(el.getBoundingClientRect(), el.parentElement);
      if (box.r - box.l > 1 && box.b - box.t > 1) items.push([el, box]);
    }
    // text outside the controls (its glyph boxes, as far as visible) must not lie over a control either
    const walker = document.createTreeWalker(region, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const holder = node.parentElement;
      if (!node.data.trim() || holder.closest('button, a, input, select, textarea, summary, svg, [inert], [aria-hidden="true"]')) continue;
      if (getComputedStyle(holder).visibility === 'hidden') continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) {
        const box = shown(r, holder);
        if (box.r - box.l <= 1 || box.b - box.t <= 1) continue;
        for (const [el, q] of items) {
          const w = Math.min(box.r, q.r) - Math.max(box.l, q.l), h = Math.min(box.b, q.b) - Math.max(box.t, q.t);
          const what = id + ': "' + node.data.trim().slice(0, 24) + '" × ' + name(el);
          if (w > 2 && h > 2 && !out.includes(what)) out.push(what);
        }
      }
    }
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) {
        const [a, p] = items[i], [b, q] = items[j];
        if (a.contains(b) || b.contains(a)) continue;
        const w = Math.min(p.r, q.r) - Math.max(p.l, q.l), h = Math.min(p.b, q.b) - Math.max(p.t, q.t);
        if (w > 2 && h > 2) out.push(id + ': ' + name(a) + ' × ' + name(b));
      }
    }
  }
  return out;
}"""

# the parts of the frame compared within: the header (name, save status, tools) as one, and each other region
CLASH_PARTS = ["#app .topbar", *(f"#{r}" for r in frame.REGIONS if r not in ("alias", "savestatus", "savefix", "tools"))]

SETTLE = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0))))"


@dataclass
class Findings:
    axe: dict[str, list[dict]] = field(default_factory=dict)  # "orientation / screen / state" -> violations
    small: dict[str, list[dict]] = field(default_factory=dict)  # same keys -> controls under 44 px
    words: dict[str, list[str]] = field(default_factory=dict)  # same keys -> split or cut-off words (WORDS)
    held: dict[str, list[str]] = field(default_factory=dict)  # same keys -> controls out of header/bar (HELD)
    clashes: dict[str, list[str]] = field(default_factory=dict)  # same keys -> controls over each other (CLASHES)
    seconds: float = 0.0

    def table(self) -> str:
        lines = [f"{'state':60} axe rules  small targets"]
        for key in self.axe:
            rules = ", ".join(f"{v['id']}×{len(v['nodes'])}" for v in self.axe[key]) or "0"
            small = ", ".join(f"{s['name']} {s['w']}×{s['h']}" for s in self.small.get(key, [])) or "0"
            lines.append(f"{key:60} {rules:10} {small}")
        return "\n".join(lines)


def settle(page: Page) -> None:
    """Let the app finish: the render after an action is synchronous, deferred ones run on a timer, a
    screen's mount measures on the next frame."""
    page.evaluate(SETTLE)


def step(page: Page, what: str, *, wait: bool = True) -> None:
    """A tap (CSS selector) or a key ("key:Escape"). The app renders inside the event handler, so
    Playwright returns after the render; `wait` also lets deferred work finish (settle)."""
    if what.startswith("key:"):
        page.keyboard.press(what[4:])
    else:
        page.locator(what).first.click()
    if wait:
        settle(page)


def run_state(page: Page, found: Findings, where: str, state: State) -> None:
    for what in state.steps:
        step(page, what, wait=False)
    expect(page.locator(state.ready).first).to_be_attached()
    settle(page)
    check(page, found, f"{where} / {state.name}")
    for what in state.back:
        step(page, what, wait=False)


def check(page: Page, found: Findings, key: str) -> None:
    found.axe[key] = page.evaluate(AXE_RUN, [AXE_TAGS, list(frame.REGIONS)])
    found.small[key] = [s for s in page.evaluate(TARGETS, TARGET) if s["name"] not in TARGET_EXCEPTIONS]
    found.words[key] = page.evaluate(WORDS)
    found.held[key] = page.evaluate(HELD)
    found.clashes[key] = page.evaluate(CLASHES, CLASH_PARTS)


def reach(page: Page, key: str, walk: Walk) -> None:
    for what in walk.reach or ("#bar-start", f"#tile-{key}"):
        step(page, what, wait=False)
    expect(page.locator(walk.ready).first).to_be_attached()
    settle(page)


# ----- one page for the whole module -----

@dataclass
class Session:
    page: Page
    log: PageLog
    demo: Path
    sealed: Path | None = None  # the demo saved with a passphrase, made once by encrypted_file()


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
    page.set_input_files("#file-input", str(encrypted_file(s)))  # an encrypted file: its passphrase sheet
    expect(page.locator(".sheet-passphrase #unlock-passphrase")).to_be_focused()
    check(page, found, f"{orientation} / frame / wachtwoord nodig")
    step(page, "#unlock-cancel", wait=False)
    page.set_input_files("#file-input", str(EASYNWK))  # another program's file: the preview, then adding
    expect(page.locator(".sheet-import #import-confirm")).to_be_visible()
    check(page, found, f"{orientation} / frame / bestand van easyNWK")
    run_state(page, found, f"{orientation} / frame", State(
        "bestand van easyNWK toevoegen", ('#import-mode [data-value="add"]',), ".sheet-import #import-all",
        back=("#import-cancel",)))
    for key in registered_screens():
        walk = WALK.get(key, Walk())  # a screen without an entry: its tile and the screen itself only
        reach(page, key, walk)
        if key != "start":
            check(page, found, f"{orientation} / {key}")
        for state in walk.states:
            run_state(page, found, f"{orientation} / {key}", state)
    step(page, "#bar-start")
    for state in PRIVETIJD:
        run_state(page, found, f"{orientation} / bijeenkomst", state)
    # every screen once more with Heel grote letters: headings, tool rows and the bar must still make room
    for what in ("#btn-menu", "#prefs-text-heel_groot", "key:Escape"):
        step(page, what)
    for key in registered_screens():
        reach(page, key, WALK.get(key, Walk()))
        check(page, found, f"{orientation} / heel grote letters / {key}")
    for what in ("#btn-menu", "#prefs-text-normaal", "key:Escape"):
        step(page, what)


def encrypted_file(s: Session) -> Path:
    """The case saved as a file with a passphrase, through the app's own save sheet (made once)."""
    if s.sealed is None:
        page = s.page
        step(page, "#btn-menu")
        step(page, '[data-action="menu.save"]')
        page.fill("#export-passphrase", "een lang wachtwoord")
        page.fill("#export-passphrase2", "een lang wachtwoord")
        with page.expect_download() as download:
            step(page, "#save-json")
        s.sealed = s.demo.with_name("sam-versleuteld.json")
        download.value.save_as(s.sealed)
    return s.sealed


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
    print(f"\naccessibility walk: {len(found.axe)} states in {found.seconds:.1f} s\n{found.table()}")
    return found


# ----- the tests -----

def test_axe_core_stays_out_of_the_built_site(dist_dir):
    """axe-core is a test tool: pinned in build.py, read from .cache/ by this test, never shipped."""
    assert set(build_script.TEST_NPM_PACKAGES).isdisjoint(build_script.NPM_PACKAGES)
    assert not [p for p in dist_dir.rglob("*") if "axe" in p.name.lower()]
    assert "axe" not in (dist_dir / "index.html").read_text("utf-8").lower()


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


def _none_in_any_state(found: dict[str, list[str]], what: str) -> None:
    """No finding (a list of short texts per state) in any state; else each state with its first six."""
    failing = {k: v for k, v in found.items() if v}
    assert not failing, f"{what}:\n" + "\n".join(f"  {k}: {', '.join(v[:6])}" for k, v in failing.items())


def test_no_word_of_the_bar_or_the_route_is_split_or_cut_off_on_any_screen(a11y, walked):
    _none_in_any_state(walked.words, "split or cut-off words in the navigation")


def test_header_and_bottom_bar_hold_their_controls_on_every_screen(a11y, walked):
    _none_in_any_state(walked.held, "controls sticking out of the header or the bottom bar")


def test_no_two_controls_lie_over_each_other_on_any_screen(a11y, walked):
    _none_in_any_state(walked.clashes, "controls drawn over each other")


def demo_on(s: Session, key: str) -> Page:
    """A fresh demo case (through Nieuw dossier and the file picker) on screen `key`."""
    page = s.page
    new_case(page)
    open_demo(s)
    reach(page, key, WALK[key])
    return page


def test_undo_and_redo_update_an_open_person_sheet(a11y):
    page = demo_on(a11y, "personen")
    step(page, "#row-p-anna")
    rol = page.locator("#person-rol")
    expect(rol).to_have_value("tante")
    rol.fill("buurvrouw")  # typed, not yet committed: the tap on Ongedaan maken commits it first
    step(page, "#btn-undo")
    expect(rol).to_have_value("tante")
    step(page, "#btn-redo")
    expect(rol).to_have_value("buurvrouw")
    rol.fill("oom")
    page.keyboard.press("Tab")  # committed by leaving the field
    settle(page)
    page.locator(".toast").get_by_role("button", name="Ongedaan maken").click()
    settle(page)
    expect(rol).to_have_value("buurvrouw")
    step(page, "#person-done")


# ----- keyboard -----

def focus_is(page: Page, selector: str) -> bool:
    return page.evaluate("(s) => !!document.activeElement && document.activeElement.matches(s)", selector)


def where_focus_is(page: Page) -> str:
    return page.evaluate("() => { const a = document.activeElement;"
                         " return a ? (a.id ? '#' + a.id : a.outerHTML.slice(0, 120)) : 'nothing'; }")


def tab_to(page: Page, selector: str, *, back: bool = False, limit: int = 60) -> None:
    """Press Tab (or Shift+Tab) until `selector` has the focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if back else "Tab")
        if focus_is(page, selector):
            return
    raise AssertionError(f"{'Shift+' if back else ''}Tab never reached {selector}; the focus is on {where_focus_is(page)}")


def press(page: Page, key: str) -> None:
    page.keyboard.press(key)
    settle(page)


def test_the_whole_journey_by_keyboard(a11y):
    """Skip link, new case, a person on the map, the sheet from the marker and back: no pointer."""
    page = demo_on(a11y, "start")
    page.evaluate("() => document.getElementById('app').focus()")  # as after a page load: nothing inside focused
    # the first Tab reaches the skip link; it jumps over the header and the route to the screen
    press(page, "Tab")
    assert focus_is(page, "#skip-content"), where_focus_is(page)
    press(page, "Enter")
    assert focus_is(page, "#content"), where_focus_is(page)
    press(page, "Tab")
    assert page.evaluate("() => document.getElementById('content').contains(document.activeElement)"), where_focus_is(page)

    # Menu → Nieuw dossier → Ja → a nickname → Nee, we beginnen
    tab_to(page, "#btn-menu", back=True)
    press(page, "Enter")
    assert focus_is(page, '[data-action="menu.new"]'), where_focus_is(page)
    press(page, "Enter")
    assert focus_is(page, "#confirm-no"), where_focus_is(page)
    tab_to(page, "#confirm-yes")
    press(page, "Enter")
    assert focus_is(page, "#onboard-naam"), where_focus_is(page)
    page.keyboard.type("Kim")
    press(page, "Enter")
    assert focus_is(page, "#onboard-begin"), where_focus_is(page)
    press(page, "Enter")
    expect(page.get_by_role("heading", name="Hallo Kim")).to_be_visible()

    # to the Relatiekaart, + Persoon: name, group, ring, Klaar; the focus comes back to + Persoon
    tab_to(page, "#tile-relatiekaart")
    press(page, "Enter")
    assert focus_is(page, "#content"), where_focus_is(page)
    tab_to(page, "#rk-add")
    press(page, "Enter")
    assert focus_is(page, "#person-naam"), where_focus_is(page)
    page.keyboard.type("Marieke")
    press(page, "Enter")
    expect(page.locator("#sheet-title")).to_have_text("Marieke")
    tab_to(page, '#person-sector [data-value="familie"]')
    press(page, "Enter")
    tab_to(page, '#person-nabijheid [data-value="heel_dichtbij"]')
    press(page, "Enter")
    tab_to(page, "#person-done")
    press(page, "Enter")
    expect(page.locator(".sheet-person")).to_have_count(0)
    assert focus_is(page, "#rk-add"), where_focus_is(page)

    # the marker: arrows move it, Enter opens the sheet, Esc closes it and the focus is on the marker again
    marker = 'svg.rk-svg .rk-m[aria-label^="M Marieke,"]'
    tab_to(page, marker)
    expect(page.locator(marker)).to_have_attribute("data-ring", "heel_dichtbij")
    press(page, "ArrowDown")  # one ring further out
    expect(page.locator(marker)).to_have_attribute("data-ring", "dichtbij")
    assert focus_is(page, marker), where_focus_is(page)
    press(page, "Enter")
    expect(page.locator(".sheet-person #sheet-title")).to_have_text("Marieke")
    press(page, "Escape")
    expect(page.locator(".sheet-person")).to_have_count(0)
    assert focus_is(page, marker), where_focus_is(page)

    # the map's own skip link jumps over every person on it
    tab_to(page, "#rk-skip", back=True)
    press(page, "Enter")
    assert focus_is(page, "#rk-foot"), where_focus_is(page)


# ----- 200 % text, 320 px wide -----

# what sticks out sideways: the page wider than the window, or a visible element past its edge (except
# inside a box that scrolls sideways on purpose: the map zoomed in, the life line, the family tree)
OVERFLOW = """() => {
  const out = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > innerWidth + 1) out.push(`the page is ${doc.scrollWidth} px wide in a ${innerWidth} px window`);
  const sideways = (el) => { for (let p = el.parentElement; p; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX; if ((o === 'auto' || o === 'scroll') && p.id !== 'scroller') return true; }
    return false; };
  for (const el of document.querySelectorAll('#app *')) {
    if (out.length > 6) break;
    if (el.closest('.skip-link, .visually-hidden, [aria-hidden="true"], .sheet-backdrop')) continue;
    const r = el.getBoundingClientRect();
    if (r.width <= 1 || r.height <= 1 || getComputedStyle(el).visibility === 'hidden') continue;
    if ((r.right > innerWidth + 1 || r.left < -1) && !sideways(el)) {
      const name = el.id ? '#' + el.id : el.tagName.toLowerCase() + '.' + [...el.classList].join('.');
      out.push(`${name} '${(el.textContent || '').trim().slice(0, 30)}' spans ${Math.round(r.left)}..${Math.round(r.right)}`);
    }
  }
  return out;
}"""

ZOOMS = (
    ("200 % tekst, liggend", LANDSCAPE, 32),
    ("200 % tekst, staand", PORTRAIT, 32),
    ("320 px breed", {"width": 320, "height": 512}, 16),
)


def test_200_percent_text_and_320_px_reflow_lose_nothing(a11y):
    """The browser's text size at 200 % (its default font size, as in its settings) and a 320 px wide
    window: nothing sticks out sideways on any screen, and the Menu can be reached and opened."""
    page = demo_on(a11y, "start")
    cdp = page.context.new_cdp_session(page)
    problems: list[str] = []
    try:
        for label, viewport, font in ZOOMS:
            page.set_viewport_size(viewport)
            cdp.send("Page.setFontSizes", {"fontSizes": {"standard": font, "fixed": font * 13 // 16}})
            settle(page)
            for key in registered_screens():
                reach(page, key, WALK.get(key, Walk()))
                problems += [f"{label} / {key}: {p}" for p in page.evaluate(OVERFLOW)]
            reach(page, "personen", WALK["personen"])
            step(page, "#row-p-anna")  # the person sheet: beside the list only when there is room
            problems += [f"{label} / persoon: {p}" for p in page.evaluate(OVERFLOW)]
            step(page, "key:Escape")
            menu = page.locator("#btn-menu")
            menu.scroll_into_view_if_needed()
            box = menu.bounding_box()
            if not box or box["x"] < 0 or box["x"] + box["width"] > viewport["width"] + 1:
                problems.append(f"{label}: the Menu button is not on screen ({box})")
            step(page, "#btn-menu")
            expect(page.locator(".sheet-menu")).to_be_visible()
            problems += [f"{label} / menu: {p}" for p in page.evaluate(OVERFLOW)]
            step(page, "key:Escape")
    finally:
        cdp.send("Page.setFontSizes", {"fontSizes": {"standard": 16, "fixed": 13}})
        cdp.detach()
        page.set_viewport_size(LANDSCAPE)
        settle(page)
    assert not problems, "lost at 200 % text or 320 px:\n  " + "\n  ".join(problems)


# ----- focus back, live regions, the app's own messages, the toast -----

# (screen, clicks that open the sheet, how it is closed, where the focus must be then)
SHEETS = (
    ("start", ("#btn-menu",), "key:Escape", "#btn-menu"),
    ("start", ("#btn-menu", '[data-action="menu.save"]'), "key:Escape", "#btn-menu"),
    ("start", ("#btn-menu", '[data-action="menu.export"]'), ".sheet-close", "#btn-menu"),
    ("start", ("#btn-menu", '[data-action="menu.versions"]'), "key:Escape", "#btn-menu"),
    ("start", ("#btn-menu", "#menu-access"), "key:Escape", "#btn-menu"),
    ("start", ("#btn-menu", '[data-action="menu.new"]'), "#confirm-no", "#btn-menu"),
    ("start", ("#start-access",), ".sheet-close", "#start-access"),
    ("personen", ("#row-p-daan",), "#person-done", "#row-p-daan"),
    ("personen", ("#personen-add",), "key:Escape", "#personen-add"),
    ("overmij", ("#overmij-edit",), "key:Escape", "#overmij-edit"),
    ("relatiekaart", ('svg.rk-svg .rk-m[data-pid="p-daan"]',), "#person-done", 'svg.rk-svg .rk-m[data-pid="p-daan"]'),
)


def test_every_sheet_gives_the_focus_back_to_what_opened_it(a11y):
    page = demo_on(a11y, "start")
    wrong = []
    for key, opens, close, back in SHEETS:
        reach(page, key, WALK[key])
        for what in opens:
            step(page, what)
        expect(page.locator("#sheet .sheet")).to_have_count(1)
        inside = page.evaluate("() => document.getElementById('sheet').contains(document.activeElement)")
        step(page, close)
        expect(page.locator("#sheet .sheet")).to_have_count(0)
        if not inside:
            wrong.append(f"{' → '.join(opens)}: the sheet did not take the focus")
        if not focus_is(page, back):
            wrong.append(f"{' → '.join(opens)} → {close}: focus on {where_focus_is(page)}, not {back}")
    assert not wrong, "\n".join(wrong)


def test_save_status_and_errors_are_live_regions(a11y, tmp_path):
    page = demo_on(a11y, "start")
    status = page.locator('#savestatus[role="status"]')
    page.fill("#strength-new", "Goed luisteren")
    step(page, "#strength-add")
    expect(status).to_have_text(re.compile(r"Opgeslagen om \d\d:\d\d"), timeout=5000)
    bad = tmp_path / "kapot.json"
    bad.write_text("{ dit is geen dossier", encoding="utf-8")
    page.set_input_files("#file-input", str(bad))
    alert = page.locator('#alerts[role="alert"] .alert-text')
    expect(alert).to_contain_text("Je gegevens zijn niet veranderd")
    step(page, '[data-action="alert.dismiss"]')
    # a field's own message: announced (role=alert), tied to the field, no browser bubble
    step(page, "#strength-add")  # nothing typed
    error = page.locator('#strength-err[role="alert"]')
    expect(error).to_be_visible()
    assert page.get_attribute("#strength-new", "aria-describedby") == "strength-err"


def test_forms_give_the_apps_own_dutch_message_not_a_browser_bubble(a11y):
    page = a11y.page
    new_case(page)
    assert page.evaluate("() => document.querySelector('#onboard-naam').form.noValidate")
    step(page, "#onboard-next")  # no name typed
    field = page.locator("#onboard-naam")
    expect(page.locator('#onboard-naam-err[role="alert"]')).to_have_text(t("ui.onboard.name_needed"))
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(field).to_be_focused()
    assert page.evaluate("() => [...document.querySelectorAll('#app form')].every(f => f.noValidate)")
    assert page.evaluate("() => document.querySelectorAll('#app [required]').length") == 0
    open_demo(a11y)


TOAST_COVERS = """() => {
  const toast = document.getElementById('toast').getBoundingClientRect();
  const box = document.getElementById('scroller').getBoundingClientRect();
  const covered = [];
  for (const el of document.querySelectorAll('#scroller button, #scroller a[href], #scroller input, #scroller .person-row')) {
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height) continue;
    const top = Math.max(r.top, box.top), bottom = Math.min(r.bottom, box.bottom);
    if (bottom <= top) continue;  // scrolled out of sight
    const hit = document.elementFromPoint(r.left + r.width / 2, (top + bottom) / 2);
    if (hit && document.getElementById('toast').contains(hit)) covered.push(el.id || el.textContent.trim().slice(0, 30));
  }
  return {covered, toastTop: toast.top, toastHeight: toast.height, listBottom: box.bottom};
}"""


def test_the_toast_never_covers_rows_or_links(a11y):
    """The toast (what changed, Ongedaan maken) stays until the next screen, on its own strip between the
    screen and the bottom bar: the rows and links above it can always be read and tapped."""
    page = demo_on(a11y, "personen")
    for viewport in (LANDSCAPE, PORTRAIT):
        page.set_viewport_size(viewport)
        step(page, "#row-p-anna")
        page.fill("#person-rol", "tante van Sam")
        step(page, "#person-done")
        expect(page.locator(".toast")).to_contain_text("Anna")
        for scroll in (0, 400, 10**6):
            page.evaluate("(y) => { document.getElementById('scroller').scrollTop = y; }", scroll)
            settle(page)
            seen = page.evaluate(TOAST_COVERS)
            assert seen["toastHeight"] > 0 and seen["toastTop"] >= seen["listBottom"] - 1, (viewport, seen)
            assert not seen["covered"], (viewport, scroll, seen["covered"])
        # with the person sheet open (portrait: the lower part) the toast still covers nothing
        step(page, "#row-p-daan")
        page.fill("#person-rol", "broer van Sam")
        page.keyboard.press("Tab")
        settle(page)
        expect(page.locator(".toast")).to_contain_text("Daan")
        assert not page.evaluate(TOAST_COVERS)["covered"], viewport
        page.locator(".toast").get_by_role("button", name="Ongedaan maken").click()
        settle(page)
        expect(page.locator("#person-rol")).to_have_value("broer")
        step(page, "key:Escape")
    page.set_viewport_size(LANDSCAPE)
    step(page, "#bar-start")  # another screen: the toast has done its work
    expect(page.locator(".toast")).to_have_count(0)


# ----- another tab: last in this module, because an ended session needs a new page -----

OTHER_TAB = "(message) => new BroadcastChannel('snv').postMessage(message)"  # what another tab of the app sends


def test_messages_from_another_tab_conflict_and_ended_session(a11y):
    """The banner when another tab saved this case, and the screen after another tab ended the session:
    axe and 44 px targets in both orientations (the walk cannot reach them: they need a second tab)."""
    page = demo_on(a11y, "start")
    found = Findings()
    page.evaluate(OTHER_TAB, {"t": "saved", "rev": 10**9})
    expect(page.locator("#conflict-banner")).to_be_visible()
    for orientation, viewport in (("liggend", LANDSCAPE), ("staand", PORTRAIT)):
        page.set_viewport_size(viewport)
        settle(page)
        check(page, found, f"{orientation} / ander tabblad / opgeslagen")
    page.evaluate(OTHER_TAB, {"t": "ended"})
    expect(page.locator("#ended-again")).to_be_visible()
    for orientation, viewport in (("staand", PORTRAIT), ("liggend", LANDSCAPE)):
        page.set_viewport_size(viewport)
        settle(page)
        check(page, found, f"{orientation} / ander tabblad / sessie beëindigd")
    problems = {k: v for k, v in found.axe.items() if v} | {k: v for k, v in found.small.items() if v}
    assert not problems, problems
