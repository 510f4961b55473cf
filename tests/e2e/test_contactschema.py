"""Contactschema and the finished relatiekaart in the real browser, on a tablet with touch: make contact rows
by taps (frequency, how, feeling, wish) and typing, sort, reload; connect two members on the map
(*Verbinden*), the *Hoe vaak?* layer; export the contactschema as SVG through the menu and open it again."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from snv.model import parse_case

from . import stored as stored_case
from .conftest import reload_app

KLANT = "p-sam"


def _case() -> dict:
    return {
        "schema_version": 2, "id": "c-contact", "klant_id": KLANT, "fase": "netwerkatlas",
        "personen": [
            {"id": KLANT, "naam": "Sam", "rol": "ik"},
            {"id": "p-anna", "naam": "Anna", "rol": "tante", "sector": "familie", "nabijheid": "heel_dichtbij"},
            {"id": "p-tom", "naam": "Tom", "rol": "vriend", "sector": "vrienden_kennissen", "nabijheid": "dichtbij"},
            {"id": "p-gerda", "naam": "Gerda", "rol": "buurvrouw", "sector": "buren_buurt", "nabijheid": "dichtbij"},
        ],
        "banden": [{"a": KLANT, "b": "p-anna", "kwaliteit": "neutraal"},
                   {"a": KLANT, "b": "p-tom", "kwaliteit": "neutraal"}],
    }


def go(page, key: str) -> None:
    page.locator(f'#bar [data-action="app.go"][data-screen="{key}"]').tap()
    page.wait_for_selector(f"#content .screen-{key}" if key == "contactschema" else "svg.rk-svg .rk-m")


def stored_contact(page, pid: str, check: str) -> None:
    """Wait until autosave stored the row of `pid` and `check` (JS on `c`, the row) holds."""
    stored_case.wait_stored(page, f"((c) => !!c && ({check}))((c.contacten || []).find(x => x.persoon === arg[0]))",
                            arg=[pid])


def row_order(page) -> list[str]:
    return page.eval_on_selector_all(".cs-table tbody .cs-row", "rows => rows.map(r => r.dataset.pid)")


def test_contacts_by_taps_sort_reload_and_export_svg_opens_again(page, open_app, browser):
    open_app(page, case=parse_case(_case()))
    go(page, "contactschema")
    assert "Met wie heb je contact? Kies iemand uit je lijst." in page.locator("#cs-pick").inner_text()

    # add Anna from the list, then fill in her row by taps
    page.locator('#cs-pick [data-action="contactschema.pick"][data-pid="p-anna"]').tap()
    page.wait_for_selector("#cs-editor")
    for group, value in (("hoe_vaak", "wekelijks"), ("tevreden", "ja"), ("wens", "meer")):
        page.locator(f'#cs-ed-{group} [data-value="{value}"]').tap()
        page.wait_for_selector(f'#cs-ed-{group} [data-value="{value}"][aria-pressed="true"]')
    page.locator('#cs-ed-manieren [data-value="telefoon"]').tap()
    page.wait_for_selector('#cs-ed-manieren [data-value="telefoon"][aria-pressed="true"]')
    page.locator("#cs-samen").tap()
    page.locator("#cs-samen").press_sequentially("Samen vissen")  # committed after a quiet second
    stored_contact(page, "p-anna", "c.hoe_vaak === 'wekelijks' && c.tevreden === 'ja' && c.wens === 'meer'"
                                   " && c.manieren.join() === 'telefoon' && c.samen_doen === 'Samen vissen'")
    page.locator("#cs-done").tap()

    # a quick add by name, then sort by a column (again = reversed)
    page.locator("#cs-add").tap()
    page.locator("#cs-new").fill("Bram")
    page.locator("#cs-new").press("Enter")
    page.wait_for_selector('#cs-ed-hoe_vaak [data-value="dagelijks"]')
    page.locator('#cs-ed-hoe_vaak [data-value="dagelijks"]').tap()
    page.wait_for_selector('#cs-ed-hoe_vaak [data-value="dagelijks"][aria-pressed="true"]')
    assert "Bram" in page.locator("#toast").inner_text()
    header = page.locator('th.cs-c-hoe_vaak [data-action="contactschema.sort"]')
    header.tap()
    page.wait_for_selector('th.cs-c-hoe_vaak[aria-sort="ascending"]')
    assert row_order(page)[-1] == "p-anna"  # Bram (dagelijks) before Anna (wekelijks)
    page.locator('th.cs-c-hoe_vaak [data-action="contactschema.sort"]').tap()
    page.wait_for_selector('th.cs-c-hoe_vaak[aria-sort="descending"]')
    assert row_order(page)[0] == "p-anna"
    assert page.evaluate("document.documentElement.scrollWidth") <= 1024  # no sideways scrolling
    stored_case.wait_stored(page, "(c.contacten || []).length === 2 && c.contacten[1].hoe_vaak === 'dagelijks'")

    reload_app(page)
    go(page, "contactschema")
    text = page.locator(".cs-table").inner_text()
    assert "Anna" in text and "Bram" in text and "Samen vissen" in text and "Elke week" in text

    # export through the menu, then open that SVG on a fresh tablet
    page.locator("#btn-menu").tap()
    page.locator('[data-action="menu.export"]').tap()
    with page.expect_download() as info:
        page.locator("#export-contactschema_svg").tap()
    download = info.value
    assert download.suggested_filename.endswith("-contactschema.svg")
    data = Path(download.path()).read_bytes()
    root = ET.fromstring(data)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert "Contactschema van Sam" in "".join(root.itertext()) and "Samen vissen" in "".join(root.itertext())

    from tests.e2e.conftest import new_context

    context = new_context(browser, viewport={"width": 768, "height": 1024}, has_touch=True)
    try:
        fresh = context.new_page()
        open_app(fresh)
        fresh.set_input_files("#file-input", files=[{"name": download.suggested_filename,
                                                      "mimeType": "image/svg+xml", "buffer": data}])
        fresh.wait_for_selector('#bar [data-screen="contactschema"]')
        go(fresh, "contactschema")
        assert row_order(fresh)[0] == "p-anna" and "Bram" in fresh.locator(".cs-table").inner_text()
        assert fresh.evaluate("document.documentElement.scrollWidth") <= 768
    finally:
        context.close()


def test_connect_two_members_by_taps_and_the_frequency_layer(page, open_app):
    data = _case()
    data["contacten"] = [{"persoon": "p-anna", "hoe_vaak": "dagelijks"}, {"persoon": "p-tom", "hoe_vaak": "zelden"}]
    open_app(page, case=parse_case(data))
    go(page, "relatiekaart")
    page.locator("#rk-connect").tap()
    page.wait_for_selector(".rk-stage[data-connect]")
    assert "tik op de eerste persoon" in page.locator("#rk-connect-bar").inner_text()
    page.locator('svg.rk-svg .rk-m[data-pid="p-tom"] .rk-shape').tap()
    page.wait_for_selector('.rk-m.is-chosen[data-pid="p-tom"]')
    page.locator('svg.rk-svg .rk-m[data-pid="p-gerda"] .rk-shape').tap()
    page.wait_for_selector('.rk-members line[data-a="p-tom"][data-b="p-gerda"]')
    assert "Lijn tussen Tom en Gerda" in page.locator("#toast").inner_text()
    assert page.locator("#sheet .sheet-person").count() == 0  # connecting taps open no sheet
    stored_case.wait_stored(page, "(c.banden || []).some(b => b.a === 'p-tom' && b.b === 'p-gerda')")
    page.locator("#rk-connect-stop").tap()
    page.wait_for_selector(".rk-stage:not([data-connect])")

    # a tap on that line (lines between others are shown) opens it: set its kind, then remove it
    page.locator('[data-action="relatiekaart.lines"]').tap()
    mid = page.evaluate("""() => { const l = document.querySelector('.rk-members line[data-a="p-tom"]');
        const g = (k) => parseFloat(l.getAttribute(k));
        const p = new DOMPoint((g('x1') + g('x2')) / 2, (g('y1') + g('y2')) / 2)
          .matrixTransform(l.ownerSVGElement.getScreenCTM()); return [p.x, p.y]; }""")
    page.touchscreen.tap(mid[0] + 4, mid[1])
    page.wait_for_selector("#rk-tie-remove")
    assert "Lijn tussen Tom en Gerda" in page.locator("#rk-panel").inner_text()
    page.locator('#rk-tie-kind [data-value="goed"]').tap()
    stored_case.wait_stored(page, "(c.banden || []).some(b => b.a === 'p-tom' && b.kwaliteit === 'goed')")
    page.locator("#rk-tie-remove").tap()
    page.wait_for_selector('.rk-members line[data-a="p-tom"]', state="detached")
    stored_case.wait_stored(page, "!(c.banden || []).some(b => b.a === 'p-tom' && b.b === 'p-gerda')")

    width = "(pid) => parseFloat(document.querySelector(`.rk-tie[data-pid=\"${pid}\"]`).getAttribute('stroke-width'))"
    assert page.evaluate(width, "p-anna") == page.evaluate(width, "p-tom")  # both neutraal: same width
    page.locator("#rk-freq").tap()
    page.wait_for_selector(".rk-tie.f-dagelijks")
    assert page.evaluate(width, "p-anna") > page.evaluate(width, "p-tom")  # daily is thicker than rarely
    assert "Lijn elke dag" in page.locator(".rk-legend").text_content()
    stored = json.dumps(stored_case.stored_case(page))
    assert '"dagelijks"' in stored
