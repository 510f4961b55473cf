"""Personen: one list of everybody in the network except the client (UX.md §3).

Search by name or role, one filter at a time (a sector, Hulpverleners, Nog niet op de kaart),
grouped by sector with sticky headers, *Meer tonen* after PAGE rows.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Optional

from ..messages import t
from ..model import NABIJHEDEN, SECTORS, Case, Persoon
from . import icons
from .format import shown_name
from .html import button, esc, icon_html, marker

PAGE = 100
FILTERS = ("alle", *SECTORS, "hulpverleners", "niet_op_kaart")


@dataclass
class PersonenView:
    """What the list shows; ui/personen.py changes it, render() reads it."""
    query: str = ""  # the search text
    filter: str = "alle"  # one of FILTERS
    limit: int = PAGE  # rows shown; *Meer tonen* adds PAGE


def _fold(text: str) -> str:
    """Lower case without accents, so "rene" finds "René"."""
    norm = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in norm if not unicodedata.combining(c))


def matches(p: Persoon, query: str, flt: str) -> bool:
    if flt in SECTORS and p.sector != flt:
        return False
    if flt == "hulpverleners" and not p.professioneel:
        return False
    if flt == "niet_op_kaart" and p.op_kaart:
        return False
    if query:
        q = _fold(query.strip())
        return q in _fold(p.naam) or q in _fold(p.rol)
    return True


def _ring_order(p: Persoon) -> int:
    return NABIJHEDEN.index(p.nabijheid) if p.nabijheid in NABIJHEDEN else len(NABIJHEDEN)


def filter_label(flt: str) -> str:
    if flt in SECTORS:
        return t(f"label.sector.{flt}")
    return t(f"ui.personen.filter_{flt}")


def render(case: Case, view: PersonenView) -> str:
    query, flt, limit = view.query, view.filter, view.limit
    others = [p for p in case.personen if p.id != case.klant_id]
    add = "" if not others else button(t("ui.personen.add"), "personen.add", icon=icons.PLUS, cls="btn btn-primary",
                                       id="personen-add")
    head = (f'<div class="screen-head"><h1 id="screen-title">{esc(t("ui.screen.personen"))}</h1>'
            f'<p class="screen-sub">{esc(t("ui.personen.count_one" if len(others) == 1 else "ui.personen.count_many", count=len(others)))}</p>'
            f'{add}</div>')
    if not others:
        empty = (f'<div class="empty-state">{icon_html(icons.PEOPLE)}<p>{esc(t("ui.personen.empty"))}</p>'
                 f'{button(t("ui.personen.add_first"), "personen.add", icon=icons.PLUS, cls="btn btn-primary", id="personen-add-first")}</div>')
        return f'<div class="screen screen-personen">{head}{empty}</div>'

    if flt not in FILTERS:
        flt = "alle"
    search = (f'<div class="search"><label for="personen-zoek">{esc(t("ui.personen.search"))}</label>'
              f'<div class="search-box">{icon_html(icons.SEARCH)}'
              f'<input type="search" id="personen-zoek" value="{esc(query)}" data-action="personen.search" data-live="personen.search"'
              f' autocomplete="off" spellcheck="false"></div></div>')
    chips = []
    for f in FILTERS:
        cls = f"btn filter-chip{' sec-' + f if f in SECTORS else ''}"
        chips.append(button(filter_label(f), "personen.filter", cls=cls, data={"filter": f}, pressed=(f == flt),
                            icon=icons.SECTOR.get(f, ""), id=f"filter-{f}"))
    filters = (f'<div class="filters" role="group" aria-label="{esc(t("ui.personen.filters"))}">{"".join(chips)}</div>')

    shown = [p for p in others if matches(p, query, flt)]
    groups: dict[Optional[str], list[Persoon]] = {}
    for p in shown:
        groups.setdefault(p.sector, []).append(p)
    body: list[str] = []
    rows = 0
    for sector in (*SECTORS, None):
        members = sorted(groups.get(sector, []), key=lambda p: (_ring_order(p), _fold(p.naam)))
        if not members or rows >= limit:
            continue
        label = t(f"label.sector.{sector}") if sector else t("ui.personen.no_sector")
        body.append(f'<section class="group sec-{sector or "geen"}" aria-labelledby="group-{sector or "geen"}">'
                    f'<h2 class="group-head" id="group-{sector or "geen"}">{icon_html(icons.SECTOR.get(sector or "", ""))}'
                    f'<span>{esc(label)}</span><span class="group-count">{len(members)}</span></h2><ul class="person-list">')
        for p in members:
            if rows >= limit:
                break
            body.append(_row(case, p))
            rows += 1
        body.append("</ul></section>")
    more = ""
    if len(shown) > rows:
        more = button(t("ui.personen.more", count=len(shown) - rows), "personen.more", cls="btn btn-more", id="personen-more")
    if not shown:
        what = query.strip() or filter_label(flt)
        body.append(f'<p class="empty-small" id="personen-none">{esc(t("ui.personen.none_found", what=what))}</p>')
    status = t("ui.personen.shown", count=len(shown)) if (query or flt != "alle") else ""
    return (f'<div class="screen screen-personen">{head}<div class="list-tools">{search}{filters}</div>'
            f'<p class="visually-hidden" role="status">{esc(status)}</p>'
            f'<div class="groups">{"".join(body)}</div>{more}</div>')


def _row(case: Case, p: Persoon) -> str:
    quality = case.klant_lijn(p.id)
    meta = []
    if p.sector:
        meta.append(f'<span class="chip-sector sec-{p.sector}">{icon_html(icons.SECTOR[p.sector])}'
                    f'{esc(t(f"label.sector.{p.sector}"))}</span>')
    ring = t(f"label.nabijheid.{p.nabijheid}") if p.nabijheid else t("label.nabijheid.none")
    meta.append(f'<span class="pr-ring">{esc(ring)}</span>')
    if quality:
        meta.append(f'<span class="pr-line line-{quality}">{esc(t("ui.personen.line", kwaliteit=t(f"label.kwaliteit.{quality}")))}</span>')
    if p.professioneel:
        meta.append(f'<span class="pr-tag">{esc(t("ui.personen.professional"))}</span>')
    if p.soort == "huisdier":
        meta.append(f'<span class="pr-tag">{esc(t("label.soort.huisdier"))}</span>')
    # a nameless placeholder (an unknown parent on the familiekaart) shows "?", as it does there
    name = esc(shown_name(p.naam)) + (f' <span class="pr-dead">{esc(t("ui.personen.deceased"))}</span>' if p.overleden else "")
    rol = f'<span class="pr-rol">{esc(p.rol)}</span>' if p.rol else ""
    return (f'<li><button type="button" class="person-row{" is-overleden" if p.overleden else ""}" data-action="personen.open"'
            f' data-pid="{esc(p.id)}" id="row-{esc(p.id)}">'
            f'{marker(p.naam, sector=p.sector, professioneel=p.professioneel, soort=p.soort, overleden=p.overleden)}'
            f'<span class="pr-main"><span class="pr-name">{name}</span>{rol}</span>'
            f'<span class="pr-meta">{"".join(meta)}</span></button></li>')
