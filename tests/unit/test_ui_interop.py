"""Files of other programs in the app (ui/interop.py, render/import_sheet.py): the one file path opens a
preview, nothing changes until confirmed, adding is one undo step; the research and GEDCOM exports."""
from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest

from snv.messages import set_language
from snv.model import new_case, ops
from snv.ui import screens, view
from snv.ui.app import App
from snv.ui.sheets import ExportSheet, FileOptions, ImportSheet

from hosts import RecordingHost

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "interop"
NOW = dt.datetime(2026, 5, 20, 10, 0)
JONAS = (FIXTURES / "easynwk-jonas.json").read_bytes()
TREE = (FIXTURES / "stamboom-551-ansi.ged").read_bytes()


class SealingHost(RecordingHost):
    """Keeps what an encrypted export would seal, unencrypted, so a test can read it."""

    def __init__(self) -> None:
        super().__init__()
        self.sealed: list[tuple[str, bytes]] = []

    def download_encrypted(self, filename, inner_name, data, mime, passphrase):
        self.sealed.append((inner_name, data))


@pytest.fixture(autouse=True)
def _dutch():
    yield
    set_language("nl")


def current_case():
    """Sam with Mama (role moeder, as after translating easyNWK's Mutter) and a friend not in the file."""
    case = new_case("Sam")
    case, _ = ops.add_person(case, "Mama", id="p-mama", rol="moeder", sector="familie", nabijheid="dichtbij")
    case, _ = ops.add_person(case, "Vera", id="p-vera", rol="vriendin", sector="vrienden_kennissen",
                             nabijheid="dichtbij")
    return case


def make_app(case=None) -> App:
    return App(case or current_case(), host=SealingHost(), now=lambda: NOW)


def sheet_html(app) -> str:
    return view.regions(app)["sheet"]


def test_an_easynwk_file_opens_a_preview_and_changes_nothing():
    app = make_app()
    before = app.case
    assert app.open_file("jonas.json", JONAS) is False
    assert app.case is before and not app.can_undo
    assert isinstance(app.sheet, ImportSheet)
    html = sheet_html(app)
    assert "11 personen en 1 bewaarde kaart gevonden in een easyNWK-bestand." in html
    assert "Toevoegen aan Sam" in html and "Nieuw dossier" in html
    assert "Rollen in het Nederlands zetten" in html and "Mutter → moeder" in html


def test_cancel_leaves_the_case_as_it_was():
    app = make_app()
    before = app.case
    app.open_file("jonas.json", JONAS)
    app.dispatch("sheet.close", {})
    assert app.sheet is None and app.case is before and not app.can_undo


def test_adding_lists_who_is_new_and_who_is_already_there():
    app = make_app()
    app.open_file("jonas.json", JONAS)
    app.dispatch("import.translate", {"checked": "true"})  # Mutter → moeder: Mama matches by name and role
    html = sheet_html(app)
    assert "Mama (moeder)" in html and "Staat er al in" in html
    assert "Tom (vriend)" in html and "Jonas uit het bestand is Sam." in html


def test_adding_merges_without_duplicates_and_is_one_undo_step():
    app = make_app()
    before = app.case
    app.open_file("jonas.json", JONAS)
    app.dispatch("import.translate", {"checked": "true"})
    app.dispatch("import.take", {"pid": "a5", "checked": "false"})  # leave Frau Huber out
    app.dispatch("import.confirm", {})
    names = [p.naam for p in app.case.personen]
    assert names.count("Mama") == 1 and "Tom" in names and "Frau Huber" not in names and "Vera" in names
    assert len(names) == 3 + 10 - 2  # Sam, Mama, Vera + the file's 10 others, less Mama (matched) and Frau Huber
    assert app.case.persoon("p-mama").geboortejaar == 1966  # filled in from the file
    assert len(app.case.momentopnamen) == 1 and app.case.momentopnamen[0].klant_id == app.case.klant_id
    assert app.sheet is None and app.toast.text == "Uit het bestand: 8 nieuw, 1 aangevuld"
    app.undo()
    assert app.case is before and not app.can_undo


def test_taking_nobody_then_everyone_again():
    app = make_app()
    app.open_file("jonas.json", JONAS)
    app.dispatch("import.all", {"checked": "false"})
    assert len(app.sheet.leave_out) == 10
    app.dispatch("import.all", {"checked": "true"})
    assert app.sheet.leave_out == set()


def test_a_new_case_from_the_file_replaces_the_case_and_undo_brings_it_back():
    app = make_app()
    before = app.case
    app.open_file("jonas.json", JONAS)
    app.dispatch("import.mode", {"value": "new"})
    assert "Het dossier van Sam komt terug met Ongedaan maken." in sheet_html(app)
    app.dispatch("import.confirm", {})
    assert app.case.klant.naam == "Jonas" and app.sheet is None and app.screen == "start"
    assert app.toast.text == "Dossier van Jonas gemaakt uit het bestand"
    app.undo()
    assert app.case is before


