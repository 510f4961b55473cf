"""Familiekaart screen: toolbar, the genogram (render/familiekaart_svg.py) with a real button over each
symbol, the panel of the selected person (add a parent, partner, child, sibling; change or remove a
relation; edit the person), the legend and the family members not yet on the map.

Symbols are <button>s laid over the SVG in percentages of the drawing, so they scale with it and keep a
44 px hit area at every zoom; Enter and Space work without any browser-only code.
"""
from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import Optional

from ..analysis import genogram as G
from ..messages import t
from ..model import ops
from . import icons
from .familiekaart_svg import GenogramOptions, genogram_svg, legend_items, symbol_name
from .html import button, esc, segmented, text_field
from .svg import num

KEY = "familiekaart"
ZOOMS = (0.5, 0.75, 1.0, 1.5, 2.0)
GESLACHTEN = ("man", "vrouw", "anders", "onbekend")
_I = icons._svg
ICON = _I('<rect x="3" y="3" width="6" height="6"/><circle cx="18" cy="6" r="3"/><path d="M9 6h6M12 6v7M7 13h10'
          'M7 13v4M17 13v4"/><rect x="4" y="17" width="6" height="5"/><circle cx="17" cy="19.5" r="2.5"/>')
ICON_LINES = _I('<path d="M4 18c4-8 12-8 16 0"/><path d="M4 12h16" stroke-dasharray="3 3"/>')
ICON_ZOOM_IN = _I('<circle cx="11" cy="11" r="6.5"/><path d="m16 16 4.5 4.5M8 11h6M11 8v6"/>')
ICON_ZOOM_OUT = _I('<circle cx="11" cy="11" r="6.5"/><path d="m16 16 4.5 4.5M8 11h6"/>')
HIT_W = 116.0  # a symbol's button covers the symbol and its label (drawing units)
HIT_H = 112.0


@dataclass
class FamiliekaartView:
    """The screen's state between renders; ui/familiekaart.py changes it."""
    selected: Optional[str] = None  # person id whose panel is open
    adding: Optional[str] = None  # ops.RELATIONS: the add form is open
    naam: str = ""  # the add form's fields (kept in the view so a tap on a choice does not lose them)
    jaar: str = ""
    geslacht: str = "onbekend"
    status: str = "relatie"
    soort: str = "biologisch"
    met: str = ""  # the other parent of a new child ("" = nobody else)
    error: str = ""
    lines: bool = False  # *Lijnen tonen*
    zoom: Optional[int] = None  # index into ZOOMS; None = fit the screen (down to the smallest zoom)
    connect: Optional[str] = None  # an unconnected family member being put on the map
    scroll: Optional[tuple[float, float]] = None  # where the drawing is panned to (set in the browser)

    def reset_form(self) -> None:
        self.adding, self.naam, self.jaar, self.error, self.met = None, "", "", "", ""
        self.geslacht, self.status, self.soort = "onbekend", "relatie", "biologisch"


def _name(case, pid: str) -> str:
    try:
        return case.persoon(pid).naam.strip() or t("familiekaart.unknown_name")
    except KeyError:
        return t("familiekaart.unknown_name")


def current_partners(case, pid: str) -> list[str]:
    """Partners of `pid`, the ones still together first (the choices for a new child's other parent)."""
    together = ("getrouwd", "samenwonend", "relatie")
    rows = [(p.status not in together, p.b if p.a == pid else p.a) for p in case.partners if pid in (p.a, p.b)]
    return [q for _, q in sorted(rows, key=lambda r: r[0])]


def default_met(case, pid: str) -> str:
    together = [p for p in case.partners if pid in (p.a, p.b) and p.status in ("getrouwd", "samenwonend", "relatie")]
    if len(together) == 1:
        p = together[0]
        return p.b if p.a == pid else p.a
    return ""


# ----- pieces -----

