"""Edits of a case as pure functions: each takes a Case and returns a new Case, never mutating.

Unchanged parts are shared between old and new (model_copy without deep copy), so keeping every old
version for undo/redo costs little. Inputs from people are validated; bad input raises CaseError.
Every new Case passes through `_with`, which runs the whole-case integrity check: an edit can never
make a case that would be refused when it is read back.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Callable, Optional

from pydantic import ValidationError

from ..messages import t
from .case import (FASEN, Band, Basisteam, Bijeenkomst, Case, Gebeurtenis, KaartPersoon, Moment, Momentopname, Persoon,
                   PosterItem, Steun, Vraag, check_integrity)
from .errors import CaseError, from_validation_error
from .limits import MAX_PERSONS, MAX_TEXT
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


# ----- basisposter and ontmoeten: cards, questions for the plan, who thought along, the story -----
# (wt-poster) The poster's cards are PosterItems in three fields; questions are Vraag with a volgorde
# that is always 1..n after an edit here (the list itself is kept in that order too).

def _card_text(tekst: str) -> str:
    """Text of a card or question: trimmed, not empty, not longer than MAX_TEXT (Dutch CaseError)."""
    text = str(tekst or "").strip()
    if not text:
        raise CaseError(t("basisposter.err.empty"))
    if len(text) > MAX_TEXT:
        raise CaseError(t("basisposter.err.long", max=MAX_TEXT))
    return text


def _poster_field(veld: str) -> None:
    if veld not in POSTER_FIELDS:
        raise CaseError(t("err.v.literal_error", expected=", ".join(POSTER_FIELDS)))


def _known_person(case: Case, pid: Optional[str]) -> Optional[str]:
    """None stays None; an id must name a person of the case (CaseError otherwise)."""
    if pid is None:
        return None
    if pid not in {p.id for p in case.personen}:
        raise CaseError(t("basisposter.err.unknown_person"))
    return pid


def add_card(case: Case, veld: str, tekst: str, door: Optional[str] = None) -> tuple[Case, str]:
    """A card on the poster with a checked text (empty or too long is refused); returns (case, id)."""
    _poster_field(veld)
    return add_poster_item(case, veld, _card_text(tekst), _known_person(case, door))


_UNSET: Any = object()


def update_poster_item(case: Case, veld: str, item_id: str, *, tekst: Optional[str] = None,
                       door: Any = _UNSET) -> Case:
    """Change the text and/or the writer (`door`, None = nobody) of one card."""
    _poster_field(veld)
    items = list(getattr(case.basisposter, veld))
    index = next((i for i, item in enumerate(items) if item.id == item_id), None)
    if index is None:
        raise CaseError(t("basisposter.err.gone"))
    changes: dict[str, Any] = {}
    if tekst is not None:
        changes["tekst"] = _card_text(tekst)
    if door is not _UNSET:
        changes["door"] = _known_person(case, door)
    items[index] = items[index].model_copy(update=changes)
    return _with(case, basisposter=case.basisposter.model_copy(update={veld: items}))


def questions_in_order(vragen) -> list:
    """The questions by `volgorde` (ties keep list order): the numbering 1..n people see."""
    return [v for _, _, v in sorted((v.volgorde, i, v) for i, v in enumerate(vragen))]


def _renumbered(vragen) -> list:
    return [v if v.volgorde == n else v.model_copy(update={"volgorde": n}) for n, v in enumerate(vragen, 1)]


def _with_questions(case: Case, vragen: list) -> Case:
    return _with(case, basisposter=case.basisposter.model_copy(update={"vragen": _renumbered(vragen)}))


def _question_index(vragen: list, vid: str) -> int:
    for i, v in enumerate(vragen):
        if v.id == vid:
            return i
    raise CaseError(t("basisposter.err.gone"))


def add_question(case: Case, tekst: str, *, naar_bijeenkomst: bool = False,
                 eigenaar: Optional[str] = None) -> tuple[Case, str]:
    """A question for the plan, in the client's own words, numbered last; returns (case, id)."""
    vragen = questions_in_order(case.basisposter.vragen)
    vid = new_id("v")
    vraag = _validated(Vraag, {"id": vid, "tekst": _card_text(tekst), "volgorde": len(vragen) + 1,
                               "naar_bijeenkomst": bool(naar_bijeenkomst),
                               "eigenaar": _known_person(case, eigenaar)})
    return _with_questions(case, [*vragen, vraag]), vid


