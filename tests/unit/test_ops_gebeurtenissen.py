"""Edits of life events (model/ops.py add_event, update_event, remove_event): pure, checked, Dutch
messages for bad input."""
from __future__ import annotations

import datetime as dt

import pytest

from snv.model import CaseError, ops
from snv.model.case import Moment


def test_add_event_with_every_field(demo_case):
    case, eid = ops.add_event(demo_case, "  Verhuisd naar Deventer ", wanneer={"datum": "2-5-2019", "ongeveer": True},
                              verhaal="Een klein huis.", gevoel="allebei", personen=["p-marja", "p-marja", "p-anna"])
    ev = case.gebeurtenissen[-1]
    assert ev.id == eid and ev.titel == "Verhuisd naar Deventer"
    assert ev.wanneer == Moment(datum=dt.date(2019, 5, 2), ongeveer=True)
    assert ev.personen == ["p-marja", "p-anna"]  # each once, in the order chosen
    assert demo_case.gebeurtenissen[-1].id != eid  # the old case is unchanged


@pytest.mark.parametrize("wanneer, expected", [
    ({"jaar": 2004}, Moment(jaar=2004)),
    ({"leeftijd": 12, "ongeveer": True}, Moment(leeftijd=12, ongeveer=True)),
    ({"datum": "2020-02-29"}, Moment(datum=dt.date(2020, 2, 29))),
    ({"datum": dt.date(2001, 1, 1)}, Moment(datum=dt.date(2001, 1, 1))),
    (None, None),
])
def test_update_event_moment_kinds(demo_case, wanneer, expected):
    case = ops.update_event(demo_case, "g-kees", wanneer=wanneer)
    assert next(g for g in case.gebeurtenissen if g.id == "g-kees").wanneer == expected


@pytest.mark.parametrize("changes, fragment", [
    ({"titel": "   "}, "Schrijf op wat er gebeurde"),
    ({"wanneer": {"leeftijd": 131}}, "leeftijd tussen 0 en 130"),
    ({"wanneer": {"leeftijd": -1}}, "leeftijd tussen 0 en 130"),
    ({"wanneer": {"jaar": 1700}}, "jaar tussen 1850 en 2200"),
    ({"wanneer": {"jaar": "2001"}}, "jaar tussen 1850 en 2200"),
    ({"wanneer": {"datum": "31-2-2020"}}, "datum zoals"),
    ({"wanneer": {"datum": "gisteren"}}, "datum zoals"),
    ({"wanneer": {"datum": "1-1-1700"}}, "jaar tussen"),
    ({"wanneer": {"jaar": 2000, "leeftijd": 3}}, "Kies één manier"),
    ({"wanneer": {}}, "Kies één manier"),
    ({"gevoel": "blij"}, "fijn, moeilijk of allebei"),
    ({"personen": ["p-niemand"]}, "persoon die niet bestaat"),
    ({"titel": "x" * 500}, "Dit dossier"),
])
def test_bad_input_is_refused_in_dutch(demo_case, changes, fragment):
    with pytest.raises(CaseError) as info:
        ops.update_event(demo_case, "g-kees", **changes)
    assert fragment.lower() in info.value.message.lower()


def test_add_event_refuses_an_empty_title_and_a_taken_id(demo_case):
    with pytest.raises(CaseError, match="Schrijf op wat er gebeurde"):
        ops.add_event(demo_case, "")
    with pytest.raises(CaseError):
        ops.add_event(demo_case, "Twee keer", id="g-kees")


def test_unchanged_update_returns_the_same_case(demo_case):
    assert ops.update_event(demo_case, "g-kees", gevoel="fijn") is demo_case


def test_remove_event_and_unknown_event(demo_case):
    case = ops.remove_event(demo_case, "g-kees")
    assert "g-kees" not in {g.id for g in case.gebeurtenissen}
    assert len(case.gebeurtenissen) == len(demo_case.gebeurtenissen) - 1
    for fn in (lambda: ops.remove_event(case, "g-kees"), lambda: ops.update_event(case, "g-kees", titel="x")):
        with pytest.raises(CaseError, match="niet meer"):
            fn()


def test_removing_a_person_drops_them_from_events(demo_case):
    case = ops.remove_person(demo_case, "p-kees")
    assert next(g for g in case.gebeurtenissen if g.id == "g-kees").personen == ["p-marja"]
