"""Voorbereiden screen (issue #11 item 1): who the client invites, with the relatiekaart as the picker
and a list alternative; date, hour and place; *Afspraken die vastliggen*; the invitation (letter and
message text).

The map is the relatiekaart's own drawing (relatiekaart_svg.draw_map, not interactive) with a layer of
tap targets on top: one button per person on the map (data-action="voorbereiden.toggle"), invitees
ringed with a badge. Keyboard and screen reader users have the same choices in the list below it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Optional

from ..analysis import layout as L
from ..messages import on_change, t
from ..model import SECTORS
from ..model.ops import UITNODIGING_STATUSES
from . import icons
from .format import shown_name
from .html import button, esc, icon_html, segmented, text_field
from .relatiekaart_svg import ACCENT, FONT, MapOptions, draw_map
from .svg import SVG_NS, num
from .uitnodiging_svg import invitation_text

KEY = "voorbereiden"
ICON = icons._svg('<path d="M3 6h18v12H3z"/><path d="m3 7 9 6 9-6"/>')  # an envelope
KADERS = ("curatele", "bewind", "mentorschap", "jeugdbescherming", "reclassering", "anders")
PICK_R = L.TAP_R  # the tap target around a marker: 44 css px at the map's readable size (it never shrinks below)


@dataclass
class VoorbereidenView:
    """The screen's state between renders: the choices of the piketpaaltje being added."""
    piket_who: Optional[str] = None  # the professional who sets it
    piket_kader: str = "anders"
    add_open: bool = False  # the list of everyone not invited yet is shown (built only then: it is long)
    tab: str = "wie"  # one thing at a time (TABS): who, when and where, what is fixed, the invitation
    shown: int = 0  # guest-list rows shown beyond the first LIST_PAGE (*Meer tonen*)
    add_shown: int = 0  # rows of the list of others shown beyond the first LIST_PAGE (its own *Meer tonen*)


TABS = ("wie", "wanneer", "vast", "uitnodiging")
LIST_PAGE = 40  # guest-list rows per *Meer tonen*: a long list would slow every tap on the map


# Finished HTML reused while its inputs are the same objects: cases are frozen and edits share the
# parts they do not change (model/ops.py), so a status change or a view toggle rebuilds only what
# changed. [inputs, html] per piece; the map by its input lists, a guest-list row by (person, status).
_PICKER: list = [None, ""]
_BASE: list = [None, "", {}]  # the map drawing itself: it does not change with the guest list
_ROWS: dict[str, tuple] = {}


@on_change
def _forget() -> None:
    """Kept pieces hold words: none of them survives a language switch."""
    _PICKER[:] = [None, ""]
    _BASE[:] = [None, "", {}]
    _ROWS.clear()


_ROWS_MAX = 5000


def status_word(status: str) -> str:
    return t(f"{KEY}.status.{status}")


def invitations(case) -> dict[str, str]:
    """{person id: status} of everyone on the guest list."""
    return {u.persoon: u.status for u in case.bijeenkomst.uitnodigingen}


def empty_sectors(case) -> list[str]:
    """Sectors with nobody invited yet, in map order: each gets a hint to widen the circle."""
    invited = invitations(case)
    covered = {p.sector for p in case.personen if p.id in invited and p.sector}
    return [s for s in SECTORS if s not in covered]


# ----- the map picker -----

def picker_svg(case) -> str:
    """The relatiekaart with a tap target on every person; invitees have a ring and a badge."""
    key = (case.personen, case.banden, case.steun, case.bijeenkomst.uitnodigingen, case.klant_id)
    last = _PICKER[0]
    if last is not None and len(last) == len(key) and all(a is b for a, b in zip(last, key)):
        return _PICKER[1]
    html = _picker_svg(case)
    _PICKER[:] = [key, html]
    return html


