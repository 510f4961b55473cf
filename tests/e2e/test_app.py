"""The app in the browser: new case, persons, undo/redo, autosave, files (save, open, drop, bad files).

Each test gets a fresh browser context (empty localStorage) from the `page` fixture, which also fails
the test on any console error or request to another origin.
"""
from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page, expect

from . import stored

NEW_NAME = "#person-naam"


def start_new_case(page: Page, open_app, naam: str = "Sam") -> None:
    open_app(page)
    expect(page.get_by_role("heading", name="Welkom bij Netwerkatlas")).to_be_visible()
    expect(page.locator("#onboard-naam")).to_be_focused()
    expect(page.get_by_text("Een voornaam of bijnaam is genoeg.")).to_be_visible()
    page.fill("#onboard-naam", naam)
    page.click("#onboard-next")
    expect(page.get_by_role("heading", name="Is er al een netwerkkaart?")).to_be_visible()
    page.click("#onboard-begin")
    expect(page.get_by_role("heading", name=f"Hallo {naam}")).to_be_visible()


def add_person(page: Page, naam: str, *, sector: str | None = None, ring: str | None = None, rol: str = "",
               done: bool = True) -> None:
    """From the Personen screen: + Persoon, type the name, choose sector and ring, Klaar."""
    add = page.locator("#personen-add, #personen-add-first").first
    add.click()
    expect(page.locator(NEW_NAME)).to_be_focused()
    page.fill(NEW_NAME, naam)
    page.press(NEW_NAME, "Enter")  # Enter commits the name: now the person exists
    expect(page.locator("#sheet-title")).to_have_text(naam)
    if rol:
        page.fill("#person-rol", rol)
    if sector:
        page.click(f'#person-sector [data-value="{sector}"]')
    if ring:
        page.click(f'#person-nabijheid [data-value="{ring}"]')
    expect(page.locator("#sheet-title")).to_have_text(naam)
    if done:
        page.click("#person-done")
        expect(page.locator(".sheet-person")).to_have_count(0)


def go(page: Page, screen: str) -> None:
    page.click(f"#bar-{screen}")
    expect(page.locator(f'#bar-{screen}[aria-current="page"]')).to_be_visible()


def row(page: Page, naam: str):
    return page.locator(".person-row", has_text=naam)


def wait_saved(page: Page) -> None:
    expect(page.locator("#savestatus")).to_have_text(re.compile(r"Opgeslagen om \d\d:\d\d"), timeout=5000)


def stored_case(page: Page) -> dict | None:
    return stored.stored_case(page)


def test_new_case_person_and_reload(page, open_app):
    start_new_case(page, open_app)
    expect(page.get_by_text("Luister eerst. Schrijf later samen op.")).to_be_visible()
    # strengths first: add one on Start
    page.fill("#strength-new", "Koken")
    page.keyboard.press("Enter")
    expect(page.locator(".chip-strength", has_text="Koken")).to_be_visible()
    expect(page.locator("#strength-new")).to_have_value("")
    expect(page.locator("#next-step")).to_have_text("Eerste persoon toevoegen")

    go(page, "personen")
    expect(page.get_by_text("Nog niemand in je lijst. Wie zie je vaak? Begin met één persoon.")).to_be_visible()
    add_person(page, "Marieke", rol="tante", sector="familie", ring="heel_dichtbij")
    expect(page.locator(".toast")).to_contain_text("Marieke")
    r = row(page, "Marieke")
    expect(r).to_contain_text("tante")
    expect(r).to_contain_text("Familie")
    expect(r).to_contain_text("Heel dichtbij")
    expect(page.locator("#savestatus")).to_have_attribute("role", "status")
    wait_saved(page)
    saved = stored_case(page)
    assert [p["naam"] for p in saved["personen"]] == ["Sam", "Marieke"]

    open_app(page)  # reload: the case comes back from storage
    expect(page.get_by_role("heading", name="Hallo Sam")).to_be_visible()
    expect(page.locator(".chip-strength", has_text="Koken")).to_be_visible()
    go(page, "personen")
    expect(row(page, "Marieke")).to_contain_text("Heel dichtbij")


