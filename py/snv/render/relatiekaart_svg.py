"""The relatiekaart as SVG: the interactive map for the screen (render/relatiekaart.py puts the page
around it) and the standalone export.

Both come from one drawing routine so the screen and the file always look alike. The map is drawn from
a case (the map now) or from a Momentopname (a stored moment); both have `personen`, `banden`, `steun`.
Placement comes from analysis.layout (square viewBox 0 0 1000 1000, centre 500,500).

Meaning is never carried by colour alone: slices have a name and an icon, line quality has its own
line shape (thick, thin, dashed, zig-zag with ⚡, two bars), markers differ in shape, diff badges
carry an arrow or sign and a word.

Styling uses presentation attributes (fill=, stroke=), so the export needs no stylesheet and the
screen's CSS (site/relatiekaart.css) can still override them for focus, drag and forced colours.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import math
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any, Iterable, Optional

from ..analysis import layout as L
from ..messages import on_change, t
from ..model.case import FREQUENTIES, NABIJHEDEN, SECTORS, STEUNSOORTEN, client_ties
from .contactschema_svg import freq_word
from .format import date_nl, shown_name
from .svg import FONT, SVG_NS, esc, file_head, hexagon, initials, mix, num, zigzag

# ----- visual constants -----

TEXT = "#1A1A1A"
ACCENT = "#1F4E8C"
CONFLICT = "#D55E00"  # vermillion: only conflict and warnings
GREY = "#6B6B6B"  # ≥ 4.5:1 on white
MEMBER = "#7D7D7D"

SECTOR_COLOURS = {
    "familie": "#E69F00",
    "vrienden_kennissen": "#56B4E9",
    "buren_buurt": "#009E73",
    "school_werk_vrije_tijd": "#CC79A7",
    "hulpverlening": "#0072B2",
}
# inner rings get a stronger tint: closeness reads at a glance, the ring names say it in words
RING_TINT = {"heel_dichtbij": 0.30, "dichtbij": 0.19, "verder_weg": 0.10}
CELL_FILL = {(s, n): mix(c, RING_TINT[n]) for s, c in SECTOR_COLOURS.items() for n in NABIJHEDEN}
MARKER_FILL = {s: mix(c, 0.12) for s, c in SECTOR_COLOURS.items()}
# darker sector colours for icons: at least 3:1 against the light tints
SECTOR_INK = {s: mix(c, 0.62, "#000000") for s, c in SECTOR_COLOURS.items()}

HIT_R = L.TAP_R  # invisible hit circle (marker units): 44 css px at the readable size; CSS keeps it ≥ 44 px
# Every text of the map is sized in *readable px* times the layout's scale (see layout.readable_width): on
# the screen's default zoom none is smaller than MIN_TEXT_PX. render/map_readability.py measures it.
MIN_TEXT_PX = 14.0
HINT_FONT = 16.0
CLIENT_FONT = (14.0, 22.0)
BOLT_FONT = 17.0
BADGE_FONT = 14.0
CLIENT_GAP = 4.0

# simple icons, 24×24 box centred on (0, 0), stroked
SECTOR_ICONS = {
    "familie": "M-9 -1L0 -9L9 -1M-6.5 -3V9H6.5V-3M-2 9V3H2V9",
    "vrienden_kennissen": ("M-9.5 -3a3.5 3.5 0 1 0 7 0a3.5 3.5 0 1 0 -7 0M2.5 -3a3.5 3.5 0 1 0 7 0"
                           "a3.5 3.5 0 1 0 -7 0M-12 9c0-5 3-7 6-7s6 2 6 7M0 9c0-5 3-7 6-7s6 2 6 7"),
    "buren_buurt": "M-11 9V1L-5 -4L1 1V9ZM1 9V-2L6 -6L11 -2V9M-7 9V4H-3V9",
    "school_werk_vrije_tijd": "M-10 -4H10V9H-10ZM-4 -4V-8H4V-4M-10 2H10",
    "hulpverlening": "M-9 0a9 9 0 1 0 18 0a9 9 0 1 0 -18 0M0 -5V5M-5 0H5",
}


def _circle_path(cx: float, cy: float, r: float) -> str:
    return f"M{num(cx - r)} {num(cy)}a{num(r)} {num(r)} 0 1 0 {num(2 * r)} 0a{num(r)} {num(r)} 0 1 0 {num(-2 * r)} 0"


# a paw: one pad and four toes, about the size of a marker
PAW = (_circle_path(0, 6, 8.5) + _circle_path(-11, -3, 4) + _circle_path(-4.5, -11, 4)
       + _circle_path(4.5, -11, 4) + _circle_path(11, -3, 4))
HEX = hexagon(L.MARKER_R + 1.5)

QUALITY_STYLE = {
    # kwaliteit: (stroke, width, dasharray)
    "goed": (TEXT, 5.0, None),
    "neutraal": (TEXT, 1.5, None),
    "moeizaam": (TEXT, 2.5, "10 7"),
    "conflict": (CONFLICT, 2.5, None),
    "verbroken": (GREY, 2.0, None),
}
# *Hoe vaak?* layer: the client's line is as wide as the contact is frequent (contactschema); the
# quality keeps its shape (dashed, zig-zag with ⚡, two bars). No contact row: a thin line.
FREQ_WIDTH = {"dagelijks": 9.0, "wekelijks": 6.5, "maandelijks": 4.5, "paar_keer_per_jaar": 3.0, "zelden": 2.0}
FREQ_NONE_WIDTH = 1.5
BADGE_ORDER = ("nieuw", "weg", "dichterbij", "verder_weg", "sector", "lijn", "steun")


@dataclass(frozen=True)
class MapOptions:
    """What to draw. The screen derives them from its RelatiekaartView; the export uses its own."""
    member_ties: bool = False  # thin grey lines between other people ("Lijnen tussen anderen")
    support: bool = False  # support badges and direction arrows ("Steun tonen")
    highlight: frozenset = frozenset()  # person ids to point out ("Wat zie je?")
    state: Any = None  # a Momentopname to draw instead of the case now
    compare_old: Any = None  # a Momentopname: show what changed from it to the drawn state
    interactive: bool = True  # focusable markers with data-* hooks
    empty_hints: bool = True  # "Ken je iemand in je straat?" in an empty buren slice
    frequency: bool = False  # *Hoe vaak?*: the client's line width = contact frequency (contactschema)
    chosen: Optional[str] = None  # *Verbinden*: the person tapped first (ringed until the second tap)
    tie: Optional[frozenset] = None  # the line between others that is open in the side panel
    selected: Optional[str] = None  # the person whose sheet is open: ringed, and kept in view by the screen


# ----- words -----

def ring_word(nabijheid: str) -> str:
    return t(f"label.nabijheid.{nabijheid}").lower()


def quality_word(kwaliteit: Optional[str]) -> str:
    return t(f"label.kwaliteit.{kwaliteit}").lower() if kwaliteit else ""


def support_words(items: Iterable) -> str:
    return ", ".join(t("map.support.item", soort=t(f"label.steunsoort.{s.soort}"),
                       richting=t(f"map.support.{s.richting}")) for s in items)


def marker_name(p, kwaliteit: Optional[str], steun: list, shown: tuple[str, ...] = ()) -> str:
    """Accessible name: "Marieke, tante, Familie, heel dichtbij, lijn goed" (+ kind, support).

    `shown`: the words the marker shows, in their order ("M", "Marieke", support letters, badges); the
    name then starts with them, so what you see is what you can say (WCAG 2.5.3 label in name)."""
    naam = shown_name(p.naam)
    parts = [" ".join(shown)] if shown else [naam]
    if shown and naam not in shown:  # the label on the map was cut short
        parts.append(naam)
    if p.rol:
        parts.append(p.rol)
    if p.soort == "huisdier":
        parts.append(t("map.aria.pet"))
    elif p.professioneel:
        parts.append(t("map.aria.professional"))
    if p.overleden:
        parts.append(t("map.aria.deceased"))
    parts.append(t(f"label.sector.{p.sector}"))
    parts.append(ring_word(p.nabijheid))
    parts.append(t("map.aria.line", kwaliteit=quality_word(kwaliteit)) if kwaliteit else t("map.aria.no_line"))
    if steun:
        parts.append(t("map.aria.support", items=support_words(steun)))
    return ", ".join(parts)


# ----- drawing pieces -----

def _background(out: list, geo: L.Geometry, interactive: bool, scale: float = 1.0) -> None:
    out.append('<g class="rk-cells" stroke="#FFFFFF" stroke-width="3">')
    for s in SECTORS:
        for n in NABIJHEDEN:
            data = f' data-sector="{s}" data-ring="{n}"' if interactive else ""
            out.append(f'<path class="rk-cell"{data} d="{geo.annular_sector_path(s, n)}" fill="{CELL_FILL[s, n]}"/>')
    out.append("</g>")
    cx, cy = geo.centre
    out.append(f'<g class="rk-rings" fill="none" stroke="{GREY}" stroke-width="1.5">')
    for _, r in geo.rings:
        out.append(f'<circle cx="{num(cx)}" cy="{num(cy)}" r="{num(r)}"/>')
    out.append("</g>")
    # rim band in full sector colour, then the slice name and icon outside it
    out.append('<g class="rk-rim">')
    r_out = geo.outer_r
    for s in SECTORS:
        a0, a1 = geo.sector_angles(s)
        gap = min(0.6, (a1 - a0) / 10)
        p0, p1 = geo.polar(a0 + gap, r_out + L.RIM_W), geo.polar(a1 - gap, r_out + L.RIM_W)
        q1, q0 = geo.polar(a1 - gap, r_out + 1), geo.polar(a0 + gap, r_out + 1)
        ro, ri = num(r_out + L.RIM_W), num(r_out + 1)
        large = 1 if a1 - a0 - 2 * gap > 180 else 0
        out.append(f'<path d="M{num(p0[0])} {num(p0[1])}A{ro} {ro} 0 {large} 1 {num(p1[0])} {num(p1[1])}'
                   f'L{num(q1[0])} {num(q1[1])}A{ri} {ri} 0 {large} 0 {num(q0[0])} {num(q0[1])}Z" '
                   f'fill="{SECTOR_COLOURS[s]}"/>')
    for s in SECTORS:
        out.append(_rim_name(geo, s, scale))
    out.append("</g>")
    out.append(f'<g class="rk-ringnames" font-size="{num(L.LABEL_FONT * scale)}" fill="#333333" text-anchor="middle" '
               f'stroke="#FFFFFF" stroke-width="4" stroke-linejoin="round" paint-order="stroke">')
    for n in NABIJHEDEN:
        x, y = geo.ring_label_at(n, scale)  # the layout kept persons' labels clear of it
        out.append(f'<text x="{num(x)}" y="{num(y)}">{esc(t(f"label.nabijheid.{n}"))}</text>')
    out.append("</g>")


def _rim_name(geo: L.Geometry, sector: str, scale: float) -> str:
    """A slice's icon and name along the rim, centred on the slice, as big as the slice leaves room
    for (SECTOR_FONT, never below MIN_TEXT_PX). The name follows an arc (textPath), so it always stays
    inside the view box; in the lower half the arc runs the other way, so no name is upside down."""
    a0, a1 = geo.sector_angles(sector)
    label = t(f"label.sector.{sector}")
    r = geo.label_r
    room = math.radians(a1 - a0 - 2) * r / scale  # readable px along the rim
    size = max(MIN_TEXT_PX, min(L.SECTOR_FONT, (room - L.SECTOR_ICON_W) / (len(label) * L.SECTOR_CHAR_W or 1)))
    width = L.sector_name_width(label, size) * scale  # map units along the rim
    turn = math.degrees(width / r)  # degrees the icon and name take
    icon = math.degrees(L.SECTOR_ICON_W * scale / r)
    mid = (a0 + a1) / 2
    top = mid < 90 or mid > 270  # upper half: read clockwise, letters outward
    sign = 1 if top else -1
    start = mid - sign * turn / 2  # where the icon begins, in reading order
    text_mid = start + sign * (icon + (turn - icon) / 2)
    icon_at = start + sign * icon * 0.4
    # the text's baseline arc: letters sit around label_r (outward from it on top, inward below)
    base = r - 0.35 * size * scale if top else r + 0.35 * size * scale
    half = 90.0  # the arc runs a quarter circle each way from the text's middle: long enough for any name
    b0, b1 = text_mid - sign * half, text_mid + sign * half
    p0, p1 = geo.polar(b0, base), geo.polar(b1, base)
    pid = f"rk-rim-{SECTORS.index(sector)}-{num(base)}-{num(text_mid)}".replace(".", "_")
    arc = (f'M{num(p0[0])} {num(p0[1])}A{num(base)} {num(base)} 0 0 {1 if top else 0} '
           f'{num(p1[0])} {num(p1[1])}')
    ix, iy = geo.polar(icon_at, r)
    rot = icon_at if top else icon_at - 180
    return (f'<path id="{pid}" d="{arc}" fill="none"/>'
            f'<path d="{SECTOR_ICONS[sector]}" transform="translate({num(ix)} {num(iy)}) rotate({num(rot)}) '
            f'scale({factor(scale)})" fill="none" stroke="{SECTOR_INK[sector]}" stroke-width="2.2" stroke-linecap="round" '
            f'stroke-linejoin="round" aria-hidden="true"/>'
            f'<text font-size="{num(size * scale)}" font-weight="700" fill="{TEXT}" text-anchor="middle">'
            f'<textPath href="#{pid}" startOffset="{num(math.radians(half) * base)}">{esc(label)}</textPath></text>')


def factor(v: float) -> str:
    """A scale factor for SVG: up to three decimals (num's one would draw 0.85 as 0.8, smaller than the
    layout made room for)."""
    return f"{round(v, 3):g}"


def _scaled(scale: float) -> str:
    return f" scale({factor(scale)})" if scale != 1.0 else ""


def _edge_points(geo: L.Geometry, x: float, y: float,
                 marker_r: float = L.MARKER_R) -> Optional[tuple[float, float, float, float]]:
    """Line from the client's disc to the marker's edge; None when too short to draw."""
    cx, cy = geo.centre
    dx, dy = x - cx, y - cy
    d = math.hypot(dx, dy)
    start, end = geo.client_r + CLIENT_GAP, d - marker_r - 3
    if end - start < 4:
        return None
    ux, uy = dx / d, dy / d
    return (cx + ux * start, cy + uy * start, cx + ux * end, cy + uy * end)


def tie_svg(kwaliteit: str, x1: float, y1: float, x2: float, y2: float, extra: str = "",
            width: Optional[float] = None, cls_extra: str = "", scale: float = 1.0) -> str:
    """One client→person line in the style of its quality (also used for legend samples); `width`
    overrides the quality's width (the *Hoe vaak?* layer), the shape stays."""
    stroke, own_width, dash = QUALITY_STYLE[kwaliteit]
    width = own_width if width is None else width
    cls = f'class="rk-tie q-{kwaliteit}{cls_extra}"{extra}'
    if kwaliteit == "conflict":
        mx, my = (x1 + x2) / 2, (y1 + y2) / 2
        return (f'<g {cls}><path d="{zigzag(x1, y1, x2, y2)}" fill="none" stroke="{stroke}" '
                f'stroke-width="{num(width)}" stroke-linejoin="round"/>'
                f'<text x="{num(mx)}" y="{num(my + 6 * scale)}" text-anchor="middle" font-size="{num(BOLT_FONT * scale)}" '
                f'fill="{CONFLICT}" '
                f'stroke="#FFFFFF" stroke-width="3" paint-order="stroke" class="rk-bolt">⚡</text></g>')
    coords = f'x1="{num(x1)}" y1="{num(y1)}" x2="{num(x2)}" y2="{num(y2)}"'
    if kwaliteit != "verbroken":  # one element: style, class and data on the line itself
        return (f'<line {cls} {coords} stroke="{stroke}" stroke-width="{num(width)}"'
                + (f' stroke-dasharray="{dash}"' if dash else "") + "/>")
    line = f'<line {coords} stroke="{stroke}" stroke-width="{num(width)}"/>'
    # two short bars across the middle of the line
    dx, dy = x2 - x1, y2 - y1
    d = math.hypot(dx, dy) or 1.0
    ux, uy, nx, ny = dx / d, dy / d, -dy / d, dx / d
    mx, my = (x1 + x2) / 2, (y1 + y2) / 2
    bars = []
    for off in (-4.0, 4.0):
        bx, by = mx + ux * off, my + uy * off
        bars.append(f'M{num(bx - nx * 8)} {num(by - ny * 8)}L{num(bx + nx * 8)} {num(by + ny * 8)}')
    return (f'<g {cls}>{line}<path class="rk-bars" d="{"".join(bars)}" stroke="{stroke}" '
            f'stroke-width="2.5"/></g>')


