"""Contactschema screen: a table with one row per person the client has contact with (UX.md §3).

Columns: Wie? · Hoe vaak? · Hoe? · Wat doen jullie samen? · Hoe vind je het? · Wil je meer of minder
contact? · (optional) Welke dagen?. A tap on a column header sorts by it (again: reversed; aria-sort
says which). A tap on a cell opens the row's editor under it: segmented buttons for every field, a text
field for *Wat doen jullie samen?*. On a phone (≤ 40 rem) the rows become cards with the column names
written in them, and a row of sort buttons replaces the headers.

The order of rows, the sort keys, words and icons are shared with the SVG export
(render/contactschema_svg.py). ui/contactschema.py takes the actions and changes ContactschemaView.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..analysis.figures import contact_sentences
from ..messages import on_change, t
from ..model.case import FREQUENTIES
from ..model.limits import MAX_TEXT
from . import icons
from .contactschema_svg import (COLUMNS, DAYS, FACE_ICON, FEELINGS, KEY, WAY_ICON, WAYS, WISH_ICON, WISHES,
                                day_word, feel_word, freq_icon, freq_word, sorted_rows, way_word, wish_word)
from .html import button, esc, icon_html, marker

ICON = icons._svg(WAY_ICON["telefoon"])  # bottom bar and Start tile
ICON_DAYS = icons._svg('<rect x="3.5" y="5" width="17" height="15" rx="1.5"/><path d="M3.5 10h17M8 3v4M16 3v4"/>'
                       '<path d="M7 14h2M11 14h2M15 14h2M7 17h2"/>')
ICON_EDIT = icons._svg('<path d="M4 20h4L19 9l-4-4L4 16z"/><path d="m13.5 6.5 4 4"/>')
PICK_MAX = 40  # persons listed in the chooser at once; the search finds the rest
ROWS_STEP = 60  # rows shown at first and added by *Toon meer* (sorting always sorts them all)


@dataclass
class ContactschemaView:
    """The screen's state between renders (the defaults live here only)."""
    sort: Optional[str] = None  # one of COLUMNS; None = the order the rows were added in
    desc: bool = False  # reversed (second tap on the same header)
    days: bool = False  # *Weekdagen tonen*: the week column and the day buttons
    open: Optional[str] = None  # person id whose row editor is open
    adding: bool = False  # the chooser "Met wie heb je contact?" is open
    find: str = ""  # search text in the chooser
    fig: Optional[str] = None  # key of the figure sentence whose people are highlighted
    shown: int = ROWS_STEP  # rows shown; *Toon meer* adds ROWS_STEP


def columns(v: ContactschemaView) -> tuple[str, ...]:
    return COLUMNS if v.days else tuple(c for c in COLUMNS if c != "dagen")


# ----- cells (what a row shows) -----

def _icon(body: str) -> str:
    return icon_html(icons._svg(body))


# the table's icons are drawn once, as symbols, and referenced from every cell (a big table stays light)
_SYMBOLS = ([(f"cs-f-{f}", freq_icon(f)) for f in FREQUENTIES] + [(f"cs-w-{w}", WAY_ICON[w]) for w in WAYS]
            + [(f"cs-t-{f}", FACE_ICON[f]) for f in FEELINGS] + [(f"cs-n-{w}", WISH_ICON[w]) for w in WISHES])
SYMBOLS = ('<svg class="cs-symbols" width="0" height="0" aria-hidden="true" focusable="false" '
           'style="position:absolute">'
           + "".join(f'<symbol id="{sid}" viewBox="0 0 24 24">{body}</symbol>' for sid, body in _SYMBOLS) + "</svg>")


def _use(sid: str) -> str:
    return (f'<span class="icon" aria-hidden="true"><svg viewBox="0 0 24 24" width="24" height="24" focusable="false" '
            f'fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">'
            f'<use href="#{sid}"/></svg></span>')


def _empty_cell() -> str:
    return f'<span class="cs-none">{esc(t("contactschema.not_yet"))}</span>'


