"""Pydantic models of one SNV case: all four phases, one shared list of persons.

Field names follow DOMAIN.md (Dutch codes). Every model rejects unknown fields and is frozen (edits
make new objects, see ops.py). Ids are stable strings. Each field that points at another object is
declared once with a `Ref` marker, and each text field with a `Free` marker (model/refs.py): the
integrity check, remove-person and the pseudonymised export are driven by these declarations.
"""
from __future__ import annotations

import datetime as dt
import unicodedata
import weakref
from collections.abc import Iterable
from typing import Annotated, Any, ClassVar, Final, Literal, Optional, get_args

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, model_validator

from ..messages import t
from .limits import MAX_LIST, MAX_NAME, MAX_PERSONS, MAX_TEXT
from .refs import Free, OnRemove, Ref, Sensitive, find_dangling

#: the schema version this app writes; the only place the number is spelled (migrate.py steps up to it).
#: A Literal type, not `Literal[SCHEMA_VERSION]`: mypy accepts no names inside Literal[...].
SchemaVersion = Literal[3]
SCHEMA_VERSION: Final[SchemaVersion] = get_args(SchemaVersion)[0]

# Invisible characters that can reverse the app's own text (bidi controls) or make two names look the
# same while differing (zero-width, soft hyphen, BOM). They are removed from every text on validation.
_INVISIBLE = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C,
                            0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD])


def clean_text(value: object) -> object:
    """NFC-normalised text without bidi controls or zero-width characters (non-text passes on, so
    validation explains it)."""
    if not isinstance(value, str):
        return value
    value = value.translate(_INVISIBLE)
    return value if unicodedata.is_normalized("NFC", value) else unicodedata.normalize("NFC", value)


_Clean = BeforeValidator(clean_text)
Id = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{1,64}$")]
Name = Annotated[str, _Clean, StringConstraints(max_length=MAX_NAME)]
Text = Annotated[str, _Clean, StringConstraints(max_length=MAX_TEXT)]
Year = Annotated[int, Field(ge=1850, le=2200, strict=True)]  # strict: "1987" in a file is refused


# free-text kinds (see refs.Free)
TextFree = Annotated[Text, Free("tekst")]
NameFree = Annotated[Name, Free("tekst")]


def _person_ref(what: str, on_remove: OnRemove = "clear", group: Optional[str] = None) -> Ref:
    """The marker of an Id that points at a Persoon (in a snapshot: at one of the snapshot's persons):
    `Annotated[Id, _person_ref(...)]`."""
    return Ref("persoon", what, on_remove, group)


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


def _list_field(max_length: int = MAX_LIST) -> Any:
    """The field of a list that starts empty and holds at most `max_length` items:
    `name: list[X] = _list_field()`. (A default given inside `Annotated` is invisible to the pydantic
    mypy plugin, which would then ask every caller for the list; `Field` itself returns Any too.)"""
    return Field(default_factory=list, max_length=max_length)


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


class _OnMap:
    """The one meaning of "this person is on the relatiekaart", for persons and snapshot persons.
    (No field annotations here: pydantic would take them as fields and change the field order.)"""

    @property
    def op_kaart(self) -> bool:
        """Placed in a slice and a ring. (Someone with only a sector is in the list, not on the map.)"""
        return self.sector is not None and self.nabijheid is not None  # type: ignore[attr-defined]


# ----- persons and ties (netwerkatlas core) -----

class Notitie(Model):
    tekst: TextFree
    door: Optional[Annotated[Id, _person_ref("ref.notitie")]] = None
    zichtbaar: Literal["iedereen", "klant_en_begeleider"] = "iedereen"


class Persoon(_OnMap, Model):
    ref_target: ClassVar[str] = "persoon"
    id: Id
    naam: Annotated[Name, Free("naam")]
    rol: Annotated[Name, Free("rol")] = ""
    geslacht: Geslacht = "onbekend"
    geboortejaar: Optional[Annotated[Year, Sensitive("birth_year")]] = None
    overleden: bool = False
    sector: Optional[Sector] = None
    nabijheid: Optional[Nabijheid] = None  # None = not on the relatiekaart
    professioneel: bool = False
    interesses: list[Annotated[Name, Free("interesse")]] = _list_field(50)
    notities: list[Notitie] = _list_field(500)
    soort: Soort = "mens"


class Band(Model):
    """An unordered tie between two persons; with the client it is the line on the relatiekaart."""
    a: Annotated[Id, _person_ref("ref.band", "owner", "banden")]
    b: Annotated[Id, _person_ref("ref.band", "owner", "banden")]
    kwaliteit: Optional[Kwaliteit] = None


