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
from .case import (FASEN, Band, Basisteam, Bijeenkomst, Case, KaartPersoon, Momentopname, Persoon, PosterItem, Steun,
                   Vraag, check_integrity)
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


# ===== meedenkbijeenkomst: invitations, the meeting, information, piketpaaltjes, privétijd, basisteam =====
# (issue #11 items 1-4; the basisposter's own question ops may exist elsewhere: set_question_text and
# move_question below are the meeting's step 3 edits of the same `basisposter.vragen`)

UITNODIGING_STATUSES = ("nog_vragen", "uitgenodigd", "komt", "komt_niet", "misschien")


def _bijeenkomst(case: Case, **changes: Any) -> Case:
    """The case with the meeting changed: validated as a Bijeenkomst, then the whole case."""
    data = {**case.bijeenkomst.model_dump(), **changes}
    return _with(case, bijeenkomst=_validated(Bijeenkomst, data))


def _known_person(case: Case, pid: Optional[str]) -> None:
    if pid is not None and pid not in {p.id for p in case.personen}:
        raise CaseError(t("err.unknown_person", what=t("ref.uitnodiging"), id=pid))


def set_invitation(case: Case, pid: str, status: Optional[str]) -> Case:
    """Invite `pid` with a status (nog_vragen … misschien), change it, or with None take them off the
    list. The client chooses; no reason is asked. The client is never on their own guest list."""
    _known_person(case, pid)
    if pid == case.klant_id:
        raise CaseError(t("bijeenkomst.err.invite_client"))
    if status is not None and status not in UITNODIGING_STATUSES:
        raise CaseError(t("err.v.literal_error", expected=", ".join(UITNODIGING_STATUSES)))
    rest = [u for u in case.bijeenkomst.uitnodigingen if u.persoon != pid]
    if status is None:
        return _bijeenkomst(case, uitnodigingen=[u.model_dump() for u in rest])
    old = [u.model_dump() for u in case.bijeenkomst.uitnodigingen]
    if len(rest) == len(old):
        return _bijeenkomst(case, uitnodigingen=[*old, {"persoon": pid, "status": status}])
    return _bijeenkomst(case, uitnodigingen=[{"persoon": pid, "status": status} if u["persoon"] == pid else u
                                             for u in old])


def set_meeting(case: Case, **fields: Any) -> Case:
    """Date, hour, place or step of the meeting: set_meeting(case, datum="2026-03-14", tijd="19:30")."""
    allowed = {"datum", "tijd", "plaats", "stap"}
    unknown = set(fields) - allowed
    if unknown:
        raise CaseError(t("err.v.extra_forbidden"))
    if isinstance(fields.get("plaats"), str):
        fields["plaats"] = fields["plaats"].strip()
    for key in ("datum", "tijd"):
        if fields.get(key) == "":
            fields[key] = None
    return _bijeenkomst(case, **fields)


def set_step(case: Case, stap: int) -> Case:
    """Where the meeting is (1..7); stored, so a reload opens the same step."""
    if isinstance(stap, bool) or not isinstance(stap, int) or not 1 <= stap <= 7:
        raise CaseError(t("bijeenkomst.err.step"))
    return _bijeenkomst(case, stap=stap)


def set_present(case: Case, pid: str, present: bool) -> Case:
    """Step 2: `pid` is (not) at the meeting. Leaving also drops their line of the voorstelrondje."""
    _known_person(case, pid)
    bk = case.bijeenkomst
    here = [p for p in bk.aanwezig if p != pid]
    intro = [v.model_dump() for v in bk.voorstelrondje]
    if present:
        here.append(pid)
    else:
        intro = [v for v in intro if v["persoon"] != pid]
    return _bijeenkomst(case, aanwezig=here, voorstelrondje=intro)