def test_sheet_edit_focus_escape_and_delete_with_confirmation(page, open_app):
    start_new_case(page, open_app)
    go(page, "personen")
    add_person(page, "Marieke", sector="familie", ring="dichtbij", done=False)
    page.click('#person-geslacht [data-value="vrouw"]')
    page.click('#person-lijn [data-value="goed"]')
    page.click('#person-steun-zorg [data-value="krijgt"]')
    expect(page.locator('#person-steun-zorg [data-value="krijgt"]')).to_have_attribute("aria-pressed", "true")
    expect(page.locator('#person-steun-zorg [data-value="krijgt"]')).to_have_text("Marieke helpt mij")
    page.click("#person-done")

    # open from the list: focus moves into the sheet; Esc closes it and focus returns to the row
    r = row(page, "Marieke")
    r.click()
    sheet = page.get_by_role("dialog", name="Marieke")
    expect(sheet).to_be_visible()
    expect(page.locator(NEW_NAME)).to_be_focused()
    page.fill("#person-rol", "tante")
    page.keyboard.press("Escape")  # Esc keeps what was typed
    expect(sheet).to_have_count(0)
    expect(r).to_be_focused()
    expect(r).to_contain_text("tante")
    expect(r).to_contain_text("Lijn: Goed")

    # typing a note and locking it
    r.click()
    page.fill("#person-note-new", "Belt elke zondag")
    page.check("#person-note-new-lock")
    page.get_by_role("button", name="Notitie toevoegen").click()
    expect(page.locator(".note.is-locked textarea")).to_have_value("Belt elke zondag")

    # delete: asks first, names the effect, "Nee, houden" has the focus
    page.click("#person-delete")
    confirm = page.get_by_role("alertdialog", name="Marieke verwijderen?")
    expect(confirm).to_contain_text("Ze verdwijnt ook uit 1 lijn en 1 soort steun.")
    expect(page.locator("#confirm-no")).to_be_focused()
    expect(page.locator("#confirm-no")).to_have_text("Nee, houden")
    page.click("#confirm-no")
    expect(page.get_by_role("dialog", name="Marieke")).to_be_visible()  # back in the sheet
    expect(page.locator("#person-delete")).to_be_focused()
    expect(row(page, "Marieke")).to_have_count(1)
    page.click("#person-delete")
    expect(page.locator("#confirm-yes")).to_have_text("Ja, verwijder Marieke")
    page.click("#confirm-yes")
    expect(row(page, "Marieke")).to_have_count(0)
    expect(page.locator(".toast")).to_contain_text("Marieke verwijderd")
    page.locator(".toast").get_by_role("button", name="Ongedaan maken").click()
    expect(row(page, "Marieke")).to_have_count(1)


def test_undo_redo_with_buttons_and_keys(page, open_app):
    start_new_case(page, open_app)
    go(page, "personen")
    add_person(page, "Jan", rol="buurman", sector="buren_buurt", ring="verder_weg")
    undo, redo = page.locator("#btn-undo"), page.locator("#btn-redo")
    expect(redo).to_be_disabled()
    r = row(page, "Jan")
    r.click()
    page.fill("#person-rol", "oom")
    page.click("#person-done")
    expect(r).to_contain_text("oom")

    undo.click()
    expect(r).to_contain_text("buurman")
    expect(redo).to_be_enabled()
    redo.click()
    expect(r).to_contain_text("oom")
    expect(redo).to_be_disabled()

    page.locator("#personen-add").focus()  # not in a text field: the app's undo
    page.keyboard.press("Control+z")
    expect(r).to_contain_text("buurman")
    page.keyboard.press("Control+Shift+z")
    expect(r).to_contain_text("oom")
    page.keyboard.press("Control+z")
    page.keyboard.press("Control+y")
    expect(r).to_contain_text("oom")

    # in a text field Ctrl+Z belongs to the field, not to the app
    page.fill("#personen-zoek", "ja")
    page.keyboard.press("Control+z")
    expect(r).to_contain_text("oom")
    # typing in the search box filters live without losing focus
    expect(page.locator("#personen-zoek")).to_be_focused()
    page.locator("#personen-zoek").press_sequentially("xyz")
    expect(page.locator("#personen-none")).to_be_visible()
    expect(page.locator("#personen-zoek")).to_be_focused()


