"""The demo case fills every part of the model (so every screen has something to show), and big
generated cases are valid and reproducible."""
from __future__ import annotations

import pytest

from snv.model import (FASEN, KWALITEITEN, NABIJHEDEN, RICHTINGEN, SECTORS, STEUNSOORTEN, Case, CaseError,
                       check_integrity)
from snv.model.demo import big_case
from snv.model.demo import demo_case as make_demo
from snv.model.limits import MAX_PERSONS
from snv.storage import dumps_case


def parents(case: Case, pid: str) -> set[str]:
    return {o.ouder for o in case.ouder_kind if o.kind == pid}


def children(case: Case, pid: str) -> set[str]:
    return {o.kind for o in case.ouder_kind if o.ouder == pid}


def test_deterministic():
    assert dumps_case(make_demo()) == dumps_case(make_demo()) == dumps_case(make_demo(seed=7))


def test_client(demo_case):
    sam = demo_case.klant
    assert sam.naam == "Sam" and sam.geboortejaar == 2001 and sam.sector is None
    assert demo_case.fase in FASEN


def test_persons_cover_sectors_rings_and_kinds(demo_case):
    others = [p for p in demo_case.personen if p.id != demo_case.klant_id]
    assert len(others) >= 25
    on_map = [p for p in others if p.nabijheid]
    assert {p.sector for p in on_map} == set(SECTORS)
    assert {p.nabijheid for p in on_map} == set(NABIJHEDEN)
    assert any(p.sector and not p.nabijheid for p in others)  # known but not on the map
    assert {p.geslacht for p in demo_case.personen} == {"man", "vrouw", "anders", "onbekend"}
    roles = {p.rol for p in others if p.professioneel}
    assert {"procesbegeleider MEE", "bewindvoerder", "huisarts"} <= roles
    assert any(p.soort == "huisdier" for p in others)
    assert any(p.overleden for p in others)
    assert any(p.naam == "" for p in others)  # an unknown parent as a nameless placeholder
    assert any(p.professioneel and p.sector != "hulpverlening" for p in others)
    assert sum(bool(p.interesses) for p in others) >= 5
    assert {n.zichtbaar for p in demo_case.personen for n in p.notities} == {"iedereen", "klant_en_begeleider"}


def test_family_over_three_generations(demo_case):
    sam = demo_case.klant_id
    ouders = parents(demo_case, sam)
    bio = {o.ouder for o in demo_case.ouder_kind if o.kind == sam and o.soort == "biologisch"}
    grootouders = set().union(*(parents(demo_case, p) for p in bio))
    assert len(bio) == 2 and len(grootouders) >= 3
    siblings = {k for p in bio for k in children(demo_case, p)} - {sam}
    full = {s for s in siblings if bio <= parents(demo_case, s)}
    half = {s for s in siblings if len(bio & parents(demo_case, s)) == 1}
    assert full and half
    aunts = {k for g in grootouders for k in children(demo_case, g)} - bio
    assert any(demo_case.persoon(a).rol == "tante" for a in aunts)
    nephews = {k for s in full for k in children(demo_case, s)}
    assert any(demo_case.persoon(n).rol == "neefje" for n in nephews)
    assert ouders - bio  # a step-parent
    assert {o.soort for o in demo_case.ouder_kind} == {"biologisch", "adoptie", "pleeg", "stief"}
    assert {p.status for p in demo_case.partners} == {"getrouwd", "samenwonend", "relatie", "uit_elkaar", "gescheiden"}


def test_ties_and_support(demo_case):
    sam = demo_case.klant_id
    client = [b for b in demo_case.banden if sam in (b.a, b.b)]
    assert {b.kwaliteit for b in client} == {*KWALITEITEN, None}
    members = [b for b in demo_case.banden if sam not in (b.a, b.b)]
    assert len(members) >= 10
    assert {s.soort for s in demo_case.steun} == set(STEUNSOORTEN)
    assert {s.richting for s in demo_case.steun} == set(RICHTINGEN)


def test_basisposter(demo_case):
    poster = demo_case.basisposter
    assert poster.sterke_punten and poster.wensen_dromen and poster.zorgen
    assert len(poster.vragen) >= 3
    assert any(v.naar_bijeenkomst and v.eigenaar for v in poster.vragen)
    assert any(v.naar_bijeenkomst and not v.eigenaar for v in poster.vragen)  # "Wie pakt dit op?"
    assert poster.meedenkers