def set_intro(case: Case, pid: str, tekst: str) -> Case:
    """Step 2: one line of the voorstelrondje ("Ik ben de tante van Sam.") for someone present."""
    if pid not in case.bijeenkomst.aanwezig:
        raise CaseError(t("bijeenkomst.err.intro_absent"))
    tekst = tekst.strip()
    rest = [v.model_dump() for v in case.bijeenkomst.voorstelrondje if v.persoon != pid]
    if tekst:
        old = [v.persoon for v in case.bijeenkomst.voorstelrondje]
        row = {"persoon": pid, "tekst": tekst}
        if pid in old:
            rest.insert(old.index(pid), row)
        else:
            rest.append(row)
    return _bijeenkomst(case, voorstelrondje=rest)


def add_info(case: Case, vraag: str, antwoord: str = "", door: Optional[str] = None) -> tuple[Case, str]:
    """Step 4 *Vragen en uitleg*: a question anyone may ask, the answer and who gave it."""
    vraag = vraag.strip()
    if not vraag:
        raise CaseError(t("bijeenkomst.err.info_empty"))
    _known_person(case, door)
    iid = new_id("i")
    item = {"id": iid, "vraag": vraag, "antwoord": antwoord.strip(), "door": door}
    return _bijeenkomst(case, info=[*(i.model_dump() for i in case.bijeenkomst.info), item]), iid


def update_info(case: Case, iid: str, **changes: Any) -> Case:
    if set(changes) - {"vraag", "antwoord", "door"}:
        raise CaseError(t("err.v.extra_forbidden"))
    if "vraag" in changes and not str(changes["vraag"]).strip():
        raise CaseError(t("bijeenkomst.err.info_empty"))
    _known_person(case, changes.get("door"))
    items = [i.model_dump() for i in case.bijeenkomst.info]
    if iid not in {i["id"] for i in items}:
        raise CaseError(t("bijeenkomst.err.gone"))
    return _bijeenkomst(case, info=[{**i, **changes} if i["id"] == iid else i for i in items])


def remove_info(case: Case, iid: str) -> Case:
    return _bijeenkomst(case, info=[i.model_dump() for i in case.bijeenkomst.info if i.id != iid])


def _professional(case: Case, pid: str) -> None:
    """Only a professional (a curator, bewindvoerder, jeugdbescherming…) sets a piketpaaltje."""
    try:
        person = case.persoon(pid)
    except KeyError:
        raise CaseError(t("bijeenkomst.err.piket_who")) from None
    if not person.professioneel:
        raise CaseError(t("bijeenkomst.err.piket_not_professional", naam=person.naam or "?"))


def add_piketpaaltje(case: Case, gesteld_door: str, tekst: str, kader: str = "anders") -> tuple[Case, str]:
    """*Afspraken die vastliggen*: a condition in plain words, set by the professional with a mandatory
    task. Someone who is not a professional is refused with a Dutch message."""
    _professional(case, gesteld_door)
    tekst = tekst.strip()
    if not tekst:
        raise CaseError(t("bijeenkomst.err.piket_empty"))
    kid = new_id("k")
    item = {"id": kid, "gesteld_door": gesteld_door, "tekst": tekst, "kader": kader}
    old = [k.model_dump() for k in case.bijeenkomst.piketpaaltjes]
    return _bijeenkomst(case, piketpaaltjes=[*old, item]), kid


def update_piketpaaltje(case: Case, kid: str, **changes: Any) -> Case:
    if set(changes) - {"gesteld_door", "tekst", "kader"}:
        raise CaseError(t("err.v.extra_forbidden"))
    if "gesteld_door" in changes:
        _professional(case, changes["gesteld_door"])
    if "tekst" in changes:
        changes["tekst"] = str(changes["tekst"]).strip()
        if not changes["tekst"]:
            raise CaseError(t("bijeenkomst.err.piket_empty"))
    items = [k.model_dump() for k in case.bijeenkomst.piketpaaltjes]
    if kid not in {k["id"] for k in items}:
        raise CaseError(t("bijeenkomst.err.gone"))
    return _bijeenkomst(case, piketpaaltjes=[{**k, **changes} if k["id"] == kid else k for k in items])


def remove_piketpaaltje(case: Case, kid: str) -> Case:
    return _bijeenkomst(case, piketpaaltjes=[k.model_dump() for k in case.bijeenkomst.piketpaaltjes
                                             if k.id != kid])


