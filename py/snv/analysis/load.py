"""Wie draagt wat: the load per person over the active agreements of the current plan (DOMAIN.md §6).

Each active agreement weighs WEIGHTS[hoe_vaak] per month (dagelijks 30, wekelijks 4, maandelijks 1,
paar keer per jaar 0.25, zelden and eenmalig 0.1), shared equally by everyone in its `wie`. Decisions:

- An agreement without `hoe_vaak` counts like zelden/eenmalig (0.1): it exists, but we do not guess
  that it is frequent. Agreements without anyone in `wie` weigh nothing (the plan asks "Wie doet dit?").
- **Too much** (a kind warning, never for the client): with three or more people carrying something,
  more than 40 % of the total or more than 2× the median of those people. With one or two carriers
  somebody always has more than 40 %, so there the rule is "more than two thirds of the total"
  (for two: more than twice the other one). Less than about once a month (weight < 1) is never too much.
- **A minor with care tasks**: free text is hard to read for "care", so a person counts as giving
  care when the client gets `zorg` from them (Steun soort "zorg", richting krijgt or wederzijds). A
  minor (this year minus geboortejaar < 18; only the year is known) who gives care and has an active
  agreement gets a kind warning.
- **Suggestions**: people close to the client (nabijheid heel dichtbij or dichtbij), not
  professional, not deceased, not a pet, who carry nothing in the plan yet.
- **What the client gives back**: active agreements with the client in `wie`, and the people the
  client helps (Steun richting geeft or wederzijds).
"""
from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass, field
from typing import Any, Optional

from ..messages import t

WEIGHTS: dict[Optional[str], float] = {"dagelijks": 30.0, "wekelijks": 4.0, "maandelijks": 1.0,
                                       "paar_keer_per_jaar": 0.25, "zelden": 0.1, "eenmalig": 0.1, None: 0.1}
HEAVY_SHARE = 0.4  # with three or more carriers: more than this share of the total
HEAVY_MEDIAN = 2.0  # ... or more than this many times the median
FEW_SHARE = 2 / 3  # with one or two carriers
MIN_HEAVY = 1.0  # less than about once a month is never "too much"
ADULT_AGE = 18


@dataclass(frozen=True)
class LoadWarning:
    kind: str  # "veel" | "minderjarig"
    persoon: str
    text: str


@dataclass(frozen=True)
class Load:
    weights: dict[str, float]  # person id -> monthly weight (only people who carry something)
    tasks: dict[str, int]  # person id -> number of active agreements
    total: float
    median: float
    order: list[str]  # person ids by weight, heaviest first (then name, id)
    warnings: list[LoadWarning] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)  # close people who carry nothing yet
    client_agreements: list[str] = field(default_factory=list)  # active agreement ids with the client in wie
    client_helps: list[str] = field(default_factory=list)  # people the client gives support to

    def share(self, pid: str) -> float:
        return self.weights.get(pid, 0.0) / self.total if self.total else 0.0

    def belasting(self) -> list[dict[str, Any]]:
        """The figures' `belasting`: [{"persoon", "gewicht", "aandeel"}] heaviest first."""
        return [{"persoon": pid, "gewicht": round(self.weights[pid], 3), "aandeel": round(self.share(pid), 3)}
                for pid in self.order]


def weight(hoe_vaak: Optional[str]) -> float:
    return WEIGHTS.get(hoe_vaak, WEIGHTS[None])


def _names(case) -> dict[str, str]:
    return {p.id: p.naam for p in case.personen}


def _by_name(case, ids) -> list[str]:
    names = _names(case)
    return sorted(set(ids), key=lambda i: (names.get(i, "").casefold(), i))


def compute_load(case, *, today: Optional[dt.date] = None) -> Load:
    """The load of everyone in the current plan; `today` (default: today) decides who is a minor."""
    today = today or dt.date.today()
    plan = case.huidig_plan
    weights: dict[str, float] = {}
    tasks: dict[str, int] = {}
    client_agreements = []
    for a in (plan.afspraken if plan else ()):
        if a.status != "actief" or not a.wie:
            continue
        people = list(dict.fromkeys(a.wie))
        share = weight(a.hoe_vaak) / len(people)
        for pid in people:
            weights[pid] = weights.get(pid, 0.0) + share
            tasks[pid] = tasks.get(pid, 0) + 1
        if case.klant_id in people:
            client_agreements.append(a.id)
    names = _names(case)
    total = sum(weights.values())
    median = statistics.median(weights.values()) if weights else 0.0
    order = sorted(weights, key=lambda i: (-weights[i], names.get(i, "").casefold(), i))

    warnings: list[LoadWarning] = []
    carriers = len(weights)
    for pid in order:
        if pid == case.klant_id:
            continue
        w = weights[pid]
        if carriers >= 3:
            heavy = w > HEAVY_SHARE * total or w > HEAVY_MEDIAN * median
        else:
            heavy = w > FEW_SHARE * total
        if heavy and w >= MIN_HEAVY:
            warnings.append(LoadWarning("veel", pid, t("plan.load.heavy", naam=names.get(pid, "?"))))

    carers = {s.persoon for s in case.steun if s.soort == "zorg" and s.richting in ("krijgt", "wederzijds")}
    for p in case.personen:
        if (p.id in tasks and p.id in carers and p.id != case.klant_id and p.geboortejaar is not None
                and today.year - p.geboortejaar < ADULT_AGE):
            warnings.append(LoadWarning("minderjarig", p.id, t("plan.load.minor", naam=p.naam)))

    suggestions = [p.id for p in case.personen
                   if p.id != case.klant_id and p.nabijheid in ("heel_dichtbij", "dichtbij")
                   and not p.professioneel and not p.overleden and p.soort == "mens" and p.naam.strip()
                   and p.id not in weights]
    client_helps = [s.persoon for s in case.steun
                    if s.richting in ("geeft", "wederzijds") and s.persoon != case.klant_id]
    return Load(weights=weights, tasks=tasks, total=total, median=median, order=order, warnings=warnings,
                suggestions=_by_name(case, suggestions), client_agreements=client_agreements,
                client_helps=_by_name(case, client_helps))


def figures(case, *, today: Optional[dt.date] = None) -> dict[str, Any]:
    """The keys `python -m snv figures` adds: `belasting` and `waarschuwingen` (the sentences)."""
    load = compute_load(case, today=today)
    return {"belasting": load.belasting(), "waarschuwingen": [w.text for w in load.warnings]}
