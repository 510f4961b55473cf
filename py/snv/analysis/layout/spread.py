"""Step 1 of the placement: per cell, an even spread of marker+label blocks (arcs or horizontal rows,
whichever leaves the most room); that is each person's planned spot."""
from __future__ import annotations

import math
from typing import Optional

from .cells import _cell_y_range, _clamp, _inside, _Item, _label_ok, _radial, _row_span, _usable
from .geometry import LABEL_ASCENT, LABEL_DESCENT, LABEL_GAP, MARKER_R, Geometry
from .labels import _gap, _label_box_at

_COMFORT = 8.0  # free space between blocks that counts as roomy
_UNIT_H = 2 * MARKER_R + LABEL_GAP + LABEL_ASCENT + LABEL_DESCENT  # marker plus one label line below it


def _unit_box(w: float, x: float, y: float) -> tuple[float, float, float, float]:
    """Marker plus a label below it: the block used to spread persons in a cell."""
    half = max(MARKER_R, w / 2)
    return (x - half, y - MARKER_R, x + half, y - MARKER_R + _UNIT_H)


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
        gap = ((b - a) - need) / (m - 1)  # < 0 when the blocks need more than the span
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
    best = _better(geo, items, arcs[0], None)
    for pts in arcs[1:]:
        best = _better(geo, items, pts, best)
    if 1 < n <= 30 and best[0] < _COMFORT:  # the arcs are cramped: try rows
        y0, y1 = _cell_y_range(geo, *cell)
        for k in range(1, max(1, min(n, int((y1 - y0) // 30) + 1)) + 1):
            rows = _row_plan(geo, items, k)
            if rows and len(rows) == n:
                best = _better(geo, items, rows, best)
    for it, (x, y) in zip(items, best[1]):
        it.x, it.y = x, y
