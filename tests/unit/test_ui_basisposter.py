"""The Basisposter and Ontmoeten screens' actions under CPython (App with a recording Host): cards,
questions in order (buttons and drop), the meeting mark, owners, who thought along, the story, quick add,
exports; and tip 3: a new case asks "Is er al een netwerkkaart?" and can open one."""
from __future__ import annotations

import datetime as dt

from snv.messages import t
from snv.model import new_case, ops
from snv.model.ops import questions_in_order
from snv.render.basisposter import NOBODY, BasisposterView
from snv.render.ontmoeten import OntmoetenView
from snv.storage.files import read_case_file
from snv.storage.privacy import for_export
from snv.ui import screens, view
from snv.ui.app import App
from hosts import RecordingHost

NOW = dt.datetime(2026, 3, 14, 10, 0)


def make_app(case=None) -> App:
    return App(case if case is not None else new_case("Sam"), host=RecordingHost(), now=lambda: NOW)


def texts(app, veld):
    return [i.tekst for i in getattr(app.case.basisposter, veld)]


def q_order(app):
    return [q.tekst for q in questions_in_order(app.case.basisposter.vragen)]


def test_screens_are_registered_in_their_phases_with_exports():
    poster, meet = screens.get("basisposter"), screens.get("ontmoeten")
    assert poster.phases == ("netwerkatlas",) and poster.order == 14
    assert t(poster.label_key) == "Poster" and poster.mount is not None and poster.stylesheet == "basisposter.css"
    assert meet.phases == ("ontmoeten",) and meet.order == 5 and t(meet.label_key) == "Ontmoeten"
    assert screens.for_phase("ontmoeten")[0].key == "ontmoeten"
    bar = [s.key for s in screens.for_phase("netwerkatlas")]
    assert bar.index("personen") < bar.index("basisposter") < bar.index("relatiekaart")
    assert {"basisposter_svg", "ontmoeten_svg"} <= {e.key for e in screens.exports()}


def test_add_cards_with_the_writer_refuse_empty_and_undo():
    app = make_app()
    app.go("basisposter")
    app.dispatch("basisposter.add", {"veld": "wensen_dromen", "tekst": "  "})
    assert app.view_state(BasisposterView).errors["wensen_dromen"] == t("basisposter.err.empty")
    assert texts(app, "wensen_dromen") == [] and not app.can_undo
    app.dispatch("basisposter.add", {"veld": "wensen_dromen", "tekst": "Een baan in een keuken"})
    card = app.case.basisposter.wensen_dromen[0]
    assert card.door == app.case.klant_id and "wensen_dromen" not in app.view_state(BasisposterView).errors
    assert app.toast.undo and app.focus_request == "#basisposter-new-wensen_dromen"
    app.dispatch("basisposter.writer", {"value": NOBODY})
    app.dispatch("basisposter.add", {"veld": "zorgen", "tekst": "Post"})
    assert app.case.basisposter.zorgen[0].door is None
    app.undo()
    assert texts(app, "zorgen") == [] and texts(app, "wensen_dromen") == ["Een baan in een keuken"]


def test_edit_a_card_text_writer_and_remove_with_undo():
    case = new_case("Sam")
    case, anna = ops.add_person(case, "Anna")
    case, item = ops.add_card(case, "sterke_punten", "Koken")
    app = make_app(case)
    app.dispatch("basisposter.open", {"veld": "sterke_punten", "id": item})
    assert app.view_state(BasisposterView).open == item and app.focus_request == f"#basisposter-text-{item}"
    app.go("basisposter")
    assert f'id="basisposter-text-{item}"' in view.regions(app)["content"]
    app.coalesce = "#typing"  # the browser commits typed text twice: one undo step
    app.dispatch("basisposter.item_text", {"veld": "sterke_punten", "id": item, "value": "Koken en"})
    app.dispatch("basisposter.item_text", {"veld": "sterke_punten", "id": item, "value": "Koken en bakken"})
    app.coalesce = None
    assert texts(app, "sterke_punten") == ["Koken en bakken"] and len(app._undo) == 1
    app.dispatch("basisposter.item_text", {"veld": "sterke_punten", "id": item, "value": "   "})  # emptying: kept
    assert texts(app, "sterke_punten") == ["Koken en bakken"]
    app.dispatch("basisposter.item_door", {"veld": "sterke_punten", "id": item, "value": anna})
    assert app.case.basisposter.sterke_punten[0].door == anna
    app.dispatch("basisposter.remove", {"veld": "sterke_punten", "id": item})
    assert texts(app, "sterke_punten") == [] and app.sheet is None and app.toast.undo
    app.undo()
    assert texts(app, "sterke_punten") == ["Koken en bakken"]


