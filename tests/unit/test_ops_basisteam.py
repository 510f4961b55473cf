"""The basisteam's meeting edits (model/ops.py, basisteam section) and what analysis/basisteam.py computes:
a meeting's first plan change makes ONE new plan version (dated the meeting), later changes go into it,
the version diff shows added / stopped / another owner / another frequency, only the newest meeting
changes the plan; successes, worries, presence, dates; Dutch errors; every result reads back."""
from __future__ import annotations

import datetime as dt

import pytest

from snv.analysis import basisteam as bt
from snv.model import CaseError, ops
from snv.storage import dumps_case
from snv.storage.files import read_case_file

from plan_cases import afspraak, plan_case

DAY = dt.date(2026, 3, 2)


def team_case(**kw):
    """Sam's plan (version 1, two agreements) and a vaste groep of Sam, Anna and Daan."""
    case = plan_case([afspraak("a-post", ["p-anna"], "wekelijks", "v-post", wat="Samen de post openmaken"),
                      afspraak("a-eten", ["p-daan"], "maandelijks", "v-alleen", wat="Samen eten")], **kw)
    for pid in ("p-anna", "p-daan"):
        case = ops.set_team_member(case, pid, True)
    return case


def with_meeting(case=None, day=DAY, aanwezig=("p-sam", "p-anna")):
    case, oid = ops.add_overleg(case if case is not None else team_case(), day, aanwezig=list(aanwezig))
    return case, oid


def reads_back(case) -> None:
    assert read_case_file("x.json", dumps_case(case).encode()) == case


def test_a_new_meeting_changes_nothing_in_the_plan_and_meetings_stay_in_date_order():
    case, late = with_meeting(day="2026-05-01")
    case, early = with_meeting(case, day=dt.date(2026, 1, 10), aanwezig=["p-sam", "p-sam", "p-joost"])
    assert [o.id for o in case.basisteam.overleggen] == [early, late]
    first = case.basisteam.overleggen[0]
    assert first.aanwezig == ["p-sam", "p-joost"] and first.plan_versie is None and first.nieuwe_afspraken == []
    assert [p.versie for p in case.plannen] == [1]
    assert ops.newest_overleg(case).id == late
    reads_back(case)


def test_the_first_plan_change_in_a_meeting_makes_one_new_version_and_later_changes_go_into_it():
    case, oid = with_meeting()
    v1 = case.huidig_plan
    case = ops.overleg_update_agreement(case, oid, "a-eten", status="gestopt")
    assert [p.versie for p in case.plannen] == [1, 2]
    assert case.plannen[0] is v1  # the old version is kept as it was
    assert case.huidig_plan.datum == DAY  # the new version carries the meeting's day
    assert ops.overleg(case, oid).plan_versie == 2
    case = ops.overleg_update_agreement(case, oid, "a-post", wie=["p-daan"])
    case, aid = ops.overleg_add_agreement(case, oid, "v-alleen", "Samen zwemmen", wie=["p-sam", "p-anna"],
                                          hoe_vaak="wekelijks")
    assert [p.versie for p in case.plannen] == [1, 2]  # still one version for the whole meeting
    current = {a.id: a for a in case.huidig_plan.afspraken}
    assert current["a-eten"].status == "gestopt" and current["a-post"].wie == ["p-daan"] and aid in current
    assert ops.overleg(case, oid).nieuwe_afspraken == [aid]
    reads_back(case)


def test_the_next_meeting_makes_its_own_new_version():
    case, first = with_meeting()
    case = ops.overleg_update_agreement(case, first, "a-eten", hoe_vaak="wekelijks")
    case, second = with_meeting(case, day=DAY + dt.timedelta(days=60))
    case = ops.overleg_update_agreement(case, second, "a-eten", hoe_vaak="dagelijks")
    assert [p.versie for p in case.plannen] == [1, 2, 3]
    assert [o.plan_versie for o in case.basisteam.overleggen] == [2, 3]
    assert [a.hoe_vaak for p in case.plannen for a in p.afspraken if a.id == "a-eten"] == [
        "maandelijks", "wekelijks", "dagelijks"]


def test_an_edit_that_changes_nothing_makes_no_version():
    case, oid = with_meeting()
    assert ops.overleg_update_agreement(case, oid, "a-post", wie=["p-anna"]) is case