def update_question(case: Case, vid: str, *, tekst: Optional[str] = None, naar_bijeenkomst: Optional[bool] = None,
                    eigenaar: Any = _UNSET) -> Case:
    """Reword a question, mark it for the meedenkbijeenkomst, or choose its owner (None = nobody)."""
    vragen = questions_in_order(case.basisposter.vragen)
    i = _question_index(vragen, vid)
    changes: dict[str, Any] = {}
    if tekst is not None:
        changes["tekst"] = _card_text(tekst)
    if naar_bijeenkomst is not None:
        changes["naar_bijeenkomst"] = bool(naar_bijeenkomst)
    if eigenaar is not _UNSET:
        changes["eigenaar"] = _known_person(case, eigenaar)
    vragen[i] = vragen[i].model_copy(update=changes)
    return _with_questions(case, vragen)


def remove_question(case: Case, vid: str) -> Case:
    """Remove a question; agreements that answered it keep their text and lose the link. The rest
    is numbered 1..n again."""
    vragen = questions_in_order(case.basisposter.vragen)
    del vragen[_question_index(vragen, vid)]
    rest = without(case, "vraag", vid)
    return _with_questions(rest, vragen)


def move_question(case: Case, vid: str, to_index: int) -> Case:
    """Put a question at place `to_index` (0-based, clamped to the list) and number all 1..n."""
    vragen = questions_in_order(case.basisposter.vragen)
    vraag = vragen.pop(_question_index(vragen, vid))
    try:
        to = int(to_index)
    except (TypeError, ValueError):
        raise CaseError(t("err.v.other")) from None
    vragen.insert(max(0, min(to, len(vragen))), vraag)
    return _with_questions(case, vragen)


def set_meedenkers(case: Case, ids) -> Case:
    """Who thought along with the poster (persons of the case, each once, in the given order)."""
    known = {p.id for p in case.personen}
    chosen = list(dict.fromkeys(str(i) for i in ids))
    if any(i not in known for i in chosen):
        raise CaseError(t("basisposter.err.unknown_person"))
    return _with(case, basisposter=case.basisposter.model_copy(update={"meedenkers": chosen}))


def update_ontmoeten(case: Case, *, verhaal: Optional[str] = None, datum: Any = _UNSET) -> Case:
    """The client's story (own words; may be empty) and the optional date of the first meeting."""
    changes: dict[str, Any] = {}
    if verhaal is not None:
        text = str(verhaal).rstrip()
        if len(text) > MAX_TEXT:
            raise CaseError(t("basisposter.err.long", max=MAX_TEXT))
        changes["verhaal"] = text
    if datum is not _UNSET:
        if datum is not None and not isinstance(datum, dt.date):
            try:
                datum = dt.date.fromisoformat(str(datum))
            except ValueError:
                raise CaseError(t("ontmoeten.err.date")) from None
        changes["datum"] = datum
    return _with(case, ontmoeten=case.ontmoeten.model_copy(update=changes))
# ----- gebeurteniskaart: life events (add_event, update_event, remove_event) -----

def _event_moment(wanneer: Any) -> Optional[Moment]:
    """A Moment from None, a Moment, or a dict with one of datum / jaar / leeftijd (+ ongeveer).
    A date may be a datetime.date, "2020-05-02" or "2-5-2020". Bad values: CaseError in Dutch."""
    if wanneer is None or isinstance(wanneer, Moment):
        return wanneer
    if not isinstance(wanneer, dict):
        raise CaseError(t("err.moment_one"))
    data = {k: v for k, v in wanneer.items() if k in ("datum", "jaar", "leeftijd", "ongeveer")}
    if set(wanneer) - set(data):
        raise CaseError(t("err.moment_one"))
    jaar, leeftijd, datum = data.get("jaar"), data.get("leeftijd"), data.get("datum")
    if jaar is not None and (type(jaar) is not int or not 1850 <= jaar <= 2200):
        raise CaseError(t("gebeurteniskaart.err.year"))
    if leeftijd is not None and (type(leeftijd) is not int or not 0 <= leeftijd <= 130):
        raise CaseError(t("gebeurteniskaart.err.age"))
    if datum is not None:
        data["datum"] = _event_date(datum)
    data["ongeveer"] = bool(data.get("ongeveer", False))
    if sum(data.get(k) is not None for k in ("datum", "jaar", "leeftijd")) != 1:
        raise CaseError(t("err.moment_one"))
    return _validated(Moment, data)


