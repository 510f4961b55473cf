"""The Familiekaart screen's actions under CPython: select a person, add a parent / partner / child /
sibling in ONE undo step with one toast, a refused ancestry cycle (alert, nothing changed), change and
remove relations (asked first), connect a family member not yet on the map, the SVG export download."""
from __future__ import annotations

import datetime as dt

from snv.model import parse_case
from snv.render.familiekaart import FamiliekaartView
from snv.storage.files import read_case_file
from snv.ui import screens, view
from snv.ui.app import App
from snv.ui.sheets import ConfirmSheet, ExportSheet, PersonSheet
from hosts import RecordingHost

KLANT = "p-sam"
NOW = dt.datetime(2026, 11, 25, 14, 30)


def make_app() -> App:
    case = parse_case({
        "schema_version": 2, "id": "c-ui", "klant_id": KLANT, "fase": "netwerkatlas",
        "personen": [{"id": KLANT, "naam": "Sam", "geslacht": "man", "geboortejaar": 2001},
                     {"id": "p-ma", "naam": "Marja", "geslacht": "vrouw", "geboortejaar": 1968, "sector": "familie"},
                     {"id": "p-anna", "naam": "Anna", "sector": "familie"}],
        "ouder_kind": [{"ouder": "p-ma", "kind": KLANT}],
    })
    app = App(case, host=RecordingHost(), now=lambda: NOW)
    app.go("familiekaart")
    return app


def add(app, pid, relation, naam, jaar="", **choices):
    app.dispatch("familiekaart.select", {"pid": pid})
    app.dispatch("familiekaart.add", {"relation": relation})
    for field, value in choices.items():
        app.dispatch("familiekaart.choose", {"field": field, "value": value})
    return app.dispatch("familiekaart.submit", {"fk-naam": naam, "fk-jaar": jaar})


def test_registered_in_the_bar_with_its_export():
    s = screens.get("familiekaart")
    assert s is not None and s.order == 16 and "netwerkatlas" in s.phases and s.stylesheet == "familiekaart.css"
    assert "familiekaart_svg" in [e.key for e in screens.exports()]


def test_add_parent_partner_child_sibling_each_one_undo_step():
    app = make_app()
    depth = len(app._undo)
    oma = add(app, "p-ma", "ouder", "Riet", "1941", geslacht="vrouw")
    assert app.toast.text == "Riet toegevoegd als ouder van Marja" and len(app._undo) == depth + 1
    assert app.case.persoon(oma).geboortejaar == 1941 and app.case.persoon(oma).geslacht == "vrouw"
    ron = add(app, "p-ma", "partner", "Ron", status="samenwonend")
    assert [(p.a, p.b, p.status) for p in app.case.partners] == [("p-ma", ron, "samenwonend")]
    kid = add(app, "p-ma", "kind", "Lotte", "2010")  # the one current partner is chosen as other parent
    assert {o.ouder for o in app.case.ouder_kind if o.kind == kid} == {"p-ma", ron}
    sib = add(app, KLANT, "broer_zus", "Daan", "1998", geslacht="man")
    assert app.toast.text == "Daan toegevoegd als broer of zus van Sam"
    assert {o.ouder for o in app.case.ouder_kind if o.kind == sib} == {"p-ma"}
    assert len(app._undo) == depth + 4
    # the new relatives are in the one person list: sector familie, not on the relatiekaart
    p = app.case.persoon(sib)
    assert (p.sector, p.nabijheid, p.rol) == ("familie", None, "broer")
    app.undo()
    assert sib not in {q.id for q in app.case.personen} and all(o.kind != sib for o in app.case.ouder_kind)
    assert "fk-hit" in view.regions(app)["content"]


def test_bad_year_keeps_the_form_and_changes_nothing():
    app = make_app()
    before = app.case
    assert add(app, KLANT, "ouder", "Peter", "negentien") is None
    assert app.case is before and app.view_state(FamiliekaartView).error
    assert "Schrijf een jaar" in view.regions(app)["content"]


def test_ancestry_cycle_is_an_alert_and_changes_nothing():
    app = make_app()
    app.dispatch("familiekaart.connect", {"pid": "p-anna"})
    before = app.case
    app.dispatch("familiekaart.select", {"pid": KLANT})
    app.dispatch("familiekaart.link", {"relation": "ouder"})  # Anna becomes Sam's parent: fine
    assert app.case is not before and app.toast.text == "Anna staat nu op de familiekaart"
    # now making Sam a parent of Marja (Sam's own mother) must be refused
    app.view_state(FamiliekaartView).connect = KLANT
    app.dispatch("familiekaart.select", {"pid": "p-ma"})
    middle = app.case
    app.dispatch("familiekaart.link", {"relation": "ouder"})
    assert app.case is middle
    assert any("eigen voorouder" in a for a in app.alerts)


def test_change_status_and_kind_and_remove_asks_first():
    app = make_app()
    ron = add(app, "p-ma", "partner", "Ron")
    app.dispatch("familiekaart.status", {"a": "p-ma", "b": ron, "value": "gescheiden"})
    assert app.case.partners[0].status == "gescheiden" and app.toast.text == "Marja en Ron: gescheiden"
    app.dispatch("familiekaart.soort", {"ouder": "p-ma", "kind": KLANT, "value": "pleeg"})
    assert app.case.ouder_kind[0].soort == "pleeg"
    app.dispatch("familiekaart.remove", {"kind": "partner", "a": "p-ma", "b": ron})
    assert isinstance(app.sheet, ConfirmSheet) and app.case.partners
    app.dispatch("confirm.yes", {})
    assert app.case.partners == [] and app.toast.text == "Lijn tussen Marja en Ron weggehaald"


def test_edit_opens_the_shared_person_sheet_and_close_returns_focus():
    app = make_app()
    app.dispatch("familiekaart.select", {"pid": "p-ma"})
    assert app.focus_request == "#fk-panel-title"
    app.dispatch("familiekaart.edit", {"pid": "p-ma"})
    assert isinstance(app.sheet, PersonSheet) and app.sheet.pid == "p-ma"
    app.sheet = None
    app.dispatch("familiekaart.close", {})
    assert app.view_state(FamiliekaartView).selected is None and app.focus_request == "#fk-p-p-ma"


def test_lines_zoom_and_export_download():
    app = make_app()
    v = app.view_state(FamiliekaartView)
    app.dispatch("familiekaart.lines", {})
    assert v.lines
    app.dispatch("familiekaart.zoom", {"step": "1"})
    assert v.zoom == 3
    app.dispatch("familiekaart.zoom", {"step": "-9"})
    assert v.zoom == 0
    app.dispatch("familiekaart.export", {})
    assert isinstance(app.sheet, ExportSheet)
    next(e for e in screens.exports() if e.key == "familiekaart_svg").run(app, {})
    name, text, mime = app.host.downloads[-1]
    assert mime == "image/svg+xml" and name.endswith("-familiekaart.svg")
    assert read_case_file(name, text.encode()).personen == app.case.personen


def test_escape_closes_the_panel_and_does_nothing_when_none_is_open():
    app = make_app()
    assert screens.get("familiekaart").escape == "familiekaart.close"  # the frame runs it on Esc
    app.focus_request = None
    app.dispatch("familiekaart.close", {"event": "key"})
    assert app.focus_request is None  # no panel: focus stays where it is
    app.dispatch("familiekaart.select", {"pid": "p-ma"})
    app.dispatch("familiekaart.close", {"event": "key"})
    assert app.view_state(FamiliekaartView).selected is None and app.focus_request == "#fk-p-p-ma"
