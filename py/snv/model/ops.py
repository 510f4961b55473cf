"""Edits of a case as pure functions: each takes a Case and returns a new Case, never mutating.

Unchanged parts are shared between old and new (model_copy without deep copy), so keeping every old
version for undo/redo costs little. Inputs from people are validated; bad input raises CaseError.
Every new Case passes through `_with`, which runs the whole-case integrity check: an edit can never
make a case that would be refused when it is read back.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Optional

from pydantic import ValidationError

from ..messages import t
from .case import FASEN, Band, Case, KaartPersoon, Momentopname, Persoon, PosterItem, Steun, check_integrity
from .errors import CaseError, from_validation_error
from .limits import MAX_PERSONS
from .load import new_id
from .refs import iter_refs, ref_groups, without


def checked(case: Case) -> Case:
    """`case` if it is consistent as a whole, else CaseError with the Dutch sentence."""
    try:
        check_integrity(case)
    except ValueError as exc:
        raise CaseError(t("err.edit_refused", detail=str(exc))) from None
    return case


def _with(case: Case, **fields: Any) -> Case:
    """The one way an edit makes a new Case: copy with changes, then check the whole case."""
    return checked(case.model_copy(update=fields))


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
    """Where a person is mentioned outside the person list, to warn before deleting them: per group
    of the reference table (refs.Ref.group), the number of things that change. An agreement that is
    in several plan versions counts once."""
    owners: dict[str, set] = {}
    for owner, ref, value in iter_refs(case):
        if value == pid and ref.target == "persoon" and ref.group:
            owners.setdefault(ref.group, set()).add(getattr(owner, "id", None) or id(owner))
    return {group: len(owners[group]) for group in ref_groups(Case) if group in owners}


def remove_person(case: Case, pid: str) -> Case:
    """Remove a person and every reference to them, each as its field declares (refs.Ref.on_remove):
    dropped from lists, cleared, or the tie that needs them dropped. Snapshots are history and keep
    them. The client cannot be removed."""
    if pid == case.klant_id:
        raise CaseError(t("err.remove_client"))
    case.persoon(pid)  # KeyError for an unknown id: a programming error, not user input
    rest = case.model_copy(update={"personen": [p for p in case.personen if p.id != pid]})
    return checked(without(rest, "persoon", pid))


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


# ----- contactschema (one Contact row per person; the client has none) -----

from .case import Contact  # noqa: E402 (this section's own import, kept here for a clean merge)

CONTACT_FIELDS = ("hoe_vaak", "manieren", "samen_doen", "tevreden", "wens", "dagen")


def contact(case: Case, pid: str) -> Optional[Contact]:
    """The contactschema row of `pid`, or None."""
    for c in case.contacten:
        if c.persoon == pid:
            return c
    return None


def set_contact(case: Case, pid: str, **fields: Any) -> Case:
    """Create the contactschema row of `pid` (when missing) and set the given fields; other fields keep
    their value. Lists are stored in their fixed order (manieren as listed, days ma..zo) without
    duplicates; an empty `dagen` is stored as None ("no fixed days")."""
    case.persoon(pid)  # KeyError for an unknown id: a programming error, not user input
    if pid == case.klant_id:
        raise CaseError(t("contactschema.err.client"))
    unknown = set(fields) - set(CONTACT_FIELDS)
    if unknown:
        raise CaseError(t("err.v.extra_forbidden", field=", ".join(sorted(unknown))))
    if "manieren" in fields and isinstance(fields["manieren"], (list, tuple)):
        order = ("bij_elkaar", "telefoon", "berichten", "video")
        items = fields["manieren"]
        fields["manieren"] = sorted(set(items), key=lambda m: order.index(m) if m in order else len(order))
    if "dagen" in fields and isinstance(fields["dagen"], (list, tuple)):
        week = ("ma", "di", "wo", "do", "vr", "za", "zo")
        days = fields["dagen"]
        fields["dagen"] = sorted(set(days), key=lambda d: week.index(d) if d in week else len(week)) or None
    old = contact(case, pid)
    base = old.model_dump() if old is not None else {"persoon": pid}
    new = _validated(Contact, {**base, **fields})
    if old is None:
        return _with(case, contacten=[*case.contacten, new])
    if new == old:
        return case
    return _with(case, contacten=[new if c.persoon == pid else c for c in case.contacten])


def remove_contact(case: Case, pid: str) -> Case:
    """Take `pid` out of the contactschema (the person stays in the list)."""
    return _with(case, contacten=[c for c in case.contacten if c.persoon != pid])
