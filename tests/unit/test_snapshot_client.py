"""Snapshots record who the client was, so a diff never has to guess."""
import pytest

from snv.model import CaseError, new_case, ops, parse_case
from snv.storage.privacy import for_export


def _case_with_snapshot():
    case = new_case("Sam")
    case, pid = ops.add_person(case, "Anna", sector="familie", nabijheid="dichtbij")
    case = ops.set_quality(case, pid, "goed")
    case, sid = ops.take_snapshot(case, "begin")
    return case, sid


def test_snapshot_stores_client_id():
    case, sid = _case_with_snapshot()
    snap = next(m for m in case.momentopnamen if m.id == sid)
    assert snap.klant_id == case.klant_id


def test_snapshot_with_unknown_client_is_refused_in_dutch():
    case, _ = _case_with_snapshot()
    data = case.model_dump(mode="json")
    data["momentopnamen"][0]["klant_id"] = "niemand"
    with pytest.raises(CaseError) as err:
        parse_case(data)
    assert "niemand" in err.value.message and "momentopname" in err.value.message.lower()


def test_snapshot_without_client_id_is_refused_in_a_current_file():
    case, _ = _case_with_snapshot()
    data = case.model_dump(mode="json")
    del data["momentopnamen"][0]["klant_id"]
    with pytest.raises(CaseError) as err:
        parse_case(data)
    assert "klant_id" in err.value.message


def _as_version_1(data: dict) -> dict:
    """The same case as schema 1 wrote it: plans under the meeting, snapshots maybe without client."""
    data = {**data, "schema_version": 1, "bijeenkomst": {**data["bijeenkomst"], "plannen": data["plannen"]}}
    del data["plannen"]
    return data


def test_version_1_snapshot_without_client_id_gets_the_case_client():
    case, _ = _case_with_snapshot()
    data = _as_version_1(case.model_dump(mode="json"))
    del data["momentopnamen"][0]["klant_id"]
    assert parse_case(data).momentopnamen[0].klant_id == case.klant_id


def test_version_1_snapshot_without_the_client_gets_them_added_off_the_map():
    case, _ = _case_with_snapshot()
    data = _as_version_1(case.model_dump(mode="json"))
    snap = data["momentopnamen"][0]
    del snap["klant_id"]
    snap["personen"] = [p for p in snap["personen"] if p["id"] != case.klant_id]
    snap["banden"] = []
    loaded = parse_case(data).momentopnamen[0]
    me = next(p for p in loaded.personen if p.id == case.klant_id)
    assert loaded.klant_id == case.klant_id and me.naam == "Sam" and not me.op_kaart


def test_pseudonymised_snapshot_points_at_the_renamed_client():
    case, _ = _case_with_snapshot()
    pseudo = for_export(case, pseudonymise=True)
    assert pseudo.momentopnamen[0].klant_id == pseudo.klant_id != case.klant_id
