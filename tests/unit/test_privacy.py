"""Exports that leave the browser (DOMAIN §9): private notes out unless chosen; pseudonymised exports
keep structure and figures but no names, free-text roles, free text, readable ids, exact dates, exact
birth years or legal frameworks. What counts as a name or free text comes from the model's reference
table (Free markers), so a new text field is scanned as soon as it is declared."""
from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import pytest

from snv.analysis.figures import compute_figures
from snv.model import Case, ops
from snv.model.case import Afspraak, Gebeurtenis, InfoItem, PosterItem, Voorstelling
from snv.model.limits import MAX_NAME
from snv.model.refs import each_object, plan
from snv.storage import dumps_case, for_export
from snv.storage.privacy import AGE_BANDS, fixed_roles
from snv.ui.app import App, Host

TODAY = dt.date(2026, 3, 15)


def notes_of(case: Case) -> list[str]:
    return [n.tekst for p in case.personen for n in p.notities]


def written(case: Case) -> dict[str, list[tuple[str, str, Any]]]:
    """Every value people wrote, by Free kind, as (class, field, value), found through the schema."""
    out: dict[str, list] = {"naam": [], "rol": [], "interesse": [], "tekst": []}

    def visit(cls, d, _index):
        for f in plan(cls):
            if f.free is not None and d.get(f.name):
                values = d[f.name] if f.is_list else [d[f.name]]
                out[f.free.kind].extend((cls.__name__, f.name, v) for v in values)
    each_object(Case, case.model_dump(mode="json"), visit)
    return out


def test_default_export_drops_private_notes_only(small_case):
    out = for_export(small_case)
    assert notes_of(out) == ["openbaar"]
    assert notes_of(small_case) == ["privé", "openbaar"]  # input untouched
    assert out.klant.naam == small_case.klant.naam


def test_notes_can_be_chosen(demo_case):
    assert for_export(demo_case, notes=True) == demo_case
    private = [n for p in for_export(demo_case).personen for n in p.notities if n.zichtbaar != "iedereen"]
    assert private == [] and notes_of(for_export(demo_case))


@pytest.fixture
def pseudo(demo_case) -> Case:
    return for_export(demo_case, pseudonymise=True, today=TODAY)


def test_pseudonymised_export_is_valid(pseudo):
    assert Case.model_validate(json.loads(dumps_case(pseudo))) == pseudo


def test_the_scan_covers_every_text_field_of_the_demo(demo_case):
    found = {(cls, field) for cls, field, _ in written(demo_case)["tekst"]}
    # the fields the hand-written list of the old test missed are found through the schema now
    assert {(PosterItem.__name__, "tekst"), (InfoItem.__name__, "vraag"), (InfoItem.__name__, "antwoord"),
            (Voorstelling.__name__, "tekst"), (Afspraak.__name__, "waar"), (Gebeurtenis.__name__, "verhaal")} <= found
    texts = {v for _, _, v in written(demo_case)["tekst"]}
    poster = demo_case.basisposter
    assert {i.tekst for i in (*poster.wensen_dromen, *poster.zorgen)} <= texts
    assert {v.tekst for v in demo_case.bijeenkomst.voorstelrondje} <= texts
    assert {s for o in demo_case.basisteam.overleggen for s in o.zorgen} <= texts


def test_no_real_name_role_or_free_text_anywhere_in_the_export(demo_case, pseudo):
    text = dumps_case(pseudo)
    seen = written(demo_case)
    for _, _, naam in seen["naam"]:
        assert not re.search(rf"\b{re.escape(naam)}\b", text, re.IGNORECASE), naam
    for _, _, rol in seen["rol"]:
        if rol.casefold() not in fixed_roles():  # e.g. "tante": the fixed words the maps need
            assert json.dumps(rol, ensure_ascii=False) not in text and (len(rol) < 5 or rol not in text), rol
    for _, _, word in seen["interesse"]:
        assert json.dumps(word, ensure_ascii=False) not in text, word
    for cls, field, value in seen["tekst"]:
        assert value not in text, (cls, field, value)
    for p in demo_case.personen:
        assert f'"{p.id}"' not in text, p.id
    assert notes_of(pseudo) == []
    assert all(re.fullmatch(r"interesse \d+", i) for p in pseudo.personen for i in p.interesses)


