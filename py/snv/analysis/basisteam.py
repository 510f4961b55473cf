"""What the basisteam screens compute from a case (DOMAIN.md §6): who does what, questions without an
owner, the professionals' presence over the meetings, and what a meeting changed in the plan.

Pure and without text: the screens (render/team.py, render/overleg.py) and the printed minutes
(render/verslag_svg.py) turn these into words.

Decisions:
- **Wie doet wat** lists the *active* agreements of the current plan per person who is in `wie`
  (an agreement with two people shows with both). Order: the client, the members of the vaste groep in
  their order, then everyone else by name. Active agreements without anyone are returned apart: the
  screens ask "Wie doet dit?".
- **Questions without an owner**: every question of the basisposter whose `eigenaar` is empty, in the
  poster's order.
- **Stepping back**: the model has no field "this is the procesbegeleider", so the app follows every
  professional (Persoon.professioneel) who was at one of the meetings; the procesbegeleider is one of
  them, shown with their role. `falling` is true when professionals came less often in the later
  meetings than in the earlier ones: what SNV aims for (*zichzelf overbodig maken*), never a failure.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from .plan_diff import PlanDiff, diff_plans, previous_version


@dataclass(frozen=True)
class WhoDoesWhat:
    people: list[tuple[str, list[Any]]]  # (person id, their active agreements in plan order)
    nobody: list[Any] = field(default_factory=list)  # active agreements without anyone yet


def team_ids(case) -> list[str]:
    """The vaste groep: the client first (always a member), then the members in their order."""
    return list(dict.fromkeys([case.klant_id, *case.basisteam.leden]))


def who_does_what(case) -> WhoDoesWhat:
    plan = case.huidig_plan
    by_person: dict[str, list[Any]] = {}
    nobody = []
    for a in (plan.afspraken if plan is not None else ()):
        if a.status != "actief":
            continue
        if not a.wie:
            nobody.append(a)
        for pid in dict.fromkeys(a.wie):
            by_person.setdefault(pid, []).append(a)
    team = team_ids(case)
    rank = {pid: i for i, pid in enumerate(team)}
    names = {p.id: p.naam for p in case.personen}
    order = sorted(by_person, key=lambda pid: (rank.get(pid, len(team)), names.get(pid, "").casefold(), pid))
    return WhoDoesWhat([(pid, by_person[pid]) for pid in order], nobody)


def questions_without_owner(case) -> list[Any]:
    """The basisposter's questions that nobody has taken on yet, in their order."""
    ordered = sorted(enumerate(case.basisposter.vragen), key=lambda iv: (iv[1].volgorde, iv[0]))
    return [v for _, v in ordered if v.eigenaar is None]


@dataclass(frozen=True)
class Attendance:
    dates: list[Any]  # the meetings' dates, oldest first
    rows: list[tuple[str, list[bool]]]  # (professional's id, present at each meeting)
    counts: list[int]  # professionals present at each meeting

    @property
    def falling(self) -> bool:
        """Professionals came less often in the later half of the meetings than in the earlier half
        (with at least two meetings): the begeleider is stepping back."""
        n = len(self.counts)
        if n < 2:
            return False
        half = n // 2
        early = sum(self.counts[:half]) / half
        late = sum(self.counts[n - half:]) / half
        return late < early


def attendance(case, last: Optional[int] = None) -> Attendance:
    """Which professionals were at which meeting, oldest first (only the `last` meetings if given)."""
    meetings = list(case.basisteam.overleggen)
    if last is not None:
        meetings = meetings[-last:] if last > 0 else []
    professionals = {p.id: p for p in case.personen if p.professioneel}
    seen = [pid for o in meetings for pid in o.aanwezig if pid in professionals]
    names = {pid: professionals[pid].naam for pid in seen}
    order = sorted(dict.fromkeys(seen), key=lambda pid: (names[pid].casefold(), pid))
    present = [set(o.aanwezig) for o in meetings]
    rows = [(pid, [pid in here for here in present]) for pid in order]
    counts = [sum(pid in here for pid in order) for here in present]
    return Attendance([o.datum for o in meetings], rows, counts)


def meeting_diff(case, o) -> Optional[PlanDiff]:
    """What meeting `o` changed in the plan: its plan version against the one before (None when the
    meeting made no version)."""
    if o.plan_versie is None:
        return None
    new = next((p for p in case.plannen if p.versie == o.plan_versie), None)
    if new is None:
        return None
    return diff_plans(previous_version(case.plannen, new.versie), new)
