"""The app controller (snv.ui.app.App) and the framework actions, driven under CPython."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from snv.messages import t
from snv.model import FASEN, CaseError, new_case, ops
from snv.storage.store import CaseStore, MemoryBackend, drive
from snv.render import frame
from snv.render.start import OnboardView, StartView
from snv.ui import screens, view
from snv.ui.app import App
from hosts import RecordingHost

NOW = dt.datetime(2026, 11, 25, 14, 32)


def make_app(store=None, naam="Sam"):
    host = RecordingHost()
    app = App(new_case(naam), store=store, host=host, now=lambda: NOW)
    return app, host


def names(app):
    return [p.naam for p in app.case.personen]


# ----- apply / undo / redo -----

def test_apply_returns_extra_and_records_undo():
    app, host = make_app()
    before = app.case
    pid = app.apply(ops.add_person, "Marieke", label="Marieke toegevoegd")
    assert app.case.persoon(pid).naam == "Marieke"
    assert before.personen != app.case.personen and len(before.personen) == 1  # old version untouched
    assert app.can_undo and not app.can_redo
    assert app.toast.text == "Marieke toegevoegd" and app.toast.undo
    assert host.renders > 0


def test_undo_redo_round_trip():
    app, _ = make_app()
    app.apply(ops.add_person, "A", label="A")
    app.apply(ops.add_person, "B", label="B")
    assert names(app) == ["Sam", "A", "B"]
    app.undo()
    assert names(app) == ["Sam", "A"] and app.can_redo
    assert app.toast.text == t("ui.toast.undone", what="B")
    app.undo()
    assert names(app) == ["Sam"] and not app.can_undo
    app.undo()  # nothing left: no error, no change
    assert names(app) == ["Sam"]
    app.redo()
    app.redo()
    assert names(app) == ["Sam", "A", "B"] and not app.can_redo


def test_new_edit_clears_redo():
    app, _ = make_app()
    app.apply(ops.add_person, "A", label="A")
    app.undo()
    assert app.can_redo
    app.apply(ops.add_person, "C", label="C")
    assert not app.can_redo
    assert names(app) == ["Sam", "C"]


def test_history_is_capped():
    host = RecordingHost()
    app = App(new_case("Sam"), host=host, history_cap=5)
    for i in range(8):
        app.apply(ops.add_person, f"P{i}", label=str(i))
    count = 0
    while app.can_undo:
        app.undo()
        count += 1
    assert count == 5
    assert names(app) == ["Sam", "P0", "P1", "P2"]


def test_case_error_becomes_alert_and_changes_nothing():
    app, _ = make_app()
    pid = app.apply(ops.add_person, "A", label="A")
    before = app.case
    assert app.apply(ops.update_person, pid, geboortejaar=3000, label="x") is None
    assert app.case is before
    assert len(app.alerts) == 1
    assert app.undo_label == "A"  # the failed edit left no undo step
    app.apply(ops.remove_person, app.case.klant_id, label="weg")
    assert t("err.remove_client") in app.alerts
    assert app.case is before


def test_successful_edit_clears_alerts():
    app, _ = make_app()
    app.alert("Probleem")
    app.apply(ops.add_person, "A", label="A")
    assert app.alerts == []


def test_undo_closes_sheet_of_vanished_person():
    app, _ = make_app()
    pid = app.apply(ops.add_person, "A", label="A")
    app.open_person(pid)
    app.undo()
    assert app.sheet is None


# ----- dispatch -----

def test_dispatch_routes_to_screen_handler():
    seen = []
    screens.register(screens.Screen("testscherm", "ui.screen.start", "", ("netwerkatlas",), lambda app: "<p>x</p>",
                                    lambda app, action, data: seen.append((action, data))))
    app, _ = make_app()
    app.dispatch("testscherm.doe", {"pid": "p1", "event": "click"})
    assert seen == [("testscherm.doe", {"pid": "p1", "event": "click"})]
    assert "testscherm" in [s.key for s in screens.for_phase("netwerkatlas")]
    with pytest.raises(KeyError):
        app.dispatch("bestaatniet.doe", {})


def test_a_listed_screen_module_that_is_missing_is_an_error():
    """A typo in SCREEN_MODULES must not silently drop a screen."""
    with pytest.raises(ModuleNotFoundError, match=r"snv\.ui\.personenn"):
        screens.load_screens(("snv.ui.start", "snv.ui.personenn"))


def test_every_listed_screen_module_loads_and_registers_a_screen():
    keys = {s.key for s in screens.load_screens()}
    for name in screens.SCREEN_MODULES:
        assert name.rpartition(".")[2] in keys, name  # ui/<key>.py registers the screen <key>


_REGISTERED_BY_EARLIER_TEST: list[str] = []


def test_a_test_may_register_screens_and_exports():
    screens.register(screens.Screen("tijdelijk", "ui.screen.start", "", (), lambda app: ""))
    screens.register_export(screens.Export("tijdelijk", "ui.print.instrument", lambda app, opts: None))
    assert screens.get("tijdelijk") is not None
    _REGISTERED_BY_EARLIER_TEST.append("tijdelijk")


def test_screens_and_exports_registered_by_an_earlier_test_are_gone():
    """The autouse fixture in conftest.py restores the registry after each test."""
    if not _REGISTERED_BY_EARLIER_TEST:
        pytest.skip("runs after test_a_test_may_register_screens_and_exports")
    assert screens.get("tijdelijk") is None
    assert "tijdelijk" not in [e.key for e in screens.exports()]
    assert screens.get("relatiekaart") is not None  # the real screens stay


def test_every_site_stylesheet_is_linked_by_the_page_or_declared_by_a_screen():
    """A screen's own CSS is declared on its Screen (the browser links it), not added to index.html."""
    from pathlib import Path

    site = Path(__file__).resolve().parents[2] / "site"
    page = (site / "index.html").read_text(encoding="utf-8")
    declared = screens.stylesheets()
    assert "relatiekaart.css" in declared
    for name in declared:
        assert (site / name).is_file(), name
        assert name not in page, f"{name} is linked twice"
    for css in site.glob("*.css"):
        assert css.name in declared or f'href="./{css.name}"' in page, f"{css.name} is never loaded"