def test_free_text_role_is_reduced_to_the_fixed_list(small_case):
    case, pid = ops.add_person(small_case, "Henk", rol="bakker op de hoek", sector="buren_buurt", nabijheid="dichtbij")
    case, dominee = ops.add_person(case, "Jan", rol="dominee", sector="school_werk_vrije_tijd")
    out = for_export(case, pseudonymise=True, today=TODAY)
    text = dumps_case(out)
    assert "bakker" not in text and "dominee" not in text
    roles = [p.rol for p in out.personen]
    assert set(roles) <= fixed_roles()
    assert roles[-2:] == ["buur", "school-werk"]
    assert [p.naam for p in out.personen][-2:] == ["buur 2", "school-werk 1"]  # Bert the buurman is buur 1


def test_names_become_role_and_number(pseudo):
    names = [p.naam for p in pseudo.personen if p.naam]
    assert pseudo.klant.naam == "klant"
    assert "tante 1" in names and "hulpverlener 1" in names and "opa 1" in names
    assert "vriend 1" in names and "vriend 2" in names  # several persons with the same role
    assert len(set(names)) == len(names)
    assert not any("MEE" in n or "begeleider" in n for n in names)


def test_nameless_placeholder_stays_nameless(demo_case, pseudo):
    assert demo_case.persoon("p-opa-onbekend").naam == ""
    assert sum(not p.naam for p in pseudo.personen) == 1


def test_person_without_role_gets_generic_name(small_case):
    case, _ = ops.add_person(small_case, "Zonder Rol")
    case, _ = ops.add_person(case, "Pluis", soort="huisdier")
    case, _ = ops.add_person(case, "Lang", rol="r" * MAX_NAME)
    names = [p.naam for p in for_export(case, pseudonymise=True, today=TODAY).personen]
    assert names[-3:] == ["persoon 1", "huisdier 1", "persoon 2"]


def test_structure_is_kept(demo_case, pseudo):
    def shape(c: Case):
        ids = {p.id: i for i, p in enumerate(c.personen)}
        return {
            "personen": [(p.sector, p.nabijheid, p.professioneel, p.soort, p.overleden, p.geslacht)
                         for p in c.personen],
            "banden": sorted((ids[b.a], ids[b.b], b.kwaliteit or "") for b in c.banden),
            "steun": sorted((ids[s.persoon], s.soort, s.richting) for s in c.steun),
            "ouder_kind": sorted((ids[o.ouder], ids[o.kind], o.soort) for o in c.ouder_kind),
            "partners": sorted((ids[p.a], ids[p.b], p.status) for p in c.partners),
            "plans": [(plan.versie, [(sorted(ids[w] for w in a.wie), a.hoe_vaak, a.status, bool(a.wanneer),
                                      a.vraag_id is None) for a in plan.afspraken]) for plan in c.plannen],
            "contacten": [(ids[x.persoon], x.hoe_vaak, x.tevreden, x.wens) for x in c.contacten],
            "team": [ids[i] for i in c.basisteam.leden],
            "overleg": [(len(o.successen), len(o.zorgen), len(o.nieuwe_afspraken), o.plan_versie)
                        for o in c.basisteam.overleggen],
            "piket": [(ids[p.gesteld_door], p.oordeel) for p in c.bijeenkomst.piketpaaltjes],
            "gevoel": [g.gevoel for g in c.gebeurtenissen],
            "fase": c.fase,
        }
    assert shape(pseudo) == shape(demo_case)


def _counts(value: Any) -> Any:
    """Figures with every list of people replaced by its length (ids and names differ by design)."""
    if isinstance(value, dict):
        return {k: _counts(v) for k, v in value.items() if k not in ("names", "klant_id")}
    if isinstance(value, list):
        return len(value)
    return value


def test_figures_count_the_same(demo_case, pseudo):
    assert _counts(compute_figures(pseudo)) == _counts(compute_figures(demo_case))


def test_birth_years_become_age_bands(demo_case, pseudo):
    def band(year):
        age = TODAY.year - year
        return max(b for b in AGE_BANDS if b <= max(age, 0))
    for before, after in zip(demo_case.personen, pseudo.personen):
        if before.geboortejaar is None:
            assert after.geboortejaar is None
        else:
            assert band(after.geboortejaar) == band(before.geboortejaar)
            assert TODAY.year - after.geboortejaar in AGE_BANDS  # the youngest age of the band
            assert (TODAY.year - after.geboortejaar < 18) == (TODAY.year - before.geboortejaar < 18)


