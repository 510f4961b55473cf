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


# ----- het plan: agreements of the current plan version, piketpaaltjes (issue #11, Plan) -----
# The current plan is the last version (Case.huidig_plan); these edits change that version in place.
# Making a new version is the basisteam's job. The first agreement of a case without a plan makes
# plan version 1, dated `today`.

PLAN_FIELDS = ("vraag_id", "wat", "wie", "waar", "wanneer", "hoe", "hoe_vaak", "start", "evaluatie", "status")


def _agreement_checked(case: Case, data: dict) -> Any:
    """An Afspraak from `data`, with the plan's own Dutch errors before the model's."""
    from .case import Afspraak  # noqa: PLC0415 (the section's own import, kept with it)

    unknown = set(data) - {"id", *PLAN_FIELDS}
    if unknown:
        raise CaseError(t("plan.err.unknown_field", veld=sorted(unknown)[0]))
    wat = data.get("wat")
    if not isinstance(wat, str) or not wat.strip():
        raise CaseError(t("plan.err.wat_empty"))
    data["wat"] = wat.strip()
    wie = data.get("wie") or []
    if isinstance(wie, str) or not isinstance(wie, (list, tuple)):
        raise CaseError(t("plan.err.wie_list"))
    people = {p.id for p in case.personen}
    for pid in wie:
        if pid not in people:
            raise CaseError(t("plan.err.unknown_person", id=str(pid)[:64]))
    data["wie"] = list(dict.fromkeys(wie))  # once each, in the order chosen
    vraag = data.get("vraag_id")
    if vraag is not None and vraag not in {v.id for v in case.basisposter.vragen}:
        raise CaseError(t("plan.err.unknown_question", id=str(vraag)[:64]))
    for key in ("waar", "wanneer", "hoe"):
        if isinstance(data.get(key), str):
            data[key] = data[key].strip()
    afspraak = _validated(Afspraak, data)
    if afspraak.start is not None and afspraak.evaluatie is not None and afspraak.evaluatie < afspraak.start:
        raise CaseError(t("plan.err.evaluation_before_start"))
    return afspraak


def _with_current_plan(case: Case, afspraken: list) -> Case:
    plan = case.huidig_plan
    assert plan is not None  # callers made or found it
    return _with(case, plannen=[*case.plannen[:-1], plan.model_copy(update={"afspraken": afspraken})])


def _find_agreement(case: Case, aid: str) -> Any:
    plan = case.huidig_plan
    for a in (plan.afspraken if plan else ()):
        if a.id == aid:
            return a
    raise CaseError(t("plan.err.unknown_agreement"))


def add_agreement(case: Case, vraag_id: Optional[str], wat: str, *, today: Optional[dt.date] = None,
                  **fields: Any) -> tuple[Case, str]:
    """Add an agreement to the current plan (for question `vraag_id`, None: "Andere afspraken");
    without a plan this makes plan version 1 dated `today`. Returns the new case and the agreement id."""
    from .case import Plan  # noqa: PLC0415

    aid = fields.pop("id", None) or new_id("a")
    if any(a.id == aid for p in case.plannen for a in p.afspraken):
        raise CaseError(t("err.duplicate_id", id=aid, what="afspraken"))
    afspraak = _agreement_checked(case, {**fields, "id": aid, "vraag_id": vraag_id, "wat": wat})
    if case.huidig_plan is None:
        plan = _validated(Plan, {"versie": 1, "datum": today or dt.date.today(), "afspraken": []})
        case = case.model_copy(update={"plannen": [plan]})
    plan = case.huidig_plan
    assert plan is not None
    return _with_current_plan(case, [*plan.afspraken, afspraak]), aid


def update_agreement(case: Case, aid: str, **changes: Any) -> Case:
    """Change fields of one agreement of the current plan (its id stays)."""
    old = _find_agreement(case, aid)
    if "id" in changes and changes["id"] != aid:
        raise CaseError(t("err.v.other"))
    new = _agreement_checked(case, {**old.model_dump(), **changes})
    if new == old:
        return case
    plan = case.huidig_plan
    assert plan is not None
    return _with_current_plan(case, [new if a.id == aid else a for a in plan.afspraken])


def remove_agreement(case: Case, aid: str) -> Case:
    """Remove one agreement from the current plan. Older versions keep theirs (history); a basisteam
    meeting that named it as new loses the mention only when no version has it any more."""
    _find_agreement(case, aid)
    plan = case.huidig_plan
    assert plan is not None
    rest = case.model_copy(update={"plannen": [*case.plannen[:-1], plan.model_copy(
        update={"afspraken": [a for a in plan.afspraken if a.id != aid]})]})
    if not any(a.id == aid for p in rest.plannen for a in p.afspraken):
        rest = without(rest, "afspraak", aid)
    return checked(rest)


def set_piket_oordeel(case: Case, pid: str, oordeel: Optional[str], uitleg: str = "") -> Case:
    """What the professional who set piketpaaltje `pid` says of the plan: akkoord, nog_niet (with a
    reason in `uitleg`), or None (not yet said). One piketpaaltje at a time: there is no approve-all."""
    from .case import Piketpaaltje  # noqa: PLC0415

    bk = case.bijeenkomst
    old = next((p for p in bk.piketpaaltjes if p.id == pid), None)
    if old is None:
        raise CaseError(t("plan.err.unknown_piket"))
    if oordeel not in (None, "akkoord", "nog_niet"):
        raise CaseError(t("err.v.literal_error", expected="akkoord, nog_niet"))
    new = _validated(Piketpaaltje, {**old.model_dump(), "oordeel": oordeel, "uitleg": (uitleg or "").strip()})
    if new == old:
        return case
    paaltjes = [new if p.id == pid else p for p in bk.piketpaaltjes]
    return _with(case, bijeenkomst=bk.model_copy(update={"piketpaaltjes": paaltjes}))
