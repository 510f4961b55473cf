"""What the layout reads, and the cached layout.

`layout_input` is the only place that looks at the persons: it reduces a map state to the tuple the
placement works from (`scaling.place` sees nothing else). The same tuple is the cache key, so a field
the layout reads cannot be missing from the key, and an edit the layout does not read (a note, an
interest, a role) keeps the cached placement.
"""
from __future__ import annotations

import weakref
from typing import Optional

from ...messages import on_change, t
from ...model.case import NABIJHEDEN, SECTORS
from .labels import MapEntry, Placed, label_text
from .scaling import place


def on_map(person, klant_id: Optional[str]) -> bool:
    """A person is drawn on the relatiekaart when they have a slice and a ring and are not the client."""
    return person.op_kaart and person.id != klant_id


def layout_input(state, klant_id: Optional[str] = None) -> tuple[MapEntry, ...]:
    """Everything the placement of `state` (a case or a Momentopname) depends on, in a fixed order
    (sector, ring, name, id), so the list order of `personen` does not matter."""
    klant_id = klant_id or getattr(state, "klant_id", None)
    deceased = t("map.deceased")
    entries = [MapEntry(p.id, p.sector, p.nabijheid, label_text(p.naam),
                        deceased if getattr(p, "overleden", False) else "")
               for p in state.personen if on_map(p, klant_id)]
    entries.sort(key=lambda e: (_SECTOR_RANK[e.sector], _RING_RANK[e.nabijheid], e.label.casefold(), e.id))
    return tuple(entries)


_SECTOR_RANK = {s: i for i, s in enumerate(SECTORS)}
_RING_RANK = {n: i for i, n in enumerate(NABIJHEDEN)}


def layout_key(state, klant_id: Optional[str] = None, scale: Optional[float] = None) -> tuple:
    """The cache key of a layout: exactly its input (and the fixed scale, if any)."""
    return (layout_input(state, klant_id), scale)


def layout_map(state, klant_id: Optional[str] = None, *, scale: Optional[float] = None) -> dict[str, Placed]:
    """Place every person of a Momentopname that has both a sector and a nabijheid (not the client).

    `klant_id` skips the client when a snapshot has them in a slice (the client normally has neither).
    `scale` fixes the marker/label size; by default the largest of TEXT_SCALES that leaves no overlap.
    Returns {person id: Placed}, ordered by sector, ring, name, id.
    """
    return place(layout_input(state, klant_id), scale)


_CACHE: dict[tuple, dict[str, Placed]] = {}
_CACHE_MAX = 6  # the map now, the compared snapshot, and a few undo steps
# the state asked last, by identity (states are frozen): one render asks for it more than once, and the
# key itself (layout_input) costs as much as a few hundred labels
_LAST: list = [None, None, None]  # [weakref to the state, klant_id, its placement]


def _forget() -> None:
    _CACHE.clear()
    _LAST[0] = None


on_change(_forget)  # the ring names the labels avoid have another width in another language


def cached_layout_map(state, klant_id: Optional[str] = None) -> dict[str, Placed]:
    """layout_map(state, klant_id), reused while its input is unchanged. Callers must not change the
    returned dict."""
    last = _LAST[0]
    if last is not None and last() is state and _LAST[1] == klant_id:
        return _LAST[2]
    entries = layout_input(state, klant_id)  # built once: it is both the key and what is placed
    key = (entries, None)  # == layout_key(state, klant_id)
    hit = _CACHE.get(key)
    if hit is None:
        hit = place(entries)
        if len(_CACHE) >= _CACHE_MAX:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[key] = hit
    _LAST[:] = [weakref.ref(state), klant_id, hit]
    return hit
