"""GEDCOM family trees in and out (storage/interop/gedcom.py): our own sample files in
tests/fixtures/interop/, hostile variants, valid 5.5.1 output and export → import round trips."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from snv.model import Case, CaseError, new_case, ops
from snv.model.limits import MAX_PERSONS
from snv.storage.interop import describe, found_line
from snv.storage.interop.gedcom import (MAX_GEDCOM_BYTES, decode_ansel, export_gedcom, family_members, looks_like_gedcom,
                                        parse_date, parse_tree, read_gedcom, with_client)

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "interop"
TODAY = dt.date(2026, 3, 1)


def sample(name: str):
    return read_gedcom((FIXTURES / name).read_bytes())


def by_name(case: Case) -> dict:
    return {p.naam: p for p in case.personen}


def links(case: Case) -> set:
    names = {p.id: p.naam for p in case.personen}
    return {(names[o.ouder], names[o.kind], o.soort) for o in case.ouder_kind}


def couples(case: Case) -> set:
    names = {p.id: p.naam for p in case.personen}
    return {(frozenset((names[p.a], names[p.b])), p.status) for p in case.partners}


def ged(*lines: str, head: str = "0 HEAD\n1 GEDC\n2 VERS 5.5.1\n1 CHAR UTF-8") -> bytes:
    return (head + "\n" + "\n".join(lines) + "\n0 TRLR\n").encode("utf-8")


# ----- the sample files -----

def test_the_551_ansi_sample_reads_names_fuzzy_dates_and_pedigree():
    im = sample("stamboom-551-ansi.ged")
    people = by_name(im.case)
    assert "Renée Bakker-Smit" in people  # Windows-1252 (CHAR ANSI) decoded
    noor = people["Noor Bakker"]
    assert (noor.id, noor.rol, noor.geboortejaar, noor.notities) == (im.case.klant_id, "ik", 2001, [])
    karel = people["Karel Bakker"]
    assert (karel.geboortejaar, karel.overleden, karel.geslacht, karel.rol) == (1968, True, "man", "vader")
    assert [n.tekst for n in karel.notities] == ["Geboortejaar: ongeveer 1968.", "Overleden rond 2020."]
    assert [n.tekst for n in people["Renée Bakker-Smit"].notities] == ["Geboortejaar: ongeveer 1970."]  # BEF
    assert people["Daan Bakker"].geboortejaar == 1998  # AFT
    assert people["Joop Bakker"].geboortejaar == 1940  # FROM 1940 TO 1942
    wim = people["Wim de Wit"]  # before 1850: no birth year, the note keeps it
    assert wim.geboortejaar is None and [n.tekst for n in wim.notities] == ["Geboren in 1801."]
    assert links(im.case) == {
        ("Karel Bakker", "Noor Bakker", "biologisch"), ("Renée Bakker-Smit", "Noor Bakker", "biologisch"),
        ("Karel Bakker", "Daan Bakker", "adoptie"), ("Renée Bakker-Smit", "Daan Bakker", "adoptie"),
        ("Wim de Wit", "Noor Bakker", "pleeg"), ("Ellen de Wit", "Noor Bakker", "pleeg"),
        ("Joop Bakker", "Karel Bakker", "biologisch")}
    assert couples(im.case) == {(frozenset(("Karel Bakker", "Renée Bakker-Smit")), "gescheiden"),
                                (frozenset(("Wim de Wit", "Ellen de Wit")), "getrouwd")}


def test_records_we_do_not_use_are_skipped_and_counted():
    im = sample("stamboom-551-ansi.ged")
    assert im.skipped == {"SUBM": 1, "SOUR": 1, "REPO": 1, "OBJE": 1, "NOTE": 1}
    assert describe(im) == ("7 personen gevonden in een stamboom (GEDCOM). Dit nemen we niet over: 1 maker van het "
                            "bestand, 1 bron, 1 archief, 1 foto of bestand, 1 notitie.")


def test_the_555_sample_utf8_with_bom():
    im = sample("stamboom-555-utf8.ged")
    people = by_name(im.case)
    assert set(people) == {"Zoë Çelik", "Murat Çelik", "Ayşe Yılmaz"}
    assert people["Zoë Çelik"].geboortejaar == 1990
    assert couples(im.case) == {(frozenset(("Murat Çelik", "Ayşe Yılmaz")), "relatie")}
    assert found_line(im) == "3 personen gevonden in een stamboom (GEDCOM)."


def test_the_70_sample_reads_x_uppercase_pedi_and_void():
    im = sample("stamboom-70.ged")
    people = by_name(im.case)
    assert people["Sam Peeters"].geslacht == "anders"
    assert links(im.case) == {("Inge Peeters", "Sam Peeters", "adoptie")}
    assert im.skipped == {"NOTE": 1}  # SNOTE; HUSB @VOID@ is "nobody", not a broken link


def test_utf16_is_read():
    data = (FIXTURES / "stamboom-555-utf8.ged").read_bytes()[3:].decode("utf-8").encode("utf-16")
    assert looks_like_gedcom(data)
    assert "Ayşe Yılmaz" in by_name(read_gedcom(data).case)


def test_ansel_letters_and_combining_marks():
    assert decode_ansel(b"Zo\xe8e M\xe2uller \xb2") == "Zoë Múller ø"  # the mark comes before its letter
    data = ged("0 @I1@ INDI", "1 NAME Jos\xe2e", head="0 HEAD\n1 CHAR ANSEL").replace(b"\xc3\xa2", b"\xe2")
    assert by_name(read_gedcom(data).case).keys() == {"José"}


def test_conc_and_cont_join_the_value():
    records, bad = parse_tree("0 HEAD\n0 @N1@ NOTE Een lange\n1 CONC  regel\n1 CONT en verder\n0 TRLR")
    assert records[1].value == "Een lange regel\nen verder" and bad == 0


@pytest.mark.parametrize("value, expected", [
    ("12 MAR 1950", (1950, False)), ("MAR 1950", (1950, False)), ("1950", (1950, False)),
    ("abt 1950", (1950, True)), ("CAL 1950", (1950, True)), ("EST 1950", (1950, True)),
    ("BEF 1950", (1950, True)), ("AFT 1950", (1950, True)), ("BET 1948 AND 1952", (1950, True)),
    ("FROM 1948 TO 1952", (1948, True)), ("FROM 1948", (1948, False)), ("TO 1952", (1952, True)),
    ("INT 1950 (ergens rond de oorlog)", (1950, True)), ("@#DJULIAN@ 1700", (1700, False)),
    ("JULIAN 1700", (1700, False)), ("1699/00", (1699, False)), ("(geen idee)", None), ("", None),
    ("44 BC", None), ("onbekend", None),
])
def test_fuzzy_dates_give_a_year_and_ongeveer(value, expected):
    assert parse_date(value) == expected


def test_choosing_the_client_gives_roles_seen_from_them():
    im = sample("stamboom-551-ansi.ged")
    karel = by_name(im.case)["Karel Bakker"].id
    case = with_client(im.case, karel)
    roles = {p.naam: p.rol for p in case.personen}
    assert roles["Karel Bakker"] == "ik" and roles["Joop Bakker"] == "vader"
    assert roles["Noor Bakker"] == "dochter" and roles["Renée Bakker-Smit"] == "partner"
    assert roles["Wim de Wit"] == ""
    assert case.klant.sector is None and by_name(case)["Noor Bakker"].sector == "familie"


# ----- hostile files -----

def _message(data: bytes) -> str:
    with pytest.raises(CaseError) as info:
        read_gedcom(data)
    return info.value.message


def test_a_huge_file_is_refused():
    assert "te groot" in _message(b"0 HEAD\n" + b"1 NOTE x\n" * (MAX_GEDCOM_BYTES // 9 + 1))


def test_absurd_nesting_is_refused():
    lines = ["0 @I1@ INDI", *(f"{level} _X y" for level in range(1, 60))]
    assert "te veel lagen" in _message(ged(*lines))


def test_cyclic_parents_are_refused_naming_the_person():
    data = ged("0 @I1@ INDI", "1 NAME Anna", "0 @I2@ INDI", "1 NAME Bert",
               "0 @F1@ FAM", "1 HUSB @I1@", "1 CHIL @I2@", "0 @F2@ FAM", "1 HUSB @I2@", "1 CHIL @I1@")
    message = _message(data)
    assert "eigen voorouder" in message and ("Anna" in message or "Bert" in message)


def test_someone_their_own_parent_is_a_skipped_link():
    im = read_gedcom(ged("0 @I1@ INDI", "1 NAME Anna", "0 @F1@ FAM", "1 HUSB @I1@", "1 CHIL @I1@"))
    assert im.case.ouder_kind == [] and im.skipped == {"links": 1}


def test_wrong_pointers_and_types_are_counted_not_crashing():
    data = ged("0 @I1@ INDI", "1 NAME Anna", "1 SEX banaan", "1 FAMC @I2@", "1 BIRT", "2 DATE ooit",
               "0 @I2@ INDI", "1 NAME Bert", "0 @F1@ FAM", "1 HUSB geen pointer", "1 WIFE @X9@", "1 CHIL @I2@",
               "0 @I1@ INDI", "1 NAME Dubbel")
    im = read_gedcom(data)
    assert [p.naam for p in im.case.personen] == ["Anna", "Bert"]
    assert im.case.personen[0].geslacht == "onbekend" and im.case.personen[0].geboortejaar is None
    assert im.skipped == {"links": 3, "duplicates": 1}


def test_lines_that_are_not_gedcom_and_level_jumps_are_counted():
    data = ged("0 @I1@ INDI", "1 NAME Anna", "dit is geen regel", "3 NAME Verkeerd", "\x00\x01\x02",
               "1 SEX F")
    im = read_gedcom(data)
    assert im.case.personen[0].geslacht == "vrouw" and im.skipped == {"lines": 3}


@pytest.mark.parametrize("data, fragment", [
    (b"", "geen stamboom"),
    (b"HEAD 0\n0 @I1@ INDI", "geen stamboom"),
    (b"0 HEAD\n0 TRLR\n", "geen personen"),
    (b"0 HEAD\n0 @S1@ SOUR\n0 TRLR\n", "geen personen"),
])
def test_files_without_people_or_header_get_a_dutch_message(data, fragment):
    assert fragment in _message(data)


def test_too_many_people_is_refused():
    lines = [f"0 @I{i}@ INDI" for i in range(MAX_PERSONS + 1)]
    assert "te veel personen" in _message(ged(*lines))


# ----- export -----

def family_case() -> Case:
    """A small family with every kind of link and partner status, a friend and a pet."""
    case = new_case("Sam")
    klant = case.klant_id
    case, ma = ops.add_relative(case, klant, "ouder", "Ma @ Home", geslacht="vrouw", geboortejaar=1970)
    case, pa = ops.add_relative(case, klant, "ouder", "Pa", geslacht="man", overleden=True)
    case, stief = ops.add_relative(case, klant, "ouder", "Stiefvader", soort="stief", geslacht="man")
    case = ops.set_partner(case, ma, stief, "samenwonend")
    case, pleeg = ops.add_relative(case, klant, "ouder", "Pleegmoeder", soort="pleeg", geslacht="vrouw")
    case, zus = ops.add_relative(case, klant, "broer_zus", "Zus", geslacht="vrouw")
    case, ex = ops.add_relative(case, klant, "partner", "Ex", status="gescheiden", geslacht="anders")
    case, kind = ops.add_relative(case, klant, "kind", "Kind", soort="adoptie", met=ex)
    case, _friend = ops.add_person(case, "Vriend", sector="vrienden_kennissen", nabijheid="dichtbij")
    case, _pet = ops.add_person(case, "Poes", soort="huisdier", sector="familie")
    return case


LINE = re.compile(r"\A(0|[1-9]\d?) (@[A-Z0-9]{1,20}@ )?(_?[A-Z0-9]{1,31})( .*)?\Z")


def test_export_is_valid_551_structure():
    text = export_gedcom(family_case(), today=TODAY)
    assert text.endswith("0 TRLR\r\n") and "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")[:-1]
    assert lines[:12] == ["0 HEAD", "1 SOUR NETWERKATLAS", "2 NAME Netwerkatlas", "1 DEST ANY", "1 DATE 1 MAR 2026",
                          "1 SUBM @U1@", "1 GEDC", "2 VERS 5.5.1", "2 FORM LINEAGE-LINKED", "1 CHAR UTF-8",
                          "0 @U1@ SUBM", "1 NAME Netwerkatlas"]
    previous = 0
    defined, used = set(), set()
    for line in lines:
        m = LINE.match(line)
        assert m and len(line) <= 255, line
        level = int(m.group(1))
        assert level <= previous + 1, line
        previous = level
        if m.group(2):
            defined.add(m.group(2).strip())
        value = (m.group(4) or "").strip()
        if re.fullmatch(r"@[A-Z0-9]+@", value):
            used.add(value)
        assert "@" not in value.replace("@@", "") or re.fullmatch(r"@[A-Z0-9]+@", value), line
    assert used <= defined
    assert "1 NAME Ma @@ Home" in lines  # "@" doubled in a value
    assert "2 PEDI foster" in lines and "2 PEDI adopted" in lines and "1 DIV Y" in lines
    assert "Vriend" not in text and "Poes" not in text  # not family, and pets have no place in a tree


def test_export_puts_the_client_first_and_only_family():
    case = family_case()
    members = family_members(case)
    assert members[0] == case.klant_id
    assert {case.persoon(pid).naam for pid in members} == {
        "Sam", "Ma @ Home", "Pa", "Stiefvader", "Pleegmoeder", "Zus", "Ex", "Kind"}


def test_round_trip_keeps_persons_and_relations():
    case = family_case()
    back = read_gedcom(export_gedcom(case, today=TODAY).encode("utf-8")).case
    assert back.klant.naam == "Sam"
    family = {case.persoon(pid).naam for pid in family_members(case)}
    assert {p.naam for p in back.personen} == family
    assert by_name(back)["Ma @ Home"].geboortejaar == 1970 and by_name(back)["Pa"].overleden
    assert links(back) == links(case)
    assert couples(back) == couples(case)


def test_round_trip_of_the_demo_family(demo_case):
    back = read_gedcom(export_gedcom(demo_case, today=TODAY).encode("utf-8")).case
    members = [demo_case.persoon(pid) for pid in family_members(demo_case)]
    assert [p.naam for p in back.personen] == [p.naam for p in members]
    assert links(back) == links(demo_case)
    assert couples(back) == couples(demo_case)


NAMES = st.text(alphabet=st.sampled_from(list("abcdeéöçXYZ @'-.")), min_size=1, max_size=24).map(
    lambda s: " ".join(s.split())).filter(bool)


@st.composite
def families(draw):
    n = draw(st.integers(2, 12))
    personen = [{"id": f"p{i}", "naam": draw(NAMES), "sector": None if i == 0 else "familie",
                 "geslacht": draw(st.sampled_from(["man", "vrouw", "onbekend"])),
                 "geboortejaar": draw(st.one_of(st.none(), st.integers(1850, 2100))),
                 "overleden": draw(st.booleans())} for i in range(n)]
    pairs = draw(st.sets(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=3 * n))
    ouder_kind = [{"ouder": f"p{a}", "kind": f"p{b}",
                   "soort": draw(st.sampled_from(["biologisch", "adoptie", "pleeg", "stief"]))}
                  for a, b in sorted(pairs) if a < b]  # parents before children: no cycles
    couples_ = draw(st.sets(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=n))
    seen: set = set()
    partners = []
    for a, b in sorted(couples_):
        if a != b and frozenset((a, b)) not in seen:
            seen.add(frozenset((a, b)))
            partners.append({"a": f"p{a}", "b": f"p{b}", "status": draw(st.sampled_from(
                ["getrouwd", "samenwonend", "relatie", "uit_elkaar", "gescheiden"]))})
    return Case.model_validate({"id": "c1", "klant_id": "p0", "personen": personen, "ouder_kind": ouder_kind,
                                "partners": partners})


@settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(families())
def test_property_export_then_import_keeps_every_person_and_relation(case):
    back = read_gedcom(export_gedcom(case, today=TODAY).encode("utf-8")).case
    assert len(back.personen) == len(case.personen)
    ids = dict(zip((p.id for p in case.personen), (p.id for p in back.personen)))  # the file keeps the order
    for old, new in zip(case.personen, back.personen):
        assert (new.naam, new.geslacht, new.geboortejaar, new.overleden) == \
            (old.naam, old.geslacht, old.geboortejaar, old.overleden)
    assert {(ids[o.ouder], ids[o.kind], o.soort) for o in case.ouder_kind} == \
        {(o.ouder, o.kind, o.soort) for o in back.ouder_kind}
    assert {(frozenset((ids[p.a], ids[p.b])), p.status) for p in case.partners} == \
        {(frozenset((p.a, p.b)), p.status) for p in back.partners}


# ----- never a crash: mutated files through the app's one reader -----

SAMPLES = [(FIXTURES / name).read_bytes() for name in
           ("stamboom-551-ansi.ged", "stamboom-555-utf8.ged", "stamboom-70.ged", "easynwk-jonas.json")]


@st.composite
def mutated(draw):
    data = bytearray(draw(st.sampled_from(SAMPLES)))
    for _ in range(draw(st.integers(1, 8))):
        how = draw(st.sampled_from(["flip", "cut", "dup", "insert"]))
        at = draw(st.integers(0, max(0, len(data) - 1)))
        if how == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif how == "cut":
            del data[at:at + draw(st.integers(1, 200))]
        elif how == "dup":
            data[at:at] = data[at:at + draw(st.integers(1, 200))]
        else:
            data[at:at] = draw(st.sampled_from([b"\n0 @I1@ INDI\n", b"\n1 FAMC @F1@\n", b"\n3 CHIL @I9@\n", b"@",
                                                b"\n1 CONT x", b'"alteri": 5,', b"[[[[", b"\x00\xff"]))
    return bytes(data)


@settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_property_a_mutated_file_is_read_or_refused_in_dutch_never_a_crash(data):
    from snv.storage.files import read_any_file

    try:
        read_any_file("bestand", data)
    except CaseError as exc:
        assert exc.message and "Traceback" not in exc.message