def test_the_meeting_diff_shows_added_stopped_another_owner_and_another_frequency():
    case, oid = with_meeting()
    case = ops.overleg_update_agreement(case, oid, "a-eten", status="gestopt")
    case = ops.overleg_update_agreement(case, oid, "a-post", wie=["p-daan"], hoe_vaak="maandelijks")
    case, aid = ops.overleg_add_agreement(case, oid, None, "Voor de kat zorgen", wie=["p-gerda"])
    diff = bt.meeting_diff(case, ops.overleg(case, oid))
    assert (diff.old_versie, diff.new_versie) == (1, 2)
    assert [(c.group, c.afspraak_id) for c in diff.changes] == [
        ("wie", "a-post"), ("hoe_vaak", "a-post"), ("status", "a-eten"), ("toegevoegd", aid)]
    # a meeting that did not change the plan has no diff
    case, other = with_meeting(case, day=DAY + dt.timedelta(days=1))
    assert bt.meeting_diff(case, ops.overleg(case, other)) is None


def test_removing_an_agreement_made_in_the_meeting_drops_it_from_its_new_agreements():
    case, oid = with_meeting()
    case, aid = ops.overleg_add_agreement(case, oid, "v-post", "Even bellen")
    case = ops.overleg_remove_agreement(case, oid, aid)
    assert ops.overleg(case, oid).nieuwe_afspraken == [] and ops.overleg(case, oid).plan_versie == 2
    case = ops.overleg_remove_agreement(case, oid, "a-eten")  # an older one: gone from the new version only
    assert [a.id for a in case.huidig_plan.afspraken] == ["a-post"]
    assert "a-eten" in {a.id for a in case.plannen[0].afspraken}
    reads_back(case)


def test_only_the_newest_meeting_changes_the_plan():
    case, old = with_meeting()
    case, _ = with_meeting(case, day=DAY + dt.timedelta(days=30))
    with pytest.raises(CaseError, match="eerder overleg"):
        ops.overleg_update_agreement(case, old, "a-eten", status="gestopt")


def test_a_meeting_without_any_plan_yet_makes_version_1_on_its_day():
    case, oid = with_meeting(plan_case())
    assert case.huidig_plan is None
    case, aid = ops.overleg_add_agreement(case, oid, "v-alleen", "Samen eten")
    assert [(p.versie, p.datum) for p in case.plannen] == [(1, DAY)]
    assert ops.overleg(case, oid).plan_versie == 1 and ops.overleg(case, oid).nieuwe_afspraken == [aid]


def test_moving_the_meeting_moves_the_date_of_the_version_it_made():
    case, oid = with_meeting()
    case = ops.overleg_update_agreement(case, oid, "a-eten", status="klaar")
    case = ops.update_overleg(case, oid, datum="2026-03-05")
    assert ops.overleg(case, oid).datum == dt.date(2026, 3, 5) and case.huidig_plan.datum == dt.date(2026, 3, 5)
    assert case.plannen[0].datum == dt.date(2025, 6, 12)


def test_next_date_is_set_cleared_and_never_before_the_meeting():
    case, oid = with_meeting()
    case = ops.update_overleg(case, oid, volgende="2026-06-01")
    assert ops.overleg(case, oid).volgende == dt.date(2026, 6, 1)
    assert ops.update_overleg(case, oid, volgende="2026-06-01") is case
    with pytest.raises(CaseError, match="niet eerder zijn dan dit overleg"):
        ops.update_overleg(case, oid, volgende="2026-01-01")
    case = ops.update_overleg(case, oid, volgende="")
    assert ops.overleg(case, oid).volgende is None


def test_successes_and_worries_are_added_trimmed_and_removed_by_place():
    case, oid = with_meeting()
    case = ops.add_overleg_item(case, oid, "successen", "  Samen eten lukt.  ")
    case = ops.add_overleg_item(case, oid, "successen", "De post is bij.")
    case = ops.add_overleg_item(case, oid, "zorgen", "Anna heeft het druk.")
    o = ops.overleg(case, oid)
    assert o.successen == ["Samen eten lukt.", "De post is bij."] and o.zorgen == ["Anna heeft het druk."]
    case = ops.remove_overleg_item(case, oid, "successen", 0)
    assert ops.overleg(case, oid).successen == ["De post is bij."]


