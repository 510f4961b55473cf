"""The relatiekaart with 40 persons on a 1024×768 tablet: at the default zoom no text under 14 CSS px
and no two marker tap areas overlapping (measured in Chromium, like render/map_readability.py does
under CPython); *Hele kaart* shows all of it, *Groter* and a two-finger pinch zoom, *Groot scherm*
gives the map the whole screen and Esc ends it."""
from __future__ import annotations

import sys
from pathlib import Path

from snv.model.demo import big_case, demo_case

from .conftest import start_with

sys.path.insert(0, str(Path(__file__).parents[1] / "unit"))  # not a package: as tests/bench does
from map_cases import demo_grown

# the smallest rendered text (font-size × the screen scale of its element) and the marker hit circles
MEASURE = """() => {
  const svg = document.querySelector('svg.rk-svg');
  let small = Infinity, which = '';
  for (const el of svg.querySelectorAll('text')) {
    if (!el.textContent.trim() || getComputedStyle(el).display === 'none') continue;
    const m = el.getScreenCTM();
    const px = parseFloat(getComputedStyle(el).fontSize) * Math.hypot(m.a, m.b);
    if (px < small) { small = px; which = el.textContent; }
  }
  const hits = [...svg.querySelectorAll('.rk-m .rk-hit')].map(c => {
    const r = c.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2, r.width / 2]; });
  let overlaps = 0, smallest_tap = Infinity;
  hits.forEach((a, i) => { smallest_tap = Math.min(smallest_tap, 2 * a[2]);
    hits.slice(i + 1).forEach(b => { if (Math.hypot(a[0] - b[0], a[1] - b[1]) < a[2] + b[2] - 0.5) overlaps++; }); });
  const box = document.getElementById('rk-scroll');
  return {small, which, overlaps, smallest_tap, markers: hits.length, width: svg.getBoundingClientRect().width,
          fit: Math.min(box.clientWidth, box.clientHeight)};
}"""


def map_width(page) -> float:
    return page.evaluate("document.querySelector('svg.rk-svg').getBoundingClientRect().width")


def pinch(page, centre: tuple[float, float], start: float, end: float, steps: int = 8) -> None:
    """Two fingers through Chromium's touch input, `start` → `end` px apart around `centre`."""
    cdp = page.context.new_cdp_session(page)
    x, y = centre

    def points(d: float) -> list[dict]:
        return [{"x": x - d / 2, "y": y, "id": 0}, {"x": x + d / 2, "y": y, "id": 1}]

    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": points(start)})
    for i in range(1, steps + 1):
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": points(start + (end - start) * i / steps)})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    cdp.detach()


def open_map(page, case) -> None:
    """Store `case` as the saved case, start the app again and open its relatiekaart."""
    start_with(page, case)
    page.locator('#bar [data-action="app.go"][data-screen="relatiekaart"]').click()
    page.wait_for_selector("svg.rk-svg .rk-m")