def _marker_shape(p, sector: str) -> str:
    """The marker itself around (0, 0): circle, hexagon (professional) or paw (pet). Text colour, size
    and anchor come from the enclosing .rk-markers group (draw_map), which keeps 500 markers light."""
    if p.overleden:
        paint = f'fill="#E4E4E4" stroke="{GREY}" stroke-width="2" stroke-dasharray="5 3"'
    else:
        paint = f'fill="{MARKER_FILL.get(sector, "#FFFFFF")}" stroke="{TEXT}" stroke-width="2"'
    if p.soort == "huisdier":
        return f'<path class="rk-shape" d="{PAW}" {paint}/>'
    ink = f' fill="{GREY}"' if p.overleden else ""
    text = f'<text y="5" font-weight="700"{ink}>{esc(initials(p.naam))}</text>'
    if p.professioneel:
        return f'<path class="rk-shape" d="{HEX}" {paint}/>{text}'
    return f'<circle class="rk-shape" r="{num(L.MARKER_R)}" {paint}/>{text}'


def _position(pl: L.Placed) -> str:
    """Transform of a marker group: everything inside is drawn at scale 1 around (0, 0)."""
    return f'transform="translate({num(pl.x)} {num(pl.y)}){_scaled(pl.scale)}"'


def _label_offset(pl: L.Placed) -> tuple[float, float]:
    """Label baseline relative to the marker, in the marker group's own (unscaled) units."""
    return ((pl.label_x - pl.x) / pl.scale, (pl.label_y - pl.y) / pl.scale)


