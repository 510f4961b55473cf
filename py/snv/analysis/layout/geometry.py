"""The static shape of the relatiekaart: rings, slices, polar coordinates, label sizes.

Coordinates are SVG user units in a square viewBox `0 0 MAP_SIZE MAP_SIZE`, y pointing down. The client
sits in a disc in the centre; three rings go outward (heel_dichtbij, dichtbij, verder_weg); five equal
slices follow SECTORS. Angles are compass degrees: 0 = straight up, growing clockwise. Slice i spans
[i*72, (i+1)*72): familie 0–72 (top right), vrienden_kennissen 72–144, buren_buurt 144–216 (bottom),
school_werk_vrije_tijd 216–288, hulpverlening 288–360 (top left).
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
#: outer radius of each ring; the inner radius is the previous ring's outer radius (or CLIENT_R).
#: Inner rings are a bit wider than equal steps would give, so their (shorter) arcs hold more people.
RING_OUTER = {"heel_dichtbij": 210.0, "dichtbij": 310.0, "verder_weg": 400.0}
SECTOR_SPAN = 360.0 / len(SECTORS)
SECTOR_LABEL_R = 440.0  # sector names go round the rim, outside the rings

MARKER_R = 18.0  # drawn marker radius (the renderer adds an invisible 44 px hit area)
#: half the side of the square a marker keeps free of other markers and labels: its 44 px tap circle at
#: the readable size (one map unit × scale = one CSS px, see scaling.readable_width), so no two tap areas
#: overlap there. Labels stay next to the drawn marker (MARKER_R), inside this square.
TAP_R = 22.0
MARKER_MARGIN = 22.0  # a marker centre keeps this distance from every cell border
LABEL_FONT = 14.0
LABEL_CHAR_W = 0.55 * LABEL_FONT  # average glyph width estimate shared by layout, tests and renderer
LABEL_MAX_CHARS = 14
LABEL_ASCENT = 0.8 * LABEL_FONT  # baseline to top of the box
LABEL_DESCENT = 0.25 * LABEL_FONT  # baseline to bottom of the box
LABEL_GAP = 3.0  # space between marker and its label
NOTE_FONT = LABEL_FONT  # a second line under the name ("(overleden)"), as readable as the name
NOTE_LINE = 16.0  # its baseline sits this far below the name's baseline


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


@functools.lru_cache(maxsize=8)
def virtual_geometry(scale: float) -> Geometry:
    """The map shrunk by 1/scale around the centre (markers and labels keep their size there); a layout
    made in it and stretched back by `scale` has markers and labels `scale` times bigger."""
    if scale == 1.0:
        return _GEOMETRY
    return Geometry(client_r=CLIENT_R / scale, rings=tuple((n, RING_OUTER[n] / scale) for n in NABIJHEDEN),
                    label_r=SECTOR_LABEL_R / scale)


def ring_label_position(nabijheid: str, scale: float = 1.0) -> tuple[float, float]:
    """Where a ring's name goes on a map drawn at `scale` (its font is LABEL_FONT * scale)."""
    x, y = virtual_geometry(scale).ring_label_position(nabijheid)
    if scale == 1.0:
        return (x, y)
    return (CENTRE + (x - CENTRE) * scale, CENTRE + (y - CENTRE) * scale)