def _picker_svg(case) -> str:
    invited = invitations(case)
    size = L.MAP_SIZE
    out = [f'<svg xmlns="{SVG_NS}" class="vb-map" viewBox="0 0 {size} {size}" role="img" '
           f'aria-label="{esc(t(f"{KEY}.pick.aria", naam=case.klant.naam))}" font-family="{FONT}">']
    base_key = (case.personen, case.banden, case.steun, case.klant_id)
    last = _BASE[0]
    if last is None or not all(a is b for a, b in zip(last, base_key)):
        drawing: list[str] = []
        placed_now = draw_map(drawing, case, MapOptions(interactive=False, empty_hints=False))
        _BASE[:] = [base_key, "".join(drawing), placed_now]
    out.append(_BASE[1])
    placed = _BASE[2]
    # tap targets for fingers and the mouse; keyboard and screen reader users choose in the list
    out.append('<g class="vb-picks" aria-hidden="true" fill="#FFFFFF">')
    for pid, pl in placed.items():
        status = invited.get(pid)
        hit = num(PICK_R * pl.scale)
        ring = ""
        if status:  # a ring and a small check badge at the marker's upper right (clear of the labels)
            r = L.MARKER_R * pl.scale + 6
            bx, by = r * 0.72, -r * 0.72
            ring = (f'<circle class="vb-ring" r="{num(r)}" fill="none" stroke="{ACCENT}" stroke-width="5"/>'
                    f'<g class="vb-badge" transform="translate({num(bx)} {num(by)})">'
                    f'<circle r="10" fill="{ACCENT}" stroke="#FFFFFF" stroke-width="2"/>'
                    f'<path d="M-4.5 0.5 -1.5 3.5 4.5 -3" fill="none" stroke="#FFFFFF" stroke-width="2.5" '
                    f'stroke-linecap="round" stroke-linejoin="round"/></g>')
        out.append(f'<g class="vb-pick{" is-in" if status else ""}" data-action="{KEY}.toggle" data-pid="{esc(pid)}" '
                   f'data-from="map" transform="translate({num(pl.x)} {num(pl.y)})">{ring}'
                   f'<circle class="vb-hit" r="{hit}" fill-opacity="0"/></g>')
    out.append("</g></svg>")
    return "".join(out)


# ----- the list alternative -----

def _more(count: int, limit: int, verb: str) -> str:
    """*Meer tonen* under a list that shows `limit` of its `count` rows (nothing when all are shown)."""
    if count <= limit:
        return ""
    return button(t("ui.personen.more", count=count - limit), f"{KEY}.{verb}", icon=icons.PLUS, cls="btn btn-more",
                  id=f"vb-{verb.replace('_', '-')}")


def _invitee_rows(case, v: VoorbereidenView) -> str:
    people = {p.id: p for p in case.personen}
    rows = []
    everyone = case.bijeenkomst.uitnodigingen
    limit = LIST_PAGE + max(0, v.shown)
    for u in everyone[:limit]:
        p = people[u.persoon]
        hit = _ROWS.get(p.id)
        if hit is not None and hit[0] is p and hit[1] == u.status:
            rows.append(hit[2])
            continue
        naam = shown_name(p.naam)
        chips = "".join(
            f'<button type="button" class="seg" data-action="{KEY}.status" data-pid="{esc(p.id)}" data-value="{s}" '
            f'aria-pressed="{"true" if s == u.status else "false"}">{esc(status_word(s))}</button>'
            for s in UITNODIGING_STATUSES)
        role = f'<span class="vb-role">{esc(p.rol)}</span>' if p.rol else ""
        kind = " is-pro" if p.professioneel else ""
        rows.append(
            f'<li class="vb-invitee sec-{p.sector or "geen"}{kind}" data-pid="{esc(p.id)}">'
            f'<div class="vb-who"><span class="vb-naming"><span class="vb-name">{esc(naam)}</span>{role}</span>'
            + button(t(f"{KEY}.list.remove"), f"{KEY}.toggle", icon=icons.CLOSE, cls="btn btn-small vb-remove",
                     data={"pid": p.id}, aria_label=t(f"{KEY}.list.remove_aria", naam=naam))
            + f'</div><div class="vb-status" role="group" aria-label="{esc(t(f"{KEY}.list.status", naam=naam))}">'
              f'{chips}</div></li>')
        _ROWS[p.id] = (p, u.status, rows[-1])
    if len(_ROWS) > _ROWS_MAX:
        _ROWS.clear()
    count = len(everyone)
    more = _more(count, limit, "more")
    head = (f'<p class="vb-count">{esc(t(f"{KEY}.list.count_one") if count == 1 else t(f"{KEY}.list.count", count=count))}</p>'
            if count else f'<p class="empty-small">{esc(t(f"{KEY}.list.none"))}</p>')
    return head + (f'<ul class="vb-invitees">{"".join(rows)}</ul>{more}' if rows else "")


