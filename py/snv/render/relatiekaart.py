"""Relatiekaart screen: the page around the map — toolbar, side panel (Wat zie je?, Momentopname,
Vergelijk, Als lijst), legend and the people not on the map yet — from the case and a RelatiekaartView.

The map itself is render/relatiekaart_svg.py. ui/relatiekaart.py takes the actions and changes the view;
ui/relatiekaart_dom.py wires dragging in the browser and writes the measured sizes (fit, hit) here.
"""
from __future__ import annotations

import datetime as dt
import weakref
from dataclasses import dataclass
from typing import Any, Optional

from ..analysis.layout import cached_layout_map, on_map, readable_width, text_scale
from ..messages import on_change, t
from ..model import KWALITEITEN, NABIJHEDEN, SECTORS, ops
from ..model.case import client_ties
from . import icons
from .format import date_nl
from .html import button, esc, icon_html, segmented
from .relatiekaart_svg import MapOptions, legend_items, map_svg, quality_word

KEY = "relatiekaart"
PANELS = ("figures", "snapshot", "compare", "list", "tie")
ZOOM_STEP = 1.25  # *Groter* / *Kleiner*: the map this much bigger or smaller
ZOOM_MAX = 4.0  # at most this many times the readable size (or the whole map, if that is bigger)
DIFF_GROUPS = ("nieuw", "dichterbij", "verder_weg", "sector", "lijn", "steun", "weg")

ICON_MAP = icons.PHASE["netwerkatlas"]
_I = icons._svg  # the icon helper of the shared icon set
ICON_LINES = _I('<circle cx="5" cy="6" r="2.5"/><circle cx="19" cy="8" r="2.5"/><circle cx="11" cy="19" r="2.5"/>'
                '<path d="M7.4 6.4 16.5 7.7M17.6 10.1 12.4 16.9M6.2 8.3 9.8 16.8"/>')
ICON_SUPPORT = _I('<path d="M3 12h14M13 8l4 4-4 4"/><path d="M21 5v14"/>')
ICON_FIGURES = icons.EYE
ICON_SNAPSHOT = _I('<path d="M4 8h3l2-3h6l2 3h3v11H4z"/><circle cx="12" cy="13" r="3.5"/>')
ICON_COMPARE = _I('<rect x="3" y="5" width="7" height="14" rx="1"/><rect x="14" y="5" width="7" height="14" rx="1"/>'
                  '<path d="M12 3v18"/>')
ICON_ZOOM_IN = _I('<circle cx="11" cy="11" r="6.5"/><path d="m16 16 4.5 4.5M8 11h6M11 8v6"/>')
ICON_CONNECT = _I('<circle cx="5.5" cy="12" r="3"/><circle cx="18.5" cy="12" r="3"/><path d="M8.5 12h7"/>'
                  '<path d="M12 8.5v-4M10 6.5h4"/>')
ICON_FREQ = _I('<path d="M3 18 21 6"/><path d="M3 12l7-4.5" stroke-width="4"/><path d="M14 20l7-4.5" stroke-width="1"/>')
ICON_ZOOM_OUT = _I('<circle cx="11" cy="11" r="6.5"/><path d="m16 16 4.5 4.5M8 11h6"/>')
ICON_WHOLE = _I('<circle cx="12" cy="12" r="6"/><path d="M3 8V3h5M16 3h5v5M21 16v5h-5M8 21H3v-5"/>')
ICON_FULL = _I('<path d="M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5"/><path d="M4 4l5 5M20 4l-5 5M20 20l-5-5M4 20l5-5"/>')
ICON_FULL_EXIT = _I('<path d="M9 4v5H4M20 9h-5V4M15 20v-5h5M4 15h5v5"/>')


