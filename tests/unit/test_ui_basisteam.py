"""The Team and Overleg screens on App(case) with a recording Host (no browser): both in the basisteam bar
(Team, Overleg, Plan), hidden during *Tijd zonder begeleider*; members in and out (the client stays),
the first date, owners for open questions; a new meeting walked part by part, presence, successes,
worries, plan changes that make one new version (toast says so, undo takes it back), a map of today,
the next date, removing a meeting after a confirm, Esc; the verslag printed (the button, Ctrl+P on the
open meeting) and exported from the menu, opening again as the case."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from snv.model import ops
from snv.render.overleg import OverlegView
from snv.render.team import TeamView
from snv.storage.files import read_case_file
from snv.ui import printing, screens, view
from snv.ui.app import App
from snv.ui.sheets import ConfirmSheet
from hosts import RecordingHost

NOW = dt.datetime(2026, 3, 2, 19, 30)


@pytest.fixture
def app(demo_case) -> App:
    a = App(demo_case, host=RecordingHost(), now=lambda: NOW)
    a.go("overleg")
    return a


def bar_keys(app) -> list[str]:
    return re.findall(r'data-screen="([a-z_]+)" id="bar-', view.regions(app)["bar"])


def content(app) -> str:
    return view.regions(app)["content"]


def newest(app):
    return app.case.basisteam.overleggen[-1]


def test_team_and_overleg_are_in_the_basisteam_bar_before_the_plan_with_the_verslag_export(app):
    keys = bar_keys(app)
    assert keys.index("team") < keys.index("overleg") < keys.index("plan")
    assert "team" not in [s.key for s in screens.for_phase("meedenkbijeenkomst")]
    assert "verslag_svg" in [e.key for e in screens.exports()]
    assert "screen-overleg" in content(app)


def test_neither_screen_is_shown_during_the_time_without_the_begeleider(app):
    app.apply(ops.start_privetijd, NOW, label="x")
    assert "team" not in bar_keys(app) and "overleg" not in bar_keys(app)
    for key in ("team", "overleg"):
        app.go(key)
        assert app.screen == "bijeenkomst"


def test_members_go_in_and_out_the_client_stays_and_undo_takes_it_back(app):
    app.go("team")
    app.dispatch("team.member", {"pid": "p-marieke"})
    assert app.case.basisteam.leden[-1] == "p-marieke" and app.toast.text == "Marieke zit in de vaste groep"
    app.dispatch("team.member", {"pid": "p-anna"})
    assert "p-anna" not in app.case.basisteam.leden and app.toast.text == "Anna zit niet meer in de vaste groep"
    before = app.case
    app.dispatch("team.member", {"pid": "p-sam"})
    app.dispatch("team.member", {"pid": "p-spook"})
    assert app.case is before
    app.undo()
    app.undo()
    assert app.case.basisteam.leden == ["p-sam", "p-marja", "p-anna", "p-jeroen", "p-gerda"]


def test_the_first_date_and_the_pickers_view_state(app):
    app.go("team")
    app.dispatch("team.first", {"value": "2025-07-17"})
    assert app.case.basisteam.eerste_overleg == dt.date(2025, 7, 17)
    app.dispatch("team.others", {})
    assert app.view_state(TeamView).others and 'id="bt-others-list"' in content(app)
    app.dispatch("team.everyone", {})
    assert app.view_state(TeamView).everyone


def test_someone_of_the_team_takes_a_question_on(app):
    app.go("team")
    app.dispatch("team.owner_open", {"vid": "v-werk"})
    assert app.view_state(TeamView).owner_q == "v-werk" and 'id="bt-owner-v-werk"' in content(app)
    app.dispatch("team.owner", {"vid": "v-werk", "pid": "p-marja"})
    q = next(v for v in app.case.basisposter.vragen if v.id == "v-werk")
    assert q.eigenaar == "p-marja" and app.view_state(TeamView).owner_q is None
    assert app.toast.text == "Marja zorgt voor deze vraag"


def test_a_new_meeting_starts_today_with_the_team_present_and_opens_the_walk(app):
    oid = app.dispatch("overleg.new", {})
    o = newest(app)
    assert o.id == oid and o.datum == NOW.date() and o.aanwezig == ["p-sam", "p-marja", "p-anna", "p-jeroen", "p-gerda"]
    v = app.view_state(OverlegView)
    assert (v.open_id, v.step) == (oid, 1) and "Deel 1 van 8" in content(app)
    app.dispatch("overleg.present", {"pid": "p-marieke"})
    app.dispatch("overleg.present", {"pid": "p-gerda"})
    assert newest(app).aanwezig == ["p-sam", "p-marja", "p-anna", "p-jeroen", "p-marieke"]
    app.dispatch("overleg.date", {"value": "2026-03-03"})
    assert newest(app).datum == dt.date(2026, 3, 3)
    app.dispatch("overleg.date", {"value": ""})
    assert app.alerts == ["Dit is geen datum. Kies een dag."] and newest(app).datum == dt.date(2026, 3, 3)


def test_successes_and_worries_by_form_and_remove(app):
    app.dispatch("overleg.new", {})
    app.dispatch("overleg.step", {"value": "2"})
    app.dispatch("overleg.item_add", {"veld": "successen", "tekst": "Sam kookt zelf.", "event": "submit"})
    app.dispatch("overleg.item_add", {"veld": "successen", "tekst": "   ", "event": "submit"})
    assert app.alerts == ["Schrijf eerst iets op."]
    app.dispatch("overleg.step", {"value": "3"})
    app.dispatch("overleg.item_add", {"veld": "zorgen", "tekst": "Anna is moe.", "event": "submit"})
    app.dispatch("overleg.item_add", {"veld": "zorgen", "tekst": "De buurman.", "event": "submit"})
    app.dispatch("overleg.item_remove", {"veld": "zorgen", "index": "0"})
    assert newest(app).successen == ["Sam kookt zelf."] and newest(app).zorgen == ["De buurman."]
    assert app.toast.text == "Weggehaald: Anna is moe."
    app.dispatch("overleg.item_remove", {"veld": "zorgen", "index": "7"})  # gone already: nothing happens
    assert newest(app).zorgen == ["De buurman."]


def test_plan_changes_in_a_meeting_make_one_new_version_and_undo_takes_them_back(app):
    app.dispatch("overleg.new", {})
    app.dispatch("overleg.step", {"value": "4"})
    assert "Dan komt er een nieuwe versie van het plan." in content(app)
    app.dispatch("overleg.status", {"aid": "a-dinsdag", "value": "gestopt"})
    assert [p.versie for p in app.case.plannen] == [1, 2, 3] and newest(app).plan_versie == 3
    assert app.toast.text == "Gestopt: Op dinsdag samen eten · nieuwe versie 3 van het plan" and app.toast.undo
    app.dispatch("overleg.edit", {"aid": "a-post"})
    assert app.view_state(OverlegView).edit_aid == "a-post" and 'id="pl-wie-a-post"' in content(app)
    app.dispatch("overleg.wie", {"aid": "a-post", "pid": "p-anna"})
    app.dispatch("overleg.set", {"aid": "a-post", "field": "hoe_vaak", "value": "maandelijks"})
    app.dispatch("overleg.field", {"aid": "a-post", "field": "waar", "value": " Bij Anna "})
    app.dispatch("overleg.close", {})
    app.dispatch("overleg.add_vraag", {"value": "v-werk"})
    app.dispatch("overleg.agree_add", {"wat": "Samen naar het werkplein", "event": "submit"})
    assert [p.versie for p in app.case.plannen] == [1, 2, 3]  # still one new version
    post = next(a for a in app.case.huidig_plan.afspraken if a.id == "a-post")
    assert (post.wie, post.hoe_vaak, post.waar) == (["p-daan"], "maandelijks", "Bij Anna")
    new = next(a for a in app.case.huidig_plan.afspraken if a.wat == "Samen naar het werkplein")
    assert new.vraag_id == "v-werk" and newest(app).nieuwe_afspraken == [new.id]
    assert app.view_state(OverlegView).edit_aid == new.id
    html = content(app)
    assert "Samen de post openmaken: eerst Anna en Daan, nu Daan" in html and "Op dinsdag samen eten: nu gestopt" in html
    for _ in range(5):  # the five plan changes, not the meeting itself
        app.undo()
    assert [p.versie for p in app.case.plannen] == [1, 2]
    assert newest(app).datum == NOW.date() and newest(app).plan_versie is None and newest(app).nieuwe_afspraken == []


def test_removing_an_agreement_in_a_meeting_asks_first(app):
    app.dispatch("overleg.new", {})
    app.dispatch("overleg.step", {"value": "4"})
    app.dispatch("overleg.edit", {"aid": "a-kees"})
    app.dispatch("overleg.remove", {"aid": "a-kees"})
    assert isinstance(app.sheet, ConfirmSheet) and "a-kees" in {a.id for a in app.case.huidig_plan.afspraken}
    app.dispatch("confirm.yes", {})
    assert "a-kees" not in {a.id for a in app.case.huidig_plan.afspraken} and len(app.case.plannen) == 3
    assert "a-kees" in {a.id for a in app.case.plannen[1].afspraken}


def test_an_older_meeting_cannot_change_the_plan(app):
    app.dispatch("overleg.open", {"oid": "o-september"})
    app.dispatch("overleg.step", {"value": "4"})
    assert "Dit is een eerder overleg." in content(app)
    before = app.case
    app.dispatch("overleg.status", {"aid": "a-zwemmen", "value": "gestopt"})
    assert app.case is before and app.alerts == ["Dit is een eerder overleg. Het plan pas je aan in het nieuwste overleg."]


def test_map_of_today_next_date_and_back_to_the_list(app):
    oid = app.dispatch("overleg.new", {})
    app.dispatch("overleg.step", {"value": "7"})
    app.dispatch("overleg.snap", {})
    assert app.case.momentopnamen[-1].titel == "Overleg van 2 maart 2026" and "Bewaard: Overleg van 2 maart 2026" in content(app)
    app.dispatch("overleg.step", {"value": "8"})
    app.dispatch("overleg.next_date", {"value": "2026-06-01"})
    assert newest(app).volgende == dt.date(2026, 6, 1)
    app.dispatch("overleg.next_date", {"value": "2026-01-01"})
    assert "eerder zijn dan dit overleg" in app.alerts[-1] and newest(app).volgende == dt.date(2026, 6, 1)
    app.dispatch("overleg.list", {})
    assert app.view_state(OverlegView).open_id is None and app.focus_request == f"#ov-card-{oid} h2"
    assert "Volgende keer: 1 juni" in content(app)


def test_escape_closes_the_editor_then_leaves_the_walk(app):
    app.dispatch("overleg.new", {})
    app.dispatch("overleg.step", {"value": "4"})
    app.dispatch("overleg.edit", {"aid": "a-post"})
    assert screens.get("overleg").escape == "overleg.escape"
    app.dispatch("overleg.escape", {})
    assert app.view_state(OverlegView).edit_aid is None and app.view_state(OverlegView).open_id is not None
    app.dispatch("overleg.escape", {})
    assert app.view_state(OverlegView).open_id is None


def test_removing_a_meeting_asks_first_and_undo_brings_it_back(app):
    app.dispatch("overleg.remove_meeting", {"oid": "o-juli"})
    assert isinstance(app.sheet, ConfirmSheet) and app.sheet.title == "Overleg van 10 juli 2025 weghalen?"
    app.dispatch("confirm.yes", {})
    assert [o.id for o in app.case.basisteam.overleggen] == ["o-september", "o-december"]
    app.undo()
    assert [o.id for o in app.case.basisteam.overleggen] == ["o-juli", "o-september", "o-december"]


def test_a_meeting_gone_by_undo_returns_the_screen_to_the_list(app):
    app.dispatch("overleg.new", {})
    app.undo()
    assert "Deel 1 van 8" not in content(app) and "Nieuw overleg" in content(app)
    app.dispatch("overleg.present", {"pid": "p-anna"})  # nothing open: nothing happens
    assert app.alerts == []


def test_print_button_prints_the_verslag_of_that_meeting(app):
    app.dispatch("app.print", {"instrument": "verslag", "choice": "o-juli", "event": "click"})
    [document] = app.host.printed
    assert 'data-instrument="verslag"' in document and "Overleg van 10 juli 2025" in document
    assert 'class="print-page print-portrait"' in document


def test_ctrl_p_prints_the_open_meeting_or_the_newest(app):
    assert "Overleg van 1 december 2025" in printing.for_screen(app)
    app.dispatch("overleg.open", {"oid": "o-september"})
    assert "Overleg van 15 september 2025" in printing.for_screen(app)
    app.go("team")
    assert printing.for_screen(app) is None  # the team screen prints itself


def test_menu_export_downloads_the_verslag_that_opens_as_the_case(app):
    app.dispatch("overleg.open", {"oid": "o-september"})
    export = next(e for e in screens.exports() if e.key == "verslag_svg")
    name = export.run(app, {"notes": False})
    filename, text, mime = app.host.downloads[-1]
    assert filename == name and name.endswith("-verslag.svg") and mime == "image/svg+xml"
    assert "Overleg van 15 september 2025" in text and "Sam heeft een proefdag gedaan." in text
    assert read_case_file(filename, text.encode()).basisteam == app.case.basisteam
    assert "Niet in de groep bespreken" not in text  # begeleider notes stay out unless chosen


def test_start_leads_to_the_steady_group_then_to_the_next_meeting(demo_case):
    from snv.ui.start import next_step

    app = App(demo_case, now=lambda: NOW)
    text, label, action, data = next_step(app)
    assert text == "Het volgende overleg is op 2 maart 2026. Begin daar een nieuw overleg."
    assert (label, action, data) == ("Naar het overleg", "app.go", {"screen": "overleg"})
    alone = demo_case.model_copy(update={"basisteam": demo_case.basisteam.model_copy(update={"leden": ["p-sam"]})})
    assert next_step(App(alone))[0] == "Wie zit in je vaste groep? Kies mensen van de bijeenkomst."
    assert next_step(App(alone))[3] == {"screen": "team"}
