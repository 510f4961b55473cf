"""Edits of the basisposter and Ontmoeten (model/ops.py, the wt-poster section): cards, questions for the
plan in order (moves renumber 1..n), who thought along, the story. Bad input is refused in Dutch."""
from __future__ import annotations

import datetime as dt

import pytest

from snv.messages import t
from snv.model import CaseError, new_case, ops
from snv.model.limits import MAX_TEXT
from snv.storage import dumps_case, loads_case


def _case_with_questions(*texts: str):
    case = new_case("Sam")
    ids = []
    for text in texts:
        case, vid = ops.add_question(case, text)
        ids.append(vid)
    return case, ids


def order(case) -> list[str]:
    return [v.tekst for v in ops.questions_in_order(case.basisposter.vragen)]


def numbers(case) -> list[int]:
    return [v.volgorde for v in case.basisposter.vragen]


def test_new_questions_are_numbered_last_in_order():
    case, _ = _case_with_questions("Een", "Twee", "Drie")
    assert order(case) == ["Een", "Twee", "Drie"] and numbers(case) == [1, 2, 3]


@pytest.mark.parametrize("moves, expected", [
    ([(0, 2)], ["Twee", "Drie", "Een", "Vier"]),
    ([(3, 0)], ["Vier", "Een", "Twee", "Drie"]),
    ([(1, 1)], ["Een", "Twee", "Drie", "Vier"]),
    ([(0, 99)], ["Twee", "Drie", "Vier", "Een"]),  # clamped to the end
    ([(2, -5)], ["Drie", "Een", "Twee", "Vier"]),  # clamped to the start
    ([(0, 3), (3, 0), (1, 2)], ["Een", "Drie", "Twee", "Vier"]),
])
def test_moves_give_the_order_and_number_one_to_n(moves, expected):
    case, ids = _case_with_questions("Een", "Twee", "Drie", "Vier")
    by_text = dict(zip(["Een", "Twee", "Drie", "Vier"], ids))
    for frm, to in moves:
        vid = by_text[order(case)[frm]]
        case = ops.move_question(case, vid, to)
    assert order(case) == expected
    assert numbers(case) == [1, 2, 3, 4]  # the list itself is kept in the order people see
    assert loads_case(dumps_case(case)) == case


def test_gaps_and_ties_in_volgorde_are_renumbered_by_an_edit():
    case, ids = _case_with_questions("Een", "Twee", "Drie")
    vragen = case.basisposter.vragen
    messy = [vragen[0].model_copy(update={"volgorde": 7}), vragen[1].model_copy(update={"volgorde": 3}),
             vragen[2].model_copy(update={"volgorde": 3})]
    case = case.model_copy(update={"basisposter": case.basisposter.model_copy(update={"vragen": messy})})
    assert order(case) == ["Twee", "Drie", "Een"]  # ties keep list order
    case = ops.update_question(case, ids[0], naar_bijeenkomst=True)
    assert order(case) == ["Twee", "Drie", "Een"] and numbers(case) == [1, 2, 3]


def test_removing_a_question_renumbers_and_unlinks_its_agreements(demo_case):
    linked = [a for a in demo_case.huidig_plan.afspraken if a.vraag_id == "v-alleen"]
    assert linked
    case = ops.remove_question(demo_case, "v-alleen")
    assert [v.id for v in case.basisposter.vragen] == ["v-post", "v-werk", "v-buurman"]
    assert numbers(case) == [1, 2, 3]
    kept = {a.id: a for a in case.huidig_plan.afspraken}
    assert all(kept[a.id].vraag_id is None and kept[a.id].wat == a.wat for a in linked)


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty_text_is_refused_in_dutch(text):
    case, ids = _case_with_questions("Een")
    case, item = ops.add_card(case, "zorgen", "Post")
    for edit in (lambda: ops.add_question(case, text), lambda: ops.update_question(case, ids[0], tekst=text),
                 lambda: ops.add_card(case, "wensen_dromen", text),
                 lambda: ops.update_poster_item(case, "zorgen", item, tekst=text)):
        with pytest.raises(CaseError) as err:
            edit()
        assert err.value.message == t("basisposter.err.empty")


def test_too_long_text_is_refused():
    case, ids = _case_with_questions("Een")
    with pytest.raises(CaseError, match="te lang"):
        ops.add_question(case, "x" * (MAX_TEXT + 1))
    with pytest.raises(CaseError, match="te lang"):
        ops.update_ontmoeten(case, verhaal="x" * (MAX_TEXT + 1))
    assert ops.add_question(case, "x" * MAX_TEXT)[0].basisposter.vragen[-1].tekst == "x" * MAX_TEXT


def test_card_text_and_writer_change_and_unknown_things_are_refused():
    case = new_case("Sam")
    case, pid = ops.add_person(case, "Anna")
    case, item = ops.add_card(case, "wensen_dromen", "  Een baan  ", case.klant_id)
    assert case.basisposter.wensen_dromen[0].tekst == "Een baan"
    case = ops.update_poster_item(case, "wensen_dromen", item, tekst="Een baan in een keuken", door=pid)
    card = case.basisposter.wensen_dromen[0]
    assert (card.tekst, card.door) == ("Een baan in een keuken", pid)
    case = ops.update_poster_item(case, "wensen_dromen", item, door=None)
    assert case.basisposter.wensen_dromen[0].door is None
    with pytest.raises(CaseError):
        ops.update_poster_item(case, "wensen_dromen", item, door="p-niemand")
    with pytest.raises(CaseError):
        ops.update_poster_item(case, "vragen", item, tekst="x")
    with pytest.raises(CaseError):
        ops.update_poster_item(case, "zorgen", item, tekst="x")  # not in that field


def test_question_owner_and_meeting_mark():
    case, ids = _case_with_questions("Een")
    case, pid = ops.add_person(case, "Jeroen")
    case = ops.update_question(case, ids[0], eigenaar=pid, naar_bijeenkomst=True)
    q = case.basisposter.vragen[0]
    assert (q.eigenaar, q.naar_bijeenkomst) == (pid, True)
    with pytest.raises(CaseError):
        ops.update_question(case, ids[0], eigenaar="p-weg")
    with pytest.raises(CaseError):
        ops.move_question(case, "v-weg", 0)
    # the owner leaves the case: the question stays, without owner
    assert ops.remove_person(case, pid).basisposter.vragen[0].eigenaar is None


def test_meedenkers_are_persons_each_once():
    case = new_case("Sam")
    case, a = ops.add_person(case, "Anna")
    case, b = ops.add_person(case, "Bram")
    case = ops.set_meedenkers(case, [b, a, b])
    assert case.basisposter.meedenkers == [b, a]
    with pytest.raises(CaseError):
        ops.set_meedenkers(case, [a, "p-niemand"])


def test_story_and_date_of_ontmoeten():
    case = ops.update_ontmoeten(new_case("Sam"), verhaal="Ik woon alleen.\n\n", datum="2026-03-14")
    assert case.ontmoeten.verhaal == "Ik woon alleen." and case.ontmoeten.datum == dt.date(2026, 3, 14)
    case = ops.update_ontmoeten(case, datum=None)
    assert case.ontmoeten.datum is None and case.ontmoeten.verhaal == "Ik woon alleen."
    with pytest.raises(CaseError) as err:
        ops.update_ontmoeten(case, datum="14 maart")
    assert err.value.message == t("ontmoeten.err.date")