def _cell(col: str, c) -> str:
    if col == "hoe_vaak":
        return (f'{_use("cs-f-" + c.hoe_vaak)}<span>{esc(freq_word(c.hoe_vaak))}</span>' if c.hoe_vaak
                else _empty_cell())
    if col == "manieren":
        if not c.manieren:
            return _empty_cell()
        return ('<span class="cs-ways">' + "".join(
            f'<span class="cs-way">{_use("cs-w-" + m)}<span>{esc(way_word(m))}</span></span>' for m in c.manieren)
            + "</span>")
    if col == "samen_doen":
        return f'<span class="cs-text">{esc(c.samen_doen)}</span>' if c.samen_doen.strip() else _empty_cell()
    if col == "tevreden":
        return (f'{_use("cs-t-" + c.tevreden)}<span>{esc(feel_word(c.tevreden))}</span>' if c.tevreden
                else _empty_cell())
    if col == "wens":
        return (f'{_use("cs-n-" + c.wens)}<span>{esc(wish_word(c.wens))}</span>' if c.wens else _empty_cell())
    if col == "dagen":
        on = set(c.dagen or ())
        boxes = "".join(f'<span class="cs-day{" is-on" if d in on else ""}">{esc(day_word(d))}</span>'
                        for d in DAYS)
        said = ", ".join(t(f"contactschema.day_long.{d}") for d in DAYS if d in on) or t("contactschema.no_days")
        return f'<span class="cs-week" aria-hidden="true">{boxes}</span><span class="visually-hidden">{esc(said)}</span>'
    raise KeyError(col)


# ----- the editor of one row -----

def _choice(field: str, pid: str, options: list[tuple[str, str, str]], current: Optional[str], legend: str,
            action: str = f"{KEY}.set") -> str:
    """One question as segmented buttons (icon + word); exactly one is pressed."""
    buttons = "".join(
        button(label, action, icon=icons._svg(body) if body else "", cls="seg", pressed=(value == (current or "")),
               data={"pid": pid, "field": field, "value": value})
        for value, label, body in options)
    return (f'<fieldset class="segmented cs-q" id="cs-ed-{field}"><legend>{esc(legend)}</legend>'
            f'<div class="seg-row">{buttons}</div></fieldset>')


def _editor(case, c, v: ContactschemaView, span: int) -> str:
    pid = c.persoon
    naam = case.persoon(pid).naam
    unknown = ("", t("contactschema.unknown"), "")
    parts = [
        _choice("hoe_vaak", pid, [(f, freq_word(f), freq_icon(f)) for f in FREQUENTIES] + [unknown], c.hoe_vaak,
                t("contactschema.edit_q.hoe_vaak", naam=naam)),
        # several ways at once: each its own toggle
        f'<fieldset class="segmented cs-q" id="cs-ed-manieren"><legend>{esc(t("contactschema.edit_q.manieren"))}'
        f'</legend><div class="seg-row">'
        + "".join(button(way_word(m), f"{KEY}.way", icon=icons._svg(WAY_ICON[m]), cls="seg", pressed=m in c.manieren,
                         data={"pid": pid, "value": m}) for m in WAYS)
        + "</div></fieldset>",
        f'<div class="field cs-q" id="cs-ed-samen_doen"><label for="cs-samen">{esc(t("contactschema.edit_q.samen_doen"))}'
        f'</label><input type="text" id="cs-samen" value="{esc(c.samen_doen)}" maxlength="{MAX_TEXT}" '
        f'autocomplete="off" data-action="{KEY}.samen" data-pid="{esc(pid)}"></div>',
        _choice("tevreden", pid, [(f, feel_word(f), FACE_ICON[f]) for f in FEELINGS] + [unknown], c.tevreden,
                t("contactschema.edit_q.tevreden", naam=naam)),
        _choice("wens", pid, [(w, wish_word(w), WISH_ICON[w]) for w in WISHES] + [unknown], c.wens,
                t("contactschema.edit_q.wens", naam=naam)),
    ]
    if v.days:
        on = set(c.dagen or ())
        parts.append(
            f'<fieldset class="segmented cs-q cs-q-days" id="cs-ed-dagen"><legend>'
            f'{esc(t("contactschema.edit_q.dagen", naam=naam))}</legend><div class="seg-row">'
            + "".join(button(day_word(d), f"{KEY}.day", cls="seg cs-day-btn", pressed=d in on,
                             data={"pid": pid, "value": d}, aria_label=t(f"contactschema.day_long.{d}"))
                      for d in DAYS)
            + button(t("contactschema.no_days"), f"{KEY}.day", cls="seg", pressed=not on, data={"pid": pid, "value": ""})
            + "</div></fieldset>")
    foot = (button(t("contactschema.person", naam=naam), f"{KEY}.person", icon=icons.PERSON, cls="btn",
                   data={"pid": pid})
            + button(t("contactschema.remove"), f"{KEY}.remove", icon=icons.TRASH, cls="btn btn-danger-quiet",
                     data={"pid": pid}, aria_label=t("contactschema.remove_aria", naam=naam), id="cs-remove")
            + button(t("contactschema.done"), f"{KEY}.open", icon=icons.CHECK, cls="btn btn-primary",
                     data={"pid": pid}, id="cs-done"))
    return (f'<tr class="cs-editor" id="cs-editor"><td colspan="{span}">'
            f'<section class="cs-edit" aria-labelledby="cs-edit-title">'
            f'<h2 id="cs-edit-title" tabindex="-1">{esc(t("contactschema.edit_title", naam=naam))}</h2>'
            f'<div class="cs-qs">{"".join(parts)}</div><div class="cs-edit-foot">{foot}</div></section></td></tr>')


