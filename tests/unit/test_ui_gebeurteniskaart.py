"""The Gebeurteniskaart screen's actions under CPython: create, edit each kind of moment, feelings,
persons (chips and quick add), remove with a confirm sheet, undo/redo, the relatiekaart highlight and
the SVG export download."""
from __future__ import annotations

import datetime as dt

from snv.model import parse_case
from snv.model.case import Moment
from snv.render import relatiekaart
from snv.render.gebeurteniskaart import NEW, GebeurteniskaartView
from snv.render.relatiekaart import RelatiekaartView, map_options
from snv.storage.files import read_case_file
from snv.ui import screens
from snv.ui.app import App
from snv.ui.sheets import ConfirmSheet, ExportSheet
from hosts import RecordingHost

NOW = dt.datetime(2026, 12, 2, 14, 30)
K = "gebeurteniskaart"


def make_app(birth: int | None = 2001, events: list | None = None) -> App:
    data = {
        "schema_version": 2, "id": "c-ui", "klant_id": "p-sam", "fase": "netwerkatlas",
        "personen": [
            {"id": "p-sam", "naam": "Sam", "rol": "ik", "geboortejaar": birth},
            {"id": "p-ma", "naam": "Marja", "rol": "moeder", "sector": "familie", "nabijheid": "heel_dichtbij"},
            {"id": "p-gerda", "naam": "Gerda", "sector": "buren_buurt", "nabijheid": "dichtbij"},
        ],
        "gebeurtenissen": events if events is not None else [
            {"id": "g-1", "wanneer": {"jaar": 2010}, "titel": "Eerste baan", "gevoel": "fijn"}],
    }
    app = App(parse_case(data), host=RecordingHost(), now=lambda: NOW)
    app.go(K)
    return app


def view(app) -> GebeurteniskaartView:
    return app.view_state(GebeurteniskaartView)


def event(app, eid: str):
    return next(g for g in app.case.gebeurtenissen if g.id == eid)


def test_screen_is_registered_in_the_bar_with_its_export():
    s = screens.get(K)
    assert s is not None and s.order == 30 and "netwerkatlas" in s.phases and s.mount is not None
    assert s.stylesheet == "gebeurteniskaart.css"
    assert [x.key for x in screens.for_phase("netwerkatlas")].index(K) > [x.key for x in screens.for_phase(
        "netwerkatlas")].index("relatiekaart")
    assert "gebeurteniskaart_svg" in [e.key for e in screens.exports()]


def test_new_event_exists_only_once_a_title_is_typed_and_is_one_undo_step():
    app = make_app()
    app.dispatch(f"{K}.add", {})
    assert view(app).sel == NEW and app.focus_request == "#gk-titel"
    app.dispatch(f"{K}.titel", {"value": "   "})
    assert len(app.case.gebeurtenissen) == 1  # nothing typed: nothing made
    eid = app.dispatch(f"{K}.titel", {"value": "Verhuisd"})
    assert view(app).sel == eid and event(app, eid).titel == "Verhuisd"
    assert app.toast.text == "'Verhuisd' toegevoegd"
    app.undo()
    assert len(app.case.gebeurtenissen) == 1
    assert 'id="gk-panel"' not in screens.get(K).render(app)  # the panel of a gone event closes


def test_typing_the_title_again_is_one_undo_step_per_field():
    app = make_app()
    app.dispatch(f"{K}.select", {"id": "g-1"})
    app.coalesce = "#gk-titel"  # the browser commits a typed field like this (ui/browser.py)
    app.dispatch(f"{K}.titel", {"value": "Eerste baan bij"})
    app.dispatch(f"{K}.titel", {"value": "Eerste baan bij de bakker"})
    app.coalesce = None
    assert event(app, "g-1").titel == "Eerste baan bij de bakker"
    app.undo()
    assert event(app, "g-1").titel == "Eerste baan"
    app.dispatch(f"{K}.titel", {"value": ""})
    assert view(app).errors["titel"] == "Schrijf op wat er gebeurde." and event(app, "g-1").titel == "Eerste baan"