def _label(p, pl: L.Placed) -> str:
    dx, dy = _label_offset(pl)
    lx, ly = num(dx), num(dy)
    anchor = "" if pl.label_anchor == "middle" else f' text-anchor="{pl.label_anchor}"'
    ink = f' fill="{GREY}"' if p.overleden else ""
    text = f'<text class="rk-label" x="{lx}" y="{ly}"{anchor}{ink}>{esc(pl.label or L.label_text(p.naam))}</text>'
    if pl.note:  # a second, smaller line under the name; the layout reserved room for it
        text += (f'<text class="rk-label rk-dead" x="{lx}" y="{num(dy + L.NOTE_LINE)}"{anchor} '
                 f'font-size="{num(L.NOTE_FONT)}"{ink}>{esc(pl.note)}</text>')
    return text


def _badges_svg(codes: list[str], pl: L.Placed) -> str:
    """Diff badges: pills with a sign and a word, stacked on the side away from the label."""
    up = not (pl.label_anchor == "middle" and pl.label_y < pl.y)
    y = -L.MARKER_R - 8 if up else L.MARKER_R + 8
    out = []
    for code in sorted(codes, key=BADGE_ORDER.index):
        text = t(f"map.badge.{code}")
        w = len(text) * 0.6 * BADGE_FONT + 12
        by = y - 21 if up else y
        stroke = CONFLICT if code == "weg" else ACCENT
        out.append(f'<g class="rk-badge b-{code}"><rect x="{num(-w / 2)}" y="{num(by)}" width="{num(w)}" '
                   f'height="21" rx="10.5" fill="#FFFFFF" stroke="{stroke}" stroke-width="1.5"/>'
                   f'<text y="{num(by + 15.5)}" text-anchor="middle" font-size="{num(BADGE_FONT)}" font-weight="700" '
                   f'fill="{TEXT}">{esc(text)}</text></g>')
        y = y - 24 if up else y + 24
    return "".join(out)


