"""A spatial index of boxes (x0, y0, x1, y1) already taken on the map, so a look-up only sees boxes
nearby. One grid scan (`_scan`) serves every query."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Optional

_GRID = 40.0  # bucket size in map units
_AIR = 1.0  # boxes keep this much air, so rounding to 0.1 never makes them touch


def _buckets(box: tuple) -> Iterator[tuple[int, int]]:
    """The grid buckets a box covers."""
    gy0, gy1 = int(box[1] // _GRID), int(box[3] // _GRID) + 1
    for gx in range(int(box[0] // _GRID), int(box[2] // _GRID) + 1):
        for gy in range(gy0, gy1):
            yield (gx, gy)


def _scan(cells: dict[tuple[int, int], list[tuple]], box: tuple, owners: Optional[set[int]] = None) -> bool:
    """The one grid scan: is a stored box closer than _AIR to `box`? Without `owners` it stops at the
    first; with `owners` it adds the owner (b[4]) of every such box to it. Written out, not built on
    _buckets and not a generator: this is the layout's hottest loop."""
    half = _AIR / 2
    x0, y0, x1, y1 = box[0] - half, box[1] - half, box[2] + half, box[3] + half
    found = False
    gy0, gy1 = int(box[1] // _GRID), int(box[3] // _GRID) + 1
    for gx in range(int(box[0] // _GRID), int(box[2] // _GRID) + 1):
        for gy in range(gy0, gy1):
            bucket = cells.get((gx, gy))
            if bucket:
                for b in bucket:
                    if x0 < b[2] and b[0] < x1 and y0 < b[3] and b[1] < y1:
                        if owners is None:
                            return True
                        owners.add(b[4])
                        found = True
    return found


class _Grid:
    """Boxes already taken."""

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], list[tuple]] = {}

    def add(self, box: tuple) -> None:
        for k in _buckets(box):
            self.cells.setdefault(k, []).append(box)

    def remove(self, box: tuple) -> bool:
        found = False
        for k in _buckets(box):
            bucket = self.cells.get(k)
            if bucket and box in bucket:
                bucket.remove(box)
                found = True
        return found

    def hits(self, box: tuple) -> bool:
        return _scan(self.cells, box)


class _Overlay:
    """A trial on top of a grid: the grid's boxes plus a few more, without copying the grid. Trials on
    the same unchanged grid may share `seen`, the grid's answers so far (they ask about the same spots)."""

    def __init__(self, base: _Grid, seen: Optional[dict[tuple, bool]] = None) -> None:
        self.base = base
        self.extra: list[tuple] = []
        self.seen = {} if seen is None else seen

    def add(self, box: tuple) -> None:
        self.extra.append(box)

    def hits(self, box: tuple) -> bool:
        x0, y0, x1, y1 = box[0] - _AIR / 2, box[1] - _AIR / 2, box[2] + _AIR / 2, box[3] + _AIR / 2
        for b in self.extra:
            if x0 < b[2] and b[0] < x1 and y0 < b[3] and b[1] < y1:
                return True
        hit = self.seen.get(box)
        if hit is None:
            hit = self.seen[box] = _scan(self.base.cells, box)
        return hit


class _Owned:
    """Boxes with the person they belong to (-1 = fixed, like ring names), to move people aside."""

    def __init__(self) -> None:
        self.grid = _Grid()
        self.boxes: dict[int, list[tuple]] = {}

    def add(self, owner: int, box: tuple) -> None:
        entry = (*box[:4], owner)
        self.boxes.setdefault(owner, []).append(entry)
        self.grid.add(entry)

    def drop(self, owner: int) -> None:
        for entry in self.boxes.pop(owner, []):
            self.grid.remove(entry)

    def blocked(self, box: tuple) -> bool:
        return self.grid.hits(box)

    def owners(self, box: tuple) -> set[int]:
        found: set[int] = set()
        _scan(self.grid.cells, box, found)
        return found
