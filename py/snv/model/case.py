"""Pydantic models of one SNV case: all four phases, one shared list of persons.

Field names follow DOMAIN.md (Dutch codes). Every model rejects unknown fields. Ids are stable strings;
`Case` checks that every reference points at something that exists and explains in Dutch when not.
"""
from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from ..messages import t
from .limits import MAX_LIST, MAX_NAME, MAX_PERSONS, MAX_TEXT

SCHEMA_VERSION = 1

Id = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{1,64}$")]
Name = Annotated[str, StringConstraints(max_length=MAX_NAME)]
Text = Annotated[str, StringConstraints(max_length=MAX_TEXT)]

Sector = Literal["familie", "vrienden_kennissen", "buren_buurt", "school_werk_vrije_tijd", "hulpverlening"]
SECTORS: tuple[str, ...] = Sector.__args__  # type: ignore[attr-defined]
Nabijheid = Literal["heel_dichtbij", "dichtbij", "verder_weg"]
NABIJHEDEN: tuple[str, ...] = Nabijheid.__args__  # type: ignore[attr-defined]
Kwaliteit = Literal["goed", "neutraal", "moeizaam", "conflict", "verbroken"]
KWALITEITEN: tuple[str, ...] = Kwaliteit.__args__  # type: ignore[attr-defined]
Steunsoort = Literal["praktische_hulp", "emotionele_steun", "advies_informatie", "gezelschap", "zorg"]
STEUNSOORTEN: tuple[str, ...] = Steunsoort.__args__  # type: ignore[attr-defined]
Richting = Literal["krijgt", "geeft", "wederzijds"]
RICHTINGEN: tuple[str, ...] = Richting.__args__  # type: ignore[attr-defined]
Geslacht = Literal["man", "vrouw", "anders", "onbekend"]
Soort = Literal["mens", "huisdier"]
Fase = Literal["ontmoeten", "netwerkatlas", "meedenkbijeenkomst", "basisteam"]
FASEN: tuple[str, ...] = Fase.__args__  # type: ignore[attr-defined]
Frequentie = Literal["dagelijks", "wekelijks", "maandelijks", "paar_keer_per_jaar", "zelden"]
FREQUENTIES: tuple[str, ...] = Frequentie.__args__  # type: ignore[attr-defined]


def _list(item, max_length: int = MAX_LIST):
    return Annotated[list[item], Field(default_factory=list, max_length=max_length)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False, str_strip_whitespace=False)


# ----- persons and ties (netwerkatlas core) -----

class Notitie(Model):
    tekst: Text
    door: Optional[Id] = None
    zichtbaar: Literal["iedereen", "klant_en_begeleider"] = "iedereen"


class Persoon(Model):
    id: Id
    naam: Name
    rol: Name = ""
    geslacht: Geslacht = "onbekend"
    geboortejaar: Optional[Annotated[int, Field(ge=1850, le=2200)]] = None
    overleden: bool = False
    sector: Optional[Sector] = None
    nabijheid: Optional[Nabijheid] = None  # None = not on the relatiekaart
    professioneel: bool = False
    interesses: Annotated[list[Name], Field(default_factory=list, max_length=50)]
    notities: Annotated[list[Notitie], Field(default_factory=list, max_length=500)]
    soort: Soort = "mens"


class Band(Model):
    """An unordered tie between two persons; with the client it is the line on the relatiekaart."""
    a: Id
    b: Id
    kwaliteit: Optional[Kwaliteit] = None


class Steun(Model):
    """Support between the client and one person, seen from the client."""
    persoon: Id
    soort: Steunsoort
    richting: Richting


# ----- basisposter -----

class PosterItem(Model):
    id: Id
    tekst: Text
    door: Optional[Id] = None


class Vraag(Model):
    id: Id
    tekst: Text
    volgorde: int = 0
    naar_bijeenkomst: bool = False
    eigenaar: Optional[Id] = None


class Basisposter(Model):
    sterke_punten: _list(PosterItem)
    wensen_dromen: _list(PosterItem)
    zorgen: _list(PosterItem)
    vragen: _list(Vraag)
    meedenkers: _list(Id)


# ----- familiekaart -----

class OuderKind(Model):
    ouder: Id
    kind: Id
    soort: Literal["biologisch", "adoptie", "pleeg", "stief"] = "biologisch"


