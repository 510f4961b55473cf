"""The relatiekaart's layout cache cannot go stale: its key is the layout's own input."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from snv.analysis.layout import cached_layout_map, layout_key, layout_map, text_scale
from snv.model import ops
from snv.model.case import Persoon
from snv.model.demo import demo_case
from snv.render.relatiekaart_svg import map_svg

NS = "{http://www.w3.org/2000/svg}"


def _labels(svg: str) -> dict[str, str]:
    """Visible label text per marker (person id -> text of its rk-label)."""
    root = ET.fromstring(svg.encode("utf-8"))
    out = {}
    for g in root.iter(f"{NS}g"):
        if "rk-m" in (g.get("class") or "").split():
            for el in g.iter():
                if "rk-label" in (el.get("class") or "").split():
                    out[g.get("data-pid")] = "".join(el.itertext())
    return out


def test_marking_someone_overleden_shows_it_on_the_map_at_once():
    case = demo_case()
    assert "(overleden)" not in _labels(map_svg(case))["p-anna"]  # the layout of this map is now cached
    after = _labels(map_svg(ops.update_person(case, "p-anna", overleden=True)))
    assert "(overleden)" in after["p-anna"]


def test_undoing_overleden_removes_the_note_at_once():
    case = ops.update_person(demo_case(), "p-anna", overleden=True)
    assert "(overleden)" in _labels(map_svg(case))["p-anna"]
    assert "(overleden)" not in _labels(map_svg(ops.update_person(case, "p-anna", overleden=False)))["p-anna"]


# ----- the key is the layout's input: every field of a person is either read (in the key) or not -----

def _renamed_id(case, pid: str, new_id: str):
    return case.model_copy(update={"personen": [p.model_copy(update={"id": new_id}) if p.id == pid else p
                                                for p in case.personen]})


# One edit per Persoon field, each on Anna (familie, heel dichtbij). READ: the layout places or labels by
# it, so the key must change. NOT_READ: the layout ignores it, so the cached placement stays valid.
READ = {
    "id": lambda c: _renamed_id(c, "p-anna", "p-anna-2"),
    "naam": lambda c: ops.update_person(c, "p-anna", naam="Annie"),
    "overleden": lambda c: ops.update_person(c, "p-anna", overleden=True),
    "sector": lambda c: ops.update_person(c, "p-anna", sector="vrienden_kennissen"),
    "nabijheid": lambda c: ops.update_person(c, "p-anna", nabijheid="verder_weg"),
}
NOT_READ = {
    "rol": lambda c: ops.update_person(c, "p-anna", rol="lieve tante"),
    "geslacht": lambda c: ops.update_person(c, "p-anna", geslacht="anders"),
    "geboortejaar": lambda c: ops.update_person(c, "p-anna", geboortejaar=1972),
    "professioneel": lambda c: ops.update_person(c, "p-anna", professioneel=True),
    "interesses": lambda c: ops.update_person(c, "p-anna", interesses=["zingen"]),
    "notities": lambda c: ops.update_person(c, "p-anna", notities=[{"tekst": "Belt elke zondag."}]),
    "soort": lambda c: ops.update_person(c, "p-anna", soort="huisdier"),
}


def test_every_person_field_is_known_to_be_read_by_the_layout_or_not():
    """A new field on Persoon must be put in READ or NOT_READ, so its effect on the key is tested."""
    assert set(Persoon.model_fields) == set(READ) | set(NOT_READ)


@pytest.mark.parametrize("field", sorted(READ))
def test_an_edit_the_layout_reads_changes_the_key(field):
    case = demo_case()
    assert layout_key(READ[field](case)) != layout_key(case)


@pytest.mark.parametrize("field", sorted(NOT_READ))
def test_an_edit_the_layout_does_not_read_keeps_the_key(field):
    case = demo_case()
    assert layout_key(NOT_READ[field](case)) == layout_key(case)


def test_adding_and_removing_persons_on_the_map_changes_the_key():
    case = demo_case()
    added, _ = ops.add_person(case, "Bo", sector="buren_buurt", nabijheid="dichtbij")
    assert layout_key(added) != layout_key(case)
    assert layout_key(ops.remove_person(case, "p-anna")) != layout_key(case)
    assert layout_key(ops.move_person(case, "p-anna", None, None)) != layout_key(case)  # off the map


def test_a_crowded_cell_changes_the_key_and_the_scale():
    case = demo_case()
    crowded = case
    for i in range(12):
        crowded, _ = ops.add_person(crowded, f"Buur {i}", sector="buren_buurt", nabijheid="heel_dichtbij")
    assert layout_key(crowded) != layout_key(case)
    assert text_scale(cached_layout_map(crowded)) < text_scale(cached_layout_map(case))


def test_edits_off_the_map_keep_the_key():
    case = demo_case()
    off, _ = ops.add_person(case, "Bo")  # no slice, no ring: not drawn
    assert layout_key(off) == layout_key(case)
    assert layout_key(ops.update_person(case, "p-anna", naam=" Anna ")) == layout_key(case)  # same label
    assert layout_key(ops.set_quality(case, "p-anna", "conflict")) == layout_key(case)
    assert layout_key(ops.set_support(case, "p-anna", "zorg", "geeft")) == layout_key(case)
    shuffled = case.model_copy(update={"personen": list(reversed(case.personen))})
    assert layout_key(shuffled) == layout_key(case)  # list order does not matter


def test_the_key_is_the_layouts_whole_input():
    """layout_map places from layout_input alone: two states with one key get one placement."""
    case = demo_case()
    state = ops.map_state(case)
    assert layout_key(state, case.klant_id) == layout_key(case)
    assert layout_map(state, case.klant_id) == layout_map(case) == cached_layout_map(case)


def _shape(svg: str, pid: str) -> ET.Element:
    root = ET.fromstring(svg.encode("utf-8"))
    for g in root.iter(f"{NS}g"):
        if g.get("data-pid") == pid and "rk-m" in (g.get("class") or "").split():
            return g
    raise AssertionError(pid)


def test_edits_the_layout_does_not_read_still_show_on_the_map_at_once():
    """rol, professioneel and soort are drawn by the marker (not placed by the layout): a cached layout
    must not hide them."""
    case = demo_case()
    before = _shape(map_svg(case), "p-anna")
    assert "lieve tante" in _shape(map_svg(NOT_READ["rol"](case)), "p-anna").get("aria-label")
    pro = ET.tostring(_shape(map_svg(NOT_READ["professioneel"](case)), "p-anna"))
    pet = ET.tostring(_shape(map_svg(NOT_READ["soort"](case)), "p-anna"))
    assert len({ET.tostring(before), pro, pet}) == 3
