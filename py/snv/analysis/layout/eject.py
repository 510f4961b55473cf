"""Step 4 of the placement, the last resort: if anything still overlaps, the clashing people are put
back one by one, moving the fewest others aside (an ejection chain)."""
from __future__ import annotations

import math
from typing import Optional

from .cells import _KIND_COST, _Item, _label_ok, _obstacles, _slots
from .geometry import TAP_R, Geometry
from .labels import _LABEL_KINDS
from .spatial import _Owned


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
#: moves without progress (a shorter queue) before it gives up. Measured on demo, grown, lopsided and big
#: cases of 20-40 persons after random moves: an eject that succeeds made progress within 22 moves; one
#: that fails mostly never does, and ran n moves (a quarter of a failed try's time at 40 persons)
_PATIENCE = 24


def _eject(geo: Geometry, items: list[_Item], targets: list[tuple[float, float]]) -> int:
    """Last resort when overlap remains: take the clashing people off the map and put them back one by
    one. Whoever finds no free spot takes the spot that pushes the fewest others aside (people moved
    often count heavier, so it does not go round in circles); those go back in the queue. Kept only
    if it ends with fewer clashes. Returns the clashes left."""
    before = _count_clashes(geo, items)
    if not before:
        return 0
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
    kinds = _LABEL_KINDS
    steps, best_len, since_best = 0, len(queue), 0
    by_distance: dict[int, list] = {}
    while queue and steps < _EJECT_STEPS * len(items) and since_best < min(_PATIENCE, len(items)):
        steps += 1
        i = queue.pop(0)
        it = items[i]
        tx, ty = targets[i]
        if i not in by_distance:
            by_distance[i] = sorted(_slots(geo, *it.cell), key=lambda p: (p[0] - tx) ** 2 + (p[1] - ty) ** 2)
        slots = by_distance[i]
        best: Optional[tuple] = None
        for x, y in slots:
            d = math.hypot(x - tx, y - ty)
            if best is not None and d >= best[0]:
                break
            if grid.blocked((x - TAP_R, y - TAP_R, x + TAP_R, y + TAP_R)):
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
                mb = (x - TAP_R, y - TAP_R, x + TAP_R, y + TAP_R)
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
    after = _count_clashes(geo, items)
    if after >= before:
        for it, (x, y, kind) in zip(items, saved):
            it.x, it.y, it.kind = x, y, kind
        return before
    return after
