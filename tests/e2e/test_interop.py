"""A file of another program in the browser: an easyNWK save file through the one file picker, its
preview, adding it to the current case, and one undo that takes it all back."""
from __future__ import annotations

from pathlib import Path

from playwright.sync_api import expect

from .test_app import add_person, go, row, start_new_case, stored_case, wait_saved

EASYNWK = Path(__file__).resolve().parents[1] / "fixtures" / "interop" / "easynwk-jonas.json"


def test_easynwk_file_preview_add_to_case_and_undo(page, open_app):
    start_new_case(page, open_app)
    go(page, "personen")
    add_person(page, "Mama", sector="familie", ring="dichtbij", rol="moeder")
    wait_saved(page)

    page.set_input_files("#file-input", str(EASYNWK))
    sheet = page.get_by_role("dialog", name="Kaart uit easyNWK")
    expect(sheet).to_contain_text("11 personen en 1 bewaarde kaart gevonden in een easyNWK-bestand.")
    expect(page.locator("#import-found, .import-found")).to_be_focused()
    assert [p["naam"] for p in stored_case(page)["personen"]] == ["Sam", "Mama"]  # nothing changed yet

    page.get_by_label("Rollen in het Nederlands zetten").check()  # Mutter → moeder: Mama is already there
    expect(sheet.locator(".import-row.is-match")).to_contain_text("Mama (moeder)")
    sheet.locator(".import-row", has_text="Frau Huber").get_by_role("checkbox").uncheck()
    page.click("#import-confirm")

    expect(page.locator(".toast")).to_contain_text("Uit het bestand: 8 nieuw, 1 aangevuld")
    expect(row(page, "Mama")).to_have_count(1)
    expect(row(page, "Tom")).to_contain_text("vriend")
    expect(row(page, "Frau Huber")).to_have_count(0)
    wait_saved(page)
    assert len(stored_case(page)["personen"]) == 10

    page.locator(".toast").get_by_role("button", name="Ongedaan maken").click()
    expect(row(page, "Tom")).to_have_count(0)
    expect(row(page, "Mama")).to_have_count(1)
    wait_saved(page)
    assert [p["naam"] for p in stored_case(page)["personen"]] == ["Sam", "Mama"]
