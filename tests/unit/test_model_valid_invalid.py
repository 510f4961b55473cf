"""Table-driven tests of what a case file may and may not contain (like geojson-pydantic's tests).

Every invalid file must give a CaseError whose Dutch message names the problem (a field or an id),
and never a traceback or pydantic's English text. All files go through the real path: JSON text ->
storage.jsonio.loads_case -> migrate -> validate.
"""
from __future__ import annotations

import copy
import json

import pytest

from snv.model import SCHEMA_VERSION, Case, CaseError, new_case, parse_case
from snv.model.limits import MAX_FILE_BYTES, MAX_NAME, MAX_PERSONS, MAX_TEXT
from snv.storage.jsonio import dumps_case, loads_case

ENGLISH = ("Traceback", "Field required", "Input should", "validation error", "Value error", "Extra inputs",
           "String should", "for further information", "errors.pydantic.dev")


def assert_dutch(message: str, *fragments: str) -> None:
    for english in ENGLISH:
        assert english not in message, message
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} not in {message!r}"


# ----- mutation helpers: each returns a function that changes the raw case dict in place -----

def _walk(d, path: str):
    *head, last = path.split(".")
    for part in head:
        d = d[int(part)] if isinstance(d, list) else d.setdefault(part, {})
    return d, (int(last) if isinstance(d, list) else last)


def put(path: str, value):
    def mutate(d):
        parent, key = _walk(d, path)
        parent[key] = copy.deepcopy(value)
    return mutate


def add(path: str, *items):
    def mutate(d):
        parent, key = _walk(d, path)
        parent.setdefault(key, []).extend(copy.deepcopy(list(items)))
    return mutate


def drop(path: str):
    def mutate(d):
        parent, key = _walk(d, path)
        del parent[key]
    return mutate


def both(*mutations):
    def mutate(d):
        for m in mutations:
            m(d)
    return mutate


PERSON = {"id": "p-extra", "naam": "Extra"}
OVERLEG = {"id": "o1", "datum": "2025-07-01"}
SNAP = {"id": "m1", "gemaakt": "2025-03-01T10:00:00", "klant_id": "p-ik", "personen": [{"id": "p-ik", "naam": "Ik"}]}
PLAN_AFSPRAAK = "plannen.0.afspraken"
PLAN2 = {"versie": 2, "datum": "2025-09-01"}