def test_events_and_contacts(demo_case):
    events = demo_case.gebeurtenissen
    assert len(events) >= 6
    kinds = {("geen" if g.wanneer is None else "datum" if g.wanneer.datum else "jaar" if g.wanneer.jaar else "leeftijd")
             for g in events}
    assert kinds == {"geen", "datum", "jaar", "leeftijd"}
    assert any(g.wanneer and g.wanneer.ongeveer for g in events)
    assert {g.gevoel for g in events} == {"fijn", "moeilijk", "allebei"}
    assert len(demo_case.contacten) >= 8
    assert {c.hoe_vaak for c in demo_case.contacten} >= {"dagelijks", "wekelijks", "maandelijks",
                                                         "paar_keer_per_jaar", "zelden"}
    assert any(c.dagen is None for c in demo_case.contacten) and any(c.dagen for c in demo_case.contacten)


def test_meeting_and_plans(demo_case):
    bk = demo_case.bijeenkomst
    assert {u.status for u in bk.uitnodigingen} == {"nog_vragen", "uitgenodigd", "komt", "komt_niet", "misschien"}
    assert demo_case.klant_id in bk.aanwezig and len(bk.aanwezig) >= 5
    assert bk.voorstelrondje and bk.info and bk.genoteerd_door
    assert len(bk.piketpaaltjes) == 2
    assert all(demo_case.persoon(p.gesteld_door).professioneel for p in bk.piketpaaltjes)
    assert "bewind" in {p.kader for p in bk.piketpaaltjes}
    assert {p.oordeel for p in bk.piketpaaltjes} == {"akkoord", "nog_niet"}
    assert [p.versie for p in demo_case.plannen] == [1, 2]
    v1, v2 = demo_case.plannen
    assert demo_case.huidig_plan is v2
    assert any(not a.wie for a in v1.afspraken)
    assert all(a.vraag_id for a in v2.afspraken if a.id != "a-kees")
    assert {a.status for a in v2.afspraken} == {"actief", "gestopt", "klaar"}
    assert {a.id for a in v2.afspraken} > {a.id for a in v1.afspraken}


def test_basisteam(demo_case):
    team = demo_case.basisteam
    assert demo_case.klant_id in team.leden and team.eerste_overleg
    assert len(team.overleggen) == 3
    assert [o.datum for o in team.overleggen] == sorted(o.datum for o in team.overleggen)  # kept in date order
    assert all(o.successen and o.zorgen for o in team.overleggen)
    assert any(o.nieuwe_afspraken for o in team.overleggen)
    # plan_versie is the version a meeting made: only the September meeting changed the plan (version 2)
    assert [o.plan_versie for o in team.overleggen] == [None, 2, None]
    assert demo_case.plannen[1].datum == team.overleggen[1].datum
    begeleider = "p-marieke"
    assert [begeleider in o.aanwezig for o in team.overleggen] == [True, False, False]  # the begeleider steps back


def test_snapshots_differ(demo_case):
    old, new = demo_case.momentopnamen
    assert old.gemaakt < new.gemaakt
    old_people = {p.id: p for p in old.personen}
    new_people = {p.id: p for p in new.personen}
    assert set(new_people) - set(old_people)  # someone added
    rank = {n: i for i, n in enumerate(NABIJHEDEN)}
    assert any(rank[new_people[i].nabijheid] < rank[old_people[i].nabijheid]
               for i in old_people if i in new_people and old_people[i].nabijheid and new_people[i].nabijheid)
    old_q = {frozenset((b.a, b.b)): b.kwaliteit for b in old.banden}
    assert any(old_q.get(frozenset((b.a, b.b)), b.kwaliteit) != b.kwaliteit for b in new.banden)


def test_demo_survives_check_integrity(demo_case):
    check_integrity(demo_case)


@pytest.mark.parametrize("n", [1, 2, 7, 300])
def test_big_case_size_and_validity(n):
    case = big_case(n)
    assert len(case.personen) == n
    Case.model_validate(case.model_dump())


def test_big_case_is_spread_and_connected():
    case = big_case(500)
    others = case.personen[1:]
    assert {p.sector for p in others} == set(SECTORS) and {p.nabijheid for p in others} == set(NABIJHEDEN)
    assert len(case.banden) > 500 and case.steun and case.contacten and case.huidig_plan


def test_big_case_is_reproducible():
    assert big_case(200, seed=3) == big_case(200, seed=3)
    assert big_case(200, seed=3) != big_case(200, seed=4)


def test_big_case_at_the_limit():
    assert len(big_case(MAX_PERSONS).personen) == MAX_PERSONS
    with pytest.raises((CaseError, ValueError)):
        big_case(MAX_PERSONS + 1)
