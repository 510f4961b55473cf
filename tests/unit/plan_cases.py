"""Crafted cases for the plan tests (ops, diff, load, render, ui)."""
from __future__ import annotations

from snv.model import parse_case

KLANT = "p-sam"


def plan_case(afspraken=None, *, versions=None, piket=True, steun=(), extra_people=(), vragen=None) -> object:
    """A small case: Sam, Anna (tante, heel dichtbij), Daan (broer, dichtbij), Gerda (buurvrouw, dichtbij),
    Mila (nichtje, born 2012), Joost (professional), Kees (cat); two questions; a piketpaaltje by Joost."""
    personen = [
        {"id": KLANT, "naam": "Sam", "rol": "ik", "geboortejaar": 2001},
        {"id": "p-anna", "naam": "Anna", "rol": "tante", "sector": "familie", "nabijheid": "heel_dichtbij"},
        {"id": "p-daan", "naam": "Daan", "rol": "broer", "sector": "familie", "nabijheid": "dichtbij"},
        {"id": "p-gerda", "naam": "Gerda", "rol": "buurvrouw", "sector": "buren_buurt", "nabijheid": "dichtbij"},
        {"id": "p-mila", "naam": "Mila", "rol": "nichtje", "sector": "familie", "nabijheid": "verder_weg",
         "geboortejaar": 2012},
        {"id": "p-joost", "naam": "Joost", "rol": "mentor", "sector": "hulpverlening", "nabijheid": "dichtbij",
         "professioneel": True},
        {"id": "p-kees", "naam": "Kees", "rol": "kat", "sector": "familie", "nabijheid": "heel_dichtbij",
         "soort": "huisdier"},
        *extra_people,
    ]
    data = {
        "schema_version": 2, "id": "c-plan", "klant_id": KLANT, "personen": personen, "steun": list(steun),
        "basisposter": {"vragen": vragen if vragen is not None else [
            {"id": "v-post", "tekst": "Wie helpt mij met de post?", "volgorde": 2},
            {"id": "v-alleen", "tekst": "Hoe ben ik minder alleen?", "volgorde": 1},
        ]},
    }
    if piket:
        data["bijeenkomst"] = {"piketpaaltjes": [
            {"id": "k-geld", "gesteld_door": "p-joost", "kader": "mentorschap", "tekst": "Sam blijft hier wonen."},
            {"id": "k-twee", "gesteld_door": "p-joost", "kader": "bewind", "tekst": "Geld via de bewindvoerder."},
        ]}
    if versions is not None:
        data["plannen"] = [{"versie": i + 1, "datum": f"2025-0{i + 6}-12", "afspraken": a} for i, a in enumerate(versions)]
    elif afspraken is not None:
        data["plannen"] = [{"versie": 1, "datum": "2025-06-12", "afspraken": afspraken}]
    return parse_case(data)


def afspraak(aid: str, wie=(), hoe_vaak="wekelijks", vraag="v-alleen", **kw) -> dict:
    return {"id": aid, "vraag_id": vraag, "wat": kw.pop("wat", f"Afspraak {aid}"), "wie": list(wie),
            "hoe_vaak": hoe_vaak, **kw}