def _support_svg(items: list, pl: L.Placed, geo: L.Geometry) -> str:
    """Small lettered badges per kind of support, and arrowheads on the line showing who helps whom."""
    kinds = sorted(items, key=lambda s: s.soort)
    # badges on the side opposite the label
    if pl.label_anchor == "middle":
        sx, sy, step = 0.0, (-L.MARKER_R - 13 if pl.label_y > pl.y else L.MARKER_R + 13), (23.0, 0.0)
        sx = -(len(kinds) - 1) * step[0] / 2
    else:
        side = -1.0 if pl.label_anchor == "start" else 1.0
        sx, sy, step = side * (L.MARKER_R + 13), -(len(kinds) - 1) * 11.5, (0.0, 23.0)
    parts = []
    for i, s in enumerate(kinds):
        bx, by = sx + step[0] * i, sy + step[1] * i
        title = t("map.support.item", soort=t(f"label.steunsoort.{s.soort}"), richting=t(f"map.support.{s.richting}"))
        parts.append(f'<g class="rk-sup s-{s.soort} r-{s.richting}"><title>{esc(title)}</title>'
                     f'<circle cx="{num(bx)}" cy="{num(by)}" r="10.5" fill="#FFFFFF" stroke="{ACCENT}" '
                     f'stroke-width="1.5"/><text x="{num(bx)}" y="{num(by + 5)}" text-anchor="middle" '
                     f'font-size="{num(BADGE_FONT)}" font-weight="700" fill="{ACCENT}">'
                     f'{esc(t(f"map.support_short.{s.soort}"))}</text></g>')
    # arrowheads between marker and client: towards the client = this person helps the client
    dirs = {s.richting for s in items}
    inward = "krijgt" in dirs or "wederzijds" in dirs
    outward = "geeft" in dirs or "wederzijds" in dirs
    cx, cy = geo.centre
    dx, dy = cx - pl.x, cy - pl.y
    d = math.hypot(dx, dy) or 1.0
    ux, uy = dx / d, dy / d
    heads = []
    for towards, dist in ((True, 34.0), (False, 46.0)):
        if (towards and not inward) or (not towards and not outward):
            continue
        px, py = ux * dist, uy * dist
        fx, fy = (ux, uy) if towards else (-ux, -uy)
        tip = (px + fx * 6, py + fy * 6)
        b1 = (px - fx * 5 - fy * 6, py - fy * 5 + fx * 6)
        b2 = (px - fx * 5 + fy * 6, py - fy * 5 - fx * 6)
        heads.append(f'M{num(b1[0])} {num(b1[1])}L{num(tip[0])} {num(tip[1])}L{num(b2[0])} {num(b2[1])}')
    if heads:
        parts.append(f'<path class="rk-sup-dir" d="{"".join(heads)}" fill="none" stroke="{ACCENT}" '
                     f'stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/>')
    return " ".join(parts)  # apart: each letter is its own shown word (marker_name)