class Partnerschap(Model):
    a: Id
    b: Id
    status: Literal["getrouwd", "samenwonend", "relatie", "uit_elkaar", "gescheiden"] = "relatie"


# ----- gebeurteniskaart -----

class Moment(Model):
    datum: Optional[dt.date] = None
    jaar: Optional[Annotated[int, Field(ge=1850, le=2200)]] = None
    leeftijd: Optional[Annotated[int, Field(ge=0, le=130)]] = None
    ongeveer: bool = False

    @model_validator(mode="after")
    def _exactly_one(self) -> "Moment":
        if sum(v is not None for v in (self.datum, self.jaar, self.leeftijd)) != 1:
            raise ValueError(t("err.moment_one"))
        return self


class Gebeurtenis(Model):
    id: Id
    wanneer: Optional[Moment] = None  # None = "Weet niet meer wanneer"
    titel: Name
    verhaal: Text = ""
    gevoel: Literal["fijn", "moeilijk", "allebei"] = "allebei"
    personen: _list(Id)


# ----- contactschema -----

class Contact(Model):
    persoon: Id
    hoe_vaak: Optional[Frequentie] = None
    manieren: Annotated[list[Literal["bij_elkaar", "telefoon", "berichten", "video"]],
                        Field(default_factory=list, max_length=4)]
    samen_doen: Text = ""
    tevreden: Optional[Literal["ja", "gaat_wel", "nee"]] = None
    wens: Optional[Literal["meer", "evenveel", "minder"]] = None
    dagen: Optional[Annotated[list[Literal["ma", "di", "wo", "do", "vr", "za", "zo"]], Field(max_length=7)]] = None


# ----- meedenkbijeenkomst -----

class Uitnodiging(Model):
    persoon: Id
    status: Literal["nog_vragen", "uitgenodigd", "komt", "komt_niet", "misschien"] = "nog_vragen"


class Voorstelling(Model):
    persoon: Id
    tekst: Text = ""


class InfoItem(Model):
    id: Id
    vraag: Text
    antwoord: Text = ""
    door: Optional[Id] = None


class Piketpaaltje(Model):
    id: Id
    gesteld_door: Id
    tekst: Text
    kader: Literal["curatele", "bewind", "mentorschap", "jeugdbescherming", "reclassering", "anders"] = "anders"
    oordeel: Optional[Literal["akkoord", "nog_niet"]] = None
    uitleg: Text = ""


class Afspraak(Model):
    id: Id
    vraag_id: Optional[Id] = None
    wat: Text
    wie: _list(Id, 200)  # may be empty in a draft: the plan view asks "Wie doet dit?"
    waar: Text = ""
    wanneer: Text = ""
    hoe: Text = ""
    hoe_vaak: Optional[Literal["dagelijks", "wekelijks", "maandelijks", "paar_keer_per_jaar", "zelden", "eenmalig"]] = None
    start: Optional[dt.date] = None
    evaluatie: Optional[dt.date] = None
    status: Literal["actief", "gestopt", "klaar"] = "actief"


class Plan(Model):
    versie: Annotated[int, Field(ge=1)]
    datum: dt.date
    afspraken: _list(Afspraak)


class Bijeenkomst(Model):
    datum: Optional[dt.date] = None
    plaats: Name = ""
    stap: Annotated[int, Field(ge=1, le=7)] = 1
    uitnodigingen: _list(Uitnodiging)
    aanwezig: _list(Id)
    voorstelrondje: _list(Voorstelling)
    info: _list(InfoItem)
    piketpaaltjes: _list(Piketpaaltje)
    genoteerd_door: Optional[Id] = None
    plannen: _list(Plan, 500)  # old versions are kept; the last one is current


# ----- basisteam -----

class Overleg(Model):
    id: Id
    datum: dt.date
    aanwezig: _list(Id)
    successen: _list(Text)
    zorgen: _list(Text)
    nieuwe_afspraken: _list(Id)
    plan_versie: Optional[int] = None
    volgende: Optional[dt.date] = None


class Basisteam(Model):
    leden: _list(Id)
    eerste_overleg: Optional[dt.date] = None
    overleggen: _list(Overleg)


# ----- ontmoeten and snapshots -----

class Ontmoeten(Model):
    datum: Optional[dt.date] = None
    verhaal: Text = ""


