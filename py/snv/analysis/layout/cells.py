"""Where a marker may go inside its cell (slice x ring), and where a label may not go.

Working items (`_Item`) carry one person through the placement steps; the candidate spots of a cell
(`_slots`) and the fixed obstacles (the ring names) are cached per geometry.
"""
from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from typing import Optional

from ...messages import on_change, t
from ...model.case import NABIJHEDEN, SECTORS
from .geometry import LABEL_ASCENT, LABEL_DESCENT, MARKER_MARGIN, TAP_R, Geometry
from .labels import _label_box_at, _label_spot, _note_height, label_width

_RIM_CLEAR = 14.0  # labels stay this far inside the sector names at the rim
_DISC_CLEAR = 3.0  # and this far off the client disc
_INSET = 0.1  # extra margin inside the cell, so rounding to 0.1 never puts a marker on a border
_SLOT_STEP = 5.0  # spacing of candidate spots in steps 2-4
_KIND_COST = {"below": 0.0, "right": 8.0, "left": 8.0, "above": 12.0}  # detour (map units) per side


@dataclass
class _Item:
    id: str
    sector: str
    nabijheid: str
    label: str
    w: float  # label width (the wider of name and note)
    x: float = 0.0
    y: float = 0.0
    kind: str = "below"
    note: str = ""

    @property
    def extra(self) -> float:
        """Height of the note line under the name (0 without a note)."""
        return _note_height(self.note)

    @property
    def cell(self) -> tuple[str, str]:
        return (self.sector, self.nabijheid)

    def marker_box(self) -> tuple:
        return (self.x - TAP_R, self.y - TAP_R, self.x + TAP_R, self.y + TAP_R)

    def label_box(self, kind: Optional[str] = None, x: Optional[float] = None,
                  y: Optional[float] = None) -> tuple:
        lx, ly, anchor = _label_spot(kind or self.kind, self.x if x is None else x, self.y if y is None else y,
                                     self.extra)
        return _label_box_at(lx, ly, anchor, self.w, 1.0, self.extra)


def _radial(geo: Geometry, nabijheid: str) -> tuple[float, float]:
    r0, r1 = geo.ring_bounds(nabijheid)
    m = MARKER_MARGIN + _INSET
    return (r0 + m, r1 - m)


def _usable(geo: Geometry, sector: str, r: float) -> tuple[float, float]:
    """Angular range (degrees) at radius r where a marker stays MARKER_MARGIN inside the slice."""
    a0, a1 = geo.sector_angles(sector)
    d = math.degrees(math.asin(min(1.0, (MARKER_MARGIN + _INSET) / r)))
    if a1 - a0 <= 2 * d:
        mid = (a0 + a1) / 2
        return (mid, mid)
    return (a0 + d, a1 - d)


def _row_span(geo: Geometry, sector: str, nabijheid: str, y: float) -> Optional[tuple[float, float]]:
    """The longest x-interval of marker centres inside the (inset) cell on the horizontal line y."""
    m = MARKER_MARGIN + _INSET
    lo, hi = _radial(geo, nabijheid)
    dy = y - geo.cy
    if abs(dy) >= hi:
        return None
    xa, xb = -math.sqrt(hi * hi - dy * dy), math.sqrt(hi * hi - dy * dy)
    a0, a1 = (math.radians(a) for a in geo.sector_angles(sector))
    # inside of the slice = two half-planes: (p - c)·n >= m with n pointing into the slice
    for nx, ny in ((math.cos(a0), math.sin(a0)), (-math.cos(a1), -math.sin(a1))):
        rest = m - dy * ny
        if abs(nx) < 1e-12:
            if rest > 0:
                return None
        elif nx > 0:
            xa = max(xa, rest / nx)
        else:
            xb = min(xb, rest / nx)
    if xa > xb:
        return None
    parts = [(xa, xb)]
    if abs(dy) < lo:  # the line crosses the inner circle: cut out its chord
        c = math.sqrt(lo * lo - dy * dy)
        parts = [(a, b) for a, b in ((xa, min(xb, -c)), (max(xa, c), xb)) if a <= b]
    if not parts:
        return None
    a, b = max(parts, key=lambda p: p[1] - p[0])
    return (a + geo.cx, b + geo.cx)


def _inside(geo: Geometry, sector: str, nabijheid: str, x: float, y: float) -> bool:
    angle, r = geo.to_polar(x, y)
    lo, hi = _radial(geo, nabijheid)
    if not lo - 1e-9 <= r <= hi + 1e-9:
        return False
    a0, a1 = _usable(geo, sector, r)
    mid = (a0 + a1) / 2
    angle = (angle - mid + 180) % 360 - 180 + mid
    return a0 - 1e-9 <= angle <= a1 + 1e-9


