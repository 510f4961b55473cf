"""Migration of older case files (model/migrate.py): every loaded file is brought up to the current
schema first, files from a newer app are refused with a Dutch message."""
from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

import pytest

from snv.model import SCHEMA_VERSION, CaseError, migrate, parse_case
from snv.model.migrate import MIGRATIONS
from snv.storage.jsonio import dumps_case, loads_case

V0 = {
    "id": "oud-dossier",
    "klant": {"id": "sam", "naam": "Sam", "rol": "ik"},
    "personen": [
        {"id": "anna", "naam": "Anna", "sector": "familie", "ring": 1},
        {"id": "jeroen", "naam": "Jeroen", "sector": "vrienden_kennissen", "ring": 2},
        {"id": "gerda", "naam": "Gerda", "sector": "buren_buurt", "ring": 3},
        {"id": "los", "naam": "Niet op de kaart"},
        {"id": "al-nieuw", "naam": "Al als tekst", "sector": "familie", "ring": "dichtbij"},
    ],
    "banden": [{"a": "sam", "b": "anna", "kwaliteit": "goed"}],
    "steun": [{"persoon": "gerda", "soort": "praktische_hulp", "richting": "krijgt"}],
}


def test_every_version_below_current_has_a_step():
    assert set(MIGRATIONS) == set(range(SCHEMA_VERSION))


def test_v0_becomes_current_with_client_in_persons():
    data = migrate(copy.deepcopy(V0))
    assert data["schema_version"] == SCHEMA_VERSION
    assert "klant" not in data
    assert data["klant_id"] == "sam"
    assert [p["id"] for p in data["personen"]] == ["sam", "anna", "jeroen", "gerda", "los", "al-nieuw"]
    assert all("ring" not in p for p in data["personen"])
    assert [p.get("nabijheid") for p in data["personen"][1:]] == [
        "heel_dichtbij", "dichtbij", "verder_weg", None, "dichtbij"]


def test_v0_file_parses_to_a_valid_case():
    case = parse_case(copy.deepcopy(V0))
    assert case.id == "oud-dossier"
    assert case.klant.naam == "Sam" and case.klant_id == "sam"
    assert case.band("sam", "anna").kwaliteit == "goed"
    assert case.steun[0].persoon == "gerda"


def test_v0_defaults_for_missing_client_and_case_id():
    case = parse_case({"klant": {"naam": "Zoë"}, "personen": []})
    assert case.klant_id == "klant" and case.klant.naam == "Zoë"
    assert case.id == "dossier-v0"
    assert parse_case({"klant": {}, "personen": []}).klant.naam == "Ik"


def test_migrate_does_not_change_its_input():
    data = copy.deepcopy(V0)
    migrate(data)
    assert data == V0


def test_current_version_is_left_alone():
    data = {"schema_version": SCHEMA_VERSION, "id": "c", "klant_id": "k", "personen": [{"id": "k", "naam": "S"}]}
    assert migrate(copy.deepcopy(data)) == data


@pytest.mark.parametrize("version, fragment", [
    (SCHEMA_VERSION + 1, "nieuwere versie"),
    (99, "versie 99"),
    ("1", "geen geldige versie"),
    (1.0, "geen geldige versie"),
    (None, "geen geldige versie"),  # no version and no v0 `klant`: we cannot tell what it is
    (False, "geen geldige versie"),
    (-3, "oude versie (-3)"),
])
def test_versions_we_cannot_read(version, fragment):
    data = {"id": "c", "klant_id": "k", "personen": [{"id": "k", "naam": "S"}]}
    if version is not None:
        data["schema_version"] = version
    with pytest.raises(CaseError) as info:
        migrate(data)
    assert fragment in info.value.message


