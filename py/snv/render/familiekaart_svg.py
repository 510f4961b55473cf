"""The familiekaart (genogram) as SVG: the drawing for the screen (render/familiekaart.py puts the page
and the buttons around it) and the standalone export. Both come from `draw_genogram`.

Symbols (McGoldrick): square man, circle vrouw, diamond with "?" for anders/onbekend, an X through the
symbol for overleden, a double outline for the client. Partner line at symbol height between partners
side by side (over the top when someone sits between them): solid getrouwd, long dashes samenwonend,
short dashes relatie, one slash uit elkaar, two slashes gescheiden. Child lines come down from the
couple's line (a single parent: from under the label) to a bar, then to each child; adoptie, pleeg and
stief are dashed; a step-parent's own line to the child is dashed and thin; twins hang from one point.
Optional emotion lines come from the ties (`banden`) between two persons on the map, in the styles of
the relatiekaart. Placement: analysis.genogram. Meaning never by colour alone: shapes, dashes, words.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Optional

from ..analysis import genogram as G
from ..messages import t
from .format import date_nl
from .relatiekaart_svg import ACCENT, FONT, GREY, QUALITY_STYLE, TEXT, tie_svg
from .svg import SVG_NS, esc, file_head, num

__all__ = ["GenogramOptions", "draw_genogram", "emotion_svg", "export_svg", "genogram_svg", "legend_items",
           "person_label", "symbol_name", "symbol_svg"]

HALF = G.SYMBOL / 2
NAME_Y = HALF + 20  # baseline of the name under the symbol
INFO_Y = HALF + 40  # baseline of the second line (role, year)
LABEL_BOTTOM = HALF + 47
NAME_FONT = 17
INFO_FONT = 15
MAX_CHARS = 13  # about SPACING wide at NAME_FONT
BAR_Y = 104.0  # sibling bar below the parents' row (units stagger by BAR_STEP)
BAR_STEP = 9.0
EXTRA_Y = 136.0  # a step-parent's line runs here
FILL = "#FFFFFF"
CLIENT_FILL = "#FCEBC7"  # the familie tint: the client stands out (the double outline says it too)
DEAD_INK = "#555555"
DASHED_KINDS = ("adoptie", "pleeg", "stief")
PARTNER_STYLE = {  # status: (dasharray, slashes)
    "getrouwd": (None, 0),
    "samenwonend": ("12 6", 0),
    "relatie": ("4 5", 0),
    "uit_elkaar": (None, 1),
    "gescheiden": (None, 2),
}


@dataclass(frozen=True)
class GenogramOptions:
    lines: bool = False  # emotion lines from the ties ("Lijnen tonen")
    selected: Optional[str] = None  # person id shown as selected (screen)
    interactive: bool = True  # data-pid hooks (the screen); the export has <title>s instead


# ----- words -----

def _short(text: str, limit: int = MAX_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def person_label(p) -> tuple[str, str]:
    """(name, second line) under the symbol: "?" for a nameless placeholder; role and birth year."""
    rol = " ".join(p.rol.split())
    if p.geboortejaar:
        info = f"{_short(rol, 9)} · {p.geboortejaar}" if rol else str(p.geboortejaar)
    else:
        info = _short(rol, 16)
    return _short(p.naam) or "?", info


def symbol_name(p, klant_id: str) -> str:
    """Accessible name: "Marieke, tante, geboren 1960" (+ overleden, jij)."""
    parts = [p.naam.strip() or t("familiekaart.unknown_name")]
    if p.id == klant_id:
        parts.append(t("familiekaart.aria.you"))
    elif p.rol.strip():
        parts.append(p.rol.strip())
    if p.geboortejaar:
        parts.append(t("familiekaart.aria.born", jaar=p.geboortejaar))
    if p.overleden:
        parts.append(t("familiekaart.aria.deceased"))
    return ", ".join(parts)


# ----- pieces -----

def _shape(geslacht: str, r: float, paint: str) -> str:
    if geslacht == "man":
        return f'<rect x="{num(-r)}" y="{num(-r)}" width="{num(2 * r)}" height="{num(2 * r)}" {paint}/>'
    if geslacht == "vrouw":
        return f'<circle r="{num(r)}" {paint}/>'
    d = r * 1.25
    return f'<path d="M0 {num(-d)}L{num(d)} 0L0 {num(d)}L{num(-d)} 0Z" {paint}/>'


def symbol_svg(geslacht: str, *, overleden: bool = False, klant: bool = False, selected: bool = False) -> str:
    """One symbol around (0, 0) (also the legend samples)."""
    out = []
    if selected:
        out.append(_shape(geslacht, HALF + 9, f'fill="none" stroke="{ACCENT}" stroke-width="5"'))
    fill = CLIENT_FILL if klant else FILL
    ink = DEAD_INK if overleden else TEXT
    out.append(_shape(geslacht, HALF, f'class="fk-shape" fill="{fill}" stroke="{ink}" stroke-width="2.5"'))
    if klant:
        out.append(_shape(geslacht, HALF - 6, f'fill="none" stroke="{ink}" stroke-width="2"'))
    if geslacht not in ("man", "vrouw"):
        out.append(f'<text y="8" text-anchor="middle" font-size="22" font-weight="700" fill="{ink}">?</text>')
    if overleden:
        r = HALF + 5
        out.append(f'<path class="fk-dead" d="M{num(-r)} {num(-r)}L{num(r)} {num(r)}M{num(r)} {num(-r)}L{num(-r)} {num(r)}" '
                   f'stroke="{TEXT}" stroke-width="2.5" stroke-linecap="round"/>')
    return "".join(out)


def partner_line(x1: float, x2: float, y: float, status: str, over: float = 0.0) -> str:
    """The line between two partners: straight at symbol height (over=0) or over the top (over>0)."""
    dash, slashes = PARTNER_STYLE.get(status, (None, 0))
    style = f'stroke="{TEXT}" stroke-width="3" fill="none"' + (f' stroke-dasharray="{dash}"' if dash else "")
    if over:
        top = y - HALF - over
        d = f"M{num(x1)} {num(y - HALF)}V{num(top)}H{num(x2)}V{num(y - HALF)}"
        mx, my = (x1 + x2) / 2, top
    else:
        d = f"M{num(x1)} {num(y)}H{num(x2)}"
        mx, my = (x1 + x2) / 2, y
    out = [f'<path class="fk-partner st-{status}" d="{d}" {style}/>']
    if slashes:
        marks = []
        for i in range(slashes):
            off = (i - (slashes - 1) / 2) * 9
            marks.append(f"M{num(mx + off - 5)} {num(my + 10)}L{num(mx + off + 5)} {num(my - 10)}")
        out.append(f'<path d="{"".join(marks)}" stroke="{TEXT}" stroke-width="3" stroke-linecap="round"/>')
    return "".join(out)


HALO = f'fill="none" stroke="{FILL}" stroke-width="8"'  # under a line: where it crosses another, a gap shows


def _child_drop(x: float, y1: float, y2: float, soort: str, *, x1: Optional[float] = None, halo: bool = False) -> str:
    dash = ' stroke-dasharray="7 5"' if soort in DASHED_KINDS else ""
    start = x if x1 is None else x1
    d = f"M{num(start)} {num(y1)}L{num(x)} {num(y2)}"
    # the halo starts a little below the bar, so the line's own joint stays whole
    f = min(1.0, 6.0 / max(1.0, abs(y2 - y1)))
    under = (f'<path d="M{num(start + (x - start) * f)} {num(y1 + (y2 - y1) * f)}L{num(x)} {num(y2)}" {HALO}/>'
             if halo else "")
    return (f'{under}<path class="fk-child k-{soort}" d="{d}" fill="none" '
            f'stroke="{TEXT}" stroke-width="2"{dash}/>')


def _unit_lines(out: list, g: G.Genogram, unit: G.Unit, idx: int, adjacent: set) -> None:
    nodes = g.nodes
    par = [nodes[p] for p in unit.parents]
    kids = [nodes[k] for k in unit.children]
    py = par[0].y
    if len(par) == 2 and frozenset(unit.parents) in adjacent:
        sx, sy = (par[0].x + par[1].x) / 2, py
    elif len(par) == 2:  # not side by side (or not partners): a bracket under both labels joins them
        sx, sy = (par[0].x + par[1].x) / 2, py + LABEL_BOTTOM + 8
        out.append(f'<path class="fk-parents" d="M{num(par[0].x)} {num(py + LABEL_BOTTOM)}V{num(sy)}'
                   f'H{num(par[1].x)}V{num(py + LABEL_BOTTOM)}" stroke="{TEXT}" stroke-width="2" fill="none"/>')
    else:
        sx, sy = par[0].x, py + LABEL_BOTTOM
    bar = py + BAR_Y + (idx % 3) * BAR_STEP
    twin_of = {k: grp for grp in unit.twins for k in grp}

    def meet(pid: str) -> float:  # where a child's line leaves the bar (twins: one point)
        grp = twin_of.get(pid)
        return sum(nodes[q].x for q in grp) / len(grp) if grp else nodes[pid].x

    xs = [sx] + [meet(k.pid) for k in kids]
    out.append('<g class="fk-unit">')
    drop = f"M{num(sx)} {num(sy)}V{num(bar)}"
    out.append(f'<path d="M{num(sx)} {num(max(sy, py + LABEL_BOTTOM))}V{num(bar - 3)}" {HALO}/>'
               f'<path d="{drop}" stroke="{TEXT}" stroke-width="2" fill="none"/>')
    if max(xs) - min(xs) > 0.5:
        out.append(f'<path d="M{num(min(xs))} {num(bar)}H{num(max(xs))}" stroke="{TEXT}" stroke-width="2" fill="none"/>')
    for k in kids:
        soort = _kind_of(g, unit.parents, k.pid)
        out.append(_child_drop(k.x, bar, k.y - HALF, soort, x1=meet(k.pid), halo=True))
    out.append("</g>")


def _kind_of(g: G.Genogram, parents: tuple, kid: str) -> str:
    kinds = [g.kinds.get((p, kid), "biologisch") for p in parents]
    return next((k for k in kinds if k != "biologisch"), "biologisch")


def _extra_line(g: G.Genogram, ouder: str, kind: str, soort: str) -> str:
    a, b = g.nodes[ouder], g.nodes[kind]
    y0 = a.y + LABEL_BOTTOM
    mid = a.y + EXTRA_Y if b.y > a.y else y0
    dash = ' stroke-dasharray="3 5"' if soort == "stief" else ' stroke-dasharray="7 5"'
    return (f'<path class="fk-extra k-{soort}" d="M{num(a.x)} {num(y0)}V{num(mid)}H{num(b.x + 8)}V{num(b.y - HALF)}" '
            f'fill="none" stroke="{GREY}" stroke-width="2"{dash}/>')


def emotion_svg(kwaliteit: str, x1: float, y1: float, x2: float, y2: float) -> str:
    """A tie between two relatives in the relatiekaart's line style, in the accent colour so it is not
    read as a family line (conflict stays vermillion, verbroken grey)."""
    return tie_svg(kwaliteit, x1, y1, x2, y2).replace(f'stroke="{TEXT}"', f'stroke="{ACCENT}"')


def _emotion_lines(out: list, case, g: G.Genogram) -> None:
    nodes = g.nodes
    out.append('<g class="fk-emotions" opacity="0.8">')
    for band in case.banden:
        if not band.kwaliteit or band.a not in nodes or band.b not in nodes:
            continue
        a, b = nodes[band.a], nodes[band.b]
        dx, dy = b.x - a.x, b.y - a.y
        d = (dx * dx + dy * dy) ** 0.5
        if d < 2 * HALF + 12:
            continue
        ux, uy = dx / d, dy / d
        cut = HALF + 8
        out.append(emotion_svg(band.kwaliteit, a.x + ux * cut, a.y + uy * cut, b.x - ux * cut, b.y - uy * cut))
    out.append("</g>")


def draw_genogram(out: list, case, g: G.Genogram, opts: GenogramOptions) -> None:
    """Append the genogram's elements (drawing units, origin top left) to `out`."""
    people = {p.id: p for p in case.personen}
    adjacent = {frozenset((c.a, c.b)) for c in g.couples if c.adjacent}
    if opts.lines:
        _emotion_lines(out, case, g)
    out.append('<g class="fk-lines" stroke-linecap="butt">')
    for i, unit in enumerate(g.units):
        _unit_lines(out, g, unit, i, adjacent)
    for ouder, kind, soort in g.extra:
        out.append(_extra_line(g, ouder, kind, soort))
    over_level: dict[int, int] = {}
    for c in g.couples:
        a, b = g.nodes[c.a], g.nodes[c.b]
        if c.adjacent:
            out.append(partner_line(a.x + HALF, b.x - HALF, a.y, c.status))
        else:
            level = over_level.get(round(a.y), 0) + 1
            over_level[round(a.y)] = level
            out.append(partner_line(a.x, b.x, a.y, c.status, over=10 + 9 * level))
    out.append("</g>")
    out.append(f'<g class="fk-people" font-family="{FONT}" text-anchor="middle">')
    for pid, node in g.nodes.items():
        p = people[pid]
        name, info = person_label(p)
        ink = DEAD_INK if p.overleden else TEXT
        data = f' data-pid="{esc(pid)}"' if opts.interactive else ""
        title = "" if opts.interactive else f"<title>{esc(symbol_name(p, case.klant_id))}</title>"
        out.append(f'<g class="fk-p{" is-selected" if opts.selected == pid else ""}"{data} '
                   f'transform="translate({num(node.x)} {num(node.y)})">{title}'
                   f'{symbol_svg(p.geslacht, overleden=p.overleden, klant=pid == case.klant_id, selected=opts.selected == pid)}'
                   f'<text class="fk-name" y="{num(NAME_Y)}" font-size="{NAME_FONT}" font-weight="700" fill="{ink}" '
                   f'stroke="#FFFFFF" stroke-width="4" paint-order="stroke">{esc(name)}</text>')
        if info:
            out.append(f'<text class="fk-info" y="{num(INFO_Y)}" font-size="{INFO_FONT}" fill="{ink}" '
                       f'stroke="#FFFFFF" stroke-width="4" paint-order="stroke">{esc(info)}</text>')
        out.append("</g>")
    out.append("</g>")