INVALID = [
    # (name, mutation, Dutch fragments that must be in the message)
    ("missing klant_id", drop("klant_id"), ["klant_id", "moet ingevuld zijn"]),
    ("missing person name", drop("personen.1.naam"), ["personen › nr. 2 › naam", "ingevuld"]),
    ("unknown field top level", put("telefoonnummer", "06"), ["telefoonnummer", "dit veld kennen we niet"]),
    ("unknown field nested", put("personen.1.bsn", "123"), ["personen › nr. 2 › bsn", "kennen we niet"]),
    ("unknown field deep", put("plannen.0.afspraken.0.kosten", 5), ["kosten", "kennen we niet"]),
    ("wrong enum sector", put("personen.1.sector", "zee"), ["sector", "kies uit", "familie"]),
    ("wrong enum kwaliteit", put("banden.0.kwaliteit", "super"), ["kwaliteit", "kies uit"]),
    ("wrong enum steunsoort", put("steun.0.soort", "geld"), ["soort", "kies uit"]),
    ("wrong type year", put("personen.1.geboortejaar", "oud"), ["geboortejaar", "heel getal"]),
    ("year out of range", put("personen.1.geboortejaar", 1200), ["geboortejaar", "te klein"]),
    ("wrong type bool", put("personen.1.overleden", "misschien"), ["overleden", "ja of nee"]),
    ("wrong type list", put("personen", "iedereen"), ["personen", "lijst"]),
    ("wrong type date", put("plannen.0.datum", "13 juni"), ["datum", "jjjj-mm-dd"]),
    ("bad id characters", put("personen.1.id", "p moeder<script>"), ["geen geldig id"]),
    ("no persons", put("personen", []), ["personen", "te kort", "minimaal 1"]),
    ("text too long", put("ontmoeten.verhaal", "x" * (MAX_TEXT + 1)), ["verhaal", "te lang", str(MAX_TEXT)]),
    ("name too long", put("personen.1.naam", "N" * (MAX_NAME + 1)), ["naam", "te lang", str(MAX_NAME)]),
    ("too many persons", add("personen", *[{"id": f"x{i}", "naam": "x"} for i in range(MAX_PERSONS)]),
     ["te veel personen", str(MAX_PERSONS + 4), str(MAX_PERSONS)]),
    # dangling ids, one for every kind of reference
    ("klant not a person", put("klant_id", "p-weg"), ["klant", "p-weg"]),
    ("band", add("banden", {"a": "p-ik", "b": "p-spook"}), ["lijn", "p-spook"]),
    ("member band", add("banden", {"a": "p-spook", "b": "p-moeder"}), ["lijn", "p-spook"]),
    ("steun", add("steun", {"persoon": "p-spook", "soort": "zorg", "richting": "geeft"}), ["Steun", "p-spook"]),
    ("note author", put("personen.2.notities.0.door", "p-spook"), ["notitie", "p-spook"]),
    ("poster item author", add("basisposter.sterke_punten", {"id": "i1", "tekst": "x", "door": "p-spook"}),
     ["poster", "p-spook"]),
    ("vraag eigenaar", put("basisposter.vragen.0.eigenaar", "p-spook"), ["vraag", "p-spook"]),
    ("meedenker", add("basisposter.meedenkers", "p-spook"), ["meedenker", "p-spook"]),
    ("ouder_kind parent", add("ouder_kind", {"ouder": "p-spook", "kind": "p-ik"}), ["familiekaart", "p-spook"]),
    ("ouder_kind child", add("ouder_kind", {"ouder": "p-moeder", "kind": "p-spook"}), ["familiekaart", "p-spook"]),
    ("partner", add("partners", {"a": "p-moeder", "b": "p-spook"}), ["partnerlijn", "p-spook"]),
    ("gebeurtenis", add("gebeurtenissen", {"id": "g1", "titel": "x", "personen": ["p-spook"]}),
     ["gebeurtenis", "p-spook"]),
    ("contact", add("contacten", {"persoon": "p-spook"}), ["contactschema", "p-spook"]),
    ("uitnodiging", add("bijeenkomst.uitnodigingen", {"persoon": "p-spook"}), ["uitnodiging", "p-spook"]),
    ("aanwezig", add("bijeenkomst.aanwezig", "p-spook"), ["aanwezigen", "p-spook"]),
    ("voorstelrondje", add("bijeenkomst.voorstelrondje", {"persoon": "p-spook"}), ["voorstelrondje", "p-spook"]),
    ("info door", add("bijeenkomst.info", {"id": "n1", "vraag": "x", "door": "p-spook"}),
     ["informatieronde", "p-spook"]),
    ("genoteerd_door", put("bijeenkomst.genoteerd_door", "p-spook"), ["opschrijft", "p-spook"]),
    ("piketpaaltje unknown", add("bijeenkomst.piketpaaltjes", {"id": "k1", "gesteld_door": "p-spook", "tekst": "x"}),
     ["p-spook"]),
    ("piketpaaltje by non-professional",
     add("bijeenkomst.piketpaaltjes", {"id": "k1", "gesteld_door": "p-moeder", "tekst": "x", "kader": "curatele"}),
     ["p-moeder", "geen hulpverlener"]),
    ("afspraak wie", put(f"{PLAN_AFSPRAAK}.0.wie", ["p-moeder", "p-spook"]), ["Afspraak 'a1'", "p-spook"]),
    ("afspraak vraag_id", put(f"{PLAN_AFSPRAAK}.0.vraag_id", "v-weg"), ["a1", "v-weg", "vraag"]),
    ("basisteam lid", add("basisteam.leden", "p-spook"), ["basisteam", "p-spook"]),
    ("overleg aanwezig", add("basisteam.overleggen", {**OVERLEG, "aanwezig": ["p-spook"]}), ["overleg", "p-spook"]),
    ("overleg nieuwe_afspraken", add("basisteam.overleggen", {**OVERLEG, "nieuwe_afspraken": ["a-weg"]}),
     ["2025-07-01", "a-weg", "afspraak"]),
    ("snapshot band", add("momentopnamen", {**SNAP, "banden": [{"a": "p-ik", "b": "p-moeder"}]}),
     ["momentopname", "p-moeder"]),
    ("snapshot steun", add("momentopnamen", {**SNAP, "steun": [{"persoon": "p-x", "soort": "zorg", "richting": "krijgt"}]}),
     ["momentopname", "p-x"]),
    # duplicates and impossible structures
    ("duplicate person id", add("personen", {"id": "p-moeder", "naam": "Nog een"}), ["p-moeder", "meer dan één keer"]),
    ("duplicate vraag id", add("basisposter.vragen", {"id": "v1", "tekst": "x"}), ["v1", "vragen"]),
    ("duplicate poster id", add("basisposter.zorgen", {"id": "z", "tekst": "a"}, {"id": "z", "tekst": "b"}),
     ["'z'", "poster"]),
    ("duplicate gebeurtenis id", add("gebeurtenissen", {"id": "g", "titel": "a"}, {"id": "g", "titel": "b"}),
     ["'g'", "gebeurtenissen"]),
    ("duplicate afspraak id in plan", add(PLAN_AFSPRAAK, {"id": "a1", "wat": "nog eens"}), ["a1", "plan versie 1"]),
    ("duplicate overleg id", add("basisteam.overleggen", OVERLEG, OVERLEG), ["o1", "overleggen"]),
    ("duplicate snapshot id", add("momentopnamen", SNAP, SNAP), ["m1", "momentopnamen"]),
    ("duplicate person in snapshot", add("momentopnamen", {**SNAP, "personen": [{"id": "p-ik", "naam": "a"}] * 2}),
     ["'p-ik'", "momentopname"]),
    ("duplicate band reversed", add("banden", {"a": "p-moeder", "b": "p-ik", "kwaliteit": "conflict"}),
     ["twee lijnen", "p-moeder", "p-ik"]),
    ("band to self", add("banden", {"a": "p-buur", "b": "p-buur"}), ["twee verschillende personen", "p-buur"]),
    ("duplicate steun", add("steun", {"persoon": "p-moeder", "soort": "zorg", "richting": "geeft"}),
     ["twee keer", "p-moeder"]),
    ("duplicate contact", add("contacten", {"persoon": "p-buur"}, {"persoon": "p-buur"}), ["p-buur", "contactschema"]),
    ("own parent", add("ouder_kind", {"ouder": "p-buur", "kind": "p-buur"}), ["eigen ouder", "p-buur"]),
    ("ancestry cycle", add("ouder_kind", {"ouder": "p-ik", "kind": "p-moeder"}, {"ouder": "p-moeder", "kind": "p-buur"},
                           {"ouder": "p-buur", "kind": "p-ik"}), ["eigen voorouder"]),
    ("moment with two fields", add("gebeurtenissen", {"id": "g", "titel": "x", "wanneer": {"jaar": 2001, "leeftijd": 3}}),
     ["wanneer", "Kies één manier"]),
    ("moment with no field", add("gebeurtenissen", {"id": "g", "titel": "x", "wanneer": {"ongeveer": True}}),
     ["Kies één manier"]),
    ("plan version zero", put("plannen.0.versie", 0), ["versie", "te klein"]),
    # schema 2: plan versions unique and increasing, overleg names an existing version, snapshot names its client
    ("plan version twice", add("plannen", {**PLAN2, "versie": 1}), ["versies van de plannen", "Versie 1 komt na versie 1"]),
    ("plan versions going down", both(add("plannen", PLAN2), put("plannen.0.versie", 3)), ["Versie 2 komt na versie 3"]),
    ("overleg unknown plan version", add("basisteam.overleggen", {**OVERLEG, "plan_versie": 4}),
     ["2025-07-01", "planversie 4", "bestaat niet"]),
    ("snapshot without client", add("momentopnamen", {k: v for k, v in SNAP.items() if k != "klant_id"}),
     ["momentopnamen › nr. 1 › klant_id", "moet ingevuld zijn"]),
    ("snapshot client unknown", add("momentopnamen", {**SNAP, "klant_id": "p-niemand"}), ["momentopname", "p-niemand"]),
    ("old place of plans", put("bijeenkomst.plannen", []), ["plannen", "kennen we niet"]),
    # strict whole numbers: a number written as text in a file is refused
    ("year as text", put("personen.1.geboortejaar", "1970"), ["geboortejaar", "heel getal"]),
    ("year as float", put("personen.1.geboortejaar", 1970.0), ["geboortejaar", "heel getal"]),
    ("year as bool", put("personen.1.geboortejaar", True), ["geboortejaar", "heel getal"]),
    ("plan version as text", put("plannen.0.versie", "1"), ["versie", "heel getal"]),
    ("step as text", put("bijeenkomst.stap", "2"), ["stap", "heel getal"]),
    ("volgorde as text", put("basisposter.vragen.0.volgorde", "1"), ["volgorde", "heel getal"]),
    ("moment year as text", add("gebeurtenissen", {"id": "g", "titel": "x", "wanneer": {"jaar": "2001"}}),
     ["jaar", "heel getal"]),
    ("moment age as text", add("gebeurtenissen", {"id": "g", "titel": "x", "wanneer": {"leeftijd": "3"}}),
     ["leeftijd", "heel getal"]),
    ("overleg plan_versie as text", add("basisteam.overleggen", {**OVERLEG, "plan_versie": "1"}),
     ["plan_versie", "heel getal"]),
    ("meeting step 8", put("bijeenkomst.stap", 8), ["stap", "te groot"]),
    # versions
    ("schema newer", put("schema_version", SCHEMA_VERSION + 1), ["nieuwere versie", f"versie {SCHEMA_VERSION + 1}"]),
    ("schema not int", put("schema_version", "1"), ["geen geldige versie"]),
    ("schema bool", put("schema_version", True), ["geen geldige versie"]),
    ("schema negative", put("schema_version", -1), ["oude versie", "-1"]),
]


