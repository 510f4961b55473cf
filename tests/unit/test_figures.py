"""Key figures ("Wat zie je?") and load per person (snv.analysis.figures), checked by hand."""
from __future__ import annotations

import datetime as dt
import json

from snv.analysis.figures import compute_figures, join_names, load_per_person, sentences
from snv.model import ops
from snv.model.case import Afspraak, Contact, Plan
from snv.model.load import new_case


def person(case, naam, sector="familie", ring="dichtbij", **kw):
    case, pid = ops.add_person(case, naam, sector=sector, nabijheid=ring, id=naam.lower(), **kw)
    return case


def four_members():
    """Client + anna, bert, cor, dirk on the map; ties anna–bert and bert–cor."""
    case = new_case("Sam")
    for naam in ("Anna", "Bert", "Cor", "Dirk"):
        case = person(case, naam)
    case = ops.set_band(case, "anna", "bert")
    return case


def by_key(sents):
    return {s["key"]: s for s in sents}


# ----- figures -----

def test_density_isolated_and_components_two_ties_among_four():
    case = ops.set_band(four_members(), "cor", "dirk")
    case = ops.set_quality(case, "anna", "goed")  # a tie with the client does not count as member tie
    f = compute_figures(case)
    assert f["density"] == {"members": 4, "ties": 2, "possible": 6, "value": round(2 / 6, 3)}
    assert f["isolated"] == []
    assert f["components"] == {"count": 2, "sizes": [2, 2], "groups": [["anna", "bert"], ["cor", "dirk"]]}


def test_isolated_members_are_the_ones_without_member_ties():
    case = ops.set_band(four_members(), "anna", "cor")
    f = compute_figures(case)
    assert f["density"]["ties"] == 2 and f["density"]["value"] == round(2 / 6, 3)
    # anna–bert and anna–cor: only dirk stands alone; components: {anna, bert, cor} and {dirk}
    assert f["isolated"] == ["dirk"]
    assert f["components"]["sizes"] == [3, 1]
    assert f["components"]["groups"] == [["anna", "bert", "cor"], ["dirk"]]


def test_star_is_one_component_with_low_density():
    case = new_case("Sam")
    for naam in ("Hub", "A1", "A2", "A3", "A4"):
        case = person(case, naam)
    for leaf in ("a1", "a2", "a3", "a4"):
        case = ops.set_band(case, "hub", leaf)
    f = compute_figures(case)
    assert f["density"] == {"members": 5, "ties": 4, "possible": 10, "value": 0.4}
    assert f["components"]["count"] == 1 and f["isolated"] == []


def test_member_ties_to_people_off_the_map_are_ignored():
    case = four_members()
    case, off = ops.add_person(case, "Ergens", id="ergens")  # not on the map
    case = ops.set_band(case, "anna", "ergens")
    f = compute_figures(case)
    assert f["density"]["ties"] == 1
    assert f["size"] == {"on_map": 4, "in_list": 5, "not_on_map": 1}
    assert f["not_on_map"] == ["ergens"]


def test_counts_per_sector_ring_and_professionals():
    case = new_case("Sam")
    case = person(case, "Anna", "familie", "heel_dichtbij")
    case = person(case, "Els", "hulpverlening", "heel_dichtbij", professioneel=True)
    case = person(case, "Kees", "vrienden_kennissen", "verder_weg")
    case = person(case, "Juf", "school_werk_vrije_tijd", "dichtbij", professioneel=True)
    f = compute_figures(case)
    assert f["per_sector"] == {"familie": 1, "vrienden_kennissen": 1, "buren_buurt": 0,
                               "school_werk_vrije_tijd": 1, "hulpverlening": 1}
    assert f["per_ring"] == {"heel_dichtbij": 2, "dichtbij": 1, "verder_weg": 1}
    assert f["professionals"] == {"count": 2, "share": 0.5, "persons": ["els", "juf"]}
    assert f["close"] == {"count": 2, "persons": ["anna", "els"], "professionals": ["els"]}
    assert f["empty_sectors"] == ["buren_buurt"]


def test_support_direction_is_the_clients_view():
    case = four_members()
    case = ops.set_support(case, "anna", "zorg", "krijgt")  # anna helps the client
    case = ops.set_support(case, "anna", "gezelschap", "wederzijds")
    case = ops.set_support(case, "bert", "praktische_hulp", "geeft")  # the client helps bert
    case = ops.set_support(case, "cor", "emotionele_steun", "wederzijds")
    case = ops.set_support(case, "dirk", "advies_informatie", "geeft")
    f = compute_figures(case)
    assert f["reciprocity"] == {
        "client_gives": 4, "client_gets": 2, "mutual": 2,
        "gives_persons": ["anna", "bert", "cor", "dirk"], "gets_persons": ["anna", "cor"],
        "mutual_persons": ["anna", "cor"],
    }
    assert f["givers"] == [{"id": "anna", "count": 2}, {"id": "cor", "count": 1}]