@dataclass
class RelatiekaartView:
    """The screen's state between renders (the defaults live here only). ui/relatiekaart.py changes
    it on actions; ui/relatiekaart_dom.py writes the sizes it measures in the browser."""
    lines: bool = False  # *Lijnen tussen anderen*
    support: bool = False  # *Steun tonen*
    panel: Optional[str] = None  # one of PANELS, or no side panel
    fig: Optional[str] = None  # key of the figure sentence whose people are highlighted
    cmp_from: Optional[str] = None  # Momentopname id; None = the last one
    cmp_to: str = "nu"  # Momentopname id or "nu" (the map now)
    zoom: Optional[float] = None  # map width / the whole map's width (fit); None = the readable size
    full: bool = False  # *Volledig scherm*: only the map and its view buttons
    snap_title: Optional[str] = None  # the title being typed; None = the default with today's date
    connect: bool = False  # *Verbinden*: tap A, then B, makes a line between them
    chosen: Optional[str] = None  # *Verbinden*: the person tapped first
    freq: bool = False  # *Hoe vaak?*: the client's line width = contact frequency
    tie: Optional[tuple[str, str]] = None  # the line between others shown in the "tie" panel
    fit: Optional[int] = None  # css px of the square that shows the whole map (measured)
    room: Optional[int] = None  # that square without the line that says the map pans (measured; _too_big)
    height: Optional[int] = None  # css px the map's view may be high (measured)
    hit: Optional[float] = None  # hit circle radius in marker units that makes 44 css px (measured)
    centre: Optional[tuple[float, float]] = None  # map point in the middle of the view (kept while panning)
    text: float = 1.0  # the app's letter size (ui/prefs.py): the readable map is this much wider too
    loading: bool = False  # networkx is on its way after the start (ui/packages.py): the figures wait
    event: Optional[str] = None  # Gebeurtenis id whose persons are highlighted (from the Gebeurteniskaart)


# ----- helpers on the model -----

def _on_map(case) -> list:
    return [p for p in case.personen if on_map(p, case.klant_id)]


def snapshot(case, sid: Optional[str]):
    for m in case.momentopnamen:
        if m.id == sid:
            return m
    return None


def _snap_label(m) -> str:
    when = date_nl(m.gemaakt.date())
    return f"{m.titel} ({when})" if m.titel and when not in m.titel else (m.titel or when)


def compare_states(case, v: RelatiekaartView) -> Optional[tuple[Any, Any]]:
    """(old, new) Momentopnamen of the active comparison; new None means "the map now"."""
    if v.panel != "compare" or not case.momentopnamen or not _diff_available():
        return None
    old = snapshot(case, v.cmp_from) or case.momentopnamen[-1]
    new = None if v.cmp_to == "nu" else snapshot(case, v.cmp_to)
    return old, new


def _diff_available() -> bool:
    try:
        from ..analysis import diff  # noqa: F401,PLC0415
    except ImportError:  # analysis not installed in this build: the map still works
        return False
    return True


_FIGURES: list = [None, None]  # [weakref to the last case, its figures]: one render asks twice


def _figures(case) -> tuple[list[dict], bool]:
    """Figure sentences (strengths first) and whether analysis was available. Cases are frozen, so
    the figures of the same case object are computed once (the highlight and the panel both ask)."""
    last, figures = _FIGURES
    if last is not None and last() is case:
        return figures
    try:
        from ..analysis.figures import compute_figures, sentences  # noqa: PLC0415
    except ImportError:
        return [], False
    try:
        figures = list(sentences(compute_figures(case)))
    except ImportError:  # networkx still loading after the start (ui/packages.py): shown as not there yet
        return [], False
    _FIGURES[:] = [weakref.ref(case), (figures, True)]
    return _FIGURES[1]


def _event(case, v: RelatiekaartView):
    """The life event whose persons the map points out (*Laat zien op de relatiekaart*), if any."""
    return next((g for g in case.gebeurtenissen if g.id == v.event), None) if v.event else None


def _event_chip(case, v: RelatiekaartView) -> str:
    ev = _event(case, v)
    if ev is None:
        return ""
    return (f'<p class="rk-event">{esc(t("gebeurteniskaart.rk_chip", titel=ev.titel))} '
            + button(t("gebeurteniskaart.rk_chip_clear"), "gebeurteniskaart.show_clear", icon=icons.CLOSE,
                     cls="btn btn-small", id="rk-event-clear") + "</p>")


def _highlight(case, v: RelatiekaartView) -> frozenset:
    ev = _event(case, v)
    if ev is not None:
        return frozenset(ev.personen)
    if v.panel != "figures" or not v.fig:
        return frozenset()
    for s in _figures(case)[0]:
        if s.get("key") == v.fig:
            return frozenset(s.get("persons") or ())
    return frozenset()


