"""Bring any older case file up to the current schema before validating it (like Excalidraw: every
loaded file is migrated). Each step takes the raw dict of version N and returns version N+1."""
from __future__ import annotations

from itertools import pairwise
from typing import Callable, Optional

from ..messages import t
from .case import SCHEMA_VERSION
from .errors import CaseError

_RING_V0 = {1: "heel_dichtbij", 2: "dichtbij", 3: "verder_weg"}


def _v0_to_v1(data: dict) -> dict:
    """Version 0 (early prototype files): the client was a separate `klant` object instead of a person,
    and closeness was a ring number 1..3. Version 1 keeps the client in `personen` with `klant_id`."""
    data = dict(data)
    data.setdefault("id", "dossier-v0")
    klant = data.pop("klant", None) or {"naam": "Ik"}
    if not isinstance(klant, dict) or not isinstance(data.get("personen", []), list):
        raise CaseError(t("err.not_case"))
    klant = dict(klant)
    klant.setdefault("id", "klant")
    personen = []
    for p in data.get("personen", []):
        p = dict(p) if isinstance(p, dict) else p  # not a dict: validation explains it
        if isinstance(p, dict) and "ring" in p:
            ring = p.pop("ring")
            p["nabijheid"] = _RING_V0.get(ring) if isinstance(ring, int) else ring
        personen.append(p)
    data["personen"] = [klant, *personen]
    data["klant_id"] = klant["id"]
    data["schema_version"] = 1
    return data


def _v1_to_v2(data: dict) -> dict:
    """Version 1 → 2 makes two implicit changes explicit.

    - Every snapshot names its client (`klant_id` is required): one without gets the case's client,
      who is added to the snapshot's persons if missing (sector and ring empty: not on the map).
    - Plans move from `bijeenkomst.plannen` to `plannen` (the basisteam changes the plan too). Their
      versions must be unique and increasing; when they are not, they are renumbered 1..n in stored
      order and `Overleg.plan_versie` follows (an old number shared by several plans means the last
      of them, which version 1 showed as current; a number no plan has is cleared).
    Anything of the wrong type is left as it is: validation then explains it in Dutch.
    """
    data = dict(data)
    klant_id = data.get("klant_id")
    personen = data.get("personen")
    klant = next((p for p in personen if isinstance(p, dict) and p.get("id") == klant_id), None) \
        if isinstance(personen, list) else None
    snaps = data.get("momentopnamen")
    if isinstance(snaps, list):
        data["momentopnamen"] = [_snapshot_v2(s, klant_id, klant) for s in snaps]
    bk = data.get("bijeenkomst")
    if isinstance(bk, dict) and "plannen" in bk:
        bk = dict(bk)
        plannen = bk.pop("plannen")
        data["bijeenkomst"] = bk
        if isinstance(plannen, list) and all(isinstance(p, dict) for p in plannen):
            plannen, renumber = _renumbered(plannen)
            if renumber:
                data["basisteam"] = _remap_overleg(data.get("basisteam"), renumber)
        data["plannen"] = plannen
    data["schema_version"] = 2
    return data


def _snapshot_v2(snap: object, klant_id: object, klant: Optional[dict]) -> object:
    if not isinstance(snap, dict) or snap.get("klant_id") is not None:
        return snap
    snap = {**snap, "klant_id": klant_id}
    people = snap.get("personen", [])
    if isinstance(people, list) and not any(isinstance(p, dict) and p.get("id") == klant_id for p in people):
        fields = ("id", "naam", "rol", "professioneel", "soort", "overleden")
        me = {k: klant[k] for k in fields if k in klant} if klant else {"id": klant_id, "naam": "Ik"}
        snap["personen"] = [me, *people]
    return snap


def _renumbered(plannen: list) -> tuple[list, dict]:
    """Plans with versions 1..n if theirs are not strictly increasing, and the old → new map."""
    versions = [p.get("versie") for p in plannen]
    ints = all(isinstance(v, int) and not isinstance(v, bool) for v in versions)
    if ints and all(a < b for a, b in pairwise(versions)):
        return plannen, {}
    mapping = {old: new for new, old in enumerate(versions, 1) if isinstance(old, int)}  # last one wins
    return [{**p, "versie": nr} for nr, p in enumerate(plannen, 1)], mapping


def _remap_overleg(team: object, mapping: dict) -> object:
    if not isinstance(team, dict) or not isinstance(team.get("overleggen"), list):
        return team

    def fix(o: object) -> object:
        version = o.get("plan_versie") if isinstance(o, dict) else None
        if isinstance(version, int) and not isinstance(version, bool):
            return {**o, "plan_versie": mapping.get(version)}  # type: ignore[dict-item]
        return o
    return {**team, "overleggen": [fix(o) for o in team["overleggen"]]}


def _v2_to_v3(data: dict) -> dict:
    """Version 2 → 3 adds two fields to the meeting, both empty in older files: `bijeenkomst.tijd`
    (the hour, for the invitation) and `bijeenkomst.privetijd` (the stretches of *Tijd zonder
    begeleider*, so that mode survives a reload). Nothing is renamed or moved: only the number
    changes; the defaults fill in the rest."""
    return {**data, "schema_version": 3}


MIGRATIONS: dict[int, Callable[[dict], dict]] = {0: _v0_to_v1, 1: _v1_to_v2, 2: _v2_to_v3}


def migrate(data: dict) -> dict:
    """Return `data` at SCHEMA_VERSION. Refuses files from a newer app, or versions we cannot read."""
    version = data.get("schema_version", None)
    if version is None:
        version = 0 if "klant" in data else None
    if isinstance(version, bool) or not isinstance(version, int):
        raise CaseError(t("err.bad_schema_version"))
    if version > SCHEMA_VERSION:
        raise CaseError(t("err.newer_schema", found=version, supported=SCHEMA_VERSION))
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise CaseError(t("err.unknown_old_version", found=version))
        data = step(data)
        version = data["schema_version"]
    return data