def genogram_svg(case, opts: Optional[GenogramOptions] = None, g: Optional[G.Genogram] = None) -> str:
    """The inline SVG of the screen (the legend is HTML there)."""
    opts = opts or GenogramOptions()
    g = g or G.cached_genogram(case)
    out = [f'<svg xmlns="{SVG_NS}" class="fk-svg" viewBox="0 0 {num(g.width)} {num(g.height)}" '
           f'role="img" aria-label="{esc(t("familiekaart.aria.map", naam=case.klant.naam))}" font-family="{FONT}">']
    draw_genogram(out, case, g, opts)
    out.append("</svg>")
    return "".join(out)


# ----- legend -----

def used(case, g: G.Genogram) -> dict[str, set]:
    """What the drawing uses: geslachten, statuses, child kinds, overleden, line qualities."""
    people = {p.id: p for p in case.personen}
    found: dict[str, set] = {"geslacht": set(), "status": set(), "kind": set(), "dead": set(), "kwaliteit": set()}
    for pid in g.nodes:
        p = people[pid]
        found["geslacht"].add("man" if p.geslacht == "man" else "vrouw" if p.geslacht == "vrouw" else "onbekend")
        if p.overleden:
            found["dead"].add(True)
    for c in g.couples:
        found["status"].add(c.status)
    for (_, kid), soort in g.kinds.items():
        if kid in g.nodes:
            found["kind"].add(soort)
    for u in g.units:
        if u.twins:
            found["kind"].add("tweeling")
    for b in case.banden:
        if b.kwaliteit and b.a in g.nodes and b.b in g.nodes:
            found["kwaliteit"].add(b.kwaliteit)
    return found


