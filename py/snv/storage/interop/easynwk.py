"""easyNWK Web save files → a case (the live relatiekaart plus one snapshot per saved version).

The save file is JSON (a UTF-8 BOM is allowed): either a record
`{"versions": [{"id", "title", "date", "nwk": {...}}], "currentVersion": id}` or, from older versions
of easyNWK, one `nwk` object `{"ego", "alteri", "connections" | "relations"}`. The mapping:
- `ego` → the client (name, gender, a note; `age` as birth year when it is a number of years);
- each alter → a person: `name`, `role` (kept as written: the client's own words), `currentGender`,
  `deceased`, `note` (a note for the client and the begeleider), `human: false` → a pet;
- sector from `angle` (degrees from the x-axis, −180..180; easyNWK's four quarters: family top right,
  friends top left, colleagues bottom left, professional help bottom right, which also makes the
  person professioneel) and ring from `distance` (0..100, ≤ 0: not on the map);
- `edgeType` to the client (0 none, 1 a line, 2 a strong line: kwaliteit goed; `conflict`: conflict),
  `connections` → ties between members, support fields (0 none, 1 the client helps, 2 helps the
  client, 3 both; `true` counts as 2) → kinds of support;
- every version → a dated snapshot, the current version → the live map.
Fields we do not know are ignored and counted. German roles stay as written; `translate_roles`
applies the small table below when the user asks for it.
"""
from __future__ import annotations

import datetime as dt
import math
from typing import Any, Optional

from ...messages import t
from ...model import SCHEMA_VERSION, Case, CaseError, parse_case
from ...model.load import new_id
from ...model.limits import MAX_NAME, MAX_PERSONS, MAX_TEXT
from ..jsonio import loads_json
from .imported import Imported

MAX_VERSIONS = 200  # Case.momentopnamen holds at most this many
KLANT = "ego"

# Known fields per object. Those we read are mapped; the rest are known parts of easyNWK's own
# bookkeeping (editing state, defaults, display) that mean nothing for the network: not counted.
_RECORD = {"versions", "currentVersion", "size"}
_VERSION = {"id", "title", "date", "nwk"}
_NWK = {"ego", "alteri", "connections", "relations", "editIndex", "editTab", "version", "horizon"}
_EGO = {"name", "age", "currentGender", "note", "genderDefault", "emoji"}
_CONNECTION = {"id1", "id2", "version"}
_SUPPORT = {  # easyNWK field → our kind of support (both material and practical help are praktische_hulp)
    "supportEmotional": "emotionele_steun",
    "supportCognitive": "advies_informatie",
    "supportInformational": "advies_informatie",
    "supportSocial": "gezelschap",
    "supportMaterial": "praktische_hulp",
    "supportPractical": "praktische_hulp",
    "supportInstrumental": "praktische_hulp",
}
_ALTER = {"id", "name", "role", "roleDefault", "human", "currentGender", "genderDefault", "age", "note",
          "deceased", "edgeType", "edgeTypeDefault", "edgeTypeByUser", "angle", "distance", "emoji", "conflict",
          *_SUPPORT}
_GENDER = {"weiblich": "vrouw", "männlich": "man", "divers": "anders", "nicht festgelegt": "onbekend",
           "female": "vrouw", "male": "man", "diverse": "anders", "not specified": "onbekend"}
_NOT_HUMAN = {"kein Mensch", "not human"}
#: support value → direction seen from the client (1: "Ich unterstütze X", 2: "X unterstützt mich", 3: both)
_DIRECTION = {1: "geeft", 2: "krijgt", 3: "wederzijds"}