def test_every_dutch_catalogue_file_is_merged_without_being_listed():
    """A new screen's texts go in messages/nl_<screen>.py; the catalogue finds that file itself."""
    from pathlib import Path

    from snv import messages

    files = {p.stem for p in Path(messages.__file__).parent.glob("nl*.py")}
    assert {m.__name__.rpartition(".")[2] for m in messages._parts("nl")} == files
    assert {"nl", "nl_ui", "nl_relatiekaart"} <= files


def test_reserved_screen_keys_are_refused():
    with pytest.raises(ValueError):
        screens.register(screens.Screen("person", "x", "", (), lambda app: ""))


def test_toast_stays_until_next_change_or_screen():
    app, _ = make_app()
    pid = app.apply(ops.add_person, "A", label="A toegevoegd")
    app.open_person(pid)
    app.dispatch("person.done", {"event": "click"})
    app.dispatch("app.menu", {"event": "click"})
    app.dispatch("sheet.close", {"event": "click"})
    assert app.toast.text == "A toegevoegd"
    app.apply(ops.add_person, "B", label="B toegevoegd")
    assert app.toast.text == "B toegevoegd"
    app.dispatch("app.go", {"screen": "personen", "event": "click"})
    assert app.screen == "personen" and app.toast is None
    app.dispatch("toast.close", {})
    app.apply(ops.add_person, "C", label="C")
    app.dispatch("toast.close", {})
    assert app.toast is None


def test_go_to_unknown_screen_falls_back_to_start():
    app, _ = make_app()
    app.go("nergens")
    assert app.screen == "start"


def test_phase_is_set_by_a_tap_and_undoable():
    app, _ = make_app()
    app.dispatch("app.phase", {"fase": "netwerkatlas"})
    assert app.case.fase == "netwerkatlas"
    app.dispatch("app.undo", {})
    assert app.case.fase == "ontmoeten"


# ----- person sheet -----

def test_new_person_exists_only_after_a_name():
    app, _ = make_app()
    app.new_person(sector="familie", nabijheid="dichtbij")
    app.dispatch("person.set", {"field": "professioneel", "value": "true"})
    app.dispatch("person.field", {"field": "rol", "value": "tante"})
    app.dispatch("person.field", {"field": "naam", "value": "   "})
    assert len(app.case.personen) == 1 and not app.can_undo
    pid = app.dispatch("person.field", {"field": "naam", "value": "Marieke"})
    p = app.case.persoon(pid)
    assert (p.naam, p.rol, p.sector, p.nabijheid, p.professioneel) == ("Marieke", "tante", "familie", "dichtbij", True)
    assert app.sheet.pid == pid
    # renaming later is one more undo step, not a new person
    app.dispatch("person.field", {"field": "naam", "value": "Marieke de Vries"})
    assert len(app.case.personen) == 2
    app.undo()
    assert app.case.persoon(pid).naam == "Marieke"


