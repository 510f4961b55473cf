"""The plan edits (model/ops.py, Plan section): add, update, remove agreements in the current plan
version, the piketpaaltjes' oordeel; Dutch errors for bad input."""
from __future__ import annotations

import datetime as dt

import pytest

from snv.model import CaseError, ops, parse_case

from plan_cases import afspraak, plan_case

TODAY = dt.date(2026, 3, 14)


def test_first_agreement_makes_plan_version_1_dated_today():
    case = plan_case()
    assert case.huidig_plan is None
    case, aid = ops.add_agreement(case, "v-alleen", "  Samen eten  ", today=TODAY, wie=["p-anna"], hoe_vaak="wekelijks")
    plan = case.huidig_plan
    assert (plan.versie, plan.datum) == (1, TODAY)
    [a] = plan.afspraken
    assert (a.id, a.wat, a.wie, a.vraag_id, a.hoe_vaak, a.status) == (aid, "Samen eten", ["p-anna"], "v-alleen",
                                                                       "wekelijks", "actief")


def test_agreements_go_into_the_current_version_and_old_versions_stay():
    case = plan_case(versions=[[afspraak("a1")], [afspraak("a1"), afspraak("a2")]])
    case, aid = ops.add_agreement(case, None, "Voor de kat zorgen", today=TODAY)
    assert [len(p.afspraken) for p in case.plannen] == [1, 3]
    assert case.plannen[1].datum == dt.date(2025, 7, 12)  # no new version, no new date
    assert case.huidig_plan.afspraken[-1].vraag_id is None and case.huidig_plan.afspraken[-1].id == aid


def test_update_changes_only_the_current_version():
    case = plan_case(versions=[[afspraak("a1", ["p-anna"])], [afspraak("a1", ["p-anna"])]])
    case = ops.update_agreement(case, "a1", wie=["p-daan", "p-anna", "p-daan"], hoe_vaak="dagelijks",
                                start="2026-03-01", evaluatie=dt.date(2026, 6, 1), status="gestopt", waar=" Thuis ")
    old, new = case.plannen[0].afspraken[0], case.huidig_plan.afspraken[0]
    assert old.wie == ["p-anna"] and old.hoe_vaak == "wekelijks"
    assert new.wie == ["p-daan", "p-anna"] and new.hoe_vaak == "dagelijks" and new.status == "gestopt"
    assert new.start == dt.date(2026, 3, 1) and new.waar == "Thuis"


def test_update_without_a_change_returns_the_same_case():
    case = plan_case([afspraak("a1", ["p-anna"])])
    assert ops.update_agreement(case, "a1", wie=["p-anna"]) is case


@pytest.mark.parametrize("call, fragment", [
    (lambda c: ops.add_agreement(c, "v-alleen", "   ", today=TODAY), "Schrijf op wat"),
    (lambda c: ops.add_agreement(c, "v-alleen", "Eten", wie=["p-niemand"]), "niet in het netwerk"),
    (lambda c: ops.add_agreement(c, "v-weg", "Eten"), "niet op de basisposter"),
    (lambda c: ops.add_agreement(c, None, "Eten", start="2026-05-01", evaluatie="2026-04-01"), "evaluatie kan niet"),
    (lambda c: ops.add_agreement(c, None, "Eten", hoe_vaak="soms"), ""),
    (lambda c: ops.add_agreement(c, None, "Eten", kleur="rood"), "hoort niet bij een afspraak"),
    (lambda c: ops.update_agreement(c, "a1", wat=""), "Schrijf op wat"),
    (lambda c: ops.update_agreement(c, "a1", evaluatie="2025-01-01", start="2025-02-01"), "evaluatie kan niet"),
    (lambda c: ops.update_agreement(c, "a-weg", wat="x"), "staat niet (meer) in het plan"),
    (lambda c: ops.remove_agreement(c, "a-weg"), "staat niet (meer) in het plan"),
    (lambda c: ops.set_piket_oordeel(c, "k-weg", "akkoord"), "bestaat niet"),
    (lambda c: ops.set_piket_oordeel(c, "k-geld", "goedgekeurd"), ""),
])
def test_bad_input_is_a_dutch_case_error(call, fragment):
    case = plan_case([afspraak("a1", ["p-anna"])])
    with pytest.raises(CaseError) as info:
        call(case)
    assert fragment in info.value.message
    assert info.value.message.strip()


def test_remove_agreement_from_the_current_version_keeps_history():
    case = plan_case(versions=[[afspraak("a1"), afspraak("a2")], [afspraak("a1"), afspraak("a2")]])
    case = ops.remove_agreement(case, "a2")
    assert [a.id for a in case.huidig_plan.afspraken] == ["a1"]
    assert [a.id for a in case.plannen[0].afspraken] == ["a1", "a2"]


def test_removing_the_last_copy_drops_a_meeting_mention_of_it():
    data = plan_case([afspraak("a1"), afspraak("a2")]).model_dump(mode="json")
    data["basisteam"]["overleggen"] = [{"id": "o1", "datum": "2025-07-01", "nieuwe_afspraken": ["a2"], "plan_versie": 1}]
    case = parse_case(data)
    case = ops.remove_agreement(case, "a2")
    assert case.basisteam.overleggen[0].nieuwe_afspraken == []


def test_piket_oordeel_is_set_for_one_piketpaaltje_only():
    case = plan_case()
    case = ops.set_piket_oordeel(case, "k-geld", "nog_niet", "  Eerst de buurman  ")
    a, b = case.bijeenkomst.piketpaaltjes
    assert (a.oordeel, a.uitleg) == ("nog_niet", "Eerst de buurman")
    assert (b.oordeel, b.uitleg) == (None, "")
    case = ops.set_piket_oordeel(case, "k-geld", "akkoord", "")
    assert case.bijeenkomst.piketpaaltjes[0].oordeel == "akkoord"
    assert ops.set_piket_oordeel(case, "k-geld", "akkoord", "") is case