def test_moment_kinds_year_age_date_unknown_and_ongeveer():
    app = make_app()
    app.dispatch(f"{K}.select", {"id": "g-1"})
    app.dispatch(f"{K}.kind", {"value": "leeftijd"})  # a year converts to an age with the birth year
    assert event(app, "g-1").wanneer == Moment(leeftijd=9)
    app.dispatch(f"{K}.leeftijd", {"value": "12"})
    assert event(app, "g-1").wanneer == Moment(leeftijd=12)
    app.dispatch(f"{K}.ongeveer", {})
    assert event(app, "g-1").wanneer == Moment(leeftijd=12, ongeveer=True)
    app.dispatch(f"{K}.kind", {"value": "datum"})  # nothing to convert: waits for the date
    assert view(app).kind == "datum" and event(app, "g-1").wanneer == Moment(leeftijd=12, ongeveer=True)
    assert 'id="gk-datum"' in screens.get(K).render(app)
    app.dispatch(f"{K}.datum", {"value": "2014-03-14"})
    assert event(app, "g-1").wanneer == Moment(datum=dt.date(2014, 3, 14), ongeveer=True)
    assert view(app).kind is None
    app.dispatch(f"{K}.kind", {"value": "jaar"})
    assert event(app, "g-1").wanneer == Moment(jaar=2014, ongeveer=True)
    app.dispatch(f"{K}.kind", {"value": "onbekend"})
    assert event(app, "g-1").wanneer is None
    app.undo()
    assert event(app, "g-1").wanneer == Moment(jaar=2014, ongeveer=True)


def test_bad_moment_values_show_under_the_field_and_change_nothing():
    app = make_app(birth=None)
    app.dispatch(f"{K}.select", {"id": "g-1"})
    before = app.case
    for kind, value, key in (("jaar", "19", "jaar"), ("jaar", "1700", "jaar"), ("leeftijd", "140", "leeftijd"),
                             ("leeftijd", "¹²", "leeftijd"), ("datum", "31-2-2020", "datum")):
        app.dispatch(f"{K}.{kind}", {"value": value})
        assert key in view(app).errors, (kind, value)
    assert app.case is before and not app.alerts
    app.dispatch(f"{K}.kind", {"value": "leeftijd"})  # no birth year: the year cannot become an age
    assert view(app).kind == "leeftijd" and event(app, "g-1").wanneer == Moment(jaar=2010)
    app.dispatch(f"{K}.leeftijd", {"value": "7"})
    assert event(app, "g-1").wanneer == Moment(leeftijd=7) and "leeftijd" not in view(app).errors


def test_feeling_and_persons_toggle_and_quick_add():
    app = make_app()
    app.dispatch(f"{K}.select", {"id": "g-1"})
    app.dispatch(f"{K}.gevoel", {"value": "moeilijk"})
    assert event(app, "g-1").gevoel == "moeilijk" and app.toast.text == "'Eerste baan' is nu: moeilijk"
    app.dispatch(f"{K}.person", {"pid": "p-ma"})
    assert event(app, "g-1").personen == ["p-ma"]
    app.dispatch(f"{K}.person", {"pid": "p-sam"})  # the client is not someone "who was there"
    app.dispatch(f"{K}.person", {"pid": "p-niemand"})
    assert event(app, "g-1").personen == ["p-ma"]
    app.dispatch(f"{K}.new_person", {"naam": "  Bas  "})
    bas = next(p for p in app.case.personen if p.naam == "Bas")
    assert bas.nabijheid is None and event(app, "g-1").personen == ["p-ma", bas.id]
    app.undo()  # one step: the person and the link go together
    assert all(p.naam != "Bas" for p in app.case.personen) and event(app, "g-1").personen == ["p-ma"]
    app.dispatch(f"{K}.person", {"pid": "p-ma"})
    assert event(app, "g-1").personen == []
    app.dispatch(f"{K}.who", {"value": "ger"})
    html = screens.get(K).render(app)
    assert 'data-pid="p-gerda"' in html and 'data-pid="p-ma"' not in html


