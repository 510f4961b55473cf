"""How readable the relatiekaart is on a screen: the smallest text in CSS px and the marker tap areas
that overlap, measured on the SVG the screen shows (render/relatiekaart_svg.map_svg).

The map is drawn in a square viewBox of MAP_SIZE units; on screen it is `width_px` CSS px wide, so one
unit is width_px / MAP_SIZE px. Every text's size is its font-size (own or inherited) times the scale of
every transform around it; every marker's tap area is a circle of at least TAP_PX across (its invisible
hit circle, scaled the same way, when that is bigger). The screen's default zoom shows the map at
`default_width`: at least as wide as the layout needs for readable names (layout.readable_width), wider
when the screen has more room. The browser test measures the same in Chromium (tests/e2e).
"""
from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Optional

from defusedxml.ElementTree import fromstring

from ..analysis import layout as L
from .relatiekaart_svg import MapOptions, map_svg

TAP_PX = 44.0  # a tap area on screen is at least this wide (WCAG 2.5.8 asks 24, UX.md asks 44)
_SVG = "{http://www.w3.org/2000/svg}"
_NUMBER = r"-?\d*\.?\d+(?:e-?\d+)?"


@dataclass(frozen=True)
class Readability:
    width_px: float  # the map's width on screen
    smallest_text_px: float  # the smallest text on the map (inf without text)
    smallest_text: str  # which text that is
    markers: int
    tap_overlaps: int  # pairs of markers whose tap areas overlap


def default_width(scale: float, fit_px: float) -> float:
    """The map's width at the screen's default zoom: the whole map in the `fit_px` square the screen
    has, or bigger (the view pans) when the layout needs more for readable names and tap areas."""
    return max(float(fit_px), L.readable_width(scale))


def _scale_of(transform: str) -> tuple[float, float, float]:
    """(dx, dy, scale) of a transform made of translate/rotate/scale (what the map uses): rotation
    keeps sizes, so only translation (for marker centres) and uniform scale matter."""
    dx = dy = 0.0
    scale = 1.0
    for name, args in re.findall(r"(\w+)\(([^)]*)\)", transform or ""):
        values = [float(v) for v in re.findall(_NUMBER, args)]
        if name == "translate" and values:
            dx += scale * values[0]
            dy += scale * (values[1] if len(values) > 1 else 0.0)
        elif name == "scale" and values:
            scale *= values[0]
    return dx, dy, scale


def measure_svg(svg: str, width_px: float) -> Readability:
    """Measure a map SVG shown `width_px` CSS px wide."""
    root = fromstring(svg)
    box = [float(v) for v in (root.get("viewBox") or f"0 0 {L.MAP_SIZE} {L.MAP_SIZE}").split()]
    px_per_unit = width_px / box[2]
    smallest, which = math.inf, ""
    taps: list[tuple[float, float, float]] = []

    def walk(el: ET.Element, x: float, y: float, scale: float, font: float) -> None:
        nonlocal smallest, which
        dx, dy, s = _scale_of(el.get("transform", ""))
        x, y = x + scale * dx, y + scale * dy
        scale *= s
        size = el.get("font-size")
        if size is not None:
            font = float(size)
        tag = el.tag.replace(_SVG, "")
        if tag == "text":
            text = "".join(el.itertext()).strip()
            px = font * scale * px_per_unit
            if text and px < smallest:
                smallest, which = px, text
        if tag == "g" and "rk-m" in (el.get("class") or "").split():
            hit = next((c for c in el if "rk-hit" in (c.get("class") or "").split()), None)
            r_units = float(hit.get("r", L.TAP_R)) if hit is not None else L.TAP_R
            taps.append((x * px_per_unit, y * px_per_unit, max(TAP_PX / 2, r_units * scale * px_per_unit)))
        for child in el:
            walk(child, x, y, scale, font)

    walk(root, 0.0, 0.0, 1.0, 16.0)  # 16 px: the browser's default font-size
    overlaps = sum(1 for i, a in enumerate(taps) for b in taps[i + 1:]
                   if math.hypot(a[0] - b[0], a[1] - b[1]) < a[2] + b[2] - 0.01)
    return Readability(round(width_px, 1), round(smallest, 2), which, len(taps), overlaps)


def measure_map(case, fit_px: float, width_px: Optional[float] = None,
                options: Optional[MapOptions] = None) -> Readability:
    """Render the screen's map of `case` and measure it at the default zoom for a screen whose map
    area is a `fit_px` square (or at `width_px`, e.g. "Hele kaart": width_px = fit_px)."""
    svg = map_svg(case, options=options)
    if width_px is None:
        state = options.state if options is not None and options.state is not None else case
        width_px = default_width(L.text_scale(L.cached_layout_map(state, case.klant_id)), fit_px)
    return measure_svg(svg, width_px)
