"""Steps 2 and 3 of the placement: crowded cells first, each person takes the free spot nearest to the
planned one; a cell where someone finds no room is packed tightly by first fit (several scan orders),
its neighbours re-take their nearest free spots, then everyone drifts back toward the planned spot."""
from __future__ import annotations

import heapq
import math
from collections.abc import Iterator
from typing import Optional

from .cells import _KIND_COST, _adjacent, _Item, _label_ok, _obstacles, _slots, bounded
from .eject import _eject
from .geometry import TAP_R, Geometry
from .labels import _LABEL_KINDS
from .spatial import _Grid, _Overlay


def _free_spot(geo: Geometry, grid: _Grid | _Overlay, it: _Item, slots, near_to: Optional[tuple[float, float]],
               kinds: tuple = _LABEL_KINDS):
    """The free (cost, x, y, kind) nearest to `near_to`, or with near_to None the first free spot in
    the given slot order (first fit packs a crowded cell tightly). None if nothing is free."""
    best = None
    for x, y in slots:
        d = 0.0 if near_to is None else math.hypot(x - near_to[0], y - near_to[1])
        if best is not None and d >= best[0]:
            break
        if grid.hits((x - TAP_R, y - TAP_R, x + TAP_R, y + TAP_R)):
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


def _fit(geo: Geometry, items: list[_Item]) -> None:
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
    if not failed:
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
    if _eject(geo, items, targets):
        return  # overlap remains: this scale will not do (unless it is the last), no need to tidy up
    # packing leaves people bunched up: let each drift back toward its planned spot where it is free
    grid = grid_without(set())
    moved = [i for i in order if items[i].cell in failed | around]
    for _ in range(2):
        drifted = False
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
                drifted = True
            grid.add(it.marker_box())
            grid.add(it.label_box())
        if not drifted:  # the same map again: a second round would find the same
            break


def _take_nearest(geo: Geometry, grid: "_Grid", it: _Item, target: tuple[float, float],
                  plan_first: bool = False) -> bool:
    """Put `it` on the free spot nearest to `target` and take it in the grid; False if none is free."""
    tx, ty = target
    best = _free_spot(geo, grid, it, [target], target, ("below",)) if plan_first else None  # plan often fits
    if best is None:
        best = _free_spot(geo, grid, it, _nearest_first(_slots(geo, *it.cell), tx, ty), target)
    if best is None:
        return False
    _, it.x, it.y, it.kind = best
    grid.add(it.marker_box())
    grid.add(it.label_box())
    return True


def _nearest_first(slots: list[tuple[float, float]], tx: float, ty: float) -> Iterator[tuple[float, float]]:
    """The slots in order of distance to (tx, ty), sorted only as far as they are read: the nearest free
    spot is usually among the first few of a cell's hundreds."""
    heap = [((x - tx) ** 2 + (y - ty) ** 2, x, y) for x, y in slots]
    heapq.heapify(heap)
    while heap:
        _, x, y = heapq.heappop(heap)
        yield (x, y)


# scan orders for first-fit packing: key of a spot (x, y); rows are 4 units high
_SCANS = (
    lambda p: (round(p[1] / 4), p[0]), lambda p: (round(p[1] / 4), -p[0]),
    lambda p: (-round(p[1] / 4), p[0]), lambda p: (-round(p[1] / 4), -p[0]),
    lambda p: (round(p[0] / 4), p[1]), lambda p: (round(p[0] / 4), -p[1]),
    lambda p: (-round(p[0] / 4), p[1]), lambda p: (-round(p[0] / 4), -p[1]),
)
_KIND_ORDERS = (_LABEL_KINDS, ("right", "left", "below", "above"),
                ("left", "right", "below", "above"))
_SCANNED: dict = {}


def _pack_cell(geo: Geometry, grid: "_Grid", cell_items: list[_Item]) -> None:
    """A crowded cell: try first-fit packing in several scan orders and label preferences; the
    first that fits everyone wins, else the trial that fitted most."""
    cell = cell_items[0].cell
    seen: dict[tuple, bool] = {}  # the grid does not change during the trials

    def trial(slots, kinds):
        board = _Overlay(grid, seen)
        spots: list[tuple[float, float, str]] = []
        for it in cell_items:
            spot = _free_spot(geo, board, it, slots, None, kinds)
            if spot is None:
                return spots
            _, x, y, kind = spot
            spots.append((x, y, kind))
            board.add((x - TAP_R, y - TAP_R, x + TAP_R, y + TAP_R))
            board.add(it.label_box(kind, x, y))
        return spots

    best: Optional[tuple] = None
    for s_idx, scan in enumerate(_SCANS):
        key = (geo, cell, s_idx)
        order = _SCANNED.get(key)
        if order is None:
            order = bounded(_SCANNED)[key] = sorted(_slots(geo, *cell), key=scan)
        for kinds in _KIND_ORDERS:
            spots = trial(order, kinds)
            if best is None or len(spots) > len(best[0]):
                best = (spots, order, kinds)
            if len(spots) == len(cell_items):
                break
        if best is not None and len(best[0]) == len(cell_items):
            break
    assert best is not None  # _SCANS is not empty
    # whoever did not fit keeps the planned spot for now; the last resort (_eject) moves people aside
    for it, (x, y, kind) in zip(cell_items, best[0]):
        it.x, it.y, it.kind = x, y, kind
    for it in cell_items:
        grid.add(it.marker_box())
        grid.add(it.label_box())