def map_options(case, v: RelatiekaartView, selected: Optional[str] = None) -> MapOptions:
    cmp = compare_states(case, v)
    tie = frozenset(v.tie) if v.panel == "tie" and v.tie else None
    return MapOptions(member_ties=v.lines or v.connect or tie is not None, support=v.support,
                      highlight=_highlight(case, v), state=cmp[1] if cmp else None,
                      compare_old=cmp[0] if cmp else None, frequency=v.freq,
                      chosen=v.chosen if v.connect else None, tie=tie, selected=selected)


# ----- size on screen: readable by default, the whole map on request -----

_READ: list = [None, 0.0]  # [weakref to the last drawn state, its readable width]: asked a few times per render


def readable_px(case, v: RelatiekaartView) -> float:
    """CSS px the drawn map needs for 14 px names and 44 px tap areas (layout.readable_width)."""
    cmp = compare_states(case, v)
    state = cmp[1] if cmp and cmp[1] is not None else case
    last = _READ[0]
    if last is None or last() is not state:  # states are frozen: the same object, the same layout
        _READ[:] = [weakref.ref(state), readable_width(text_scale(cached_layout_map(state, case.klant_id)))]
    return _READ[1]


on_change(lambda: _READ.__setitem__(0, None))  # the layout measures ring names in the current language


def zoom_factor(case, v: RelatiekaartView, read: Optional[float] = None) -> float:
    """The map's width as a multiple of the whole map's width (1 = *Hele kaart*); `read` is
    readable_px(case, v) when the caller has it already."""
    return v.zoom if v.zoom is not None else _readable_factor(case, v, read)


def zoom_limit(case, v: RelatiekaartView, read: Optional[float] = None) -> float:
    return ZOOM_MAX * _readable_factor(case, v, read)


def _readable_factor(case, v: RelatiekaartView, read: Optional[float] = None) -> float:
    """The readable map's width (at the app's letter size) as a multiple of the whole map's, at least 1."""
    return max(1.0, (read or readable_px(case, v)) * v.text / v.fit) if v.fit else 1.0


def zoom_to(case, v: RelatiekaartView, factor: float) -> None:
    """Set the map's width (a multiple of the whole map's width), within 1 and zoom_limit."""
    v.zoom = round(max(1.0, min(zoom_limit(case, v), factor)), 3)


# ----- rendering -----

def _toolbar(v: RelatiekaartView) -> str:
    panel = v.panel

    def toggle(label: str, action: str, icon: str, pressed: bool, **data: str) -> str:
        return button(label, action, icon=icon, cls="btn rk-tool", pressed=pressed, data=data or None)

    parts = [
        button(t("map.tool.add"), f"{KEY}.add", icon=icons.PLUS, cls="btn btn-primary rk-tool", id="rk-add",
               aria_label=t("map.tool.add_aria")),
        toggle(t("map.tool.lines"), f"{KEY}.lines", ICON_LINES, v.lines),
        button(t("map.tool.connect"), f"{KEY}.connect", icon=ICON_CONNECT, cls="btn rk-tool", pressed=v.connect,
               id="rk-connect"),
        toggle(t("map.tool.support"), f"{KEY}.support", ICON_SUPPORT, v.support),
        button(t("map.tool.freq"), f"{KEY}.freq", icon=ICON_FREQ, cls="btn rk-tool", pressed=v.freq, id="rk-freq"),
        toggle(t("map.tool.figures"), f"{KEY}.panel", ICON_FIGURES, panel == "figures", panel="figures"),
        toggle(t("map.tool.snapshot"), f"{KEY}.panel", ICON_SNAPSHOT, panel == "snapshot", panel="snapshot"),
        toggle(t("map.tool.compare"), f"{KEY}.panel", ICON_COMPARE, panel == "compare", panel="compare"),
        toggle(t("map.tool.list"), f"{KEY}.panel", icons.LIST, panel == "list", panel="list"),
        button(t("map.tool.export"), f"{KEY}.export", icon=icons.EXPORT, cls="btn rk-tool", id="rk-export"),
        button(t("ui.print.instrument"), "app.print", icon=icons.PRINT, cls="btn rk-tool", id="relatiekaart-print",
               data={"instrument": KEY}),
    ]
    return (f'<div class="rk-toolbar" role="toolbar" aria-label="{esc(t("map.tool.label"))}">'
            + "".join(parts) + "</div>")


