"""The Voorbereiden screen's actions on App (no browser): invite by tap and undo it, a status per
invitee, date/hour/place, piketpaaltjes (only by a professional; removing asks first), the copy
result, and the screen in the meedenkbijeenkomst's bottom bar."""
from __future__ import annotations

import datetime as dt

import pytest

from snv.model import ops
from snv.ui import screens, view
from snv.ui.app import App
from snv.render.voorbereiden import VoorbereidenView
from snv.ui.sheets import ConfirmSheet

NOW = dt.datetime(2026, 3, 1, 10, 0)


@pytest.fixture
def app(demo_case) -> App:
    a = App(ops.set_phase(demo_case, "meedenkbijeenkomst"), now=lambda: NOW)
    a.go("voorbereiden")
    return a


def status(app, pid):
    return {u.persoon: u.status for u in app.case.bijeenkomst.uitnodigingen}.get(pid)


def test_screen_is_in_the_meeting_phase_bar_in_order():
    keys = [s.key for s in screens.for_phase("meedenkbijeenkomst")]
    assert keys.index("voorbereiden") < keys.index("bijeenkomst")
    assert screens.get("voorbereiden").order == 50 and screens.get("bijeenkomst").order == 55


def test_tap_invites_and_a_second_tap_takes_back_undoable(app):
    app.dispatch("voorbereiden.toggle", {"pid": "p-tom"})
    assert status(app, "p-tom") == "nog_vragen" and app.toast.text == "Tom staat op de lijst"
    app.dispatch("voorbereiden.toggle", {"pid": "p-tom"})
    assert status(app, "p-tom") is None
    app.dispatch("app.undo")
    assert status(app, "p-tom") == "nog_vragen"


def test_the_client_and_unknown_ids_are_ignored(app):
    before = app.case
    app.dispatch("voorbereiden.toggle", {"pid": "p-sam"})
    app.dispatch("voorbereiden.toggle", {"pid": "p-<x>"})
    assert app.case is before


def test_status_chip_sets_the_status(app):
    app.dispatch("voorbereiden.status", {"pid": "p-robin", "value": "komt"})
    assert status(app, "p-robin") == "komt" and app.toast.text == "Robin: Komt"
    app.dispatch("voorbereiden.status", {"pid": "p-robin", "value": "onzin"})
    assert status(app, "p-robin") == "komt" and app.alerts


def test_date_time_and_place(app):
    app.dispatch("voorbereiden.when", {"field": "datum", "value": "2026-03-14"})
    app.dispatch("voorbereiden.when", {"field": "tijd", "value": "19:30"})
    app.dispatch("voorbereiden.when", {"field": "plaats", "value": "Bij Sam thuis"})
    bk = app.case.bijeenkomst
    assert (bk.datum, bk.tijd, bk.plaats) == (dt.date(2026, 3, 14), dt.time(19, 30), "Bij Sam thuis")
    app.dispatch("voorbereiden.tab", {"value": "uitnodiging"})
    html = view.regions(app)["content"]
    assert "zaterdag 14 maart 2026 om 19:30 uur" in html and app.focus_request == "#vb-tab-uitnodiging"
    app.dispatch("voorbereiden.when", {"field": "tijd", "value": ""})
    assert app.case.bijeenkomst.tijd is None


def test_piketpaaltje_added_by_the_chosen_professional(app):
    n = len(app.case.bijeenkomst.piketpaaltjes)
    app.dispatch("voorbereiden.piket_who", {"value": "p-devries"})
    app.dispatch("voorbereiden.piket_kader", {"value": "bewind"})
    app.dispatch("voorbereiden.piket_add", {"tekst": "Het geld voor de huur gaat eerst."})
    k = app.case.bijeenkomst.piketpaaltjes[-1]
    assert len(app.case.bijeenkomst.piketpaaltjes) == n + 1
    assert (k.gesteld_door, k.kader, k.tekst) == ("p-devries", "bewind", "Het geld voor de huur gaat eerst.")
    assert app.view_state(VoorbereidenView).piket_who is None  # ready for the next one


