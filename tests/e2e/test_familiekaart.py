"""Familiekaart in the real browser on a tablet with touch: build a small family through the UI (add a
parent, a partner, a child, a sibling), reload and see it still there, find the new person in Personen,
export the SVG through the menu and open it again: the family is back."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from snv.model import parse_case

from . import stored as stored_case
from .conftest import reload_app

KLANT = "p-sam"


def _open(page, open_app) -> None:
    open_app(page, case=parse_case({"schema_version": 2, "id": "c-fam", "klant_id": KLANT, "fase": "netwerkatlas",
                                    "personen": [{"id": KLANT, "naam": "Sam", "geslacht": "man", "geboortejaar": 2001}]}))
    page.locator('#bar [data-action="app.go"][data-screen="familiekaart"]').tap()
    page.wait_for_selector("#fk-empty")


def _add(page, pid: str, relation: str, naam: str, jaar: str, *choices: str) -> None:
    page.locator(f"#fk-p-{pid}").tap()
    page.locator(f"#fk-add-{relation}").tap()
    page.locator("#fk-naam").fill(naam)
    page.locator("#fk-jaar").fill(jaar)
    for label in choices:
        page.locator("#fk-panel").get_by_role("button", name=label, exact=True).tap()
    page.locator("#fk-add-submit").tap()
    page.wait_for_function("(n) => [...document.querySelectorAll('.fk-hit')].some(b => b.ariaLabel.startsWith(n))",
                           arg=naam)


def _names(page) -> list[str]:
    return page.eval_on_selector_all(".fk-hit", "els => els.map(e => e.getAttribute('aria-label').split(',')[0])")


def test_build_family_reload_personen_export_and_open_again(page, open_app, browser):
    _open(page, open_app)
    assert page.locator(".fk-hit").count() == 1  # only the client
    _add(page, KLANT, "ouder", "Marja", "1968", "Vrouw")
    assert "Marja toegevoegd als ouder van Sam" in page.locator("#toast").inner_text()
    marja = page.eval_on_selector(".fk-hit[aria-label^='Marja']", "e => e.dataset.pid")
    _add(page, marja, "partner", "Peter", "1966", "Man", "Gescheiden")
    _add(page, marja, "kind", "Daan", "1998", "Man", "Peter")  # "Samen met": Peter
    _add(page, KLANT, "broer_zus", "Lotte", "2010", "Vrouw")
    page.locator(f"#fk-p-{KLANT}").tap()
    page.wait_for_selector("#fk-panel")
    page.keyboard.press("Escape")  # Esc closes the panel and gives focus back to the symbol
    page.wait_for_selector("#fk-panel", state="detached")
    assert page.evaluate("document.activeElement.id") == f"fk-p-{KLANT}"
    assert sorted(_names(page)) == ["Daan", "Lotte", "Marja", "Peter", "Sam"]
    stored_case.wait_stored(page, "(c.personen || []).length === 5 && (c.partners || []).length === 1")
    stored = stored_case.stored_case(page)
    assert stored["partners"][0]["status"] == "gescheiden"
    # Daan is the child of Marja and Peter (chosen under "Samen met"), Lotte a child of Marja (Sam's one parent)
    names = {p["id"]: p["naam"] for p in stored["personen"]}
    links = {(names[o["ouder"]], names[o["kind"]]) for o in stored["ouder_kind"]}
    assert {("Marja", "Sam"), ("Marja", "Daan"), ("Peter", "Daan"), ("Marja", "Lotte")} <= links

    reload_app(page)
    page.locator('#bar [data-screen="familiekaart"]').tap()
    page.wait_for_selector(".fk-hit")
    assert sorted(_names(page)) == ["Daan", "Lotte", "Marja", "Peter", "Sam"]

    page.locator('#bar [data-screen="personen"]').tap()
    page.wait_for_selector(".person-row")
    assert "Lotte" in page.locator("#content").inner_text()

    # export through the menu: Delen en afdrukken → Familiekaart als plaatje
    page.locator('#bar [data-screen="familiekaart"]').tap()
    page.locator("#btn-menu").tap()
    page.locator('[data-action="menu.export"]').tap()
    with page.expect_download() as info:
        page.locator("#export-familiekaart_svg").tap()
    download = info.value
    assert download.suggested_filename == f"netwerkatlas-sam-{dt.date.today().isoformat()}-familiekaart.svg"
    data = Path(download.path()).read_bytes()
    assert b'id="snv-case"' in data and b"Familiekaart van Sam" in data

    fresh_context = browser.new_context(viewport={"width": 768, "height": 1024}, has_touch=True)
    try:
        fresh = fresh_context.new_page()
        open_app(fresh)
        fresh.set_input_files("#file-input", files=[{"name": download.suggested_filename,
                                                      "mimeType": "image/svg+xml", "buffer": data}])
        fresh.wait_for_selector('#bar [data-screen="familiekaart"]')
        fresh.locator('#bar [data-screen="familiekaart"]').tap()
        fresh.wait_for_selector(".fk-hit")
        assert sorted(_names(fresh)) == ["Daan", "Lotte", "Marja", "Peter", "Sam"]
    finally:
        fresh_context.close()