# ----- the table -----

def _header(col: str, v: ContactschemaView) -> str:
    label = t(f"contactschema.col.{col}")
    active = v.sort == col
    sort = ("descending" if v.desc else "ascending") if active else None
    arrow = ("▼" if v.desc else "▲") if active else "↕"
    aria = t(f"contactschema.sort_aria_{'desc' if v.desc else 'asc'}" if active else "contactschema.sort_aria_none",
             kolom=label)
    aria_sort = f' aria-sort="{sort}"' if sort else ""
    return (f'<th scope="col" class="cs-h cs-c-{col}"{aria_sort}>'
            f'<button type="button" class="cs-sort" data-action="{KEY}.sort" data-col="{col}" aria-label="{esc(aria)}">'
            f'<span>{esc(label)}</span><span class="cs-arrow" aria-hidden="true">{arrow}</span></button></th>')


def _sortbar(v: ContactschemaView) -> str:
    """The same sort choices as buttons, for the card layout (no column headers there)."""
    parts = []
    for col in columns(v):
        active = v.sort == col
        arrow = (" ▼" if v.desc else " ▲") if active else ""
        parts.append(button(t(f"contactschema.col.{col}") + arrow, f"{KEY}.sort", cls="seg", pressed=active,
                            data={"col": col}))
    return (f'<div class="cs-sortbar" role="group" aria-label="{esc(t("contactschema.sort_by"))}">'
            f'<span class="cs-sortbar-label">{esc(t("contactschema.sort_by"))}</span>'
            f'<div class="seg-row">{"".join(parts)}</div></div>')


# finished row strings by person id: (contact, person, inputs, html). Edits share unchanged objects
# (model/ops.py), so after one cell changes only that row is built again.
_ROW_CACHE: dict = {}
on_change(_ROW_CACHE.clear)  # rows hold words: not across a language switch
_ROW_CACHE_MAX = 3000


def _row(p, c, v: ContactschemaView, cols: tuple[str, ...], lit: Optional[frozenset]) -> str:
    pid = c.persoon
    key = (cols, v.open == pid, None if lit is None else pid in lit)
    hit = _ROW_CACHE.get(pid)
    if hit is not None and hit[0] is c and hit[1] is p and hit[2] == key:
        return hit[3]
    html = _row_html(p, c, v, cols, lit)
    if len(_ROW_CACHE) > _ROW_CACHE_MAX:
        _ROW_CACHE.clear()
    _ROW_CACHE[pid] = (c, p, key, html)
    return html