def _viewbar(case, v: RelatiekaartView, read: float) -> str:
    """*Kleiner*, *Groter*, *Hele kaart*, *Groot scherm*: always beside the map (also in full screen
    and while a panel is open); fingers can pinch as well."""
    factor, limit = zoom_factor(case, v, read), zoom_limit(case, v, read)
    whole = factor <= 1.0 + 1e-6
    full_label = t("map.tool.full_exit") if v.full else t("map.tool.full")
    parts = [
        button(t("map.tool.zoom_out"), f"{KEY}.zoom", icon=ICON_ZOOM_OUT, cls="btn rk-tool", data={"step": "-1"},
               disabled=whole, id="rk-zoom-out"),
        button(t("map.tool.zoom_in"), f"{KEY}.zoom", icon=ICON_ZOOM_IN, cls="btn rk-tool", data={"step": "1"},
               disabled=factor >= limit - 1e-6, id="rk-zoom-in"),
        button(t("map.tool.whole"), f"{KEY}.whole", icon=ICON_WHOLE, cls="btn rk-tool", disabled=whole,
               id="rk-whole"),
        button(full_label, f"{KEY}.full", icon=ICON_FULL_EXIT if v.full else ICON_FULL, cls="btn rk-tool",
               pressed=v.full, id="rk-full"),
    ]
    return (f'<div class="rk-viewbar" role="toolbar" aria-label="{esc(t("map.view.label"))}">'
            + "".join(parts) + "</div>")


def _too_big(case, v: RelatiekaartView, read: float) -> str:
    """When the map at the readable size is bigger than its view (it pans), a line at the view's edge
    says so and how to see it whole; not once the user chose a size (zoom) or in Groot scherm. Compared
    with the view as big as it is without the line (room), or a map that fits it would keep the line."""
    room = v.room or v.fit
    if v.full or v.zoom is not None or not room or read * v.text <= room + 1e-6:
        return ""
    return f'<p class="rk-more" id="rk-more">{esc(t("map.too_big", full=t("map.tool.full")))}</p>'


def _legend_html(support: bool, member_ties: bool, frequency: bool = False) -> str:
    items = []
    for sample, word in legend_items(support=support, member_ties=member_ties, frequency=frequency):
        items.append(f'<li><svg viewBox="0 0 64 28" width="64" height="28" aria-hidden="true" focusable="false">'
                     f'{sample}</svg><span>{esc(word)}</span></li>')
    return (f'<details class="rk-legend"><summary>{esc(t("map.legend.title"))}</summary>'
            f'<ul>{"".join(items)}</ul><p class="hint">{esc(t("map.legend.rings"))}</p>'
            + (f'<p class="hint">{esc(t("map.freq.b1"))}</p>' if frequency else "") + '</details>')


def _panel_head(title: str, b1: str) -> str:
    close = button(t("map.tool.close"), f"{KEY}.panel", icon=icons.CLOSE, cls="btn rk-close", data={"panel": ""})
    return (f'<div class="rk-panel-head"><h2 id="rk-panel-title" tabindex="-1">{esc(title)}</h2>{close}</div>'
            f'<p class="rk-b1">{esc(b1)}</p>')


def _figures_panel(case, v: RelatiekaartView, today: dt.date) -> str:
    sentences, available = _figures(case)
    head = _panel_head(t("map.fig.title"), t("map.fig.b1"))
    if not available:
        return head + f'<p>{esc(t("map.fig.loading" if v.loading else "map.fig.unavailable"))}</p>'
    if not sentences:
        return head + f'<p>{esc(t("map.fig.none"))}</p>'
    items = []
    for s in sentences:
        key = str(s.get("key", ""))
        pressed = v.fig == key
        clickable = bool(s.get("persons"))
        text = esc(s.get("text", ""))
        if clickable:
            items.append(f'<li><button type="button" class="rk-fig{" is-on" if pressed else ""}" '
                         f'data-action="{KEY}.fig" data-key="{esc(key)}" aria-pressed="{"true" if pressed else "false"}">'
                         f'{text}</button></li>')
        else:
            items.append(f'<li><p class="rk-fig-text">{text}</p></li>')
    clear = (button(t("map.fig.clear"), f"{KEY}.fig", cls="btn", data={"key": ""}) if v.fig else "")
    return head + f'<ul class="rk-figs">{"".join(items)}</ul>' + clear