class KaartPersoon(Model):
    """What a snapshot keeps of a person: enough to redraw and compare the relatiekaart."""
    id: Id
    naam: Name
    rol: Name = ""
    sector: Optional[Sector] = None
    nabijheid: Optional[Nabijheid] = None
    professioneel: bool = False
    soort: Soort = "mens"
    overleden: bool = False


class Momentopname(Model):
    id: Id
    gemaakt: dt.datetime
    titel: Name = ""
    klant_id: Optional[Id] = None  # who was the client (files from before this field lack it)
    personen: Annotated[list[KaartPersoon], Field(default_factory=list, max_length=MAX_PERSONS)]
    banden: _list(Band)
    steun: _list(Steun)


# ----- the case -----

class Case(Model):
    schema_version: Literal[1] = SCHEMA_VERSION
    id: Id
    klant_id: Id
    fase: Fase = "ontmoeten"
    aangemaakt: Optional[dt.datetime] = None
    ontmoeten: Ontmoeten = Field(default_factory=Ontmoeten)
    personen: Annotated[list[Persoon], Field(min_length=1, max_length=MAX_PERSONS)]
    banden: _list(Band, MAX_PERSONS * 20)
    steun: _list(Steun, MAX_PERSONS * 5)
    basisposter: Basisposter = Field(default_factory=Basisposter)
    ouder_kind: _list(OuderKind)
    partners: _list(Partnerschap)
    gebeurtenissen: _list(Gebeurtenis)
    contacten: _list(Contact, MAX_PERSONS)
    bijeenkomst: Bijeenkomst = Field(default_factory=Bijeenkomst)
    basisteam: Basisteam = Field(default_factory=Basisteam)
    momentopnamen: _list(Momentopname, 200)

    # -- convenient look-ups (not stored) --
    @property
    def klant(self) -> Persoon:
        return self.persoon(self.klant_id)

    def persoon(self, pid: str) -> Persoon:
        for p in self.personen:
            if p.id == pid:
                return p
        raise KeyError(pid)

    def band(self, a: str, b: str) -> Optional[Band]:
        for band in self.banden:
            if {band.a, band.b} == {a, b}:
                return band
        return None

    @property
    def huidig_plan(self) -> Optional[Plan]:
        return self.bijeenkomst.plannen[-1] if self.bijeenkomst.plannen else None

    @model_validator(mode="after")
    def _integrity(self) -> "Case":
        check_integrity(self)
        return self


def _unique(ids, what: str) -> set:
    seen: set = set()
    for i in ids:
        if i in seen:
            raise ValueError(t("err.duplicate_id", id=i, what=what))
        seen.add(i)
    return seen