def test_save_file_end_session_and_open_it_again(page, open_app, tmp_path):
    start_new_case(page, open_app)
    go(page, "personen")
    add_person(page, "Marieke", sector="familie", ring="dichtbij")
    wait_saved(page)

    page.click("#btn-menu")
    page.get_by_role("dialog", name="Menu").get_by_role("button", name=re.compile("Opslaan als bestand")).click()
    expect(page.get_by_text("Dit bestand bevat persoonlijke gegevens. Bewaar het veilig.")).to_be_visible()
    expect(page.locator("#opt-notes")).not_to_be_checked()
    with page.expect_download() as info:
        page.click("#save-json")
    download = info.value
    assert re.fullmatch(r"netwerkatlas-sam-\d{4}-\d\d-\d\d\.json", download.suggested_filename)
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    assert [p["naam"] for p in json.loads(path.read_text("utf-8"))["personen"]] == ["Sam", "Marieke"]

    page.click("#btn-menu")
    page.get_by_role("button", name=re.compile("Stoppen en alles wissen")).click()
    expect(page.get_by_role("alertdialog", name="Stoppen en alles wissen?")).to_be_visible()
    expect(page.locator("#confirm-no")).to_be_focused()
    page.click("#confirm-yes")
    expect(page.get_by_role("heading", name="Welkom bij Netwerkatlas")).to_be_visible()
    stored.wait_wiped(page)
    assert stored.our_keys(page) == []

    page.set_input_files("#file-input", str(path))
    expect(page.get_by_role("heading", name="Hallo Sam")).to_be_visible()
    go(page, "personen")
    expect(row(page, "Marieke")).to_contain_text("Familie")
    wait_saved(page)
    assert [p["naam"] for p in stored_case(page)["personen"]] == ["Sam", "Marieke"]


@pytest.mark.parametrize(("name", "content", "message"), [
    ("kapot.json", b"dit is geen json {", "Dit bestand kunnen we niet lezen."),
    ("los.json", json.dumps({"schema_version": 1, "id": "c1", "klant_id": "p1",
                             "personen": [{"id": "p1", "naam": "Kim"}],
                             "banden": [{"a": "p1", "b": "p-bestaat-niet"}]}).encode(),
     "verwijst naar een persoon die niet bestaat"),
])
def test_bad_file_shows_alert_and_keeps_case(page, open_app, tmp_path, name, content, message):
    start_new_case(page, open_app)
    go(page, "personen")
    add_person(page, "Marieke", sector="familie", ring="dichtbij")
    wait_saved(page)
    before = stored.stored_text(page)

    bad = tmp_path / name
    bad.write_bytes(content)
    page.set_input_files("#file-input", str(bad))
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text(message)
    expect(alert).to_contain_text("Je gegevens zijn niet veranderd.")
    expect(row(page, "Marieke")).to_have_count(1)
    assert stored.stored_text(page) == before

    open_app(page)
    go(page, "personen")
    expect(row(page, "Marieke")).to_have_count(1)
    expect(page.locator(".alert")).to_have_count(0)


def test_drop_a_file_on_the_app(page, open_app):
    start_new_case(page, open_app, "Kim")
    other = {"schema_version": 1, "id": "c9", "klant_id": "p1", "fase": "netwerkatlas",
             "personen": [{"id": "p1", "naam": "Sam"},
                          {"id": "p2", "naam": "Opa Henk", "sector": "familie", "nabijheid": "dichtbij"}]}
    page.evaluate("""(text) => {
        const data = new DataTransfer();
        data.items.add(new File([text], "sam.json", {type: "application/json"}));
        const target = document.querySelector("#content");
        target.dispatchEvent(new DragEvent("dragover", {dataTransfer: data, bubbles: true, cancelable: true}));
        target.dispatchEvent(new DragEvent("drop", {dataTransfer: data, bubbles: true, cancelable: true}));
    }""", json.dumps(other))
    expect(page.get_by_role("heading", name="Hallo Sam")).to_be_visible()
    expect(page.locator('#route-netwerkatlas[aria-current="step"]')).to_be_visible()
    expect(page.locator(".toast")).to_contain_text("Dossier van Sam geopend")
    page.locator(".toast").get_by_role("button", name="Ongedaan maken").click()
    expect(page.get_by_role("heading", name="Hallo Kim")).to_be_visible()


