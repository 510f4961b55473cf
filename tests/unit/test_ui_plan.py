"""The plan screen's actions on App(case) with a recording Host: plan.show modes (the Bijeenkomst steps
call it), add / edit / remove agreements as undoable edits, the wie picker, hoe vaak, dates, the
oordeel per piketpaaltje, Vergelijk met vorige, and the SVG export from the menu."""
from __future__ import annotations

import datetime as dt

from snv.model.demo import demo_case
from snv.render.plan import PlanView
from snv.storage.files import read_case_file
from snv.ui import screens
from snv.ui.app import App
from snv.ui.sheets import ConfirmSheet

from plan_cases import afspraak, plan_case
from hosts import RecordingHost

NOW = dt.datetime(2026, 3, 14, 10, 0)


def make_app(case=None) -> App:
    screens.load_screens()
    app = App(case if case is not None else plan_case([afspraak("a1", ["p-anna"])]), host=RecordingHost(),
              now=lambda: NOW)
    app.go("plan")
    return app


def current(app):
    return app.case.huidig_plan.afspraken


def test_screen_is_registered_in_the_meeting_and_basisteam_bars_with_its_export():
    screens.load_screens()
    screen = screens.get("plan")
    assert screen.order == 60 and set(screen.phases) == {"meedenkbijeenkomst", "basisteam"}
    assert "plan" in [s.key for s in screens.for_phase("meedenkbijeenkomst")]
    assert "plan_svg" in [e.key for e in screens.exports()]


def test_plan_show_opens_the_plan_screen_in_the_mode_asked():
    app = make_app()
    app.go("start")
    app.dispatch("plan.show", {"mode": "presentatie"})
    assert app.screen == "plan" and app.view_state(PlanView).mode == "presentatie"
    assert "pl-mode-presentatie" in screens.get("plan").render(app)
    app.dispatch("plan.show", {"mode": "bewerken"})
    assert app.view_state(PlanView).mode == "bewerken"
    app.dispatch("plan.show", {"mode": "raar"})
    assert app.view_state(PlanView).mode == "bewerken"


def test_add_an_agreement_for_a_question_then_undo():
    app = make_app(plan_case())
    app.dispatch("plan.adding", {"vraag": "v-post"})
    assert app.view_state(PlanView).adding == "v-post" and 'id="pl-new"' in screens.get("plan").render(app)
    aid = app.dispatch("plan.add", {"vraag": "v-post", "wat": "Samen de post openmaken", "event": "submit"})
    [a] = current(app)
    assert (a.id, a.vraag_id, a.wat, a.wie) == (aid, "v-post", "Samen de post openmaken", [])
    assert app.case.huidig_plan.versie == 1 and app.case.huidig_plan.datum == NOW.date()
    v = app.view_state(PlanView)
    assert v.open_id == aid and v.adding is None and app.toast.text == "Afspraak toegevoegd"
    assert "Wie doet dit?" in screens.get("plan").render(app)
    app.undo()
    assert app.case.huidig_plan is None


def test_add_without_text_changes_nothing_and_says_so():
    app = make_app()
    before = app.case
    app.dispatch("plan.add", {"vraag": "", "wat": "   "})
    assert app.case is before and app.alerts == ["Schrijf op wat jullie afspreken."]


def test_pick_people_by_tap_and_set_how_often_each_one_undo_step():
    app = make_app()
    app.dispatch("plan.open", {"aid": "a1"})
    app.dispatch("plan.wie", {"aid": "a1", "pid": "p-daan"})
    assert current(app)[0].wie == ["p-anna", "p-daan"]
    app.dispatch("plan.wie", {"aid": "a1", "pid": "p-anna"})
    assert current(app)[0].wie == ["p-daan"]
    app.dispatch("plan.set", {"aid": "a1", "field": "hoe_vaak", "value": "dagelijks"})
    assert current(app)[0].hoe_vaak == "dagelijks"
    app.dispatch("plan.set", {"aid": "a1", "field": "hoe_vaak", "value": ""})
    assert current(app)[0].hoe_vaak is None
    app.dispatch("plan.set", {"aid": "a1", "field": "status", "value": "klaar"})
    assert current(app)[0].status == "klaar"
    for _ in range(5):
        app.undo()
    assert current(app)[0].wie == ["p-anna"] and current(app)[0].hoe_vaak == "wekelijks"
    assert current(app)[0].status == "actief"