def test_dates_keep_only_the_month_and_times_are_gone(demo_case, pseudo):
    text = dumps_case(pseudo)
    dates = re.findall(r'"(\d{4}-\d{2}-\d{2})(T[\d:.]+)?"', text)
    assert dates and all(day.endswith("-01") for day, _ in dates)
    assert all(time in ("", "T00:00:00") for _, time in dates)
    assert pseudo.plannen[1].datum == dt.date(2025, 9, 1) and demo_case.plannen[1].datum == dt.date(2025, 9, 15)


def test_legal_framework_is_dropped(demo_case, pseudo):
    assert {p.kader for p in demo_case.bijeenkomst.piketpaaltjes} == {"bewind", "mentorschap"}
    assert {p.kader for p in pseudo.bijeenkomst.piketpaaltjes} == {"anders"}
    assert '"bewind"' not in dumps_case(pseudo)


def test_event_dates_become_years(pseudo):
    whens = [g.wanneer for g in pseudo.gebeurtenissen if g.wanneer]
    assert all(w.datum is None for w in whens)
    assert sum(w.leeftijd is not None for w in whens) == 2  # ages stay ages


def test_shared_interests_stay_shared(demo_case, pseudo):
    def pairs(c: Case):
        people = [p for p in c.personen if p.interesses]
        return {(i, j) for i, a in enumerate(people) for j, b in enumerate(people[i + 1:], i + 1)
                if {x.lower() for x in a.interesses} & {x.lower() for x in b.interesses}}
    assert pairs(pseudo) == pairs(demo_case) and pairs(demo_case)


def test_snapshots_use_the_same_pseudonyms(pseudo):
    now = {p.id: p.naam for p in pseudo.personen}
    for snap in pseudo.momentopnamen:
        assert snap.klant_id == pseudo.klant_id
        for kp in snap.personen:
            assert kp.naam == now[kp.id]
            assert kp.rol == pseudo.persoon(kp.id).rol


def test_person_only_in_a_snapshot_gets_a_pseudonym(demo_case):
    case = ops.remove_person(demo_case, "p-kevin")
    out = for_export(case, pseudonymise=True, today=TODAY)
    snap_people = [kp for snap in out.momentopnamen for kp in snap.personen]
    kevin = [kp for kp in snap_people if kp.id not in {p.id for p in out.personen}]
    assert kevin and all(re.fullmatch(r"vriend \d+", kp.naam) for kp in kevin)
    assert "Kevin" not in dumps_case(out) and "oud-vriend" not in dumps_case(out)


def test_agreement_keeps_its_id_across_plan_versions(pseudo):
    v1, v2 = pseudo.plannen
    assert [a.id for a in v1.afspraken] == [a.id for a in v2.afspraken[:len(v1.afspraken)]]
    assert v1.afspraken[0].wat == v2.afspraken[0].wat == "Afspraak 1"


def test_pseudonymising_twice_changes_nothing(pseudo):
    assert for_export(pseudo, pseudonymise=True, today=TODAY) == pseudo


def test_pseudonymise_ignores_notes_flag(demo_case):
    assert notes_of(for_export(demo_case, notes=True, pseudonymise=True)) == []


def test_input_is_not_changed(demo_case):
    before = dumps_case(demo_case)
    for_export(demo_case, pseudonymise=True)
    for_export(demo_case)
    assert dumps_case(demo_case) == before


def test_event_date_outside_year_range_is_dropped(small_dict):
    small_dict["gebeurtenissen"] = [{"id": "g", "titel": "Heel oud", "wanneer": {"datum": "0900-01-01"}}]
    out = for_export(Case.model_validate(small_dict), pseudonymise=True)
    assert out.gebeurtenissen[0].wanneer is None


class _Downloads(Host):
    def __init__(self):
        self.files: list[tuple[str, str]] = []

    def download(self, filename, text, mime):
        self.files.append((filename, text))


def test_pseudonymised_file_name_has_no_real_name(demo_case):
    host = _Downloads()
    app = App(demo_case, host=host, now=lambda: dt.datetime(2026, 3, 15, 10, 0))
    name = app.save_file(pseudonymise=True)
    assert "sam" not in name.lower() and host.files[0][0] == name
    assert "sam" in app.save_file().lower()  # an ordinary export keeps the client's name
