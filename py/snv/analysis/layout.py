"""Geometry and automatic placement of persons on the relatiekaart.

Coordinates are SVG user units in a square viewBox `0 0 MAP_SIZE MAP_SIZE`, y pointing down. The client
sits in a disc in the centre; three rings go outward (heel_dichtbij, dichtbij, verder_weg); five equal
slices follow SECTORS. Angles are compass degrees: 0 = straight up, growing clockwise. Slice i spans
[i*72, (i+1)*72): familie 0–72 (top right), vrienden_kennissen 72–144, buren_buurt 144–216 (bottom),
school_werk_vrije_tijd 216–288, hulpverlening 288–360 (top left).

Placement is deterministic: the same Momentopname always gives the same picture, whichever order
persons came in. Each person's marker (radius MARKER_R, kept MARKER_MARGIN inside the cell borders) stays
inside its slice and ring; labels are one line of text next to the marker, and a repair pass moves
markers (within their cell) and flips labels so nothing overlaps when that is physically possible.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Iterable, Optional

from ..model.case import NABIJHEDEN, SECTORS

MAP_SIZE = 1000
CENTRE = MAP_SIZE / 2
CLIENT_R = 70.0
#: outer radius of each ring; the inner radius is the previous ring's outer radius (or CLIENT_R).
#: Inner rings are a bit wider than equal steps would give, so their (shorter) arcs hold more people.
RING_OUTER = {"heel_dichtbij": 195.0, "dichtbij": 300.0, "verder_weg": 400.0}
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

_EPS = 1e-9


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
        x, y = self.polar(mid, SECTOR_LABEL_R)
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


def ring_label_position(nabijheid: str) -> tuple[float, float]:
    return _GEOMETRY.ring_label_position(nabijheid)


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


def label_box(placed: Placed) -> tuple[float, float, float, float]:
    """(x0, y0, x1, y1) of a placed person's label, with the shared width estimate."""
    return _label_box_at(placed.label_x, placed.label_y, placed.label_anchor, label_width(placed.label))


def marker_box(placed: Placed) -> tuple[float, float, float, float]:
    return (placed.x - MARKER_R, placed.y - MARKER_R, placed.x + MARKER_R, placed.y + MARKER_R)


def _label_box_at(lx: float, ly: float, anchor: str, w: float) -> tuple[float, float, float, float]:
    x0 = lx - w / 2 if anchor == "middle" else lx if anchor == "start" else lx - w
    return (x0, ly - LABEL_ASCENT, x0 + w, ly + LABEL_DESCENT)


# label positions relative to the marker centre: (name, anchor, dx, dy) for a label of width w
def _label_spot(kind: str, x: float, y: float) -> tuple[float, float, str]:
    if kind == "below":
        return (x, y + MARKER_R + LABEL_GAP + LABEL_ASCENT, "middle")
    if kind == "above":
        return (x, y - MARKER_R - LABEL_GAP - LABEL_DESCENT, "middle")
    if kind == "right":
        return (x + MARKER_R + LABEL_GAP, y + LABEL_ASCENT / 2 - 1, "start")
    return (x - MARKER_R - LABEL_GAP, y + LABEL_ASCENT / 2 - 1, "end")  # left


_LABEL_KINDS = ("below", "right", "left", "above")


# ----- placement -----

@dataclass
class _Item:
    id: str
    sector: str
    nabijheid: str
    label: str
    w: float  # label width
    x: float = 0.0
    y: float = 0.0
    kind: str = "below"
    cell: tuple = field(default=())


def _usable(geo: Geometry, sector: str, nabijheid: str, r: float) -> tuple[float, float]:
    """Angular range (degrees) at radius r where a marker stays MARKER_MARGIN inside the slice."""
    a0, a1 = geo.sector_angles(sector)
    d = math.degrees(math.asin(min(1.0, MARKER_MARGIN / r)))
    if a1 - a0 <= 2 * d:
        mid = (a0 + a1) / 2
        return (mid, mid)
    return (a0 + d, a1 - d)


def _radial(geo: Geometry, nabijheid: str) -> tuple[float, float]:
    r0, r1 = geo.ring_bounds(nabijheid)
    return (r0 + MARKER_MARGIN, r1 - MARKER_MARGIN)


def _unit_box(it: _Item, x: float, y: float) -> tuple[float, float, float, float]:
    """Marker plus a label below it: the footprint used to spread persons in a cell."""
    half = max(MARKER_R, it.w / 2)
    return (x - half, y - MARKER_R, x + half, y + MARKER_R + LABEL_GAP + LABEL_ASCENT + LABEL_DESCENT)


def _gap(a: tuple, b: tuple) -> float:
    """Separation of two boxes: > 0 free space between them, < 0 overlap depth (Chebyshev-like)."""
    return max(a[0] - b[2], b[0] - a[2], a[1] - b[3], b[1] - a[3])