# German roles easyNWK offers (and a few everyday variants) → Dutch role words; a tuple is
# (man, vrouw, anyone else) for roles that easyNWK writes for both (Nachbar*in).
ROLES_DE: dict[str, Any] = {
    "mutter": "moeder", "vater": "vader", "mama": "mama", "papa": "papa",
    "stiefmutter": "stiefmoeder", "stiefvater": "stiefvader", "pflegemutter": "pleegmoeder",
    "pflegevater": "pleegvader", "adoptivmutter": "adoptiefmoeder", "adoptivvater": "adoptiefvader",
    "schwester": "zus", "bruder": "broer", "halbschwester": "halfzus", "halbbruder": "halfbroer",
    "stiefschwester": "stiefzus", "stiefbruder": "stiefbroer", "pflegeschwester": "pleegzus",
    "pflegebruder": "pleegbroer", "adoptivschwester": "adoptiefzus", "adoptivbruder": "adoptiefbroer",
    "tochter": "dochter", "sohn": "zoon", "stieftochter": "stiefdochter", "stiefsohn": "stiefzoon",
    "pflegetochter": "pleegdochter", "pflegesohn": "pleegzoon", "adoptivtochter": "adoptiefdochter",
    "adoptivsohn": "adoptiefzoon", "großmutter": "oma", "großvater": "opa", "oma": "oma", "opa": "opa",
    "urgroßmutter": "overgrootmoeder", "urgroßvater": "overgrootvader", "enkelkind": "kleinkind",
    "enkel": "kleinzoon", "enkelin": "kleindochter", "urenkelkind": "achterkleinkind",
    "tante": "tante", "onkel": "oom", "cousin*e": ("neef", "nicht", "neef of nicht"), "cousin": "neef",
    "cousine": "nicht", "nichte": "nicht", "neffe": "neef", "ehefrau": "echtgenote", "ehemann": "echtgenoot",
    "partner*in": "partner", "partner": "partner", "partnerin": "partner", "lebensgefährt*in": "partner",
    "ex-partner*in": "ex-partner", "schwiegermutter": "schoonmoeder", "schwiegervater": "schoonvader",
    "schwiegertochter": "schoondochter", "schwiegersohn": "schoonzoon",
    "schwager/schwägerin": ("zwager", "schoonzus", "zwager of schoonzus"), "schwager": "zwager",
    "schwägerin": "schoonzus", "familienangehörige*r": "familielid",
    "freund*in": ("vriend", "vriendin", "vriend"), "freund": "vriend", "freundin": "vriendin",
    "nachbar*in": ("buurman", "buurvrouw", "buur"), "nachbar": "buurman", "nachbarin": "buurvrouw",
    "bekannte*r": "kennis", "bekannte": "kennis", "bekannter": "kennis",
    "kolleg*in": "collega", "kollege": "collega", "kollegin": "collega", "arbeitskolleg*in": "collega",
    "schulkolleg*in": "klasgenoot", "studienkolleg*in": "studiegenoot", "ausbildungskolleg*in": "collega",
    "vereinskolleg*in": "clubgenoot", "mitbewohner*in": "huisgenoot",
    "prof. helfer*in": "hulpverlener", "ärzt*in": "arts", "arzt": "arts", "ärztin": "arts",
    "psycholog*in": "psycholoog", "psychotherapeut*in": "psychotherapeut",
    "sozialarbeiter*in": "maatschappelijk werker", "berater*in / betreuer*in": "begeleider",
    "betreuer*in": "begeleider", "physiotherapeut*in": "fysiotherapeut", "ergotherapeut*in": "ergotherapeut",
    "pflegefachkraft": "verpleegkundige", "gesetz. erwachsenenvertretung": "wettelijk vertegenwoordiger",
}


def _role_key(role: str) -> str:
    return " ".join(role.split()).casefold()


def dutch_role(role: str, geslacht: str = "onbekend") -> Optional[str]:
    """The Dutch word for a German role of the table (None when the role is not in it)."""
    found = ROLES_DE.get(_role_key(role))
    if isinstance(found, tuple):
        return found[0] if geslacht == "man" else found[1] if geslacht == "vrouw" else found[2]
    return found


def role_offer(role: str) -> Optional[str]:
    """How the preview shows the translation of `role`: "buurman / buurvrouw" for a gendered one."""
    found = ROLES_DE.get(_role_key(role))
    if isinstance(found, tuple):
        return f"{found[0]} / {found[1]}"
    return found


def translate_roles(case: Case) -> Case:
    """The case with every German role of the table in Dutch (persons and snapshots); other roles,
    the client's own words, stay as they are."""
    data = case.model_dump()
    gender = {p["id"]: p["geslacht"] for p in data["personen"]}
    for p in data["personen"]:
        p["rol"] = dutch_role(p["rol"], p["geslacht"]) or p["rol"]
    for snap in data["momentopnamen"]:
        for p in snap["personen"]:
            p["rol"] = dutch_role(p["rol"], gender.get(p["id"], "onbekend")) or p["rol"]
    return Case.model_validate(data)


