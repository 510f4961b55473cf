"""The Contactschema screen's actions under CPython: add a row (from the list or a new name), set each
field by tapping, type what you do together, sort, remove (asked first), undo; the export download."""
from __future__ import annotations

import datetime as dt

from snv.model import parse_case
from snv.render.contactschema import ContactschemaView
from snv.storage.files import read_case_file
from snv.ui import contactschema as screen
from snv.ui import screens
from snv.ui.app import App
from snv.ui.sheets import ConfirmSheet
from hosts import RecordingHost

NOW = dt.datetime(2026, 11, 25, 14, 30)


def make_app(contacten=None) -> App:
    data = {
        "schema_version": 2, "id": "c-ui", "klant_id": "p-sam", "fase": "netwerkatlas",
        "personen": [{"id": "p-sam", "naam": "Sam"}, {"id": "p-anna", "naam": "Anna", "rol": "tante"},
                     {"id": "p-tom", "naam": "Tom"}, {"id": "p-gerda", "naam": "Gerda"}],
        "contacten": contacten if contacten is not None else [{"persoon": "p-tom", "hoe_vaak": "zelden"}],
    }
    app = App(parse_case(data), host=RecordingHost(), now=lambda: NOW)
    app.screen = "contactschema"
    return app


def row(app, pid):
    return next(c for c in app.case.contacten if c.persoon == pid)


def go(app, verb, **data):
    return app.dispatch(f"contactschema.{verb}", data)


def test_screen_is_registered_in_the_netwerkatlas_bar_with_its_export():
    s = screens.get("contactschema")
    assert s.order == 40 and "netwerkatlas" in s.phases and s.stylesheet == "contactschema.css"
    assert "contactschema" in [x.key for x in screens.for_phase("netwerkatlas")]
    assert "contactschema_svg" in [e.key for e in screens.exports()]


def test_add_a_contact_from_the_list_opens_its_editor():
    app = make_app()
    go(app, "add")
    assert app.view_state(ContactschemaView).adding
    html = screen.render(app)
    assert 'data-action="contactschema.pick" data-pid="p-anna"' in html
    assert 'data-pid="p-tom"' not in html.split('id="cs-pick"')[1].split("</section>")[0]  # already in it
    go(app, "pick", pid="p-anna")
    assert [c.persoon for c in app.case.contacten] == ["p-tom", "p-anna"]
    assert app.toast.text == "Anna staat in het contactschema" and app.toast.undo
    v = app.view_state(ContactschemaView)
    assert v.open == "p-anna" and not v.adding
    assert 'id="cs-editor"' in screen.render(app)
    go(app, "pick", pid="p-sam")  # the client is not a contact of their own
    assert len(app.case.contacten) == 2


def test_quick_add_a_new_name_is_one_undo_step():
    app = make_app()
    persons = len(app.case.personen)
    pid = go(app, "new", naam="  Karel  ")
    assert app.case.persoon(pid).naam == "Karel" and len(app.case.personen) == persons + 1
    assert row(app, pid).hoe_vaak is None
    app.undo()
    assert len(app.case.personen) == persons and all(c.persoon != pid for c in app.case.contacten)
    assert go(app, "new", naam="   ") is None and len(app.case.personen) == persons


def test_set_each_field_by_tapping_with_a_toast_and_undo():
    app = make_app()
    go(app, "open", pid="p-tom", field="hoe_vaak")
    assert app.focus_request.startswith("#cs-ed-hoe_vaak")
    go(app, "set", pid="p-tom", field="hoe_vaak", value="dagelijks")
    assert row(app, "p-tom").hoe_vaak == "dagelijks" and app.toast.text == "Contact met Tom: hoe vaak"
    go(app, "set", pid="p-tom", field="tevreden", value="gaat_wel")
    go(app, "set", pid="p-tom", field="wens", value="meer")
    go(app, "way", pid="p-tom", value="video")
    go(app, "way", pid="p-tom", value="bij_elkaar")
    go(app, "days")
    go(app, "day", pid="p-tom", value="zo")
    go(app, "day", pid="p-tom", value="ma")
    c = row(app, "p-tom")
    assert (c.tevreden, c.wens, c.manieren, c.dagen) == ("gaat_wel", "meer", ["bij_elkaar", "video"], ["ma", "zo"])
    go(app, "way", pid="p-tom", value="video")  # a second tap takes it off again
    go(app, "day", pid="p-tom", value="")  # *Geen vaste dagen*
    assert row(app, "p-tom").manieren == ["bij_elkaar"] and row(app, "p-tom").dagen is None
    go(app, "set", pid="p-tom", field="wens", value="")  # *Weet ik niet*
    assert row(app, "p-tom").wens is None
    app.undo()
    assert row(app, "p-tom").wens == "meer"
    # nonsense changes nothing and adds no history
    depth = len(app._undo)
    go(app, "set", pid="p-tom", field="hoe_vaak", value="elk uur")
    go(app, "set", pid="p-tom", field="persoon", value="p-anna")
    go(app, "way", pid="p-tom", value="post")
    go(app, "day", pid="p-tom", value="maandag")
    go(app, "set", pid="p-niemand", field="wens", value="meer")
    go(app, "set", pid="p-tom", field="hoe_vaak", value="dagelijks")  # already so
    assert len(app._undo) == depth