def test_quality_conflict_broken_and_wishes():
    case = four_members()
    case = ops.set_quality(case, "anna", "conflict")
    case = ops.set_quality(case, "bert", "conflict")
    case = ops.set_quality(case, "cor", "verbroken")
    case = case.model_copy(update={"contacten": [Contact(persoon="anna", wens="minder"),
                                                  Contact(persoon="dirk", wens="meer"),
                                                  Contact(persoon="cor", wens="meer")]})
    f = compute_figures(case)
    assert f["conflict"] == ["anna", "bert"] and f["broken"] == ["cor"] and f["good"] == []
    assert f["quality"] == {"goed": 0, "neutraal": 0, "moeizaam": 0, "conflict": 2, "verbroken": 1, "none": 1}
    assert f["wishes"] == {"meer": ["cor", "dirk"], "evenveel": [], "minder": ["anna"]}


def test_shared_interests_prefer_people_who_do_not_know_each_other():
    case = new_case("Sam")
    case = person(case, "Anna", interesses=["Vissen", "koken"])
    case = person(case, "Bert", interesses=["vissen"])
    case = person(case, "Cor", interesses=["Koken "])
    case = person(case, "Dood", interesses=["koken"], overleden=True)
    case = ops.set_band(case, "anna", "bert")
    f = compute_figures(case)
    assert f["shared_interests"][0] == {"interest": "koken", "persons": ["anna", "cor"], "know_each_other": False}
    # anna is already in a suggestion, so vissen (anna–bert) is not offered; the deceased never
    assert len(f["shared_interests"]) == 1


def test_figures_are_json_and_deterministic():
    case = ops.set_support(four_members(), "anna", "zorg", "krijgt")
    f = compute_figures(case)
    assert json.loads(json.dumps(f)) == f
    assert compute_figures(case) == f


# ----- sentences -----

def test_empty_map_sentence():
    case = new_case("Sam")
    assert sentences(compute_figures(case)) == [
        {"key": "empty", "text": "Er staat nog niemand op de kaart. Wie is belangrijk voor jou?", "persons": []}]
    case, pid = ops.add_person(case, "Anna", id="anna")
    s = sentences(compute_figures(case))
    assert [x["key"] for x in s] == ["empty", "not_on_map"]
    assert s[1]["text"] == "1 persoon uit je lijst staat nog niet op de kaart." and s[1]["persons"] == ["anna"]


def test_singular_and_plural():
    one = new_case("Sam")
    one = person(one, "Anna", ring="heel_dichtbij", professioneel=True)
    one = ops.set_quality(one, "anna", "conflict")
    s = by_key(sentences(compute_figures(one)))
    assert s["size"]["text"] == "Er staat 1 persoon op je kaart."
    assert s["close"]["text"] == "Je hebt 1 persoon heel dichtbij. Daarvan is 1 een hulpverlener."
    assert s["conflict"]["text"] == "Met 1 persoon heb je ruzie."
    many = four_members()
    for pid in ("anna", "bert", "cor"):
        many = ops.update_person(many, pid, nabijheid="heel_dichtbij", professioneel=pid != "anna")
    many = ops.set_quality(ops.set_quality(many, "anna", "conflict"), "bert", "conflict")
    s = by_key(sentences(compute_figures(many)))
    assert s["size"]["text"] == "Er staan 4 mensen op je kaart."
    assert s["close"]["text"] == "Je hebt 3 mensen heel dichtbij. Daarvan zijn 2 hulpverleners."
    assert s["conflict"]["text"] == "Met 2 mensen heb je ruzie." and s["conflict"]["persons"] == ["anna", "bert"]


def test_support_sentences_name_the_helpers():
    case = four_members()
    case = ops.set_support(case, "anna", "zorg", "krijgt")
    case = ops.set_support(case, "anna", "gezelschap", "krijgt")
    case = ops.set_support(case, "bert", "zorg", "krijgt")
    for pid in ("bert", "cor", "dirk"):
        case = ops.set_support(case, pid, "praktische_hulp", "geeft")
    s = by_key(sentences(compute_figures(case)))
    assert s["helpers"]["text"] == "2 mensen helpen jou."
    assert s["givers"] == {"key": "givers", "text": "Anna helpt jou het meest.", "persons": ["anna"]}
    assert s["you_give"]["text"] == "Jij helpt ook anderen: je helpt 3 mensen."
    assert s["you_give"]["persons"] == ["bert", "cor", "dirk"]
    only = by_key(sentences(compute_figures(ops.set_support(four_members(), "cor", "zorg", "krijgt"))))
    assert only["helpers"]["text"] == "Cor helpt jou." and "givers" not in only


def test_strengths_come_before_attention_points():
    case = four_members()
    case = ops.set_quality(case, "anna", "goed")
    case = ops.set_quality(case, "dirk", "conflict")
    case = ops.set_support(case, "anna", "zorg", "krijgt")
    keys = [s["key"] for s in sentences(compute_figures(case))]
    assert keys[0] == "size"
    for strength in ("helpers", "good", "density"):
        for attention in ("conflict", "isolated", "empty_sector.buren_buurt", "close_none"):
            assert keys.index(strength) < keys.index(attention)


