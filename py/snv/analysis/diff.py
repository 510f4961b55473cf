"""What changed on the relatiekaart between two moments ("Vergelijk").

Both sides are Momentopnamen (a stored snapshot or model.ops.map_state(case)). A person is "on the map"
when both sector and nabijheid are set; the client never counts. Someone who was only in the list and
is now placed counts as added; someone taken off the map (or deleted) as removed, with their old place
kept so the renderer can draw a ghost.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Optional

from ..messages import t
from ..model.case import NABIJHEDEN, STEUNSOORTEN
from .layout import on_map

#: badge codes in display order (the renderer and the list view use the same codes)
BADGES = ("nieuw", "weg", "dichterbij", "verder_weg", "sector", "lijn", "steun")
#: order of the groups in the list view (UX: Nieuw, Dichterbij, Verder weg, Lijn anders, Steun anders, Weg)
LINE_GROUPS = ("nieuw", "dichterbij", "verder_weg", "sector", "lijn", "steun", "weg")


@dataclass(frozen=True)
class Change:
    """One change for one person. `sector`/`nabijheid` is where to draw them: the new place, or for a
    removed person the old place. before/after depend on the list: (sector, nabijheid) for added and
    removed, a nabijheid for closer/further, a sector for moved_sector, a kwaliteit (or None) for
    quality_changed, and sorted [(soort, richting), ...] for support_changed."""
    id: str
    naam: str
    before: Any
    after: Any
    sector: Optional[str] = None
    nabijheid: Optional[str] = None


@dataclass(frozen=True)
class MapDiff:
    added: list[Change] = field(default_factory=list)
    removed: list[Change] = field(default_factory=list)
    closer: list[Change] = field(default_factory=list)
    further: list[Change] = field(default_factory=list)
    moved_sector: list[Change] = field(default_factory=list)
    quality_changed: list[Change] = field(default_factory=list)
    support_changed: list[Change] = field(default_factory=list)

    _CODES = (("added", "nieuw"), ("removed", "weg"), ("closer", "dichterbij"), ("further", "verder_weg"),
              ("moved_sector", "sector"), ("quality_changed", "lijn"), ("support_changed", "steun"))

    @property
    def is_empty(self) -> bool:
        return not any(getattr(self, name) for name, _ in self._CODES)

    def badges(self) -> dict[str, list[str]]:
        """person id → badge codes (in BADGES order)."""
        out: dict[str, list[str]] = {}
        for name, code in self._CODES:
            for ch in getattr(self, name):
                out.setdefault(ch.id, []).append(code)
        return out

    def lines(self) -> list[dict[str, str]]:
        """B1 sentences for the list view: [{group, text, person}], grouped in LINE_GROUPS order."""
        by_group: dict[str, list[dict[str, str]]] = {g: [] for g in LINE_GROUPS}

        def add(group: str, ch: Change, text: str) -> None:
            by_group[group].append({"group": group, "text": text, "person": ch.id})

        for ch in self.added:
            add("nieuw", ch, t("diff.added", naam=ch.naam, sector=_sector(ch.after[0]), ring=_ring(ch.after[1])))
        for ch in self.closer:
            add("dichterbij", ch, t("diff.closer", naam=ch.naam, was=_ring(ch.before), nu=_ring(ch.after)))
        for ch in self.further:
            add("verder_weg", ch, t("diff.further", naam=ch.naam, was=_ring(ch.before), nu=_ring(ch.after)))
        for ch in self.moved_sector:
            add("sector", ch, t("diff.sector", naam=ch.naam, was=_sector(ch.before), nu=_sector(ch.after)))
        for ch in self.quality_changed:
            add("lijn", ch, t("diff.quality", naam=ch.naam, was=_quality(ch.before), nu=_quality(ch.after)))
        for ch in self.support_changed:
            for text in _support_lines(ch):
                add("steun", ch, text)
        for ch in self.removed:
            add("weg", ch, t("diff.removed", naam=ch.naam, sector=_sector(ch.before[0]), ring=_ring(ch.before[1])))
        return [line for g in LINE_GROUPS for line in by_group[g]]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: every list of changes as dicts (tuples become lists)."""
        def plain(v: Any) -> Any:
            if isinstance(v, (list, tuple)):
                return [plain(x) for x in v]
            return v
        return {name: [{k: plain(v) for k, v in asdict(ch).items()} for ch in getattr(self, name)]
                for name, _ in self._CODES}