def legend_items(case=None, g: Optional[G.Genogram] = None, *, lines: bool = False,
                 everything: bool = False) -> list[tuple[str, str]]:
    """(sample SVG in a 64×44 box, word) for every symbol and line the drawing uses (all: everything)."""
    u = used(case, g) if (case is not None and g is not None and not everything) else None

    def has(group: str, value) -> bool:
        return u is None or value in u[group]

    items: list[tuple[str, str]] = []
    box = 'transform="translate(32 22) scale(0.62)"'
    items.append((f'<g {box}>{symbol_svg("man", klant=True)}</g>', t("familiekaart.legend.client")))
    for geslacht in ("man", "vrouw", "onbekend"):
        if has("geslacht", geslacht):
            items.append((f'<g {box}>{symbol_svg(geslacht)}</g>', t(f"familiekaart.legend.{geslacht}")))
    if has("dead", True):
        items.append((f'<g {box}>{symbol_svg("man", overleden=True)}</g>', t("familiekaart.legend.dead")))
    for status in PARTNER_STYLE:
        if has("status", status):
            items.append((partner_line(6, 58, 22, status), t(f"familiekaart.status.{status}")))
    if u is None or u["kind"]:
        items.append((_child_drop(32, 4, 40, "biologisch"), t("familiekaart.legend.child")))
    for soort in ("adoptie", "pleeg"):
        if has("kind", soort):
            items.append((_child_drop(32, 4, 40, soort), t(f"familiekaart.legend.kind.{soort}")))
    if has("kind", "stief"):
        items.append((f'<path d="M32 4V40" stroke="{GREY}" stroke-width="2" stroke-dasharray="3 5"/>',
                      t("familiekaart.legend.kind.stief")))
    if has("kind", "tweeling"):
        items.append((f'<path d="M32 6L14 40M32 6L50 40" stroke="{TEXT}" stroke-width="2" fill="none"/>',
                      t("familiekaart.legend.twins")))
    if lines:
        for q in QUALITY_STYLE:
            if has("kwaliteit", q):
                items.append((emotion_svg(q, 4, 22, 60, 22), t(f"label.kwaliteit.{q}")))
    return items


