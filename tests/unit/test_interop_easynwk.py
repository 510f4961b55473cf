"""easyNWK Web save files → a case (storage/interop/easynwk.py), with our own sample files in
tests/fixtures/interop/ and small records built here."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from snv.model import CaseError
from snv.model.limits import MAX_FILE_BYTES, MAX_PERSONS
from snv.storage.interop import describe, found_line
from snv.storage.interop.easynwk import dutch_role, from_data, read_easynwk, translate_roles

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "interop"


def jonas():
    return read_easynwk((FIXTURES / "easynwk-jonas.json").read_bytes())


def alter(i: int, **fields) -> dict:
    return {"id": i, "name": f"Persoon {i}", "role": "", "currentGender": "nicht festgelegt", "angle": 45.0,
            "distance": 50.0, "edgeType": 1, **fields}


def nwk(*alteri: dict, connections=(), ego=None) -> dict:
    return {"ego": ego or {"name": "Kim", "age": "", "currentGender": "weiblich", "note": ""},
            "alteri": list(alteri), "connections": list(connections)}


def record(*versions: tuple, current=None) -> dict:
    return {"versions": [{"id": vid, "title": title, "date": date, "nwk": net} for vid, title, date, net in versions],
            "currentVersion": current if current is not None else versions[-1][0]}


def person(imported, naam: str):
    return next(p for p in imported.case.personen if p.naam == naam)


def test_the_sample_file_maps_ego_alteri_genders_and_pets():
    im = jonas()
    klant = im.case.klant
    assert (klant.naam, klant.rol, klant.geslacht, klant.geboortejaar) == ("Jonas", "ik", "man", 2000)  # 24 in 2024
    assert [n.tekst for n in klant.notities] == ["Mag Fußball"]
    mama = person(im, "Mama")
    assert (mama.rol, mama.geslacht, mama.geboortejaar) == ("Mutter", "vrouw", 1966)
    assert person(im, "Papa").overleden
    assert person(im, "Kai").geslacht == "anders"
    assert person(im, "Bello").soort == "huisdier"
    # an age that is not a number stays as a note, next to the alter's own note (for the client and begeleider)
    assert [n.tekst for n in person(im, "Lena").notities] == ["Wohnt in Wien", "Leeftijd in easyNWK: ca. 30."]
    assert {n.zichtbaar for n in person(im, "Lena").notities} == {"klant_en_begeleider"}


def test_the_sample_file_preview_line_counts_persons_and_the_snapshot():
    im = jonas()
    assert found_line(im) == "11 personen en 1 bewaarde kaart gevonden in een easyNWK-bestand."
    assert "1 veld in het bestand kennen we niet" in describe(im)  # "futureField"
    assert im.unknown == {"futureField": 1}  # easyNWK's own bookkeeping (roleDefault, emoji…) is not counted
    assert im.skipped == {"links": 1}  # the connection to alter 99 that does not exist


@pytest.mark.parametrize("angle, sector", [
    (0.0, "familie"), (45.0, "familie"), (90.0, "familie"), (90.5, "vrienden_kennissen"), (180.0, "vrienden_kennissen"),
    (-180.0, "school_werk_vrije_tijd"), (-120.0, "school_werk_vrije_tijd"), (-90.0, "hulpverlening"),
    (-0.5, "hulpverlening"), (270.0, "hulpverlening"),  # a little beyond the range: folded back into -180..180
])
def test_angle_gives_the_sector_of_easynwks_quarters(angle, sector):
    im = from_data(nwk(alter(1, angle=angle)))
    p = person(im, "Persoon 1")
    assert p.sector == sector
    assert p.professioneel == (sector == "hulpverlening")


@pytest.mark.parametrize("distance, ring", [
    (1.0, "heel_dichtbij"), (33.3, "heel_dichtbij"), (33.4, "dichtbij"), (66.6, "dichtbij"), (66.7, "verder_weg"),
    (100.0, "verder_weg"), (130.0, "verder_weg"),
])
def test_distance_gives_the_ring(distance, ring):
    assert person(from_data(nwk(alter(1, distance=distance))), "Persoon 1").nabijheid == ring


@pytest.mark.parametrize("distance", [0, -5])
def test_no_distance_means_not_on_the_map(distance):
    p = person(from_data(nwk(alter(1, distance=distance))), "Persoon 1")
    assert (p.sector, p.nabijheid, p.op_kaart) == (None, None, False)


@pytest.mark.parametrize("fields, line", [
    ({"edgeType": 0}, "none"), ({"edgeType": 1}, None), ({"edgeType": 2}, "goed"),
    ({"edgeType": 0, "conflict": True}, "conflict"), ({"edgeType": 2, "conflict": True}, "conflict"),
])
def test_edge_type_and_conflict_give_the_clients_line(fields, line):
    im = from_data(nwk(alter(1, **fields)))
    band = im.case.band(im.case.klant_id, "a1")
    assert (band is None and line == "none") or (band is not None and band.kwaliteit == line)


def test_connections_become_ties_between_members_once():
    im = from_data(nwk(alter(1), alter(2), alter(3),
                       connections=[{"id1": 1, "id2": 2}, {"id1": 2, "id2": 1}, {"id1": 3, "id2": 3}]))
    others = [(b.a, b.b) for b in im.case.banden if im.case.klant_id not in (b.a, b.b)]
    assert others == [("a1", "a2")]
    assert im.skipped == {"links": 1}  # a line from someone to themselves


def test_support_values_give_kinds_and_directions():
    im = from_data(nwk(alter(1, supportEmotional=2, supportCognitive=1, supportSocial=3, supportMaterial=0,
                             supportPractical=True)))
    got = {(s.soort, s.richting) for s in im.case.steun}
    assert got == {("emotionele_steun", "krijgt"), ("advies_informatie", "geeft"), ("gezelschap", "wederzijds"),
                   ("praktische_hulp", "krijgt")}


def test_material_and_practical_help_in_both_directions_are_mutual():
    im = from_data(nwk(alter(1, supportMaterial=1, supportPractical=2)))
    assert [(s.soort, s.richting) for s in im.case.steun] == [("praktische_hulp", "wederzijds")]


def test_every_version_is_a_dated_snapshot_and_the_current_one_is_the_live_map():
    first = nwk(alter(1, name="Anna", distance=20.0), alter(2, name="Bob"))
    second = nwk(alter(1, name="Anna", distance=80.0), alter(3, name="Cem"))
    im = from_data(record((1, "Start", "2023-01-10", first), (2, "Later", "2024-02-20", second), current=1))
    assert [p.naam for p in im.case.personen] == ["Kim", "Anna", "Bob"]  # version 1 is current
    assert person(im, "Anna").nabijheid == "heel_dichtbij"
    snaps = im.case.momentopnamen
    assert [(m.titel, m.gemaakt.date().isoformat()) for m in snaps] == [("Start", "2023-01-10"), ("Later", "2024-02-20")]
    # the same person keeps their id through the versions, so history compares them
    anna = person(im, "Anna").id
    assert anna in {p.id for p in snaps[1].personen}
    cem = next(p for p in snaps[1].personen if p.naam == "Cem")
    assert cem.id not in {p.id for p in im.case.personen}
    assert found_line(im) == "3 personen en 2 bewaarde kaarten gevonden in een easyNWK-bestand."


def test_an_older_file_is_one_network_with_relations(tmp_path):
    im = read_easynwk((FIXTURES / "easynwk-old.json").read_bytes())
    assert [p.naam for p in im.case.personen] == ["Mira", "Anna", "Ben"]
    assert im.case.band("a1", "a2") is not None
    assert im.snapshots == 1


def test_a_utf8_bom_and_german_letters_are_read():
    data = (FIXTURES / "easynwk-jonas.json").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert person(read_easynwk(data), "Frau Dr. Berger").rol == "Ärzt*in"


def test_german_roles_stay_as_written_and_the_table_is_offered():
    im = jonas()
    assert person(im, "Frau Huber").rol == "Nachbar*in"
    assert im.translations["Nachbar*in"] == "buurman / buurvrouw"
    assert im.translations["Mutter"] == "moeder"
    assert "Hund" not in im.translations  # not in the table: the client's own word stays


def test_translating_roles_uses_gender_and_keeps_other_words():
    case = translate_roles(jonas().case)
    roles = {p.naam: p.rol for p in case.personen}
    assert roles["Mama"] == "moeder" and roles["Frau Huber"] == "buurvrouw" and roles["Tom"] == "vriend"
    assert roles["Bello"] == "Hund"
    assert {p.rol for m in case.momentopnamen for p in m.personen} >= {"moeder", "buurvrouw"}
    assert dutch_role("  nachbar*IN ", "man") == "buurman" and dutch_role("Nachbar*in") == "buur"


@pytest.mark.parametrize("data, fragment", [
    ([1, 2, 3], "geen bestand van easyNWK"),
    ({"personen": []}, "geen bestand van easyNWK"),
    ({"ego": {}, "alteri": "veel"}, "Bij de lijst met mensen in het bestand hoort een lijst"),
    ({"ego": {}, "alteri": [5]}, "Bij persoon 1 in het bestand staat iets anders"),
    ({"ego": {}, "alteri": [{"id": 1, "angle": "links"}]}, "'angle' geen getal"),
    ({"ego": {}, "alteri": [{"id": 1, "name": ["A"]}]}, "'name' geen tekst"),
    ({"ego": {}, "alteri": [{"id": 1, "deceased": "ja"}]}, "'deceased' geen ja of nee"),
    ({"ego": {}, "alteri": [{"id": 1}, {"id": 1}]}, "persoon 2 in het bestand heeft geen goed nummer"),
    ({"ego": {}, "alteri": [{"id": 1, "distance": float("nan")}]}, "geen getal"),
    ({"versions": [], "currentVersion": 1}, "Er staat geen kaart in"),
    ({"versions": [{"id": 1, "nwk": "x"}], "currentVersion": 1}, "Bij versie 1 staat iets anders"),
])
def test_wrong_types_get_a_dutch_message_naming_the_place(data, fragment):
    with pytest.raises(CaseError) as info:
        from_data(data)
    assert fragment in info.value.message
    assert "Je gegevens zijn niet veranderd." in info.value.message


def test_too_many_persons_is_refused():
    with pytest.raises(CaseError, match="te veel personen"):
        from_data(nwk(*(alter(i) for i in range(MAX_PERSONS))))


def test_too_many_versions_is_refused():
    versions = [(i, "", "2024-01-01", nwk()) for i in range(201)]
    with pytest.raises(CaseError, match="te veel versies"):
        from_data(record(*versions))


def test_a_huge_or_deeply_nested_file_is_refused_before_parsing():
    with pytest.raises(CaseError, match="te groot"):
        read_easynwk(b"{" + b" " * MAX_FILE_BYTES + b"}")
    deep = '{"ego": {}, "alteri": [' + "[" * 200 + "]" * 200 + "]}"
    with pytest.raises(CaseError, match="te veel lagen"):
        read_easynwk(deep.encode())


def test_long_names_are_cut_to_the_models_limit():
    im = from_data(nwk(alter(1, name="x" * 500)))
    assert len(im.case.personen[1].naam) == 120


def test_a_record_with_a_current_version_that_does_not_exist_takes_the_last():
    im = from_data(record((1, "", "2024-01-01", nwk(alter(1, name="A"))), (2, "", "2024-02-01", nwk(alter(1, name="B"))),
                          current=7))
    assert [p.naam for p in im.case.personen][1:] == ["B"]


def test_ego_age_that_is_not_a_number_is_a_note():
    im = from_data(nwk(ego={"name": "Kim", "age": "Mitte zwanzig", "currentGender": "weiblich", "note": ""}))
    assert im.case.klant.geboortejaar is None
    assert [n.tekst for n in im.case.klant.notities] == ["Leeftijd in easyNWK: Mitte zwanzig."]


def test_json_text_of_the_sample_is_our_own():
    """The samples are written for these tests (not copied): the record's shape only."""
    data = json.loads((FIXTURES / "easynwk-jonas.json").read_text("utf-8-sig"))
    assert set(data) == {"versions", "currentVersion", "size"}
