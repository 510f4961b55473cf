"""What leaves the device: exports without the begeleider's private notes, optionally pseudonymised.

DOMAIN §9: begeleider notes stay out unless chosen. A pseudonymised export keeps the structure and the
figures but nothing that names or describes someone, and it is driven by the model's reference table
(model/refs.py), so a new field is covered as soon as it is declared:
- names → role word + number ("tante 1"); roles reduced to a fixed list of words (kinship words, else
  familielid / vriend / buur / school-werk / hulpverlener / huisdier / persoon from sector and kind):
  a free-text role such as "bakker op de hoek" never leaves;
- every free text dropped (a numbered placeholder or "…" keeps visible that something was filled in);
  interests become "interesse 3" so shared interests stay visible; notes are dropped entirely;
- ids renumbered (readable ids such as "p-anna" would leak names), references follow;
- dates reduced to the first of the month, date-times to the month too (no time); event dates to
  the year; birth years to an age band (stored as the birth year of the youngest age in the band, so
  minors stay minors); the legal framework of a piketpaaltje becomes "anders".
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any, Optional

from ..messages import t
from ..model import Case
from ..model.case import Moment, Persoon
from ..model.limits import MAX_NAME
from ..model.refs import FieldPlan, each_object, id_kind, plan

PRIVATE = "klant_en_begeleider"

#: kinship words kept as they are: the family map needs them and they name no one
KIN_WORDS = frozenset("""
    moeder vader ouder mama papa stiefmoeder stiefvader pleegmoeder pleegvader broer zus zuster halfbroer
    halfzus stiefbroer stiefzus pleegbroer pleegzus opa oma grootvader grootmoeder overgrootvader
    overgrootmoeder tante oom neef nicht neefje nichtje zoon dochter stiefzoon stiefdochter pleegzoon
    pleegdochter kleinzoon kleindochter kleinkind partner echtgenoot echtgenote schoonmoeder schoonvader
    schoonzus zwager schoonzoon schoondochter