def test_person_fields_each_one_undo_step():
    app, _ = make_app()
    pid = app.apply(ops.add_person, "Jan", label="Jan")
    app.open_person(pid)
    app.dispatch("person.set", {"field": "sector", "value": "buren_buurt"})
    app.dispatch("person.set", {"field": "nabijheid", "value": "verder_weg"})
    app.dispatch("person.quality", {"value": "conflict"})
    app.dispatch("person.support", {"soort": "praktische_hulp", "value": "wederzijds"})
    app.dispatch("person.field", {"field": "geboortejaar", "value": "1970"})
    case = app.case
    assert case.persoon(pid).sector == "buren_buurt" and case.persoon(pid).geboortejaar == 1970
    assert case.band(case.klant_id, pid).kwaliteit == "conflict"
    assert [(s.soort, s.richting) for s in case.steun] == [("praktische_hulp", "wederzijds")]
    for _ in range(5):
        app.undo()
    assert app.case.persoon(pid).sector is None and not app.case.steun and not app.case.banden
    # "Niet op de kaart" takes the person off the map
    app.dispatch("person.set", {"field": "sector", "value": "familie"})
    app.dispatch("person.set", {"field": "nabijheid", "value": "dichtbij"})
    app.dispatch("person.set", {"field": "sector", "value": ""})
    assert (app.case.persoon(pid).sector, app.case.persoon(pid).nabijheid) == (None, None)


def test_bad_year_and_empty_name_show_field_errors():
    app, _ = make_app()
    pid = app.apply(ops.add_person, "Jan", label="Jan")
    app.open_person(pid)
    before = app.case
    app.dispatch("person.field", {"field": "geboortejaar", "value": "70"})
    app.dispatch("person.field", {"field": "naam", "value": ""})
    assert app.case is before
    assert app.sheet.errors == {"geboortejaar": t("ui.person.jaar_bad"), "naam": t("ui.person.naam_needed")}
    html = view.regions(app)["sheet"]
    assert 'aria-invalid="true"' in html and 'aria-describedby="person-geboortejaar-hint person-geboortejaar-err"' in html


def test_notes_and_interests():
    app, _ = make_app()
    pid = app.apply(ops.add_person, "Jan", label="Jan")
    app.open_person(pid)
    app.dispatch("person.add_note", {"person-note-new": "Belt elke zondag", "locked": "on"})
    app.dispatch("person.add_note", {"person-note-new": "Houdt van vissen"})
    notes = app.case.persoon(pid).notities
    assert [(n.tekst, n.zichtbaar) for n in notes] == [("Belt elke zondag", "klant_en_begeleider"),
                                                        ("Houdt van vissen", "iedereen")]
    app.dispatch("person.note_lock", {"index": "1"})
    app.dispatch("person.note_text", {"index": "0", "value": "Belt elke zaterdag"})
    app.dispatch("person.remove_note", {"index": "0"})
    assert [(n.tekst, n.zichtbaar) for n in app.case.persoon(pid).notities] == [("Houdt van vissen", "klant_en_begeleider")]
    app.dispatch("person.add_interest", {"value": "vissen"})
    app.dispatch("person.add_interest", {"value": "vissen"})  # no duplicates
    app.dispatch("person.add_interest", {"value": "koken"})
    app.dispatch("person.remove_interest", {"index": "0"})
    assert app.case.persoon(pid).interesses == ["koken"]


