"""Migration of older case files (model/migrate.py): every loaded file is brought up to the current
schema first, files from a newer app are refused with a Dutch message."""
from __future__ import annotations

import copy

import pytest

from snv.model import SCHEMA_VERSION, CaseError, migrate, parse_case
from snv.model.migrate import MIGRATIONS

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
