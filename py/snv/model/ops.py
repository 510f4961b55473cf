"""Edits of a case as pure functions: each takes a Case and returns a new Case, never mutating.

Unchanged parts are shared between old and new (model_copy without deep copy), so keeping every old
version for undo/redo costs little. Inputs from people are validated; bad input raises CaseError.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Iterable, Optional

from pydantic import ValidationError

from ..messages import t
from .case import FASEN, Band, Case, KaartPersoon, Momentopname, Persoon, PosterItem, Steun
from .errors import CaseError, from_validation_error
from .limits import MAX_PERSONS
from .load import new_id


def _with(case: Case, **fields: Any) -> Case:
    return case.model_copy(update=fields)


def _validated(model_cls, data: dict):
    try:
        return model_cls.model_validate(data)
    except ValidationError as exc:
        raise from_validation_error(exc) from None


# ----- persons -----

def add_person(case: Case, naam: str, **fields: Any) -> tuple[Case, str]:
    """Add a person; returns the new case and the new person's id."""
    if len(case.personen) >= MAX_PERSONS:
        raise CaseError(t("err.too_many_persons", count=len(case.personen) + 1, max=MAX_PERSONS))
    pid = fields.pop("id", None) or new_id("p")
    if pid in {p.id for p in case.personen}:
        raise CaseError(t("err.duplicate_id", id=pid, what="personen"))
    person = _validated(Persoon, {"id": pid, "naam": naam, **fields})
    return _with(case, personen=[*case.personen, person]), pid


def update_person(case: Case, pid: str, **changes: Any) -> Case:
    old = case.persoon(pid)
    if "id" in changes and changes["id"] != pid:
        raise CaseError(t("err.v.other"))
    new = _validated(Persoon, {**old.model_dump(), **changes})
    return _with(case, personen=[new if p.id == pid else p for p in case.personen])


def move_person(case: Case, pid: str, sector: Optional[str], nabijheid: Optional[str]) -> Case:
    """Place a person in a slice and ring of the relatiekaart (None, None takes them off the map)."""
    return update_person(case, pid, sector=sector, nabijheid=nabijheid)


def references(case: Case, pid: str) -> dict[str, int]:
    """Where a person is mentioned outside the person list, to warn before deleting them."""
    counts: dict[str, int] = {}

    def add(key: str, n: int) -> None:
        if n:
            counts[key] = counts.get(key, 0) + n

    add("banden", sum(pid in (b.a, b.b) for b in case.banden))
    add("steun", sum(s.persoon == pid for s in case.steun))
    plan = case.huidig_plan
    add("afspraken", sum(pid in a.wie for a in plan.afspraken) if plan else 0)
    add("gebeurtenissen", sum(pid in g.personen for g in case.gebeurtenissen))
    add("familie", sum(pid in (o.ouder, o.kind) for o in case.ouder_kind)
        + sum(pid in (p.a, p.b) for p in case.partners))
    add("contacten", sum(c.persoon == pid for c in case.contacten))
    add("basisteam", int(pid in case.basisteam.leden))
    add("piketpaaltjes", sum(p.gesteld_door == pid for p in case.bijeenkomst.piketpaaltjes))
    return counts


def remove_person(case: Case, pid: str) -> Case:
    """Remove a person and every reference to them. The client cannot be removed."""
    if pid == case.klant_id:
        raise CaseError(t("err.remove_client"))
    case.persoon(pid)  # KeyError for an unknown id: a programming error, not user input

    def keep(ids: Iterable[str]) -> list[str]:
        return [i for i in ids if i != pid]

    def clear(value: Optional[str]) -> Optional[str]:
        return None if value == pid else value

    personen = []
    for p in case.personen:
        if p.id == pid:
            continue
        if any(n.door == pid for n in p.notities):
            p = p.model_copy(update={"notities": [n.model_copy(update={"door": clear(n.door)}) for n in p.notities]})
        personen.append(p)

    poster = case.basisposter
    poster = poster.model_copy(update={
        **{field: [i.model_copy(update={"door": clear(i.door)}) for i in getattr(poster, field)]
           for field in ("sterke_punten", "wensen_dromen", "zorgen")},
        "vragen": [v.model_copy(update={"eigenaar": clear(v.eigenaar)}) for v in poster.vragen],
        "meedenkers": keep(poster.meedenkers),
    })
    bk = case.bijeenkomst
    bk = bk.model_copy(update={
        "uitnodigingen": [u for u in bk.uitnodigingen if u.persoon != pid],
        "aanwezig": keep(bk.aanwezig),
        "voorstelrondje": [v for v in bk.voorstelrondje if v.persoon != pid],
        "info": [i.model_copy(update={"door": clear(i.door)}) for i in bk.info],
        "piketpaaltjes": [p for p in bk.piketpaaltjes if p.gesteld_door != pid],
        "genoteerd_door": clear(bk.genoteerd_door),
        "plannen": [plan.model_copy(update={"afspraken": [
            a.model_copy(update={"wie": keep(a.wie)}) for a in plan.afspraken]}) for plan in bk.plannen],
    })
    team = case.basisteam
    team = team.model_copy(update={
        "leden": keep(team.leden),
        "overleggen": [o.model_copy(update={"aanwezig": keep(o.aanwezig)}) for o in team.overleggen],
    })
    return _with(
        case,
        personen=personen,
        banden=[b for b in case.banden if pid not in (b.a, b.b)],
        steun=[s for s in case.steun if s.persoon != pid],
        basisposter=poster,
        ouder_kind=[o for o in case.ouder_kind if pid not in (o.ouder, o.kind)],
        partners=[p for p in case.partners if pid not in (p.a, p.b)],
        gebeurtenissen=[g.model_copy(update={"personen": keep(g.personen)}) for g in case.gebeurtenissen],
        contacten=[c for c in case.contacten if c.persoon != pid],
        bijeenkomst=bk,
        basisteam=team,
    )