def _row_html(p, c, v: ContactschemaView, cols: tuple[str, ...], lit: Optional[frozenset]) -> str:
    pid = c.persoon
    is_open = v.open == pid
    cls = "cs-row" + (" is-open" if is_open else "")
    if lit is not None:
        cls += " is-hl" if pid in lit else " is-dim"
    expanded = "true" if is_open else "false"
    rol = f'<span class="cs-rol">{esc(p.rol)}</span>' if p.rol else ""
    name = (f'<th scope="row" class="cs-c-persoon"><button type="button" class="cs-cell cs-name" '
            f'data-action="{KEY}.open" data-pid="{esc(pid)}" aria-expanded="{expanded}">'
            f'{marker(p.naam, sector=p.sector, professioneel=p.professioneel, soort=p.soort, overleden=p.overleden)}'
            f'<span class="cs-who"><span class="cs-naam">{esc(p.naam)}</span> {rol}</span>'
            # the name comes from what is shown (WCAG 2.5.3 label in name) plus what a tap does
            f'<span class="visually-hidden">, {esc(t("contactschema.edit_hidden"))}</span>'
            f'{icon_html(ICON_EDIT)}</button></th>')
    cells = [name]
    for col in cols[1:]:
        cells.append(f'<td class="cs-c-{col}"><span class="cs-lab" aria-hidden="true">{esc(t(f"contactschema.col.{col}"))}'
                     f'</span><button type="button" class="cs-cell" data-action="{KEY}.open" data-pid="{esc(pid)}" '
                     f'data-field="{col}" tabindex="-1">{_cell(col, c)}</button></td>')
    return f'<tr class="{cls}" data-pid="{esc(pid)}">{"".join(cells)}</tr>'


def candidates(case, find: str = "") -> list:
    """Persons that can be added: named, not the client, not in the schema yet; by name; `find` filters."""
    taken = {c.persoon for c in case.contacten}
    q = " ".join(find.split()).casefold()
    out = [p for p in case.personen if p.id != case.klant_id and p.id not in taken and p.naam.strip()
           and (not q or q in p.naam.casefold() or q in p.rol.casefold())]
    return sorted(out, key=lambda p: (p.naam.casefold(), p.id))


def _picker(case, v: ContactschemaView, empty: bool) -> str:
    found = candidates(case, v.find)
    everyone = candidates(case) if v.find else found
    any_left = bool(everyone)
    search = ""
    if len(everyone) > 12 or v.find:
        search = (f'<div class="field cs-find"><label for="cs-find">{esc(t("contactschema.pick_find"))}</label>'
                  f'<input type="search" id="cs-find" value="{esc(v.find)}" autocomplete="off" '
                  f'data-action="{KEY}.find" data-live="{KEY}.find"></div>')
    if found:
        lis = "".join(
            f'<li>{button(p.naam + (" · " + p.rol if p.rol else ""), f"{KEY}.pick", cls="btn cs-pick-btn", data={"pid": p.id})}</li>'
            for p in found[:PICK_MAX])
        listing = f'<ul class="cs-pick-list">{lis}</ul>'
        if len(found) > PICK_MAX:
            listing += f'<p class="hint">{esc(t("contactschema.pick_more", n=len(found) - PICK_MAX))}</p>'
    else:
        listing = f'<p class="hint">{esc(t("contactschema.pick_nomatch" if any_left else "contactschema.pick_none"))}</p>'
    new = (f'<form class="add-row cs-new" novalidate data-action="{KEY}.new"><div class="field"><label for="cs-new">'
           f'{esc(t("contactschema.new_label"))}</label><input type="text" id="cs-new" name="naam" maxlength="80" '
           f'autocomplete="off"></div>{button(t("contactschema.new_add"), None, icon=icons.PLUS, cls="btn", kind="submit")}'
           f'</form>')
    close = "" if empty else button(t("contactschema.close"), f"{KEY}.add", icon=icons.CLOSE, cls="btn cs-pick-close")
    title = t("contactschema.empty") if empty else t("contactschema.pick_title")
    b1 = "" if empty else f'<p class="cs-b1">{esc(t("contactschema.pick_b1"))}</p>'
    return (f'<section class="cs-pick" id="cs-pick" aria-labelledby="cs-pick-title">'
            f'<div class="cs-pick-head"><h2 id="cs-pick-title" tabindex="-1">{esc(title)}</h2>{close}</div>{b1}'
            f'{search}{listing}{new}</section>')