@pytest.mark.parametrize("name, mutation, fragments", INVALID, ids=[row[0] for row in INVALID])
def test_invalid_case_has_dutch_message(small_dict, name, mutation, fragments):
    mutation(small_dict)
    with pytest.raises(CaseError) as info:
        loads_case(json.dumps(small_dict))
    assert_dutch(info.value.message, *fragments)
    assert str(info.value) == info.value.message


RAW_INVALID = [
    ("broken JSON", '{"personen": [', ["kunnen we niet lezen"]),
    ("empty text", "", ["kunnen we niet lezen"]),
    ("not JSON at all", "Hallo, dit is een brief.", ["kunnen we niet lezen"]),
    ("JSON string", '"Sam"', ["geen dossier"]),
    ("JSON list", '[{"personen": []}]', ["geen dossier"]),
    ("JSON number", "42", ["geen dossier"]),
    ("dict without persons", '{"naam": "Sam"}', ["geen dossier"]),
    ("NaN is not JSON", '{"personen": NaN}', ["kunnen we niet lezen"]),
    ("deep nesting", "[" * 100_000 + "]" * 100_000, ["te veel lagen"]),
    ("huge number", '{"personen": [], "x": ' + "9" * 5000 + "}", ["kunnen we niet lezen"]),
    ("v0 klant not an object", '{"klant": "Sam", "personen": []}', ["geen dossier"]),
    ("v0 persons not a list", '{"klant": {"naam": "S"}, "personen": "abc"}', ["geen dossier"]),
    ("v0 person not an object", '{"klant": {"naam": "S"}, "personen": [1]}', ["personen › nr. 2"]),
]