@pytest.mark.parametrize("data", [
    {"klant": "Sam", "personen": []},
    {"klant": ["Sam"], "personen": []},
    {"klant": {"naam": "Sam"}, "personen": {"a": 1}},
])
def test_malformed_v0_is_a_case_error_not_a_crash(data):
    with pytest.raises(CaseError) as info:
        parse_case(data)
    assert "geen dossier" in info.value.message


# ----- version 1 → 2: plans at the top with increasing versions, snapshots name their client -----

def _v1(**changes) -> dict:
    data = {"schema_version": 1, "id": "c", "klant_id": "k",
            "personen": [{"id": "k", "naam": "Sam", "rol": "ik"}, {"id": "a", "naam": "Anna"}],
            "bijeenkomst": {"plaats": "Thuis", "plannen": []}, "basisteam": {"overleggen": []}}
    data.update(changes)
    return data


def _plans(*versions) -> list:
    return [{"versie": v, "datum": f"2025-0{i + 1}-01", "afspraken": [{"id": f"a{i}", "wat": f"plan {i}"}]}
            for i, v in enumerate(versions)]


def _overleg(*plan_versies) -> dict:
    return {"overleggen": [{"id": f"o{i}", "datum": "2025-07-01", "plan_versie": v}
                           for i, v in enumerate(plan_versies)]}


def test_v1_plans_move_to_the_top_level():
    case = parse_case(_v1(bijeenkomst={"plaats": "Thuis", "plannen": _plans(1, 2)}))
    assert [p.versie for p in case.plannen] == [1, 2] and case.huidig_plan.afspraken[0].wat == "plan 1"
    assert case.bijeenkomst.plaats == "Thuis" and "plannen" not in case.bijeenkomst.model_dump()


@pytest.mark.parametrize("versions, overleg, expected_overleg", [
    ((1, 1, 2), (1, 2), (2, 3)),  # duplicate: the last plan with that number was the current one
    ((3, 1), (3, 1), (1, 2)),  # out of order
    ((2, 2), (2, 5), (2, None)),  # a version no plan has is cleared
])
def test_v1_plan_versions_are_renumbered_in_stored_order(versions, overleg, expected_overleg):
    data = _v1(bijeenkomst={"plannen": _plans(*versions)}, basisteam=_overleg(*overleg))
    case = parse_case(data)
    assert [p.versie for p in case.plannen] == list(range(1, len(versions) + 1))
    assert [p.afspraken[0].wat for p in case.plannen] == [f"plan {i}" for i in range(len(versions))]
    assert [o.plan_versie for o in case.basisteam.overleggen] == list(expected_overleg)
    assert case.huidig_plan is case.plannen[-1]


def test_v1_increasing_versions_with_gaps_are_kept():
    case = parse_case(_v1(bijeenkomst={"plannen": _plans(1, 4)}, basisteam=_overleg(4)))
    assert [p.versie for p in case.plannen] == [1, 4] and case.basisteam.overleggen[0].plan_versie == 4


def test_v1_snapshot_gets_the_client_and_the_client_is_added_if_missing():
    snaps = [{"id": "m1", "gemaakt": "2025-01-01T10:00:00", "personen": [{"id": "a", "naam": "Anna"}]},
             {"id": "m2", "gemaakt": "2025-02-01T10:00:00", "personen": [{"id": "k", "naam": "Sam (toen)"}]}]
    case = parse_case(_v1(momentopnamen=snaps))
    m1, m2 = case.momentopnamen
    assert m1.klant_id == m2.klant_id == "k"
    assert [(p.id, p.naam, p.rol, p.op_kaart) for p in m1.personen] == [
        ("k", "Sam", "ik", False), ("a", "Anna", "", False)]
    assert [p.naam for p in m2.personen] == ["Sam (toen)"]  # already there: left as it was