def test_delete_asks_first_and_names_references():
    app, _ = make_app()
    pid = app.apply(ops.add_person, "Marieke", geslacht="vrouw", label="M")
    app.apply(ops.set_quality, pid, "goed", label="lijn")
    app.apply(ops.set_support, pid, "zorg", "krijgt", label="steun")
    app.apply(ops.set_support, pid, "gezelschap", "wederzijds", label="steun")
    app.open_person(pid)
    app.dispatch("person.delete", {})
    sheet = app.sheet
    assert sheet.kind == "confirm"
    assert sheet.title == "Marieke verwijderen?"
    assert "Ze verdwijnt ook uit 1 lijn en 2 soorten steun." in sheet.text
    assert sheet.yes == "Ja, verwijder Marieke"
    html = view.regions(app)["sheet"]
    assert "Nee, houden" in html and "data-autofocus" in html.split("Nee, houden")[0].rsplit("<button", 1)[1]
    app.dispatch("confirm.no", {})
    assert pid in {p.id for p in app.case.personen}
    assert app.sheet.kind == "person" and app.sheet.pid == pid  # back to the person
    app.dispatch("person.delete", {})
    app.dispatch("confirm.yes", {})
    assert pid not in {p.id for p in app.case.personen} and not app.case.steun
    app.undo()
    assert app.case.persoon(pid).naam == "Marieke" and len(app.case.steun) == 2


# ----- strengths on Start -----

def test_strengths_add_and_remove():
    app, _ = make_app()
    app.dispatch("start.add_strength", {"tekst": "  "})
    assert app.view_state(StartView).error and not app.case.basisposter.sterke_punten
    app.dispatch("start.add_strength", {"tekst": "Koken"})
    items = app.case.basisposter.sterke_punten
    assert [i.tekst for i in items] == ["Koken"] and not app.view_state(StartView).error
    app.dispatch("start.remove_strength", {"id": items[0].id})
    assert not app.case.basisposter.sterke_punten


# ----- saving -----

def test_autosave_schedules_and_saves():
    store = CaseStore(MemoryBackend(), now=lambda: NOW)
    app, host = make_app(store)
    app.apply(ops.add_person, "A", label="A")
    assert app.save_state == "pending" and host.saves and host.saves[-1] <= 1000
    assert drive(store.load()) is None  # debounced: not yet written
    assert app.save_now()
    assert app.save_state == "saved" and app.saved_at == NOW
    assert [p.naam for p in drive(store.load()).personen] == ["Sam", "A"]
    assert "Opgeslagen om 14:32" in view.regions(app)["savestatus"]


def test_full_storage_shows_not_saved_and_keeps_old_value():
    kv = MemoryBackend(quota=4000)
    store = CaseStore(kv)
    app, _ = make_app(store)
    app.mark_dirty()
    assert app.save_now()
    for i in range(40):
        app.apply(ops.add_person, f"Persoon met een lange naam {i}", label="x")
    assert not app.save_now()
    assert app.save_state == "failed" and app.pending_save
    regions = view.regions(app)
    assert t("ui.save.failed") in regions["savestatus"]
    assert t("ui.menu.save") in regions["savefix"] and 'data-action="menu.save"' in regions["savefix"]
    assert t("err.store.full") in regions["alerts"]  # the written warning is shown, not only the status
    assert [p.naam for p in drive(store.load()).personen] == ["Sam"]


# ----- files -----

def test_save_file_downloads_json_without_private_notes_by_default():
    app, host = make_app()
    pid = app.apply(ops.add_person, "Jan", label="Jan")
    app.apply(ops.update_person, pid, notities=[{"tekst": "geheim", "zichtbaar": "klant_en_begeleider"},
                                                {"tekst": "open"}], label="n")
    app.dispatch("menu.save", {})
    assert app.sheet.kind == "save"
    html = view.regions(app)["sheet"]
    assert t("ui.file.warning") in html and t("ui.file.opt_notes") in html and t("ui.file.opt_pseudo") in html
    app.dispatch("export.json", {})
    name, text, mime = host.downloads[-1]
    assert name == "netwerkatlas-sam-2026-11-25.json" and mime == "application/json"
    notes = [n["tekst"] for p in json.loads(text)["personen"] for n in p["notities"]]
    assert notes == ["open"]
    app.dispatch("menu.save", {})
    app.dispatch("export.option", {"name": "notes", "checked": "true"})
    app.dispatch("export.json", {})
    notes = [n["tekst"] for p in json.loads(host.downloads[-1][1])["personen"] for n in p["notities"]]
    assert notes == ["geheim", "open"]
    app.dispatch("export.option", {"name": "pseudonymise", "checked": "true"})
    app.dispatch("export.json", {})
    assert "Jan" not in host.downloads[-1][1]