@pytest.mark.parametrize("name, text, fragments", RAW_INVALID, ids=[row[0] for row in RAW_INVALID])
def test_invalid_text_has_dutch_message(name, text, fragments):
    with pytest.raises(CaseError) as info:
        loads_case(text)
    assert_dutch(info.value.message, *fragments)


def test_invalid_utf8_bytes():
    with pytest.raises(CaseError) as info:
        loads_case(b'{"personen": [{"naam": "\xff\xfe"}]}')
    assert_dutch(info.value.message, "kunnen we niet lezen")


@pytest.mark.parametrize("as_bytes", [False, True])
def test_file_too_large_is_refused_before_parsing(as_bytes):
    text = " " * (MAX_FILE_BYTES + 1)  # valid-looking whitespace: only the size check can refuse it
    with pytest.raises(CaseError) as info:
        loads_case(text.encode() if as_bytes else text)
    assert_dutch(info.value.message, "te groot", "10 MB")


def test_size_counts_bytes_not_characters():
    # 'ë' is 2 bytes in UTF-8: fewer characters than the limit, more bytes
    text = "ë" * (MAX_FILE_BYTES // 2 + 1)
    with pytest.raises(CaseError) as info:
        loads_case(text)
    assert "te groot" in info.value.message


def test_more_than_three_errors_are_summarised(small_dict):
    for i in range(5):
        small_dict["personen"][1][f"veld{i}"] = 1
    with pytest.raises(CaseError) as info:
        loads_case(json.dumps(small_dict))
    assert_dutch(info.value.message, "veld0", "veld2", "nog 2 andere fouten")
    assert "veld4" not in info.value.message


def test_unknown_field_name_with_control_characters_is_cut_short(small_dict):
    small_dict["x" * 10_000] = 1
    with pytest.raises(CaseError) as info:
        loads_case(json.dumps(small_dict))
    assert len(info.value.message) < 300


# ----- valid files -----

V0_FILE = {
    "klant": {"naam": "Sam", "geboortejaar": 2001},
    "personen": [
        {"id": "p1", "naam": "Anna", "rol": "tante", "sector": "familie", "ring": 1},
        {"id": "p2", "naam": "Gerda", "sector": "buren_buurt", "ring": 3},
        {"id": "p3", "naam": "Nog niet geplaatst"},
    ],
    "banden": [{"a": "klant", "b": "p1", "kwaliteit": "goed"}],
}


def test_minimal_case_is_valid():
    case = loads_case('{"schema_version": 1, "id": "c", "klant_id": "k", "personen": [{"id": "k", "naam": "Sam"}]}')
    assert case.klant.naam == "Sam"
    assert case.fase == "ontmoeten" and case.banden == [] and case.huidig_plan is None


def test_new_case_round_trips():
    case = new_case("Zoë")
    assert loads_case(dumps_case(case)) == case


def test_small_case_is_valid(small_dict):
    case = loads_case(json.dumps(small_dict))
    assert [p.id for p in case.personen] == ["p-ik", "p-moeder", "p-buur", "p-coach"]
    assert case.band("p-moeder", "p-ik").kwaliteit == "goed"


def test_demo_case_is_valid_and_round_trips(demo_case):
    text = dumps_case(demo_case)
    again = loads_case(text)
    assert again == demo_case
    assert dumps_case(again) == text  # stable: same case, same bytes
    assert text.endswith("\n") and '"naam": "Sam"' in text  # pretty, no \u escapes
    assert json.loads(text)["schema_version"] == SCHEMA_VERSION


def test_json_with_bom_and_whitespace_is_read(demo_case):
    text = "\n  " + dumps_case(demo_case)
    assert loads_case("\ufeff" + text) == demo_case
    assert loads_case(b"\xef\xbb\xbf" + text.encode()) == demo_case


def test_v0_file_is_migrated():
    case = loads_case(json.dumps(V0_FILE))
    assert case.schema_version == SCHEMA_VERSION
    assert case.klant_id == "klant" and case.klant.naam == "Sam" and case.klant.geboortejaar == 2001
    assert case.personen[0].id == "klant"  # the client is a person now
    assert {p.id: p.nabijheid for p in case.personen[1:]} == {"p1": "heel_dichtbij", "p2": "verder_weg", "p3": None}
    assert case.band("klant", "p1").kwaliteit == "goed"


def test_v0_migration_does_not_change_the_input():
    data = copy.deepcopy(V0_FILE)
    parse_case(data)
    assert data == V0_FILE


def test_model_validate_and_parse_case_agree(small_dict):
    assert parse_case(copy.deepcopy(small_dict)) == Case.model_validate(small_dict)


# ----- invisible characters: bidi controls and zero-width characters never reach the case -----

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"


@pytest.mark.parametrize("invisible", list(BIDI + ZERO_WIDTH), ids=lambda c: f"U+{ord(c):04X}")
def test_invisible_characters_are_removed_from_names_in_a_file(small_dict, invisible):
    small_dict["personen"][1]["naam"] = f"An{invisible}na"
    case = loads_case(json.dumps(small_dict))
    assert case.persoon("p-moeder").naam == "Anna"


def test_unterminated_override_is_removed_from_every_text_in_a_file(small_dict):
    small_dict["personen"][1]["rol"] = "\u202emoeder"
    small_dict["personen"][1]["interesses"] = ["\u202ekoken"]
    small_dict["ontmoeten"] = {"verhaal": "Het gaat \u202egoed\u200b."}
    small_dict["basisposter"]["vragen"][0]["tekst"] = "Werk\u2067?"
    small_dict["plannen"][0]["afspraken"][0]["wat"] = "\ufeffVacatures zoeken"
    text = dumps_case(loads_case(json.dumps(small_dict)))
    for c in BIDI + ZERO_WIDTH:
        assert c not in text
    assert '"Het gaat goed."' in text and '"moeder"' in text and '"koken"' in text


def test_text_is_nfc_normalised_so_two_annas_are_one(small_dict):
    small_dict["personen"][1]["naam"] = "Zoe\u0308"  # e + combining diaeresis
    case = loads_case(json.dumps(small_dict))
    assert case.persoon("p-moeder").naam == "Zoë" == "Zo\u00eb"


def test_invisible_characters_are_removed_by_add_and_update_person(small_case):
    from snv.model import ops
    case, pid = ops.add_person(small_case, "\u202eAnna\u200b", rol="tan\u00adte")
    assert case.persoon(pid).naam == "Anna" and case.persoon(pid).rol == "tante"
    case = ops.update_person(case, pid, naam="A\u200dnna\u2066", interesses=["pu\u200bzzelen"],
                             notities=[{"tekst": "\u202eHallo"}])
    person = case.persoon(pid)
    assert person.naam == "Anna" and person.interesses == ["puzzelen"] and person.notities[0].tekst == "Hallo"
    assert [p.naam for p in case.personen].count("Anna") == 1


def test_text_length_counts_after_cleaning(small_dict):
    small_dict["personen"][1]["naam"] = "N" * MAX_NAME + "\u200b" * 10
    assert loads_case(json.dumps(small_dict)).persoon("p-moeder").naam == "N" * MAX_NAME
