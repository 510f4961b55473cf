"""Taal / Language in Chromium: English from the menu, kept after a reload (localStorage, applied
before the first render), an exported map titled in English, and back to Dutch."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from playwright.sync_api import expect

from snv.model.demo import demo_case
from snv.storage.jsonio import dumps_case
from tests.e2e.conftest import reload_app

SVG_NS = "{http://www.w3.org/2000/svg}"


def test_switch_to_english_survives_a_reload_and_reaches_the_export(page, open_app, tmp_path):
    open_app(page)
    path = tmp_path / "sam.json"
    path.write_text(dumps_case(demo_case()), encoding="utf-8")
    page.set_input_files("#file-input", str(path))
    expect(page.get_by_role("heading", name="Hallo Sam")).to_be_visible()
    assert page.evaluate("document.documentElement.lang") == "nl"

    page.locator("#btn-menu").click()
    page.locator("#lang-en").click()
    expect(page.get_by_role("heading", name="Hello Sam")).to_be_visible()
    expect(page.locator("#lang-en")).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#lang-en")).to_be_focused()
    assert page.evaluate("document.documentElement.lang") == "en"
    expect(page.locator("#sheet")).to_contain_text("Save as a file")
    assert page.locator("#bar").get_attribute("aria-label") == "Screens"  # the skeleton was rebuilt
    page.keyboard.press("Escape")
    expect(page.locator("#savestatus")).to_contain_text("Saved", timeout=10_000)

    reload_app(page)
    expect(page.get_by_role("heading", name="Hello Sam")).to_be_visible()
    assert page.evaluate("document.documentElement.lang") == "en"

    page.locator("#bar-relatiekaart").click()
    page.locator("#rk-export").click()
    with page.expect_download() as info:
        page.locator("#export-kaart_svg").click()
    root = ET.fromstring(Path(info.value.path()).read_bytes())
    assert root.find(f"{SVG_NS}title").text == "Relationship map of Sam"

    page.locator("#btn-menu").click()
    page.locator("#lang-nl").click()
    expect(page.locator("#sheet")).to_contain_text("Opslaan als bestand")
    assert page.evaluate("document.documentElement.lang") == "nl"
    assert page.evaluate("localStorage.getItem('snv-language')") == "nl"