def check_integrity(case: Case) -> None:
    """Referential integrity across the whole case. Raises ValueError with a Dutch sentence."""
    people = _unique((p.id for p in case.personen), "personen")
    if case.klant_id not in people:
        raise ValueError(t("err.klant_missing", id=case.klant_id))
    professionals = {p.id for p in case.personen if p.professioneel}

    def need(pid: Optional[str], what: str) -> None:
        if pid is not None and pid not in people:
            raise ValueError(t("err.unknown_person", what=what, id=pid))

    pairs: set = set()
    for band in case.banden:
        need(band.a, "Een lijn")
        need(band.b, "Een lijn")
        if band.a == band.b:
            raise ValueError(t("err.self_band", id=band.a))
        key = frozenset((band.a, band.b))
        if key in pairs:
            raise ValueError(t("err.duplicate_band", a=band.a, b=band.b))
        pairs.add(key)
    seen_steun: set = set()
    for s in case.steun:
        need(s.persoon, "Steun")
        if (s.persoon, s.soort) in seen_steun:
            raise ValueError(t("err.duplicate_steun", soort=s.soort, id=s.persoon))
        seen_steun.add((s.persoon, s.soort))
    for p in case.personen:
        for n in p.notities:
            need(n.door, "Een notitie")

    poster = case.basisposter
    for item in (*poster.sterke_punten, *poster.wensen_dromen, *poster.zorgen):
        need(item.door, "Een kaartje op de poster")
    _unique((i.id for i in (*poster.sterke_punten, *poster.wensen_dromen, *poster.zorgen)), "de poster")
    vragen = _unique((v.id for v in poster.vragen), "vragen")
    for v in poster.vragen:
        need(v.eigenaar, "Een vraag")
    for m in poster.meedenkers:
        need(m, "Een meedenker")

    for ok in case.ouder_kind:
        need(ok.ouder, "De familiekaart")
        need(ok.kind, "De familiekaart")
        if ok.ouder == ok.kind:
            raise ValueError(t("err.self_parent", id=ok.ouder))
    _check_ancestry(case)
    for pr in case.partners:
        need(pr.a, "Een partnerlijn")
        need(pr.b, "Een partnerlijn")
        if pr.a == pr.b:
            raise ValueError(t("err.self_band", id=pr.a))

    _unique((g.id for g in case.gebeurtenissen), "gebeurtenissen")
    for g in case.gebeurtenissen:
        for pid in g.personen:
            need(pid, "Een gebeurtenis")
    seen_contact: set = set()
    for c in case.contacten:
        need(c.persoon, "Het contactschema")
        if c.persoon in seen_contact:
            raise ValueError(t("err.duplicate_contact", id=c.persoon))
        seen_contact.add(c.persoon)

    bk = case.bijeenkomst
    for u in bk.uitnodigingen:
        need(u.persoon, "Een uitnodiging")
    for pid in bk.aanwezig:
        need(pid, "De lijst van aanwezigen")
    for v in bk.voorstelrondje:
        need(v.persoon, "Het voorstelrondje")
    for i in bk.info:
        need(i.door, "De informatieronde")
    _unique((i.id for i in bk.info), "de informatieronde")
    _unique((p.id for p in bk.piketpaaltjes), "afspraken die vastliggen")
    for pk in bk.piketpaaltjes:
        need(pk.gesteld_door, "Een afspraak die vastligt")
        if pk.gesteld_door not in professionals:
            raise ValueError(t("err.piket_not_professional", id=pk.gesteld_door))
    need(bk.genoteerd_door, "Wie opschrijft")
    agreements: set = set()
    for plan in bk.plannen:
        _unique((a.id for a in plan.afspraken), f"plan versie {plan.versie}")
        for a in plan.afspraken:
            agreements.add(a.id)
            if a.vraag_id is not None and a.vraag_id not in vragen:
                raise ValueError(t("err.unknown_question", id=a.id, vraag=a.vraag_id))
            for pid in a.wie:
                need(pid, f"Afspraak '{a.id}'")

    team = case.basisteam
    for pid in team.leden:
        need(pid, "Het basisteam")
    _unique((o.id for o in team.overleggen), "overleggen")
    for o in team.overleggen:
        for pid in o.aanwezig:
            need(pid, "Een overleg")
        for aid in o.nieuwe_afspraken:
            if aid not in agreements:
                raise ValueError(t("err.unknown_agreement", datum=o.datum.isoformat(), id=aid))

    _unique((m.id for m in case.momentopnamen), "momentopnamen")
    for snap in case.momentopnamen:
        snap_people = _unique((p.id for p in snap.personen), f"momentopname '{snap.id}'")
        if snap.klant_id is not None and snap.klant_id not in snap_people:
            raise ValueError(t("err.unknown_person", what="Een momentopname", id=snap.klant_id))
        for band in snap.banden:
            for pid in (band.a, band.b):
                if pid not in snap_people:
                    raise ValueError(t("err.unknown_person", what="Een momentopname", id=pid))
        for s in snap.steun:
            if s.persoon not in snap_people:
                raise ValueError(t("err.unknown_person", what="Een momentopname", id=s.persoon))


def _check_ancestry(case: Case) -> None:
    """Reject cycles in parent → child links (iterative DFS, no recursion limit issues)."""
    children: dict[str, list[str]] = {}
    for ok in case.ouder_kind:
        children.setdefault(ok.ouder, []).append(ok.kind)
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    for root in children:
        if state.get(root):
            continue
        stack = [(root, iter(children.get(root, ())))]
        state[root] = 1
        while stack:
            node, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                state[node] = 2
                stack.pop()
            elif state.get(nxt) == 1:
                raise ValueError(t("err.ancestry_cycle", id=nxt))
            elif not state.get(nxt):
                state[nxt] = 1
                stack.append((nxt, iter(children.get(nxt, ()))))