""".split())

#: sector → role word of the fixed list (catalogue key store.pseudo.rol.<word>)
_SECTOR_ROLE = {"familie": "familie", "vrienden_kennissen": "vriend", "buren_buurt": "buur",
                "school_werk_vrije_tijd": "school_werk", "hulpverlening": "hulpverlener"}

#: age bands (lowest age of each band); a birth year becomes the year of the band's youngest age
AGE_BANDS = (0, 12, 18, 30, 50, 67)


def fixed_roles() -> frozenset:
    """Every role word a pseudonymised export can contain."""
    return KIN_WORDS | {t(f"store.pseudo.rol.{k}") for k in ("familie", "vriend", "buur", "school_werk",
                                                              "hulpverlener", "huisdier", "persoon")} \
        | {t("store.pseudo.klant")}


def role_word(person: dict, is_client: bool = False) -> str:
    """The fixed-list role of a (dumped) Persoon or KaartPersoon."""
    if is_client:
        return t("store.pseudo.klant")
    if person.get("soort") == "huisdier":
        return t("store.pseudo.rol.huisdier")
    word = " ".join(str(person.get("rol") or "").split()).casefold()
    if word in KIN_WORDS:
        return word
    if person.get("professioneel") or person.get("sector") == "hulpverlening":
        return t("store.pseudo.rol.hulpverlener")
    return t(f"store.pseudo.rol.{_SECTOR_ROLE.get(person.get('sector') or '', 'persoon')}")


def age_band_year(year: int, ref_year: int) -> int:
    age = max(0, ref_year - year)
    low = max(b for b in AGE_BANDS if b <= age)
    return ref_year - low


def for_export(case: Case, *, notes: bool = False, pseudonymise: bool = False,
               today: Optional[dt.date] = None) -> Case:
    """A copy of `case` fit for a file that leaves this browser. The input is not changed.

    notes=False drops notes marked "Alleen jij en de begeleider". pseudonymise=True drops all notes
    (they are free text) whatever `notes` says; `today` fixes the year age bands are counted from.
    """
    data = case.model_dump(mode="json")
    if pseudonymise:
        _Pseudonymiser(case.klant_id, (today or dt.date.today()).year).run(data)
    elif not notes:
        for p in data["personen"]:
            p["notities"] = [n for n in p["notities"] if n["zichtbaar"] != PRIVATE]
    return Case.model_validate(data)


class _Numbers:
    """Stable numbering of things: the same key always gets the same number."""

    def __init__(self, prefix: str):
        self.prefix = prefix
        self.seen: dict[Any, str] = {}

    def __call__(self, key: Any) -> str:
        if key not in self.seen:
            self.seen[key] = f"{self.prefix}{len(self.seen) + 1}"
        return self.seen[key]


def _month(value: str) -> str:
    return value[:7] + "-01"


def _month_time(value: str) -> str:
    return value[:7] + "-01T00:00:00"


class _Pseudonymiser:
    """Rewrites dumped case data in place, object by object, from the fields' declarations."""

    def __init__(self, klant_id: str, ref_year: int):
        self.klant_id = klant_id
        self.ref_year = ref_year
        self.ids: dict[str, _Numbers] = {}  # id kind -> numbering (persons shared by case and snapshots)
        self.names: dict[str, str] = {}  # old person id -> pseudonym
        self.per_role: dict[str, int] = {}
        self.interest = _Numbers("")

    def run(self, data: dict) -> None:
        each_object(Case, data, self.visit)

    def new_id(self, kind: str, old: str) -> str:
        if kind not in self.ids:
            self.ids[kind] = _Numbers("p" if kind == "persoon" else kind)
        return self.ids[kind](old)

    def name_for(self, old_id: str, person: dict) -> str:
        if old_id not in self.names:
            base = role_word(person, old_id == self.klant_id)
            if old_id == self.klant_id:
                self.names[old_id] = base
            else:
                base = base[:MAX_NAME - 8]
                nr = self.per_role[base] = self.per_role.get(base, 0) + 1
                self.names[old_id] = t("store.pseudo.naam", rol=base, nr=nr)
        return self.names[old_id]

    def visit(self, cls: type, d: dict, index: int) -> None:
        fields = plan(cls)
        old = dict(d)  # the name and role of a person are made from the values before rewriting
        nr = index + 1
        if "id" in d:
            d["id"] = self.new_id(id_kind(cls), d["id"])
            digits = re.search(r"\d+$", d["id"])
            nr = int(digits.group()) if digits else nr
        if issubclass(cls, Persoon):
            d["notities"] = []  # notes are free text about someone: none leave
        for f in fields:
            if f.model is Moment and d.get(f.name) and d[f.name].get("datum"):
                year = int(d[f.name]["datum"][:4])  # a full date can identify; the year is enough
                ok = 1850 <= year <= 2200  # the range a Moment's `jaar` allows
                d[f.name] = {**d[f.name], "datum": None, "jaar": year} if ok else None
        for f in fields:
            if f.own_id or d.get(f.name) is None:
                continue
            self.field(f, d, old, nr)

    def field(self, f: FieldPlan, d: dict, old: dict, nr: int) -> None:
        value = d[f.name]
        if f.ref is not None:
            d[f.name] = ([self.new_id(f.ref.target, v) for v in value] if f.is_list
                         else self.new_id(f.ref.target, value))
        elif f.free is not None:
            kind = f.free.kind
            if kind == "naam":  # a nameless placeholder (unknown parent) stays nameless
                d[f.name] = self.name_for(old["id"], old) if value else ""
            elif kind == "rol":
                d[f.name] = role_word(old, old.get("id") == self.klant_id)
            elif kind == "interesse":
                d[f.name] = [t("store.pseudo.interesse", nr=self.interest(str(i).strip().casefold()))
                             for i in value]
            elif f.is_list:
                d[f.name] = [self.blank(text, f.free.placeholder, i) for i, text in enumerate(value, 1)]
            else:
                d[f.name] = self.blank(value, f.free.placeholder, nr)
        elif f.sensitive is not None:
            if f.sensitive.kind == "neutral":
                d[f.name] = f.sensitive.value
            elif f.sensitive.kind == "birth_year":
                d[f.name] = age_band_year(value, self.ref_year)
        elif f.leaf is dt.datetime:
            d[f.name] = _month_time(value)
        elif f.leaf is dt.date:
            d[f.name] = _month(value)

    @staticmethod
    def blank(text: str, placeholder: Optional[str], nr: int) -> str:
        """Free text is dropped, but whether something was filled in stays visible ("Wanneer?" gaps)."""
        if not text:
            return ""
        return t(placeholder, nr=nr) if placeholder else t("store.pseudo.weggelaten")
