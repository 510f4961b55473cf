"""The placement as a whole, and its size: a small network gets bigger markers and names.

Scale s is found by laying out in a "virtual" map shrunk by 1/s around the centre (markers and labels
keep their size there), then stretching every position back by s: markers and labels come out s times
bigger, all placement rules unchanged. The virtual map's units are CSS px at the *readable size*: shown
readable_width(s) = MAP_SIZE / s px wide, every name is LABEL_FONT (14) px and every marker has its own
44 px tap area (TAP_R). The screen shows the map at least that big (a tablet's map box, 556 to 630 px,
fits s = 1.8 or 1.6); a crowded map gets a smaller s, so it grows past the screen and the view pans
(s < 1 up to REPAIR_LIMIT persons; beyond that overlap cannot be avoided anyway and the map stays at
s = 1). Up to SHAPED_UP_TO persons, each scale tried gets the shape its people need (shape.py: equal
slices and the usual rings, or sized to the people when that is not roomy enough); a bigger map keeps
equal slices and a scale from an area estimate (_place_large), quick enough for a drop. The layout
carries its shape (map_geometry).

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
from .geometry import CENTRE, MAP_SIZE, MARKER_R, MAX_SCALE, Geometry, equal_geometry, geometry
from .labels import MapEntry, Placed, _block_width, _label_spot
from .shape import demand, room_bound, shape
from .spread import _UNIT_H, _spread_cell

#: up to this many persons the map gets a shape sized to its people and a full repair at each scale tried,
#: so it fits a tablet (or at least Groot scherm) unpanned; a bigger map keeps the quicker way of
#: _place_large. Measured (CPython, a move then layout_map, on demo, lopsided and random spreads of 31-40):
#: sized shapes need 556-714 px and take a median 6-76 ms a drop, where equal slices needed 714-1429 px
#: (a lopsided 40 kept 2 overlapping pairs) in 2-96 ms; at 60-100 persons sized shapes take 50-500 ms.
SHAPED_UP_TO = 40
REPAIR_LIMIT = 200  # above this many persons overlap cannot be avoided anyway: steps 2-4 are skipped
#: tried from the largest down; readable_width: 556, 588, 625, 667, 714, 741, 769, 833, 909, 1000, ... px.
#: 741 px is there for *Groot scherm* on a 1024×768 tablet (768 px): the most crowded spreads of up to 40
#: persons (9 in 10 in two family cells) fail at 714 px and needed 769 before it
TEXT_SCALES = (MAX_SCALE, 1.7, 1.6, 1.5, 1.4, 1.35, 1.3, 1.2, 1.1, 1.0, 0.85, 0.7, 0.6)
# roominess (shape.roominess) of a scale's shape, measured on demo, big, lopsided and random cases: the
# full placement nearly always fits from _TRY on, hardly ever below it (and a failed try is slow)
_TRY = 0.95
_TRY_SMALL = 0.85  # small maps (up to _SMALL persons) are quick to place: try a little more hopefully
_SMALL = 24
#: a failed try of a bigger map costs 50-100 ms, so above _SMALL persons only a shape this roomy is tried.
#: That gives up a scale step now and then (a lopsided 40: 714 px, not 667) for drops 2-4 times quicker (a
#: lopsided 40: median 55 ms, not 135). Only the scale that fits a tablet unpanned (MAX_SCALE) is worth
#: a hopeful try (_TRY), up to _FITS_UP_TO persons: beyond that it hardly ever works
_TRY_BIG = 1.25
_FITS_UP_TO = 30
_HOPELESS = 0.55  # below this some cell cannot hold its people without overlap: no repair, it would churn


def text_scale(placed: dict[str, Placed]) -> float:
    """The scale of a finished layout (the largest for an empty map: it fits any screen)."""
    return next(iter(placed.values())).scale if placed else TEXT_SCALES[0]


def map_geometry(placed: dict[str, Placed]) -> Geometry:
    """The shape of a finished layout's map (the usual one for an empty map)."""
    return next(iter(placed.values())).geo if placed else geometry()


def readable_width(scale: float) -> float:
    """CSS px the map must be wide for names of LABEL_FONT px and 44 px tap areas at this scale."""
    return MAP_SIZE / scale


def _place(geo: Geometry, cells: dict[tuple, list[_Item]], thorough: bool) -> list[_Item]:
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
        _fit(geo, ordered)
    return ordered


