"""Het plan in the real browser on a tablet with touch: two agreements made by taps for one question (one
without anyone: the plan asks "Wie doet dit?"), a person picked by tap, hoe vaak set, autosave survives a
reload, the presentation view, and "Ons plan" printed to PDF (A4 portrait) holding every agreement.

window.print is replaced by a counter (a headless page has no print dialog); page.pdf() then prints what
the print stylesheet shows, as in tests/e2e/test_print.py.
"""
from __future__ import annotations

import io
import unicodedata

import pytest
from playwright.sync_api import expect

from snv.model import parse_case

from . import stored as stored_case
from .conftest import reload_app

pypdf = pytest.importorskip("pypdf")

KLANT = "p-sam"
A4_PORTRAIT = (595.3, 841.9)


def _case() -> dict:
    return {
        "schema_version": 2, "id": "c-plan-e2e", "klant_id": KLANT, "fase": "meedenkbijeenkomst",
        "personen": [
            {"id": KLANT, "naam": "Sam", "rol": "ik"},
            {"id": "p-anna", "naam": "Anna", "rol": "tante", "sector": "familie", "nabijheid": "heel_dichtbij"},
            {"id": "p-gerda", "naam": "Gerda", "rol": "buurvrouw", "sector": "buren_buurt", "nabijheid": "dichtbij"},
            {"id": "p-joost", "naam": "Joost", "rol": "mentor", "sector": "hulpverlening", "nabijheid": "dichtbij",
             "professioneel": True},
        ],
        "basisposter": {"vragen": [{"id": "v-alleen", "tekst": "Hoe ben ik 's avonds minder alleen?", "volgorde": 1},
                                   {"id": "v-post", "tekst": "Wie helpt mij met de post?", "volgorde": 2}]},
        "bijeenkomst": {"piketpaaltjes": [{"id": "k-wonen", "gesteld_door": "p-joost", "kader": "mentorschap",
                                           "tekst": "Sam blijft in dit huis wonen."}]},
    }


def to_plan(page) -> None:
    page.locator('#bar [data-action="app.go"][data-screen="plan"]').tap()
    expect(page.locator(".screen-plan")).to_be_visible()


def add(page, vraag: str, wat: str) -> None:
    page.locator(f'.pl-q[data-vraag="{vraag}"] .pl-add').tap()
    page.locator("#pl-new").fill(wat)
    page.locator("#pl-new-add").tap()
    expect(page.locator(".pl-card.is-open #pl-wat")).to_have_value(wat)


def test_make_agreements_by_tap_reload_present_and_print(page, open_app):
    page.set_viewport_size({"width": 768, "height": 1024})
    open_app(page, case=parse_case(_case()))
    to_plan(page)
    expect(page.get_by_text("Nog geen afspraken. Begin bij de eerste vraag.")).to_be_visible()

    add(page, "v-alleen", "Op dinsdag samen eten")
    page.locator('.pl-card.is-open .pl-chip[data-pid="p-anna"]').tap()
    expect(page.locator('.pl-card.is-open .pl-chip[data-pid="p-anna"]')).to_have_attribute("aria-pressed", "true")
    page.locator("#pl-waar").fill("Bij Sam thuis")  # typed text reaches storage after 1 s of quiet, still focused
    stored_case.wait_stored(page, "(c.plannen || []).length > 0 && (c.plannen[0].afspraken[0] || {}).waar === 'Bij Sam thuis'")
    assert page.evaluate("document.activeElement.id") == "pl-waar"
    page.locator(".pl-card.is-open #pl-hoe_vaak").get_by_role("button", name="Wekelijks").tap()
    expect(page.locator(".pl-card.is-open #pl-hoe_vaak").get_by_role("button", name="Wekelijks")).to_have_attribute(
        "aria-pressed", "true")
    page.locator("#pl-done").tap()

    add(page, "v-alleen", "Koffie drinken met iemand")  # nobody yet
    page.locator("#pl-done").tap()
    second = page.locator(".pl-card", has_text="Koffie drinken met iemand")
    expect(second.get_by_text("Wie doet dit?")).to_be_visible()
    expect(page.locator('.pl-q[data-vraag="v-alleen"] .pl-card')).to_have_count(2)

    stored_case.wait_stored(page, "(c.plannen || []).length === 1 && c.plannen[0].afspraken.length === 2"
                                  " && c.plannen[0].afspraken[0].wie[0] === 'p-anna'"
                                  " && c.plannen[0].afspraken[0].hoe_vaak === 'wekelijks'")
    reload_app(page)
    to_plan(page)
    first = page.locator(".pl-card", has_text="Op dinsdag samen eten")
    expect(first).to_contain_text("Anna")
    expect(first).to_contain_text("Wekelijks")
    expect(first).to_contain_text("Bij Sam thuis")
    expect(page.locator(".pl-card", has_text="Koffie drinken met iemand")).to_contain_text("Wie doet dit?")

    page.locator("#pl-mode-presentatie").tap()
    expect(page.locator(".pl-mode-presentatie")).to_be_visible()
    expect(page.locator(".pl-pcard")).to_have_count(2)
    expect(page.locator(".pl-present").get_by_text("Wie doet dit?")).to_be_visible()
    expect(page.locator('[data-action="plan.oordeel"]')).to_have_count(2)  # one choice (two buttons), one paaltje
    overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1")
    assert not overflow, "the presentation scrolls sideways"

    page.evaluate("() => { window.__prints = 0; window.print = () => { window.__prints += 1; }; }")
    page.locator("#plan-print").tap()
    assert page.evaluate("window.__prints") == 1
    reader = pypdf.PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert abs(float(box.width) - A4_PORTRAIT[0]) < 1.5 and abs(float(box.height) - A4_PORTRAIT[1]) < 1.5
    # NFKC: the PDF's font joins "ffi" into one ligature glyph
    text = " ".join(unicodedata.normalize("NFKC", reader.pages[0].extract_text()).split())
    for what in ("Ons plan", "Sam", "Op dinsdag samen eten", "Koffie drinken met iemand", "Wie doet dit?",
                 "Sam blijft in dit huis wonen."):
        assert what in text, f"{what!r} not in {text!r}"