def _event_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        day = value
    else:
        text = str(value).strip()
        try:
            if len(text) == 10 and text[4] == "-":  # 2020-05-02
                day = dt.date.fromisoformat(text)
            else:  # 2-5-2020 (the way the app writes dates)
                d, m, y = (int(part) for part in text.replace("/", "-").split("-"))
                if not 1000 <= y <= 9999:
                    raise ValueError(text)
                day = dt.date(y, m, d)
        except ValueError:
            raise CaseError(t("gebeurteniskaart.err.date")) from None
    if not 1850 <= day.year <= 2200:
        raise CaseError(t("gebeurteniskaart.err.year"))
    return day


def _event_fields(case: Case, fields: dict[str, Any]) -> dict[str, Any]:
    """Checked values for the fields of a Gebeurtenis that people edit."""
    allowed = {"titel", "verhaal", "wanneer", "gevoel", "personen"}
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"not an event field: {sorted(unknown)}")
    out = dict(fields)
    if "titel" in out:
        titel = str(out["titel"] or "").strip()
        if not titel:
            raise CaseError(t("gebeurteniskaart.err.title"))
        out["titel"] = titel
    if "verhaal" in out:
        out["verhaal"] = str(out["verhaal"] or "").strip()
    if "wanneer" in out:
        out["wanneer"] = _event_moment(out["wanneer"])
    if "gevoel" in out and out["gevoel"] not in ("fijn", "moeilijk", "allebei"):
        raise CaseError(t("gebeurteniskaart.err.feeling"))
    if "personen" in out:
        known = {p.id for p in case.personen}
        people = list(dict.fromkeys(out["personen"] or ()))  # each once, in the order chosen
        missing = [pid for pid in people if pid not in known]
        if missing:
            raise CaseError(t("err.edit_refused", detail=t("err.unknown_person", what=t("ref.gebeurtenis"),
                                                            id=missing[0])))
        out["personen"] = people
    return out


def add_event(case: Case, titel: str, **fields: Any) -> tuple[Case, str]:
    """Add a life event (wanneer, verhaal, gevoel, personen optional); returns the case and its id."""
    eid = fields.pop("id", None) or new_id("g")
    if eid in {g.id for g in case.gebeurtenissen}:
        raise CaseError(t("err.duplicate_id", id=eid, what="gebeurtenissen"))
    values = _event_fields(case, {"titel": titel, **fields})
    event = _validated(Gebeurtenis, {"id": eid, **values})
    return _with(case, gebeurtenissen=[*case.gebeurtenissen, event]), eid


def update_event(case: Case, eid: str, **changes: Any) -> Case:
    """Change titel, verhaal, wanneer (a Moment, a dict or None), gevoel and/or personen of one event."""
    old = next((g for g in case.gebeurtenissen if g.id == eid), None)
    if old is None:
        raise CaseError(t("gebeurteniskaart.err.unknown"))
    values = _event_fields(case, changes)
    new = old.model_copy(update=values)
    new = _validated(Gebeurtenis, new.model_dump())  # the same checks as a file gets
    if new == old:
        return case
    return _with(case, gebeurtenissen=[new if g.id == eid else g for g in case.gebeurtenissen])


def remove_event(case: Case, eid: str) -> Case:
    if not any(g.id == eid for g in case.gebeurtenissen):
        raise CaseError(t("gebeurteniskaart.err.unknown"))
    return _with(case, gebeurtenissen=[g for g in case.gebeurtenissen if g.id != eid])
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
# ===== meedenkbijeenkomst: invitations, the meeting, information, piketpaaltjes, privétijd, basisteam =====
# (issue #11 items 1-4; the basisposter's own question ops may exist elsewhere: set_question_text and
# move_question below are the meeting's step 3 edits of the same `basisposter.vragen`)

UITNODIGING_STATUSES = ("nog_vragen", "uitgenodigd", "komt", "komt_niet", "misschien")


def _bijeenkomst(case: Case, **changes: Any) -> Case:
    """The case with the meeting changed: validated as a Bijeenkomst, then the whole case."""
    data = {**case.bijeenkomst.model_dump(), **changes}
    return _with(case, bijeenkomst=_validated(Bijeenkomst, data))


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


