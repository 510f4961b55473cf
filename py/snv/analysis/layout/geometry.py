"""The shape of the relatiekaart: rings, slices, polar coordinates, label sizes.

Coordinates are SVG user units in a square viewBox `0 0 MAP_SIZE MAP_SIZE`, y pointing down. The client
sits in a disc in the centre; three rings go outward (heel_dichtbij, dichtbij, verder_weg); five slices
follow SECTORS clockwise from the top. Angles are compass degrees: 0 = straight up, growing clockwise.

A `Geometry` is one map's shape. The usual one (`equal_geometry`) has five equal slices of SECTOR_SPAN
degrees, familie 0–72 (top right), vrienden_kennissen 72–144, buren_buurt 144–216 (bottom),
school_werk_vrije_tijd 216–288, hulpverlening 288–360 (top left), and rings at RING_SHARE; a crowded
map gets slices and rings sized to its people (shape.py), so every layout carries its own geometry
(`map_geometry`). The rings reach as far out as the slice names at the rim leave room (`rim`).
"""
from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from typing import Optional

from ...model.case import NABIJHEDEN, SECTORS

MAP_SIZE = 1000
CENTRE = MAP_SIZE / 2
CLIENT_R = 70.0
#: the usual rings: outer borders of heel_dichtbij and dichtbij as shares of the depth from the client's
#: disc to the outer ring. Inner rings are a bit wider than equal steps would give, so their (shorter)
#: arcs hold more people.
RING_SHARE = (0.424, 0.727)
SECTOR_SPAN = 360.0 / len(SECTORS)
MAX_SCALE = 1.8  # the largest text scale (scaling.TEXT_SCALES[0]): an empty or small map

MARKER_R = 18.0  # drawn marker radius (the renderer adds an invisible 44 px hit area)
#: half the side of the square a marker keeps free of other markers and labels: its 44 px tap circle at
#: the readable size (one map unit × scale = one CSS px, see scaling.readable_width), so no two tap areas
#: overlap there. Labels stay next to the drawn marker (MARKER_R), inside this square.
TAP_R = 22.0
#: a marker centre keeps this distance from every cell border: the drawn marker (MARKER_R and half its
#: 2-unit stroke, a professional's hexagon a little more) stays inside its own slice and ring. Tap areas
#: of neighbours across a border are kept apart by the placement itself.
MARKER_MARGIN = 20.0
LABEL_FONT = 14.0
LABEL_CHAR_W = 0.55 * LABEL_FONT  # average glyph width estimate shared by layout, tests and renderer
LABEL_MAX_CHARS = 14
LABEL_ASCENT = 0.8 * LABEL_FONT  # baseline to top of the box
LABEL_DESCENT = 0.25 * LABEL_FONT  # baseline to bottom of the box
LABEL_GAP = 3.0  # space between marker and its label
NOTE_FONT = LABEL_FONT  # a second line under the name ("(overleden)"), as readable as the name
NOTE_LINE = 16.0  # its baseline sits this far below the name's baseline

# the rim: a band in full sector colour just outside the rings, the slice names (bold, along the rim)
# just outside it, inside the view box
SECTOR_FONT = 16.0  # readable px of a slice name (LABEL_FONT at least where a slice is narrow)
SECTOR_CHAR_W = 0.58  # bold glyph width per px of font size
SECTOR_ICON_W = 32.0  # readable px: a slice's icon and the gap before its name
RIM_W = 12.0  # map units: the colour band
_RIM_AIR = 4.0  # map units between the band, the names and the edge of the view box
_NAME_HALF = 0.55  # half the height of a name, in ems (capitals above the baseline, descenders below)


def rim(scale: float) -> tuple[float, float]:
    """(outer ring radius, radius of the middle of the slice names) for a map drawn at `scale`: the
    names (SECTOR_FONT × scale high) just inside the view box, the colour band under them."""
    half = _NAME_HALF * SECTOR_FONT * scale
    label_r = CENTRE - _RIM_AIR - half
    return (round(label_r - half - _RIM_AIR - RIM_W, 1), round(label_r, 1))


