"""One meaning each for "on the relatiekaart" and "the client's line" (used by every layer)."""
from __future__ import annotations

from snv.model import ops
from snv.model.case import client_ties


def test_client_ties_agree_with_klant_lijn_for_everyone(demo_case):
    quality, others = client_ties(demo_case.banden, demo_case.klant_id)
    for p in demo_case.personen:
        if p.id != demo_case.klant_id:
            assert quality.get(p.id) == demo_case.klant_lijn(p.id), p.naam
    assert all(demo_case.klant_id not in (b.a, b.b) for b in others)
    assert len(quality) + len(others) == len(demo_case.banden)


def test_client_ties_read_a_snapshot_like_a_case(demo_case):
    snap = ops.map_state(demo_case)
    assert client_ties(snap.banden, snap.klant_id) == client_ties(demo_case.banden, demo_case.klant_id)


def test_op_kaart_needs_both_slice_and_ring(demo_case):
    pid = next(p.id for p in demo_case.personen if p.op_kaart and p.id != demo_case.klant_id)
    only_sector = ops.update_person(demo_case, pid, nabijheid=None)
    assert not only_sector.persoon(pid).op_kaart and only_sector.persoon(pid).sector is not None
    snap = ops.map_state(demo_case)
    assert {p.id for p in snap.personen if p.op_kaart} == {p.id for p in demo_case.personen if p.op_kaart}