def test_forty_persons_are_readable_then_whole_map_zoom_pinch_and_full_screen(page, open_app):
    open_app(page)
    open_map(page, big_case(41))  # the client and 40 persons
    page.wait_for_function("document.getElementById('rk-zoom-out') && !document.getElementById('rk-zoom-out').disabled")

    seen = page.evaluate(MEASURE)
    assert seen["markers"] == 40
    assert seen["small"] >= 14 - 0.05, seen
    assert seen["overlaps"] == 0 and seen["smallest_tap"] >= 44 - 0.5, seen
    assert seen["width"] > seen["fit"]  # readable is bigger than the screen here: the view pans
    # a line under the map says so; it, the view and *Groot scherm* all stay above the bottom bar
    more, view, bar = (page.locator(sel).bounding_box() for sel in ("#rk-more", "#rk-scroll", "#bar"))
    assert "Groot scherm" in page.locator("#rk-more").inner_text()
    assert view["y"] + view["height"] <= more["y"] and more["y"] + more["height"] <= bar["y"] + 0.5, (view, more, bar)
    full_button = page.locator("#rk-full").bounding_box()
    assert full_button["y"] + full_button["height"] <= bar["y"] + 0.5, (full_button, bar)

    page.locator("#rk-whole").click()  # the whole map in its box, smaller names: an overview
    page.wait_for_function("(() => { const s = document.getElementById('rk-scroll'); return !document.getElementById('rk-more')"
                           " && Math.abs(document.querySelector('svg.rk-svg').getBoundingClientRect().width"
                           " - Math.min(s.clientWidth, s.clientHeight)) < 2; })()")
    whole = page.evaluate(MEASURE)
    # without the line the view has the square the CPython test (tests/unit/test_map_readability.py) assumes
    assert whole["fit"] >= 556 - 1, whole
    assert whole["smallest_tap"] >= 44 - 0.5  # taps never get smaller than 44 px, even zoomed out

    page.locator("#rk-zoom-in").click()
    page.wait_for_function(f"document.querySelector('svg.rk-svg').getBoundingClientRect().width > {seen['fit'] * 1.2}")
    before = map_width(page)
    box = page.locator("#rk-scroll").bounding_box()
    pinch(page, (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2), 100, 220)
    page.wait_for_function(f"document.querySelector('svg.rk-svg').getBoundingClientRect().width > {before * 1.5}")
    assert page.locator("#rk-whole").is_enabled()

    page.locator("#rk-full").click()  # *Groot scherm*: the map takes the whole window
    page.wait_for_selector(".rk.is-full")
    assert page.locator("#rk-more").count() == 0  # the whole window is map: nothing to say
    main = page.locator(".rk-main").bounding_box()
    assert (main["x"], main["y"], main["width"], main["height"]) == (0, 0, 1024, 768)
    assert page.locator("#bar").is_hidden() or page.evaluate("getComputedStyle(document.getElementById('bar')).visibility") == "hidden"
    page.locator("#rk-whole").click()  # fit again: in Groot scherm the 40 persons fit unpanned, still readable
    page.wait_for_function("document.getElementById('rk-whole').disabled")
    full = page.evaluate(MEASURE)
    assert full["width"] <= full["fit"] + 1 and full["small"] >= 14 - 0.05 and full["overlaps"] == 0, full
    page.keyboard.press("Escape")
    page.wait_for_selector(".rk:not(.is-full)")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1024  # no sideways scrolling of the page

    # the demo (30 people) on a portrait tablet: the view buttons sit beside the heading, so the map's box
    # is as high as a readable 30-person map needs and nothing pans
    page.set_viewport_size({"width": 768, "height": 1024})
    open_map(page, demo_case())
    page.wait_for_function("document.getElementById('rk-scroll').clientHeight > 0")
    portrait = page.evaluate(MEASURE)
    assert portrait["markers"] == 30 and portrait["fit"] >= 556 - 1, portrait
    assert portrait["width"] <= portrait["fit"] + 1 and portrait["small"] >= 14 - 0.05 and portrait["overlaps"] == 0, portrait

    # back in landscape, 33 persons need one step more than the screen (588 px): the line shows. One fewer
    # fits (556 px): the line goes and the map fits its view, as high again as before the line took room
    page.set_viewport_size({"width": 1024, "height": 768})
    open_map(page, demo_grown(33))
    page.wait_for_selector("#rk-more")
    page.locator('svg.rk-svg .rk-m[data-pid="p-more-2"]').click()
    page.locator("#person-delete").click()
    page.locator("#confirm-yes").click()
    page.wait_for_function("!document.querySelector('.sheet-person') && !document.getElementById('rk-more')")
    page.wait_for_function("document.getElementById('rk-scroll').clientHeight >= 556 - 1")
    fits = page.evaluate(MEASURE)
    assert fits["markers"] == 32 and fits["width"] <= fits["fit"] + 1 and fits["small"] >= 14 - 0.05, fits
