"""The meedenkbijeenkomst's edits (model/ops.py, the meeting section): invitations, the meeting's
fields, presence and the voorstelrondje, information items, piketpaaltjes (only a professional sets
one), privétijd start/stop, the basisteam of step 7, and the step-3 question edits. Bad input is a
Dutch CaseError and changes nothing."""
from __future__ import annotations

import datetime as dt

import pytest

from snv.messages import t

from snv.model import CaseError, ops
from snv.model.case import Case

T0 = dt.datetime(2026, 3, 14, 19, 30)


@pytest.fixture
def case(demo_case) -> Case:
    return demo_case


def test_invite_sets_changes_and_removes_an_invitation(case):
    c = ops.set_invitation(case, "p-tom", "nog_vragen")
    assert {u.persoon: u.status for u in c.bijeenkomst.uitnodigingen}["p-tom"] == "nog_vragen"
    c = ops.set_invitation(c, "p-tom", "komt")
    assert [u.status for u in c.bijeenkomst.uitnodigingen if u.persoon == "p-tom"] == ["komt"]
    assert len(c.bijeenkomst.uitnodigingen) == len(case.bijeenkomst.uitnodigingen) + 1
    c = ops.set_invitation(c, "p-tom", None)
    assert c.bijeenkomst.uitnodigingen == case.bijeenkomst.uitnodigingen


def test_changing_a_status_keeps_the_order_of_the_list(case):
    before = [u.persoon for u in case.bijeenkomst.uitnodigingen]
    c = ops.set_invitation(case, before[2], "komt_niet")
    assert [u.persoon for u in c.bijeenkomst.uitnodigingen] == before


@pytest.mark.parametrize("pid, status, fragment", [
    ("p-sam", "nog_vragen", "Jezelf hoef je niet uit te nodigen"),
    ("p-tom", "ja", "kies uit"),
    ("p-niemand", "komt", "staat niet in de lijst"),
])
def test_bad_invitations_are_refused_in_dutch(case, pid, status, fragment):
    with pytest.raises(CaseError) as exc:
        ops.set_invitation(case, pid, status)
    assert fragment in exc.value.message


def test_meeting_date_time_and_place(case):
    c = ops.set_meeting(case, datum="2026-03-14", tijd="19:30", plaats="  Bij mij thuis ")
    assert c.bijeenkomst.datum == dt.date(2026, 3, 14)
    assert c.bijeenkomst.tijd == dt.time(19, 30)
    assert c.bijeenkomst.plaats == "Bij mij thuis"
    assert ops.set_meeting(c, tijd="").bijeenkomst.tijd is None
    with pytest.raises(CaseError):
        ops.set_meeting(case, tijd="25:99")
    with pytest.raises(CaseError):
        ops.set_meeting(case, kleur="rood")


@pytest.mark.parametrize("stap", [0, 8, True, "3"])
def test_step_must_be_one_to_seven(case, stap):
    with pytest.raises(CaseError) as exc:
        ops.set_step(case, stap)
    assert "stap 1 tot en met 7" in exc.value.message


def test_presence_and_one_line_each(case):
    c = ops.set_present(case, "p-tom", True)
    assert c.bijeenkomst.aanwezig[-1] == "p-tom"
    c = ops.set_intro(c, "p-tom", " Ik zwem met Sam. ")
    assert [(v.persoon, v.tekst) for v in c.bijeenkomst.voorstelrondje][-1] == ("p-tom", "Ik zwem met Sam.")
    c = ops.set_present(c, "p-tom", False)
    assert "p-tom" not in c.bijeenkomst.aanwezig
    assert all(v.persoon != "p-tom" for v in c.bijeenkomst.voorstelrondje)
    with pytest.raises(CaseError) as exc:
        ops.set_intro(c, "p-tom", "Hallo")
    assert "iemand die er is" in exc.value.message


def test_changing_a_line_keeps_its_place(case):
    first = case.bijeenkomst.voorstelrondje[0].persoon
    c = ops.set_intro(case, first, "Nieuwe zin")
    assert c.bijeenkomst.voorstelrondje[0].tekst == "Nieuwe zin"
    assert len(c.bijeenkomst.voorstelrondje) == len(case.bijeenkomst.voorstelrondje)


def test_info_items_add_update_remove(case):
    c, iid = ops.add_info(case, "Wat kost de bus?", "Met een pas is het gratis.", "p-marieke")
    item = c.bijeenkomst.info[-1]
    assert (item.id, item.vraag, item.antwoord, item.door) == (iid, "Wat kost de bus?", "Met een pas is het gratis.", "p-marieke")
    c = ops.update_info(c, iid, antwoord="Vraag het aan Joost.")
    assert c.bijeenkomst.info[-1].antwoord == "Vraag het aan Joost."
    assert ops.remove_info(c, iid).bijeenkomst.info == case.bijeenkomst.info
    with pytest.raises(CaseError) as exc:
        ops.add_info(case, "   ")
    assert "Schrijf eerst de vraag op" in exc.value.message