def _snapshot_panel(case, v: RelatiekaartView, today: dt.date) -> str:
    head = _panel_head(t("map.snap.title"), t("map.snap.b1"))
    title = v.snap_title if v.snap_title is not None else t("map.snap.default", datum=date_nl(today))
    form = (f'<div class="field"><label for="rk-snap-title">{esc(t("map.snap.name"))}</label>'
            f'<input type="text" id="rk-snap-title" value="{esc(title)}" maxlength="120" autocomplete="off" '
            f'data-action="{KEY}.snap_title"></div>'
            + button(t("map.snap.make"), f"{KEY}.snap", icon=ICON_SNAPSHOT, cls="btn btn-primary", id="rk-snap-make"))
    snaps = case.momentopnamen
    listing = ""
    if snaps:
        lis = "".join(f"<li>{esc(_snap_label(m))}</li>" for m in reversed(snaps))
        listing = f'<h3>{esc(t("map.snap.list"))}</h3><ul class="rk-snaps">{lis}</ul>'
    return head + form + listing


def _normalise_lines(lines) -> list[tuple[str, str]]:
    """MapDiff.lines() as (group, text) pairs, whatever small shape analysis gives them in."""
    out = []
    for item in lines or ():
        if isinstance(item, dict):
            group = item.get("group") or item.get("kind") or item.get("code") or ""
            text = item.get("text") or ""
        elif isinstance(item, (tuple, list)) and len(item) >= 2:
            group, text = item[0], item[1]
        else:
            group, text = "", str(item)
        out.append((str(group), str(text)))
    return out


def _compare_panel(case, v: RelatiekaartView, today: dt.date) -> str:
    head = _panel_head(t("map.cmp.title"), t("map.cmp.b1"))
    if not case.momentopnamen:
        make = button(t("map.snap.make"), f"{KEY}.panel", icon=ICON_SNAPSHOT, cls="btn", data={"panel": "snapshot"})
        return head + f'<p>{esc(t("map.cmp.none"))}</p>' + make
    states = compare_states(case, v)
    if states is None:  # snapshots exist and this panel is open: only a missing analysis.diff leaves None
        return head + f'<p>{esc(t("map.fig.unavailable"))}</p>'
    old, new = states

    def select(sel_id: str, label: str, action: str, current: str, with_now: bool) -> str:
        opts = [(m.id, _snap_label(m)) for m in case.momentopnamen]
        if with_now:
            opts.append(("nu", t("map.cmp.now")))
        html_opts = "".join(f'<option value="{esc(k)}"{" selected" if k == current else ""}>{esc(lbl)}</option>'
                            for k, lbl in opts)
        return (f'<div class="field"><label for="{sel_id}">{esc(label)}</label>'
                f'<select id="{sel_id}" data-action="{action}">{html_opts}</select></div>')

    form = (select("rk-cmp-from", t("map.cmp.from"), f"{KEY}.cmp_from", old.id, False)
            + select("rk-cmp-to", t("map.cmp.to"), f"{KEY}.cmp_to", new.id if new else "nu", True))
    from ..analysis.diff import diff_maps  # noqa: PLC0415

    diff = diff_maps(old, new if new is not None else ops.map_state(case), case.klant_id)
    groups: dict[str, list[str]] = {}
    for group, text in _normalise_lines(diff.lines()):
        groups.setdefault(group, []).append(text)
    if not any(groups.values()):
        body = f'<p class="rk-same">{esc(t("map.cmp.same"))}</p>'
    else:
        parts = []
        order = [g for g in DIFF_GROUPS if g in groups] + [g for g in groups if g not in DIFF_GROUPS]
        for g in order:
            title = t(f"map.cmp.group.{g}") if g in DIFF_GROUPS else g
            badge = esc(t(f"map.badge.{g}")) if g in DIFF_GROUPS else ""
            lis = "".join(f"<li>{esc(x)}</li>" for x in groups[g])
            parts.append(f'<section class="rk-diff-group g-{esc(g)}"><h3><span class="rk-pill" aria-hidden="true">'
                         f'{badge}</span> {esc(title)}</h3><ul>{lis}</ul></section>')
        body = "".join(parts)
    showing = (f'<p class="hint">{esc(t("map.cmp.showing", titel=_snap_label(new) if new else t("map.cmp.now")))}</p>')
    stop = button(t("map.cmp.stop"), f"{KEY}.panel", cls="btn", data={"panel": ""})
    return head + f'<div class="rk-cmp-form">{form}</div>' + showing + f'<div class="rk-diff">{body}</div>' + stop


