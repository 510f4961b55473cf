"""Relatiekaart in the real browser: touch drag, taps, keyboard moves, undo/redo, snapshots and Vergelijk,
SVG export that opens again. Touch drags use Chromium's own touch input (CDP Input.dispatchTouchEvent),
so the page sees genuine pointer events with pointerType "touch" and pointer capture works as on a tablet.
"""
from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from snv.analysis.layout import geometry
from snv.model import parse_case

from . import stored as stored_case
from .conftest import reload_app

KLANT = "p-sam"


def _case(**extra) -> dict:
    personen = [
        {"id": KLANT, "naam": "Sam", "rol": "ik"},
        {"id": "p-marieke", "naam": "Marieke", "rol": "tante", "sector": "familie", "nabijheid": "heel_dichtbij"},
        {"id": "p-gerda", "naam": "Gerda", "rol": "buurvrouw", "sector": "buren_buurt", "nabijheid": "dichtbij"},
        {"id": "p-joost", "naam": "Joost", "rol": "begeleider", "sector": "hulpverlening", "nabijheid": "dichtbij",
         "professioneel": True},
    ]
    data = {
        "schema_version": 1, "id": "c-test", "klant_id": KLANT, "fase": "netwerkatlas",
        "personen": personen,
        "banden": [{"a": KLANT, "b": "p-marieke", "kwaliteit": "goed"},
                   {"a": KLANT, "b": "p-gerda", "kwaliteit": "conflict"},
                   {"a": "p-marieke", "b": "p-gerda", "kwaliteit": None}],
        "steun": [{"persoon": "p-marieke", "soort": "praktische_hulp", "richting": "krijgt"}],
    }
    data.update(extra)
    return data


def open_map(page, open_app, data: dict | None = None) -> None:
    """Open the app with `data` as the stored case and go to the Relatiekaart."""
    open_app(page, case=parse_case(data or _case()))
    page.locator('#bar [data-action="app.go"][data-screen="relatiekaart"]').click()
    page.wait_for_selector("svg.rk-svg .rk-m")


def marker(page, pid: str):
    return page.locator(f'svg.rk-svg .rk-m[data-pid="{pid}"]')


def stored(page) -> dict:
    return stored_case.stored_case(page)


def stored_person(page, pid: str) -> dict:
    return next(p for p in stored(page)["personen"] if p["id"] == pid)


def wait_stored(page, pid: str, **fields) -> None:
    """Autosave runs ≤ 1 s after an edit: wait until the stored case has the change."""
    checks = " && ".join(f"p[{json.dumps(k)}] === {json.dumps(v)}" for k, v in fields.items())
    stored_case.wait_stored(page, f"((p) => p && {checks})((c.personen || []).find(x => x.id === arg[0]))", arg=[pid])


def to_screen(page, x: float, y: float) -> tuple[float, float]:
    """Map units → client (CSS px) coordinates, through the SVG's own screen matrix."""
    return tuple(page.evaluate(
        "([x, y]) => { const s = document.querySelector('svg.rk-svg');"
        " const p = new DOMPoint(x, y).matrixTransform(s.getScreenCTM()); return [p.x, p.y]; }", [x, y]))


def cell_point(sector: str, ring: str, frac: float = 0.5, r_frac: float = 0.5) -> tuple[float, float]:
    geo = geometry()
    a0, a1 = geo.sector_angles(sector)
    r0, r1 = geo.ring_bounds(ring)
    return geo.polar(a0 + (a1 - a0) * frac, r0 + (r1 - r0) * r_frac)


def marker_centre(page, pid: str) -> tuple[float, float]:
    box = marker(page, pid).locator(".rk-shape").bounding_box()
    return (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def touch_drag(page, start: tuple[float, float], end: tuple[float, float], steps: int = 12,
               before_end=None) -> None:
    """A finger drag through Chromium's touch input (real touch → pointer events, pointerType 'touch')."""
    cdp = page.context.new_cdp_session(page)
    (x0, y0), (x1, y1) = start, end
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x0, "y": y0}]})
    for i in range(1, steps + 1):
        f = i / steps
        cdp.send("Input.dispatchTouchEvent",
                 {"type": "touchMove", "touchPoints": [{"x": x0 + (x1 - x0) * f, "y": y0 + (y1 - y0) * f}]})
    if before_end is not None:
        before_end()
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    cdp.detach()


def record_pointer_types(page) -> None:
    page.evaluate("window.__ptypes = []; document.addEventListener('pointerdown',"
                  " e => window.__ptypes.push(e.pointerType), true)")


# ---------------------------------------------------------------------------------------------