# ----- ties and support -----

def set_band(case: Case, a: str, b: str, present: bool = True, kwaliteit: Optional[str] = None) -> Case:
    """Create, update or remove the tie between a and b (order does not matter)."""
    case.persoon(a), case.persoon(b)
    if a == b:
        raise CaseError(t("err.self_band", id=a))
    others = [band for band in case.banden if {band.a, band.b} != {a, b}]
    if not present:
        return _with(case, banden=others)
    band = _validated(Band, {"a": a, "b": b, "kwaliteit": kwaliteit})
    existing = case.band(a, b)
    if existing is None:
        return _with(case, banden=[*case.banden, band])
    return _with(case, banden=[band if {x.a, x.b} == {a, b} else x for x in case.banden])


def set_quality(case: Case, pid: str, kwaliteit: Optional[str]) -> Case:
    """The line between the client and `pid` on the relatiekaart."""
    return set_band(case, case.klant_id, pid, True, kwaliteit)


def set_support(case: Case, pid: str, soort: str, richting: Optional[str]) -> Case:
    """Set (or with richting=None remove) one kind of support between client and `pid`."""
    case.persoon(pid)
    rest = [s for s in case.steun if not (s.persoon == pid and s.soort == soort)]
    if richting is None:
        return _with(case, steun=rest)
    steun = _validated(Steun, {"persoon": pid, "soort": soort, "richting": richting})
    return _with(case, steun=[*rest, steun])


# ----- basisposter items (sterke_punten, wensen_dromen, zorgen) -----

POSTER_FIELDS = ("sterke_punten", "wensen_dromen", "zorgen")


def add_poster_item(case: Case, veld: str, tekst: str, door: Optional[str] = None) -> tuple[Case, str]:
    """Add a card to one field of the basisposter; returns the new case and the item id."""
    if veld not in POSTER_FIELDS:
        raise CaseError(t("err.v.literal_error", expected=", ".join(POSTER_FIELDS)))
    if door is not None:
        case.persoon(door)
    item = _validated(PosterItem, {"id": new_id("i"), "tekst": tekst, "door": door})
    poster = case.basisposter.model_copy(update={veld: [*getattr(case.basisposter, veld), item]})
    return _with(case, basisposter=poster), item.id


def remove_poster_item(case: Case, veld: str, item_id: str) -> Case:
    if veld not in POSTER_FIELDS:
        raise CaseError(t("err.v.literal_error", expected=", ".join(POSTER_FIELDS)))
    items = [i for i in getattr(case.basisposter, veld) if i.id != item_id]
    return _with(case, basisposter=case.basisposter.model_copy(update={veld: items}))


# ----- phase and snapshots -----

def set_phase(case: Case, fase: str) -> Case:
    if fase not in FASEN:
        raise CaseError(t("err.v.literal_error", expected=", ".join(FASEN)))
    return _with(case, fase=fase)


def map_state(case: Case, when: Optional[dt.datetime] = None, titel: str = "", sid: str = "nu") -> Momentopname:
    """The relatiekaart as it is now, in the same shape as a stored snapshot (for diffs and storing)."""
    personen = [KaartPersoon(id=p.id, naam=p.naam, rol=p.rol, sector=p.sector, nabijheid=p.nabijheid,
                             professioneel=p.professioneel, soort=p.soort, overleden=p.overleden)
                for p in case.personen]
    return Momentopname(id=sid, gemaakt=when or dt.datetime.now().replace(microsecond=0), titel=titel,
                        klant_id=case.klant_id, personen=personen, banden=list(case.banden), steun=list(case.steun))


def take_snapshot(case: Case, titel: str = "", when: Optional[dt.datetime] = None) -> tuple[Case, str]:
    snap = map_state(case, when, titel, new_id("m"))
    return _with(case, momentopnamen=[*case.momentopnamen, snap]), snap.id


def remove_snapshot(case: Case, sid: str) -> Case:
    return _with(case, momentopnamen=[m for m in case.momentopnamen if m.id != sid])
