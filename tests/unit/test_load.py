"""Wie draagt wat (analysis/load.py) on crafted plans: weights per month shared by wie, stopped agreements
ignored, the 40 % and 2×-median rules, the minor rule, suggestions, what the client gives back, and the
figures' `belasting` / `waarschuwingen`."""
from __future__ import annotations

import datetime as dt

from snv.analysis.figures import compute_figures
from snv.analysis.load import compute_load, figures, weight

from plan_cases import KLANT, afspraak, plan_case

TODAY = dt.date(2026, 3, 14)


def test_weights_per_frequency_and_unknown_counts_as_rare():
    assert [weight(f) for f in ("dagelijks", "wekelijks", "maandelijks", "paar_keer_per_jaar", "zelden",
                                "eenmalig", None)] == [30, 4, 1, 0.25, 0.1, 0.1, 0.1]


def test_shared_agreements_split_the_weight_and_stopped_or_empty_ones_weigh_nothing():
    case = plan_case([
        afspraak("a1", ["p-anna", "p-daan"], "wekelijks"),  # 2 each
        afspraak("a2", ["p-daan"], "maandelijks"),  # 1
        afspraak("a3", ["p-anna"], "dagelijks", status="gestopt"),
        afspraak("a4", ["p-anna"], "dagelijks", status="klaar"),
        afspraak("a5", [], "dagelijks"),
        afspraak("a6", ["p-gerda"], None),  # 0.1
    ])
    load = compute_load(case, today=TODAY)
    assert load.weights == {"p-anna": 2.0, "p-daan": 3.0, "p-gerda": 0.1}
    assert load.tasks == {"p-anna": 1, "p-daan": 2, "p-gerda": 1}
    assert load.order == ["p-daan", "p-anna", "p-gerda"]
    assert round(load.total, 3) == 5.1


def test_more_than_40_percent_is_a_kind_warning():
    case = plan_case([afspraak("a1", ["p-anna"], "dagelijks"), afspraak("a2", ["p-daan"], "wekelijks"),
                      afspraak("a3", ["p-gerda"], "wekelijks")])
    load = compute_load(case, today=TODAY)
    assert [(w.kind, w.persoon, w.text) for w in load.warnings] == [
        ("veel", "p-anna", "Anna doet veel. Wie kan iets overnemen?")]


def test_more_than_twice_the_median_is_a_warning_even_under_40_percent():
    people = [{"id": f"p-{i}", "naam": f"Mens {i}", "sector": "familie", "nabijheid": "verder_weg"} for i in range(4)]
    rows = [afspraak(f"a{i}", [f"p-{i}"], "wekelijks") for i in range(4)]  # 4 each
    rows += [afspraak(f"b{i}", ["p-anna"], "wekelijks") for i in range(2)] + [afspraak("c", ["p-anna"], "maandelijks")]
    load = compute_load(plan_case(rows, extra_people=people), today=TODAY)
    assert load.weights["p-anna"] == 9 and load.median == 4 and load.share("p-anna") < 0.4
    assert [w.persoon for w in load.warnings] == ["p-anna"]


def test_equal_sharing_between_two_people_is_not_too_much_and_the_client_is_never_warned():
    even = compute_load(plan_case([afspraak("a1", ["p-anna"]), afspraak("a2", ["p-daan"])]), today=TODAY)
    assert even.warnings == []  # 50 % each: fine with two people
    uneven = compute_load(plan_case([afspraak("a1", ["p-anna"], "dagelijks"), afspraak("a2", ["p-daan"])]),
                          today=TODAY)
    assert [w.persoon for w in uneven.warnings] == ["p-anna"]
    client = compute_load(plan_case([afspraak("a1", [KLANT], "dagelijks"), afspraak("a2", ["p-daan"]),
                                     afspraak("a3", ["p-gerda"])]), today=TODAY)
    assert client.warnings == []


def test_a_minor_who_gives_care_and_has_a_task_gets_a_kind_warning():
    zorg = [{"persoon": "p-mila", "soort": "zorg", "richting": "krijgt"}]
    case = plan_case([afspraak("a1", ["p-mila"], "zelden"), afspraak("a2", ["p-anna"]), afspraak("a3", ["p-daan"]),
                      afspraak("a4", ["p-gerda"])],
                     steun=zorg)
    texts = [(w.kind, w.persoon) for w in compute_load(case, today=TODAY).warnings]
    assert texts == [("minderjarig", "p-mila")]
    assert compute_load(case, today=dt.date(2030, 1, 1)).warnings == []  # 18 by then
    no_care = plan_case([afspraak("a1", ["p-mila"], "zelden")])
    assert compute_load(no_care, today=TODAY).warnings == []
    the_client_cares_for_her = plan_case([afspraak("a1", ["p-mila"], "zelden")],
                                         steun=[{"persoon": "p-mila", "soort": "zorg", "richting": "geeft"}])
    assert compute_load(the_client_cares_for_her, today=TODAY).warnings == []


def test_suggestions_are_close_people_without_a_task_not_professionals_pets_or_far_away():
    case = plan_case([afspraak("a1", ["p-anna"])])
    assert compute_load(case, today=TODAY).suggestions == ["p-daan", "p-gerda"]  # not Joost, Kees, Mila


def test_what_the_client_gives_back():
    steun = [{"persoon": "p-gerda", "soort": "praktische_hulp", "richting": "geeft"},
             {"persoon": "p-anna", "soort": "gezelschap", "richting": "wederzijds"},
             {"persoon": "p-daan", "soort": "zorg", "richting": "krijgt"}]
    case = plan_case([afspraak("a1", [KLANT, "p-anna"]), afspraak("a2", [KLANT], status="gestopt")], steun=steun)
    load = compute_load(case, today=TODAY)
    assert load.client_agreements == ["a1"] and load.client_helps == ["p-anna", "p-gerda"]


def test_figures_keys_belasting_and_waarschuwingen():
    case = plan_case([afspraak("a1", ["p-anna"], "dagelijks"), afspraak("a2", ["p-daan", "p-gerda"], "wekelijks")])
    f = figures(case, today=TODAY)
    assert f["belasting"] == [{"persoon": "p-anna", "gewicht": 30.0, "aandeel": round(30 / 34, 3)},
                              {"persoon": "p-daan", "gewicht": 2.0, "aandeel": round(2 / 34, 3)},
                              {"persoon": "p-gerda", "gewicht": 2.0, "aandeel": round(2 / 34, 3)}]
    assert f["waarschuwingen"] == ["Anna doet veel. Wie kan iets overnemen?"]
    all_figs = compute_figures(case)
    assert all_figs["belasting"] == f["belasting"] and all_figs["waarschuwingen"] == f["waarschuwingen"]
    assert "per_sector" in all_figs  # the other figures are still there
    assert compute_figures(plan_case())["belasting"] == []