class Steun(Model):
    """Support between the client and one person, seen from the client."""
    persoon: Annotated[Id, _person_ref("ref.steun", "owner", "steun")]
    soort: Steunsoort
    richting: Richting


# ----- basisposter -----

class PosterItem(Model):
    id: Id
    tekst: Annotated[Text, Free("tekst", "store.pseudo.kaartje")]
    door: Optional[Annotated[Id, _person_ref("ref.poster")]] = None


class Vraag(Model):
    ref_target: ClassVar[str] = "vraag"
    id: Id
    tekst: Annotated[Text, Free("tekst", "store.pseudo.vraag")]
    volgorde: Annotated[int, Field(strict=True)] = 0
    naar_bijeenkomst: bool = False
    eigenaar: Optional[Annotated[Id, _person_ref("ref.vraag")]] = None


class Basisposter(Model):
    sterke_punten: list[PosterItem] = _list_field()
    wensen_dromen: list[PosterItem] = _list_field()
    zorgen: list[PosterItem] = _list_field()
    vragen: list[Vraag] = _list_field()
    meedenkers: list[Annotated[Id, _person_ref("ref.meedenker", "entry")]] = _list_field()


# ----- familiekaart -----

class OuderKind(Model):
    ouder: Annotated[Id, _person_ref("ref.familie", "owner", "familie")]
    kind: Annotated[Id, _person_ref("ref.familie", "owner", "familie")]
    soort: Literal["biologisch", "adoptie", "pleeg", "stief"] = "biologisch"


class Partnerschap(Model):
    a: Annotated[Id, _person_ref("ref.partner", "owner", "familie")]
    b: Annotated[Id, _person_ref("ref.partner", "owner", "familie")]
    status: Literal["getrouwd", "samenwonend", "relatie", "uit_elkaar", "gescheiden"] = "relatie"


# ----- gebeurteniskaart -----

class Moment(Model):
    datum: Optional[dt.date] = None
    jaar: Optional[Year] = None
    leeftijd: Optional[Annotated[int, Field(strict=True, ge=0, le=130)]] = None
    ongeveer: bool = False

    @model_validator(mode="after")
    def _exactly_one(self) -> "Moment":
        if sum(v is not None for v in (self.datum, self.jaar, self.leeftijd)) != 1:
            raise ValueError(t("err.moment_one"))
        return self


class Gebeurtenis(Model):
    id: Id
    wanneer: Optional[Moment] = None  # None = "Weet niet meer wanneer"
    titel: Annotated[Name, Free("tekst", "store.pseudo.gebeurtenis")]
    verhaal: TextFree = ""
    gevoel: Literal["fijn", "moeilijk", "allebei"] = "allebei"
    personen: list[Annotated[Id, _person_ref("ref.gebeurtenis", "entry", "gebeurtenissen")]] = _list_field()


# ----- contactschema -----

class Contact(Model):
    persoon: Annotated[Id, _person_ref("ref.contact", "owner", "contacten")]
    hoe_vaak: Optional[Frequentie] = None
    manieren: list[Literal["bij_elkaar", "telefoon", "berichten", "video"]] = _list_field(4)
    samen_doen: TextFree = ""
    tevreden: Optional[Literal["ja", "gaat_wel", "nee"]] = None
    wens: Optional[Literal["meer", "evenveel", "minder"]] = None
    dagen: Optional[Annotated[list[Literal["ma", "di", "wo", "do", "vr", "za", "zo"]], Field(max_length=7)]] = None


# ----- meedenkbijeenkomst -----

class Uitnodiging(Model):
    persoon: Annotated[Id, _person_ref("ref.uitnodiging", "owner")]
    status: Literal["nog_vragen", "uitgenodigd", "komt", "komt_niet", "misschien"] = "nog_vragen"


class Voorstelling(Model):
    persoon: Annotated[Id, _person_ref("ref.voorstelrondje", "owner")]
    tekst: TextFree = ""


class InfoItem(Model):
    id: Id
    vraag: Annotated[Text, Free("tekst", "store.pseudo.info")]
    antwoord: TextFree = ""
    door: Optional[Annotated[Id, _person_ref("ref.info")]] = None


class Piketpaaltje(Model):
    id: Id
    gesteld_door: Annotated[Id, _person_ref("ref.piketpaaltje", "owner", "piketpaaltjes")]
    tekst: Annotated[Text, Free("tekst", "store.pseudo.piketpaaltje")]
    kader: Annotated[Literal["curatele", "bewind", "mentorschap", "jeugdbescherming", "reclassering", "anders"],
                     Sensitive("neutral", "anders")] = "anders"
    oordeel: Optional[Literal["akkoord", "nog_niet"]] = None
    uitleg: TextFree = ""