def test_registered_export_runs_with_options():
    calls = []
    screens.register_export(screens.Export("test_export", "ui.print.instrument", lambda app, opts: calls.append(opts)))
    app, _ = make_app()
    app.dispatch("menu.export", {})
    assert 'data-key="test_export"' in view.regions(app)["sheet"]
    app.dispatch("export.run", {"key": "test_export"})
    assert calls == [{"notes": False, "pseudonymise": False}]


def test_open_file_replaces_case_undoably_and_persists():
    store = CaseStore(MemoryBackend())
    app, _ = make_app(store)
    other, _pid = ops.add_person(new_case("Kim"), "Oma")
    from snv.storage.jsonio import dumps_case
    assert app.open_file("kim.json", dumps_case(other).encode())
    assert app.case.klant.naam == "Kim" and drive(store.load()).klant.naam == "Kim"
    app.undo()
    assert app.case.klant.naam == "Sam"


@pytest.mark.parametrize("data", [b"dit is geen json", b'{"personen": []}',
                                  b'{"id": "c1", "klant_id": "p1", "personen": [{"id": "p1", "naam": "A"}],'
                                  b' "banden": [{"a": "p1", "b": "p-weg"}]}'])
def test_open_bad_file_alerts_and_keeps_everything(data):
    store = CaseStore(MemoryBackend())
    app, _ = make_app(store)
    app.apply(ops.add_person, "Marieke", label="M")
    app.save_now()
    before, stored = app.case, store.backend.data.get("snv:case")
    assert not app.open_file("kapot.json", data)
    assert app.case is before and store.backend.data.get("snv:case") == stored
    assert len(app.alerts) == 1 and t("ui.file.unchanged") in app.alerts[0]
    assert app.alerts[0] in view.regions(app)["alerts"]
    assert '<div class="alerts" id="alerts" role="alert">' in frame.skeleton()


# ----- menu: new case, open, end session -----

def test_new_case_asks_first_then_onboards():
    store = CaseStore(MemoryBackend())
    app, host = make_app(store)
    app.apply(ops.add_person, "A", label="A")
    app.save_now()
    app.dispatch("menu.new", {})
    assert app.sheet.kind == "confirm" and app.sheet.offer_save
    app.dispatch("confirm.save", {})  # offer to save first: downloads, keeps the question open
    assert host.downloads and app.sheet.kind == "confirm"
    app.dispatch("confirm.yes", {})
    assert app.onboarding == "naam" and drive(store.load()) is None and not app.can_undo
    app.dispatch("onboard.naam", {"onboard-naam": ""})
    assert app.view_state(OnboardView).error == t("ui.onboard.name_needed")
    app.dispatch("onboard.naam", {"onboard-naam": "Kim"})
    assert app.onboarding == "kaart" and app.case.klant.naam == "Kim" and drive(store.load()).klant.naam == "Kim"
    assert "Is er al een netwerkkaart?" in view.regions(app)["content"]
    app.dispatch("onboard.begin", {})
    assert app.onboarding is None and app.screen == "start"


def test_open_on_empty_case_picks_at_once_and_otherwise_asks():
    app, host = make_app()
    app.dispatch("menu.open", {})
    assert host.picks == 1 and app.sheet is None
    app.apply(ops.add_person, "A", label="A")
    app.dispatch("menu.open", {})
    assert host.picks == 1 and app.sheet.kind == "confirm"
    app.dispatch("confirm.yes", {})
    assert host.picks == 2


def test_end_session_wipes_storage():
    kv = MemoryBackend()
    kv.data["ander:sleutel"] = "blijft"
    store = CaseStore(kv)
    app, _ = make_app(store)
    app.apply(ops.add_person, "A", label="A")
    app.save_now()
    app.dispatch("menu.end", {})
    assert app.sheet.kind == "confirm" and app.sheet.yes == t("ui.confirm.end_yes")
    app.dispatch("confirm.yes", {})
    assert list(kv.data) == ["ander:sleutel"]
    assert app.onboarding == "naam" and len(app.case.personen) == 1 and not app.can_undo
    app.dispatch("confirm.yes", {})  # a stale second tap does nothing
    assert app.onboarding == "naam"