def _toolbar(v: FamiliekaartView) -> str:
    z = v.zoom
    parts = [
        button(t("familiekaart.tool.lines"), f"{KEY}.lines", icon=ICON_LINES, cls="btn fk-tool", pressed=v.lines,
               id="fk-lines"),
        button(t("familiekaart.tool.zoom_out"), f"{KEY}.zoom", icon=ICON_ZOOM_OUT, cls="btn fk-tool",
               data={"step": "-1"}, disabled=z == 0, id="fk-zoom-out"),
        button(t("familiekaart.tool.zoom_in"), f"{KEY}.zoom", icon=ICON_ZOOM_IN, cls="btn fk-tool",
               data={"step": "1"}, disabled=z == len(ZOOMS) - 1, id="fk-zoom-in"),
        button(t("familiekaart.tool.export"), f"{KEY}.export", icon=icons.EXPORT, cls="btn fk-tool", id="fk-export"),
        button(t("ui.print.instrument"), "app.print", icon=icons.PRINT, cls="btn", id=f"{KEY}-print",
               data={"instrument": KEY}),
    ]
    return (f'<div class="fk-toolbar" role="toolbar" aria-label="{esc(t("familiekaart.tool.label"))}">'
            + "".join(parts) + "</div>")


def _hits(case, g: G.Genogram, v: FamiliekaartView) -> str:
    people = {p.id: p for p in case.personen}
    out = []
    w, h = g.width, g.height
    for pid, node in g.nodes.items():
        p = people[pid]
        left = (node.x - HIT_W / 2) / w * 100
        top = (node.y - G.SYMBOL / 2 - 8) / h * 100
        style = (f"left:{left:.3f}%;top:{top:.3f}%;"
                 f"width:{HIT_W / w * 100:.3f}%;height:{HIT_H / h * 100:.3f}%")
        pressed = "true" if v.selected == pid else "false"
        out.append(f'<button type="button" class="fk-hit" data-action="{KEY}.select" data-pid="{esc(pid)}" '
                   f'id="fk-p-{esc(pid)}" aria-pressed="{pressed}" aria-label="{esc(symbol_name(p, case.klant_id))}" '
                   f'style="{style}"></button>')
    return "".join(out)


def _form(case, v: FamiliekaartView, pid: str) -> str:
    rel = v.adding or ""
    van = _name(case, pid)
    d = {"field": ""}
    parts = [f'<h3 id="fk-form-title" tabindex="-1">{esc(t(f"familiekaart.form.title.{rel}", naam=van))}</h3>',
             f'<form class="fk-form" novalidate data-action="{KEY}.submit">',
             text_field(t("familiekaart.form.naam"), id="fk-naam", value=v.naam, action=f"{KEY}.field",
                        data={**d, "field": "naam"}, hint=t("familiekaart.form.naam_hint"), maxlength=80,
                        autofocus=True),
             segmented(t("familiekaart.form.geslacht"), [(s, t(f"familiekaart.geslacht.{s}")) for s in GESLACHTEN],
                       v.geslacht, f"{KEY}.choose", data={"field": "geslacht"}, cls="seg-wrap", group_id="fk-geslacht"),
             text_field(t("familiekaart.form.jaar"), id="fk-jaar", value=v.jaar, action=f"{KEY}.field",
                        data={**d, "field": "jaar"}, hint=t("familiekaart.form.jaar_hint"), inputmode="numeric",
                        maxlength=4, error=v.error)]
    if rel == "partner":
        parts.append(segmented(t("familiekaart.form.status"),
                               [(s, t(f"familiekaart.status.{s}")) for s in ops.PARTNER_STATUSES],
                               v.status, f"{KEY}.choose", data={"field": "status"}, cls="seg-wrap",
                               group_id="fk-status"))
    if rel in ("ouder", "kind"):
        parts.append(segmented(t("familiekaart.form.soort"),
                               [(s, t(f"familiekaart.soort.{s}")) for s in ops.PARENT_KINDS],
                               v.soort, f"{KEY}.choose", data={"field": "soort"}, cls="seg-wrap", group_id="fk-soort"))
    if rel == "kind":
        options = [(q, _name(case, q)) for q in current_partners(case, pid)] + [("", t("familiekaart.form.met_none"))]
        if len(options) > 1:
            parts.append(segmented(t("familiekaart.form.met"), options, v.met, f"{KEY}.choose",
                                   data={"field": "met"}, cls="seg-wrap", group_id="fk-met"))
    if rel == "broer_zus" and not ops.main_parents(case, pid):
        parts.append(f'<p class="hint">{esc(t("familiekaart.form.sibling_hint", naam=van))}</p>')
    parts.append('<div class="fk-form-actions">'
                 + button(t("familiekaart.form.add"), None, icon=icons.PLUS, cls="btn btn-primary", id="fk-add-submit",
                          kind="submit")
                 + button(t("familiekaart.form.cancel"), f"{KEY}.cancel", cls="btn", id="fk-add-cancel")
                 + "</div></form>")
    return "".join(parts)