def client_name(naam: str, scale: float) -> tuple[str, float]:
    """The client's name in the centre disc and its size in readable px: as big as fits (up to
    CLIENT_FONT), never below the minimum; a name too long even then is cut with '…'."""
    name = " ".join(naam.split()) or t("map.client_you")
    room = 2 * (L.CLIENT_R / scale - 8)  # readable px across the inner ring
    lo, hi = CLIENT_FONT
    size = max(lo, min(hi, room / (0.6 * len(name))))
    fits = max(3, int(room / (0.6 * size)))
    if len(name) > fits:
        name = name[:fits - 1].rstrip() + "…"
    return name, size


def _empty_hint(out: list, geo: L.Geometry, text: str, scale: float) -> None:
    """The question in the empty Buren slice, in its middle, on as many lines as the slice needs."""
    a0, a1 = geo.sector_angles("buren_buurt")
    inner, outer = geo.ring_bounds("dichtbij")
    r = (inner + outer) / 2
    room = 2 * r * math.sin(math.radians(min(a1 - a0, 150) / 2)) * 0.8 / scale  # readable px across the slice
    per_line = max(6, int(room / (0.55 * HINT_FONT)))
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= per_line:
            lines[-1] += " " + word
        else:
            lines.append(word)
    x, y = geo.polar((a0 + a1) / 2, r)
    size, step = HINT_FONT * scale, HINT_FONT * 1.25 * scale
    y -= step * (len(lines) - 1) / 2
    spans = "".join(f'<tspan x="{num(x)}" dy="{num(0 if i == 0 else step)}">{esc(line)}</tspan>'
                    for i, line in enumerate(lines))
    out.append(f'<text class="rk-hint" x="{num(x)}" y="{num(y)}" text-anchor="middle" font-size="{num(size)}" '
               f'font-style="italic" fill="#333333">{spans}</text>')


def _client(out: list, geo: L.Geometry, klant, scale: float = 1.0) -> None:
    cx, cy = geo.centre
    r = geo.client_r
    name, px = client_name(klant.naam, scale)
    size = px * scale
    out.append(f'<g class="rk-client" role="img" aria-label="{esc(t("map.aria.client", naam=klant.naam))}">'
               f'<circle cx="{num(cx)}" cy="{num(cy)}" r="{num(r)}" fill="#FFFFFF" stroke="{TEXT}" stroke-width="3"/>'
               f'<circle cx="{num(cx)}" cy="{num(cy)}" r="{num(r - 7)}" fill="none" stroke="{TEXT}" stroke-width="2"/>'
               f'<text x="{num(cx)}" y="{num(cy)}" dy="0.35em" text-anchor="middle" font-size="{size}" '
               f'font-weight="700" fill="{TEXT}">{esc(name)}</text></g>')


