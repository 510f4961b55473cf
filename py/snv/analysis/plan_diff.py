"""What changed between two versions of the plan (DOMAIN.md §6: the basisteam's plan diff).

Pure: two Plan objects in, a PlanDiff out, matched by agreement id. Per agreement one or more changes,
each in one group:

    toegevoegd   in the new version only
    status       its status changed (actief → gestopt or klaar, or back to actief)
    wie          another owner: `wie` differs as a set (the order in which people were chosen is not a change)
    hoe_vaak     another frequency
    tekst        wat, waar, wanneer, hoe, start or evaluatie changed (the words, not the owner)
    verwijderd   in the old version only

The screen (render/plan.py) turns them into sentences; nothing here is user text.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

GROUPS = ("toegevoegd", "status", "wie", "hoe_vaak", "tekst", "verwijderd")
TEXT_FIELDS = ("wat", "waar", "wanneer", "hoe", "start", "evaluatie")


@dataclass(frozen=True)
class Change:
    group: str  # one of GROUPS
    afspraak_id: str
    old: Optional[Any]  # the Afspraak in the old version (None when added)
    new: Optional[Any]  # the Afspraak in the new version (None when removed)
    fields: tuple[str, ...] = ()  # for "tekst": which fields changed


@dataclass(frozen=True)
class PlanDiff:
    old_versie: Optional[int]
    new_versie: int
    changes: list[Change] = field(default_factory=list)

    def group(self, name: str) -> list[Change]:
        return [c for c in self.changes if c.group == name]

    @property
    def empty(self) -> bool:
        return not self.changes


def diff_plans(old, new) -> PlanDiff:
    """The changes from plan version `old` (None: nothing before) to `new`, in the new version's
    agreement order (removed ones last, in the old order)."""
    before = {a.id: a for a in (old.afspraken if old is not None else ())}
    after_ids = {a.id for a in new.afspraken}
    changes: list[Change] = []
    for a in new.afspraken:
        b = before.get(a.id)
        if b is None:
            changes.append(Change("toegevoegd", a.id, None, a))
            continue
        if a.status != b.status:
            changes.append(Change("status", a.id, b, a))
        if set(a.wie) != set(b.wie):
            changes.append(Change("wie", a.id, b, a))
        if a.hoe_vaak != b.hoe_vaak:
            changes.append(Change("hoe_vaak", a.id, b, a))
        words = tuple(f for f in TEXT_FIELDS if getattr(a, f) != getattr(b, f))
        if words:
            changes.append(Change("tekst", a.id, b, a, words))
    for b in (old.afspraken if old is not None else ()):
        if b.id not in after_ids:
            changes.append(Change("verwijderd", b.id, b, None))
    return PlanDiff(old.versie if old is not None else None, new.versie, changes)


def previous_version(plannen: list, versie: int):
    """The plan version just before `versie` (None for the first)."""
    earlier = [p for p in plannen if p.versie < versie]
    return earlier[-1] if earlier else None
