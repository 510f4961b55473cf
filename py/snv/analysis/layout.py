"""Geometry and automatic placement of persons on the relatiekaart.

Coordinates are SVG user units in a square viewBox `0 0 MAP_SIZE MAP_SIZE`, y pointing down. The client
sits in a disc in the centre; three rings go outward (heel_dichtbij, dichtbij, verder_weg); five equal
slices follow SECTORS. Angles are compass degrees: 0 = straight up, growing clockwise. Slice i spans
[i*72, (i+1)*72): familie 0–72 (top right), vrienden_kennissen 72–144, buren_buurt 144–216 (bottom),
school_werk_vrije_tijd 216–288, hulpverlening 288–360 (top left).

Placement is deterministic: the same Momentopname always gives the same picture, whichever order
persons came in. Each person's marker (radius MARKER_R, kept MARKER_MARGIN inside the cell borders) stays
inside its slice and ring; labels are one line of text next to the marker (below, right, left or above),
placed so that labels and markers do not overlap whenever that is physically possible.
"""
from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from typing import Iterable, Optional

from ..messages import t
from ..model.case import NABIJHEDEN, SECTORS

MAP_SIZE = 1000
CENTRE = MAP_SIZE / 2
CLIENT_R = 70.0
#: outer radius of each ring; the inner radius is the previous ring's outer radius (or CLIENT_R).
#: Inner rings are a bit wider than equal steps would give, so their (shorter) arcs hold more people.
RING_OUTER = {"heel_dichtbij": 210.0, "dichtbij": 310.0, "verder_weg": 400.0}
SECTOR_SPAN = 360.0 / len(SECTORS)
SECTOR_LABEL_R = 440.0  # sector names go round the rim, outside the rings

MARKER_R = 18.0  # drawn marker radius (the renderer adds an invisible 44 px hit area)
MARKER_MARGIN = 22.0  # a marker centre keeps this distance from every cell border
LABEL_FONT = 14.0
LABEL_CHAR_W = 0.55 * LABEL_FONT  # average glyph width estimate shared by layout, tests and renderer
LABEL_MAX_CHARS = 14
LABEL_ASCENT = 0.8 * LABEL_FONT  # baseline to top of the box
LABEL_DESCENT = 0.25 * LABEL_FONT  # baseline to bottom of the box
LABEL_GAP = 3.0  # space between marker and its label
NOTE_FONT = 11.0  # a second, smaller line under the name (e.g. "(overleden)")
NOTE_LINE = LABEL_FONT  # its baseline sits this far below the name's baseline


# ----- geometry -----