def test_questions_reorder_by_buttons_and_drop_and_keep_focus():
    app = make_app()
    for q in ("Een", "Twee", "Drie"):
        app.dispatch("basisposter.add", {"veld": "vragen", "tekst": q})
    assert q_order(app) == ["Een", "Twee", "Drie"]
    ids = {q.tekst: q.id for q in app.case.basisposter.vragen}
    app.dispatch("basisposter.down", {"id": ids["Een"]})
    assert q_order(app) == ["Twee", "Een", "Drie"] and app.toast.text == t("basisposter.toast.q_moved", nr=2)
    assert app.focus_request == f'.bp-q-down[data-id="{ids["Een"]}"]'
    app.dispatch("basisposter.up", {"id": ids["Twee"]})  # already first: nothing changes, a calm notice
    assert q_order(app) == ["Twee", "Een", "Drie"] and app.toast.text == t("basisposter.q.first")
    assert app.focus_request == f'.bp-q-down[data-id="{ids["Twee"]}"]'
    app.dispatch("basisposter.move", {"id": ids["Drie"], "to": "0"})  # the drop of a drag
    assert q_order(app) == ["Drie", "Twee", "Een"]
    assert [q.volgorde for q in app.case.basisposter.vragen] == [1, 2, 3]
    depth = len(app._undo)
    app.dispatch("basisposter.move", {"id": ids["Drie"], "to": "0"})  # dropped on its own place
    app.dispatch("basisposter.move", {"id": ids["Drie"], "to": "x"})
    assert len(app._undo) == depth
    app.undo()
    assert q_order(app) == ["Twee", "Een", "Drie"]


def test_meeting_mark_owner_reword_and_remove_a_question():
    case = new_case("Sam")
    case, jeroen = ops.add_person(case, "Jeroen")
    case, vid = ops.add_question(case, "Hoe kan ik minder alleen zijn?")
    app = make_app(ops.set_meedenkers(case, [jeroen]))
    app.dispatch("basisposter.meeting", {"id": vid})
    assert app.case.basisposter.vragen[0].naar_bijeenkomst and app.toast.text == t("basisposter.toast.q_meeting_on", nr=1)
    app.dispatch("basisposter.meeting", {"id": vid})
    assert not app.case.basisposter.vragen[0].naar_bijeenkomst
    app.dispatch("basisposter.open", {"veld": "vragen", "id": vid})
    app.go("basisposter")
    html = view.regions(app)["content"]
    assert f'aria-pressed="false" data-id="{vid}" data-value="{jeroen}"' in html
    app.dispatch("basisposter.q_owner", {"id": vid, "value": jeroen})
    assert app.case.basisposter.vragen[0].eigenaar == jeroen
    app.dispatch("basisposter.q_owner", {"id": vid, "value": ""})
    assert app.case.basisposter.vragen[0].eigenaar is None
    app.dispatch("basisposter.q_text", {"id": vid, "value": "Wie eet er met mij?"})
    assert q_order(app) == ["Wie eet er met mij?"]
    app.dispatch("basisposter.q_remove", {"id": vid})
    assert app.case.basisposter.vragen == [] and app.view_state(BasisposterView).open is None


def test_meedenkers_toggle_as_chips():
    case = new_case("Sam")
    case, anna = ops.add_person(case, "Anna")
    app = make_app(case)
    app.dispatch("basisposter.choose", {})
    app.go("basisposter")
    assert 'id="bp-pick"' in view.regions(app)["content"]
    app.dispatch("basisposter.meedenker", {"pid": anna})
    assert app.case.basisposter.meedenkers == [anna] and app.toast.text == "Anna dacht mee"
    app.dispatch("basisposter.meedenker", {"pid": anna})
    assert app.case.basisposter.meedenkers == []
    app.dispatch("basisposter.meedenker", {"pid": "p-niemand"})
    assert len(app._undo) == 2


def test_poster_export_downloads_an_svg_that_opens_as_the_case(demo_case):
    app = make_app(demo_case)
    app.go("basisposter")
    app.dispatch("basisposter.export", {})
    assert app.sheet.kind == "export"
    app.dispatch("export.run", {"key": "basisposter_svg"})
    name, text, mime = app.host.downloads[-1]
    assert name == "netwerkatlas-sam-2026-03-14-basisposter.svg" and mime == "image/svg+xml"
    assert read_case_file(name, text.encode()) == for_export(demo_case, notes=False, pseudonymise=False)
    assert "Basisposter van Sam" in text and app.sheet is None


def test_poster_export_leaves_private_notes_out_by_default(demo_case):
    app = make_app(demo_case)
    screens.exports()  # registered
    app.dispatch("export.run", {"key": "basisposter_svg"})
    text = app.host.downloads[-1][1]
    assert "Niet in de groep bespreken" not in text


