"""Never lose an edit (issue 8): storage faults injected into IndexedDB and localStorage, a corrupt
stored case restored from Eerdere versies, two pages on one case, reload while typing, a 3 MB case.

Faults are injected with page.add_init_script (before the app's scripts run) and switched on with
page.evaluate, so the app boots normally and then meets the fault on its next save.
"""
from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page, expect

from snv.model.demo import big_case

from .conftest import reload_app
from .stored import our_keys, stored_case, stored_text, wait_wiped, write_stored
from .test_app import add_person, go, start_new_case, wait_saved

# Switchable faults: window.__snvFail = {put: "QuotaExceededError"} makes IndexedDB put and
# localStorage.setItem throw that error (a TypeError for "TypeError", else a DOMException of that name).
FAULTS = """
(() => {
  const make = (name) => name === "TypeError" ? new TypeError("test fault")
      : name === "LegacyQuota" ? Object.assign(new Error("quota"), {name: "NS_ERROR_DOM_QUOTA_REACHED", code: 1014})
      : new DOMException("test fault", name);
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (...args) {
    const f = window.__snvFail && window.__snvFail.put;
    if (f) throw make(f);
    return put.apply(this, args);
  };
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (...args) {
    const f = window.__snvFail && window.__snvFail.set;
    if (f) throw make(f);
    return setItem.apply(this, args);
  };
})();
"""

def accept_dialogs(page: Page) -> list[str]:
    """beforeunload asks before a page with unsaved edits goes; accept it and remember that it asked."""
    seen: list[str] = []

    def on_dialog(dialog):
        seen.append(dialog.type)
        dialog.accept()
    page.on("dialog", on_dialog)
    return seen


def names_stored(page: Page) -> list[str]:
    case = stored_case(page)
    return [p["naam"] for p in case["personen"]] if case else []


def test_reload_while_typing_keeps_the_text(page, open_app):
    dialogs = accept_dialogs(page)
    start_new_case(page, open_app)
    go(page, "personen")
    add_person(page, "Marieke", done=False)
    wait_saved(page)
    page.locator("#person-rol").press_sequentially("tante van mam")
    expect(page.locator("#savestatus")).not_to_contain_text("Opgeslagen")  # typed text is not stored yet
    reload_app(page)  # at once: no blur, no change event
    assert dialogs == ["beforeunload"]  # it asked, because something was not saved
    go(page, "personen")
    page.locator(".person-row", has_text="Marieke").click()
    expect(page.locator("#person-rol")).to_have_value("tante van mam")
    # typing stops: after a quiet moment the text is committed and saved, and the header says so
    page.locator("#person-rol").press("End")
    page.locator("#person-rol").press_sequentially("a")
    wait_saved(page)
    assert any(p.get("rol") == "tante van mama" for p in stored_case(page)["personen"])
    page.click("#btn-undo")  # one undo step for the whole typing in that field
    expect(page.locator("#person-rol")).to_have_value("tante van mam")


@pytest.mark.parametrize("where", ["put"])
def test_storage_errors_end_in_a_clear_state_and_lose_nothing(page, open_app, where):
    page.add_init_script(FAULTS)
    accept_dialogs(page)
    start_new_case(page, open_app)
    go(page, "personen")
    messages = {"QuotaExceededError": "de browser is vol", "LegacyQuota": "de browser is vol",
                "SecurityError": "laat ons niets bewaren", "TypeError": "door een fout in de browser"}
    for i, (error, text) in enumerate(messages.items()):
        page.evaluate(f"window.__snvFail = {{{where}: {json.dumps(error)}}}")
        add_person(page, f"Persoon {i}")
        expect(page.locator("#savestatus")).to_have_text("Niet opgeslagen")
        expect(page.get_by_role("alert")).to_contain_text(text)
        expect(page.locator("#savefix")).to_contain_text("Opslaan als bestand")
        assert f"Persoon {i}" not in names_stored(page)
        page.evaluate("window.__snvFail = null")  # room again: the next change saves everything
        add_person(page, f"Daarna {i}")
        wait_saved(page)
        assert {f"Persoon {i}", f"Daarna {i}"} <= set(names_stored(page))
    # edits made while storage fails are not lost on reload either (rescue copy + beforeunload)
    page.evaluate("window.__snvFail = {put: 'QuotaExceededError'}")
    add_person(page, "Tijdens vol")
    expect(page.locator("#savestatus")).to_have_text("Niet opgeslagen")
    reload_app(page)
    go(page, "personen")
    expect(page.locator(".person-row", has_text="Tijdens vol")).to_be_visible()
    wait_saved(page)


def test_no_storage_at_all_works_in_memory_with_a_lasting_warning(page, open_app):
    # PyScript itself needs IndexedDB to start, so only our database and keys are refused here
    page.add_init_script("""
      const open = IDBFactory.prototype.open, getItem = Storage.prototype.getItem;
      IDBFactory.prototype.open = function (name, ...rest) {
        if (name === "netwerkatlas") throw new DOMException("nee", "SecurityError");
        return open.call(this, name, ...rest);
      };
      Storage.prototype.getItem = function (key) {
        if (String(key).startsWith("snv:")) throw new DOMException("nee", "SecurityError");
        return getItem.call(this, key);
      };
    """)
    open_app(page)
    banner = page.locator("#memory-banner")
    expect(banner).to_contain_text("Dit dossier wordt niet bewaard in deze browser.")
    expect(page.locator("#savestatus")).to_have_text("Wordt niet bewaard")
    page.fill("#onboard-naam", "Sam")
    page.click("#onboard-next")
    page.click("#onboard-begin")
    expect(page.get_by_role("heading", name="Hallo Sam")).to_be_visible()
    expect(banner).to_be_visible()
    with page.expect_download() as info:
        page.click("#memory-download")
        page.click("#save-json")
    assert info.value.suggested_filename.endswith(".json")