def list_html(case) -> str:
    """The map in words: by sector, then ring; line and support in words (accessible alternative)."""
    klant_id = case.klant_id
    ties: dict[str, list[str]] = {}
    names = {p.id: p.naam for p in case.personen}
    quality, others = client_ties(case.banden, klant_id)
    for b in others:
        ties.setdefault(b.a, []).append(names.get(b.b, "?"))
        ties.setdefault(b.b, []).append(names.get(b.a, "?"))
    steun: dict[str, list] = {}
    for s in case.steun:
        steun.setdefault(s.persoon, []).append(s)
    people = _on_map(case)
    parts = []
    for sector in SECTORS:
        rows = []
        for ring in NABIJHEDEN:
            here = sorted((p for p in people if p.sector == sector and p.nabijheid == ring),
                          key=lambda p: p.naam.casefold())
            if not here:
                continue
            lis = []
            for p in here:
                bits = [p.rol] if p.rol else []
                if p.overleden:
                    bits.append(t("map.aria.deceased"))
                head = esc(p.naam) + (f" <span class=\"rk-role\">({esc(', '.join(bits))})</span>" if bits else "")
                q = quality.get(p.id)
                words = [t("map.list.line", kwaliteit=quality_word(q)) if q else t("map.list.no_line")]
                if steun.get(p.id):
                    items = ", ".join(
                        f'{t(f"label.steunsoort.{s.soort}")}: {t(f"label.richting.{s.richting}", naam=p.naam)}'
                        for s in steun[p.id])
                    words.append(t("map.list.support", items=items))
                if ties.get(p.id):
                    words.append(t("map.list.ties", namen=", ".join(sorted(ties[p.id], key=str.casefold))))
                lis.append(f'<li><button type="button" class="rk-list-person" data-action="{KEY}.open" '
                           f'data-pid="{esc(p.id)}">{head}</button> <span>{esc(" ".join(words))}</span></li>')
            rows.append(f'<h4>{esc(t(f"label.nabijheid.{ring}"))}</h4><ul>{"".join(lis)}</ul>')
        body = "".join(rows) or f'<p class="hint">{esc(t("map.list.nobody"))}</p>'
        parts.append(f'<section class="rk-list-sector s-{sector}"><h3>{icon_html(icons.SECTOR[sector])}'
                     f'{esc(t(f"label.sector.{sector}"))}</h3>{body}</section>')
    return "".join(parts)


def _name(case, pid: str) -> str:
    try:
        return case.persoon(pid).naam
    except KeyError:
        return "?"


def _tie_panel(case, v: RelatiekaartView, today: dt.date) -> str:
    """A line between two others: choose its kind, or remove it (tap on the line, or from the sheet)."""
    a, b = v.tie or ("", "")
    band = case.band(a, b) if a and b else None
    if band is None:
        return _panel_head(t("map.tool.lines"), t("map.tie.gone"))
    na, nb = _name(case, a), _name(case, b)
    kinds = [(k, t(f"label.kwaliteit.{k}")) for k in KWALITEITEN] + [("", t("label.kwaliteit.none"))]
    seg = segmented(t("map.tie.kind"), kinds, band.kwaliteit or "", f"{KEY}.tie_kind", cls="seg-wrap",
                    group_id="rk-tie-kind")
    remove = button(t("map.tie.remove"), f"{KEY}.tie_remove", icon=icons.TRASH, cls="btn btn-danger-quiet",
                    id="rk-tie-remove")
    return _panel_head(t("map.tie.title", a=na, b=nb), t("map.tie.b1", a=na, b=nb)) + seg + remove


def _connect_bar(case, v: RelatiekaartView) -> str:
    """*Verbinden* is on: what to tap now, and *Stop* (a live region says it for screen readers)."""
    if not v.connect:
        return ""
    text = t("map.connect.second", naam=_name(case, v.chosen)) if v.chosen else t("map.connect.first")
    return (f'<div class="rk-connect" id="rk-connect-bar"><p role="status">{esc(text)}</p>'
            + button(t("map.connect.stop"), f"{KEY}.connect", icon=icons.CLOSE, cls="btn", id="rk-connect-stop")
            + "</div>")


