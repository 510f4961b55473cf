"""How wide each slice and how deep each ring is, for one map's people at one scale.

The usual map has five equal slices and fixed rings (geometry.equal_geometry). When its people do
not fit that comfortably, a crowded slice gets more angle and a crowded ring more depth, taken from
quiet ones, just as much as needed: the shape moves step by step (BLENDS) from the usual one toward
the roomiest one, and stops at the first step with room enough. Every slice keeps room for its name
at the rim and every ring for a marker, so an empty slice or ring is still there to tap.

Room is estimated by area, in the virtual map of the scale (readable px, see scaling.py): each person
needs a block of marker, tap area and label (`demand`); `roominess` is the smallest ratio of a cell's
area to its people's blocks. The placement itself (spread, fit, eject) then finds the spots.
"""
from __future__ import annotations

import math
from typing import Optional

from ...messages import t
from ...model.case import NABIJHEDEN, SECTORS
from .geometry import (CLIENT_R, LABEL_ASCENT, LABEL_DESCENT, LABEL_GAP, MARKER_MARGIN, MARKER_R, SECTOR_SPAN, TAP_R,
                       Geometry, equal_geometry, make_geometry, rim, sector_name_width)

ROOMY = 1.25  # roominess at which a shape is taken as it is (fitted on demo, big and lopsided cases)
MIN_SPAN = 30.0  # degrees: the narrowest slice (room for a few people; its name may need more)
MIN_DEPTH = 2 * MARKER_MARGIN + 8  # readable px: the shallowest ring still holds a row of markers
BLENDS = (0.25, 0.5, 0.75, 1.0)  # steps from the usual shape (0) to the roomiest (1)
_BLOCK_H = TAP_R + MARKER_R + LABEL_GAP + LABEL_ASCENT + LABEL_DESCENT + 4  # tap area, marker, label below
_GRID = 24  # ring borders tried per search step


def demand(widths: dict[tuple[str, str], list[tuple[float, float]]]) -> dict[tuple[str, str], float]:
    """Area (readable px²) the people of each cell need: per person, given as (label width, height of an
    extra line), a block as wide as the marker's tap area or the label and as high as both."""
    return {cell: sum((max(2 * TAP_R, w) + 8) * (_BLOCK_H + extra) for w, extra in people)
            for cell, people in widths.items() if people}


def _min_spans(scale: float, label_r: float) -> tuple[float, ...]:
    """Degrees each slice needs at least: MIN_SPAN, or its name along the rim at the smallest size."""
    return tuple(max(MIN_SPAN, math.degrees(sector_name_width(t(f"label.sector.{s}")) * scale / label_r) + 2)
                 for s in SECTORS)


def _areas(radii: tuple[float, ...]) -> list[float]:
    """Area of each ring (a full circle) between consecutive radii."""
    return [math.pi * (radii[k + 1] ** 2 - radii[k] ** 2) for k in range(len(radii) - 1)]


def roominess(need: dict, spans: tuple[float, ...], radii: tuple[float, ...]) -> float:
    """The smallest ratio of a cell's area to what its people need (inf for an empty map)."""
    areas = _areas(radii)
    worst = math.inf
    for i, s in enumerate(SECTORS):
        share = spans[i] / 360.0
        for k, n in enumerate(NABIJHEDEN):
            d = need.get((s, n))
            if d:
                worst = min(worst, share * areas[k] / d)
    return worst


def _rows(need: dict) -> list[tuple[float, ...]]:
    """The demand per slice, one value per ring (the search reads it thousands of times)."""
    return [tuple(need.get((s, n), 0.0) for n in NABIJHEDEN) for s in SECTORS]


def _spans_of(rows: list[tuple[float, ...]], areas: list[float], low: list[float]) -> tuple[float, tuple[float, ...]]:
    a0, a1, a2 = areas
    per = [max(d0 / a0, d1 / a1, d2 / a2) for d0, d1, d2 in rows]
    capped = [p <= 0 for p in per]
    if all(capped):
        return (math.inf, (SECTOR_SPAN,) * len(SECTORS))
    while True:  # slices that would get less than their minimum get the minimum; the rest share the rest
        free = 1.0 - sum(m for m, c in zip(low, capped) if c)
        lam = free / sum(p for p, c in zip(per, capped) if not c)
        more = [not c and lam * p < m for p, c, m in zip(per, capped, low)]
        if not any(more) or all(c or m for c, m in zip(capped, more)):
            break
        capped = [c or m for c, m in zip(capped, more)]
    spans = [360.0 * (m if c else lam * p) for p, c, m in zip(per, capped, low)]
    total = sum(spans)
    return (lam, tuple(a * 360.0 / total for a in spans))


