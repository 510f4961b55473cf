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


# ----- familiekaart: parents, children, partners (and a new relative in one step) -----
# A relative added from the familiekaart is a person like any other (sector familie, not on the
# relatiekaart) plus the relation, made in ONE edit (one undo step). Links that would make someone
# their own ancestor are refused with a Dutch message before the whole-case check would refuse them.

RELATIONS = ("ouder", "partner", "kind", "broer_zus")
PARTNER_STATUSES = ("getrouwd", "samenwonend", "relatie", "uit_elkaar", "gescheiden")
PARENT_KINDS = ("biologisch", "adoptie", "pleeg", "stief")


def _label_name(case: Case, pid: str) -> str:
    return case.persoon(pid).naam.strip() or t("familiekaart.unknown_name")


def _is_ancestor(case: Case, maybe_ancestor: str, pid: str) -> bool:
    """True when `maybe_ancestor` is `pid` or a parent, grandparent, … of `pid`."""
    parents: dict[str, list[str]] = {}
    for ok in case.ouder_kind:
        parents.setdefault(ok.kind, []).append(ok.ouder)
    seen, stack = {pid}, [pid]
    while stack:
        q = stack.pop()
        if q == maybe_ancestor:
            return True
        for par in parents.get(q, ()):
            if par not in seen:
                seen.add(par)
                stack.append(par)
    return False


def _check_family_person(case: Case, pid: str) -> None:
    if case.persoon(pid).soort == "huisdier":
        raise CaseError(t("familiekaart.err.pet"))


def set_parent(case: Case, ouder: str, kind: str, soort: str = "biologisch") -> Case:
    """Make `ouder` a parent of `kind` (or change the kind of that link)."""
    from .case import OuderKind  # noqa: PLC0415 (kept beside the other familiekaart ops)

    _check_family_person(case, ouder)
    _check_family_person(case, kind)
    if soort not in PARENT_KINDS:
        raise CaseError(t("err.v.literal_error", expected=", ".join(PARENT_KINDS)))
    if ouder == kind:
        raise CaseError(t("familiekaart.err.self"))
    if _is_ancestor(case, kind, ouder):
        raise CaseError(t("familiekaart.err.cycle", ouder=_label_name(case, ouder), kind=_label_name(case, kind)))
    link = OuderKind(ouder=ouder, kind=kind, soort=soort)
    rest = [ok for ok in case.ouder_kind if not (ok.ouder == ouder and ok.kind == kind)]
    if len(rest) == len(case.ouder_kind):
        return _with(case, ouder_kind=[*case.ouder_kind, link])
    return _with(case, ouder_kind=[link if (ok.ouder == ouder and ok.kind == kind) else ok for ok in case.ouder_kind])


def remove_parent(case: Case, ouder: str, kind: str) -> Case:
    return _with(case, ouder_kind=[ok for ok in case.ouder_kind if not (ok.ouder == ouder and ok.kind == kind)])


def set_partner(case: Case, a: str, b: str, status: str = "relatie") -> Case:
    """Make a and b partners (or change the status of their partnership)."""
    from .case import Partnerschap  # noqa: PLC0415

    _check_family_person(case, a)
    _check_family_person(case, b)
    if a == b:
        raise CaseError(t("familiekaart.err.self"))
    if status not in PARTNER_STATUSES:
        raise CaseError(t("err.v.literal_error", expected=", ".join(PARTNER_STATUSES)))
    if _is_ancestor(case, a, b) or _is_ancestor(case, b, a):
        raise CaseError(t("familiekaart.err.partner_family", a=_label_name(case, a), b=_label_name(case, b)))
    existing = next((p for p in case.partners if {p.a, p.b} == {a, b}), None)
    if existing is None:
        return _with(case, partners=[*case.partners, Partnerschap(a=a, b=b, status=status)])
    new = existing.model_copy(update={"status": status})
    return _with(case, partners=[new if p is existing else p for p in case.partners])


def remove_partner(case: Case, a: str, b: str) -> Case:
    return _with(case, partners=[p for p in case.partners if {p.a, p.b} != {a, b}])


def main_parents(case: Case, pid: str) -> list[str]:
    """The parents a person hangs under on the familiekaart: the non-step ones (else all), at most two."""
    links = [ok for ok in case.ouder_kind if ok.kind == pid]
    main = [ok.ouder for ok in links if ok.soort != "stief"] or [ok.ouder for ok in links]
    return main[:2]


def _link(case: Case, pid: str, relation: str, other: str, *, status: Optional[str], soort: Optional[str],
          met: Optional[str]) -> Case:
    """Relate existing person `other` to `pid` as their ouder / partner / kind / broer_zus."""
    if relation == "ouder":
        return set_parent(case, other, pid, soort or "biologisch")
    if relation == "partner":
        return set_partner(case, pid, other, status or "relatie")
    if relation == "kind":
        case = set_parent(case, pid, other, soort or "biologisch")
        if met:
            case = set_parent(case, met, other, soort or "biologisch")
        return case
    if relation == "broer_zus":
        parents = main_parents(case, pid)
        if not parents:  # no parents yet: one nameless placeholder parent joins them
            case, placeholder = add_person(case, "", rol=t("familiekaart.placeholder_rol"))
            case = set_parent(case, placeholder, pid, "biologisch")
            parents = [placeholder]
        for par in parents:
            case = set_parent(case, par, other, soort or "biologisch")
        return case
    raise CaseError(t("err.v.literal_error", expected=", ".join(RELATIONS)))


def link_relative(case: Case, pid: str, relation: str, other: str, *, status: Optional[str] = None,
                  soort: Optional[str] = None, met: Optional[str] = None) -> Case:
    """Put an existing person on the familiekaart as a relative of `pid` (one edit)."""
    case.persoon(pid), case.persoon(other)
    if pid == other:
        raise CaseError(t("familiekaart.err.self"))
    return _link(case, pid, relation, other, status=status, soort=soort, met=met)


def relative_role(relation: str, geslacht: str) -> str:
    """The role word of a new relative of the client: "moeder", "broer", …"""
    key = f"familiekaart.rol.{relation}.{geslacht}"
    return t(key) if geslacht in ("man", "vrouw") else t(f"familiekaart.rol.{relation}.anders")


def add_relative(case: Case, pid: str, relation: str, naam: str, *, status: Optional[str] = None,
                 soort: Optional[str] = None, met: Optional[str] = None, **fields: Any) -> tuple[Case, str]:
    """A new person AND their relation to `pid` in one edit: ouder, partner, kind or broer_zus (a
    sibling is a child of the same parents; with no parents yet a nameless placeholder parent is
    made). The new person gets sector familie and no ring (not on the relatiekaart yet)."""
    case.persoon(pid)
    if relation not in RELATIONS:
        raise CaseError(t("err.v.literal_error", expected=", ".join(RELATIONS)))
    fields.setdefault("sector", "familie")
    if pid == case.klant_id and not fields.get("rol"):
        fields["rol"] = relative_role(relation, str(fields.get("geslacht") or "onbekend"))
    case, new = add_person(case, naam, **fields)
    return _link(case, pid, relation, new, status=status, soort=soort, met=met), new