def test_piketpaaltje_by_a_professional(case):
    c, kid = ops.add_piketpaaltje(case, "p-devries", "Het geld voor de huur gaat eerst.", "bewind")
    k = c.bijeenkomst.piketpaaltjes[-1]
    assert (k.id, k.gesteld_door, k.tekst, k.kader) == (kid, "p-devries", "Het geld voor de huur gaat eerst.", "bewind")
    c = ops.update_piketpaaltje(c, kid, tekst="De huur gaat eerst.")
    assert c.bijeenkomst.piketpaaltjes[-1].tekst == "De huur gaat eerst."
    assert ops.remove_piketpaaltje(c, kid).bijeenkomst.piketpaaltjes == case.bijeenkomst.piketpaaltjes


def test_piketpaaltje_by_someone_who_is_not_a_professional_is_refused(case):
    with pytest.raises(CaseError) as exc:
        ops.add_piketpaaltje(case, "p-anna", "Sam moet verhuizen.")
    assert "Anna is geen hulpverlener" in exc.value.message
    kid = case.bijeenkomst.piketpaaltjes[0].id
    with pytest.raises(CaseError):
        ops.update_piketpaaltje(case, kid, gesteld_door="p-anna")
    with pytest.raises(CaseError) as exc:
        ops.add_piketpaaltje(case, "p-devries", "  ")
    assert "Schrijf op wat er vastligt" in exc.value.message


def test_privetijd_starts_stops_and_is_recorded(case):
    assert not case.bijeenkomst.in_privetijd
    c = ops.start_privetijd(case, T0)
    assert c.bijeenkomst.in_privetijd
    with pytest.raises(CaseError):
        ops.start_privetijd(c, T0)
    c = ops.stop_privetijd(c, T0 + dt.timedelta(minutes=40))
    assert not c.bijeenkomst.in_privetijd
    assert [(s.begin, s.einde) for s in c.bijeenkomst.privetijd] == [(T0, T0 + dt.timedelta(minutes=40))]
    with pytest.raises(CaseError):
        ops.stop_privetijd(c, T0)
    c = ops.start_privetijd(c, T0 + dt.timedelta(hours=1))
    assert len(c.bijeenkomst.privetijd) == 2 and c.bijeenkomst.in_privetijd


def test_privetijd_stretches_must_follow_each_other(case):
    from snv.model import parse_case
    data = case.model_dump(mode="json")
    data["bijeenkomst"]["privetijd"] = [{"begin": "2026-03-14T19:00:00", "einde": None},
                                        {"begin": "2026-03-14T20:00:00", "einde": None}]
    with pytest.raises(CaseError) as exc:
        parse_case(data)
    assert "laatste" in exc.value.message
    data["bijeenkomst"]["privetijd"] = [{"begin": "2026-03-14T19:00:00", "einde": "2026-03-14T18:00:00"}]
    with pytest.raises(CaseError) as exc:
        parse_case(data)
    assert "na elkaar" in exc.value.message


def test_who_writes_down(case):
    assert ops.set_genoteerd_door(case, "p-anna").bijeenkomst.genoteerd_door == "p-anna"
    assert ops.set_genoteerd_door(case, None).bijeenkomst.genoteerd_door is None
    with pytest.raises(CaseError):
        ops.set_genoteerd_door(case, "p-niemand")


def test_question_reworded_and_moved(case):
    order = [v.id for v in ops.meeting_questions(case)]
    c = ops.update_question(case, order[1], tekst="  Wie helpt mij met de post?  ")
    assert {v.id: v.tekst for v in c.basisposter.vragen}[order[1]] == "Wie helpt mij met de post?"
    c = ops.move_meeting_question(c, order[2], -1)
    assert [v.id for v in ops.meeting_questions(c)] == [order[0], order[2], order[1]]
    c = ops.move_meeting_question(c, order[0], -1)  # already first: stays
    assert ops.meeting_questions(c)[0].id == order[0]
    assert sorted(v.volgorde for v in c.basisposter.vragen) == list(range(1, len(c.basisposter.vragen) + 1))
    with pytest.raises(CaseError) as exc:
        ops.update_question(case, order[0], tekst=" ")
    assert exc.value.message == t("basisposter.err.empty")


def test_basisteam_members_always_hold_the_client(case):
    bare = ops._with(case, basisteam=case.basisteam.model_copy(update={"leden": []}))
    c = ops.set_team_member(bare, "p-anna", True)
    assert c.basisteam.leden == ["p-sam", "p-anna"]
    c = ops.set_team_member(c, "p-anna", False)
    assert c.basisteam.leden == ["p-sam"]
    with pytest.raises(CaseError) as exc:
        ops.set_team_member(c, "p-sam", False)
    assert "altijd in je vaste groep" in exc.value.message
    c = ops.set_first_meeting(c, dt.date(2026, 4, 1))
    assert c.basisteam.eerste_overleg == dt.date(2026, 4, 1)
    assert ops.set_first_meeting(c, None).basisteam.eerste_overleg is None


def test_removing_a_person_drops_their_invitation_and_piketpaaltje(case):
    c = ops.remove_person(case, "p-devries")
    assert all(u.persoon != "p-devries" for u in c.bijeenkomst.uitnodigingen)
    assert all(k.gesteld_door != "p-devries" for k in c.bijeenkomst.piketpaaltjes)
