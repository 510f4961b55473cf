"""Gebeurteniskaart in the real browser on a tablet with touch: make two events by tapping (one fijn
with a year, one moeilijk with an age and a person), reload and see them in time order, show the
person on the relatiekaart, export the SVG through the menu and open it again."""
from __future__ import annotations

from pathlib import Path

from snv.model import parse_case

from . import stored
from .conftest import new_context, reload_app

KLANT = "p-sam"
CASE = {
    "schema_version": 2, "id": "c-gk", "klant_id": KLANT, "fase": "netwerkatlas",
    "personen": [
        {"id": KLANT, "naam": "Sam", "rol": "ik", "geboortejaar": 2001},
        {"id": "p-marieke", "naam": "Marieke", "rol": "tante", "sector": "familie", "nabijheid": "heel_dichtbij"},
        {"id": "p-gerda", "naam": "Gerda", "rol": "buurvrouw", "sector": "buren_buurt", "nabijheid": "dichtbij"},
    ],
    "banden": [{"a": KLANT, "b": "p-marieke", "kwaliteit": "goed"}],
}


def boot(page, open_app) -> None:
    open_app(page, case=parse_case(CASE))
    go_to_screen(page)


def go_to_screen(page) -> None:
    page.locator('#bar [data-action="app.go"][data-screen="gebeurteniskaart"]').tap()
    page.wait_for_selector("#gk-scroll svg.gk-svg")


def tap(page, selector: str) -> None:
    page.locator(selector).tap()


def new_event(page, titel: str, gevoel: str, kind: str, value: str) -> None:
    tap(page, "#gk-add")
    page.locator("#gk-titel").fill(titel)
    page.locator("#gk-titel").press("Enter")  # committed as when the field is left
    page.wait_for_selector("#gk-gevoel")
    tap(page, f'#gk-gevoel [data-value="{gevoel}"]')
    tap(page, f'#gk-wanneer [data-value="{kind}"]')
    field = page.locator(f"#gk-{kind}")
    field.fill(value)
    field.press("Enter")
    page.wait_for_selector(f'#gk-gevoel [data-value="{gevoel}"][aria-pressed="true"]')


def card_ids(page) -> list[str]:
    return page.eval_on_selector_all("#gk-scroll .gk-ev", "els => els.map(e => e.dataset.id)")


def test_make_events_by_touch_reload_show_on_map_export_and_open_again(page, open_app, browser):
    boot(page, open_app)
    assert "Begin met iets fijns" in page.locator("#content").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")  # no sideways page scroll

    new_event(page, "Logeren op de boerderij", "fijn", "jaar", "2010")
    new_event(page, "Verhuisd naar de stad", "moeilijk", "leeftijd", "8")
    page.wait_for_selector('#gk-leeftijd-hint:has-text("2009")')
    tap(page, '#gk-panel [data-action="gebeurteniskaart.person"][data-pid="p-marieke"]')
    page.wait_for_selector('#gk-panel .gk-chip.is-on[data-pid="p-marieke"]')
    stored.wait_stored(page, "(c.gebeurtenissen || []).length === 2 && c.gebeurtenissen.some("
                             "g => g.wanneer && g.wanneer.leeftijd === 8 && g.personen.includes('p-marieke'))")
    # a story typed and left alone reaches storage after a quiet second, without leaving the field
    page.locator("#gk-verhaal").press_sequentially("Met de trein", delay=20)
    stored.wait_stored(page, "(c.gebeurtenissen || []).some(g => g.verhaal === 'Met de trein')")
    assert page.evaluate("document.activeElement.id") == "gk-verhaal"

    # the cards are named buttons: fijn above the line, moeilijk below it
    up = page.get_by_role("button", name="Logeren op de boerderij 2010, fijn")
    down = page.get_by_role("button", name="Verhuisd naar de stad 8 jaar, moeilijk")
    line_y = page.locator("#gk-scroll .gk-line").first.bounding_box()["y"]
    card_up, card_down = up.locator("rect.gk-card").bounding_box(), down.locator("rect.gk-card").bounding_box()
    assert card_up["y"] + card_up["height"] < line_y < card_down["y"]
    assert min(card_up["height"], card_up["width"], card_down["height"]) >= 44

    reload_app(page)
    go_to_screen(page)
    ids = card_ids(page)
    assert len(ids) == 2
    titles = [page.locator(f'#gk-scroll .gk-ev[data-id="{i}"]').get_attribute("aria-label") for i in ids]
    assert titles[0].startswith("Verhuisd naar de stad")  # age 8 = 2009, before 2010
    assert titles[1].startswith("Logeren op de boerderij")

    # the event's people on the relatiekaart
    page.locator(f'#gk-scroll .gk-ev[data-id="{ids[0]}"]').tap()
    tap(page, "#gk-show")
    page.wait_for_selector("svg.rk-svg .rk-m")
    assert page.locator('svg.rk-svg .rk-m.hl[data-pid="p-marieke"]').count() == 1
    assert page.locator('svg.rk-svg .rk-m.dim[data-pid="p-gerda"]').count() == 1
    assert "Gebeurtenis: Verhuisd naar de stad" in page.locator("#content").inner_text()
    tap(page, "#rk-event-clear")
    page.wait_for_selector('svg.rk-svg .rk-m[data-pid="p-gerda"]:not(.dim)')

    # export through the menu, open the file on a fresh tablet
    tap(page, "#btn-menu")
    tap(page, '[data-action="menu.export"]')
    with page.expect_download() as info:
        tap(page, "#export-gebeurteniskaart_svg")
    download = info.value
    assert download.suggested_filename.endswith("-gebeurteniskaart.svg")
    data = Path(download.path()).read_bytes()
    assert b"Logeren op de boerderij" in data and b"<script" not in data

    context = new_context(browser)
    try:
        fresh = context.new_page()
        open_app(fresh)
        fresh.set_input_files("#file-input", files=[{"name": download.suggested_filename,
                                                      "mimeType": "image/svg+xml", "buffer": data}])
        fresh.wait_for_selector('#bar [data-screen="gebeurteniskaart"]')
        go_to_screen(fresh)
        assert fresh.get_by_role("button", name="Verhuisd naar de stad 8 jaar, moeilijk").count() == 1
        assert len(card_ids(fresh)) == 2
    finally:
        context.close()