def test_piketpaaltje_needs_a_professional(app):
    before = app.case
    app.dispatch("voorbereiden.piket_add", {"tekst": "Iets"})
    assert app.case is before and "Kies wie deze afspraak zegt." in app.alerts
    app.dispatch("voorbereiden.piket_who", {"value": "p-anna"})
    app.dispatch("voorbereiden.piket_add", {"tekst": "Sam moet verhuizen."})
    assert app.case is before and any("Anna is geen hulpverlener" in a for a in app.alerts)


def test_piketpaaltje_text_edit_and_remove_asks_first(app):
    kid = app.case.bijeenkomst.piketpaaltjes[0].id
    app.dispatch("voorbereiden.piket_text", {"kid": kid, "value": "Nieuwe tekst."})
    assert app.case.bijeenkomst.piketpaaltjes[0].tekst == "Nieuwe tekst."
    app.dispatch("voorbereiden.piket_remove", {"kid": kid})
    assert isinstance(app.sheet, ConfirmSheet) and kid in {k.id for k in app.case.bijeenkomst.piketpaaltjes}
    app.dispatch("confirm.yes")
    assert kid not in {k.id for k in app.case.bijeenkomst.piketpaaltjes}


def test_copy_result_is_a_toast(app):
    app.dispatch("voorbereiden.copied", {"ok": "1"})
    assert app.toast.text.startswith("De tekst is gekopieerd")
    app.dispatch("voorbereiden.copied", {"ok": "0"})
    assert "kopieer hem zelf" in app.toast.text


def test_unknown_action_is_a_bug(app):
    with pytest.raises(KeyError):
        app.dispatch("voorbereiden.fly", {})


def test_the_list_of_others_opens_on_demand_for_keyboard_users(app):
    assert 'class="btn btn-small vb-add"' not in view.regions(app)["content"]
    app.dispatch("voorbereiden.add_open", {})
    html = view.regions(app)["content"]
    assert 'class="btn btn-small vb-add" data-action="voorbereiden.toggle" aria-label="Tom uitnodigen"' in html
    assert app.focus_request == "#vb-add-open"


def test_a_long_guest_list_shows_more_on_demand():
    from snv.model.demo import big_case
    from snv.render.voorbereiden import LIST_PAGE

    a = App(big_case(500), now=lambda: NOW)
    a.go("voorbereiden")
    total = len(a.case.bijeenkomst.uitnodigingen)
    assert total > LIST_PAGE + 10
    html = view.regions(a)["content"]
    assert html.count('<li class="vb-invitee') == LIST_PAGE and f"Meer tonen (nog {total - LIST_PAGE})" in html
    assert f"{total} mensen op de lijst" in html
    a.dispatch("voorbereiden.more", {})
    assert view.regions(a)["content"].count('<li class="vb-invitee') == min(total, 2 * LIST_PAGE)


def test_the_list_of_others_shows_a_page_at_a_time_and_meer_tonen_reaches_everyone():
    from snv.model.demo import big_case
    from snv.render import voorbereiden

    app = App(ops.set_phase(big_case(201), "meedenkbijeenkomst"), now=lambda: NOW)
    app.go("voorbereiden")
    app.dispatch("voorbereiden.add_open")
    others = len([p for p in app.case.personen if p.id != app.case.klant_id and p.naam.strip()]) - len(
        app.case.bijeenkomst.uitnodigingen)
    assert others > 2 * voorbereiden.LIST_PAGE
    html = screens.get("voorbereiden").render(app)
    assert html.count('class="btn btn-small vb-add"') == voorbereiden.LIST_PAGE and 'id="vb-add-more"' in html
    app.dispatch("voorbereiden.add_more")
    assert app.focus_request.startswith("#vb-add-more")
    html = screens.get("voorbereiden").render(app)
    assert html.count('class="btn btn-small vb-add"') == 2 * voorbereiden.LIST_PAGE
    for _ in range(others // voorbereiden.LIST_PAGE):
        app.dispatch("voorbereiden.add_more")
    html = screens.get("voorbereiden").render(app)
    assert html.count('class="btn btn-small vb-add"') == others and 'id="vb-add-more"' not in html