def meeting_questions(case: Case) -> list[Vraag]:
    """The questions that go to the meeting, in their order (volgorde, then as stored)."""
    return sorted((v for v in case.basisposter.vragen if v.naar_bijeenkomst), key=lambda v: v.volgorde)


def move_meeting_question(case: Case, vid: str, step: int) -> Case:
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
# ===== basisteam: the meetings of the vaste groep (overleg) and how a meeting changes the plan =====
# (issue #11 item 6) Meetings are kept in date order (stable: two on one day keep their order), so the
# last one is the newest. `Overleg.plan_versie` is the plan version the meeting MADE (None: the plan
# stayed the same): the first plan change in a meeting copies the current plan into a new version dated
# the meeting's day; further changes in that meeting go into the same version. Only the newest meeting
# changes the plan (an older one is history). `nieuwe_afspraken` lists the agreements added in it.

from .case import Overleg  # noqa: E402 (this section's own import, kept here for a clean merge)

OVERLEG_LISTS = ("successen", "zorgen")


def _as_date(value: Any, error: str = "overleg.err.date") -> dt.date:
    """A date from a datetime.date or "2025-12-01" (what a date field sends); else CaseError(error)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        day = dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise CaseError(t(error)) from None
    if not 1850 <= day.year <= 2200:
        raise CaseError(t(error))
    return day


def overleg(case: Case, oid: str) -> Overleg:
    """The meeting `oid` (CaseError when it is gone, e.g. after an undo in another tab)."""
    for o in case.basisteam.overleggen:
        if o.id == oid:
            return o
    raise CaseError(t("overleg.err.gone"))


def newest_overleg(case: Case) -> Optional[Overleg]:
    """The newest meeting: the last one (meetings are kept in date order)."""
    return case.basisteam.overleggen[-1] if case.basisteam.overleggen else None


def _with_overleggen(case: Case, overleggen: list) -> Case:
    ordered = sorted(overleggen, key=lambda o: o.datum)  # stable: same-day meetings keep their order
    return _with(case, basisteam=case.basisteam.model_copy(update={"overleggen": ordered}))


def _replace_overleg(case: Case, new: Overleg) -> Case:
    return _with_overleggen(case, [new if o.id == new.id else o for o in case.basisteam.overleggen])


def _people(case: Case, ids: Any) -> list[str]:
    known = {p.id for p in case.personen}
    chosen = list(dict.fromkeys(str(i) for i in (ids or ())))
    if any(i not in known for i in chosen):
        raise CaseError(t("basisposter.err.unknown_person"))
    return chosen


def add_overleg(case: Case, datum: Any, *, aanwezig: Any = None) -> tuple[Case, str]:
    """A new meeting of the vaste groep on `datum`, with who is there (persons of the case, each
    once); returns (case, id). It changes nothing in the plan yet."""
    oid = new_id("o")
    new = _validated(Overleg, {"id": oid, "datum": _as_date(datum), "aanwezig": _people(case, aanwezig)})
    return _with_overleggen(case, [*case.basisteam.overleggen, new]), oid


def update_overleg(case: Case, oid: str, *, datum: Any = _UNSET, volgende: Any = _UNSET) -> Case:
    """The meeting's date, or the date of the next one (None or "" clears it; it cannot be before
    the meeting). A plan version the meeting made carries the meeting's date, so it moves along."""
    old = overleg(case, oid)
    changes: dict[str, Any] = {}
    if datum is not _UNSET:
        changes["datum"] = _as_date(datum)
    if volgende is not _UNSET:
        changes["volgende"] = None if volgende in (None, "") else _as_date(volgende)
    new = old.model_copy(update=changes)
    if new.volgende is not None and new.volgende < new.datum:
        raise CaseError(t("overleg.err.next_before"))
    if new == old:
        return case
    if new.datum != old.datum and new.plan_versie is not None:
        plannen = [p.model_copy(update={"datum": new.datum}) if p.versie == new.plan_versie else p
                   for p in case.plannen]
        case = case.model_copy(update={"plannen": plannen})
    return _replace_overleg(case, new)


def remove_overleg(case: Case, oid: str) -> Case:
    """Remove a meeting from the log. A plan version it made stays: the plan is history too."""
    overleg(case, oid)
    return _with_overleggen(case, [o for o in case.basisteam.overleggen if o.id != oid])