class Afspraak(Model):
    ref_target: ClassVar[str] = "afspraak"
    id: Id
    vraag_id: Optional[Annotated[Id, Ref("vraag", "ref.afspraak_vraag", "clear", None,
                                         "err.unknown_ref_question")]] = None
    wat: Annotated[Text, Free("tekst", "store.pseudo.afspraak")]
    # may be empty in a draft: the plan view asks "Wie doet dit?"
    wie: list[Annotated[Id, _person_ref("ref.afspraak_wie", "entry", "afspraken")]] = _list_field(200)
    waar: TextFree = ""
    wanneer: TextFree = ""
    hoe: TextFree = ""
    hoe_vaak: Optional[Literal["dagelijks", "wekelijks", "maandelijks", "paar_keer_per_jaar", "zelden", "eenmalig"]] = None
    start: Optional[dt.date] = None
    evaluatie: Optional[dt.date] = None
    status: Literal["actief", "gestopt", "klaar"] = "actief"


class Plan(Model):
    """One version of the plan. Made in the meedenkbijeenkomst and changed by the basisteam, so plans
    live at the top of the case (schema 2); versions are unique and increase in list order."""
    versie: Annotated[int, Field(strict=True, ge=1)]
    datum: dt.date
    afspraken: list[Afspraak] = _list_field()


class Privetijd(Model):
    """One stretch of *Tijd zonder begeleider* (schema 3): it starts with one tap and ends only by the
    deliberate *De begeleider komt terug* (einde is then set). While the last one has no einde, the
    app shows only the questions, the piketpaaltjes and the plan, also after a reload."""
    begin: dt.datetime
    einde: Optional[dt.datetime] = None


class Bijeenkomst(Model):
    datum: Optional[dt.date] = None
    tijd: Optional[dt.time] = None  # the hour of the meeting (schema 3), for the invitation
    plaats: NameFree = ""
    stap: Annotated[int, Field(strict=True, ge=1, le=7)] = 1
    uitnodigingen: list[Uitnodiging] = _list_field()
    aanwezig: list[Annotated[Id, _person_ref("ref.aanwezig", "entry")]] = _list_field()
    voorstelrondje: list[Voorstelling] = _list_field()
    info: list[InfoItem] = _list_field()
    piketpaaltjes: list[Piketpaaltje] = _list_field()
    genoteerd_door: Optional[Annotated[Id, _person_ref("ref.genoteerd_door")]] = None
    privetijd: list[Privetijd] = _list_field(100)  # schema 3; the last one open = privétijd now

    @property
    def in_privetijd(self) -> bool:
        """Tijd zonder begeleider is on now: the last stretch has no end yet."""
        return bool(self.privetijd) and self.privetijd[-1].einde is None

    @model_validator(mode="after")
    def _privetijd_order(self) -> "Bijeenkomst":
        previous: Optional[dt.datetime] = None
        for i, stretch in enumerate(self.privetijd):
            if stretch.einde is None and i != len(self.privetijd) - 1:
                raise ValueError(t("bijeenkomst.err.privetijd_open"))
            if (stretch.einde is not None and stretch.einde < stretch.begin) or \
                    (previous is not None and stretch.begin < previous):
                raise ValueError(t("bijeenkomst.err.privetijd_order"))
            previous = stretch.einde or stretch.begin
        return self


# ----- basisteam -----

class Overleg(Model):
    id: Id
    datum: dt.date
    aanwezig: list[Annotated[Id, _person_ref("ref.overleg", "entry")]] = _list_field()
    successen: list[Annotated[Text, Free("tekst", "store.pseudo.succes")]] = _list_field()
    zorgen: list[Annotated[Text, Free("tekst", "store.pseudo.zorg")]] = _list_field()
    nieuwe_afspraken: list[Annotated[Id, Ref("afspraak", "ref.overleg_afspraak", "entry", None,
                                             "err.unknown_ref_agreement")]] = _list_field()
    plan_versie: Optional[Annotated[int, Field(strict=True, ge=1)]] = None  # a Plan.versie (checked in check_integrity)
    volgende: Optional[dt.date] = None


class Basisteam(Model):
    leden: list[Annotated[Id, _person_ref("ref.basisteam", "entry", "basisteam")]] = _list_field()
    eerste_overleg: Optional[dt.date] = None
    overleggen: list[Overleg] = _list_field()


# ----- ontmoeten and snapshots -----

class Ontmoeten(Model):
    datum: Optional[dt.date] = None
    verhaal: TextFree = ""