def _clamp(geo: Geometry, it: _Item, x: float, y: float) -> tuple[float, float]:
    """The nearest point to (x, y) where the marker still sits inside its own cell."""
    angle, r = geo.to_polar(x, y)
    lo, hi = _radial(geo, it.nabijheid)
    r = min(max(r, lo), hi)
    a0, a1 = _usable(geo, it.sector, r)
    mid = (a0 + a1) / 2  # bring the angle next to the slice (the slice 288-360 borders 0)
    angle = (angle - mid + 180) % 360 - 180 + mid
    return geo.polar(min(max(angle, a0), a1), r)


def _adjacent(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Cells that share a border (or a corner)."""
    si, sj = SECTORS.index(a[0]), SECTORS.index(b[0])
    ri, rj = NABIJHEDEN.index(a[1]), NABIJHEDEN.index(b[1])
    ds = min((si - sj) % len(SECTORS), (sj - si) % len(SECTORS))
    return ds <= 1 and abs(ri - rj) <= 1


_SLOTS: dict[tuple, list[tuple[float, float]]] = {}
#: entries kept per cache keyed by a geometry: a map's shape changes with its people, so old shapes go
CACHE_CELLS = 15 * 24


def bounded(cache: dict) -> dict:
    """`cache`, emptied first when it holds more than CACHE_CELLS entries."""
    if len(cache) > CACHE_CELLS:
        cache.clear()
    return cache


def _slots(geo: Geometry, sector: str, nabijheid: str) -> list[tuple[float, float]]:
    """Candidate marker centres filling a cell (cached), all inside the inset cell."""
    key = (geo, sector, nabijheid)
    hit = _SLOTS.get(key)
    if hit is not None:
        return hit
    lo, hi = _radial(geo, nabijheid)
    rows = max(1, int((hi - lo) // _SLOT_STEP))
    out: list[tuple[float, float]] = []
    for j in range(rows + 1):
        r = lo + j * (hi - lo) / rows
        a0, a1 = _usable(geo, sector, r)
        steps = max(1, int(r * math.radians(a1 - a0) // _SLOT_STEP))
        out.extend(geo.polar(a0 + i * (a1 - a0) / steps, r) for i in range(steps + 1))
    bounded(_SLOTS)[key] = out
    return out


_Y_RANGE: dict = {}


def _cell_y_range(geo: Geometry, sector: str, nabijheid: str) -> tuple[float, float]:
    key = (geo, sector, nabijheid)
    hit = _Y_RANGE.get(key)
    if hit is None:
        ys = [y for _, y in _slots(geo, sector, nabijheid)]
        hit = bounded(_Y_RANGE)[key] = (min(ys), max(ys))
    return hit


@functools.lru_cache(maxsize=16)
def _obstacles(geo: Geometry) -> tuple:
    """Boxes no label may cover: the ring names at the top of the map."""
    boxes = []
    for n in NABIJHEDEN:
        x, y = geo.ring_label_position(n)
        w = label_width(t(f"label.nabijheid.{n}")) + 6
        boxes.append((x - w / 2, y - LABEL_ASCENT - 1, x + w / 2, y + LABEL_DESCENT + 1))
    return tuple(boxes)


on_change(_obstacles.cache_clear)  # ring names are measured in the current language


def _disc_depth(geo: Geometry, box: tuple) -> float:
    """How far a box reaches into the client disc (0 if clear)."""
    nx = min(max(geo.cx, box[0]), box[2])
    ny = min(max(geo.cy, box[1]), box[3])
    d = math.hypot(nx - geo.cx, ny - geo.cy)
    clear = geo.client_r + _DISC_CLEAR
    return clear - d if d < clear else 0.0


def _rim_depth(geo: Geometry, box: tuple) -> float:
    """How far a label box reaches past the disc that leaves room for the sector names."""
    fx = max(abs(box[0] - geo.cx), abs(box[2] - geo.cx))
    fy = max(abs(box[1] - geo.cy), abs(box[3] - geo.cy))
    return max(0.0, math.hypot(fx, fy) - (geo.label_r - _RIM_CLEAR))


def _label_ok(geo: Geometry, box: tuple) -> bool:
    return _disc_depth(geo, box) <= 0 and _rim_depth(geo, box) <= 0