def _relations(case, pid: str) -> str:
    rows = []
    for ok in case.ouder_kind:
        if pid not in (ok.ouder, ok.kind):
            continue
        other = ok.ouder if ok.kind == pid else ok.kind
        what = t("familiekaart.rel.ouder") if ok.kind == pid else t("familiekaart.rel.kind")
        seg = segmented(f"{what}: {_name(case, other)}", [(s, t(f"familiekaart.soort.{s}")) for s in ops.PARENT_KINDS],
                        ok.soort, f"{KEY}.soort", data={"ouder": ok.ouder, "kind": ok.kind}, cls="seg-wrap")
        rows.append(_rel_row(case, seg, "parent", ok.ouder, ok.kind))
    for pr in case.partners:
        if pid not in (pr.a, pr.b):
            continue
        other = pr.b if pr.a == pid else pr.a
        seg = segmented(f"{t('familiekaart.rel.partner')}: {_name(case, other)}",
                        [(s, t(f"familiekaart.status.{s}")) for s in ops.PARTNER_STATUSES],
                        pr.status, f"{KEY}.status", data={"a": pr.a, "b": pr.b}, cls="seg-wrap")
        rows.append(_rel_row(case, seg, "partner", pr.a, pr.b))
    if not rows:
        return ""
    return (f'<section class="fk-rels"><h3>{esc(t("familiekaart.relations", naam=_name(case, pid)))}</h3>'
            f'<ul>{"".join(rows)}</ul></section>')


def _rel_row(case, seg: str, kind: str, a: str, b: str) -> str:
    remove = button(t("familiekaart.rel.remove"), f"{KEY}.remove", icon=icons.TRASH, cls="btn btn-danger-quiet fk-remove",
                    data={"kind": kind, "a": a, "b": b},
                    aria_label=t("familiekaart.rel.remove_aria", a=_name(case, a), b=_name(case, b)))
    return f"<li>{seg}{remove}</li>"


def _panel(case, v: FamiliekaartView, g: G.Genogram) -> str:
    close = button(t("familiekaart.panel.close"), f"{KEY}.close", icon=icons.CLOSE, cls="btn fk-close", id="fk-close")
    if v.connect and v.connect in {p.id for p in case.personen}:
        who = _name(case, v.connect)
        head = (f'<div class="fk-panel-head"><h2 id="fk-panel-title" tabindex="-1">'
                f'{esc(t("familiekaart.connect.title", naam=who))}</h2>'
                + button(t("familiekaart.connect.stop"), f"{KEY}.connect", icon=icons.CLOSE, cls="btn fk-close",
                         data={"pid": ""}) + "</div>")
        if not v.selected or v.selected not in g.nodes:
            return head + f'<p class="fk-b1">{esc(t("familiekaart.connect.pick", naam=who))}</p>'
        van = _name(case, v.selected)
        choices = "".join(button(t(f"familiekaart.connect.{rel}"), f"{KEY}.link", cls="btn fk-rel-btn",
                                 data={"relation": rel}, id=f"fk-link-{rel}") for rel in ops.RELATIONS)
        return head + (f'<p class="fk-b1">{esc(t("familiekaart.connect.as", naam=who, van=van))}</p>'
                       f'<div class="fk-add-buttons">{choices}</div>')
    pid = v.selected
    if not pid or pid not in g.nodes:
        return ""
    p = case.persoon(pid)
    title = esc(p.naam.strip() or t("familiekaart.unknown_name"))
    head = f'<div class="fk-panel-head"><h2 id="fk-panel-title" tabindex="-1">{title}</h2>{close}</div>'
    if v.adding in ops.RELATIONS:
        return head + _form(case, v, pid)
    adds = "".join(button(t(f"familiekaart.add.{rel}"), f"{KEY}.add", icon=icons.PLUS, cls="btn fk-rel-btn",
                          data={"relation": rel}, id=f"fk-add-{rel}") for rel in ops.RELATIONS)
    edit = button(t("familiekaart.panel.edit", naam=_name(case, pid)), f"{KEY}.edit", icon=icons.PERSON,
                  cls="btn", id="fk-edit", data={"pid": pid})
    return (head + f'<p class="fk-b1">{esc(t("familiekaart.panel.hint"))}</p>'
            f'<div class="fk-add-buttons">{adds}</div>{edit}{_relations(case, pid)}')