def test_empty_slices_ask_a_question_but_not_for_professionals():
    s = by_key(sentences(compute_figures(four_members())))
    assert s["empty_sector.buren_buurt"]["text"] == "Niemand bij Buren en buurt. Ken je iemand in je straat?"
    assert "empty_sector.hulpverlening" not in s and "empty_sector.familie" not in s


def test_shared_interest_sentence_names_two_members_never_the_client():
    case = new_case("Sam")
    case = ops.update_person(case, case.klant_id, interesses=["voetbal"])
    case = person(case, "Anna", interesses=["Voetbal"])
    s = by_key(sentences(compute_figures(case)))
    assert not any(k.startswith("shared.") for k in s)  # the client and Anna alone: no tip 7 sentence
    case = person(case, "Tom", interesses=[" voetbal"])
    s = by_key(sentences(compute_figures(case)))
    assert s["shared.0"]["text"] == "Anna en Tom houden allebei van voetbal."
    assert s["shared.0"]["persons"] == ["anna", "tom"]


def test_join_names():
    assert join_names(["Anna"]) == "Anna"
    assert join_names(["Anna", "Piet"]) == "Anna en Piet"
    assert join_names(["Anna", "Piet", "Els"]) == "Anna, Piet en Els"


# ----- load per person -----

def with_plan(case, *afspraken):
    plan = Plan(versie=1, datum=dt.date(2026, 1, 1), afspraken=list(afspraken))
    return case.model_copy(update={"plannen": [plan]})


def test_load_per_person_weights_and_sharing():
    case = with_plan(
        four_members(),
        Afspraak(id="a1", wat="koken", wie=["anna"], hoe_vaak="dagelijks"),  # 30
        Afspraak(id="a2", wat="boodschappen", wie=["bert"], hoe_vaak="wekelijks"),  # 4
        Afspraak(id="a3", wat="post", wie=["cor", "dirk"], hoe_vaak="wekelijks"),  # 4 / 2 each
        Afspraak(id="a4", wat="oud", wie=["dirk"], hoe_vaak="dagelijks", status="gestopt"),  # not active
        Afspraak(id="a5", wat="open", wie=[], hoe_vaak="wekelijks"),  # nobody yet
        Afspraak(id="a6", wat="feest", wie=["bert"], hoe_vaak="eenmalig"),  # 0.1
    )
    load = load_per_person(case)
    assert load["per_person"] == {"anna": 30.0, "bert": 4.1, "cor": 2.0, "dirk": 2.0}
    assert load["tasks"] == {"anna": 1, "bert": 2, "cor": 1, "dirk": 1}
    assert load["total"] == 38.1 and load["median"] == 3.05
    assert load["heavy"] == ["anna"]  # 30 > 40 % of 38.1
    assert load["warnings"] == [{"persoon": "anna", "text": "Anna doet veel. Wie kan iets overnemen?"}]


def test_load_heavy_by_median_and_idle_close_people():
    case = four_members()
    case = person(case, "Els")
    case = person(case, "Fien")
    case = ops.update_person(case, "dirk", nabijheid="verder_weg")
    case = ops.update_person(case, "cor", professioneel=True)
    case = with_plan(case, *[Afspraak(id=f"a{i}", wat="x", wie=[pid], hoe_vaak="wekelijks")
                             for i, pid in enumerate(["anna", "bert", "fien", case.klant_id])],
                     Afspraak(id="b", wat="y", wie=["els"], hoe_vaak="wekelijks"),
                     Afspraak(id="c", wat="z", wie=["els"], hoe_vaak="maandelijks"),
                     Afspraak(id="d", wat="w", wie=["els"], hoe_vaak="maandelijks"),
                     Afspraak(id="e", wat="v", wie=["els"], hoe_vaak="maandelijks"),
                     Afspraak(id="f", wat="u", wie=["els"], hoe_vaak="maandelijks"),
                     Afspraak(id="g", wat="s", wie=["els"], hoe_vaak="maandelijks"))
    load = load_per_person(case)
    # anna, bert, fien and the client 4 each, els 9: total 25 (els 36 %, under 40 %), median 4: 9 > 2 × 4
    assert load["per_person"]["els"] == 9.0 and load["client"] == 4.0 and load["total"] == 25.0
    assert load["heavy"] == ["els"]
    assert load["idle_close"] == []  # cor is a professional, dirk is far away
    idle = load_per_person(with_plan(four_members()))
    assert idle["idle_close"] == ["anna", "bert", "cor", "dirk"] and idle["total"] == 0 and idle["heavy"] == []


def test_no_plan_no_load():
    load = load_per_person(four_members())
    assert load["per_person"] == {} and load["heavy"] == [] and load["total"] == 0