def _placed(it: _Item, scale: float, geo: Geometry) -> Placed:
    """From the virtual map back to the real one: every position stretched by `scale` from the centre."""
    lx, ly, anchor = _label_spot(it.kind, it.x, it.y, it.extra)
    r = lambda v: round(CENTRE + (v - CENTRE) * scale, 1)  # noqa: E731 - short SVG numbers
    return Placed(it.id, r(it.x), r(it.y), it.sector, it.nabijheid, r(lx), r(ly), anchor, it.label, scale, it.note,
                  geo)


def place(entries: tuple[MapEntry, ...], scale: Optional[float] = None) -> dict[str, Placed]:
    """Place the persons of `entries` (see inputs.layout_input); nothing else is read. `scale` fixes the
    marker/label size; by default the largest of TEXT_SCALES that leaves no overlap, each scale with
    the shape its people need there (shape.py)."""
    cells: dict[tuple, list[_Item]] = {}
    for e in entries:  # in sector, ring, name, id order: each cell's items come out sorted
        cells.setdefault((e.sector, e.nabijheid), []).append(
            _Item(e.id, e.sector, e.nabijheid, e.label, _block_width(e.label, e.note), note=e.note))
    n = len(entries)
    if n > SHAPED_UP_TO and scale is None:
        return _place_large(cells, n)
    need = demand({c: [(it.w, it.extra) for it in items] for c, items in cells.items()})
    # beyond REPAIR_LIMIT overlap is accepted anyway: the map does not grow past scale 1 there
    allowed = TEXT_SCALES if n <= REPAIR_LIMIT else tuple(s for s in TEXT_SCALES if s >= 1.0)
    scales = (scale,) if scale is not None else allowed
    hope_below = _TRY_SMALL if n <= _SMALL else _TRY_BIG
    hopeful = hope_below if n <= _SMALL or n > _FITS_UP_TO else _TRY  # at MAX_SCALE, see _TRY_BIG
    for s in scales:
        last = s == scales[-1]
        hope = hopeful if s == MAX_SCALE else hope_below
        if room_bound(need, s) < hope and not last:
            continue
        geo, room = shape(need, s)
        if room < hope and not last:
            continue
        thorough = room >= _HOPELESS and n <= REPAIR_LIMIT
        virtual = geo.virtual(s)
        ordered = _place(virtual, cells, thorough)
        if last or not _count_clashes(virtual, ordered):
            return {it.id: _placed(it, s, geo) for it in ordered}
    raise AssertionError("unreachable")  # pragma: no cover


# ----- maps of more than SHAPED_UP_TO persons: equal slices, scale from an area estimate -----

_LARGE_SCALES = (1.4, 1.2, 1.0, 0.85, 0.7, 0.6)  # coarse steps: each failed try costs a repair
_LARGE_HOPELESS = 0.83  # below this estimate some cell cannot hold its people without overlap (measured;
# 0.72 before the rings reached the rim, 15 % wider)
_FILL = 0.8  # share of a cell that marker+label blocks may take (fitted on demo and random cases)


def _scale_estimate(cells: dict[tuple, list[_Item]]) -> float:
    """The largest scale at which every cell's people should fit in equal slices (area estimate)."""
    geo = equal_geometry(1.0)
    best = _LARGE_SCALES[0]
    for (sector, nabijheid), items in cells.items():
        a0, a1 = geo.sector_angles(sector)
        r0, r1 = geo.ring_bounds(nabijheid)
        area = math.radians(a1 - a0) / 2 * (r1 * r1 - r0 * r0)
        need = sum((max(2 * MARKER_R, it.w) + 8) * (_UNIT_H + 4) for it in items)
        best = min(best, math.sqrt(_FILL * area / need))
    return best


def _place_large(cells: dict[tuple, list[_Item]], n: int) -> dict[str, Placed]:
    """Equal slices, from the largest scale the estimate allows downwards, the first without overlap. A
    cell too full to hold its people skips the repair (it would only churn) and is placed once."""
    estimate = _scale_estimate(cells)
    allowed = _LARGE_SCALES if n <= REPAIR_LIMIT else tuple(s for s in _LARGE_SCALES if s >= 1.0)
    scales = tuple(s for s in allowed if s <= estimate + 1e-9) or (allowed[-1],)
    thorough = estimate >= _LARGE_HOPELESS and n <= REPAIR_LIMIT
    if not thorough:  # placed once, at the largest scale the estimate allows (a bigger map, less overlap)
        scales = scales[:1]
    for s in scales:
        geo = equal_geometry(s)
        virtual = geo.virtual(s)
        ordered = _place(virtual, cells, thorough)
        if s == scales[-1] or not _count_clashes(virtual, ordered):
            return {it.id: _placed(it, s, geo) for it in ordered}
    raise AssertionError("unreachable")  # pragma: no cover