# ----- export -----

LEGEND_W = 320.0
TOP = 100.0


def export_svg(case, *, today: Optional[dt.date] = None, lines: bool = False) -> str:
    """A standalone SVG file: heading with the client's name and the date, the genogram, the legend
    (right), `<title>`/`<desc>` and the whole case as JSON in `<metadata id="snv-case">`. Pure; the
    caller applies the privacy choices first (storage.privacy.for_export)."""
    today = today or dt.date.today()
    g = G.cached_genogram(case)
    naam = case.klant.naam
    heading = t("familiekaart.export.title", naam=naam)
    date_text = t("familiekaart.export.date", datum=date_nl(today))
    items = legend_items(case, g, lines=lines)
    legend_h = 40 + len(items) * 50
    trim = 20.0  # the layout's margin is a little more than labels and lines need: print bigger
    gw, gh = g.width - 2 * trim, g.height - 2 * trim
    height = max(TOP + gh, TOP + legend_h + 20)
    draw_w = max(gw, 700.0, height * 1.35 - LEGEND_W)  # landscape: at least 1.35 wide per 1 high
    width = draw_w + LEGEND_W
    dx = (draw_w - gw) / 2 - trim
    body: list[str] = []
    draw_genogram(body, case, g, GenogramOptions(lines=lines, interactive=False))
    legend = [f'<g class="fk-legend" transform="translate({num(draw_w + 10)} {num(TOP)})" font-size="16" fill="{TEXT}">'
              f'<text x="0" y="18" font-size="20" font-weight="700">{esc(t("familiekaart.legend.title"))}</text>']
    for i, (sample, word) in enumerate(items):
        legend.append(f'<g transform="translate(0 {num(36 + i * 50)})"><g>{sample}</g>'
                      f'<text x="76" y="28">{esc(word)}</text></g>')
    legend.append("</g>")
    desc = t("familiekaart.export.desc", naam=naam, datum=date_nl(today), count=len(g.nodes))
    return "".join([
        file_head(case, width, height, title=heading, desc=desc),
        f'<text x="40" y="48" font-size="30" font-weight="700" fill="{TEXT}">{esc(heading)}</text>',
        f'<text x="40" y="80" font-size="18" fill="#333333">{esc(date_text)}</text>',
        f'<g class="fk-drawing" transform="translate({num(dx)} {num(TOP - trim)})">', *body, "</g>",
        *legend,
        "</svg>\n",
    ])