def test_typed_text_is_one_undo_step_while_typing():
    app = make_app()
    app.coalesce = "#cs-samen"  # the browser sets this while it commits a field being typed in
    go(app, "samen", pid="p-tom", value="Vis")
    go(app, "samen", pid="p-tom", value="Vissen  aan de   kade")
    app.coalesce = None
    assert row(app, "p-tom").samen_doen == "Vissen aan de kade"
    app.undo()
    assert row(app, "p-tom").samen_doen == ""


def test_sort_by_a_header_and_again_reverses():
    app = make_app([{"persoon": "p-tom", "hoe_vaak": "zelden"}, {"persoon": "p-anna", "hoe_vaak": "dagelijks"},
                    {"persoon": "p-gerda"}])
    go(app, "sort", col="hoe_vaak")
    html = screen.render(app)
    assert 'aria-sort="ascending"' in html
    assert html.index('class="cs-row" data-pid="p-anna"') < html.index('class="cs-row" data-pid="p-tom"')
    go(app, "sort", col="hoe_vaak")
    html = screen.render(app)
    assert 'aria-sort="descending"' in html
    assert html.index('class="cs-row" data-pid="p-tom"') < html.index('class="cs-row" data-pid="p-anna"')
    assert html.index('class="cs-row" data-pid="p-anna"') < html.index('class="cs-row" data-pid="p-gerda"')
    go(app, "sort", col="persoon")
    assert app.view_state(ContactschemaView).desc is False
    go(app, "sort", col="dagen")  # the week column is hidden: nothing to sort by
    assert app.view_state(ContactschemaView).sort == "persoon"
    assert app.case.contacten[0].persoon == "p-tom"  # sorting never changes the case


def test_remove_asks_first_then_is_undoable():
    app = make_app()
    go(app, "open", pid="p-tom")
    go(app, "remove", pid="p-tom")
    assert isinstance(app.sheet, ConfirmSheet) and "Tom" in app.sheet.title
    assert app.case.contacten  # nothing happened yet
    app.dispatch("confirm.yes", {})
    assert app.case.contacten == [] and app.toast.text == "Tom uit het contactschema gehaald"
    assert app.case.persoon("p-tom").naam == "Tom"
    html = screen.render(app)
    assert "Met wie heb je contact? Kies iemand uit je lijst." in html and app.view_state(ContactschemaView).open is None
    app.undo()
    assert [c.persoon for c in app.case.contacten] == ["p-tom"]


def test_figure_tap_highlights_its_rows():
    app = make_app([{"persoon": "p-tom", "wens": "meer"}, {"persoon": "p-anna", "wens": "meer"},
                    {"persoon": "p-gerda", "wens": "minder"}])
    html = screen.render(app)
    assert "Met 2 mensen wil je meer contact." in html
    go(app, "fig", key="wish_more")
    html = screen.render(app)
    assert 'class="cs-row is-hl" data-pid="p-tom"' in html and 'class="cs-row is-dim" data-pid="p-gerda"' in html
    go(app, "fig", key="wish_more")
    assert "is-hl" not in screen.render(app)


def test_export_downloads_the_svg_that_opens_again():
    app = make_app()
    name = screen.run_export(app, {})
    filename, text, mime = app.host.downloads[-1]
    assert filename == name == "netwerkatlas-sam-2026-11-25-contactschema.svg" and mime == "image/svg+xml"
    assert read_case_file(filename, text.encode("utf-8")) == app.case
    go(app, "export")
    assert app.sheet.kind == "export"


def test_more_shows_the_next_rows():
    app = make_app()
    before = app.view_state(ContactschemaView).shown
    go(app, "more")
    assert app.view_state(ContactschemaView).shown == before + 60
