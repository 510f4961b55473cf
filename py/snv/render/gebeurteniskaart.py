"""Gebeurteniskaart screen: toolbar, the life line (render/gebeurteniskaart_svg.py) in a container that
scrolls sideways, the legend, and the panel of the selected event (a side panel in landscape, a bottom
sheet in portrait; site/gebeurteniskaart.css) — from the case and a GebeurteniskaartView.

ui/gebeurteniskaart.py takes the actions; ui/gebeurteniskaart_dom.py keeps the sideways scroll
position over re-renders and gives the cards their keys (Enter, arrows).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from ..analysis import timeline as tl
from ..messages import t
from ..model.limits import MAX_NAME, MAX_TEXT
from . import icons
from .gebeurteniskaart_svg import (DEFAULT_ZOOM, GEVOELENS, KEY, ZOOM_SIZES, feeling_word, legend_items, line_svg,
                                   screen_window)
from .format import shown_name
from .html import attrs, button, esc, icon_html, segmented, text_field, textarea

NEW = "new"  # GebeurteniskaartView.sel while a new event waits for its title
KINDS = ("jaar", "leeftijd", "datum", "onbekend")
MAX_SUGGESTIONS = 12  # persons offered at once under *Wie waren erbij?* (more: search by name)

_I = icons._svg  # the shared icon helper
ICON_LINE = _I('<path d="M2 12h20"/><circle cx="7" cy="12" r="2"/><circle cx="16" cy="12" r="2"/>'
               '<path d="M7 10V5M16 14v5"/>')
ICON_ZOOM_IN = _I('<circle cx="11" cy="11" r="6.5"/><path d="m16 16 4.5 4.5M8 11h6M11 8v6"/>')
ICON_ZOOM_OUT = _I('<circle cx="11" cy="11" r="6.5"/><path d="m16 16 4.5 4.5M8 11h6"/>')
FACE_ICON = {
    "fijn": _I('<circle cx="12" cy="12" r="9"/><path d="M8 14.5c2.2 2.6 5.8 2.6 8 0"/>'
               '<path d="M9 9.5v.5M15 9.5v.5"/>'),
    "moeilijk": _I('<circle cx="12" cy="12" r="9"/><path d="M8 16.5c2.2-2.6 5.8-2.6 8 0"/>'
                   '<path d="M9 9.5v.5M15 9.5v.5"/>'),
    "allebei": _I('<circle cx="12" cy="12" r="9"/><path d="M7.5 15c1.5-1.6 3-1.6 4.5 0s3 1.6 4.5 0"/>'
                  '<path d="M9 9.5v.5M15 9.5v.5"/>'),
}
ICON_MAP = icons.PHASE["netwerkatlas"]


@dataclass
class GebeurteniskaartView:
    """The screen's state between renders (the defaults live here only)."""
    sel: Optional[str] = None  # the event in the panel, NEW, or None (no panel)
    kind: Optional[str] = None  # a chosen *Wanneer?* kind whose value is not typed yet (jaar/leeftijd/datum)
    zoom: int = DEFAULT_ZOOM  # index into gebeurteniskaart_svg.ZOOM_SIZES
    errors: dict[str, str] = field(default_factory=dict)  # field -> Dutch message under it
    who: str = ""  # the name filter under *Wie waren erbij?*
    scroll_x: Optional[float] = None  # sideways scroll of the line (kept by ui/gebeurteniskaart_dom.py)
    view_w: Optional[float] = None  # width of the line's box in css px (measured there)
    as_list: bool = False  # *Als lijst*: every event in words, in the same order


def selected_event(case, v: GebeurteniskaartView):
    """The event in the panel (None for no panel or a new one)."""
    if v.sel is None or v.sel == NEW:
        return None
    return next((g for g in case.gebeurtenissen if g.id == v.sel), None)


def panel_open(case, v: GebeurteniskaartView) -> bool:
    return v.sel == NEW or selected_event(case, v) is not None


# ----- parts -----

