"""The Bijeenkomst screen and *Tijd zonder begeleider* on App (no browser): steps are stored, presence
and lines, question edits, information items, the team of step 7; privétijd hides every screen but
the meeting (and screens that declare it), Alles over mij, the person sheet and the notes checkbox;
exports and print during it leave the begeleider's notes out whatever the checkbox says; undo cannot
end it; it survives a reload; leaving takes *De begeleider komt terug* and a confirm, and is recorded."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from snv.messages import t
from snv.model import ops
from snv.storage import dumps_case, loads_case, read_case_file
from snv.ui import screens, view
from snv.ui.app import App
from snv.ui.sheets import ConfirmSheet, FileOptions, PersonSheet
from hosts import RecordingHost

NOW = dt.datetime(2026, 3, 14, 19, 30)
PRIVATE = "Niet in de groep bespreken"  # a begeleider-only note of the demo case


@pytest.fixture
def app(demo_case) -> App:
    c = ops.set_step(ops.set_phase(demo_case, "meedenkbijeenkomst"), 1)
    a = App(c, host=RecordingHost(), now=lambda: NOW)
    a.go("bijeenkomst")
    return a


def private(app) -> App:
    app.dispatch("bijeenkomst.step", {"value": "5"})
    app.dispatch("bijeenkomst.priv_start", {})
    assert app.privetijd and app.toast is not None and not app.toast.undo
    return app


def bar_keys(app) -> list[str]:
    import re
    return re.findall(r'data-screen="([a-z_]+)" id="bar-', view.regions(app)["bar"])


def test_steps_are_stored_and_undoable(app):
    app.dispatch("bijeenkomst.step", {"value": "3"})
    assert app.case.bijeenkomst.stap == 3 and app.toast.text == "Stap 3: Vragen voor het plan"
    app.dispatch("bijeenkomst.step", {"value": "9"})
    assert app.case.bijeenkomst.stap == 3
    app.dispatch("app.undo")
    assert app.case.bijeenkomst.stap == 1


def test_presence_and_intro(app):
    app.dispatch("bijeenkomst.present", {"pid": "p-tom"})
    assert "p-tom" in app.case.bijeenkomst.aanwezig
    app.dispatch("bijeenkomst.intro", {"pid": "p-tom", "value": "Ik zwem met Sam."})
    assert app.case.bijeenkomst.voorstelrondje[-1].tekst == "Ik zwem met Sam."
    app.dispatch("bijeenkomst.present", {"pid": "p-tom"})
    assert "p-tom" not in app.case.bijeenkomst.aanwezig


def test_questions_reworded_and_reordered(app):
    first, second = [v.id for v in ops.meeting_questions(app.case)][:2]
    app.dispatch("bijeenkomst.q_edit", {"vid": first})
    app.dispatch("bijeenkomst.q_text", {"vid": first, "value": "Hoe ben ik minder alleen?"})
    app.dispatch("bijeenkomst.q_move", {"vid": second, "step": "-1"})
    assert [v.tekst for v in ops.meeting_questions(app.case)][:2] == [
        "Wie helpt mij met de post en de rekeningen?", "Hoe ben ik minder alleen?"]


def test_info_item_added_with_who_explains(app):
    n = len(app.case.bijeenkomst.info)
    app.dispatch("bijeenkomst.info_door", {"value": "p-marieke"})
    app.dispatch("bijeenkomst.info_add", {"vraag": "Wat kost de bus?", "antwoord": "Met een pas niets."})
    item = app.case.bijeenkomst.info[-1]
    assert len(app.case.bijeenkomst.info) == n + 1 and (item.vraag, item.door) == ("Wat kost de bus?", "p-marieke")
    app.dispatch("bijeenkomst.info_add", {"vraag": " ", "antwoord": ""})
    assert len(app.case.bijeenkomst.info) == n + 1 and "Schrijf eerst de vraag op." in app.alerts


def test_team_and_first_meeting(app):
    app.dispatch("bijeenkomst.team", {"pid": "p-gerda"})
    assert "p-gerda" not in app.case.basisteam.leden
    app.dispatch("bijeenkomst.team", {"pid": "p-gerda"})
    assert "p-gerda" in app.case.basisteam.leden
    app.dispatch("bijeenkomst.team", {"pid": "p-sam"})  # the client: always in
    assert "p-sam" in app.case.basisteam.leden
    app.dispatch("bijeenkomst.first", {"value": "2026-04-02"})
    assert app.case.basisteam.eerste_overleg == dt.date(2026, 4, 2)


def test_privetijd_bar_shows_only_the_allowed_screens(app):
    assert "start" in bar_keys(app) and "voorbereiden" in bar_keys(app)
    private(app)
    assert bar_keys(app) == ["bijeenkomst", "plan"]  # the plan declares privetijd=True (ui/plan.py)
    regions = view.regions(app)
    assert regions["route"] == "" and 'data-screen="overmij"' not in regions["alias"]
    assert 'id="privetijd-banner"' in regions["alerts"] and "De begeleider komt terug" in regions["alerts"]


def test_privetijd_opens_the_plan_editor_without_the_figures_and_step_6_presents_it(app):
    from snv.render.plan import PlanView

    private(app)
    app.dispatch("plan.show", {"mode": "bewerken", "event": "click"})  # the button of step 5
    assert app.screen == "plan" and app.view_state(PlanView).mode == "bewerken"
    html = view.regions(app)["content"]
    assert 'class="screen-plan' in html or "screen-plan" in html
    assert t("plan.load.title") not in html  # Wie draagt wat is a figure: hidden in privétijd
    app.go("bijeenkomst")
    app.dispatch("bijeenkomst.priv_stop", {})
    app.dispatch("confirm.yes", {})
    assert not app.privetijd
    app.dispatch("plan.show", {"mode": "bewerken", "event": "click"})
    assert t("plan.load.title") in view.regions(app)["content"]  # the begeleider is back: figures too
    app.dispatch("plan.show", {"mode": "presentatie", "event": "click"})  # the button of step 6
    assert app.screen == "plan" and app.view_state(PlanView).mode == "presentatie"


@pytest.mark.parametrize("key", ["start", "personen", "relatiekaart", "overmij", "voorbereiden"])
def test_privetijd_other_screens_are_not_reachable(app, key):
    private(app)
    app.go(key)
    assert app.screen == "bijeenkomst"
    app.screen = key  # even if set some other way, the frame shows the meeting
    html = view.regions(app)["content"]
    assert "screen-bijeenkomst" in html and PRIVATE not in html


def test_privetijd_hides_the_person_sheet_with_its_notes(app):
    private(app)
    app.sheet = PersonSheet(pid="p-peter")
    assert view.regions(app)["sheet"] == ""


def test_export_during_privetijd_leaves_notes_out_whatever_the_checkbox(app):
    app.view_state(FileOptions).notes = True
    app.dispatch("export.json", {})
    with_notes = app.host.downloads[-1][1]
    assert PRIVATE in with_notes  # outside privétijd the choice is respected
    private(app)
    assert app.export_choices() == {"notes": False, "pseudonymise": False}
    app.dispatch("export.json", {})
    assert PRIVATE not in app.host.downloads[-1][1]
    app.dispatch("export.run", {"key": "kaart_svg"})
    svg = app.host.downloads[-1][1]
    embedded = read_case_file("kaart.svg", svg.encode("utf-8"))
    assert all(n.zichtbaar == "iedereen" for p in embedded.personen for n in p.notities)
    assert json.loads(dumps_case(embedded))["bijeenkomst"]["privetijd"]  # the rest of the case is whole
    app.dispatch("app.print", {"instrument": "relatiekaart"})
    assert PRIVATE not in app.host.printed[-1]


def test_file_sheet_during_privetijd_offers_no_notes_choice(app):
    app.view_state(FileOptions).notes = True
    app.dispatch("menu.export", {})
    assert 'id="opt-notes"' in view.regions(app)["sheet"]
    private(app)
    app.dispatch("menu.export", {})
    assert 'id="opt-notes"' not in view.regions(app)["sheet"]


def test_undo_cannot_end_privetijd(app):
    private(app)
    app.dispatch("app.undo")
    assert app.privetijd and "De begeleider komt terug" in app.toast.text
    app.dispatch("bijeenkomst.writer", {"value": "p-jeroen"})
    app.dispatch("app.undo")  # an edit made during privétijd can be undone
    assert app.privetijd


def test_privetijd_survives_a_reload(app):
    private(app)
    again = App(loads_case(dumps_case(app.case)), now=lambda: NOW)
    assert again.privetijd
    again.go("start")
    assert again.screen == "bijeenkomst" and bar_keys(again) == ["bijeenkomst", "plan"]


def test_leaving_takes_the_deliberate_button_and_a_confirm_and_is_recorded(app):
    private(app)
    app.dispatch("bijeenkomst.priv_stop", {})
    assert isinstance(app.sheet, ConfirmSheet) and app.privetijd
    app.dispatch("confirm.no", {})
    assert app.privetijd
    app.dispatch("bijeenkomst.priv_stop", {})
    app.dispatch("confirm.yes", {})
    assert not app.privetijd and app.case.bijeenkomst.stap == 6
    stretch = app.case.bijeenkomst.privetijd[-1]
    assert (stretch.begin, stretch.einde) == (NOW, NOW)
    assert "start" in bar_keys(app)


def test_writer_is_chosen_in_privetijd(app):
    private(app)
    app.dispatch("bijeenkomst.writer", {"value": "p-anna"})
    assert app.case.bijeenkomst.genoteerd_door == "p-anna" and app.toast.text == "Anna schrijft op"


def test_screen_flag_defaults_to_hidden_in_privetijd():
    assert [f.default for f in dataclasses.fields(screens.Screen) if f.name == "privetijd"] == [False]
    assert [s.key for s in screens.all_screens() if s.privetijd] == ["bijeenkomst", "plan"]