def test_remove_asks_first_and_can_be_undone():
    app = make_app()
    app.dispatch(f"{K}.select", {"id": "g-1"})
    app.dispatch(f"{K}.remove", {})
    assert isinstance(app.sheet, ConfirmSheet) and "Eerste baan" in app.sheet.title
    app.dispatch("confirm.no", {})
    assert len(app.case.gebeurtenissen) == 1
    app.dispatch(f"{K}.remove", {})
    app.dispatch("confirm.yes", {})
    assert app.case.gebeurtenissen == [] and view(app).sel is None
    assert app.toast.text == "'Eerste baan' verwijderd"
    app.undo()
    assert [g.id for g in app.case.gebeurtenissen] == ["g-1"]


def test_show_on_the_relatiekaart_highlights_exactly_the_event_persons_and_clears():
    app = make_app()
    app.dispatch(f"{K}.select", {"id": "g-1"})
    app.dispatch(f"{K}.person", {"pid": "p-gerda"})
    app.dispatch(f"{K}.show", {})
    assert app.screen == "relatiekaart"
    rk = app.view_state(RelatiekaartView)
    assert map_options(app.case, rk).highlight == frozenset({"p-gerda"})
    html = screens.get("relatiekaart").render(app)
    assert "Gebeurtenis: Eerste baan" in html and 'id="rk-event-clear"' in html
    app.dispatch(f"{K}.show_clear", {})
    assert map_options(app.case, rk).highlight == frozenset()
    assert "Gebeurtenis: Eerste baan" not in screens.get("relatiekaart").render(app)
    assert relatiekaart.RelatiekaartView().event is None


def test_close_returns_focus_to_the_card_and_zoom_stays_in_range():
    app = make_app()
    app.dispatch(f"{K}.select", {"id": "g-1"})
    app.dispatch(f"{K}.close", {})
    assert view(app).sel is None and app.focus_request == '.gk-ev[data-id="g-1"]'
    for _ in range(10):
        app.dispatch(f"{K}.zoom", {"step": "1"})
    assert view(app).zoom == 3
    for _ in range(10):
        app.dispatch(f"{K}.zoom", {"step": "-1"})
    assert view(app).zoom == 0
    view(app).scroll_x, view(app).view_w = 1000.0, 600.0
    app.dispatch(f"{K}.zoom", {"step": "1"})  # wider columns: the same moment is further to the right
    assert view(app).scroll_x > 1000.0


def test_export_downloads_an_svg_that_opens_as_the_case():
    app = make_app()
    app.dispatch(f"{K}.export", {})
    assert isinstance(app.sheet, ExportSheet)
    export = {e.key: e for e in screens.exports()}["gebeurteniskaart_svg"]
    name = export.run(app, {"notes": False, "pseudonymise": False})
    filename, text, mime = app.host.downloads[-1]
    assert filename == name == "netwerkatlas-sam-2026-12-02-gebeurteniskaart.svg" and mime == "image/svg+xml"
    assert "Eerste baan" in text and read_case_file(filename, text.encode()) == app.case
    export.run(app, {"notes": False, "pseudonymise": True})
    assert "Eerste baan" not in app.host.downloads[-1][1] and "Marja" not in app.host.downloads[-1][1]


def test_as_list_names_every_event_in_order_and_selects_from_there():
    app = make_app(events=[
        {"id": "g-b", "wanneer": {"leeftijd": 12}, "titel": "Op kamp", "gevoel": "fijn", "personen": ["p-ma"]},
        {"id": "g-a", "wanneer": {"jaar": 2005}, "titel": "Nieuwe school", "gevoel": "moeilijk"},
        {"id": "g-c", "wanneer": None, "titel": "<b>Ziek</b>", "gevoel": "allebei"},
    ])
    assert "gk-listview" not in screens.get(K).render(app)
    app.dispatch(f"{K}.list", {})
    html = screens.get(K).render(app)
    assert app.focus_request == "#gk-list-title"
    listing = html[html.index('class="gk-list"'):]
    assert listing.index("Nieuwe school") < listing.index("Op kamp") < listing.index("&lt;b&gt;Ziek")
    assert "12 jaar (2013) · fijn · Met Marja" in listing and "<b>Ziek" not in listing
    app.dispatch(f"{K}.select", {"id": "g-b"})
    assert 'data-id="g-b" aria-current="true"' in screens.get(K).render(app)
    app.dispatch(f"{K}.list", {})
    assert "gk-listview" not in screens.get(K).render(app)