def test_typed_text_and_dates_commit_through_plan_field_one_undo_step_per_field():
    app = make_app()
    app.coalesce = "#pl-waar"  # the browser sets this while it commits one field's typing
    app.dispatch("plan.field", {"aid": "a1", "field": "waar", "value": "Bij"})
    app.dispatch("plan.field", {"aid": "a1", "field": "waar", "value": "Bij Sam thuis"})
    app.coalesce = None
    assert current(app)[0].waar == "Bij Sam thuis"
    app.dispatch("plan.field", {"aid": "a1", "field": "start", "value": "2026-03-01"})
    app.dispatch("plan.field", {"aid": "a1", "field": "evaluatie", "value": "2026-02-01"})  # before the start
    assert current(app)[0].evaluatie is None and "evaluatie kan niet" in " ".join(app.alerts)
    app.dispatch("plan.field", {"aid": "a1", "field": "wat", "value": "  "})  # emptying wat keeps the agreement
    assert current(app)[0].wat == "Afspraak a1"
    app.undo()  # the start date
    app.undo()  # both commits of waar at once
    assert current(app)[0].waar == "" and current(app)[0].start is None


def test_remove_asks_first_and_can_be_undone():
    app = make_app()
    app.dispatch("plan.open", {"aid": "a1"})
    app.dispatch("plan.remove", {"aid": "a1"})
    assert isinstance(app.sheet, ConfirmSheet) and "Afspraak a1" in app.sheet.text
    app.dispatch("confirm.yes", {})
    assert current(app) == [] and app.view_state(PlanView).open_id is None
    app.undo()
    assert [a.id for a in current(app)] == ["a1"]


def test_oordeel_is_one_choice_per_piketpaaltje_with_a_reason():
    app = make_app()
    app.dispatch("plan.show", {"mode": "presentatie"})
    app.dispatch("plan.oordeel", {"pid": "k-geld", "value": "nog_niet"})
    app.dispatch("plan.uitleg", {"pid": "k-geld", "value": "Eerst met de buurman praten"})
    a, b = app.case.bijeenkomst.piketpaaltjes
    assert (a.oordeel, a.uitleg) == ("nog_niet", "Eerst met de buurman praten") and b.oordeel is None
    app.dispatch("plan.oordeel", {"pid": "k-twee", "value": "akkoord"})
    assert app.case.bijeenkomst.piketpaaltjes[1].oordeel == "akkoord"
    app.dispatch("plan.oordeel", {"pid": "k-twee", "value": "alles"})  # no such choice
    assert app.case.bijeenkomst.piketpaaltjes[1].oordeel == "akkoord"
    page = screens.get("plan").render(app)
    assert "alles akkoord" not in page.lower()


def test_compare_with_the_previous_version():
    app = make_app(demo_case())
    app.dispatch("plan.compare", {})
    page = screens.get("plan").render(app)
    assert "Wat is er veranderd?" in page and "Samen zwemmen op zaterdag" in page
    app.dispatch("plan.compare", {})
    assert "Wat is er veranderd?" not in screens.get("plan").render(app)


def test_export_downloads_the_plan_svg_that_opens_as_the_case():
    app = make_app(demo_case())
    name = screens.exports()[[e.key for e in screens.exports()].index("plan_svg")].run(app, {"notes": False})
    filename, text, mime = app.host.downloads[-1]
    assert filename == name and name.endswith("-plan.svg") and mime == "image/svg+xml"
    assert "Ons plan" in text and "Samen de post openmaken" in text
    opened = read_case_file(filename, text.encode())
    assert [p.versie for p in opened.plannen] == [1, 2]
    assert "Niet in de groep bespreken" not in text  # begeleider notes stay out unless chosen
