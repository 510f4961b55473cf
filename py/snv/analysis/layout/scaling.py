"""The placement as a whole, and its size: a small network gets bigger markers and names.

Scale s is found by laying out in a "virtual" map shrunk by 1/s around the centre (markers and labels
keep their size there), then stretching every position back by s: markers and labels come out s times
bigger, all placement rules unchanged. The virtual map's units are CSS px at the *readable size*: shown
readable_width(s) = MAP_SIZE / s px wide, every name is LABEL_FONT (14) px and every marker has its own
44 px tap area (TAP_R). The screen shows the map at least that big (a tablet's ~550 px fits s = 1.8);
a crowded map gets a smaller s, so it grows past the screen and the view pans (s < 1 up to
REPAIR_LIMIT persons; beyond that overlap cannot be avoided anyway and the map stays at s = 1).

Placement steps: (1) spread.py plans an even spread per cell; (2-3) fit.py moves whoever overlaps to
the nearest free spot, packing crowded cells; (4) eject.py moves others aside as a last resort.
Overlap is only left when none of this finds room.
"""
from __future__ import annotations

import math
from typing import Optional

from ...model.case import NABIJHEDEN, SECTORS
from .cells import _Item
from .eject import _count_clashes
from .fit import _fit
from .geometry import _GEOMETRY, CENTRE, MAP_SIZE, MARKER_R, Geometry, virtual_geometry
from .labels import MapEntry, Placed, _block_width, _label_spot
from .spread import _UNIT_H, _spread_cell

REPAIR_LIMIT = 200  # above this many persons overlap cannot be avoided anyway: steps 2-4 are skipped
TEXT_SCALES = (1.8, 1.6, 1.4, 1.2, 1.0, 0.85, 0.7, 0.6)  # tried from the largest the estimate allows, downwards
_HOPELESS = 0.72  # below this estimate some cell cannot hold its people without overlap (measured)
_OPTIMISM = 1.7  # small maps try scales up to this much above the estimate
_OPTIMISM_LIMIT = 40  # persons; above this failed tries would cost more than they give
_FULL_TRY_LIMIT = 24  # persons; up to here even the tries above the estimate get the full repair
_FILL = 0.8  # share of a cell that marker+label blocks may take (fitted on demo and random cases)


def _scale_estimate(cells: dict[tuple, list[_Item]]) -> float:
    """The largest scale at which every cell's people should fit (area estimate, refined by trying)."""
    best = TEXT_SCALES[0]
    for (sector, nabijheid), items in cells.items():
        a0, a1 = _GEOMETRY.sector_angles(sector)
        r0, r1 = _GEOMETRY.ring_bounds(nabijheid)
        area = math.radians(a1 - a0) / 2 * (r1 * r1 - r0 * r0)
        need = sum((max(2 * MARKER_R, it.w) + 8) * (_UNIT_H + 4) for it in items)
        best = min(best, math.sqrt(_FILL * area / need))
    return best


def text_scale(placed: dict[str, Placed]) -> float:
    """The scale of a finished layout (the largest for an empty map: it fits any screen)."""
    return next(iter(placed.values())).scale if placed else TEXT_SCALES[0]


def readable_width(scale: float) -> float:
    """CSS px the map must be wide for names of LABEL_FONT px and 44 px tap areas at this scale."""
    return MAP_SIZE / scale


def _place(geo: Geometry, cells: dict[tuple, list[_Item]], thorough: bool, repair: bool = True) -> list[_Item]:
    ordered: list[_Item] = []
    for s in SECTORS:
        for n in NABIJHEDEN:
            items = cells.get((s, n))
            if not items:
                continue
            for it in items:
                it.kind = "below"  # a try at a larger scale may have left another side
            _spread_cell(geo, items)
            ordered.extend(items)
    if ordered and thorough:
        _fit(geo, ordered, repair)
    return ordered


def _placed(it: _Item, scale: float = 1.0) -> Placed:
    """From the virtual map back to the real one: every position stretched by `scale` from the centre."""
    lx, ly, anchor = _label_spot(it.kind, it.x, it.y, it.extra)
    r = lambda v: round(CENTRE + (v - CENTRE) * scale, 1)  # noqa: E731 - short SVG numbers
    return Placed(it.id, r(it.x), r(it.y), it.sector, it.nabijheid, r(lx), r(ly), anchor, it.label, scale, it.note)


def place(entries: tuple[MapEntry, ...], scale: Optional[float] = None) -> dict[str, Placed]:
    """Place the persons of `entries` (see inputs.layout_input); nothing else is read. `scale` fixes the
    marker/label size; by default the largest of TEXT_SCALES that leaves no overlap."""
    cells: dict[tuple, list[_Item]] = {}
    for e in entries:  # in sector, ring, name, id order: each cell's items come out sorted
        cells.setdefault((e.sector, e.nabijheid), []).append(
            _Item(e.id, e.sector, e.nabijheid, e.label, _block_width(e.label, e.note), note=e.note))
    n = len(entries)
    estimate = _scale_estimate(cells) if cells else 1.0
    # beyond REPAIR_LIMIT overlap is accepted anyway: the map does not grow past scale 1 there
    allowed = TEXT_SCALES if n <= REPAIR_LIMIT else tuple(s for s in TEXT_SCALES if s >= 1.0)
    # the estimate is careful; small maps also try bigger scales, but only the quick placement
    hope = estimate * _OPTIMISM if n <= _OPTIMISM_LIMIT else estimate
    scales = (scale,) if scale is not None else tuple(s for s in allowed if s <= hope + 1e-9) or (allowed[-1],)
    # a cell this full will overlap whatever we do: skip the costly repair (it would only churn), and
    # place once, at the largest scale the estimate allows (a bigger map, so less overlap)
    thorough = estimate >= _HOPELESS and n <= REPAIR_LIMIT
    if not thorough:
        scales = scales[:1]
    for s in scales:
        geo = virtual_geometry(s)
        last = s == scales[-1]
        ordered = _place(geo, cells, thorough, repair=last or s <= estimate + 1e-9 or n <= _FULL_TRY_LIMIT)
        if last or not _count_clashes(geo, ordered):
            return {it.id: _placed(it, s) for it in ordered}
    raise AssertionError("unreachable")  # pragma: no cover