def _add_list(case, v: VoorbereidenView) -> str:
    """Everyone not invited yet, by sector: the keyboard path to invite someone (and for people who
    are in the list but not on the map). Built only when opened: with hundreds of people it is long."""
    invited = invitations(case)
    rest = [p for p in case.personen if p.id != case.klant_id and p.id not in invited and p.naam.strip()]
    if not rest:
        return ""
    toggle = button(t(f"{KEY}.list.add_title"), f"{KEY}.add_open", icon=icons.CLOSE if v.add_open else icons.PLUS,
                    cls="btn vb-more-btn", pressed=v.add_open, id="vb-add-open",
                    extra=' aria-expanded="true" aria-controls="vb-addlists"' if v.add_open
                    else ' aria-expanded="false"')
    if not v.add_open:
        return f'<div class="vb-more">{toggle}</div>'

    # by sector, each sorted by name; a page at a time, like the guest list (hundreds of buttons would
    # make every tap on this screen slow)
    ordered = [(sector, p) for sector in (*SECTORS, None)
               for p in sorted((p for p in rest if p.sector == sector), key=lambda p: p.naam.casefold())]
    limit = LIST_PAGE + max(0, v.add_shown)
    groups = []
    for sector in (*SECTORS, None):
        here = [p for s, p in ordered[:limit] if s == sector]
        if not here:
            continue
        title = t(f"label.sector.{sector}") if sector else t("map.off_map")
        lis = "".join(f'<li>{button(p.naam, f"{KEY}.toggle", icon=icons.PLUS, cls="btn btn-small vb-add", data={"pid": p.id}, aria_label=t(f"{KEY}.list.add_aria", naam=p.naam))}</li>'
                      for p in here)
        groups.append(f'<h4>{esc(title)}</h4><ul class="vb-addlist">{lis}</ul>')
    groups.append(_more(len(ordered), limit, "add_more"))
    return f'<div class="vb-more">{toggle}<div id="vb-addlists">{"".join(groups)}</div></div>'



def _widen(case) -> str:
    sectors = empty_sectors(case)
    if not sectors:
        return ""
    lis = "".join(f'<li class="sec-{s}">{icon_html(icons.SECTOR[s])}<span><strong>{esc(t(f"label.sector.{s}"))}</strong>: '
                  f'{esc(t(f"{KEY}.widen.{s}"))}</span></li>' for s in sectors)
    return (f'<section class="vb-widen" aria-labelledby="vb-widen-title"><h3 id="vb-widen-title">'
            f'{esc(t(f"{KEY}.widen.title"))}</h3><p class="hint">{esc(t(f"{KEY}.widen.b1"))}</p>'
            f'<ul>{lis}</ul></section>')


# ----- when and where -----