@pytest.mark.parametrize("changes", [
    {"bijeenkomst": {"plannen": "veel"}},
    {"bijeenkomst": {"plannen": [1, 2]}},
    {"bijeenkomst": {"plannen": [{"versie": "1"}, {"versie": [2]}]}},
    {"bijeenkomst": {"plannen": _plans(2, 1)}, "basisteam": {"overleggen": [{"plan_versie": [1]}, 7]}},
    {"bijeenkomst": "geen"},
    {"momentopnamen": [1, {"personen": "x"}, {"id": "m", "gemaakt": "2025-01-01T10:00:00"}]},
    {"personen": "niemand"},
])
def test_malformed_v1_gives_a_dutch_message_not_a_crash(changes):
    with pytest.raises(CaseError) as info:
        parse_case(_v1(**changes))
    assert "klopt niet" in info.value.message or "geen dossier" in info.value.message


def test_v1_migration_does_not_change_its_input():
    data = _v1(bijeenkomst={"plannen": _plans(1, 1)}, basisteam=_overleg(1),
               momentopnamen=[{"id": "m", "gemaakt": "2025-01-01T10:00:00", "personen": []}])
    before = copy.deepcopy(data)
    migrate(data)
    assert data == before


# ----- golden files: every schema version ever written must keep loading -----
#
# tests/fixtures/case-v<N>.json is one small, realistic case (Noor, all four phases) as version N
# wrote it. Each must load and give the same case as the current version's file.
# When you add schema version N+1: write the migration step N -> N+1 in model/migrate.py, then add
# tests/fixtures/case-v<N+1>.json = the current file opened and saved by the new app
# (python -c "from snv.storage import loads_case, dumps_case; ..."), check it by eye, and leave the
# older golden files exactly as they are: they are what users still have on their disks.

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
GOLDEN = sorted(FIXTURES.glob("case-v*.json"), key=lambda p: int(p.stem.removeprefix("case-v")))


def test_there_is_a_golden_file_for_every_version():
    assert [int(p.stem.removeprefix("case-v")) for p in GOLDEN] == list(range(SCHEMA_VERSION + 1))


@pytest.mark.parametrize("path", GOLDEN, ids=lambda p: p.name)
def test_golden_file_loads_and_migrates_to_the_current_content(path):
    current = loads_case((FIXTURES / f"case-v{SCHEMA_VERSION}.json").read_text(encoding="utf-8"))
    case = loads_case(path.read_text(encoding="utf-8"))
    assert case == current
    assert case.schema_version == SCHEMA_VERSION


def test_current_golden_file_is_what_the_app_writes():
    text = (FIXTURES / f"case-v{SCHEMA_VERSION}.json").read_text(encoding="utf-8")
    assert dumps_case(loads_case(text)) == text


def test_golden_case_uses_every_phase():
    case = loads_case((FIXTURES / f"case-v{SCHEMA_VERSION}.json").read_text(encoding="utf-8"))
    assert case.ontmoeten.verhaal and case.basisposter.vragen and case.bijeenkomst.piketpaaltjes
    assert len(case.plannen) == 2 and case.basisteam.overleggen and case.momentopnamen


# ----- 2 -> 3: the meeting's hour and the stretches of privétijd -----

def test_v2_to_v3_adds_empty_meeting_time_and_privetijd():
    text = (FIXTURES / "case-v2.json").read_text(encoding="utf-8")
    data = json.loads(text)
    before = copy.deepcopy(data)
    out = migrate(data)
    assert data == before  # the input is not changed
    assert out["schema_version"] == 3
    case = parse_case(out)
    assert case.bijeenkomst.tijd is None and case.bijeenkomst.privetijd == []
    assert case.bijeenkomst.piketpaaltjes == parse_case(before).bijeenkomst.piketpaaltjes


def test_v3_keeps_an_open_privetijd_through_save_and_load():
    case = loads_case((FIXTURES / "case-v3.json").read_text(encoding="utf-8"))
    from snv.model import ops
    on = ops.start_privetijd(case, dt.datetime(2026, 3, 14, 19, 30))
    again = loads_case(dumps_case(on))
    assert again.bijeenkomst.in_privetijd and again == on