# ----- Ontmoeten -----

def test_story_date_strengths_and_quick_add_on_ontmoeten():
    app = make_app()
    assert app.case.fase == "ontmoeten"
    app.go("ontmoeten")
    app.coalesce = "#om-verhaal"
    app.dispatch("ontmoeten.verhaal", {"value": "Ik woon"})
    app.dispatch("ontmoeten.verhaal", {"value": "Ik woon alleen met Kees."})
    app.coalesce = None
    assert app.case.ontmoeten.verhaal == "Ik woon alleen met Kees." and len(app._undo) == 1
    app.dispatch("ontmoeten.datum", {"value": "2026-03-12"})
    assert app.case.ontmoeten.datum == dt.date(2026, 3, 12)
    app.dispatch("ontmoeten.datum", {"value": ""})
    assert app.case.ontmoeten.datum is None
    app.dispatch("ontmoeten.add", {"veld": "sterke_punten", "tekst": "Ik kan goed koken"})
    assert texts(app, "sterke_punten") == ["Ik kan goed koken"]  # the same items as the poster's
    assert app.focus_request == "#ontmoeten-new-sterke_punten"
    item = app.case.basisposter.sterke_punten[0].id
    app.dispatch("ontmoeten.open", {"veld": "sterke_punten", "id": item})
    assert app.view_state(OntmoetenView).open == item and not app.view_state(BasisposterView).open
    app.dispatch("ontmoeten.item_text", {"veld": "sterke_punten", "id": item, "value": "Ik kook graag"})
    app.dispatch("ontmoeten.person", {"naam": ""})
    assert app.view_state(OntmoetenView).person_error == t("ontmoeten.people_empty")
    app.dispatch("ontmoeten.person", {"naam": "Anna"})
    anna = app.case.personen[-1]
    assert (anna.naam, anna.sector, anna.nabijheid) == ("Anna", None, None)  # waits in Personen for a place
    assert app.focus_request == "#om-person" and not app.view_state(OntmoetenView).person_error
    html = view.regions(app)["content"]
    assert "Ik kook graag" in html and ">Anna<" in html and t("ontmoeten.people_listed") in html
    app.dispatch("ontmoeten.open_person", {"pid": anna.id})
    assert app.sheet.kind == "person" and app.sheet.pid == anna.id
    app.dispatch("ontmoeten.remove", {"veld": "sterke_punten", "id": item})
    assert texts(app, "sterke_punten") == []


def test_ontmoeten_export_downloads_its_svg(demo_case):
    app = make_app(demo_case)
    app.dispatch("export.run", {"key": "ontmoeten_svg"})
    name, text, _ = app.host.downloads[-1]
    assert name.endswith("-ontmoeten.svg") and "Ontmoeten — Sam" in text
    assert read_case_file(name, text.encode()) == for_export(demo_case, notes=False, pseudonymise=False)


def test_new_case_asks_for_an_earlier_map_and_opens_it(demo_case):
    """Tip 3: after the nickname, "Is er al een netwerkkaart?" with *Openen*; a chosen map file
    (an SVG from this app) replaces the new case and the questions end."""
    from snv.render.relatiekaart_svg import export_svg

    app = make_app()
    app.dispatch("menu.new", {})
    if app.sheet is not None:
        app.dispatch("confirm.yes", {})
    assert app.onboarding == "naam"
    app.dispatch("onboard.naam", {"onboard-naam": "Kim"})
    assert app.onboarding == "kaart"
    content = view.regions(app)["content"]
    assert t("ui.onboard.map_q") in content and 'data-action="onboard.open"' in content
    app.dispatch("onboard.open", {})
    assert app.host.picks == 1 and app.onboarding == "kaart"  # the picker opens; nothing changed yet
    earlier = export_svg(demo_case, today=NOW.date())
    assert app.open_file("kaart.svg", earlier.encode("utf-8"))
    assert app.onboarding is None and app.case == demo_case and app.screen == "start"
    # a file that is not ours keeps the new case and the question
    app2 = make_app()
    app2.dispatch("menu.new", {})
    app2.dispatch("onboard.naam", {"onboard-naam": "Kim"})
    assert not app2.open_file("x.svg", b"<svg/>")
    assert app2.onboarding == "kaart" and app2.case.klant.naam == "Kim" and app2.alerts


def test_new_case_starts_in_ontmoeten_with_the_screen_in_the_bar():
    app = make_app()
    app.dispatch("menu.new", {})
    app.dispatch("onboard.naam", {"onboard-naam": "Kim"})
    app.dispatch("onboard.begin", {})
    bar = view.regions(app)["bar"]
    assert 'data-screen="ontmoeten"' in bar and 'data-screen="basisposter"' not in bar
