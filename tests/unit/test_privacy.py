"""Exports that leave the browser (DOMAIN §9): private notes out unless chosen; pseudonymised exports
keep structure but no names, free text, readable ids or exact birth years."""
from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from snv.model import Case, ops
from snv.model.limits import MAX_NAME
from snv.storage import dumps_case, for_export


def notes_of(case: Case) -> list[str]:
    return [n.tekst for p in case.personen for n in p.notities]


def test_default_export_drops_private_notes_only(small_case):
    out = for_export(small_case)
    assert notes_of(out) == ["openbaar"]
    assert notes_of(small_case) == ["privé", "openbaar"]  # input untouched
    assert out.klant.naam == small_case.klant.naam


def test_notes_can_be_chosen(demo_case):
    assert for_export(demo_case, notes=True) == demo_case
    private = [n for p in for_export(demo_case).personen for n in p.notities if n.zichtbaar != "iedereen"]
    assert private == [] and notes_of(for_export(demo_case))


@pytest.fixture
def pseudo(demo_case) -> Case:
    return for_export(demo_case, pseudonymise=True)


def test_pseudonymised_export_is_valid(pseudo):
    assert Case.model_validate(json.loads(dumps_case(pseudo))) == pseudo


def test_no_name_free_text_or_readable_id_survives(demo_case, pseudo):
    text = dumps_case(pseudo)
    for p in demo_case.personen:
        if p.naam:
            assert not re.search(rf"\b{re.escape(p.naam)}\b", text), p.naam
        assert f'"{p.id}"' not in text, p.id
    free = [demo_case.ontmoeten.verhaal, *notes_of(demo_case),
            *(i.tekst for i in demo_case.basisposter.sterke_punten), *(v.tekst for v in demo_case.basisposter.vragen),
            *(g.titel for g in demo_case.gebeurtenissen), *(g.verhaal for g in demo_case.gebeurtenissen if g.verhaal),
            *(a.wat for a in demo_case.huidig_plan.afspraken), *(a.hoe for a in demo_case.huidig_plan.afspraken if a.hoe),
            *(pk.tekst for pk in demo_case.bijeenkomst.piketpaaltjes), demo_case.bijeenkomst.plaats,
            *(s for o in demo_case.basisteam.overleggen for s in o.successen),
            *(c.samen_doen for c in demo_case.contacten if c.samen_doen),
            *(m.titel for m in demo_case.momentopnamen)]
    for item in free:
        assert item not in text, item
    assert notes_of(pseudo) == []
    assert all(re.fullmatch(r"interesse \d+", i) for p in pseudo.personen for i in p.interesses)


def test_names_become_role_and_number(pseudo):
    names = [p.naam for p in pseudo.personen]
    assert pseudo.klant.naam == "klant"
    assert "tante 1" in names and "procesbegeleider MEE 1" in names
    assert names.count("opa 1") == 1 and "opa 2" in names  # two persons with the same role
    assert len(set(names)) == len(names)


def test_person_without_role_gets_generic_name(small_case):
    case, _ = ops.add_person(small_case, "Zonder Rol")
    case, _ = ops.add_person(case, "Pluis", soort="huisdier")
    case, _ = ops.add_person(case, "Lang", rol="r" * MAX_NAME)
    names = [p.naam for p in for_export(case, pseudonymise=True).personen]
    assert names[-3:-1] == ["persoon 1", "huisdier 1"]
    assert names[-1].endswith(" 1") and len(names[-1]) <= MAX_NAME