def test_route_pin_moves_by_tap_and_alles_over_mij(page, open_app):
    start_new_case(page, open_app)
    expect(page.locator('#route-ontmoeten[aria-current="step"]')).to_contain_text("Hier zijn we nu")
    page.click("#route-netwerkatlas")
    expect(page.locator('#route-netwerkatlas[aria-current="step"]')).to_contain_text("Hier zijn we nu")
    expect(page.locator("#route-ontmoeten")).not_to_have_attribute("aria-current", "step")
    expect(page.get_by_text("Luister eerst. Schrijf later samen op.")).to_have_count(0)

    go(page, "personen")
    add_person(page, '<img src=x onerror="window.hacked=1">', sector="vrienden_kennissen", ring="dichtbij",
               done=False)
    page.fill("#person-note-new", "Alleen voor ons")
    page.check("#person-note-new-lock")
    page.get_by_role("button", name="Notitie toevoegen").click()
    expect(page.locator(".note.is-locked")).to_have_count(1)
    page.click("#person-done")

    page.locator(".alias").click()  # the client's name opens "Alles over mij"
    expect(page.get_by_role("heading", name="Alles over mij", level=1)).to_be_visible()
    about = page.locator(".screen-overmij")
    expect(about).to_contain_text('<img src=x onerror="window.hacked=1">')
    expect(about).to_contain_text("Alleen voor ons")
    expect(about).to_contain_text("Alleen jij en de begeleider")
    assert page.evaluate("window.hacked") is None
    expect(page.locator("#btn-undo")).to_have_count(0)  # read-only screen


def test_broken_stored_case_starts_fresh_and_keeps_a_backup(page, open_app):
    open_app(page)
    page.evaluate("localStorage.setItem('snv:case', '{\"personen\": kapot')")  # as an older version left it
    open_app(page)
    expect(page.get_by_role("alert")).to_contain_text("Het opgeslagen dossier kon niet worden gelezen.")
    expect(page.get_by_role("heading", name="Welkom bij Netwerkatlas")).to_be_visible()
    versions = json.loads(stored.stored_text(page, "snv:versions"))
    assert [v["kind"] for v in versions] == ["aside"]
    assert stored.stored_text(page, "snv:v:" + versions[0]["id"]) == '{"personen": kapot'


def test_export_sheet_lists_exports_and_respects_privacy(page, open_app):
    start_new_case(page, open_app)
    go(page, "personen")
    add_person(page, "Marieke", sector="familie", ring="dichtbij")
    page.click("#btn-menu")
    page.get_by_role("button", name=re.compile("Delen en afdrukken")).click()
    sheet = page.get_by_role("dialog", name="Delen en afdrukken")
    expect(sheet).to_contain_text("Dit bestand bevat persoonlijke gegevens. Bewaar het veilig.")
    expect(sheet.get_by_role("button", name="Hele netwerkatlas afdrukken")).to_be_visible()
    page.check("#opt-pseudo")
    with page.expect_download() as info:
        page.click("#export-json")
    text = info.value.path().read_text("utf-8")
    assert "Marieke" not in text and "Sam" not in text
    # the sheet closed; the choice is remembered for the next export
    page.click("#btn-menu")
    page.get_by_role("button", name=re.compile("Delen en afdrukken")).click()
    expect(page.locator("#opt-pseudo")).to_be_checked()


def test_full_storage_says_not_saved_and_offers_a_file(page, open_app):
    start_new_case(page, open_app)
    wait_saved(page)
    page.evaluate("""() => {
        const full = function () { throw new DOMException("vol", "QuotaExceededError"); };
        Storage.prototype.setItem = full;
        IDBObjectStore.prototype.put = full;
    }""")
    go(page, "personen")
    add_person(page, "Marieke", sector="familie", ring="dichtbij")
    expect(page.locator("#savestatus")).to_have_text("Niet opgeslagen")
    expect(page.get_by_role("alert")).to_contain_text("de browser is vol")
    fix = page.locator("#savefix").get_by_role("button", name="Opslaan als bestand")
    expect(fix).to_be_visible()
    fix.click()
    with page.expect_download() as info:
        page.click("#save-json")
    assert "Marieke" in info.value.path().read_text("utf-8")


def test_page_hide_saves_at_once(page, open_app):
    start_new_case(page, open_app)
    go(page, "personen")
    add_person(page, "Jan")
    # before the debounce fired; at once and synchronously: the rescue copy (IndexedDB is async and may
    # not finish as a page goes; the rescue is dropped when the save is verified)
    rescue = json.loads(page.evaluate(
        "() => { window.dispatchEvent(new PageTransitionEvent('pagehide')); return localStorage.getItem('snv:rescue'); }"))
    assert [p["naam"] for p in json.loads(rescue["case"])["personen"]] == ["Sam", "Jan"]
    stored.wait_stored(page, "(c.personen || []).length === 2")  # and the save itself
    assert [p["naam"] for p in stored_case(page)["personen"]] == ["Sam", "Jan"]
