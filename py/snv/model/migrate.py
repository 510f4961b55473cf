"""Bring any older case file up to the current schema before validating it (like Excalidraw: every
loaded file is migrated). Each step takes the raw dict of version N and returns version N+1."""
from __future__ import annotations

from typing import Callable

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


MIGRATIONS: dict[int, Callable[[dict], dict]] = {0: _v0_to_v1}


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