def set_overleg_present(case: Case, oid: str, pid: str, present: bool) -> Case:
    """`pid` is (not) at meeting `oid`. Anyone of the network may come, professionals too: their
    presence over the meetings shows the begeleider stepping back."""
    old = overleg(case, oid)
    _known_person(case, pid)
    here = [p for p in old.aanwezig if p != pid] + ([pid] if present else [])
    if here == old.aanwezig:
        return case
    return _replace_overleg(case, old.model_copy(update={"aanwezig": here}))


def _overleg_list(veld: str) -> None:
    if veld not in OVERLEG_LISTS:
        raise CaseError(t("err.v.literal_error", expected=", ".join(OVERLEG_LISTS)))


def add_overleg_item(case: Case, oid: str, veld: str, tekst: str) -> Case:
    """Write down a success ("Wat gaat al goed?") or a worry ("Wat heeft nog aandacht nodig?")."""
    _overleg_list(veld)
    old = overleg(case, oid)
    text = str(tekst or "").strip()
    if not text:
        raise CaseError(t("overleg.err.empty"))
    if len(text) > MAX_TEXT:
        raise CaseError(t("basisposter.err.long", max=MAX_TEXT))
    new = _validated(Overleg, {**old.model_dump(), veld: [*getattr(old, veld), text]})
    return _replace_overleg(case, new)


def remove_overleg_item(case: Case, oid: str, veld: str, index: int) -> Case:
    """Take item number `index` (0-based) out of the successes or worries of meeting `oid`."""
    _overleg_list(veld)
    old = overleg(case, oid)
    items = list(getattr(old, veld))
    if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < len(items):
        raise CaseError(t("overleg.err.gone_item"))
    del items[index]
    return _replace_overleg(case, old.model_copy(update={veld: items}))


def overleg_owns_version(case: Case, o: Overleg) -> bool:
    """The current plan version is the one meeting `o` made (its changes go into it)."""
    plan = case.huidig_plan
    return plan is not None and o.plan_versie == plan.versie


def _in_meeting(case: Case, oid: str, edit: Callable[[Case], Any]) -> tuple[Case, Any]:
    """Run a plan edit inside meeting `oid`: the first change of the plan in that meeting makes a new
    plan version (a copy of the current one, dated the meeting's day) and the meeting records it; later
    changes go into that same version. An edit that changes nothing makes no version. Only the newest
    meeting changes the plan. Returns (case, the edit's extra result)."""
    o = overleg(case, oid)
    newest = newest_overleg(case)
    if newest is None or newest.id != oid:
        raise CaseError(t("overleg.err.not_newest"))
    plan = case.huidig_plan
    base = case
    if plan is not None and not overleg_owns_version(case, o):
        copy = plan.model_copy(update={"versie": plan.versie + 1, "datum": o.datum})
        base = case.model_copy(update={"plannen": [*case.plannen, copy]})
    result = edit(base)
    new, extra = result if isinstance(result, tuple) else (result, None)
    if new is base:
        return case, extra
    current = new.huidig_plan
    assert current is not None  # an edit of the plan leaves a plan
    o = overleg(new, oid)  # may have lost a new agreement that was removed again
    if o.plan_versie != current.versie:
        new = _replace_overleg(new, o.model_copy(update={"plan_versie": current.versie}))
    return new, extra


def overleg_add_agreement(case: Case, oid: str, vraag_id: Optional[str], wat: str,
                          **fields: Any) -> tuple[Case, str]:
    """A new agreement made in meeting `oid` (in its plan version; listed in nieuwe_afspraken)."""
    day = overleg(case, oid).datum

    def edit(c: Case) -> tuple[Case, str]:
        c, aid = add_agreement(c, vraag_id, wat, today=day, **fields)
        o = overleg(c, oid)
        return _replace_overleg(c, o.model_copy(update={"nieuwe_afspraken": [*o.nieuwe_afspraken, aid]})), aid

    return _in_meeting(case, oid, edit)


def overleg_update_agreement(case: Case, oid: str, aid: str, **changes: Any) -> Case:
    """Change an agreement in meeting `oid`: who, how often, stopped (status gestopt) or its words."""
    _find_agreement(case, aid)
    return _in_meeting(case, oid, lambda c: update_agreement(c, aid, **changes))[0]


def overleg_remove_agreement(case: Case, oid: str, aid: str) -> Case:
    """Take an agreement out of the plan in meeting `oid` (older versions keep it)."""
    _find_agreement(case, aid)
    return _in_meeting(case, oid, lambda c: remove_agreement(c, aid))[0]
