"""Hostile files, encrypted export and leaks, in the browser.

- A 5,000-deep file used to kill Pyodide ("Maximum call stack size exceeded"), after which opening a file
  did nothing at all: now a Dutch message, and the next file opens.
- A UTF-16 SVG with an internal entity used to be expanded into the case: now refused (defusedxml runs
  in Pyodide too).
- Export with a passphrase, open with a wrong and then the right passphrase: the case comes back.
- A journey through every registered screen, the menu, the person sheet and the exports fails on any
  request outside the origin (the `page` fixture) and on any Content-Security-Policy violation.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from snv.model.demo import demo_case
from snv.storage.jsonio import dumps_case
from snv.ui import screens

from .stored import everything_stored, stored_case, stored_text, wait_stored

RECORD_CSP = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || "(inline)"} at ${e.sourceFile}:${e.lineNumber}`);
});
"""


@pytest.fixture
def csp_page(page: Page):
    page.add_init_script(RECORD_CSP)
    yield page
    assert page.evaluate("window.__csp") == [], "Content-Security-Policy violations"


def open_file(page: Page, path: Path) -> None:
    page.set_input_files("#file-input", str(path))


def open_demo(page: Page, open_app, tmp_path: Path) -> Path:
    open_app(page)
    path = tmp_path / "sam.json"
    path.write_text(dumps_case(demo_case()), encoding="utf-8")
    open_file(page, path)
    expect(page.get_by_role("heading", name="Hallo Sam")).to_be_visible()
    return path


def test_deep_and_entity_files_give_dutch_messages_and_the_next_file_opens(csp_page, open_app, tmp_path):
    page = csp_page
    good = open_demo(page, open_app, tmp_path)
    wait_stored(page, "(c.personen || []).some((p) => p.naam === 'Sam')")
    before = stored_text(page)
    assert before is not None

    deep = tmp_path / "diep.json"
    deep.write_text("[" * 5_000 + "]" * 5_000)
    open_file(page, deep)
    expect(page.get_by_role("alert")).to_contain_text("te veel lagen in elkaar")
    expect(page.get_by_role("alert")).to_contain_text("Je gegevens zijn niet veranderd.")

    klant = '{"id": "k", "naam": "&naam;"}'
    svg = (f'<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE svg [<!ENTITY naam "Ingeschoven">]>'
           f'<svg xmlns="http://www.w3.org/2000/svg"><metadata id="snv-case">'
           f'{{"schema_version": 1, "id": "c", "klant_id": "k", "personen": [{klant}]}}</metadata></svg>')
    entity = tmp_path / "kaart.svg"
    entity.write_bytes(svg.encode("utf-16"))
    open_file(page, entity)
    expect(page.get_by_role("alert")).to_contain_text("onveilige onderdelen")
    expect(page.get_by_role("heading", name="Hallo Sam")).to_be_visible()
    assert stored_text(page) == before

    # the runtime is alive and the input is ready: the same good file again opens (a change event)
    page.locator(".alert").first.get_by_role("button", name="Sluiten").click()
    other = json.loads(good.read_text("utf-8"))
    other["personen"][0]["naam"] = "Samira"
    good.write_text(json.dumps(other), encoding="utf-8")
    open_file(page, good)
    expect(page.get_by_role("heading", name="Hallo Samira")).to_be_visible()


def _save_encrypted(page: Page, passphrase: str, tmp_path: Path) -> Path:
    page.click("#btn-menu")
    page.get_by_role("dialog", name="Menu").get_by_role("button", name=re.compile("Opslaan als bestand")).click()
    expect(page.get_by_text("Dit bestand bevat persoonlijke gegevens. Bewaar het veilig.")).to_be_visible()
    page.fill("#export-passphrase", passphrase)
    page.fill("#export-passphrase2", passphrase + "x")
    page.click("#save-json")
    expect(page.locator("#sheet")).to_contain_text("niet hetzelfde")  # nothing downloaded
    page.fill("#export-passphrase", passphrase)
    page.check("#opt-notes")  # re-renders the sheet: the typed passphrase must stay
    expect(page.locator("#export-passphrase")).to_have_value(passphrase)
    page.fill("#export-passphrase2", passphrase)
    with page.expect_download() as info:
        page.click("#save-json")
    download = info.value
    assert re.fullmatch(r"netwerkatlas-\d{4}-\d\d-\d\d-versleuteld\.json", download.suggested_filename)
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    return path