def test_touch_drag_moves_person_persists_and_undo_redo(page, open_app):
    open_map(page, open_app)
    record_pointer_types(page)
    start = marker_centre(page, "p-marieke")
    end = to_screen(page, *cell_point("familie", "verder_weg"))
    labels = []
    touch_drag(page, start, end, before_end=lambda: labels.append(page.locator(".rk-drag-label").text_content()))
    assert page.evaluate("window.__ptypes") == ["touch"]
    assert labels == ["Familie · verder weg"]  # the floating label named the target while dragging
    page.wait_for_selector('.rk-m[data-pid="p-marieke"][data-ring="verder_weg"]')
    assert page.locator(".rk-drag-label").count() == 0
    assert "Marieke verplaatst" in page.locator("#toast").inner_text()
    wait_stored(page, "p-marieke", nabijheid="verder_weg", sector="familie")

    reload_app(page)
    page.locator('#bar [data-screen="relatiekaart"]').click()
    assert marker(page, "p-marieke").get_attribute("data-ring") == "verder_weg"

    # undo in the same session (history does not survive a reload): move again, then undo / redo
    touch_drag(page, marker_centre(page, "p-marieke"), to_screen(page, *cell_point("vrienden_kennissen", "dichtbij")))
    page.wait_for_selector('.rk-m[data-pid="p-marieke"][data-sector="vrienden_kennissen"][data-ring="dichtbij"]')
    page.locator('[data-action="app.undo"]').first.click()
    page.wait_for_selector('.rk-m[data-pid="p-marieke"][data-sector="familie"][data-ring="verder_weg"]')
    wait_stored(page, "p-marieke", nabijheid="verder_weg", sector="familie")
    page.locator("body").press("Control+Shift+Z")
    page.wait_for_selector('.rk-m[data-pid="p-marieke"][data-sector="vrienden_kennissen"][data-ring="dichtbij"]')
    page.locator("body").press("Control+z")
    page.wait_for_selector('.rk-m[data-pid="p-marieke"][data-sector="familie"][data-ring="verder_weg"]')


def test_drop_off_the_map_cancels(page, open_app):
    open_map(page, open_app)
    before = marker(page, "p-gerda").get_attribute("transform")
    start = marker_centre(page, "p-gerda")
    corner = to_screen(page, 995, 995)  # outside the rings
    touch_drag(page, start, corner)
    assert marker(page, "p-gerda").get_attribute("transform") == before
    assert marker(page, "p-gerda").get_attribute("data-ring") == "dichtbij"
    assert page.locator(".rk-drag-label").count() == 0
    assert stored_person(page, "p-gerda")["nabijheid"] == "dichtbij"
    assert not page.locator('[data-action="app.undo"]').first.is_enabled()


def test_small_movement_is_a_tap_that_opens_the_sheet(page, open_app):
    open_map(page, open_app)
    x, y = marker_centre(page, "p-joost")
    touch_drag(page, (x, y), (x + 4, y + 3), steps=3)  # less than 8 px: still a tap
    naam = page.locator("#person-naam")
    naam.wait_for()
    assert naam.input_value() == "Joost"
    assert marker(page, "p-joost").get_attribute("data-ring") == "dichtbij"
    # landscape: the map takes all the room beside the sheet (no empty strip on its left)
    content = page.locator("#content").bounding_box()
    sheet = page.locator("#sheet .sheet").bounding_box()
    assert content["x"] == 0 and abs(content["x"] + content["width"] - sheet["x"]) <= 1, (content, sheet)
    box = page.locator("#rk-scroll").bounding_box()
    assert box["width"] >= content["width"] - 40, (box, content)


def test_keyboard_moves_and_enter_opens_sheet(page, open_app):
    open_map(page, open_app)
    m = marker(page, "p-marieke")
    assert m.get_attribute("role") == "button" and m.get_attribute("tabindex") == "0"
    assert m.get_attribute("aria-label").startswith("M Marieke, tante, Familie, heel dichtbij, lijn goed")
    m.focus()
    page.keyboard.press("ArrowDown")
    page.wait_for_selector('.rk-m[data-pid="p-marieke"][data-ring="dichtbij"]')
    assert page.evaluate("document.activeElement.dataset.pid") == "p-marieke"  # focus stays on the person
    page.keyboard.press("ArrowRight")
    page.wait_for_selector('.rk-m[data-pid="p-marieke"][data-sector="vrienden_kennissen"]')
    page.keyboard.press("ArrowUp")
    page.wait_for_selector('.rk-m[data-pid="p-marieke"][data-ring="heel_dichtbij"]')
    wait_stored(page, "p-marieke", sector="vrienden_kennissen", nabijheid="heel_dichtbij")
    page.keyboard.press("Control+z")
    page.wait_for_selector('.rk-m[data-pid="p-marieke"][data-ring="dichtbij"]')
    marker(page, "p-marieke").focus()
    page.keyboard.press("Enter")
    page.locator("#person-naam").wait_for()
    assert page.locator("#person-naam").input_value() == "Marieke"


def test_tap_empty_spot_prefills_sector_and_ring(page, open_app):
    open_map(page, open_app)
    count = len(stored(page)["personen"])
    x, y = to_screen(page, *cell_point("buren_buurt", "verder_weg", frac=0.2))
    page.touchscreen.tap(x, y)
    page.locator("#person-naam").wait_for()
    assert page.locator('#person-sector [aria-pressed="true"]').get_attribute("data-value") == "buren_buurt"
    assert page.locator('#person-nabijheid [aria-pressed="true"]').get_attribute("data-value") == "verder_weg"
    assert len(stored(page)["personen"]) == count  # nothing exists until a name is typed
    page.locator("#person-naam").fill("Wim")
    page.locator("#person-naam").press("Tab")
    page.wait_for_selector('svg.rk-svg .rk-m[aria-label^="W Wim,"][data-sector="buren_buurt"][data-ring="verder_weg"]')