@dataclass(frozen=True)
class Geometry:
    """Static shape of the relatiekaart. All angles in compass degrees (0 = up, clockwise)."""
    size: float = MAP_SIZE
    cx: float = CENTRE
    cy: float = CENTRE
    client_r: float = CLIENT_R
    rings: tuple = tuple((n, RING_OUTER[n]) for n in NABIJHEDEN)  # ((nabijheid, outer_radius), ...)
    sectors: tuple = tuple((s, i * SECTOR_SPAN, (i + 1) * SECTOR_SPAN) for i, s in enumerate(SECTORS))
    label_r: float = SECTOR_LABEL_R  # radius of the sector names at the rim

    @property
    def centre(self) -> tuple[float, float]:
        return (self.cx, self.cy)

    @property
    def outer_r(self) -> float:
        return self.rings[-1][1]

    def sector_angles(self, sector: str) -> tuple[float, float]:
        """(start, end) compass degrees of a slice; end > start, end may be 360."""
        for s, a0, a1 in self.sectors:
            if s == sector:
                return (a0, a1)
        raise KeyError(sector)

    def ring_bounds(self, nabijheid: str) -> tuple[float, float]:
        """(inner, outer) radius of a ring."""
        inner = self.client_r
        for n, outer in self.rings:
            if n == nabijheid:
                return (inner, outer)
            inner = outer
        raise KeyError(nabijheid)

    def polar(self, angle: float, r: float) -> tuple[float, float]:
        """Map coordinates of a point at compass `angle` degrees and distance `r` from the centre."""
        a = math.radians(angle)
        return (self.cx + r * math.sin(a), self.cy - r * math.cos(a))

    def to_polar(self, x: float, y: float) -> tuple[float, float]:
        """(angle in [0, 360), r) of a map point."""
        dx, dy = x - self.cx, y - self.cy
        return (math.degrees(math.atan2(dx, -dy)) % 360.0, math.hypot(dx, dy))

    def annular_sector_path(self, sector: str, nabijheid: Optional[str] = None) -> str:
        """SVG path `d` of one cell (slice × ring); nabijheid=None gives the whole slice."""
        a0, a1 = self.sector_angles(sector)
        if nabijheid is None:
            r0, r1 = self.client_r, self.outer_r
        else:
            r0, r1 = self.ring_bounds(nabijheid)
        p = [self.polar(a0, r1), self.polar(a1, r1), self.polar(a1, r0), self.polar(a0, r0)]
        large = 1 if a1 - a0 > 180 else 0
        f = _fmt
        return (f"M{f(p[0][0])} {f(p[0][1])}A{f(r1)} {f(r1)} 0 {large} 1 {f(p[1][0])} {f(p[1][1])}"
                f"L{f(p[2][0])} {f(p[2][1])}A{f(r0)} {f(r0)} 0 {large} 0 {f(p[3][0])} {f(p[3][1])}Z")

    def ring_label_position(self, nabijheid: str) -> tuple[float, float]:
        """Baseline point (text-anchor middle) of a ring's name: at the top, just inside the ring's outer
        border, on the line between hulpverlening and familie. Layout keeps persons' labels clear of it."""
        _, outer = self.ring_bounds(nabijheid)
        return (self.cx, self.cy - outer + LABEL_ASCENT + 4)

    def ring_label_box(self, nabijheid: str) -> tuple[float, float, float, float]:
        x, y = self.ring_label_position(nabijheid)
        # the renderer uses the catalogue label; reserve room for the longest ring name
        w = LABEL_CHAR_W * len("Heel dichtbij") + 8
        return (x - w / 2, y - LABEL_ASCENT - 2, x + w / 2, y + LABEL_DESCENT + 2)

    def sector_label_position(self, sector: str) -> tuple[float, float, float]:
        """(x, y, rotate): centre of a slice's name at the rim and a rotation in degrees (SVG rotate())
        that makes the text follow the rim without ever being upside down."""
        a0, a1 = self.sector_angles(sector)
        mid = (a0 + a1) / 2
        x, y = self.polar(mid, self.label_r)
        rotate = mid if mid <= 90 else mid - 180 if mid < 270 else mid - 360
        return (x, y, rotate)

    def locate(self, x: float, y: float) -> tuple[Optional[str], Optional[str]]:
        angle, r = self.to_polar(x, y)
        if r < self.client_r or r > self.outer_r:
            return (None, None)
        idx = min(int(angle // SECTOR_SPAN), len(self.sectors) - 1)
        sector = self.sectors[idx][0]
        for n, outer in self.rings:
            if r <= outer:
                return (sector, n)
        return (None, None)  # pragma: no cover - r > outer handled above


_GEOMETRY = Geometry()


def geometry() -> Geometry:
    return _GEOMETRY


def sector_angles(sector: str) -> tuple[float, float]:
    return _GEOMETRY.sector_angles(sector)


def ring_bounds(nabijheid: str) -> tuple[float, float]:
    return _GEOMETRY.ring_bounds(nabijheid)


def polar(angle: float, r: float) -> tuple[float, float]:
    return _GEOMETRY.polar(angle, r)


def annular_sector_path(sector: str, nabijheid: Optional[str] = None) -> str:
    return _GEOMETRY.annular_sector_path(sector, nabijheid)


def sector_label_position(sector: str) -> tuple[float, float, float]:
    return _GEOMETRY.sector_label_position(sector)


def locate(x: float, y: float) -> tuple[Optional[str], Optional[str]]:
    """Which slice and ring a map point is in: (None, None) on the client disc or outside the rings."""
    return _GEOMETRY.locate(x, y)


def _fmt(v: float) -> str:
    s = f"{v:.1f}"
    return s[:-2] if s.endswith(".0") else s


# ----- labels -----

def label_text(name: str) -> str:
    """The text shown next to a marker: whitespace collapsed, long names cut with '…'."""
    text = " ".join((name or "").split())
    if not text:
        return "?"
    if len(text) > LABEL_MAX_CHARS:
        text = text[:LABEL_MAX_CHARS].rstrip() + "…"
    return text


def label_width(text: str) -> float:
    return LABEL_CHAR_W * len(text)


@dataclass(frozen=True)
class Placed:
    """Where one person goes. label_x/label_y is the SVG text baseline point; label_anchor is the
    SVG text-anchor ("middle" below/above the marker, "start" right of it, "end" left of it)."""
    id: str
    x: float
    y: float
    sector: str
    nabijheid: str
    label_x: float
    label_y: float
    label_anchor: str
    label: str = ""  # label_text(naam), so renderer and tests measure the same text
    scale: float = 1.0  # marker and label size relative to MARKER_R / LABEL_FONT (see text_scale)
    note: str = ""  # second line under the name (NOTE_FONT), reserved by the layout too


def label_box(placed: Placed) -> tuple[float, float, float, float]:
    """(x0, y0, x1, y1) of a placed person's label, with the shared width estimate."""
    s = placed.scale
    w = _block_width(placed.label, placed.note) * s
    return _label_box_at(placed.label_x, placed.label_y, placed.label_anchor, w, s, _note_height(placed.note))


def marker_box(placed: Placed) -> tuple[float, float, float, float]:
    r = MARKER_R * placed.scale
    return (placed.x - r, placed.y - r, placed.x + r, placed.y + r)


def _block_width(label: str, note: str) -> float:
    return max(label_width(label), NOTE_FONT / LABEL_FONT * label_width(note))


def _note_height(note: str) -> float:
    return NOTE_LINE if note else 0.0


def _label_box_at(lx: float, ly: float, anchor: str, w: float, s: float = 1.0,
                  extra: float = 0.0) -> tuple[float, float, float, float]:
    """Box of a label whose first baseline is (lx, ly); `extra` = room for a second line below it."""
    x0 = lx - w / 2 if anchor == "middle" else lx if anchor == "start" else lx - w
    return (x0, ly - LABEL_ASCENT * s, x0 + w, ly + (LABEL_DESCENT + extra) * s)


# label positions relative to the marker centre: (name, anchor, dx, dy) for a label of width w
def _label_spot(kind: str, x: float, y: float, extra: float = 0.0) -> tuple[float, float, str]:
    if kind == "below":
        return (x, y + MARKER_R + LABEL_GAP + LABEL_ASCENT, "middle")
    if kind == "above":  # a second line (extra) goes between the name and the marker
        return (x, y - MARKER_R - LABEL_GAP - LABEL_DESCENT - extra, "middle")
    if kind == "right":
        return (x + MARKER_R + LABEL_GAP, y + LABEL_ASCENT / 2 - 1, "start")
    return (x - MARKER_R - LABEL_GAP, y + LABEL_ASCENT / 2 - 1, "end")  # left


_LABEL_KINDS = ("below", "right", "left", "above")


# ----- placement -----
#
# (1) Per cell, an even spread: persons on arcs or on horizontal rows, whichever leaves the most room
# between marker+label blocks; that is each person's planned spot. (2) Crowded cells first, each person
# takes the free spot (candidate spots every few units, label below/right/left/above) nearest to the
# planned one. (3) A cell where someone finds no room is packed tightly by first fit (several scan orders),
# its neighbours re-take their nearest free spots, then everyone drifts back toward the planned spot
# where that is free. (4) If anything still overlaps, the clashing people are put back one by one, moving
# the fewest others aside (an ejection chain). Overlap is only left when none of this finds room.

REPAIR_LIMIT = 200  # above this many persons overlap cannot be avoided anyway: steps 2-3 are skipped
_RIM_CLEAR = 14.0  # labels stay this far inside the sector names at the rim
_DISC_CLEAR = 3.0  # and this far off the client disc
_AIR = 1.0  # boxes keep this much air, so rounding to 0.1 never makes them touch
_INSET = 0.1  # extra margin inside the cell, for the same reason
_SLOT_STEP = 5.0  # spacing of candidate spots in steps 2-3
_KIND_COST = {"below": 0.0, "right": 8.0, "left": 8.0, "above": 12.0}  # detour (map units) per side
_GRID = 40.0
_COMFORT = 8.0  # free space between blocks that counts as roomy
_UNIT_H = 2 * MARKER_R + LABEL_GAP + LABEL_ASCENT + LABEL_DESCENT


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
        return (self.x - MARKER_R, self.y - MARKER_R, self.x + MARKER_R, self.y + MARKER_R)

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


def _unit_box(w: float, x: float, y: float) -> tuple[float, float, float, float]:
    """Marker plus a label below it: the block used to spread persons in a cell."""
    half = max(MARKER_R, w / 2)
    return (x - half, y - MARKER_R, x + half, y - MARKER_R + _UNIT_H)


def _gap(a: tuple, b: tuple) -> float:
    """Separation of two boxes: > 0 free space between them, < 0 overlap depth (Chebyshev-like)."""
    return max(a[0] - b[2], b[0] - a[2], a[1] - b[3], b[1] - a[3])


def _apportion(n: int, weights: list[float]) -> list[int]:
    """Split n into len(weights) whole parts proportional to weights (largest remainder, stable)."""
    total = sum(weights)
    if total <= 0:
        weights, total = [1.0] * len(weights), float(len(weights))
    raw = [n * w / total for w in weights]
    counts = [int(v) for v in raw]
    order = sorted(range(len(weights)), key=lambda j: (-(raw[j] - counts[j]), j))
    for j in order[:n - sum(counts)]:
        counts[j] += 1
    return counts


def _arc_plan(geo: Geometry, items: list[_Item], k: int) -> list[tuple[float, float]]:
    """Positions for items spread over k arcs in their cell, rows inner → outer."""
    sector, nabijheid = items[0].cell
    lo, hi = _radial(geo, nabijheid)
    radii = [(lo + hi) / 2] if k == 1 else [lo + j * (hi - lo) / (k - 1) for j in range(k)]
    spans = [_usable(geo, sector, r) for r in radii]
    avg_w = sum(max(2 * MARKER_R, i.w) for i in items) / len(items) + 8
    counts = _apportion(len(items), [r * math.radians(b - a) + avg_w for r, (a, b) in zip(radii, spans)])
    out: list[tuple[float, float]] = []
    for r, (a, b), m in zip(radii, spans, counts):
        out.extend(geo.polar(a + (i + 0.5) * (b - a) / m, r) for i in range(m))
    return out


_Y_RANGE: dict = {}


def _cell_y_range(geo: Geometry, sector: str, nabijheid: str) -> tuple[float, float]:
    key = (geo, sector, nabijheid)
    if key not in _Y_RANGE:
        ys = [y for _, y in _slots(geo, sector, nabijheid)]
        _Y_RANGE[key] = (min(ys), max(ys))
    return _Y_RANGE[key]


def _row_plan(geo: Geometry, items: list[_Item], k: int) -> Optional[list[tuple[float, float]]]:
    """Positions for items on k horizontal rows across the cell, each row spread evenly."""
    sector, nabijheid = items[0].cell
    y0, y1 = _cell_y_range(geo, sector, nabijheid)
    rows = []
    for j in range(k):
        y = (y0 + y1) / 2 if k == 1 else y0 + j * (y1 - y0) / (k - 1)
        span = _row_span(geo, sector, nabijheid, y)
        if span is None:  # rounding at a pointed corner: move a hair inward
            span = _row_span(geo, sector, nabijheid, y + (0.5 if j == 0 else -0.5))
            y += 0.5 if j == 0 else -0.5
        if span is not None:
            rows.append((y, span))
    if not rows:
        return None
    avg_w = sum(max(2 * MARKER_R, i.w) for i in items) / len(items) + 8
    counts = _apportion(len(items), [b - a + avg_w for _, (a, b) in rows])
    out: list[tuple[float, float]] = []
    idx = 0
    for (y, (a, b)), m in zip(rows, counts):
        ws = [max(MARKER_R, it.w / 2) for it in items[idx:idx + m]]
        idx += m
        if m == 1:
            out.append(((a + b) / 2, y))
            continue
        # equal free space between blocks; the outer blocks may reach past the span with their label
        need = sum(ws[i] + ws[i + 1] for i in range(m - 1))
        gap = ((b - a) - need) / (m - 1) if (b - a) > need else ((b - a) - need) / (m - 1)
        x = a
        for i in range(m):
            out.append((x, y))
            if i + 1 < m:
                x += ws[i] + ws[i + 1] + gap
    return out


def _plan_score(geo: Geometry, items: list[_Item], pts: list[tuple[float, float]]) -> float:
    boxes = [_unit_box(it.w, x, y) for it, (x, y) in zip(items, pts)]
    score = 1e9
    n = len(boxes)
    for i in range(n):
        if not _label_ok(geo, _label_box_at(pts[i][0], pts[i][1] + MARKER_R + LABEL_GAP + LABEL_ASCENT,
                                       "middle", items[i].w)):
            score = min(score, -10.0)
        for j in range(i + 1, n if n <= 40 else min(n, i + 6)):
            g = _gap(boxes[i], boxes[j])
            if g < score:
                score = g
    return score


def _better(geo: Geometry, items: list[_Item], pts: list, best: Optional[tuple]) -> tuple:
    """Keep the plan with more room (the earlier one unless clearly better)."""
    cell = items[0].cell
    pts = [p if _inside(geo, *cell, *p) else _clamp(geo, items[0], *p) for p in pts]
    score = _plan_score(geo, items, pts) if len(items) > 1 else 0.0
    return (score, pts) if best is None or score > best[0] + 0.5 else best


def _spread_cell(geo: Geometry, items: list[_Item]) -> None:
    """Arcs look calmest (same distance to the client); horizontal rows pack tighter. Use the arcs
    with the most room between persons, unless they are cramped and rows leave more room."""
    n = len(items)
    cell = items[0].cell
    lo, hi = _radial(geo, items[0].nabijheid)
    arcs = [_arc_plan(geo, items, k) for k in range(1, max(1, min(n, int((hi - lo) // (2 * MARKER_R + 2)) + 1)) + 1)]
    best = None
    for pts in arcs:
        best = _better(geo, items, pts, best)
    if 1 < n <= 30 and best[0] < _COMFORT:  # the arcs are cramped: try rows
        y0, y1 = _cell_y_range(geo, *cell)
        for k in range(1, max(1, min(n, int((y1 - y0) // 30) + 1)) + 1):
            pts = _row_plan(geo, items, k)
            if pts and len(pts) == n:
                best = _better(geo, items, pts, best)
    for it, (x, y) in zip(items, best[1]):
        it.x, it.y = x, y


def _persons_on_map(state, klant_id: Optional[str]) -> list:
    klant_id = klant_id or getattr(state, "klant_id", None)
    return [p for p in state.personen
            if p.sector is not None and p.nabijheid is not None and p.id != klant_id]


# ----- size: a small network gets bigger markers and names -----
#
# On a tablet the whole map is about 550 px wide, so at scale 1 a name is only ~8 px high. A typical
# network (15-30 people) has room for much more. Scale s is found by laying out in a "virtual" map
# shrunk by 1/s around the centre (markers and labels keep their size there), then stretching every
# position back by s: markers and labels come out s times bigger, all placement rules unchanged.

TEXT_SCALES = (1.8, 1.6, 1.4, 1.2, 1.0)  # tried from the largest the estimate allows, downwards
_HOPELESS = 0.72  # below this estimate some cell cannot hold its people without overlap (measured)
_OPTIMISM = 1.7  # small maps try scales up to this much above the estimate
_OPTIMISM_LIMIT = 40  # persons; above this failed tries would cost more than they give
_FULL_TRY_LIMIT = 24  # persons; up to here even the tries above the estimate get the full repair
_FILL = 0.8  # share of a cell that marker+label blocks may take (fitted on demo and random cases)


@functools.lru_cache(maxsize=len(TEXT_SCALES))
def _virtual(scale: float) -> Geometry:
    if scale == 1.0:
        return _GEOMETRY
    return Geometry(client_r=CLIENT_R / scale, rings=tuple((n, RING_OUTER[n] / scale) for n in NABIJHEDEN),
                    label_r=SECTOR_LABEL_R / scale)


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
    """The scale of a finished layout (1.0 for an empty map)."""
    return next(iter(placed.values())).scale if placed else 1.0


def ring_label_position(nabijheid: str, scale: float = 1.0) -> tuple[float, float]:
    """Where a ring's name goes on a map drawn at `scale` (its font is LABEL_FONT * scale)."""
    x, y = _virtual(scale).ring_label_position(nabijheid)
    if scale == 1.0:
        return (x, y)
    return (CENTRE + (x - CENTRE) * scale, CENTRE + (y - CENTRE) * scale)


def layout_map(state, klant_id: Optional[str] = None, *, scale: Optional[float] = None) -> dict[str, Placed]:
    """Place every person of a Momentopname that has both a sector and a nabijheid (not the client).

    `klant_id` skips the client when a snapshot has them in a slice (the client normally has neither).
    `scale` fixes the marker/label size; by default the largest of TEXT_SCALES that leaves no overlap.
    Returns {person id: Placed}, ordered by sector, ring, name, id.
    """
    cells: dict[tuple, list[_Item]] = {}
    for p in _persons_on_map(state, klant_id):
        text = label_text(p.naam)
        note = t("map.deceased") if getattr(p, "overleden", False) else ""
        cells.setdefault((p.sector, p.nabijheid), []).append(
            _Item(p.id, p.sector, p.nabijheid, text, _block_width(text, note), note=note))
    for items in cells.values():
        items.sort(key=lambda it: (it.label.casefold(), it.id))
    n = sum(map(len, cells.values()))
    estimate = _scale_estimate(cells) if cells else 1.0
    # the estimate is careful; small maps also try bigger scales, but only the quick placement
    hope = estimate * _OPTIMISM if n <= _OPTIMISM_LIMIT else estimate
    scales = (scale,) if scale is not None else tuple(s for s in TEXT_SCALES if s <= hope + 1e-9) or (1.0,)
    # a cell this full will overlap whatever we do: skip the costly repair (it would only churn)
    thorough = estimate >= _HOPELESS and n <= REPAIR_LIMIT
    for s in scales:
        geo = _virtual(s)
        last = s == scales[-1]
        ordered = _place(geo, cells, thorough, repair=last or s <= estimate + 1e-9 or n <= _FULL_TRY_LIMIT)
        if last or not _count_clashes(geo, ordered):
            return {it.id: _placed(it, s) for it in ordered}
    raise AssertionError("unreachable")  # pragma: no cover


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


# ----- step 2: relaxation -----

def _ring_label_boxes(geo: Geometry) -> tuple:
    boxes = []
    for n in NABIJHEDEN:
        x, y = geo.ring_label_position(n)
        w = label_width(t(f"label.nabijheid.{n}")) + 6
        boxes.append((x - w / 2, y - LABEL_ASCENT - 1, x + w / 2, y + LABEL_DESCENT + 1))
    return tuple(boxes)


@functools.lru_cache(maxsize=16)
def _obstacles(geo: Geometry) -> tuple:
    return _ring_label_boxes(geo)


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


def _overlap_area(a: tuple, b: tuple) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def _clamp(geo: Geometry, it: _Item, x: float, y: float) -> tuple[float, float]:
    """The nearest point to (x, y) where the marker still sits inside its own cell."""
    angle, r = geo.to_polar(x, y)
    lo, hi = _radial(geo, it.nabijheid)
    r = min(max(r, lo), hi)
    a0, a1 = _usable(geo, it.sector, r)
    mid = (a0 + a1) / 2  # bring the angle next to the slice (the slice 288-360 borders 0)
    angle = (angle - mid + 180) % 360 - 180 + mid
    return geo.polar(min(max(angle, a0), a1), r)


# ----- step 3: re-place whoever still overlaps -----

class _Grid:
    """Boxes already taken, bucketed so a look-up only sees boxes nearby."""

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], list[tuple]] = {}

    @staticmethod
    def _keys(box: tuple):
        for gx in range(int(box[0] // _GRID), int(box[2] // _GRID) + 1):
            for gy in range(int(box[1] // _GRID), int(box[3] // _GRID) + 1):
                yield (gx, gy)

    def add(self, box: tuple) -> None:
        for k in self._keys(box):
            self.cells.setdefault(k, []).append(box)

    def remove(self, box: tuple) -> bool:
        found = False
        for k in self._keys(box):
            bucket = self.cells.get(k)
            if bucket and box in bucket:
                bucket.remove(box)
                found = True
        return found

    def hits(self, box: tuple) -> bool:
        half = _AIR / 2
        x0, y0, x1, y1 = box[0] - half, box[1] - half, box[2] + half, box[3] + half
        cells = self.cells
        gy0, gy1 = int(box[1] // _GRID), int(box[3] // _GRID) + 1
        for gx in range(int(box[0] // _GRID), int(box[2] // _GRID) + 1):
            for gy in range(gy0, gy1):
                bucket = cells.get((gx, gy))
                if bucket:
                    for b in bucket:
                        if x0 < b[2] and b[0] < x1 and y0 < b[3] and b[1] < y1:
                            return True
        return False

    def overlap(self, box: tuple) -> float:
        seen: set = set()
        total = 0.0
        for k in self._keys(box):
            for b in self.cells.get(k, ()):
                if id(b) not in seen:
                    seen.add(id(b))
                    total += _overlap_area(box, b)
        return total


class _Overlay:
    """A trial on top of a grid: the grid's boxes plus a few more, without copying the grid."""

    def __init__(self, base: _Grid) -> None:
        self.base = base
        self.extra: list[tuple] = []

    def add(self, box: tuple) -> None:
        self.extra.append(box)

    def hits(self, box: tuple) -> bool:
        x0, y0, x1, y1 = box[0] - _AIR / 2, box[1] - _AIR / 2, box[2] + _AIR / 2, box[3] + _AIR / 2
        for b in self.extra:
            if x0 < b[2] and b[0] < x1 and y0 < b[3] and b[1] < y1:
                return True
        return self.base.hits(box)

    def overlap(self, box: tuple) -> float:
        return self.base.overlap(box) + sum(_overlap_area(box, b) for b in self.extra)


_SLOTS: dict[tuple, list[tuple[float, float]]] = {}


def _slots(geo: Geometry, sector: str, nabijheid: str) -> list[tuple[float, float]]:
    """Candidate marker centres filling a cell (cached), all inside the inset cell."""
    key = (geo, sector, nabijheid)
    if key not in _SLOTS:
        lo, hi = _radial(geo, nabijheid)
        rows = max(1, int((hi - lo) // _SLOT_STEP))
        out = []
        for j in range(rows + 1):
            r = lo + j * (hi - lo) / rows
            a0, a1 = _usable(geo, sector, r)
            steps = max(1, int(r * math.radians(a1 - a0) // _SLOT_STEP))
            out.extend(geo.polar(a0 + i * (a1 - a0) / steps, r) for i in range(steps + 1))
        _SLOTS[key] = out
    return _SLOTS[key]


def _free_spot(geo: Geometry, grid: "_Grid", it: _Item, slots, near_to: Optional[tuple[float, float]],
               kinds: tuple = ("below", "right", "left", "above")):
    """The free (cost, x, y, kind) nearest to `near_to`, or with near_to None the first free spot in
    the given slot order (first fit packs a crowded cell tightly). None if nothing is free."""
    best = None
    for x, y in slots:
        d = 0.0 if near_to is None else math.hypot(x - near_to[0], y - near_to[1])
        if best is not None and d >= best[0]:
            break
        if grid.hits((x - MARKER_R, y - MARKER_R, x + MARKER_R, y + MARKER_R)):
            continue
        for kind in kinds:
            cost = d + _KIND_COST[kind]
            if near_to is not None and best is not None and cost >= best[0]:
                continue
            lb = it.label_box(kind, x, y)
            if _label_ok(geo, lb) and not grid.hits(lb):
                best = (cost, x, y, kind)
                break
        if best is not None and near_to is None:
            break
    return best


def _fit(geo: Geometry, items: list[_Item], repair: bool = True) -> None:
    """Every person takes the free spot nearest to its planned one (crowded cells first). Cells
    where someone finds no room are packed again by first fit; only then is overlap accepted."""
    counts: dict[tuple, int] = {}
    for it in items:
        counts[it.cell] = counts.get(it.cell, 0) + 1
    density = {c: n / len(_slots(geo, *c)) for c, n in counts.items()}
    order = sorted(range(len(items)), key=lambda i: (-density[items[i].cell], i))
    targets = [(it.x, it.y) for it in items]

    def grid_without(cells: set) -> _Grid:
        grid = _Grid()
        for box in _obstacles(geo):
            grid.add(box)
        for it in items:
            if it.cell not in cells:
                grid.add(it.marker_box())
                grid.add(it.label_box())
        return grid

    grid = grid_without(set(counts))
    failed: set = set()
    for i in order:
        if not _take_nearest(geo, grid, items[i], targets[i], plan_first=True):
            failed.add(items[i].cell)
    if not failed or not repair:  # without repair: a quick try (a larger scale) that may fail
        return
    # the crowded cells are packed tightly first; their neighbours then take the nearest free spots
    around = {c for c in counts if c not in failed and any(_adjacent(c, f) for f in failed)}
    grid = grid_without(failed | around)
    for cell in sorted(failed, key=lambda c: (-density[c], c)):
        _pack_cell(geo, grid, [items[i] for i in order if items[i].cell == cell])
    still: set = set()
    for i in order:
        if items[i].cell in around and not _take_nearest(geo, grid, items[i], targets[i]):
            still.add(items[i].cell)
    for cell in sorted(still, key=lambda c: (-density[c], c)):
        _pack_cell(geo, grid, [items[i] for i in order if items[i].cell == cell])
    # packing leaves people bunched up: let each drift back toward its planned spot where it is free
    moved = [i for i in order if items[i].cell in failed | around]
    for _ in range(2):
        for i in moved:
            it = items[i]
            boxes = (it.marker_box(), it.label_box())
            if not all(map(grid.remove, boxes)):
                continue
            tx, ty = targets[i]
            here = math.hypot(it.x - tx, it.y - ty) + _KIND_COST[it.kind]
            reach = here * here
            slots = sorted((p for p in _slots(geo, *it.cell) if (p[0] - tx) ** 2 + (p[1] - ty) ** 2 < reach),
                           key=lambda p: (p[0] - tx) ** 2 + (p[1] - ty) ** 2)
            best = _free_spot(geo, grid, it, slots, (tx, ty))
            if best is not None and best[0] < here - 0.5:
                _, it.x, it.y, it.kind = best
            grid.add(it.marker_box())
            grid.add(it.label_box())
    _eject(geo, items, targets)


def _take_nearest(geo: Geometry, grid: "_Grid", it: _Item, target: tuple[float, float],
                  plan_first: bool = False) -> bool:
    """Put `it` on the free spot nearest to `target` and take it in the grid; False if none is free."""
    tx, ty = target
    best = _free_spot(geo, grid, it, [target], target, ("below",)) if plan_first else None  # plan often fits
    if best is None:
        slots = sorted(_slots(geo, *it.cell), key=lambda p: (p[0] - tx) ** 2 + (p[1] - ty) ** 2)
        best = _free_spot(geo, grid, it, slots, target)
    if best is None:
        return False
    _, it.x, it.y, it.kind = best
    grid.add(it.marker_box())
    grid.add(it.label_box())
    return True


def _adjacent(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Cells that share a border (or a corner)."""
    si, sj = SECTORS.index(a[0]), SECTORS.index(b[0])
    ri, rj = NABIJHEDEN.index(a[1]), NABIJHEDEN.index(b[1])
    ds = min((si - sj) % len(SECTORS), (sj - si) % len(SECTORS))
    return ds <= 1 and abs(ri - rj) <= 1


class _Owned:
    """Boxes with the person they belong to (-1 = fixed, like ring names), to move people aside."""

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], list[tuple]] = {}
        self.boxes: dict[int, list[tuple]] = {}

    def add(self, owner: int, box: tuple) -> None:
        entry = (*box[:4], owner)
        self.boxes.setdefault(owner, []).append(entry)
        for k in _Grid._keys(box):
            self.cells.setdefault(k, []).append(entry)

    def drop(self, owner: int) -> None:
        for entry in self.boxes.pop(owner, []):
            for k in _Grid._keys(entry):
                self.cells[k].remove(entry)

    def blocked(self, box: tuple) -> bool:
        half = _AIR / 2
        x0, y0, x1, y1 = box[0] - half, box[1] - half, box[2] + half, box[3] + half
        cells = self.cells
        gy0, gy1 = int(box[1] // _GRID), int(box[3] // _GRID) + 1
        for gx in range(int(box[0] // _GRID), int(box[2] // _GRID) + 1):
            for gy in range(gy0, gy1):
                for b in cells.get((gx, gy), ()):
                    if x0 < b[2] and b[0] < x1 and y0 < b[3] and b[1] < y1:
                        return True
        return False

    def owners(self, box: tuple) -> set[int]:
        half = _AIR / 2
        x0, y0, x1, y1 = box[0] - half, box[1] - half, box[2] + half, box[3] + half
        found: set[int] = set()
        cells = self.cells
        gy0, gy1 = int(box[1] // _GRID), int(box[3] // _GRID) + 1
        for gx in range(int(box[0] // _GRID), int(box[2] // _GRID) + 1):
            for gy in range(gy0, gy1):
                for b in cells.get((gx, gy), ()):
                    if x0 < b[2] and b[0] < x1 and y0 < b[3] and b[1] < y1:
                        found.add(b[4])
        return found


def _count_clashes(geo: Geometry, items: list[_Item]) -> int:
    grid = _Owned()
    for ob in _obstacles(geo):
        grid.add(-1, ob)
    bad = 0
    for i, it in enumerate(items):
        mb, lb = it.marker_box(), it.label_box()
        bad += len(grid.owners(mb) | grid.owners(lb)) + (not _label_ok(geo, lb))
        grid.add(i, mb)
        grid.add(i, lb)
    return bad


_EJECT_STEPS = 4  # per person on the map: how many moves the last resort may try


def _eject(geo: Geometry, items: list[_Item], targets: list[tuple[float, float]]) -> None:
    """Last resort when overlap remains: take the clashing people off the map and put them back one by
    one. Whoever finds no free spot takes the spot that pushes the fewest others aside (people moved
    often count heavier, so it does not go round in circles); those go back in the queue. Kept only
    if it ends with fewer clashes."""
    if not _count_clashes(geo, items):
        return
    saved = [(it.x, it.y, it.kind) for it in items]
    grid = _Owned()
    for ob in _obstacles(geo):
        grid.add(-1, ob)
    queue: list[int] = []
    for i, it in enumerate(items):
        mb, lb = it.marker_box(), it.label_box()
        if grid.owners(mb) or grid.owners(lb) or not _label_ok(geo, lb):
            queue.append(i)
        else:
            grid.add(i, mb)
            grid.add(i, lb)
    moves = [0] * len(items)
    kinds = ("below", "right", "left", "above")
    steps, best_len, since_best = 0, len(queue), 0
    by_distance: dict[int, list] = {}
    while queue and steps < _EJECT_STEPS * len(items) and since_best < len(items):
        steps += 1
        i = queue.pop(0)
        it = items[i]
        tx, ty = targets[i]
        if i not in by_distance:
            by_distance[i] = sorted(_slots(geo, *it.cell), key=lambda p: (p[0] - tx) ** 2 + (p[1] - ty) ** 2)
        slots = by_distance[i]
        best = None
        for x, y in slots:
            d = math.hypot(x - tx, y - ty)
            if best is not None and d >= best[0]:
                break
            if grid.blocked((x - MARKER_R, y - MARKER_R, x + MARKER_R, y + MARKER_R)):
                continue
            for kind in kinds:
                lb = it.label_box(kind, x, y)
                if _label_ok(geo, lb) and not grid.blocked(lb):
                    cost = d + _KIND_COST[kind]
                    if best is None or cost < best[0]:
                        best = (cost, x, y, kind, set())
                    break
        if best is None:  # push others aside: fewest (and least moved) people, then nearest
            step = max(1, len(slots) // 45)
            for x, y in slots[::step]:
                mb = (x - MARKER_R, y - MARKER_R, x + MARKER_R, y + MARKER_R)
                hit_m = grid.owners(mb)
                if -1 in hit_m:
                    continue
                for kind in kinds:
                    lb = it.label_box(kind, x, y)
                    if not _label_ok(geo, lb):
                        continue
                    hit = hit_m | grid.owners(lb)
                    if -1 in hit:
                        continue
                    cost = sum(1 + 2 * moves[j] for j in hit) * 1000 + math.hypot(x - tx, y - ty)
                    if best is None or cost < best[0]:
                        best = (cost, x, y, kind, hit)
        if best is None:
            queue.append(i)  # nothing possible now; try again after others moved
            continue
        _, it.x, it.y, it.kind, hit = best
        for j in sorted(hit):
            grid.drop(j)
            moves[j] += 1
            queue.append(j)
        grid.add(i, it.marker_box())
        grid.add(i, it.label_box())
        if len(queue) < best_len:
            best_len, since_best = len(queue), 0
        else:
            since_best += 1
    if queue:  # ran out of steps: put the rest where they clash least
        for i in queue:
            it = items[i]
            it.x, it.y, it.kind = saved[i]
    if _count_clashes(geo, items) >= _count_clashes_saved(geo, items, saved):
        for it, (x, y, kind) in zip(items, saved):
            it.x, it.y, it.kind = x, y, kind


def _count_clashes_saved(geo: Geometry, items: list[_Item], saved: list[tuple]) -> int:
    now = [(it.x, it.y, it.kind) for it in items]
    for it, (x, y, kind) in zip(items, saved):
        it.x, it.y, it.kind = x, y, kind
    n = _count_clashes(geo, items)
    for it, (x, y, kind) in zip(items, now):
        it.x, it.y, it.kind = x, y, kind
    return n


# scan orders for first-fit packing: key of a spot (x, y); rows are 4 units high
_SCANS = (
    lambda p: (round(p[1] / 4), p[0]), lambda p: (round(p[1] / 4), -p[0]),
    lambda p: (-round(p[1] / 4), p[0]), lambda p: (-round(p[1] / 4), -p[0]),
    lambda p: (round(p[0] / 4), p[1]), lambda p: (round(p[0] / 4), -p[1]),
    lambda p: (-round(p[0] / 4), p[1]), lambda p: (-round(p[0] / 4), -p[1]),
)
_KIND_ORDERS = (("below", "right", "left", "above"), ("right", "left", "below", "above"),
                ("left", "right", "below", "above"))
_SCANNED: dict = {}


def _pack_cell(geo: Geometry, grid: "_Grid", cell_items: list[_Item]) -> None:
    """A crowded cell: try first-fit packing in several scan orders and label preferences; the
    first that fits everyone wins, else the trial that fitted most."""
    cell = cell_items[0].cell

    def trial(slots, kinds):
        board = _Overlay(grid)
        spots = []
        for it in cell_items:
            spot = _free_spot(geo, board, it, slots, None, kinds)
            if spot is None:
                return spots
            _, x, y, kind = spot
            spots.append((x, y, kind))
            board.add((x - MARKER_R, y - MARKER_R, x + MARKER_R, y + MARKER_R))
            board.add(it.label_box(kind, x, y))
        return spots

    best = None
    for s_idx, scan in enumerate(_SCANS):
        key = (geo, cell, s_idx)
        if key not in _SCANNED:
            _SCANNED[key] = sorted(_slots(geo, *cell), key=scan)
        for kinds in _KIND_ORDERS:
            spots = trial(_SCANNED[key], kinds)
            if best is None or len(spots) > len(best[0]):
                best = (spots, _SCANNED[key], kinds)
            if len(spots) == len(cell_items):
                break
        if len(best[0]) == len(cell_items):
            break
    # whoever did not fit keeps the planned spot for now; the last resort (_eject) moves people aside
    for it, (x, y, kind) in zip(cell_items, best[0]):
        it.x, it.y, it.kind = x, y, kind
    for it in cell_items:
        grid.add(it.marker_box())
        grid.add(it.label_box())


def _placed(it: _Item, scale: float = 1.0) -> Placed:
    """From the virtual map back to the real one: every position stretched by `scale` from the centre."""
    lx, ly, anchor = _label_spot(it.kind, it.x, it.y, it.extra)
    r = lambda v: round(CENTRE + (v - CENTRE) * scale, 1)  # noqa: E731 - short SVG numbers
    return Placed(it.id, r(it.x), r(it.y), it.sector, it.nabijheid, r(lx), r(ly), anchor, it.label, scale, it.note)


def overlaps(placed: Iterable[Placed]) -> list[tuple[str, str, str]]:
    """Pairs that collide: (id_a, id_b, what) with what in "marker", "label", "label_marker".
    Used by tests and the benchmark; quadratic, so not for hot paths."""
    ps = list(placed)
    out = []
    for i, a in enumerate(ps):
        la, ma = label_box(a), marker_box(a)
        for b in ps[i + 1:]:
            lb, mb = label_box(b), marker_box(b)
            if math.hypot(a.x - b.x, a.y - b.y) < MARKER_R * (a.scale + b.scale) - 0.01:
                out.append((a.id, b.id, "marker"))
            if _gap(la, lb) < -0.01:
                out.append((a.id, b.id, "label"))
            if _gap(la, mb) < -0.01 or _gap(lb, ma) < -0.01:
                out.append((a.id, b.id, "label_marker"))
    return out