# ----- the map -----

def draw_map(out: list, case, opts: MapOptions) -> dict[str, L.Placed]:
    """Append the map's elements (in map units) to `out`; returns the placement used."""
    state = opts.state if opts.state is not None else case
    klant_id = case.klant_id
    placed = L.cached_layout_map(state, klant_id)
    geo = L.map_geometry(placed)
    people = {p.id: p for p in state.personen}
    quality, others = client_ties(state.banden, klant_id)
    steun: dict[str, list] = {}
    for s in state.steun:
        steun.setdefault(s.persoon, []).append(s)
    interactive = opts.interactive

    scale = L.text_scale(placed)
    _background(out, geo, interactive, scale)

    if opts.empty_hints and not any(pl.sector == "buren_buurt" for pl in placed.values()):
        _empty_hint(out, geo, t("map.empty_buren"), scale)

    if opts.member_ties and others:
        out.append(f'<g class="rk-members" stroke="{MEMBER}" stroke-width="1.2">')
        xy: dict[str, tuple[str, str]] = {}  # each end's numbers once: hundreds of lines share them
        for b in others:
            pa, pb = placed.get(b.a), placed.get(b.b)
            if pa is None or pb is None:
                continue
            dash = ' stroke-dasharray="4 4"' if b.kwaliteit in ("moeizaam", "conflict", "verbroken") else ""
            xa = xy.get(b.a) or xy.setdefault(b.a, (num(pa.x), num(pa.y)))
            xb = xy.get(b.b) or xy.setdefault(b.b, (num(pb.x), num(pb.y)))
            coords = f'x1="{xa[0]}" y1="{xa[1]}" x2="{xb[0]}" y2="{xb[1]}"'
            ends = f'data-a="{esc(b.a)}" data-b="{esc(b.b)}"'
            on = ' class="is-on"' if opts.tie is not None and opts.tie == frozenset((b.a, b.b)) else ""
            # a tap near the line opens it (ui/relatiekaart.line_at finds it: no hit elements needed)
            out.append(f'<line{on} {ends} {coords}{dash}/>')
        out.append("</g>")

    freq = ({c.persoon: c.hoe_vaak for c in getattr(case, "contacten", ()) if c.hoe_vaak}
            if opts.frequency else None)
    out.append('<g class="rk-ties">')
    for pid, pl in placed.items():
        q = quality.get(pid)
        f = freq.get(pid) if freq is not None else None
        if not q and not f:
            continue
        pts = _edge_points(geo, pl.x, pl.y, L.MARKER_R * pl.scale)
        if pts is None:
            continue
        extra = f' data-pid="{esc(pid)}"' if interactive else ""
        if freq is None and q:
            out.append(tie_svg(q, *pts, extra=extra, scale=scale))
        else:  # a frequency without a chosen quality: a plain solid line of that width
            out.append(tie_svg(q or "neutraal", *pts, extra=extra, width=FREQ_WIDTH.get(f or "", FREQ_NONE_WIDTH),
                               cls_extra=f" f-{f or 'geen'}", scale=scale))
    out.append("</g>")

    badges: dict[str, list[str]] = {}
    if opts.compare_old is not None:
        from ..analysis.diff import diff_maps  # noqa: PLC0415 (only when comparing)
        from ..model.ops import map_state  # noqa: PLC0415

        new_state = opts.state if opts.state is not None else map_state(case)
        badges = diff_maps(opts.compare_old, new_state, klant_id).badges()
        old_placed = L.cached_layout_map(opts.compare_old, klant_id)
        old_people = {p.id: p for p in opts.compare_old.personen}
        out.append(f'<g class="rk-ghosts" font-size="{num(L.LABEL_FONT)}">')
        for pid, ghost_codes in badges.items():
            if "weg" not in ghost_codes or pid not in old_placed or pid in placed:
                continue
            op, opl = old_people[pid], old_placed[pid]
            dx, dy = _label_offset(opl)
            opl = dataclasses.replace(opl, scale=max(opl.scale, scale))
            out.append(f'<g class="rk-ghost" data-pid="{esc(pid)}" {_position(opl)}>'
                       f'<title>{esc(op.naam)}: {esc(t("map.cmp.group.weg"))}</title>'
                       f'<circle r="{num(L.MARKER_R)}" fill="none" stroke="{GREY}" stroke-width="2" '
                       f'stroke-dasharray="4 3"/>'
                       f'<text x="{num(dx)}" y="{num(dy)}" '
                       f'text-anchor="{opl.label_anchor}" fill="{GREY}">{esc(opl.label)}</text>'
                       f'{_badges_svg(["weg"], opl)}</g>')
        out.append("</g>")

    hl = opts.highlight
    out.append(f'<g class="rk-markers" font-family="{FONT}" font-size="{num(L.LABEL_FONT)}" '
               f'text-anchor="middle" fill="{TEXT}">')
    for pid, pl in placed.items():
        p = people[pid]
        kinds = steun.get(pid, ())
        lit = (pid in hl) if hl else None
        codes = tuple(badges.get(pid, ()))
        chosen = pid == opts.chosen
        selected = pid == opts.selected
        key = (pl, quality.get(pid), tuple((s.soort, s.richting) for s in kinds),
               opts.support, lit, codes, interactive, chosen, selected)
        hit = _MARKER_CACHE.get(pid)
        if hit is not None and hit[0] is p and hit[1] == key:
            out.append(hit[2])
            continue
        svg = _marker_svg(p, pl, quality.get(pid), kinds, opts.support, lit, codes, interactive, geo, chosen,
                          selected)
        _MARKER_CACHE[pid] = (p, key, svg)
        out.append(svg)
    if len(_MARKER_CACHE) > _MARKER_CACHE_MAX:
        _MARKER_CACHE.clear()
    out.append("</g>")
    _client(out, geo, case.klant if opts.state is None else _klant_of(state, case), scale)
    return placed