def test_structure_is_kept(demo_case, pseudo):
    def shape(c: Case):
        ids = {p.id: i for i, p in enumerate(c.personen)}
        return {
            "personen": [(p.sector, p.nabijheid, p.professioneel, p.soort, p.overleden, p.geslacht, p.rol)
                         for p in c.personen],
            "banden": sorted((ids[b.a], ids[b.b], b.kwaliteit or "") for b in c.banden),
            "steun": sorted((ids[s.persoon], s.soort, s.richting) for s in c.steun),
            "ouder_kind": sorted((ids[o.ouder], ids[o.kind], o.soort) for o in c.ouder_kind),
            "partners": sorted((ids[p.a], ids[p.b], p.status) for p in c.partners),
            "plans": [[(sorted(ids[w] for w in a.wie), a.hoe_vaak, a.status, bool(a.wanneer), a.vraag_id is None)
                       for a in plan.afspraken] for plan in c.bijeenkomst.plannen],
            "contacten": [(ids[x.persoon], x.hoe_vaak, x.tevreden, x.wens) for x in c.contacten],
            "team": [ids[i] for i in c.basisteam.leden],
            "overleg": [(len(o.successen), len(o.zorgen), len(o.nieuwe_afspraken)) for o in c.basisteam.overleggen],
            "piket": [(ids[p.gesteld_door], p.kader, p.oordeel) for p in c.bijeenkomst.piketpaaltjes],
            "gevoel": [g.gevoel for g in c.gebeurtenissen],
            "fase": c.fase,
        }
    assert shape(pseudo) == shape(demo_case)


def test_birth_years_become_decades(demo_case, pseudo):
    for before, after in zip(demo_case.personen, pseudo.personen):
        if before.geboortejaar is None:
            assert after.geboortejaar is None
        else:
            assert after.geboortejaar == before.geboortejaar // 10 * 10


def test_event_dates_become_years(pseudo):
    whens = [g.wanneer for g in pseudo.gebeurtenissen if g.wanneer]
    assert all(w.datum is None for w in whens)
    assert Counter(bool(w.leeftijd) for w in whens)[True] == 2  # ages stay ages


def test_shared_interests_stay_shared(demo_case, pseudo):
    def pairs(c: Case):
        people = [p for p in c.personen if p.interesses]
        return {(a.rol, b.rol) for i, a in enumerate(people) for b in people[i + 1:]
                if {x.lower() for x in a.interesses} & {x.lower() for x in b.interesses}}
    assert pairs(pseudo) == pairs(demo_case) and pairs(demo_case)


def test_snapshots_use_the_same_pseudonyms(pseudo):
    now = {p.id: p.naam for p in pseudo.personen}
    for snap in pseudo.momentopnamen:
        for kp in snap.personen:
            assert kp.naam == now[kp.id]


def test_person_only_in_a_snapshot_gets_a_pseudonym(demo_case):
    case = ops.remove_person(demo_case, "p-kevin")
    out = for_export(case, pseudonymise=True)
    snap_names = {kp.naam for snap in out.momentopnamen for kp in snap.personen}
    assert "oud-vriend 1" in snap_names and "Kevin" not in dumps_case(out)


def test_agreement_keeps_its_id_across_plan_versions(pseudo):
    v1, v2 = pseudo.bijeenkomst.plannen
    assert [a.id for a in v1.afspraken] == [a.id for a in v2.afspraken[:len(v1.afspraken)]]
    assert v1.afspraken[0].wat == v2.afspraken[0].wat == "Afspraak 1"


def test_pseudonymising_twice_changes_nothing(pseudo):
    assert for_export(pseudo, pseudonymise=True) == pseudo


def test_pseudonymise_ignores_notes_flag(demo_case):
    assert notes_of(for_export(demo_case, notes=True, pseudonymise=True)) == []


def test_input_is_not_changed(demo_case):
    before = dumps_case(demo_case)
    for_export(demo_case, pseudonymise=True)
    for_export(demo_case)
    assert dumps_case(demo_case) == before


def test_event_date_outside_year_range_is_dropped(small_dict):
    small_dict["gebeurtenissen"] = [{"id": "g", "titel": "Heel oud", "wanneer": {"datum": "0900-01-01"}}]
    out = for_export(Case.model_validate(small_dict), pseudonymise=True)
    assert out.gebeurtenissen[0].wanneer is None
