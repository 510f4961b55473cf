"""Labels and the boxes of placed persons: the text next to a marker, its size, and where it goes."""
from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from .geometry import LABEL_ASCENT, LABEL_CHAR_W, LABEL_DESCENT, LABEL_FONT, LABEL_GAP, LABEL_MAX_CHARS, \
    MARKER_R, NOTE_FONT, NOTE_LINE, TAP_R, Geometry, geometry

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


class MapEntry(NamedTuple):
    """One person on the map, as the layout sees them."""
    id: str
    sector: str
    nabijheid: str
    label: str  # label_text(naam)
    note: str  # second line under the name ("(overleden)") or ""



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
    #: the map's shape this placement belongs to (the same object for every person of one layout;
    #: scaling.map_geometry); not compared: the other fields say where the person is
    geo: Geometry = field(default_factory=geometry, compare=False, repr=False)


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


def _gap(a: tuple, b: tuple) -> float:
    """Separation of two boxes: > 0 free space between them, < 0 overlap depth (Chebyshev-like)."""
    return max(a[0] - b[2], b[0] - a[2], a[1] - b[3], b[1] - a[3])


def overlaps(placed: Iterable[Placed]) -> list[tuple[str, str, str]]:
    """Pairs that collide: (id_a, id_b, what) with what in "marker", "label", "label_marker", "tap" (their
    44 px tap circles at the readable size overlap). Used by tests and the benchmark; quadratic, so not
    for hot paths."""
    ps = list(placed)
    out = []
    for i, a in enumerate(ps):
        la, ma = label_box(a), marker_box(a)
        for b in ps[i + 1:]:
            lb, mb = label_box(b), marker_box(b)
            d = math.hypot(a.x - b.x, a.y - b.y)
            if d < MARKER_R * (a.scale + b.scale) - 0.01:
                out.append((a.id, b.id, "marker"))
            elif d < TAP_R * (a.scale + b.scale) - 0.01:
                out.append((a.id, b.id, "tap"))
            if _gap(la, lb) < -0.01:
                out.append((a.id, b.id, "label"))
            if _gap(la, mb) < -0.01 or _gap(lb, ma) < -0.01:
                out.append((a.id, b.id, "label_marker"))
    return out