def test_during_onboarding_only_a_new_case_is_offered():
    app = make_app(new_case("Ik"))
    app.onboarding = "naam"
    app.open_file("jonas.json", JONAS)
    html = sheet_html(app)
    assert "Toevoegen aan" not in html and "Nieuw dossier maken" in html
    app.dispatch("import.mode", {"value": "add"})  # not possible: stays new
    app.dispatch("import.confirm", {})
    assert app.case.klant.naam == "Jonas" and app.onboarding is None


def test_a_family_tree_asks_who_the_client_is():
    app = make_app()
    app.open_file("boom.ged", TREE)
    html = sheet_html(app)
    assert "7 personen gevonden in een stamboom (GEDCOM)." in html and "Wie is de klant?" in html
    assert "1 bron" in html and "1 archief" in html
    karel = next(p.id for p in app.sheet.imported.case.personen if p.naam == "Karel Bakker")
    app.dispatch("import.mode", {"value": "new"})
    app.dispatch("import.klant", {"value": karel})
    app.dispatch("import.confirm", {})
    assert app.case.klant.naam == "Karel Bakker"
    assert {p.naam: p.rol for p in app.case.personen}["Joop Bakker"] == "vader"


def test_a_file_that_is_not_what_its_name_says_gets_a_dutch_alert():
    app = make_app()
    before = app.case
    assert app.open_file("boom.ged", b"dit is geen stamboom") is False
    assert app.case is before and app.sheet is None
    assert "Dit is geen stamboom die we kunnen lezen." in app.alerts[0]


def test_a_hostile_tree_gets_a_dutch_alert():
    app = make_app()
    data = (b"0 HEAD\n0 @I1@ INDI\n1 NAME Anna\n0 @F1@ FAM\n1 HUSB @I1@\n1 CHIL @I2@\n0 @I2@ INDI\n"
            b"0 @F2@ FAM\n1 HUSB @I2@\n1 CHIL @I1@\n0 TRLR\n")
    app.open_file("rond.ged", data)
    assert "eigen voorouder" in app.alerts[0] and app.sheet is None


def test_a_netwerkatlas_file_still_opens_at_once(demo_case):
    from snv.storage import dumps_case

    app = make_app()
    assert app.open_file("sam.json", dumps_case(demo_case).encode()) is True
    assert app.case.klant.naam == demo_case.klant.naam


# ----- exports -----

def test_the_export_sheet_lists_the_new_exports_and_the_names_switch():
    app = make_app()
    app.open_sheet(ExportSheet())
    html = sheet_html(app)
    for label in ("Voor onderzoek: het netwerk (GraphML)", "Voor onderzoek: tabellen (CSV in een zip)",
                  "Stamboom voor een ander programma (GEDCOM)", "Namen in bestanden voor onderzoek"):
        assert label in html
    app.dispatch("export.option", {"name": "research_names", "checked": "true"})
    assert app.view_state(FileOptions).research_names


def run_export(app, key: str):
    app.open_sheet(ExportSheet())
    app.dispatch("export.run", {"key": key})
    return app.host.downloads[-1]


def test_research_exports_are_without_names_unless_deliberately_chosen():
    app = make_app()
    name, text, mime = run_export(app, "graphml")
    assert "Mama" not in text and "Vera" not in text and mime == "application/graphml+xml"
    assert name == "netwerkatlas-klant-2026-05-20.graphml"  # no name in the file's name either
    app.view_state(FileOptions).research_names = True
    assert "Mama" in run_export(app, "graphml")[1]
    app.view_state(FileOptions).pseudonymise = True  # *Zonder namen* wins
    assert "Mama" not in run_export(app, "graphml")[1]


def test_the_csv_export_downloads_a_zip():
    app = make_app()
    name, data, mime = run_export(app, "csv")
    assert name == "netwerkatlas-klant-2026-05-20-tabellen.zip" and mime == "application/zip"
    assert isinstance(data, bytes) and "personen.csv" in zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert app.toast.text.startswith("Bestand netwerkatlas-klant-2026-05-20-tabellen.zip is gemaakt")


def test_the_gedcom_export_follows_zonder_namen():
    base = current_case()
    case, _ = ops.add_relative(base, base.klant_id, "ouder", "Opa Kees", geslacht="man")
    app = make_app(case)
    name, text, _ = run_export(app, "gedcom")
    assert name == "netwerkatlas-sam-2026-05-20.ged" and "1 NAME Sam" in text
    app.view_state(FileOptions).pseudonymise = True
    assert "Sam" not in run_export(app, "gedcom")[1]


def test_a_zip_can_be_encrypted_too():
    app = make_app()
    app.open_sheet(ExportSheet())
    app.dispatch("export.run", {"key": "csv", "export-passphrase": "een lang wachtwoord",
                                "export-passphrase2": "een lang wachtwoord"})
    inner, data = app.host.sealed[-1]
    assert inner.endswith(".zip") and zipfile.ZipFile(io.BytesIO(data)).namelist()[0] == "personen.csv"


def test_exports_are_registered_with_the_screens():
    keys = [e.key for e in screens.exports()]
    assert {"gedcom", "graphml", "csv"} <= set(keys)