def _toolbar(v: GebeurteniskaartView) -> str:
    zoom = v.zoom
    parts = [
        button(t("gebeurteniskaart.tool.add"), f"{KEY}.add", icon=icons.PLUS, cls="btn btn-primary gk-tool",
               id="gk-add", aria_label=t("gebeurteniskaart.tool.add_aria")),
        '<span class="gk-zoom">'
        + button(t("gebeurteniskaart.tool.zoom_out"), f"{KEY}.zoom", icon=ICON_ZOOM_OUT, cls="btn gk-tool",
                 data={"step": "-1"}, disabled=zoom <= 0, id="gk-zoom-out")
        + button(t("gebeurteniskaart.tool.zoom_in"), f"{KEY}.zoom", icon=ICON_ZOOM_IN, cls="btn gk-tool",
                 data={"step": "1"}, disabled=zoom >= len(ZOOM_SIZES) - 1, id="gk-zoom-in")
        + "</span>",
        button(t("gebeurteniskaart.tool.list"), f"{KEY}.list", icon=icons.LIST, cls="btn gk-tool", id="gk-list-btn",
               pressed=v.as_list),
        button(t("gebeurteniskaart.tool.export"), f"{KEY}.export", icon=icons.EXPORT, cls="btn gk-tool",
               id="gk-export"),
        button(t("ui.print.instrument"), "app.print", icon=icons.PRINT, cls="btn", id=f"{KEY}-print",
               data={"instrument": KEY}),
    ]
    return (f'<div class="gk-toolbar" role="toolbar" aria-label="{esc(t("gebeurteniskaart.tool.label"))}">'
            + "".join(parts) + "</div>")


def _legend() -> str:
    items = "".join(f'<li><svg viewBox="0 0 28 28" width="28" height="28" aria-hidden="true" focusable="false">'
                    f'{face}</svg><span>{esc(word)}</span></li>' for face, word in legend_items())
    return (f'<ul class="gk-legend" aria-label="{esc(t("gebeurteniskaart.legend.title"))}">{items}'
            f'<li><span>{esc(t("gebeurteniskaart.legend.about"))}</span></li></ul>')


def list_html(case, v: GebeurteniskaartView) -> str:
    """*Als lijst*: the events in words, in life-line order, under the same year / group headings."""
    birth = case.klant.geboortejaar
    names = {p.id: shown_name(p.naam) for p in case.personen}
    parts, current = [], None
    for it in tl.ordered(case):
        if it.marker != current:
            if current is not None:
                parts.append("</ul></li>")
            current = it.marker
            parts.append(f'<li class="gk-list-group"><h3>{esc(it.marker)}</h3><ul>')
        ev = it.event
        when = "" if it.group == tl.GROUP_UNKNOWN else tl.moment_text(ev.wanneer, birth, short=False)
        who = ", ".join(names.get(pid, "?") for pid in ev.personen)
        bits = [b for b in (when, feeling_word(ev.gevoel).lower(),
                            t("gebeurteniskaart.export.with", namen=who) if who else "") if b]
        label = ev.titel.strip() or t("gebeurteniskaart.no_title")
        current_attr = ' aria-current="true"' if ev.id == v.sel else ""
        parts.append(f'<li><button type="button" class="gk-list-ev f-{ev.gevoel}" data-action="{KEY}.select" '
                     f'data-id="{esc(ev.id)}"{current_attr}>'
                     f'{icon_html(FACE_ICON[ev.gevoel])}<span><strong>{esc(label)}</strong> '
                     f'<span class="gk-list-bits">{esc(" · ".join(bits))}</span></span></button></li>')
    if current is not None:
        parts.append("</ul></li>")
    return (f'<section class="gk-listview" aria-labelledby="gk-list-title"><h2 id="gk-list-title">'
            f'{esc(t("gebeurteniskaart.tool.list"))}</h2><ol class="gk-list">{"".join(parts)}</ol></section>')


def _feelings(current: str) -> str:
    buttons = []
    for g in GEVOELENS:
        buttons.append(button(feeling_word(g), f"{KEY}.gevoel", icon=FACE_ICON[g], cls=f"seg gk-feel f-{g}",
                              data={"value": g}, pressed=current == g))
    return (f'<fieldset class="segmented gk-feelings" id="gk-gevoel"><legend>{esc(t("gebeurteniskaart.f.gevoel"))}'
            f'</legend><div class="seg-row">{"".join(buttons)}</div></fieldset>')


