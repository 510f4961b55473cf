"""Adding an imported case to the current one without duplicates (model/merge.py)."""
from __future__ import annotations

import datetime as dt

import pytest

from snv.model import Case, CaseError, new_case, ops
from snv.model.case import check_integrity
from snv.model.merge import MergeRow, merge_cases, merge_plan


def current() -> Case:
    case = new_case("Sam")
    case, _ = ops.add_person(case, "Anna", id="p-anna", rol="moeder", sector="familie", nabijheid="heel_dichtbij")
    case, _ = ops.add_person(case, "Tom", id="p-tom", rol="", sector="vrienden_kennissen")
    case, _ = ops.add_person(case, "Tom", id="p-tom2", rol="collega", sector="school_werk_vrije_tijd")
    case, _ = ops.add_person(case, "", id="p-leeg", rol="onbekende ouder")
    return ops.set_band(case, "p-anna", "p-tom", True, None)


def other() -> Case:
    """An imported map: its client "Ik", Anna again (same name and role, other case), Tom without a role, a new
    friend and a nameless person, with ties, support, a family link and a snapshot."""
    data = {
        "id": "c-file", "klant_id": "ego",
        "personen": [
            {"id": "ego", "naam": "Ik", "rol": "ik", "geboortejaar": 2000, "geslacht": "man",
             "notities": [{"tekst": "Uit easyNWK"}]},
            {"id": "a1", "naam": " anna ", "rol": "Moeder", "geboortejaar": 1970, "geslacht": "vrouw",
             "sector": "vrienden_kennissen", "nabijheid": "verder_weg", "interesses": ["koken"]},
            {"id": "a2", "naam": "Tom", "rol": "vriend", "sector": "vrienden_kennissen", "nabijheid": "dichtbij"},
            {"id": "a3", "naam": "Lisa", "rol": "vriendin", "sector": "vrienden_kennissen", "nabijheid": "dichtbij"},
            {"id": "a4", "naam": "", "rol": "onbekende ouder"},
        ],
        "banden": [{"a": "ego", "b": "a1", "kwaliteit": "goed"}, {"a": "a1", "b": "a2", "kwaliteit": "conflict"},
                   {"a": "a2", "b": "a3"}],
        "steun": [{"persoon": "a1", "soort": "zorg", "richting": "krijgt"},
                  {"persoon": "a3", "soort": "gezelschap", "richting": "wederzijds"}],
        "ouder_kind": [{"ouder": "a1", "kind": "ego"}],
        "momentopnamen": [{"id": "m1", "gemaakt": "2024-01-02T12:00:00", "titel": "Toen", "klant_id": "ego",
                           "personen": [{"id": "ego", "naam": "Ik"}, {"id": "a1", "naam": "anna"},
                                        {"id": "a3", "naam": "Lisa"}, {"id": "old", "naam": "Weg"}],
                           "banden": [{"a": "ego", "b": "a3"}, {"a": "a3", "b": "old"}],
                           "steun": [{"persoon": "a3", "soort": "zorg", "richting": "geeft"}]}],
    }
    return Case.model_validate(data)


def test_plan_matches_on_name_and_role_or_on_the_one_name_with_an_empty_role():
    rows = {r.pid: r.match for r in merge_plan(current(), other())}
    assert rows == {"a1": "p-anna",  # same name and role, other case and spaces
                    "a2": "p-tom",  # "vriend": the one Tom without a role (the other is a collega)
                    "a3": None, "a4": None}  # new; nameless people never match


def test_no_match_when_no_person_of_that_name_fits_the_role():
    case = ops.update_person(current(), "p-tom", rol="buurman")
    rows = {r.pid: r.match for r in merge_plan(case, other())}
    assert rows["a2"] is None


def test_merge_adds_new_people_once_and_fills_in_what_was_missing():
    case, result = merge_cases(current(), other(), merge_plan(current(), other()))
    check_integrity(case)
    assert (result.added, result.matched, result.links_skipped) == (2, 2, 0)
    names = [p.naam for p in case.personen]
    assert names.count("Anna") == 1 and names.count("Lisa") == 1 and names.count("Tom") == 2
    anna = case.persoon("p-anna")
    # kept: her sector and ring; filled in: birth year, gender, interests
    assert (anna.sector, anna.nabijheid, anna.geboortejaar, anna.geslacht, anna.interesses) == \
        ("familie", "heel_dichtbij", 1970, "vrouw", ["koken"])
    tom = case.persoon("p-tom")
    assert (tom.rol, tom.nabijheid) == ("vriend", "dichtbij")  # an empty role and ring are filled in
    klant = case.klant
    assert (klant.naam, klant.geboortejaar) == ("Sam", 2000)  # the client keeps their name
    assert [n.tekst for n in klant.notities] == ["Uit easyNWK"]