def test_layers_toggle_and_hostile_names_stay_text(page, open_app):
    data = _case()
    data["personen"].append({"id": "p-x", "naam": '"><img src=x onerror=alert(1)>', "sector": "vrienden_kennissen",
                             "nabijheid": "dichtbij"})
    open_map(page, open_app, data)
    assert page.locator("svg.rk-svg img, #content img").count() == 0
    assert '"><img' in marker(page, "p-x").locator(".rk-label").text_content()
    assert page.locator("svg.rk-svg .rk-members line").count() == 0
    page.get_by_role("button", name="Lijnen tussen anderen").click()
    assert page.locator("svg.rk-svg .rk-members line").count() == 1
    assert page.get_by_role("button", name="Lijnen tussen anderen").get_attribute("aria-pressed") == "true"
    assert page.locator("svg.rk-svg .rk-sup").count() == 0
    page.get_by_role("button", name="Steun tonen").click()
    assert page.locator('svg.rk-svg .rk-m[data-pid="p-marieke"] .rk-sup.s-praktische_hulp.r-krijgt').count() == 1
    assert page.locator("svg.rk-svg .q-conflict .rk-bolt").text_content() == "⚡"


def test_snapshot_then_compare_shows_badge_and_list(page, open_app):
    open_map(page, open_app)
    page.get_by_role("button", name="Kaart van vandaag", exact=True).click()
    title = page.locator("#rk-snap-title")
    assert title.input_value().startswith("Kaart van ")
    title.fill("Voor het gesprek")
    page.locator("#rk-snap-make").click()
    stored_case.wait_stored(page, "(c.momentopnamen || []).length === 1")
    assert stored(page)["momentopnamen"][0]["titel"] == "Voor het gesprek"
    # Gerda comes closer (keyboard), then compare the snapshot with now (the default)
    marker(page, "p-gerda").focus()
    page.keyboard.press("ArrowUp")
    page.wait_for_selector('.rk-m[data-pid="p-gerda"][data-ring="heel_dichtbij"]')
    page.get_by_role("button", name="Vergelijk", exact=True).click()
    badge = page.locator('svg.rk-svg .rk-m[data-pid="p-gerda"] .rk-badge.b-dichterbij')
    badge.wait_for()
    assert "dichterbij" in badge.text_content()
    group = page.locator(".rk-diff .rk-diff-group.g-dichterbij")
    assert "Dichterbij" in group.locator("h3").inner_text()
    assert "Gerda" in group.inner_text()


def test_export_svg_downloads_and_opens_again(page, open_app, browser):
    open_map(page, open_app)
    page.locator("#rk-export").click()
    with page.expect_download() as info:
        page.locator("#export-kaart_svg").click()
    download = info.value
    assert download.suggested_filename == f"netwerkatlas-sam-{dt.date.today().isoformat()}.svg"
    data = Path(download.path()).read_bytes()
    root = ET.fromstring(data)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert "Marieke" in "".join(root.itertext())

    # a fresh tablet: open the file with the app's own file picker
    from tests.e2e.conftest import new_context

    context = new_context(browser)
    try:
        fresh = context.new_page()
        open_app(fresh)
        fresh.set_input_files("#file-input", files=[{"name": download.suggested_filename,
                                                      "mimeType": "image/svg+xml", "buffer": data}])
        fresh.locator('#bar [data-screen="relatiekaart"]').click()
        fresh.wait_for_selector('svg.rk-svg .rk-m[data-pid="p-marieke"][data-ring="heel_dichtbij"]')
        assert fresh.locator('svg.rk-svg .rk-m[data-pid="p-joost"]').get_attribute("aria-label").startswith("J Joost,")
    finally:
        context.close()


def test_list_view_names_everyone_in_words(page, open_app):
    open_map(page, open_app)
    page.get_by_role("button", name="Als lijst").click()
    panel = page.locator("#rk-panel")
    text = panel.inner_text()
    assert "Familie" in text and "Marieke" in text and "Lijn: goed." in text
    assert "Praktische hulp: Marieke helpt mij" in text
    assert "Lijn: ruzie." in text
    panel.get_by_role("button", name="Gerda").click()
    assert page.locator("#person-naam").input_value() == "Gerda"


@pytest.mark.parametrize("viewport", [{"width": 1024, "height": 768}, {"width": 768, "height": 1024}])
def test_markers_have_44px_hit_area_and_map_fits(page, open_app, viewport):
    page.set_viewport_size(viewport)
    open_map(page, open_app)
    hit = marker(page, "p-marieke").locator(".rk-hit").bounding_box()
    assert hit["width"] >= 44 and hit["height"] >= 44
    svg = page.locator("svg.rk-svg").bounding_box()
    assert svg["x"] >= 0 and svg["x"] + svg["width"] <= viewport["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]  # no sideways scrolling