def _when(case) -> str:
    bk = case.bijeenkomst
    return (f'<section class="card vb-card" aria-labelledby="vb-when-title"><h2 id="vb-when-title">'
            f'{esc(t(f"{KEY}.when.title"))}</h2><div class="vb-when">'
            + text_field(t(f"{KEY}.when.datum"), id="vb-datum", kind="date",
                         value=bk.datum.isoformat() if bk.datum else "", action=f"{KEY}.when", data={"field": "datum"})
            + text_field(t(f"{KEY}.when.tijd"), id="vb-tijd", kind="time",
                         value=bk.tijd.strftime("%H:%M") if bk.tijd else "", action=f"{KEY}.when", data={"field": "tijd"})
            + "</div>"
            + text_field(t(f"{KEY}.when.plaats"), id="vb-plaats", value=bk.plaats, action=f"{KEY}.when",
                         data={"field": "plaats"}, hint=t(f"{KEY}.when.plaats_hint"), maxlength=120)
            + "</section>")


# ----- piketpaaltjes -----

def kader_word(kader: str) -> str:
    return t(f"{KEY}.kader.{kader}")


def _piket(case, v: VoorbereidenView) -> str:
    people = {p.id: p for p in case.personen}
    items = []
    for k in case.bijeenkomst.piketpaaltjes:
        who = people[k.gesteld_door].naam
        items.append(
            f'<li class="vb-piket" data-kid="{esc(k.id)}">'
            f'<p class="vb-piket-by">{icon_html(icons.LOCK)}{esc(t(f"{KEY}.piket.by", naam=who, kader=kader_word(k.kader)))}</p>'
            f'<div class="field"><label for="vb-piket-{esc(k.id)}" class="visually-hidden">{esc(t(f"{KEY}.piket.tekst_edit"))}</label>'
            f'<textarea id="vb-piket-{esc(k.id)}" rows="2" maxlength="2000" data-action="{KEY}.piket_text" '
            f'data-kid="{esc(k.id)}">{esc(k.tekst)}</textarea></div>'
            + button(t(f"{KEY}.piket.remove"), f"{KEY}.piket_remove", icon=icons.TRASH, cls="btn btn-small btn-danger-quiet",
                     data={"kid": k.id}, aria_label=t(f"{KEY}.piket.remove_aria", naam=who))
            + "</li>")
    listing = (f'<ul class="vb-pikets">{"".join(items)}</ul>' if items
               else f'<p class="empty-small">{esc(t(f"{KEY}.piket.none"))}</p>')
    pros = [p for p in case.personen if p.professioneel and p.naam.strip()]
    if not pros:
        form = f'<p class="hint">{esc(t(f"{KEY}.piket.no_pros"))}</p>'
    else:
        who = v.piket_who if v.piket_who in {p.id for p in pros} else None
        form = (f'<form class="vb-piket-form" novalidate data-action="{KEY}.piket_add" autocomplete="off">'
                + segmented(t(f"{KEY}.piket.who"), [(p.id, p.naam) for p in pros], who, f"{KEY}.piket_who",
                            hint=t(f"{KEY}.piket.who_hint"), cls="seg-wrap")
                + segmented(t(f"{KEY}.piket.kader"), [(k, kader_word(k)) for k in KADERS], v.piket_kader,
                            f"{KEY}.piket_kader", cls="seg-wrap")
                + f'<div class="field"><label for="vb-piket-new">{esc(t(f"{KEY}.piket.tekst"))}</label>'
                  f'<textarea id="vb-piket-new" name="tekst" rows="2" maxlength="2000"></textarea></div>'
                + button(t(f"{KEY}.piket.add"), None, icon=icons.PLUS, cls="btn", kind="submit", id="vb-piket-add")
                + "</form>")
    return (f'<section class="card vb-card vb-piket-card" aria-labelledby="vb-piket-title"><h2 id="vb-piket-title">'
            f'{icon_html(icons.LOCK)}{esc(t(f"{KEY}.piket.title"))}</h2>'
            f'<p class="vb-b1">{esc(t(f"{KEY}.piket.b1"))}</p>{listing}{form}</section>')