def _roomiest(need: dict, r0: float, outer: float, mins: tuple[float, ...]) -> tuple[float, tuple, tuple]:
    """(roominess, spans, radii) of the roomiest shape: ring borders searched on a grid, then on a finer
    one around the best."""
    lo1, hi2 = r0 + MIN_DEPTH, outer - MIN_DEPTH
    rows, low = _rows(need), [m / 360.0 for m in mins]
    pi = math.pi
    best: Optional[tuple] = None

    def scan(r1s, r2s) -> None:
        nonlocal best
        for r1 in r1s:
            if r1 < lo1:
                continue
            a0 = pi * (r1 * r1 - r0 * r0)
            for r2 in r2s:
                if r2 - r1 < MIN_DEPTH or r2 > hi2:
                    continue
                lam, spans = _spans_of(rows, [a0, pi * (r2 * r2 - r1 * r1), pi * (outer * outer - r2 * r2)], low)
                if best is None or lam > best[0] + 1e-9:
                    best = (lam, spans, (r0, r1, r2, outer))

    step = (hi2 - lo1) / _GRID
    grid = [lo1 + i * step for i in range(_GRID + 1)]
    scan(grid, grid)
    assert best is not None  # MIN_DEPTH leaves room for three rings at every scale
    _, _, (_, b1, b2, _) = best
    fine = step / 4
    scan([b1 + i * fine for i in range(-3, 4)], [b2 + i * fine for i in range(-3, 4)])
    return best


def _quantised(spans: tuple[float, ...]) -> tuple[float, ...]:
    """Half degrees, adding up to 360 (the rest goes to the widest): small changes in the people give
    the same picture."""
    q = [round(a * 2) / 2 for a in spans]
    widest = max(range(len(q)), key=lambda i: (q[i], -i))
    q[widest] += 360.0 - sum(q)
    return tuple(q)


def room_bound(need: dict, scale: float) -> float:
    """An upper bound of the roominess any shape can have at `scale` (all rings' area over all people's
    need): cheap, so scales that cannot work are skipped without working out their shape."""
    total = sum(need.values())
    if not total:
        return math.inf
    outer = rim(scale)[0] / scale
    return math.pi * (outer * outer - (CLIENT_R / scale) ** 2) / total


def shape(need: dict, scale: float) -> tuple[Geometry, float]:
    """(geometry, roominess) of the map drawn at `scale` for people who need `need` (see demand): the
    usual shape when it is roomy enough, else the first step toward the roomiest that is."""
    usual = equal_geometry(scale)
    if not need:
        return (usual, math.inf)
    r0 = CLIENT_R / scale
    outer, label_r = rim(scale)
    eq_radii = (r0, *(r / scale for _, r in usual.rings))
    eq_spans = (SECTOR_SPAN,) * len(SECTORS)
    lam0 = roominess(need, eq_spans, eq_radii)
    if lam0 >= ROOMY:
        return (usual, lam0)
    mins = _min_spans(scale, label_r)
    _, best_spans, best_radii = _roomiest(need, r0, outer / scale, mins)
    for t_ in BLENDS:
        spans = _quantised(tuple((1 - t_) * e + t_ * b for e, b in zip(eq_spans, best_spans)))
        radii = tuple(round(((1 - t_) * e + t_ * b) * scale, 1) / scale for e, b in zip(eq_radii, best_radii))
        lam = roominess(need, spans, radii)
        if lam >= ROOMY or t_ == BLENDS[-1]:
            break
    if lam <= lam0:  # nothing gained (every cell as crowded as the next): keep the usual shape
        return (usual, lam0)
    rings = (round(radii[1] * scale, 1), round(radii[2] * scale, 1), outer)
    return (make_geometry(spans, rings, label_r), lam)