def _sector(s: str) -> str:
    return t(f"label.sector.{s}")


def _ring(n: str) -> str:
    return t(f"label.nabijheid.{n}")


def _quality(q: Optional[str]) -> str:
    return t(f"label.kwaliteit.{q or 'none'}")


def _support_lines(ch: Change) -> list[str]:
    before, after = dict(ch.before), dict(ch.after)
    out = []
    for soort in STEUNSOORTEN:
        was, nu = before.get(soort), after.get(soort)
        if was == nu:
            continue
        label = t(f"label.steunsoort.{soort}")
        if was is None:
            out.append(t(f"diff.support.added.{nu}", naam=ch.naam, soort=label))
        elif nu is None:
            out.append(t(f"diff.support.removed.{was}", naam=ch.naam, soort=label))
        else:
            out.append(t("diff.support.changed", soort=label, naam=ch.naam,
                         was=t(f"label.richting.{was}", naam=ch.naam), nu=t(f"label.richting.{nu}", naam=ch.naam)))
    return out


# ----- computing the diff -----

def _on_map(state, klant: Optional[str]) -> dict[str, Any]:
    return {p.id: p for p in state.personen if on_map(p, klant)}


def _qualities(state, klant: Optional[str]) -> dict[str, Optional[str]]:
    out: dict[str, Optional[str]] = {}
    if klant is None:
        return out
    for b in state.banden:
        if b.a == klant:
            out[b.b] = b.kwaliteit
        elif b.b == klant:
            out[b.a] = b.kwaliteit
    return out


def _support(state) -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for s in state.steun:
        out.setdefault(s.persoon, []).append((s.soort, s.richting))
    return {pid: sorted(v, key=lambda sr: STEUNSOORTEN.index(sr[0])) for pid, v in out.items()}


def diff_maps(old, new, klant_id: Optional[str] = None) -> MapDiff:
    """Compare two Momentopnamen. `klant_id` defaults to the client the snapshots name (schema 2:
    every snapshot does)."""
    klant = klant_id or new.klant_id or old.klant_id
    before, after = _on_map(old, klant), _on_map(new, klant)
    names = {p.id: p.naam for p in old.personen}
    names.update({p.id: p.naam for p in new.personen})

    def order(ids) -> list[str]:
        return sorted(ids, key=lambda i: (names[i].casefold(), i))

    added = [Change(i, names[i], None, (after[i].sector, after[i].nabijheid), after[i].sector, after[i].nabijheid)
             for i in order(after.keys() - before.keys())]
    removed = [Change(i, names[i], (before[i].sector, before[i].nabijheid), None, before[i].sector, before[i].nabijheid)
               for i in order(before.keys() - after.keys())]
    closer, further, moved, quality, support = [], [], [], [], []
    q_old, q_new = _qualities(old, klant), _qualities(new, klant)
    s_old, s_new = _support(old), _support(new)
    for i in order(before.keys() & after.keys()):
        a, b = before[i], after[i]
        where = dict(sector=b.sector, nabijheid=b.nabijheid)
        ra, rb = NABIJHEDEN.index(a.nabijheid), NABIJHEDEN.index(b.nabijheid)
        if rb < ra:
            closer.append(Change(i, names[i], a.nabijheid, b.nabijheid, **where))
        elif rb > ra:
            further.append(Change(i, names[i], a.nabijheid, b.nabijheid, **where))
        if a.sector != b.sector:
            moved.append(Change(i, names[i], a.sector, b.sector, **where))
        if q_old.get(i) != q_new.get(i):
            quality.append(Change(i, names[i], q_old.get(i), q_new.get(i), **where))
        if s_old.get(i, []) != s_new.get(i, []):
            support.append(Change(i, names[i], s_old.get(i, []), s_new.get(i, []), **where))
    return MapDiff(added, removed, closer, further, moved, quality, support)