# ----- reading -----

def looks_like_easynwk(data: object) -> bool:
    """Decoded JSON that is an easyNWK record or a single easyNWK network."""
    if not isinstance(data, dict):
        return False
    return ("versions" in data and "currentVersion" in data) or ("ego" in data and "alteri" in data)


def read_easynwk(raw: bytes | str, *, today: Optional[dt.date] = None) -> Imported:
    """An easyNWK save file (bytes or text) as an Imported; CaseError in Dutch for anything else."""
    return from_data(loads_json(raw), today=today)


def _fail(key: str, **values: Any) -> CaseError:
    return CaseError(t("interop.nwk.err.wrong", detail=t(key, **values)))


class _Reader:
    """Walks the decoded JSON once; remembers unknown fields."""

    def __init__(self) -> None:
        self.unknown: dict[str, int] = {}

    def note_unknown(self, obj: dict, known: set) -> None:
        for key in obj:
            if key not in known:
                name = str(key)[:40]
                self.unknown[name] = self.unknown.get(name, 0) + 1

    # typed getters: a value of the wrong type is a clear error naming the place
    def obj(self, value: Any, where: str) -> dict:
        if not isinstance(value, dict):
            raise _fail("interop.nwk.err.not_object", where=where)
        return value

    def items(self, value: Any, where: str) -> list:
        if value is None:
            return []
        if not isinstance(value, list):
            raise _fail("interop.nwk.err.not_list", where=where)
        return value

    def text(self, obj: dict, key: str, where: str, limit: int = MAX_NAME) -> str:
        value = obj.get(key)
        if value is None:
            return ""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)  # a name or age typed as a number: the same text
        if not isinstance(value, str):
            raise _fail("interop.nwk.err.not_text", where=where, field=key)
        return " ".join(value.split())[:limit] if limit == MAX_NAME else value.strip()[:limit]

    def number(self, obj: dict, key: str, where: str, default: float = 0.0) -> float:
        value = obj.get(key)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise _fail("interop.nwk.err.not_number", where=where, field=key)
        return float(value)

    def flag(self, obj: dict, key: str, where: str, default: bool = False) -> bool:
        value = obj.get(key)
        if value is None:
            return default
        if isinstance(value, bool):
            return value
        if value in (0, 1):
            return bool(value)
        raise _fail("interop.nwk.err.not_flag", where=where, field=key)


def from_data(data: object, *, today: Optional[dt.date] = None) -> Imported:
    """Decoded JSON of an easyNWK file as an Imported (CaseError in Dutch when it is not one)."""
    if not looks_like_easynwk(data):
        raise CaseError(t("interop.nwk.err.not_easynwk"))
    assert isinstance(data, dict)
    r = _Reader()
    today = today or dt.date.today()
    if "versions" in data:
        r.note_unknown(data, _RECORD)
        versions = r.items(data["versions"], t("interop.nwk.where.versions"))
        if not versions:
            raise _fail("interop.nwk.err.no_versions")
        if len(versions) > MAX_VERSIONS:
            raise _fail("interop.nwk.err.too_many_versions", count=len(versions), max=MAX_VERSIONS)
        current_id = data.get("currentVersion")
        parsed = []
        for i, v in enumerate(versions):
            where = t("interop.nwk.where.version", nr=i + 1)
            v = r.obj(v, where)
            r.note_unknown(v, _VERSION)
            nwk = r.obj(v.get("nwk"), where)
            vid = v.get("id", i + 1)
            parsed.append((vid, r.text(v, "title", where), _date(v.get("date")), nwk, where))
        current = next((p for p in parsed if p[0] == current_id and not isinstance(current_id, bool)), parsed[-1])
    else:
        parsed = [(1, "", None, data, t("interop.nwk.where.file"))]
        current = parsed[0]
    networks = [(title, when, _network(r, nwk, where, (when or today).year)) for _vid, title, when, nwk, where in parsed]
    live = networks[parsed.index(current)][2]
    case = _case(live, networks, today)
    translations = {p.rol: offer for p in case.personen if p.rol and (offer := role_offer(p.rol)) and offer != p.rol}
    dangling = sum(net["dangling"] for _title, _when, net in networks)
    return Imported(kind="easynwk", case=case, skipped={"links": dangling} if dangling else {}, unknown=r.unknown,
                    translations=dict(sorted(translations.items())))