def test_encrypted_export_opens_with_the_right_passphrase_only(csp_page, open_app, tmp_path):
    page = csp_page
    open_demo(page, open_app, tmp_path)
    path = _save_encrypted(page, "geheime zin 2026", tmp_path)
    doc = json.loads(path.read_text("utf-8"))
    assert doc["netwerkatlas"] == "versleuteld" and doc["kdf"]["iteraties"] >= 600_000
    assert "Sam" not in json.dumps({k: v for k, v in doc.items() if k != "data"})
    stored = everything_stored(page)
    assert "geheime zin" not in stored

    page.click("#btn-menu")
    page.get_by_role("button", name=re.compile("Stoppen en alles wissen")).click()
    page.click("#confirm-yes")
    expect(page.get_by_role("heading", name="Welkom bij Netwerkatlas")).to_be_visible()

    open_file(page, path)
    sheet = page.get_by_role("dialog", name="Wachtwoord nodig")
    expect(sheet).to_be_visible()
    expect(page.locator("#unlock-passphrase")).to_be_focused()
    page.fill("#unlock-passphrase", "verkeerde zin")
    page.press("#unlock-passphrase", "Enter")
    expect(sheet).to_contain_text("Dit wachtwoord klopt niet.")
    expect(page.locator("#unlock-passphrase")).to_have_value("")
    expect(page.get_by_role("heading", name="Welkom bij Netwerkatlas")).to_be_attached()

    page.fill("#unlock-passphrase", "geheime zin 2026")
    page.click("#unlock-submit")
    expect(page.get_by_role("heading", name="Hallo Sam")).to_be_visible()
    expect(page.locator("#sheet .sheet")).to_have_count(0)
    expect(page.locator("#savestatus")).to_have_text(re.compile(r"Opgeslagen om"), timeout=5000)
    assert stored_case(page)["personen"][0]["naam"] == "Sam"
    everything = everything_stored(page)
    assert "geheime zin" not in everything


def test_journey_through_every_screen_stays_on_the_origin_and_within_the_csp(csp_page, open_app, tmp_path):
    page = csp_page
    open_demo(page, open_app, tmp_path)
    screens.load_screens()
    for screen in screens.all_screens():
        page.click("#bar-start")
        target = page.locator(f'#tile-{screen.key}, [data-action="app.go"][data-screen="{screen.key}"]').first
        target.click()
        expect(page.locator("#frame")).to_have_attribute("data-screen", screen.key)
        expect(page.locator("#content h1, #content h2").first).to_be_visible()

    page.click("#btn-menu")
    expect(page.get_by_role("dialog", name="Menu")).to_be_visible()
    page.keyboard.press("Escape")

    page.click("#bar-personen")
    page.locator(".person-row").first.click()
    expect(page.locator(".sheet-person")).to_be_visible()
    page.keyboard.press("Escape")

    downloads = {}
    for export in screens.exports():
        page.click("#btn-menu")
        page.get_by_role("button", name=re.compile("Delen en afdrukken")).click()
        with page.expect_download() as info:
            page.click(f"#export-{export.key}")
        downloads[export.key] = tmp_path / info.value.suggested_filename
        info.value.save_as(downloads[export.key])

    # an exported map opens again (defusedxml parses it inside Pyodide), also when encrypted
    page.click("#btn-menu")
    page.get_by_role("button", name=re.compile("Delen en afdrukken")).click()
    page.fill("#export-passphrase", "nog een zin")
    page.fill("#export-passphrase2", "nog een zin")
    with page.expect_download() as info:
        page.click("#export-kaart_svg")
    assert info.value.suggested_filename.endswith("-versleuteld.json")
    sealed = tmp_path / info.value.suggested_filename
    info.value.save_as(sealed)
    assert json.loads(sealed.read_text("utf-8"))["type"] == "image/svg+xml"

    open_file(page, downloads["kaart_svg"])
    expect(page.locator(".toast")).to_contain_text("Dossier van Sam geopend")
    open_file(page, sealed)
    page.fill("#unlock-passphrase", "nog een zin")
    page.press("#unlock-passphrase", "Enter")
    expect(page.locator("#sheet .sheet")).to_have_count(0)
    expect(page.get_by_role("heading", name="Hallo Sam")).to_be_visible()
    expect(page.locator(".alert")).to_have_count(0)
