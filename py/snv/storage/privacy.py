"""What leaves the device: exports without the begeleider's private notes, optionally pseudonymised.

DOMAIN §9: begeleider notes stay out unless chosen; a pseudonymised export has names replaced by
role + number ("tante 1"), free text dropped, birth years as decades; structure and figures are kept.
Ids are renumbered too, because readable ids ("p-anna") would leak names.
"""
from __future__ import annotations

from typing import Any, Optional

from ..messages import t
from ..model import Case
from ..model.limits import MAX_NAME

PRIVATE = "klant_en_begeleider"


def for_export(case: Case, *, notes: bool = False, pseudonymise: bool = False) -> Case:
    """A copy of `case` fit for a file that leaves this browser. The input is not changed.

    notes=False drops notes marked "Alleen jij en de begeleider". pseudonymise=True drops all notes
    (they are free text) whatever `notes` says.
    """
    data = case.model_dump(mode="json")
    if pseudonymise:
        data = _Pseudonymiser(data).run()
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


def _blank(text: str) -> str:
    """Free text is dropped, but whether something was filled in stays visible ("Wanneer?" gaps)."""
    return t("store.pseudo.weggelaten") if text else ""


class _Pseudonymiser:
    def __init__(self, data: dict):
        self.d = data
        self.pid = _Numbers("p")  # person ids, shared by the case and all snapshots
        self.names: dict[str, str] = {}  # old person id -> pseudonym
        self.per_role: dict[str, int] = {}
        self.klant_id = data["klant_id"]

    # -- persons --
    def _name_for(self, old_id: str, rol: str, soort: str) -> str:
        if old_id not in self.names:
            if old_id == self.klant_id:
                self.names[old_id] = t("store.pseudo.klant")
            else:
                base = " ".join(rol.split())[:MAX_NAME - 8] or t(
                    "store.pseudo.huisdier" if soort == "huisdier" else "store.pseudo.persoon")
                nr = self.per_role[base.lower()] = self.per_role.get(base.lower(), 0) + 1
                self.names[old_id] = t("store.pseudo.naam", rol=base, nr=nr)
        return self.names[old_id]

    def p(self, old: Optional[str]) -> Optional[str]:
        return None if old is None else self.pid(old)

    def ps(self, old: list) -> list:
        return [self.pid(i) for i in old]

    def run(self) -> dict:
        d = self.d
        interest = _Numbers("")
        for person in d["personen"]:
            person["naam"] = self._name_for(person["id"], person["rol"], person["soort"])
            person["id"] = self.pid(person["id"])
            if person["geboortejaar"] is not None:
                person["geboortejaar"] -= person["geboortejaar"] % 10  # 1987 -> 1980
            # keep shared interests detectable (tip 7) without the words themselves
            person["interesses"] = [t("store.pseudo.interesse", nr=interest(i.strip().lower()))
                                    for i in person["interesses"]]
            person["notities"] = []
        d["klant_id"] = self.pid(d["klant_id"])
        d["id"] = "dossier"
        d["ontmoeten"]["verhaal"] = ""
        for band in d["banden"]:
            band["a"], band["b"] = self.pid(band["a"]), self.pid(band["b"])
        for s in d["steun"]:
            s["persoon"] = self.pid(s["persoon"])
        self._poster(d["basisposter"])
        for ok in d["ouder_kind"]:
            ok["ouder"], ok["kind"] = self.pid(ok["ouder"]), self.pid(ok["kind"])
        for pr in d["partners"]:
            pr["a"], pr["b"] = self.pid(pr["a"]), self.pid(pr["b"])
        self._events(d["gebeurtenissen"])
        for c in d["contacten"]:
            c["persoon"] = self.pid(c["persoon"])
            c["samen_doen"] = _blank(c["samen_doen"])
        afspraak = self._meeting(d["bijeenkomst"])
        self._team(d["basisteam"], afspraak)
        self._snapshots(d["momentopnamen"])
        return d

    def _poster(self, poster: dict) -> None:
        item_id = _Numbers("i")
        for field, key in (("sterke_punten", "store.pseudo.sterk_punt"), ("wensen_dromen", "store.pseudo.wens"),
                           ("zorgen", "store.pseudo.zorg")):
            for nr, item in enumerate(poster[field], 1):
                item["id"] = item_id(item["id"])
                item["tekst"] = t(key, nr=nr)
                item["door"] = self.p(item["door"])
        self.vraag = _Numbers("v")
        for nr, v in enumerate(poster["vragen"], 1):
            v["id"] = self.vraag(v["id"])
            v["tekst"] = t("store.pseudo.vraag", nr=nr)
            v["eigenaar"] = self.p(v["eigenaar"])
        poster["meedenkers"] = self.ps(poster["meedenkers"])

    def _events(self, events: list) -> None:
        gid = _Numbers("g")
        for nr, g in enumerate(events, 1):
            g["id"] = gid(g["id"])
            g["titel"] = t("store.pseudo.gebeurtenis", nr=nr)
            g["verhaal"] = ""
            g["personen"] = self.ps(g["personen"])
            when = g["wanneer"]
            if when and when["datum"]:  # a full date can identify; the year is enough
                year = int(when["datum"][:4])
                if 1850 <= year <= 2200:  # the range a Moment's `jaar` allows
                    when["jaar"], when["datum"] = year, None
                else:
                    g["wanneer"] = None

    def _meeting(self, bk: dict) -> _Numbers:
        bk["plaats"] = _blank(bk["plaats"])
        for u in bk["uitnodigingen"]:
            u["persoon"] = self.pid(u["persoon"])
        bk["aanwezig"] = self.ps(bk["aanwezig"])
        for v in bk["voorstelrondje"]:
            v["persoon"] = self.pid(v["persoon"])
            v["tekst"] = _blank(v["tekst"])
        info_id = _Numbers("n")
        for nr, i in enumerate(bk["info"], 1):
            i["id"] = info_id(i["id"])
            i["vraag"] = t("store.pseudo.info", nr=nr)
            i["antwoord"] = _blank(i["antwoord"])
            i["door"] = self.p(i["door"])
        piket_id = _Numbers("k")
        for nr, pk in enumerate(bk["piketpaaltjes"], 1):
            pk["id"] = piket_id(pk["id"])
            pk["gesteld_door"] = self.pid(pk["gesteld_door"])
            pk["tekst"] = t("store.pseudo.piketpaaltje", nr=nr)
            pk["uitleg"] = _blank(pk["uitleg"])
        bk["genoteerd_door"] = self.p(bk["genoteerd_door"])
        afspraak = _Numbers("a")  # one agreement keeps its id (and pseudonym) across plan versions
        for plan in bk["plannen"]:
            for a in plan["afspraken"]:
                a["id"] = afspraak(a["id"])
                a["wat"] = t("store.pseudo.afspraak", nr=a["id"][1:])
                if a["vraag_id"] is not None:
                    a["vraag_id"] = self.vraag(a["vraag_id"])
                a["wie"] = self.ps(a["wie"])
                for field in ("waar", "wanneer", "hoe"):
                    a[field] = _blank(a[field])
        return afspraak

    def _team(self, team: dict, afspraak: _Numbers) -> None:
        team["leden"] = self.ps(team["leden"])
        oid = _Numbers("o")
        for o in team["overleggen"]:
            o["id"] = oid(o["id"])
            o["aanwezig"] = self.ps(o["aanwezig"])
            o["successen"] = [t("store.pseudo.succes", nr=nr) for nr, _ in enumerate(o["successen"], 1)]
            o["zorgen"] = [t("store.pseudo.zorg", nr=nr) for nr, _ in enumerate(o["zorgen"], 1)]
            o["nieuwe_afspraken"] = [afspraak(i) for i in o["nieuwe_afspraken"]]

    def _snapshots(self, snaps: list) -> None:
        mid = _Numbers("m")
        for nr, snap in enumerate(snaps, 1):
            snap["id"] = mid(snap["id"])
            snap["titel"] = t("store.pseudo.momentopname", nr=nr) if snap["titel"] else ""
            if snap.get("klant_id") is not None:
                snap["klant_id"] = self.pid(snap["klant_id"])
            for kp in snap["personen"]:
                # someone removed since the snapshot still gets a consistent pseudonym
                kp["naam"] = self._name_for(kp["id"], kp["rol"], kp["soort"])
                kp["id"] = self.pid(kp["id"])
            for band in snap["banden"]:
                band["a"], band["b"] = self.pid(band["a"]), self.pid(band["b"])
            for s in snap["steun"]:
                s["persoon"] = self.pid(s["persoon"])