def test_ties_support_and_family_links_follow_the_new_ids():
    case, _ = merge_cases(current(), other(), merge_plan(current(), other()))
    lisa = next(p.id for p in case.personen if p.naam == "Lisa")
    assert case.band(case.klant_id, "p-anna").kwaliteit == "goed"
    assert case.band("p-anna", "p-tom").kwaliteit == "conflict"  # an existing tie without quality gets it
    assert case.band("p-tom", lisa) is not None
    assert {(s.persoon, s.soort) for s in case.steun} == {("p-anna", "zorg"), (lisa, "gezelschap")}
    assert [(o.ouder, o.kind) for o in case.ouder_kind] == [("p-anna", case.klant_id)]


def test_existing_quality_and_support_are_not_overwritten():
    base = ops.set_support(ops.set_band(current(), "p-anna", "p-tom", True, "goed"), "p-anna", "zorg", "geeft")
    case, _ = merge_cases(base, other(), merge_plan(base, other()))
    assert case.band("p-anna", "p-tom").kwaliteit == "goed"
    assert [(s.soort, s.richting) for s in case.steun if s.persoon == "p-anna"] == [("zorg", "geeft")]


def test_snapshots_come_along_with_merged_ids_and_this_client():
    case, _ = merge_cases(current(), other(), merge_plan(current(), other()))
    snap = case.momentopnamen[-1]
    assert snap.klant_id == case.klant_id and snap.titel == "Toen" and snap.gemaakt == dt.datetime(2024, 1, 2, 12)
    ids = {p.naam: p.id for p in snap.personen}
    lisa = next(p.id for p in case.personen if p.naam == "Lisa")
    assert ids["Ik"] == case.klant_id and ids["anna"] == "p-anna" and ids["Lisa"] == lisa and ids["Weg"] == "old"


def test_people_left_out_stay_out_also_of_the_snapshots():
    rows = merge_plan(current(), other())
    case, result = merge_cases(current(), other(), rows, take=["a1", "a2"])
    assert "Lisa" not in [p.naam for p in case.personen] and result.added == 0
    snap = case.momentopnamen[-1]
    assert "Lisa" not in [p.naam for p in snap.personen]
    assert all("a3" not in (b.a, b.b) for b in snap.banden) and snap.steun == []


def test_merging_the_same_file_again_adds_nobody():
    once, _ = merge_cases(current(), other(), merge_plan(current(), other()))
    twice, result = merge_cases(once, other(), merge_plan(once, other()))
    assert result.added == 1  # only the nameless person: nameless people never match
    assert len(twice.banden) == len(once.banden) and len(twice.steun) == len(once.steun)


def test_a_family_link_that_would_make_a_cycle_is_skipped():
    here = current()
    base = ops.set_parent(here, here.klant_id, "p-anna")  # here Sam is Anna's parent
    case, result = merge_cases(base, other(), merge_plan(base, other()))  # the file says Anna is Sam's parent
    assert result.links_skipped == 1
    assert [(o.ouder, o.kind) for o in case.ouder_kind] == [(base.klant_id, "p-anna")]


def test_a_pet_never_becomes_a_parent():
    data = other().model_dump()
    data["personen"][1]["soort"] = "huisdier"
    pet_file = Case.model_validate(data)
    case, result = merge_cases(new_case("Sam"), pet_file, merge_plan(new_case("Sam"), pet_file))
    assert case.ouder_kind == [] and result.links_skipped == 1


def test_too_many_people_is_refused_and_nothing_changes():
    many = new_case("Sam")
    for i in range(1998):
        many, _ = ops.add_person(many, f"P{i}", id=f"p{i}")
    with pytest.raises(CaseError, match="te veel personen"):
        merge_cases(many, other(), merge_plan(many, other()))


def test_a_row_pointing_at_the_client_adds_a_new_person_instead():
    case = current()
    rows = [MergeRow(pid="a3", naam="Lisa", rol="vriendin", match=case.klant_id)]
    merged, result = merge_cases(case, other(), rows)
    assert result.added == 1 and merged.klant.naam == "Sam"