def _legend(case, g: G.Genogram, lines: bool) -> str:
    items = []
    for sample, word in legend_items(case, g, lines=lines):
        items.append(f'<li><svg viewBox="0 0 64 44" width="64" height="44" aria-hidden="true" focusable="false">'
                     f'{sample}</svg><span>{esc(word)}</span></li>')
    return (f'<details class="fk-legend" open><summary>{esc(t("familiekaart.legend.title"))}</summary>'
            f'<ul>{"".join(items)}</ul></details>')


def _off_map(case, g: G.Genogram, v: FamiliekaartView) -> str:
    if not g.unconnected:
        return ""
    lis = []
    for pid in g.unconnected[:100]:
        lis.append("<li>" + button(_name(case, pid), f"{KEY}.connect", cls="btn fk-chip", data={"pid": pid},
                                   pressed=v.connect == pid, id=f"fk-off-{pid}") + "</li>")
    return (f'<section class="fk-offmap" aria-labelledby="fk-off-title"><h2 id="fk-off-title">'
            f'{esc(t("familiekaart.off.title"))}</h2><p class="hint">{esc(t("familiekaart.off.b1"))}</p>'
            f'<ul>{"".join(lis)}</ul></section>')


_SVG: list = [None, {}]  # [weakref to the last case, {lines: svg}]: selecting a person redraws nothing


def _drawing(case, g: G.Genogram, lines: bool) -> str:
    """The genogram SVG of this case object (cases are frozen); the selection is shown by its button."""
    last, by_lines = _SVG
    if last is None or last() is not case:
        by_lines = {}
        _SVG[:] = [weakref.ref(case), by_lines]
    svg = by_lines.get(lines)
    if svg is None:
        svg = by_lines[lines] = genogram_svg(case, GenogramOptions(lines=lines), g)
    return svg


def render(case, v: FamiliekaartView) -> str:
    g = G.cached_genogram(case)
    if v.selected and v.selected not in g.nodes:
        v.selected = None
    panel = _panel(case, v, g)
    only_client = len(g.nodes) == 1
    hint = f'<p class="fk-empty" id="fk-empty">{esc(t("familiekaart.empty"))}</p>' if only_client else ""
    zoom = ZOOMS[v.zoom] if v.zoom is not None else None
    w = num(g.width)
    size = (f"--fk-w:{w}px;--fk-zoom:{zoom:g}" if zoom is not None else f"--fk-w:{w}px")
    svg = _drawing(case, g, v.lines)
    return (
        f'<div class="screen screen-{KEY} fk{" has-panel" if panel else ""}">'
        f'<div class="fk-head"><h1 id="screen-title">{esc(t("familiekaart.title"))}</h1>'
        f'<p class="fk-b1">{esc(t("familiekaart.b1"))}</p></div>'
        f'{_toolbar(v)}'
        f'<div class="fk-main">{hint}<div class="fk-scroll" id="fk-scroll" data-keep-scroll>'
        f'<div class="fk-stage{" is-zoomed" if zoom is not None else ""}" style="{size}">{svg}'
        f'<div class="fk-hits">{_hits(case, g, v)}</div></div></div></div>'
        + (f'<aside class="fk-panel" id="fk-panel" aria-labelledby="fk-panel-title">{panel}</aside>' if panel else "")
        + f'<div class="fk-foot">{_off_map(case, g, v)}{_legend(case, g, v.lines)}</div>'
        "</div>"
    )