def test_presence_is_set_once_per_person():
    case, oid = with_meeting()
    case = ops.set_overleg_present(case, oid, "p-joost", True)
    assert ops.set_overleg_present(case, oid, "p-joost", True) is case
    case = ops.set_overleg_present(case, oid, "p-anna", False)
    assert ops.overleg(case, oid).aanwezig == ["p-sam", "p-joost"]


def test_removing_a_meeting_keeps_the_plan_version_it_made():
    case, oid = with_meeting()
    case = ops.overleg_update_agreement(case, oid, "a-eten", status="gestopt")
    case = ops.remove_overleg(case, oid)
    assert case.basisteam.overleggen == [] and [p.versie for p in case.plannen] == [1, 2]


@pytest.mark.parametrize("call, fragment", [
    (lambda c, o: ops.add_overleg(c, "morgen"), "geen datum"),
    (lambda c, o: ops.add_overleg(c, DAY, aanwezig=["p-spook"]), "staat niet"),
    (lambda c, o: ops.update_overleg(c, o, datum="31-02-2026"), "geen datum"),
    (lambda c, o: ops.update_overleg(c, "o-weg", datum=DAY), "bestaat niet meer"),
    (lambda c, o: ops.add_overleg_item(c, o, "successen", "   "), "Schrijf eerst iets op"),
    (lambda c, o: ops.add_overleg_item(c, o, "wensen", "x"), ""),
    (lambda c, o: ops.add_overleg_item(c, o, "zorgen", "x" * 5001), "te lang"),
    (lambda c, o: ops.remove_overleg_item(c, o, "zorgen", 3), "niet (meer) in het overleg"),
    (lambda c, o: ops.remove_overleg_item(c, o, "zorgen", True), "niet (meer) in het overleg"),
    (lambda c, o: ops.set_overleg_present(c, o, "p-spook", True), "staat niet"),
    (lambda c, o: ops.overleg_update_agreement(c, o, "a-weg", status="gestopt"), "staat niet (meer) in het plan"),
    (lambda c, o: ops.overleg_add_agreement(c, o, None, "  "), "Schrijf op wat"),
    (lambda c, o: ops.overleg_add_agreement(c, o, None, "Eten", wie=["p-spook"]), "niet in het netwerk"),
])
def test_bad_input_is_refused_with_a_dutch_message_and_changes_nothing(call, fragment):
    case, oid = with_meeting()
    with pytest.raises(CaseError) as info:
        call(case, oid)
    assert fragment in info.value.message
    assert [p.versie for p in case.plannen] == [1]


def test_who_does_what_lists_active_agreements_per_person_team_first_and_asks_for_the_rest():
    case = team_case()
    case, _ = ops.add_agreement(case, None, "Voor de kat zorgen", wie=["p-gerda", "p-anna"])
    case, open_aid = ops.add_agreement(case, None, "Met de buurman praten")
    case = ops.update_agreement(case, "a-eten", status="gestopt")
    who = bt.who_does_what(case)
    assert [(pid, [a.wat for a in afspraken]) for pid, afspraken in who.people] == [
        ("p-anna", ["Samen de post openmaken", "Voor de kat zorgen"]), ("p-gerda", ["Voor de kat zorgen"])]
    assert [a.id for a in who.nobody] == [open_aid]


def test_questions_without_an_owner_in_the_posters_order():
    case = ops.update_question(team_case(), "v-post", eigenaar="p-anna")
    assert [q.id for q in bt.questions_without_owner(case)] == ["v-alleen"]


def test_attendance_follows_professionals_and_falling_is_what_snv_aims_for():
    case = team_case()
    for k, here in enumerate((["p-sam", "p-joost"], ["p-sam", "p-joost"], ["p-sam"], ["p-sam", "p-anna"])):
        case, _ = ops.add_overleg(case, DAY + dt.timedelta(days=30 * k), aanwezig=here)
    att = bt.attendance(case)
    assert att.rows == [("p-joost", [True, True, False, False])] and att.counts == [1, 1, 0, 0] and att.falling
    assert bt.attendance(case, 2).dates == [DAY + dt.timedelta(days=60), DAY + dt.timedelta(days=90)]
    case, _ = ops.add_overleg(case, DAY + dt.timedelta(days=150), aanwezig=["p-joost"])
    case, _ = ops.add_overleg(case, DAY + dt.timedelta(days=180), aanwezig=["p-joost"])
    assert not bt.attendance(case).falling  # came back: not framed as anything, just not "falling"
    assert bt.attendance(team_case()).rows == [] and not bt.attendance(team_case()).falling