def _date(value: Any) -> Optional[dt.date]:
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


# ----- one network (one version) -----

def _sector(angle: float) -> str:
    a = angle if -180.0 <= angle <= 180.0 else (angle + 180.0) % 360.0 - 180.0  # a little beyond: folded back
    if 0.0 <= a <= 90.0:
        return "familie"
    if a > 90.0:
        return "vrienden_kennissen"
    if a < -90.0:
        return "school_werk_vrije_tijd"  # easyNWK's "Kolleg*innen"
    return "hulpverlening"


def _ring(distance: float) -> str:
    if distance < 100.0 / 3:
        return "heel_dichtbij"
    if distance < 200.0 / 3:
        return "dichtbij"
    return "verder_weg"


def _age_to_year(age: str, ref_year: int) -> Optional[int]:
    """A birth year from an age typed as a whole number of years (else None: kept as a note)."""
    if age.isdigit() and len(age) <= 3:
        year = ref_year - int(age)
        if 1850 <= year <= 2200:
            return year
    return None


def _network(r: _Reader, nwk: dict, where: str, ref_year: int) -> dict:
    """One easyNWK network as plain data in our terms: client, persons, ties, support."""
    r.note_unknown(nwk, _NWK)
    ego = r.obj(nwk.get("ego", {}), t("interop.nwk.where.ego", where=where))
    r.note_unknown(ego, _EGO)
    ego_where = t("interop.nwk.where.ego", where=where)
    age = r.text(ego, "age", ego_where)
    klant: dict[str, Any] = {"id": KLANT, "naam": r.text(ego, "name", ego_where) or t("interop.nwk.client"),
                             "rol": "ik", "geslacht": _GENDER.get(r.text(ego, "currentGender", ego_where), "onbekend"),
                             "notities": _notes(r.text(ego, "note", ego_where, MAX_TEXT))}
    year = _age_to_year(age, ref_year)
    if year is not None:
        klant["geboortejaar"] = year
    elif age:
        klant["notities"] = [*klant["notities"], *_notes(t("interop.nwk.age_note", age=age[:20]))]
    alteri = r.items(nwk.get("alteri"), t("interop.nwk.where.alteri", where=where))
    if len(alteri) + 1 > MAX_PERSONS:
        raise CaseError(t("err.too_many_persons", count=len(alteri) + 1, max=MAX_PERSONS))
    persons: list[dict] = [klant]
    banden: list[dict] = []
    steun: list[dict] = []
    ids: dict[Any, str] = {}
    for i, alter in enumerate(alteri):
        aw = t("interop.nwk.where.alter", nr=i + 1, where=where)
        alter = r.obj(alter, aw)
        r.note_unknown(alter, _ALTER)
        raw_id = alter.get("id", f"i{i}")
        if isinstance(raw_id, bool) or not isinstance(raw_id, (int, str)) or raw_id in ids:
            raise _fail("interop.nwk.err.alter_id", where=aw)
        pid = f"a{len(ids) + 1}"
        ids[raw_id] = pid
        p = _person(r, alter, aw, pid, ref_year)
        persons.append(p)
        if r.flag(alter, "conflict", aw):
            banden.append({"a": KLANT, "b": pid, "kwaliteit": "conflict"})
        else:
            edge = r.number(alter, "edgeType", aw, 1.0)
            if edge >= 2:
                banden.append({"a": KLANT, "b": pid, "kwaliteit": "goed"})
            elif edge >= 1:
                banden.append({"a": KLANT, "b": pid, "kwaliteit": None})
        steun += _support(r, alter, aw, pid)
    links = nwk.get("connections", nwk.get("relations"))
    seen: set = set()
    dangling = 0
    for i, c in enumerate(r.items(links, t("interop.nwk.where.connections", where=where))):
        cw = t("interop.nwk.where.connection", nr=i + 1, where=where)
        c = r.obj(c, cw)
        r.note_unknown(c, _CONNECTION)
        a, b = ids.get(_hashable(c.get("id1"))), ids.get(_hashable(c.get("id2")))
        if a is None or b is None or a == b:
            dangling += 1
            continue
        key = frozenset((a, b))
        if key not in seen:
            seen.add(key)
            banden.append({"a": a, "b": b})
    return {"personen": persons, "banden": banden, "steun": steun, "dangling": dangling}


