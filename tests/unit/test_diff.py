"""Comparing two moments of the relatiekaart (snv.analysis.diff)."""
from __future__ import annotations

import datetime as dt
import json

from snv.analysis.diff import BADGES, Change, diff_maps
from snv.model import ops
from snv.model.load import new_case

T0 = dt.datetime(2026, 1, 1, 10, 0)


def base():
    """Client Sam with Marieke (familie, verder weg, line goed, helps with zorg) and Piet (vrienden, dichtbij)."""
    case = new_case("Sam")
    case, _ = ops.add_person(case, "Marieke", sector="familie", nabijheid="verder_weg", id="marieke")
    case, _ = ops.add_person(case, "Piet", sector="vrienden_kennissen", nabijheid="dichtbij", id="piet")
    case = ops.set_quality(case, "marieke", "goed")
    case = ops.set_support(case, "marieke", "zorg", "krijgt")
    return case


def snap(case):
    return ops.map_state(case, when=T0)


def test_identical_maps_are_empty():
    case = base()
    d = diff_maps(snap(case), snap(case))
    assert d.is_empty and d.badges() == {} and d.lines() == []
    assert all(v == [] for v in d.to_dict().values())


def test_added_including_someone_moved_from_the_list_onto_the_map():
    old = base()
    old, _ = ops.add_person(old, "Els", id="els")  # only in the list
    new = ops.move_person(old, "els", "buren_buurt", "dichtbij")
    new, _ = ops.add_person(new, "Anna", sector="familie", nabijheid="heel_dichtbij", id="anna")
    new, _ = ops.add_person(new, "Bob", sector="familie", id="bob")  # no ring: not on the map
    d = diff_maps(snap(old), snap(new))
    assert [(c.id, c.before, c.after) for c in d.added] == [
        ("anna", None, ("familie", "heel_dichtbij")), ("els", None, ("buren_buurt", "dichtbij"))]
    assert d.badges() == {"anna": ["nieuw"], "els": ["nieuw"]}
    assert d.lines()[0] == {"group": "nieuw", "text": "Anna staat er nu bij (Familie, Heel dichtbij).",
                            "person": "anna"}
    assert not d.is_empty and d.removed == d.closer == []


def test_removed_keeps_the_old_place_for_a_ghost():
    old = base()
    new = ops.remove_person(old, "piet")
    new = ops.move_person(new, "marieke", None, None)  # off the map, still in the list
    d = diff_maps(snap(old), snap(new))
    assert d.removed == [
        Change("marieke", "Marieke", ("familie", "verder_weg"), None, "familie", "verder_weg"),
        Change("piet", "Piet", ("vrienden_kennissen", "dichtbij"), None, "vrienden_kennissen", "dichtbij")]
    assert d.badges() == {"marieke": ["weg"], "piet": ["weg"]}
    # no line or support change is reported for someone who left the map
    assert d.quality_changed == [] and d.support_changed == []
    assert [x["text"] for x in d.lines()] == [
        "Marieke staat niet meer op de kaart (was: Familie, Verder weg).",
        "Piet staat niet meer op de kaart (was: Vrienden en kennissen, Dichtbij)."]


def test_closer_and_further_follow_ring_order():
    old = base()
    new = ops.move_person(old, "marieke", "familie", "dichtbij")  # verder weg → dichtbij
    new = ops.move_person(new, "piet", "vrienden_kennissen", "verder_weg")  # dichtbij → verder weg
    d = diff_maps(snap(old), snap(new))
    assert [(c.id, c.before, c.after) for c in d.closer] == [("marieke", "verder_weg", "dichtbij")]
    assert [(c.id, c.before, c.after) for c in d.further] == [("piet", "dichtbij", "verder_weg")]
    assert d.moved_sector == []
    assert d.badges() == {"marieke": ["dichterbij"], "piet": ["verder_weg"]}
    assert [x["text"] for x in d.lines()] == [
        "Marieke staat nu dichterbij (was: Verder weg, nu: Dichtbij).",
        "Piet staat nu verder weg (was: Dichtbij, nu: Verder weg)."]


def test_moved_sector_only():
    old = base()
    new = ops.move_person(old, "piet", "school_werk_vrije_tijd", "dichtbij")
    d = diff_maps(snap(old), snap(new))
    assert [(c.id, c.before, c.after, c.sector) for c in d.moved_sector] == [
        ("piet", "vrienden_kennissen", "school_werk_vrije_tijd", "school_werk_vrije_tijd")]
    assert d.closer == d.further == [] and d.badges() == {"piet": ["sector"]}
    assert d.lines()[0]["group"] == "sector"
    assert "was: Vrienden en kennissen, nu: School, werk en vrije tijd" in d.lines()[0]["text"]


