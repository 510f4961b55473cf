"""What changed between two plan versions (analysis/plan_diff.py), on crafted cases with two versions."""
from __future__ import annotations

from snv.analysis.plan_diff import GROUPS, diff_plans, previous_version

from plan_cases import afspraak, plan_case


def two_versions():
    v1 = [afspraak("a-eten", ["p-anna"]), afspraak("a-post", ["p-anna"], "wekelijks", "v-post"),
          afspraak("a-koffie", ["p-gerda"]), afspraak("a-weg", ["p-daan"]), afspraak("a-tekst", ["p-daan"], waar="Thuis")]
    v2 = [afspraak("a-eten", ["p-anna"]),  # unchanged
          afspraak("a-post", ["p-anna", "p-daan"], "maandelijks", "v-post"),  # new owner and frequency
          afspraak("a-koffie", ["p-gerda"], status="gestopt"),
          afspraak("a-tekst", ["p-daan"], waar="Bij Gerda"),
          afspraak("a-zwem", ["p-sam"])]
    return plan_case(versions=[v1, v2])


def by_group(diff):
    return {g: [c.afspraak_id for c in diff.group(g)] for g in GROUPS if diff.group(g)}


def test_diff_lists_added_stopped_owner_frequency_text_and_removed():
    case = two_versions()
    diff = diff_plans(*case.plannen)
    assert (diff.old_versie, diff.new_versie) == (1, 2)
    assert by_group(diff) == {"toegevoegd": ["a-zwem"], "status": ["a-koffie"], "wie": ["a-post"],
                              "hoe_vaak": ["a-post"], "tekst": ["a-tekst"], "verwijderd": ["a-weg"]}
    tekst = diff.group("tekst")[0]
    assert tekst.fields == ("waar",) and tekst.old.waar == "Thuis" and tekst.new.waar == "Bij Gerda"
    assert diff.group("verwijderd")[0].new is None and diff.group("toegevoegd")[0].old is None


def test_same_version_twice_is_no_change_and_order_of_wie_is_not_a_change():
    case = plan_case(versions=[[afspraak("a1", ["p-anna", "p-daan"])], [afspraak("a1", ["p-daan", "p-anna"])]])
    assert diff_plans(*case.plannen).empty
    assert diff_plans(case.plannen[0], case.plannen[0]).empty


def test_against_nothing_everything_is_new_and_previous_version_finds_the_one_before():
    case = two_versions()
    diff = diff_plans(None, case.plannen[0])
    assert diff.old_versie is None and [c.group for c in diff.changes] == ["toegevoegd"] * 5
    assert previous_version(case.plannen, 2) is case.plannen[0]
    assert previous_version(case.plannen, 1) is None


def test_diff_is_pure():
    case = two_versions()
    before = case.model_dump()
    assert diff_plans(*case.plannen) == diff_plans(*case.plannen)
    assert case.model_dump() == before