def test_localstorage_fallback_when_indexeddb_is_missing(page, open_app):
    page.add_init_script("""
      const open = IDBFactory.prototype.open;
      IDBFactory.prototype.open = function (name, ...rest) {
        if (name === "netwerkatlas") throw new DOMException("no", "InvalidStateError");  // old Firefox, private
        return open.call(this, name, ...rest);
      };""" + FAULTS)
    accept_dialogs(page)
    start_new_case(page, open_app)
    go(page, "personen")
    add_person(page, "Marieke")
    wait_saved(page)
    assert "Marieke" in page.evaluate("localStorage.getItem('snv:case')")
    page.evaluate("window.__snvFail = {set: 'QuotaExceededError'}")
    add_person(page, "Jan")
    expect(page.locator("#savestatus")).to_have_text("Niet opgeslagen")
    expect(page.get_by_role("alert")).to_contain_text("de browser is vol")
    assert "Jan" not in page.evaluate("localStorage.getItem('snv:case')")


def test_corrupt_stored_case_is_kept_and_restored_from_earlier_versions(page, open_app):
    start_new_case(page, open_app)
    go(page, "personen")
    add_person(page, "Marieke")
    wait_saved(page)
    good = stored_text(page)
    write_stored(page, "snv:case", good[: len(good) // 2])  # cut in half: unreadable
    reload_app(page)
    expect(page.get_by_role("alert")).to_contain_text("Eerdere versies")
    expect(page.get_by_role("heading", name="Welkom bij Netwerkatlas")).to_be_visible()
    page.click("#btn-menu")
    page.click('[data-action="menu.versions"]')
    sheet = page.locator(".sheet-versions")
    expect(sheet).to_contain_text("Apart bewaard: kon niet worden gelezen")
    expect(sheet).to_contain_text("Automatisch bewaard")
    auto = sheet.locator(".version-autosave")
    expect(auto).to_contain_text("Sam")
    auto.get_by_role("button", name=re.compile("Openen: de versie")).click()
    expect(page.get_by_role("heading", name="Hallo Sam")).to_be_visible()
    go(page, "personen")
    expect(page.locator(".person-row", has_text="Marieke")).to_be_visible()
    wait_saved(page)
    assert "Marieke" in names_stored(page)


def test_two_pages_on_one_case(page, open_app):
    start_new_case(page, open_app)
    go(page, "personen")
    add_person(page, "Marieke")
    wait_saved(page)
    other = page.context.new_page()
    open_app(other)
    go(other, "personen")
    add_person(other, "Van de ander")
    wait_saved(other)
    banner = page.locator("#conflict-banner")
    expect(banner).to_contain_text("Dit dossier is in een ander tabblad veranderd.")
    add_person(page, "Van mij")  # an edit here is not written over theirs
    expect(page.locator("#savestatus")).to_have_text("Niet opgeslagen: ander tabblad")
    assert "Van mij" not in names_stored(page) and "Van de ander" in names_stored(page)
    page.click("#conflict-keep")
    expect(banner).to_have_count(0)
    go(page, "personen")
    expect(page.locator(".person-row", has_text="Van de ander")).to_be_visible()
    page.click("#btn-menu")
    page.click('[data-action="menu.versions"]')
    expect(page.locator(".version-conflict")).to_contain_text("Sam")
    page.keyboard.press("Escape")
    # ending the session in the other page drops this page's copy too
    other.click("#btn-menu")
    other.click('[data-action="menu.end"]')
    other.click("#confirm-yes")
    expect(page.get_by_role("heading", name="Alles is gewist op dit apparaat.")).to_be_visible()
    expect(page.locator("body")).not_to_contain_text("Marieke")
    expect(other.get_by_role("heading", name="Welkom bij Netwerkatlas")).to_be_visible()
    wait_wiped(other)
    assert our_keys(other) == []
    other.close()


def test_three_mb_case_autosaves_and_survives_reload(page, open_app):
    data = big_case(1500).model_dump(mode="json")
    for i, person in enumerate(data["personen"][1:]):
        person["notities"] = [{"tekst": f"Notitie {i} " + "x" * 1600}]
    text = json.dumps(data)
    assert len(text) > 3_000_000
    open_app(page)
    page.set_input_files("#file-input", files=[{"name": "groot.json", "mimeType": "application/json",
                                                "buffer": text.encode()}])
    expect(page.get_by_role("heading", name=re.compile("Hallo"))).to_be_visible(timeout=30_000)
    wait_saved(page)
    reload_app(page)
    expect(page.get_by_role("heading", name=re.compile("Hallo"))).to_be_visible()
    assert len(stored_case(page)["personen"]) == 1500