def _row_plan(geo: Geometry, items: list[_Item], k: int) -> list[tuple[float, float]]:
    """Positions (angle, r) for items spread over k arcs in their cell, rows inner → outer."""
    it0 = items[0]
    lo, hi = _radial(geo, it0.nabijheid)
    n = len(items)
    radii = [(lo + hi) / 2] if k == 1 else [lo + j * (hi - lo) / (k - 1) for j in range(k)]
    spans = [_usable(geo, it0.sector, it0.nabijheid, r) for r in radii]
    avg_w = sum(max(2 * MARKER_R, i.w) for i in items) / n + 8
    weights = [r * math.radians(s[1] - s[0]) + avg_w for r, s in zip(radii, spans)]
    counts = _apportion(n, weights)
    out: list[tuple[float, float]] = []
    for r, (s0, s1), m in zip(radii, spans, counts):
        for i in range(m):
            out.append((s0 + (i + 0.5) * (s1 - s0) / m, r))
    return out


def _apportion(n: int, weights: list[float]) -> list[int]:
    """Split n into len(weights) whole parts proportional to weights (largest remainder, stable)."""
    total = sum(weights)
    raw = [n * w / total for w in weights]
    counts = [int(v) for v in raw]
    rest = n - sum(counts)
    order = sorted(range(len(weights)), key=lambda j: (-(raw[j] - counts[j]), j))
    for j in order[:rest]:
        counts[j] += 1
    return counts


def _spread_cell(geo: Geometry, items: list[_Item]) -> None:
    """Pick the number of arcs that leaves the most room between persons, and place them."""
    n = len(items)
    lo, hi = _radial(geo, items[0].nabijheid)
    kmax = max(1, min(n, int((hi - lo) // (2 * MARKER_R + 4)) + 1))
    best = None
    for k in range(1, kmax + 1):
        plan = _row_plan(geo, items, k)
        pts = [geo.polar(a, r) for a, r in plan]
        score = _min_gap(items, pts) if n > 1 else 0.0
        if best is None or score > best[0] + 0.5:
            best = (score, pts)
    for it, (x, y) in zip(items, best[1]):
        it.x, it.y = x, y


def _min_gap(items: list[_Item], pts: list[tuple[float, float]]) -> float:
    boxes = [_unit_box(it, x, y) for it, (x, y) in zip(items, pts)]
    n = len(boxes)
    if n > 40:  # crowded: only compare each with a few neighbours in placement order
        return min(_gap(boxes[i], boxes[j]) for i in range(n) for j in range(i + 1, min(n, i + 4)))
    return min(_gap(boxes[i], boxes[j]) for i in range(n) for j in range(i + 1, n))


def _persons_on_map(state, klant_id: Optional[str]) -> list:
    klant_id = klant_id or getattr(state, "klant_id", None)
    return [p for p in state.personen
            if p.sector is not None and p.nabijheid is not None and p.id != klant_id]


def layout_map(state, klant_id: Optional[str] = None) -> dict[str, Placed]:
    """Place every person of a Momentopname that has both a sector and a nabijheid (not the client).

    `klant_id` skips the client when a snapshot has them in a slice (the client normally has neither).
    Returns {person id: Placed}, ordered by sector, ring, name, id.
    """
    geo = _GEOMETRY
    cells: dict[tuple, list[_Item]] = {}
    for p in _persons_on_map(state, klant_id):
        text = label_text(p.naam)
        cells.setdefault((p.sector, p.nabijheid), []).append(
            _Item(p.id, p.sector, p.nabijheid, text, label_width(text), cell=(p.sector, p.nabijheid)))
    ordered: list[_Item] = []
    for s in SECTORS:
        for n in NABIJHEDEN:
            items = cells.get((s, n))
            if not items:
                continue
            items.sort(key=lambda it: (it.label.casefold(), it.id))
            _spread_cell(geo, items)
            ordered.extend(items)
    return {it.id: _placed(it) for it in ordered}


def _placed(it: _Item) -> Placed:
    lx, ly, anchor = _label_spot(it.kind, it.x, it.y)
    r = lambda v: round(v, 1)  # noqa: E731 - short SVG numbers
    return Placed(it.id, r(it.x), r(it.y), it.sector, it.nabijheid, r(lx), r(ly), anchor, it.label)


def overlaps(placed: Iterable[Placed]) -> list[tuple[str, str, str]]:
    """Pairs that collide: (id_a, id_b, what) with what in "marker", "label", "label_marker".
    Used by tests and the benchmark; quadratic, so not for hot paths."""
    ps = list(placed)
    out = []
    for i, a in enumerate(ps):
        la, ma = label_box(a), marker_box(a)
        for b in ps[i + 1:]:
            lb, mb = label_box(b), marker_box(b)
            if math.hypot(a.x - b.x, a.y - b.y) < 2 * MARKER_R - 0.01:
                out.append((a.id, b.id, "marker"))
            if _gap(la, lb) < -0.01:
                out.append((a.id, b.id, "label"))
            if _gap(la, mb) < -0.01 or _gap(lb, ma) < -0.01:
                out.append((a.id, b.id, "label_marker"))
    return out