def _figures(case, v: ContactschemaView) -> tuple[str, Optional[frozenset]]:
    """The contact figures (wish more/less, shared interests) as tappable sentences, and the people of
    the chosen one (None: nobody is pointed out)."""
    sentences = contact_sentences(case)
    if not sentences:
        return "", None
    lit: Optional[frozenset] = None
    items = []
    for s in sentences:
        key = str(s["key"])
        pressed = v.fig == key
        if pressed:
            lit = frozenset(s["persons"])
        items.append(f'<li><button type="button" class="cs-fig{" is-on" if pressed else ""}" data-action="{KEY}.fig" '
                     f'data-key="{esc(key)}" aria-pressed="{"true" if pressed else "false"}">{esc(s["text"])}</button></li>')
    clear = button(t("contactschema.fig.clear"), f"{KEY}.fig", cls="btn", data={"key": ""}) if lit is not None else ""
    return (f'<section class="cs-figs" aria-labelledby="cs-figs-title"><h2 id="cs-figs-title">'
            f'{esc(t("contactschema.fig.title"))}</h2><p class="cs-b1">{esc(t("contactschema.fig.b1"))}</p>'
            f'<ul>{"".join(items)}</ul>{clear}</section>'), lit


def _toolbar(v: ContactschemaView) -> str:
    parts = [
        button(t("contactschema.add"), f"{KEY}.add", icon=icons.PLUS, cls="btn btn-primary cs-tool", id="cs-add",
               pressed=v.adding),
        button(t("contactschema.days_show"), f"{KEY}.days", icon=ICON_DAYS, cls="btn cs-tool", pressed=v.days,
               id="cs-days"),
        button(t("contactschema.export"), f"{KEY}.export", icon=icons.EXPORT, cls="btn cs-tool", id="cs-export"),
        button(t("ui.print.instrument"), "app.print", icon=icons.PRINT, cls="btn cs-tool", id=f"{KEY}-print",
               data={"instrument": KEY}),
    ]
    return (f'<div class="cs-toolbar" role="toolbar" aria-label="{esc(t("contactschema.tools"))}">'
            + "".join(parts) + "</div>")


def render(case, v: ContactschemaView) -> str:
    rows = sorted_rows(case, v.sort, v.desc)
    empty = not rows
    n = len(rows)
    head = (f'<div class="cs-head"><h1 id="screen-title">{esc(t("contactschema.title"))}</h1>'
            f'<p class="cs-b1">{esc(t("contactschema.b1"))}</p>'
            + (f'<p class="cs-count">{esc(t("contactschema.count.one" if n == 1 else "contactschema.count.many", n=n))}</p>'
               if n else "") + "</div>")
    picker = _picker(case, v, empty) if (v.adding or empty) else ""
    figs, lit = _figures(case, v)
    table = ""
    if rows:
        cols = columns(v)
        people = {p.id: p for p in case.personen}
        limit = max(v.shown, ROWS_STEP)
        if v.open is not None:  # the row being edited is always shown
            limit = max(limit, next((i + 1 for i, c in enumerate(rows) if c.persoon == v.open), 0))
        rest = len(rows) - limit
        body = []
        for c in rows[:limit]:
            body.append(_row(people[c.persoon], c, v, cols, lit))
            if v.open == c.persoon:
                body.append(_editor(case, c, v, len(cols)))
        table = (_sortbar(v) + f'<table class="cs-table{" has-days" if v.days else ""}">'
                 f'<caption class="visually-hidden">{esc(t("contactschema.title"))}</caption>'
                 f'<thead><tr>{"".join(_header(c, v) for c in cols)}</tr></thead>'
                 f'<tbody>{"".join(body)}</tbody></table>')
        if rest > 0:
            table += button(t("contactschema.more", n=rest), f"{KEY}.more", icon=icons.PLUS, cls="btn cs-more",
                            id="cs-more")
        table = SYMBOLS + table
    return (f'<div class="screen screen-{KEY} cs">{head}{_toolbar(v)}{picker}'
            f'<div class="cs-main">{table}</div>{figs}</div>')