def start_privetijd(case: Case, when: dt.datetime) -> Case:
    """Step 5: *Tijd zonder begeleider* begins (a new stretch with this start time)."""
    if case.bijeenkomst.in_privetijd:
        raise CaseError(t("bijeenkomst.err.privetijd_already"))
    stretches = [s.model_dump() for s in case.bijeenkomst.privetijd]
    return _bijeenkomst(case, privetijd=[*stretches, {"begin": when.replace(microsecond=0), "einde": None}])


def stop_privetijd(case: Case, when: dt.datetime) -> Case:
    """*De begeleider komt terug*: the open stretch gets its end time (it stays recorded)."""
    if not case.bijeenkomst.in_privetijd:
        raise CaseError(t("bijeenkomst.err.privetijd_not_on"))
    stretches = [s.model_dump() for s in case.bijeenkomst.privetijd]
    stretches[-1]["einde"] = max(when.replace(microsecond=0), stretches[-1]["begin"])
    return _bijeenkomst(case, privetijd=stretches)


def set_genoteerd_door(case: Case, pid: Optional[str]) -> Case:
    """*Wie schrijft op?* in the time without the begeleider (None: nobody chosen)."""
    _known_person(case, pid)
    return _bijeenkomst(case, genoteerd_door=pid)


def set_question_text(case: Case, vid: str, tekst: str) -> Case:
    """Step 3: the client rewords a question for the plan (own words; an empty text is refused)."""
    tekst = tekst.strip()
    if not tekst:
        raise CaseError(t("bijeenkomst.err.question_empty"))
    vragen = case.basisposter.vragen
    if vid not in {v.id for v in vragen}:
        raise CaseError(t("bijeenkomst.err.gone"))
    new = [_validated(Vraag, {**v.model_dump(), "tekst": tekst}) if v.id == vid else v for v in vragen]
    return _with(case, basisposter=case.basisposter.model_copy(update={"vragen": new}))


def meeting_questions(case: Case) -> list[Vraag]:
    """The questions that go to the meeting, in their order (volgorde, then as stored)."""
    return sorted((v for v in case.basisposter.vragen if v.naar_bijeenkomst), key=lambda v: v.volgorde)


def move_question(case: Case, vid: str, step: int) -> Case:
    """Step 3: move a meeting question up (-1) or down (+1) among the meeting's questions. All
    questions get volgorde 1..n afterwards (meeting questions in their new order first, keeping the
    others' relative order after them)."""
    order = [v.id for v in meeting_questions(case)]
    if vid not in order:
        raise CaseError(t("bijeenkomst.err.gone"))
    i = order.index(vid)
    j = max(0, min(len(order) - 1, i + step))
    order.insert(j, order.pop(i))
    rest = [v.id for v in sorted(case.basisposter.vragen, key=lambda v: v.volgorde) if v.id not in order]
    rank = {v: n for n, v in enumerate([*order, *rest], 1)}
    new = [v.model_copy(update={"volgorde": rank[v.id]}) for v in case.basisposter.vragen]
    return _with(case, basisposter=case.basisposter.model_copy(update={"vragen": new}))


def set_team_member(case: Case, pid: str, member: bool) -> Case:
    """Step 7 *Je vaste groep*: (un)choose a member. The client is always in the team."""
    _known_person(case, pid)
    team = case.basisteam
    leden = [p for p in team.leden if p != pid]
    if member:
        leden.append(pid)
    elif pid == case.klant_id:
        raise CaseError(t("bijeenkomst.err.team_client"))
    if case.klant_id not in leden:
        leden.insert(0, case.klant_id)
    return _with(case, basisteam=team.model_copy(update={"leden": leden}))


def set_first_meeting(case: Case, datum: Optional[dt.date]) -> Case:
    """Step 7: the date of the team's first meeting (None clears it)."""
    team = _validated(Basisteam, {**case.basisteam.model_dump(), "eerste_overleg": datum})
    return _with(case, basisteam=team)