def sector_name_width(name: str, size: float = LABEL_FONT) -> float:
    """Readable px of a slice's icon and name along the rim, at font `size`."""
    return SECTOR_ICON_W + len(name) * SECTOR_CHAR_W * size


# ----- geometry -----

@dataclass(frozen=True)
class Geometry:
    """Static shape of the relatiekaart. All angles in compass degrees (0 = up, clockwise)."""
    size: float = MAP_SIZE
    cx: float = CENTRE
    cy: float = CENTRE
    client_r: float = CLIENT_R
    rings: tuple = ()  # ((nabijheid, outer_radius), ...) inner to outer
    sectors: tuple = ()  # ((sector, start, end), ...) clockwise from 0 to 360
    label_r: float = 0.0  # radius of the middle of the sector names at the rim

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

    def ring_label_at(self, nabijheid: str, scale: float) -> tuple[float, float]:
        """Where a ring's name goes on this map drawn at `scale` (its font is LABEL_FONT * scale): where
        the layout, working in virtual(scale), kept it free."""
        x, y = self.virtual(scale).ring_label_position(nabijheid)
        return (self.cx + (x - self.cx) * scale, self.cy + (y - self.cy) * scale)

    def locate(self, x: float, y: float) -> tuple[Optional[str], Optional[str]]:
        """Which slice and ring a map point is in: (None, None) on the client disc or outside the rings."""
        angle, r = self.to_polar(x, y)
        if r < self.client_r or r > self.outer_r:
            return (None, None)
        sector = self.sectors[-1][0]
        for s, _, a1 in self.sectors:
            if angle < a1:
                sector = s
                break
        for n, outer in self.rings:
            if r <= outer:
                return (sector, n)
        return (None, None)  # pragma: no cover - r > outer handled above

    def virtual(self, scale: float) -> Geometry:
        """This map shrunk by 1/scale around the centre (markers and labels keep their size there); a
        layout made in it and stretched back by `scale` has markers and labels `scale` times bigger."""
        return _virtual(self, scale)


@functools.lru_cache(maxsize=64)
def _virtual(geo: Geometry, scale: float) -> Geometry:
    if scale == 1.0:
        return geo
    return Geometry(client_r=geo.client_r / scale, rings=tuple((n, r / scale) for n, r in geo.rings),
                    sectors=geo.sectors, label_r=geo.label_r / scale)


def make_geometry(spans: tuple[float, ...], rings: tuple[float, float, float], label_r: float) -> Geometry:
    """A map with slices of `spans` degrees (in SECTORS order, clockwise from the top) and rings
    ending at `rings` (inner to outer)."""
    sectors, a = [], 0.0
    for s, span in zip(SECTORS, spans):
        sectors.append((s, a, 360.0 if s == SECTORS[-1] else round(a + span, 2)))
        a = round(a + span, 2)
    return Geometry(client_r=CLIENT_R, rings=tuple(zip(NABIJHEDEN, rings)), sectors=tuple(sectors), label_r=label_r)


@functools.lru_cache(maxsize=32)
def equal_geometry(scale: float = MAX_SCALE) -> Geometry:
    """The usual map drawn at `scale`: five equal slices, rings at RING_SHARE, out to the rim."""
    outer, label_r = rim(scale)
    depth = outer - CLIENT_R
    rings = (round(CLIENT_R + RING_SHARE[0] * depth, 1), round(CLIENT_R + RING_SHARE[1] * depth, 1), outer)
    return make_geometry((SECTOR_SPAN,) * len(SECTORS), rings, label_r)


_GEOMETRY = equal_geometry(MAX_SCALE)


def geometry() -> Geometry:
    """The usual map at the largest scale: what an empty (or small) map looks like."""
    return _GEOMETRY


def polar(angle: float, r: float) -> tuple[float, float]:
    """Map coordinates of a point at compass `angle` degrees and distance `r` from the centre (every
    map has its centre at CENTRE)."""
    return _GEOMETRY.polar(angle, r)


def _fmt(v: float) -> str:
    s = f"{v:.1f}"
    return s[:-2] if s.endswith(".0") else s
