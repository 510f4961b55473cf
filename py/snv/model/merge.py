"""Adding another case (an imported easyNWK map or family tree) to the current one, without duplicates.

`merge_plan` pairs each person of the other case with a person of this case who has the same name
and role (a role left empty on one side still matches, when only one person fits); the app shows that
list to confirm. `merge_cases` then makes ONE new case (one undo step): matched persons keep what they
have and get what was missing (birth year, gender, a place on the map, notes, interests), the rest is
added with new ids, and ties, support, family links, partners and snapshots follow the new ids.
The other case's client is always this case's client. Nothing the current case has is removed or
overwritten.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping, Optional

from ..messages import t
from .case import Band, Case, Momentopname, OuderKind, Partnerschap, Persoon, Steun, ancestry_cycle
from .errors import CaseError
from .limits import MAX_PERSONS
from .load import new_id
from .ops import checked

MAX_SNAPSHOTS = 200  # Case.momentopnamen


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


@dataclass(frozen=True)
class MergeRow:
    """One person of the other case: `match` is the id of the same person in this case, or None (new)."""
    pid: str
    naam: str
    rol: str
    match: Optional[str]


@dataclass(frozen=True)
class MergeResult:
    added: int
    matched: int
    links_skipped: int  # family links that would have made someone their own ancestor, or a pet a parent


def merge_plan(case: Case, other: Case) -> list[MergeRow]:
    """Every person of `other` except its client, in its order, with their match in `case` (same name
    and role; a role left empty on either side matches the one person of that name it can be).
    Nameless persons (unknown parents) never match. Each person of `case` matches at most once."""
    by_both: dict[tuple[str, str], list[str]] = {}
    by_name: dict[str, list[str]] = {}
    roles: dict[str, str] = {}
    for p in case.personen:
        if p.id == case.klant_id or not p.naam.strip():
            continue
        by_both.setdefault((_key(p.naam), _key(p.rol)), []).append(p.id)
        by_name.setdefault(_key(p.naam), []).append(p.id)
        roles[p.id] = _key(p.rol)
    used: set = set()
    rows = []
    for p in other.personen:
        if p.id == other.klant_id:
            continue
        name, role = _key(p.naam), _key(p.rol)
        match = None
        if name:
            match = next((i for i in by_both.get((name, role), ()) if i not in used), None)
            if match is None:  # a role left empty on one side: the one person of that name it can be
                same = [i for i in by_name.get(name, ()) if i not in used]
                fits = [i for i in same if not roles[i]] if role else same
                if len(fits) == 1:
                    match = fits[0]
        if match is not None:
            used.add(match)
        rows.append(MergeRow(pid=p.id, naam=p.naam, rol=p.rol, match=match))
    return rows


def _filled(mine: Persoon, theirs: Persoon, *, client: bool) -> Persoon:
    """`mine` with what only `theirs` knows; nothing `mine` has is overwritten."""
    update: dict = {}
    if mine.geslacht == "onbekend" and theirs.geslacht != "onbekend":
        update["geslacht"] = theirs.geslacht
    if mine.geboortejaar is None and theirs.geboortejaar is not None:
        update["geboortejaar"] = theirs.geboortejaar
    if theirs.overleden and not mine.overleden:
        update["overleden"] = True
    if not client:
        if not mine.rol and theirs.rol:
            update["rol"] = theirs.rol
        if mine.sector is None and theirs.sector is not None:
            update["sector"] = theirs.sector
            update["professioneel"] = mine.professioneel or theirs.professioneel
        if mine.nabijheid is None and theirs.nabijheid is not None and (update.get("sector") or mine.sector) == theirs.sector:
            update["nabijheid"] = theirs.nabijheid
    known = {_key(i) for i in mine.interesses}
    extra = [i for i in theirs.interesses if _key(i) not in known]
    if extra:
        update["interesses"] = [*mine.interesses, *extra][:50]
    texts = {n.tekst for n in mine.notities}
    notes = [n.model_copy(update={"door": None}) for n in theirs.notities if n.tekst not in texts]
    if notes:
        update["notities"] = [*mine.notities, *notes][:500]
    return mine.model_copy(update=update) if update else mine


def merge_cases(case: Case, other: Case, rows: Iterable[MergeRow], take: Optional[Iterable[str]] = None
                ) -> tuple[Case, MergeResult]:
    """`case` with `other` added: `rows` from merge_plan (match or new per person), `take` the ids of
    the persons of `other` to bring in (default: all). Returns the new case and what happened."""
    rows = list(rows)
    chosen = {r.pid for r in rows} if take is None else set(take)
    theirs = {p.id: p for p in other.personen}
    people = {p.id: p for p in case.personen}
    idmap: dict[str, str] = {other.klant_id: case.klant_id}
    people[case.klant_id] = _filled(people[case.klant_id], theirs[other.klant_id], client=True)
    added: list[Persoon] = []
    matched = 0
    taken_ids = set(people)
    for row in rows:
        if row.pid not in chosen or row.pid not in theirs:
            continue
        if row.match is not None and row.match in people and row.match != case.klant_id:
            idmap[row.pid] = row.match
            people[row.match] = _filled(people[row.match], theirs[row.pid], client=False)
            matched += 1
        else:
            pid = new_id("p")
            while pid in taken_ids:
                pid = new_id("p")
            taken_ids.add(pid)
            idmap[row.pid] = pid
            added.append(theirs[row.pid].model_copy(update={
                "id": pid, "notities": [n.model_copy(update={"door": None}) for n in theirs[row.pid].notities]}))
    if len(people) + len(added) > MAX_PERSONS:
        raise CaseError(t("err.too_many_persons", count=len(people) + len(added), max=MAX_PERSONS))

    banden = list(case.banden)
    where = {frozenset((b.a, b.b)): i for i, b in enumerate(banden)}
    for b in other.banden:
        a, z = idmap.get(b.a), idmap.get(b.b)
        if a is None or z is None or a == z:
            continue
        key = frozenset((a, z))
        if key in where:
            old = banden[where[key]]
            if old.kwaliteit is None and b.kwaliteit is not None:
                banden[where[key]] = old.model_copy(update={"kwaliteit": b.kwaliteit})
        else:
            where[key] = len(banden)
            banden.append(Band(a=a, b=z, kwaliteit=b.kwaliteit))

    steun = list(case.steun)
    have = {(s.persoon, s.soort) for s in steun}
    for s in other.steun:
        target = idmap.get(s.persoon)
        if target is not None and (target, s.soort) not in have:
            have.add((target, s.soort))
            steun.append(Steun(persoon=target, soort=s.soort, richting=s.richting))

    personen = [people[p.id] for p in case.personen] + added
    kinds = {p.id: p.soort for p in personen}
    ouder_kind, skipped = _family_links(case.ouder_kind, other.ouder_kind, idmap, kinds)
    partners = list(case.partners)
    pairs = {frozenset((p.a, p.b)) for p in partners}
    for pr in other.partners:
        a, z = idmap.get(pr.a), idmap.get(pr.b)
        if a is None or z is None or a == z or frozenset((a, z)) in pairs or "huisdier" in (kinds[a], kinds[z]):
            continue
        pairs.add(frozenset((a, z)))
        partners.append(Partnerschap(a=a, b=z, status=pr.status))

    left_out = {p.id for p in other.personen if p.id not in idmap}
    snapshots = [*case.momentopnamen, *(_snapshot(m, idmap, case.klant_id, left_out) for m in other.momentopnamen)]
    if len(snapshots) > MAX_SNAPSHOTS:
        raise CaseError(t("interop.merge.too_many_snapshots", count=len(snapshots), max=MAX_SNAPSHOTS))
    new = case.model_copy(update={"personen": personen, "banden": banden, "steun": steun, "ouder_kind": ouder_kind,
                                  "partners": partners, "momentopnamen": snapshots})
    return checked(new), MergeResult(added=len(added), matched=matched, links_skipped=skipped)


def _family_links(mine: list[OuderKind], theirs: list[OuderKind], idmap: dict[str, str],
                  kinds: Mapping[str, str]) -> tuple[list[OuderKind], int]:
    """This case's parent links plus the other's that fit: no pet, no duplicate, and none that would make
    someone their own ancestor (checked for all at once; link by link only when that fails)."""
    links = list(mine)
    pairs = {(o.ouder, o.kind) for o in links}
    new: list[OuderKind] = []
    skipped = 0
    for o in theirs:
        a, z = idmap.get(o.ouder), idmap.get(o.kind)
        if a is None or z is None:
            continue
        if a == z or "huisdier" in (kinds[a], kinds[z]):
            skipped += 1
            continue
        if (a, z) not in pairs:
            pairs.add((a, z))
            new.append(OuderKind(ouder=a, kind=z, soort=o.soort))
    if not new or not _has_cycle([*links, *new]):
        return [*links, *new], skipped
    for link in new:  # rare: a name matched the wrong person; keep what fits
        if _has_cycle([*links, link]):
            skipped += 1
        else:
            links.append(link)
    return links, skipped


def _has_cycle(links: list[OuderKind]) -> bool:
    return ancestry_cycle((o.ouder, o.kind) for o in links) is not None
    return False


def _snapshot(m: Momentopname, idmap: dict[str, str], klant: str, left_out: set) -> Momentopname:
    """A snapshot of the other case in this one: its persons follow the merge (the same person keeps one
    id over time), persons the user left out are left out here too, the client is this client."""
    own = {p.id for p in m.personen}
    mapped = {pid: idmap[pid] for pid in own if pid in idmap}
    mapped[m.klant_id] = klant
    used = set(mapped.values())
    for pid in sorted(own - set(mapped)):
        new = pid
        while new in used:
            new = f"{new}-x"[:64]
        mapped[pid] = new
        used.add(new)
    keep = {pid for pid in own if pid not in left_out or pid == m.klant_id}
    personen = [p.model_copy(update={"id": mapped[p.id]}) for p in m.personen if p.id in keep]
    banden = [b.model_copy(update={"a": mapped[b.a], "b": mapped[b.b]}) for b in m.banden
              if b.a in keep and b.b in keep]
    steun = [s.model_copy(update={"persoon": mapped[s.persoon]}) for s in m.steun if s.persoon in keep]
    snap = m.model_copy(update={"id": new_id("m"), "klant_id": klant, "personen": personen, "banden": banden,
                                "steun": steun})
    return snap