def _list_panel(case, v: RelatiekaartView, today: dt.date) -> str:
    return _panel_head(t("map.list.title"), t("map.b1")) + list_html(case)


def _off_map(case) -> str:
    """People in the list who are not on the map yet: one tap opens their sheet to choose a place."""
    rest = [p for p in case.personen if p.id != case.klant_id and not p.op_kaart and p.naam.strip()]
    if not rest:
        return ""
    lis = "".join(f'<li>{button(p.naam, f"{KEY}.open", cls="btn rk-chip", data={"pid": p.id})}</li>'
                  for p in sorted(rest, key=lambda p: p.naam.casefold())[:60])
    return (f'<section class="rk-offmap" aria-labelledby="rk-offmap-title"><h2 id="rk-offmap-title">'
            f'{esc(t("map.off_map"))}</h2><p class="hint">{esc(t("map.off_map_b1"))}</p><ul>{lis}</ul></section>')


def render(case, v: RelatiekaartView, *, today: dt.date, selected: Optional[str] = None) -> str:
    """The whole screen; `today` names a new snapshot ("Kaart van 14-3-2026"); `selected` is the person
    whose sheet is open (ringed on the map, which keeps them in view)."""
    panel = v.panel
    opts = map_options(case, v, selected)
    readonly = opts.state is not None  # showing a stored moment: nothing to drag
    empty = not any(on_map(p, case.klant_id) for p in case.personen)
    hint = (f'<p class="rk-empty">{esc(t("map.empty"))}</p>' if empty and not readonly else "")
    ro = (' data-readonly="1"' if readonly else "") + (' data-connect="1"' if v.connect and not readonly else "")
    # the map is at least --rk-read wide (readable names), or --rk-zoom times the whole map; sizes the
    # browser measured (relatiekaart_dom) come back here so a re-render does not jump
    read = readable_px(case, v)
    sizes = [("read", round(read, 1)), ("h", v.height), ("hit", v.hit)]
    css = "".join(f"--rk-{k}:{size:g}px;" for k, size in sizes if size is not None)
    if v.zoom is not None:
        css += f"--rk-zoom:{v.zoom:g};"
    classes = "rk screen-relatiekaart" + (" is-full" if v.full else "")
    panel_html = ""
    if panel in PANELS:
        render_panel = {"figures": _figures_panel, "snapshot": _snapshot_panel, "compare": _compare_panel,
                        "list": _list_panel, "tie": _tie_panel}[panel]
        panel_html = (f'<aside class="rk-panel" id="rk-panel" tabindex="-1" aria-labelledby="rk-panel-title">'
                      f'{render_panel(case, v, today)}</aside>')
    zoomed = ' data-zoomed="1"' if v.zoom is not None else ""
    return (
        f'<div class="{classes}{" has-panel" if panel_html else ""}"{zoomed} style="{css}">'
        f'<div class="rk-head"><h1 id="screen-title">{esc(t("map.title"))}</h1>'
        f'<p class="rk-b1">{esc(t("map.hint"))}</p>{_event_chip(case, v)}{_connect_bar(case, v)}</div>'
        f'{_toolbar(v)}{_viewbar(case, v, read)}'
        f'<div class="rk-main">'
        # the map holds a button per person: a keyboard can jump over all of them
        f'<a class="skip-link" href="#{"rk-panel" if panel_html else "rk-foot"}" id="rk-skip">{esc(t("map.skip"))}</a>'
        f'{_too_big(case, v, read)}'
        f'<div class="rk-scroll" id="rk-scroll"><div class="rk-stage"{ro}>'
        f'{map_svg(case, options=opts)}</div></div>{hint}'
        f'<p class="visually-hidden" id="rk-live" role="status" aria-live="polite"></p>'
        f'</div>'
        f'{panel_html}'
        f'<div class="rk-foot" id="rk-foot" tabindex="-1"><p class="rk-b1">{esc(t("map.hint"))}</p>'
        f'{_legend_html(v.support, opts.member_ties, v.freq)}{_off_map(case)}</div>'
        f"</div>"
    )