def test_quality_changed_including_none():
    old = base()
    new = ops.set_quality(old, "marieke", "conflict")
    new = ops.set_quality(new, "piet", "neutraal")  # had no line before
    d = diff_maps(snap(old), snap(new))
    assert [(c.id, c.before, c.after) for c in d.quality_changed] == [
        ("marieke", "goed", "conflict"), ("piet", None, "neutraal")]
    assert [x["text"] for x in d.lines()] == [
        "De lijn met Marieke is anders (was: Goed, nu: Ruzie).",
        "De lijn met Piet is anders (was: Nog niet gekozen, nu: Neutraal)."]
    back = diff_maps(snap(new), snap(ops.set_band(new, new.klant_id, "piet", present=False)))
    assert [(c.id, c.before, c.after) for c in back.quality_changed] == [("piet", "neutraal", None)]


def test_member_ties_are_not_quality_changes():
    old = base()
    new = ops.set_band(old, "marieke", "piet", kwaliteit="goed")
    assert diff_maps(snap(old), snap(new)).is_empty


def test_support_changed():
    old = base()
    new = ops.set_support(old, "marieke", "zorg", "wederzijds")
    new = ops.set_support(new, "marieke", "gezelschap", "krijgt")
    new = ops.set_support(new, "piet", "praktische_hulp", "geeft")
    d = diff_maps(snap(old), snap(new))
    assert [(c.id, c.before, c.after) for c in d.support_changed] == [
        ("marieke", [("zorg", "krijgt")], [("gezelschap", "krijgt"), ("zorg", "wederzijds")]),
        ("piet", [], [("praktische_hulp", "geeft")])]
    assert [x["text"] for x in d.lines()] == [
        "Marieke helpt je nu met: Samen dingen doen.",
        "Zorg met Marieke is anders (was: Marieke helpt mij, nu: We helpen elkaar).",
        "Jij helpt Piet nu met: Praktische hulp."]
    gone = diff_maps(snap(new), snap(ops.set_support(new, "piet", "praktische_hulp", None)))
    assert [x["text"] for x in gone.lines()] == ["Jij helpt Piet niet meer met: Praktische hulp."]
    assert gone.badges() == {"piet": ["steun"]}


def test_combined_changes_badges_and_groups_in_order():
    old = base()
    old, _ = ops.add_person(old, "Zoe", sector="buren_buurt", nabijheid="verder_weg", id="zoe")
    new = ops.move_person(old, "marieke", "vrienden_kennissen", "heel_dichtbij")  # closer + sector
    new = ops.set_quality(new, "marieke", "moeizaam")
    new = ops.set_support(new, "marieke", "zorg", None)
    new, _ = ops.add_person(new, "Anna", sector="familie", nabijheid="dichtbij", id="anna")
    new = ops.remove_person(new, "zoe")
    new = ops.move_person(new, "piet", "vrienden_kennissen", "verder_weg")
    d = diff_maps(snap(old), snap(new))
    assert d.badges() == {
        "anna": ["nieuw"], "zoe": ["weg"], "marieke": ["dichterbij", "sector", "lijn", "steun"],
        "piet": ["verder_weg"]}
    for codes in d.badges().values():  # codes come in the agreed order
        assert codes == [c for c in BADGES if c in codes]
    groups = [x["group"] for x in d.lines()]
    assert groups == ["nieuw", "dichterbij", "verder_weg", "sector", "lijn", "steun", "weg"]
    data = d.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["closer"] == [{"id": "marieke", "naam": "Marieke", "before": "verder_weg", "after": "heel_dichtbij",
                               "sector": "vrienden_kennissen", "nabijheid": "heel_dichtbij"}]
    assert data["removed"][0]["before"] == ["buren_buurt", "verder_weg"]


def test_renamed_person_uses_the_new_name_and_is_no_change():
    old = base()
    new = ops.update_person(old, "piet", naam="Pieter")
    assert diff_maps(snap(old), snap(new)).is_empty
    further = ops.move_person(new, "piet", "vrienden_kennissen", "verder_weg")
    assert diff_maps(snap(old), snap(further)).further[0].naam == "Pieter"


def test_client_named_by_the_snapshots_is_never_reported():
    case = base()
    # odd data: the client was placed on the map; the snapshots name the client, so they are left out
    moved = ops.move_person(case, case.klant_id, "familie", "dichtbij")
    assert snap(moved).klant_id == case.klant_id
    assert diff_maps(snap(case), snap(moved)).is_empty
    assert diff_maps(snap(case), snap(moved), klant_id=case.klant_id).is_empty


def test_stored_snapshot_against_now():
    case = base()
    case, sid = ops.take_snapshot(case, "Begin", when=T0)
    case = ops.move_person(case, "piet", "vrienden_kennissen", "heel_dichtbij")
    d = diff_maps(case.momentopnamen[-1], ops.map_state(case))
    assert d.badges() == {"piet": ["dichterbij"]}