# finished marker strings by person id: (person object, inputs, svg). Edits share unchanged person
# objects (model/ops.py), so after a move or a toggle most markers are reused as they are.
_MARKER_CACHE: dict = {}
_MARKER_CACHE_MAX = 5000
on_change(_MARKER_CACHE.clear)  # a marker's SVG holds words (aria-label): not across a language switch


def _marker_svg(p, pl: L.Placed, kwaliteit, kinds, support: bool, lit: Optional[bool], codes: tuple,
                interactive: bool, geo: L.Geometry, chosen: bool = False, selected: bool = False) -> str:
    cls = (("rk-m" if lit is None else ("rk-m hl" if lit else "rk-m dim")) + (" is-chosen" if chosen else "")
           + (" is-selected" if selected else ""))
    dim = ' opacity="0.35"' if lit is False else ""
    pos = _position(pl)
    if interactive:
        name = esc(marker_name(p, kwaliteit, kinds, _shown_words(p, pl, kinds if support else (), codes)))
        head = (f'<g class="{cls}" data-pid="{esc(p.id)}" data-sector="{pl.sector}" data-ring="{pl.nabijheid}" '
                f'role="button" tabindex="0" aria-label="{name}" {pos}{dim}>'
                f'<circle class="rk-hit" r="{num(HIT_R)}" fill="none"/>')
    else:
        head = f'<g class="{cls}" data-pid="{esc(p.id)}" {pos}{dim}><title>{esc(marker_name(p, kwaliteit, kinds))}</title>'
    ring = (f'<circle class="rk-hl" r="{num(L.MARKER_R + 7)}" fill="none" stroke="{ACCENT}" stroke-width="4"/>'
            if lit else "")
    if selected:  # a solid ring with a white edge: "the sheet is about this one"
        ring += (f'<circle class="rk-sel" r="{num(L.MARKER_R + 6)}" fill="none" stroke="#FFFFFF" stroke-width="8"/>'
                 f'<circle class="rk-sel" r="{num(L.MARKER_R + 6)}" fill="none" stroke="{ACCENT}" stroke-width="4"/>')
    if chosen:  # dashed ring: "this one is chosen, tap the second person"
        ring += (f'<circle class="rk-chosen" r="{num(L.MARKER_R + 9)}" fill="none" stroke="{ACCENT}" '
                 f'stroke-width="4" stroke-dasharray="6 4"/>')
    # spaces between the pieces: the shown words stay apart for anything that reads the text
    body = ring + _marker_shape(p, pl.sector) + " " + _label(p, pl)
    if support and kinds:
        body += " " + _support_svg(list(kinds), pl, geo)
    if codes:
        body += " " + _badges_svg(list(codes), pl)
    return head + body + "</g>"


def _shown_words(p, pl: L.Placed, kinds, codes: tuple) -> tuple[str, ...]:
    """The words a marker shows, in drawing order: initials, label (its note is in brackets, which
    'label in name' leaves out), support letters, diff badges."""
    words = [] if p.soort == "huisdier" else [initials(p.naam)]
    words.append(pl.label or L.label_text(p.naam))
    words += [t(f"map.support_short.{s.soort}") for s in sorted(kinds, key=lambda s: s.soort)]
    words += [t(f"map.badge.{c}") for c in sorted(codes, key=BADGE_ORDER.index)]
    return tuple(words)


def _klant_of(state, case):
    for p in state.personen:
        if p.id == case.klant_id:
            return p
    return case.klant


def map_svg(case, *, options: Optional[MapOptions] = None) -> str:
    """The interactive inline SVG for the Relatiekaart screen (no legend: the screen shows it as HTML)."""
    opts = options or MapOptions()
    size = L.MAP_SIZE
    out = [f'<svg xmlns="{SVG_NS}" class="rk-svg" viewBox="0 0 {size} {size}" role="group" '
           f'aria-label="{esc(t("map.aria", naam=case.klant.naam))}" font-family="{FONT}">']
    draw_map(out, case, opts)
    out.append("</svg>")
    return "".join(out)


# ----- legend -----