def _when(case, ev, v: GebeurteniskaartView) -> str:
    moment = ev.wanneer
    kind = v.kind or tl.moment_kind(moment)
    seg = segmented(t("gebeurteniskaart.f.wanneer"), [(k, t(f"gebeurteniskaart.kind.{k}")) for k in KINDS], kind,
                    f"{KEY}.kind", cls="seg-wrap", group_id="gk-wanneer")
    birth = case.klant.geboortejaar
    errors = v.errors
    field_html = ""
    same = tl.moment_kind(moment) == kind
    if kind == "jaar":
        value = str(moment.jaar) if same and moment is not None else ""
        field_html = text_field(t("gebeurteniskaart.f.jaar"), id="gk-jaar", value=value, action=f"{KEY}.jaar",
                                inputmode="numeric", maxlength=4, error=errors.get("jaar", ""), autofocus=not value)
    elif kind == "leeftijd":
        value = str(moment.leeftijd) if same and moment is not None else ""
        if birth is None:
            hint = t("gebeurteniskaart.f.leeftijd_no_birth")
        elif value:
            hint = t("gebeurteniskaart.f.leeftijd_year", jaar=birth + int(value))
        else:
            hint = ""
        field_html = text_field(t("gebeurteniskaart.f.leeftijd"), id="gk-leeftijd", value=value,
                                action=f"{KEY}.leeftijd", inputmode="numeric", maxlength=3, hint=hint,
                                error=errors.get("leeftijd", ""), autofocus=not value)
    elif kind == "datum":
        value = moment.datum.isoformat() if same and moment is not None and moment.datum else ""
        field_html = text_field(t("gebeurteniskaart.f.datum"), id="gk-datum", value=value, action=f"{KEY}.datum",
                                kind="date", error=errors.get("datum", ""), autofocus=not value)
    about = ""
    if kind != "onbekend":
        on = bool(moment is not None and same and moment.ongeveer)
        about = ('<div class="gk-about">'
                 + button(t("gebeurteniskaart.f.ongeveer"), f"{KEY}.ongeveer", cls="btn gk-toggle", pressed=on,
                          id="gk-ongeveer", disabled=moment is None or not same)
                 + f'<p class="hint">{esc(t("gebeurteniskaart.f.ongeveer_hint"))}</p></div>')
    return seg + field_html + about


def _who(case, ev, v: GebeurteniskaartView, show: str = "") -> str:
    chosen = [pid for pid in ev.personen]
    people = {p.id: p for p in case.personen}
    chips = []
    for pid in chosen:
        p = people.get(pid)
        if p is None:
            continue
        naam = shown_name(p.naam)
        chips.append(f'<li>{button(naam, f"{KEY}.person", icon=icons.CHECK, cls="btn gk-chip is-on", pressed=True, data={"pid": pid}, aria_label=t("gebeurteniskaart.f.remove_person", naam=naam))}</li>')
    chosen_html = (f'<ul class="gk-chips" aria-label="{esc(t("gebeurteniskaart.f.wie_chosen"))}">{"".join(chips)}</ul>'
                   if chips else f'<p class="empty-small">{esc(t("gebeurteniskaart.f.wie_none"))}</p>')
    query = v.who.strip().casefold()
    chosen_set = set(chosen)
    rank = {"heel_dichtbij": 0, "dichtbij": 1, "verder_weg": 2}
    others = [p for p in case.personen
              if p.id != case.klant_id and p.id not in chosen_set and p.naam.strip()
              and (not query or query in p.naam.casefold() or query in p.rol.casefold())]
    others.sort(key=lambda p: (rank.get(p.nabijheid or "", 3), p.naam.casefold(), p.id))
    shown = others[:MAX_SUGGESTIONS]
    offer = "".join(f'<li>{button(p.naam, f"{KEY}.person", icon=icons.PLUS, cls="btn gk-chip", pressed=False, data={"pid": p.id})}</li>'
                    for p in shown)
    more = ""
    if len(others) > len(shown):
        more = f'<p class="hint">{esc(t("gebeurteniskaart.f.wie_more", count=len(others) - len(shown)))}</p>'
    elif not others and query:
        more = f'<p class="hint">{esc(t("gebeurteniskaart.f.wie_nobody"))}</p>'
    search = text_field(t("gebeurteniskaart.f.wie_filter"), id="gk-who", value=v.who, kind="search",
                        live=f"{KEY}.who", action=f"{KEY}.who", maxlength=MAX_NAME)
    add = (f'<form class="add-row gk-newperson" novalidate data-action="{KEY}.new_person">'
           f'<div class="field"><label for="gk-newperson">{esc(t("gebeurteniskaart.f.wie_new"))}</label>'
           f'<input type="text" id="gk-newperson" name="naam" maxlength="{MAX_NAME}" autocomplete="off"></div>'
           f'{button(t("gebeurteniskaart.f.wie_add"), None, icon=icons.PLUS, cls="btn", kind="submit")}</form>')
    offer_html = (f'<p class="gk-sub">{esc(t("gebeurteniskaart.f.wie_pick"))}</p>'
                  f'<ul class="gk-chips gk-offer">{offer}</ul>' if offer else "")
    return chosen_html + show + search + offer_html + more + add