# ----- the invitation -----

def _invitation(case) -> str:
    text = invitation_text(case)
    rows = text.count("\n") + 2
    return (f'<section class="card vb-card" aria-labelledby="vb-inv-title"><h2 id="vb-inv-title">{icon_html(ICON)}'
            f'{esc(t(f"{KEY}.inv.title"))}</h2><p class="vb-b1">{esc(t(f"{KEY}.inv.b1"))}</p>'
            f'<div class="field"><label for="vb-inv-text">{esc(t(f"{KEY}.inv.text_label"))}</label>'
            f'<textarea id="vb-inv-text" class="vb-inv-text" rows="{rows}" readonly>{esc(text)}</textarea></div>'
            f'<div class="vb-inv-actions">'
            + button(t(f"{KEY}.inv.copy"), None, icon=icons.SAVE, cls="btn btn-primary", id="vb-copy")
            + button(t("ui.print.instrument"), "app.print", icon=icons.PRINT, cls="btn", id="uitnodiging-print",
                     data={"instrument": "uitnodiging"})
            + '<p class="visually-hidden" id="vb-copy-status" role="status" aria-live="polite"></p>'
            + "</div></section>")


def _tabs(v: VoorbereidenView) -> str:
    """The four parts of preparing, one on screen at a time (segmented buttons, not a dropdown)."""
    btns = "".join(button(t(f"{KEY}.tab.{k}"), f"{KEY}.tab", cls="seg vb-tab", data={"value": k}, pressed=v.tab == k,
                          id=f"vb-tab-{k}") for k in TABS)
    return f'<div class="vb-tabs seg-row" role="group" aria-label="{esc(t(f"{KEY}.tab.label"))}">{btns}</div>'


def render(case, v: VoorbereidenView, *, today: Optional[dt.date] = None) -> str:
    tab = v.tab if v.tab in TABS else "wie"
    if tab == "wie":
        on_map = any(L.on_map(p, case.klant_id) for p in case.personen)
        # as wide as the map's names need (14 px, like the relatiekaart); wider than the card, it pans
        read = L.readable_width(L.text_scale(L.cached_layout_map(case, case.klant_id)))
        picker = (f'<div class="vb-stage" id="vb-stage" style="--vb-read:{read:.0f}px" tabindex="0" role="region" '
                  # it pans when wider than the card: a keyboard can scroll it too (WCAG 2.1.1)
                  f'aria-labelledby="vb-pick-title"><div class="vb-inner">'
                  f'{picker_svg(case)}</div></div>' if on_map
                  else f'<p class="empty-small">{esc(t(f"{KEY}.no_people"))}</p>')
        body = (f'<div class="vb-grid">'
                f'<section class="card vb-card vb-pick-card" aria-labelledby="vb-pick-title"><h2 id="vb-pick-title">'
                f'{esc(t(f"{KEY}.pick.title"))}</h2><p class="vb-b1">{esc(t(f"{KEY}.pick.hint"))}</p>'
                f'{picker}{_widen(case)}</section>'
                f'<section class="card vb-card vb-list-card" aria-labelledby="vb-list-title"><h2 id="vb-list-title">'
                f'{esc(t(f"{KEY}.list.title"))}</h2>{_invitee_rows(case, v)}{_add_list(case, v)}</section></div>')
    elif tab == "wanneer":
        body = _when(case)
    elif tab == "vast":
        body = _piket(case, v)
    else:
        body = _invitation(case)
    return (
        f'<div class="screen screen-{KEY} vb vb-tab-{tab}">'
        f'<div class="screen-head"><h1 id="screen-title">{esc(t(f"{KEY}.title"))}</h1>'
        f'<p class="screen-sub">{esc(t(f"{KEY}.b1"))}</p></div>'
        f'{_tabs(v)}<div class="vb-part">{body}</div></div>'
    )