def legend_items(support: bool = True, member_ties: bool = True, frequency: bool = False) -> list[tuple[str, str]]:
    """(sample SVG in a 64×28 box, word) pairs, shared by the screen legend and the export. With the
    *Hoe vaak?* layer the quality samples share one width and the widths get their own samples."""
    width = 3.0 if frequency else None
    items = [(tie_svg(q, 4, 14, 60, 14, width=width), t(f"label.kwaliteit.{q}")) for q in QUALITY_STYLE]
    if frequency:
        items += [(f'<line x1="4" y1="14" x2="60" y2="14" stroke="{TEXT}" stroke-width="{num(FREQ_WIDTH[f])}"/>',
                   t("map.legend.freq", woord=freq_word(f).lower())) for f in FREQUENTIES]
        items.append((f'<line x1="4" y1="14" x2="60" y2="14" stroke="{TEXT}" stroke-width="{num(FREQ_NONE_WIDTH)}"/>',
                      t("map.legend.freq_none")))
    if member_ties:
        items.append((f'<line x1="4" y1="14" x2="60" y2="14" stroke="{MEMBER}" stroke-width="1.2"/>',
                      t("map.legend.member")))
    base = {"naam": "A", "overleden": False, "professioneel": False, "soort": "mens"}
    for label, changes in (("map.legend.person", {}), ("map.legend.professional", {"professioneel": True}),
                           ("map.legend.pet", {"soort": "huisdier"}), ("map.legend.deceased", {"overleden": True})):
        p = SimpleNamespace(**{**base, **changes})
        # initials at 20 × 0.7 = 14 px
        items.append((f'<g transform="translate(32 14) scale(0.7)" font-size="20" text-anchor="middle">'
                       f'{_marker_shape(p, "")}</g>', t(label)))
    if support:
        arrow = (f'<path d="M8 14H56{{}}" fill="none" stroke="{ACCENT}" stroke-width="3" '
                 f'stroke-linecap="round" stroke-linejoin="round"/>')
        head_l, head_r = "M14 8L8 14L14 20", "M50 8L56 14L50 20"
        items.append((arrow.format(head_l), t("map.legend.support_in")))
        items.append((arrow.format(head_r), t("map.legend.support_out")))
        items.append((arrow.format(head_l + head_r), t("map.legend.support_both")))
        for soort in STEUNSOORTEN:
            items.append((f'<circle cx="32" cy="14" r="10" fill="#FFFFFF" stroke="{ACCENT}" stroke-width="1.5"/>'
                          f'<text x="32" y="19" text-anchor="middle" font-size="14" font-weight="700" '
                          f'fill="{ACCENT}">{esc(t(f"map.support_short.{soort}"))}</text>',
                          t(f"label.steunsoort.{soort}")))
    return items


def legend_svg_fragment(x: float, y: float, width: float, *, support: bool, member_ties: bool,
                        frequency: bool = False) -> tuple[str, float]:
    """The legend as SVG at (x, y) in columns over `width`; returns (svg, height)."""
    items = legend_items(support, member_ties, frequency)
    cols = 3
    col_w = width / cols
    rows = (len(items) + cols - 1) // cols
    out = [f'<g class="rk-legend" transform="translate({num(x)} {num(y)})" font-size="16" fill="{TEXT}">'
           f'<text x="0" y="18" font-size="20" font-weight="700">{esc(t("map.legend.title"))}</text>']
    for i, (sample, word) in enumerate(items):
        cx, cy = (i % cols) * col_w, 32 + (i // cols) * 36
        out.append(f'<g transform="translate({num(cx)} {num(cy)})"><g>{sample}</g>'
                   f'<text x="72" y="20">{esc(word)}</text></g>')
    out.append(f'<text x="0" y="{num(32 + rows * 36 + 18)}" font-size="15" fill="#333333">'
               f'{esc(t("map.legend.rings"))}</text></g>')
    return "".join(out), 32 + rows * 36 + 30


# ----- export -----

def export_svg(case, *, today: Optional[dt.date] = None, title: Optional[str] = None,
               options: Optional[MapOptions] = None) -> str:
    """A standalone SVG file of the map: header with the client's name and the date, the map, a legend,
    `<title>`/`<desc>`, and the whole case as JSON in `<metadata id="snv-case">` so the file opens again.

    Pure: the caller applies the privacy choices first (storage.privacy.for_export); the embedded case
    is exactly the case given. Only inline presentation attributes, no external references or fonts.
    """
    opts = options or MapOptions(member_ties=True)
    opts = MapOptions(member_ties=opts.member_ties, support=opts.support, highlight=opts.highlight,
                      state=opts.state, compare_old=opts.compare_old, interactive=False, empty_hints=False,
                      frequency=opts.frequency)
    today = today or dt.date.today()
    naam = case.klant.naam
    heading = title or t("map.export.title", naam=naam)
    date_text = t("map.export.date", datum=date_nl(today))
    on_map = sum(1 for p in case.personen if L.on_map(p, case.klant_id))
    size = L.MAP_SIZE
    top = 96
    legend, legend_h = legend_svg_fragment(40, top + size + 10, size - 80, support=opts.support,
                                           member_ties=opts.member_ties, frequency=opts.frequency)
    height = top + size + 10 + legend_h + 20
    desc = t("map.export.desc", naam=naam, datum=date_nl(today), count=on_map)
    body: list[str] = []
    draw_map(body, case, opts)
    return "".join([
        file_head(case, size, height, title=heading, desc=desc),
        f'<text x="40" y="48" font-size="30" font-weight="700" fill="{TEXT}">{esc(heading)}</text>',
        f'<text x="40" y="80" font-size="18" fill="#333333">{esc(date_text)}</text>',
        f'<g transform="translate(0 {top})">', *body, "</g>",
        legend,
        "</svg>\n",
    ])
