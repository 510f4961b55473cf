"""Edit operations (model/ops.py) are pure: they return a new case and leave the old one untouched,
so the undo history can simply keep old cases."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from snv.model import Case, CaseError, ops
from snv.model.demo import big_case
from snv.model.limits import MAX_PERSONS

OPS = [
    ("add_person", lambda c: ops.add_person(c, "Nieuw", sector="familie", nabijheid="dichtbij")[0]),
    ("update_person", lambda c: ops.update_person(c, "p-anna", naam="Anneke", interesses=["zwemmen"])),
    ("move_person", lambda c: ops.move_person(c, "p-anna", "vrienden_kennissen", "verder_weg")),
    ("move_person off the map", lambda c: ops.move_person(c, "p-anna", None, None)),
    ("remove_person", lambda c: ops.remove_person(c, "p-anna")),
    ("set_band new", lambda c: ops.set_band(c, "p-jeroen", "p-gerda", True, "goed")),
    ("set_band update", lambda c: ops.set_band(c, "p-anna", "p-marja", True, "moeizaam")),
    ("set_band remove", lambda c: ops.set_band(c, "p-anna", "p-marja", False)),
    ("set_quality", lambda c: ops.set_quality(c, "p-peter", "goed")),
    ("set_support add", lambda c: ops.set_support(c, "p-wim", "gezelschap", "wederzijds")),
    ("set_support remove", lambda c: ops.set_support(c, "p-anna", "praktische_hulp", None)),
    ("set_phase", lambda c: ops.set_phase(c, "netwerkatlas")),
    ("take_snapshot", lambda c: ops.take_snapshot(c, "Nu")[0]),
    ("remove_snapshot", lambda c: ops.remove_snapshot(c, "m-maart")),
]


@pytest.mark.parametrize("name, op", OPS, ids=[o[0] for o in OPS])
def test_op_returns_new_valid_case_and_keeps_the_old(demo_case, name, op):
    before = demo_case.model_dump(mode="json")
    new = op(demo_case)
    assert isinstance(new, Case) and new is not demo_case
    assert demo_case.model_dump(mode="json") == before, "the old case changed: undo would break"
    assert new.model_dump(mode="json") != before, "the op did nothing"
    Case.model_validate(new.model_dump())  # still a valid case (integrity checks run again)


def test_undo_chain_keeps_every_version(demo_case):
    history = [demo_case]
    for pid in ("p-anna", "p-jeroen", "p-gerda"):
        history.append(ops.move_person(history[-1], pid, "hulpverlening", "verder_weg"))
    dumps = [json.dumps(c.model_dump(mode="json")) for c in history]
    assert len(set(dumps)) == 4
    assert history[0].persoon("p-anna").sector == "familie"
    assert history[1].persoon("p-anna").sector == "hulpverlening" and history[1].persoon("p-jeroen").sector == "vrienden_kennissen"


def test_unchanged_parts_are_shared(demo_case):
    new = ops.move_person(demo_case, "p-anna", "familie", "dichtbij")
    assert new.basisposter is demo_case.basisposter
    assert new.bijeenkomst is demo_case.bijeenkomst
    assert new.persoon("p-marja") is demo_case.persoon("p-marja")


def _without_snapshots(case: Case) -> str:
    data = case.model_dump(mode="json")
    del data["momentopnamen"]  # snapshots are history: they keep people who were removed later
    return json.dumps(data)


def test_remove_every_person_leaves_no_dangling_reference(demo_case):
    for person in demo_case.personen:
        if person.id == demo_case.klant_id:
            continue
        new = ops.remove_person(demo_case, person.id)
        Case.model_validate(new.model_dump())
        assert ops.references(new, person.id) == {}
        assert f'"{person.id}"' not in _without_snapshots(new), person.id
        assert len(new.personen) == len(demo_case.personen) - 1
        assert new.momentopnamen == demo_case.momentopnamen


def test_remove_professional_drops_their_piketpaaltje(demo_case):
    new = ops.remove_person(demo_case, "p-devries")
    assert [p.id for p in new.bijeenkomst.piketpaaltjes] == ["k-wonen"]


def test_references_counts_what_will_go(demo_case):
    refs = ops.references(demo_case, "p-anna")
    assert refs["banden"] == 4 and refs["steun"] == 3  # Sam, Marja, oma Riet, De Vries
    assert refs["afspraken"] == 1 and refs["basisteam"] == 1
    assert refs["familie"] == 3  # two parents and an adopted daughter
    assert ops.references(demo_case, "p-opa-onbekend") == {"familie": 1}


def test_client_cannot_be_removed(demo_case):
    with pytest.raises(CaseError) as info:
        ops.remove_person(demo_case, demo_case.klant_id)
    assert "klant" in info.value.message


def test_add_person_returns_id_and_validates(demo_case):
    new, pid = ops.add_person(demo_case, "Nieuw", rol="buurman", sector="buren_buurt")
    assert new.persoon(pid).naam == "Nieuw" and new.persoon(pid).nabijheid is None
    with pytest.raises(CaseError) as info:
        ops.add_person(demo_case, "Fout", sector="zee")
    assert "sector" in info.value.message and "kies uit" in info.value.message
    with pytest.raises(CaseError) as info:
        ops.add_person(demo_case, "Dubbel", id="p-anna")
    assert "p-anna" in info.value.message


def test_add_person_beyond_the_limit():
    full = big_case(MAX_PERSONS)
    with pytest.raises(CaseError) as info:
        ops.add_person(full, "Eén te veel")
    assert str(MAX_PERSONS) in info.value.message


def test_update_person_cannot_change_id(demo_case):
    with pytest.raises(CaseError):
        ops.update_person(demo_case, "p-anna", id="p-iemand")


def test_set_band_is_order_insensitive(demo_case):
    new = ops.set_band(demo_case, "p-anna", "p-marja", True, "conflict")
    assert new.band("p-marja", "p-anna").kwaliteit == "conflict"
    assert len(new.banden) == len(demo_case.banden)
    assert ops.set_band(new, "p-marja", "p-anna", False).band("p-anna", "p-marja") is None
    with pytest.raises(CaseError):
        ops.set_band(demo_case, "p-anna", "p-anna")
    with pytest.raises(CaseError):
        ops.set_band(demo_case, "p-anna", "p-marja", True, "super")


def test_set_quality_creates_client_line(demo_case):
    new = ops.set_quality(demo_case, "p-milan", "goed")
    assert new.band("p-sam", "p-milan").kwaliteit == "goed"


def test_set_support_replaces_one_kind(demo_case):
    new = ops.set_support(demo_case, "p-anna", "zorg", "wederzijds")
    new = ops.set_support(new, "p-anna", "zorg", "geeft")
    anna = [(s.soort, s.richting) for s in new.steun if s.persoon == "p-anna"]
    assert ("zorg", "geeft") in anna and ("zorg", "wederzijds") not in anna
    with pytest.raises(CaseError):
        ops.set_support(demo_case, "p-anna", "geld", "krijgt")


def test_set_phase_rejects_unknown(demo_case):
    with pytest.raises(CaseError):
        ops.set_phase(demo_case, "klaar")


def test_map_state_and_snapshots(demo_case):
    when = dt.datetime(2025, 10, 1, 9, 0)
    state = ops.map_state(demo_case, when)
    assert [p.id for p in state.personen] == [p.id for p in demo_case.personen]
    assert state.banden == demo_case.banden and state.gemaakt == when
    new, sid = ops.take_snapshot(demo_case, "Oktober", when)
    assert new.momentopnamen[-1].id == sid and new.momentopnamen[-1].titel == "Oktober"
    assert len(ops.remove_snapshot(new, sid).momentopnamen) == len(demo_case.momentopnamen)


def test_remove_person_follows_each_field_declaration(demo_case):
    """clear: optional references become None; entry: the id leaves the list; owner: the object that
    cannot exist without the person goes (model/refs.py, declared next to each field)."""
    assert demo_case.bijeenkomst.genoteerd_door == "p-jeroen"
    assert any(v.eigenaar == "p-jeroen" for v in demo_case.basisposter.vragen)
    new = ops.remove_person(demo_case, "p-jeroen")
    bk = new.bijeenkomst
    assert bk.genoteerd_door is None  # clear
    assert [v.id for v in new.basisposter.vragen] == [v.id for v in demo_case.basisposter.vragen]
    assert all(v.eigenaar != "p-jeroen" for v in new.basisposter.vragen)  # clear, the question stays
    assert "p-jeroen" not in bk.aanwezig and "p-jeroen" not in new.basisteam.leden  # entry
    assert all("p-jeroen" not in a.wie for plan in new.plannen for a in plan.afspraken)  # entry, in every version
    assert [a.id for a in new.huidig_plan.afspraken] == [a.id for a in demo_case.huidig_plan.afspraken]
    assert all(u.persoon != "p-jeroen" for u in bk.uitnodigingen)  # owner: the invitation goes
    assert len(bk.voorstelrondje) == len(demo_case.bijeenkomst.voorstelrondje) - 1  # owner
    assert all("p-jeroen" not in (b.a, b.b) for b in new.banden)  # owner: the tie goes


def test_remove_person_clears_note_authors_and_shares_what_did_not_change(demo_case):
    new = ops.remove_person(demo_case, "p-marieke")
    assert all(n.door != "p-marieke" for p in new.personen for n in p.notities)
    assert sum(len(p.notities) for p in new.personen) == sum(
        len(p.notities) for p in demo_case.personen if p.id != "p-marieke")  # the notes stay, author cleared
    assert new.persoon("p-opa-henk") is demo_case.persoon("p-opa-henk")  # untouched parts are shared
    assert new.momentopnamen is demo_case.momentopnamen  # snapshots are history


def test_references_list_groups_in_schema_order(demo_case):
    assert list(ops.references(demo_case, "p-anna")) == [
        "banden", "steun", "familie", "gebeurtenissen", "contacten", "afspraken", "basisteam"]


def test_on_the_map_and_client_line_have_one_meaning(demo_case):
    assert demo_case.persoon("p-anna").op_kaart
    assert not demo_case.persoon("p-eva").op_kaart  # a sector without a ring: in the list only
    assert not demo_case.klant.op_kaart
    assert all(kp.op_kaart == demo_case.persoon(kp.id).op_kaart
               for kp in ops.map_state(demo_case).personen)
    assert demo_case.klant_lijn("p-anna") == demo_case.band("p-sam", "p-anna").kwaliteit
    assert demo_case.klant_lijn("p-eva") is None
    assert ops.set_quality(demo_case, "p-eva", "moeizaam").klant_lijn("p-eva") == "moeizaam"