def _section(title: str, body: str, cls: str = "") -> str:
    return f'<section class="sheet-section {cls}"><h3>{esc(title)}</h3>{body}</section>'


def _panel(case, v: GebeurteniskaartView) -> str:
    ev = selected_event(case, v)
    close = button(t("gebeurteniskaart.panel.close"), f"{KEY}.close", icon=icons.CLOSE, cls="btn btn-tool gk-close",
                   id="gk-close")
    title_error = v.errors.get("titel", "")
    if ev is None:  # a new event: nothing exists until its title is typed
        head = t("gebeurteniskaart.panel.new")
        body = (text_field(t("gebeurteniskaart.f.titel"), id="gk-titel", value="", action=f"{KEY}.titel",
                           maxlength=MAX_NAME, autofocus=True, error=title_error,
                           hint=t("gebeurteniskaart.f.titel_hint"))
                + f'<p class="hint hint-box">{icon_html(icons.INFO)}{esc(t("gebeurteniskaart.f.new_hint"))}</p>')
        foot = ""
    else:
        head = ev.titel
        show = (button(t("gebeurteniskaart.show"), f"{KEY}.show", icon=ICON_MAP, cls="btn", id="gk-show")
                if ev.personen else f'<p class="hint">{esc(t("gebeurteniskaart.show_none"))}</p>')
        body = "".join([
            # the same structure as for a new event (with its hint): the field typed in is kept as it is
            # when the event has just been made (ui/browser.py patches around the focused field)
            text_field(t("gebeurteniskaart.f.titel"), id="gk-titel", value=ev.titel, action=f"{KEY}.titel",
                       maxlength=MAX_NAME, error=title_error, hint=t("gebeurteniskaart.f.titel_hint")),
            textarea(t("gebeurteniskaart.f.verhaal"), id="gk-verhaal", value=ev.verhaal, action=f"{KEY}.verhaal",
                     rows=3, maxlength=MAX_TEXT),
            _section(t("gebeurteniskaart.f.wanneer"), _when(case, ev, v), "gk-when"),
            _section(t("gebeurteniskaart.f.gevoel"), _feelings(ev.gevoel), "gk-feel-section"),
            _section(t("gebeurteniskaart.f.wie"), _who(case, ev, v, show), "gk-who"),
            '<section class="sheet-section sheet-danger">'
            + button(t("gebeurteniskaart.delete"), f"{KEY}.remove", icon=icons.TRASH, cls="btn btn-danger-quiet",
                     id="gk-remove") + "</section>",
        ])
        foot = button(t("gebeurteniskaart.panel.done"), f"{KEY}.close", icon=icons.CHECK, cls="btn btn-primary",
                      id="gk-done")
    return (f'<aside class="gk-panel" id="gk-panel" role="region" aria-labelledby="gk-panel-title">'
            f'<div class="gk-panel-head"><h2 id="gk-panel-title" tabindex="-1">{esc(head)}</h2>{close}</div>'
            f'<div class="gk-panel-body">{body}</div>'
            + (f'<div class="gk-panel-foot">{foot}</div>' if foot else "") + "</aside>")


def line_of(case, v: GebeurteniskaartView) -> str:
    """The life line as the screen shows it now: the part near the scroll position, the selection."""
    sel = v.sel if v.sel != NEW and selected_event(case, v) is not None else None
    return line_svg(case, zoom=v.zoom, selected=sel, window=screen_window(v.scroll_x, v.view_w))


def render(case, v: GebeurteniskaartView) -> str:
    """The whole screen."""
    has_panel = panel_open(case, v)
    empty = "" if case.gebeurtenissen else f'<p class="gk-empty">{esc(t("gebeurteniskaart.empty"))}</p>'
    scroll = attrs(cls="gk-scroll", id="gk-scroll", data_zoom=str(v.zoom))
    return (
        f'<div class="screen screen-{KEY} gk{" has-panel" if has_panel else ""}">'
        f'<div class="gk-head"><h1 id="screen-title">{esc(t("gebeurteniskaart.title"))}</h1>'
        f'<p class="gk-b1">{esc(t("gebeurteniskaart.b1"))}</p></div>'
        f'{_toolbar(v)}'
        f'<div class="gk-main"><div{scroll}>{line_of(case, v)}</div>{empty}'
        f'<p class="gk-hint hint">{esc(t("gebeurteniskaart.hint"))}</p>{_legend()}'
        f'{list_html(case, v) if v.as_list and case.gebeurtenissen else ""}</div>'
        f'{_panel(case, v) if has_panel else ""}'
        f"</div>"
    )