def _hashable(value: Any) -> Any:
    return value if isinstance(value, (int, str)) and not isinstance(value, bool) else None


def _notes(text: str) -> list[dict]:
    return [{"tekst": text, "zichtbaar": "klant_en_begeleider"}] if text else []


def _person(r: _Reader, alter: dict, where: str, pid: str, ref_year: int) -> dict:
    gender_text = r.text(alter, "currentGender", where)
    pet = not r.flag(alter, "human", where, True) or gender_text in _NOT_HUMAN
    p: dict[str, Any] = {"id": pid, "naam": r.text(alter, "name", where), "rol": r.text(alter, "role", where),
                         "geslacht": _GENDER.get(gender_text, "onbekend"),
                         "overleden": r.flag(alter, "deceased", where),
                         "notities": _notes(r.text(alter, "note", where, MAX_TEXT)),
                         "soort": "huisdier" if pet else "mens"}
    age = r.text(alter, "age", where)
    year = _age_to_year(age, ref_year)
    if year is not None:
        p["geboortejaar"] = year
    elif age:
        p["notities"] = [*p["notities"], *_notes(t("interop.nwk.age_note", age=age[:20]))]
    distance = r.number(alter, "distance", where)
    angle = r.number(alter, "angle", where)
    if distance > 0:
        p["sector"] = _sector(angle)
        p["nabijheid"] = _ring(distance)
        p["professioneel"] = p["sector"] == "hulpverlening"
    return p


def _support(r: _Reader, alter: dict, where: str, pid: str) -> list[dict]:
    kinds: dict[str, str] = {}
    for field_name, soort in _SUPPORT.items():
        value = alter.get(field_name)
        if value is None or value is False:
            continue
        # true ("supported"): the person helps the client
        level = 2.0 if value is True else r.number(alter, field_name, where)
        richting = _DIRECTION.get(int(level)) if level == int(level) else None
        if richting is None:
            continue  # 0 (none) or a value easyNWK does not write
        old = kinds.get(soort)
        kinds[soort] = richting if old in (None, richting) else "wederzijds"  # material + practical, both ways
    return [{"persoon": pid, "soort": soort, "richting": richting} for soort, richting in kinds.items()]


# ----- the case -----

def _case(live: dict, networks: list, today: dt.date) -> Case:
    """The case: the live map from the current network, a snapshot of every version."""
    snapshots = []
    live_names = {p["id"]: p["naam"] for p in live["personen"]}
    for n, (title, when, net) in enumerate(networks, 1):
        # the same person in another version keeps their id when their name is the same (history
        # compares them); anyone else gets an id of their own in that snapshot
        rename = {p["id"]: (p["id"] if live_names.get(p["id"]) == p["naam"] else f"v{n}-{p['id']}")
                  for p in net["personen"]}
        rename[KLANT] = KLANT
        people = [{"id": rename[p["id"]], "naam": p["naam"], "rol": p["rol"], "sector": p.get("sector"),
                   "nabijheid": p.get("nabijheid"), "professioneel": p.get("professioneel", False),
                   "soort": p.get("soort", "mens"), "overleden": p.get("overleden", False)} for p in net["personen"]]
        made = dt.datetime.combine(when or today, dt.time(12, 0))
        snapshots.append({
            "id": f"m{n}", "gemaakt": made.isoformat(), "titel": title or t("interop.nwk.version", nr=n),
            "klant_id": KLANT, "personen": people,
            "banden": [{**b, "a": rename[b["a"]], "b": rename[b["b"]]} for b in net["banden"]],
            "steun": [{**s, "persoon": rename[s["persoon"]]} for s in net["steun"]],
        })
    data = {"schema_version": SCHEMA_VERSION, "id": new_id("c"), "klant_id": KLANT, "fase": "netwerkatlas",
            "aangemaakt": dt.datetime.now().replace(microsecond=0).isoformat(),
            "personen": live["personen"], "banden": live["banden"], "steun": live["steun"],
            "momentopnamen": snapshots}
    return parse_case(data)