class KaartPersoon(_OnMap, Model):
    """What a snapshot keeps of a person: enough to redraw and compare the relatiekaart."""
    ref_target: ClassVar[str] = "persoon"
    id: Id
    naam: Annotated[Name, Free("naam")]
    rol: Annotated[Name, Free("rol")] = ""
    sector: Optional[Sector] = None
    nabijheid: Optional[Nabijheid] = None
    professioneel: bool = False
    soort: Soort = "mens"
    overleden: bool = False


class Momentopname(Model):
    """A dated copy of the relatiekaart. Its references point at its own `personen` (history keeps
    people removed later), so walkers of the case do not enter it (`ref_scope`)."""
    ref_scope: ClassVar[bool] = True
    id: Id
    gemaakt: dt.datetime
    titel: Annotated[Name, Free("tekst", "store.pseudo.momentopname")] = ""
    klant_id: Annotated[Id, _person_ref("ref.momentopname", "never")]  # required since schema 2
    personen: list[KaartPersoon] = _list_field(MAX_PERSONS)
    banden: list[Band] = _list_field()
    steun: list[Steun] = _list_field()


# ----- the case -----

class Case(Model):
    schema_version: SchemaVersion = SCHEMA_VERSION
    id: Id
    klant_id: Annotated[Id, _person_ref("ref.klant", "never")]
    fase: Fase = "ontmoeten"
    aangemaakt: Optional[dt.datetime] = None
    ontmoeten: Ontmoeten = Field(default_factory=Ontmoeten)
    personen: Annotated[list[Persoon], Field(min_length=1, max_length=MAX_PERSONS)]
    banden: list[Band] = _list_field(MAX_PERSONS * 20)
    steun: list[Steun] = _list_field(MAX_PERSONS * 5)
    basisposter: Basisposter = Field(default_factory=Basisposter)
    ouder_kind: list[OuderKind] = _list_field()
    partners: list[Partnerschap] = _list_field()
    gebeurtenissen: list[Gebeurtenis] = _list_field()
    contacten: list[Contact] = _list_field(MAX_PERSONS)
    bijeenkomst: Bijeenkomst = Field(default_factory=Bijeenkomst)
    plannen: list[Plan] = _list_field(500)  # old versions are kept; the highest version is current
    basisteam: Basisteam = Field(default_factory=Basisteam)
    momentopnamen: list[Momentopname] = _list_field(200)

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

    def klant_lijn(self, pid: str) -> Optional[Kwaliteit]:
        """The quality of the client's line to `pid` on the relatiekaart (None: no line, or no
        quality chosen)."""
        band = self.band(self.klant_id, pid)
        return band.kwaliteit if band is not None else None  # the same line client_ties() reads

    @property
    def huidig_plan(self) -> Optional[Plan]:
        """The plan with the highest version: the last one (check_integrity keeps versions rising)."""
        return self.plannen[-1] if self.plannen else None

    @model_validator(mode="after")
    def _integrity(self) -> "Case":
        check_integrity(self)
        return self


def _unique(ids, what: str) -> set:
    ids = list(ids)
    seen = set(ids)
    if len(seen) != len(ids):
        seen = set()
        for i in ids:
            if i in seen:
                raise ValueError(t("err.duplicate_id", id=i, what=what))
            seen.add(i)
    return seen


def _check_refs(model: BaseModel, targets: dict[str, set], what: Optional[str] = None) -> None:
    """Every reference declared in the schema (refs.Ref) must point at an existing object."""
    found = find_dangling(model, targets)
    if found is not None:
        owner, ref, value = found
        raise ValueError(t(ref.error, what=t(what or ref.what, owner=owner), id=value))


# Cases that passed check_integrity, by identity. Models are frozen and edits make new objects, so a
# case that passed once stays valid: App.apply's defence-in-depth check of a case that ops._with (or
# loading) just checked costs nothing. A weak map: a case no longer used is not kept alive.
_CHECKED: "weakref.WeakValueDictionary[int, Case]" = weakref.WeakValueDictionary()


def check_integrity(case: Case) -> None:
    """Whole-case consistency: every reference points at something that exists (driven by the
    reference table), ids are unique, and the rules that are not references. Raises ValueError with
    a Dutch sentence. Runs on every load and on every edit (ops._with), so it must stay linear;
    the same object is checked once."""
    if _CHECKED.get(id(case)) is case:
        return
    _check_integrity(case)
    _CHECKED[id(case)] = case