def test_next_step_follows_the_case():
    from snv.ui.start import next_step
    app, _ = make_app()
    assert next_step(app)[0] == t("ui.next.strengths")
    app.apply(ops.add_poster_item, "sterke_punten", "Koken", label="k")
    assert next_step(app)[0] == t("ui.next.first_people")
    pid = app.apply(ops.add_person, "A", label="A")
    assert next_step(app)[0] in (t("ui.next.first_map"), t("ui.next.place"))
    app.apply(ops.move_person, pid, "familie", "dichtbij", label="m")
    assert next_step(app)[0] == t("ui.next.lines")
    app.apply(ops.set_quality, pid, "goed", label="l")
    assert next_step(app)[0] == t("ui.next.support")


def test_personen_renders_every_row_and_pages_after_100():
    """Render time is measured in bench/bench_ui.py; here only what gets rendered."""
    app, _ = make_app()
    case = app.case
    for i in range(130):
        case, _pid = ops.add_person(case, f"Persoon {i}", sector="familie", nabijheid="dichtbij")
    app.case = case
    app.go("personen")
    assert view.regions(app)["content"].count('class="person-row') == 100
    app.dispatch("personen.more", {"event": "click"})
    assert view.regions(app)["content"].count('class="person-row') == 130


def test_open_file_turns_a_case_error_into_an_alert_instead_of_raising():
    from snv.storage.files import read_case_file

    app, _ = make_app()
    with pytest.raises(CaseError):  # what open_file has to catch
        read_case_file("x.txt", b"\x00\x01")
    before = app.case
    assert app.open_file("x.txt", b"\x00\x01") is False
    assert app.case is before and len(app.alerts) == 1 and t("ui.file.unchanged") in app.alerts[0]


def test_bottom_bar_keeps_personen_in_every_phase_and_the_map_after_ontmoeten():
    screens.load_screens()
    for phase in ("ontmoeten", "netwerkatlas", "meedenkbijeenkomst", "basisteam"):
        keys = [s.key for s in screens.for_phase(phase)]
        # Ontmoeten (order 5) comes first in its own phase; otherwise Personen leads
        assert keys[0] == ("ontmoeten" if phase == "ontmoeten" else "personen") and "personen" in keys[:2], phase
        assert ("relatiekaart" in keys) == (phase != "ontmoeten"), phase


def test_sheets_are_typed_values_and_the_app_keeps_no_params():
    from snv.ui.sheets import ConfirmSheet, MenuSheet, PersonSheet

    app, _ = make_app()
    assert not hasattr(app, "params")
    app.trigger = "#bar-personen"
    app.dispatch("app.menu", {})
    assert isinstance(app.sheet, MenuSheet) and app.sheet.return_to == "#bar-personen"
    app.go("personen")
    assert app.sheet is None  # a screen change closes every sheet but the person sheet
    app.new_person(sector="familie")
    person = app.sheet
    assert isinstance(person, PersonSheet) and person.pid is None and person.prefill == {"sector": "familie"}
    pid = app.dispatch("person.field", {"field": "naam", "value": "Marieke"})
    app.dispatch("person.delete", {})
    assert isinstance(app.sheet, ConfirmSheet) and app.sheet.back is person and person.pid == pid
    app.dispatch("confirm.no", {})
    assert app.sheet is person


def test_overmij_print_choice_is_the_file_choice_and_prints():
    from snv.ui.sheets import FileOptions

    host = RecordingHost()
    app = App(new_case("Sam"), host=host)
    app.go("overmij")
    assert 'data-print-notes="nee"' in view.regions(app)["content"]
    app.dispatch("overmij.print_notes", {"checked": "true", "event": "change"})
    assert app.view_state(FileOptions).notes is True
    assert 'data-print-notes="ja"' in view.regions(app)["content"]
    app.dispatch("overmij.print", {"event": "click"})
    assert host.prints == 1


def test_every_phase_bar_fits_a_portrait_tablet_and_follows_the_route():
    """UX.md §2: the bottom bar is Start plus the phase's own screens; seven buttons fit 768 px."""
    screens.load_screens()
    bars = {phase: [s.key for s in screens.for_phase(phase)] for phase in FASEN}
    assert all(len(keys) + 1 <= 7 for keys in bars.values()), bars
    assert bars["netwerkatlas"] == ["personen", "basisposter", "familiekaart", "relatiekaart", "gebeurteniskaart",
                                    "contactschema"]
    assert {"voorbereiden", "bijeenkomst", "plan"} <= set(bars["meedenkbijeenkomst"])
    assert "ontmoeten" in bars["ontmoeten"]