def _check_integrity(case: Case) -> None:
    people = _unique([p.id for p in case.personen], "personen")
    if case.klant_id not in people:
        raise ValueError(t("err.klant_missing", id=case.klant_id))
    poster = case.basisposter
    _unique((i.id for i in (*poster.sterke_punten, *poster.wensen_dromen, *poster.zorgen)), "de poster")
    vragen = _unique((v.id for v in poster.vragen), "vragen")
    agreements: set = set()
    previous = 0
    for plan in case.plannen:
        if plan.versie <= previous:
            raise ValueError(t("err.plan_versions", versie=plan.versie, vorige=previous))
        previous = plan.versie
        agreements |= _unique((a.id for a in plan.afspraken), f"plan versie {plan.versie}")
    _check_refs(case, {"persoon": people, "vraag": vragen, "afspraak": agreements})

    # set sizes first, loops only to name the culprit: this runs on every edit of a big case
    ends = [(b.a, b.b) for b in case.banden]
    pairs = {(a, b) if a < b else (b, a) for a, b in ends}
    if len(pairs) != len(ends):
        seen: set = set()
        for a, b in ends:
            if a == b:
                raise ValueError(t("err.self_band", id=a))
            key = (a, b) if a < b else (b, a)
            if key in seen:
                raise ValueError(t("err.duplicate_band", a=a, b=b))
            seen.add(key)
    self_tie = next((a for a, b in ends if a == b), None)
    if self_tie is not None:
        raise ValueError(t("err.self_band", id=self_tie))
    kinds = [(s.persoon, s.soort) for s in case.steun]
    if len(set(kinds)) != len(kinds):
        seen = set()
        for pid, soort in kinds:
            if (pid, soort) in seen:
                raise ValueError(t("err.duplicate_steun", soort=soort, id=pid))
            seen.add((pid, soort))
    for ok in case.ouder_kind:
        if ok.ouder == ok.kind:
            raise ValueError(t("err.self_parent", id=ok.ouder))
    _check_ancestry(case)
    for pr in case.partners:
        if pr.a == pr.b:
            raise ValueError(t("err.self_band", id=pr.a))
    _unique((g.id for g in case.gebeurtenissen), "gebeurtenissen")
    seen_contact: set = set()
    for c in case.contacten:
        if c.persoon in seen_contact:
            raise ValueError(t("err.duplicate_contact", id=c.persoon))
        seen_contact.add(c.persoon)

    bk = case.bijeenkomst
    _unique((i.id for i in bk.info), "de informatieronde")
    _unique((p.id for p in bk.piketpaaltjes), "afspraken die vastliggen")
    professionals = {p.id for p in case.personen if p.professioneel} if bk.piketpaaltjes else set()
    for pk in bk.piketpaaltjes:
        if pk.gesteld_door not in professionals:
            raise ValueError(t("err.piket_not_professional", id=pk.gesteld_door))

    versions = {p.versie for p in case.plannen}
    _unique((o.id for o in case.basisteam.overleggen), "overleggen")
    for o in case.basisteam.overleggen:
        if o.plan_versie is not None and o.plan_versie not in versions:
            raise ValueError(t("err.unknown_plan_version", datum=o.datum.isoformat(), versie=o.plan_versie))

    _unique((m.id for m in case.momentopnamen), "momentopnamen")
    for snap in case.momentopnamen:
        snap_people = _unique((p.id for p in snap.personen), f"momentopname '{snap.id}'")
        _check_refs(snap, {"persoon": snap_people}, "ref.momentopname")


def ancestry_cycle(links: Iterable[tuple[str, str]]) -> Optional[str]:
    """A person who is their own ancestor through the (parent, child) `links`, or None (iterative
    depth-first search: a hostile file's long chains hit no recursion limit)."""
    children: dict[str, list[str]] = {}
    for ouder, kind in links:
        children.setdefault(ouder, []).append(kind)
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
                return nxt
            elif not state.get(nxt):
                state[nxt] = 1
                stack.append((nxt, iter(children.get(nxt, ()))))
    return None


def _check_ancestry(case: Case) -> None:
    """Reject cycles in parent → child links."""
    found = ancestry_cycle((ok.ouder, ok.kind) for ok in case.ouder_kind)
    if found is not None:
        raise ValueError(t("err.ancestry_cycle", id=found))


def client_ties(banden: "list[Band]", klant_id: str) -> "tuple[dict[str, Optional[str]], list[Band]]":
    """Split ties into {person id: quality of their line with the client} and the ties between others.
    One meaning for the client's lines, for a case and for a Momentopname alike."""
    quality: dict[str, Optional[str]] = {}
    others: list[Band] = []
    for b in banden:
        if b.a == klant_id:
            quality[b.b] = b.kwaliteit
        elif b.b == klant_id:
            quality[b.a] = b.kwaliteit
        else:
            others.append(b)
    return quality, others
