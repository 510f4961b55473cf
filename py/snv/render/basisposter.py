"""Basisposter screen (DOMAIN.md §4, UX.md §3): the client in the centre, four fields around them —
*Wat lukt al wel?* first (top left), *Wensen en dromen*, *Zorgen*, *Vragen voor het plan* — cards
with the writer's initials, numbered questions, and who thought along.

The cards of the three item fields are drawn by `cards_field`, which Ontmoeten uses too for *Wat
lukt al wel?* (the same items). ui/basisposter.py takes the actions, ui/basisposter_dom.py wires
dragging a question in the browser. The A3 export is render/basisposter_svg.py.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from ..messages import t
from ..model import Case
from ..model.limits import MAX_TEXT
from ..model.ops import questions_in_order
from . import icons
from .html import button, esc, icon_html, initials, marker, plural

KEY = "basisposter"
ITEM_FIELDS = ("sterke_punten", "wensen_dromen", "zorgen")
FIELDS = (*ITEM_FIELDS, "vragen")  # the poster's order: strengths first
NOBODY = "niemand"  # writer choice: new cards without initials
MORE_LIMIT = 120  # "Meer mensen" lists at most this many names (the rest: Personen has search)

_I = icons._svg
ICON_WISH = _I('<path d="M12 3v3M12 18v3M3 12h3M18 12h3M5.6 5.6l2.1 2.1M16.3 16.3l2.1 2.1M5.6 18.4l2.1-2.1'
               'M16.3 7.7l2.1-2.1"/><circle cx="12" cy="12" r="3"/>')
ICON_WORRY = _I('<path d="M6 15a4 4 0 0 1 .6-8 5.5 5.5 0 0 1 10.6 1.4A3.3 3.3 0 0 1 17.5 15z"/>'
                '<path d="M9 18l-1 2.5M13 18l-1 2.5M17 18l-1 2.5"/>')
ICON_QUESTION = _I('<circle cx="12" cy="12" r="9"/><path d="M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.7.3-1 .9-1 1.7v.5"/>'
                   '<path d="M12 17v.5"/>')
ICON_UP = _I('<path d="M12 19V5M6 11l6-6 6 6"/>')
ICON_DOWN = _I('<path d="M12 5v14M6 13l6 6 6-6"/>')
ICON_GRIP = _I('<circle cx="9" cy="6" r="1.3"/><circle cx="15" cy="6" r="1.3"/><circle cx="9" cy="12" r="1.3"/>'
               '<circle cx="15" cy="12" r="1.3"/><circle cx="9" cy="18" r="1.3"/><circle cx="15" cy="18" r="1.3"/>',
               fill=True)
ICON_MEETING = icons.PHASE["meedenkbijeenkomst"]
ICON_POSTER = _I('<rect x="3" y="3" width="18" height="18" rx="1.5"/><path d="M12 3v18M3 12h18"/>'
                 '<circle cx="12" cy="12" r="3" fill="#fff"/>')
FIELD_ICONS = {"sterke_punten": icons.STAR, "wensen_dromen": ICON_WISH, "zorgen": ICON_WORRY, "vragen": ICON_QUESTION}


@dataclass
class CardsView:
    """What the card fields need between renders (the Basisposter and Ontmoeten each keep one)."""
    open: Optional[str] = None  # id of the card or question whose editor is open
    writer: str = ""  # who writes new cards: "" the client, NOBODY, or a person id
    more: bool = False  # choosers list every person, not only the client and who thought along
    errors: dict[str, str] = field(default_factory=dict)  # per field: why the last add was refused


@dataclass
class BasisposterView(CardsView):
    choose_meedenkers: bool = False  # the chooser of *Wie dachten er mee?* is open


# ----- people the choosers offer -----

def writer_id(case: Case, view: CardsView) -> Optional[str]:
    """The person id new cards get as `door` (None: nobody)."""
    if view.writer == NOBODY:
        return None
    if view.writer and any(p.id == view.writer for p in case.personen):
        return view.writer
    return case.klant_id


def candidates(case: Case, *, more: bool, keep: tuple[Optional[str], ...] = ()) -> list:
    """Who can be chosen as writer or owner: the client, who thought along, anyone in `keep`, and with
    `more` everyone with a name (pets left out), up to MORE_LIMIT."""
    by_id = {p.id: p for p in case.personen}
    order = [case.klant_id, *case.basisposter.meedenkers, *(k for k in keep if k)]
    if more:
        rest = sorted((p for p in case.personen if p.soort == "mens" and p.naam.strip()),
                      key=lambda p: p.naam.casefold())
        order += [p.id for p in rest[:MORE_LIMIT]]
    return [by_id[i] for i in dict.fromkeys(order) if i in by_id]


def person_label(case: Case, pid: Optional[str]) -> str:
    if pid is None:
        return ""
    if pid == case.klant_id:
        return t("basisposter.you") + f" ({case.klant.naam})"
    try:
        return case.persoon(pid).naam or "?"
    except KeyError:
        return "?"


def _chooser(case: Case, legend: str, current: Optional[str], action: str, data: dict, none_label: str,
             *, more: bool, more_action: str, group_id: str) -> str:
    """A list of toggle buttons (not a dropdown): nobody, the client, who thought along; *Meer mensen*."""
    people = candidates(case, more=more, keep=(current,))
    opts = [("", none_label)] + [(p.id, person_label(case, p.id)) for p in people]
    buttons = []
    for value, label in opts:
        pressed = (current or "") == value
        buttons.append(button(label, action, cls="seg", data={**data, "value": value}, pressed=pressed))
    toggle = button(t("basisposter.card.less" if more else "basisposter.card.more"), more_action,
                    icon=icons.PEOPLE, cls="btn btn-small bp-more", pressed=more)
    return (f'<fieldset class="segmented bp-chooser" id="{esc(group_id)}"><legend>{esc(legend)}</legend>'
            f'<div class="seg-row">{"".join(buttons)}{toggle}</div></fieldset>')


def _badge(case: Case, door: Optional[str]) -> str:
    """The writer's initials on a card (visible), with the name for screen readers."""
    if door is None:
        return ""
    try:
        naam = case.persoon(door).naam
    except KeyError:
        return ""
    letters = initials(naam)
    return (f'<span class="bp-initials" aria-hidden="true">{esc(letters)}</span>'
            f'<span class="visually-hidden">{esc(t("basisposter.card.by", naam=naam or "?"))}</span>')


# ----- the card fields -----

def _add_form(prefix: str, veld: str, error: str) -> str:
    fid = f"{prefix}-new-{veld}"
    described = f' aria-describedby="{fid}-err" aria-invalid="true"' if error else ""
    err = f'<p class="field-error" role="alert" id="{fid}-err">{esc(error)}</p>' if error else ""
    return (f'<form class="add-row bp-add" novalidate data-action="{prefix}.add" data-veld="{veld}">'
            f'<div class="field"><label for="{fid}">{esc(t(f"basisposter.add_label.{veld}"))}</label>'
            f'<input type="text" id="{fid}" name="tekst" maxlength="{MAX_TEXT}" autocomplete="off"{described}>'
            f'{err}</div>'
            + button(t("ui.add"), None, icon=icons.PLUS, cls="btn", kind="submit", id=f"{fid}-add")
            + "</form>")


def _card(case: Case, view: CardsView, prefix: str, veld: str, item) -> str:
    d = {"veld": veld, "id": item.id}
    if view.open == item.id:
        tid = f"{prefix}-text-{item.id}"
        editor = (
            f'<div class="field"><label for="{esc(tid)}">{esc(t("basisposter.card.text"))}</label>'
            f'<textarea id="{esc(tid)}" rows="3" maxlength="{MAX_TEXT}" data-action="{prefix}.item_text"'
            f' data-veld="{veld}" data-id="{esc(item.id)}">{esc(item.tekst)}</textarea></div>'
            + _chooser(case, t("basisposter.card.door"), item.door, f"{prefix}.item_door", d,
                       t("basisposter.card.nobody"), more=view.more, more_action=f"{prefix}.more",
                       group_id=f"{prefix}-door-{item.id}")
            + '<div class="bp-edit-actions">'
            + button(t("basisposter.card.done"), f"{prefix}.open", icon=icons.CHECK, cls="btn btn-primary",
                     data={"id": ""}, id=f"{prefix}-done")
            + button(t("basisposter.card.remove"), f"{prefix}.remove", icon=icons.TRASH, cls="btn btn-danger-quiet",
                     data=d, aria_label=t("basisposter.card.remove_aria", tekst=item.tekst))
            + "</div>")
        return f'<li class="bp-card is-open" data-id="{esc(item.id)}">{editor}</li>'
    return (f'<li class="bp-card" data-id="{esc(item.id)}">'
            f'<button type="button" class="bp-card-main" data-action="{prefix}.open" data-veld="{veld}"'
            f' data-id="{esc(item.id)}" aria-expanded="false">'
            f'<span class="bp-card-text">{esc(item.tekst)}</span>{_badge(case, item.door)}</button></li>')


def cards_field(case: Case, view: CardsView, veld: str, *, prefix: str = KEY, heading: str = "h2",
                b1: Optional[str] = None) -> str:
    """One item field of the poster (sterke_punten, wensen_dromen, zorgen): heading, cards, add form."""
    items = getattr(case.basisposter, veld)
    title_id = f"{prefix}-{veld}-title"
    if items:
        listing = f'<ul class="bp-cards">{"".join(_card(case, view, prefix, veld, i) for i in items)}</ul>'
    else:
        empty = t("basisposter.empty") if veld == "sterke_punten" else t(f"basisposter.none.{veld}")
        listing = f'<p class="bp-empty">{esc(empty)}</p>'
    count = (f'<span class="bp-count">{esc(plural(len(items), "basisposter.count_one", "basisposter.count_many"))}'
             f'</span>' if items else "")
    line = b1 if b1 is not None else t(f"basisposter.b1.{veld}")
    return (f'<section class="bp-field bp-{veld}" aria-labelledby="{title_id}">'
            f'<{heading} class="bp-field-title" id="{title_id}">{icon_html(FIELD_ICONS[veld])}'
            f'<span>{esc(t(f"basisposter.field.{veld}"))}</span>{count}</{heading}>'
            f'<p class="bp-b1">{esc(line)}</p>{listing}{_add_form(prefix, veld, view.errors.get(veld, ""))}</section>')


# ----- questions -----

def _question(case: Case, view: CardsView, nr: int, total: int, q) -> str:
    d = {"id": q.id}
    text = q.tekst
    owner = (f'<span class="bp-q-owner">{icon_html(icons.PERSON)}'
             f'{esc(t("basisposter.q.owner_line", naam=person_label(case, q.eigenaar)))}</span>' if q.eigenaar else "")
    tools = (
        button(t("basisposter.q.meeting"), f"{KEY}.meeting", icon=ICON_MEETING, cls="btn btn-small bp-q-meeting",
               data=d, pressed=q.naar_bijeenkomst, aria_label=t("basisposter.q.meeting_aria", nr=nr))
        + button(t("basisposter.q.up"), f"{KEY}.up", icon=ICON_UP, cls="btn btn-small bp-q-up", data=d,
                 disabled=nr == 1, aria_label=t("basisposter.q.up_aria", nr=nr))
        + button(t("basisposter.q.down"), f"{KEY}.down", icon=ICON_DOWN, cls="btn btn-small bp-q-down", data=d,
                 disabled=nr == total, aria_label=t("basisposter.q.down_aria", nr=nr)))
    grip = (f'<span class="bp-q-grip" data-qid="{esc(q.id)}" aria-hidden="true" title="{esc(t("basisposter.q.drag"))}">'
            f'{icon_html(ICON_GRIP)}<span class="bp-q-nr">{nr}</span></span>')
    if view.open == q.id:
        tid = f"bp-q-text-{q.id}"
        body = (
            f'<div class="bp-q-edit"><div class="field"><label for="{esc(tid)}">{esc(t("basisposter.q.text"))}</label>'
            f'<textarea id="{esc(tid)}" rows="2" maxlength="{MAX_TEXT}" data-action="{KEY}.q_text"'
            f' data-id="{esc(q.id)}">{esc(text)}</textarea></div>'
            + _chooser(case, t("basisposter.q.owner"), q.eigenaar, f"{KEY}.q_owner", d,
                       t("basisposter.q.owner_none"), more=view.more, more_action=f"{KEY}.more",
                       group_id=f"bp-owner-{q.id}")
            + '<div class="bp-edit-actions">'
            + button(t("basisposter.card.done"), f"{KEY}.open", icon=icons.CHECK, cls="btn btn-primary",
                     data={"id": ""}, id=f"{KEY}-done")
            + button(t("basisposter.card.remove"), f"{KEY}.q_remove", icon=icons.TRASH, cls="btn btn-danger-quiet",
                     data=d, aria_label=t("basisposter.card.remove_aria", tekst=text))
            + "</div></div>")
        cls = " is-open"
    else:
        body = (f'<button type="button" class="bp-q-main" data-action="{KEY}.open" data-veld="vragen"'
                f' data-id="{esc(q.id)}" aria-expanded="false">'
                f'<span class="visually-hidden">{esc(t("basisposter.q.number", nr=nr))}: </span>'
                f'<span class="bp-q-text">{esc(text)}</span>{owner}</button>')
        cls = " is-meeting" if q.naar_bijeenkomst else ""
    return (f'<li class="bp-q{cls}" data-qid="{esc(q.id)}" data-nr="{nr}">{grip}'
            f'<div class="bp-q-body">{body}<div class="bp-q-tools">{tools}</div></div></li>')


def questions_field(case: Case, view: CardsView) -> str:
    vragen = questions_in_order(case.basisposter.vragen)
    title_id = f"{KEY}-vragen-title"
    n = len(vragen)
    if vragen:
        listing = (f'<p class="bp-b1 bp-q-hint">{esc(t("basisposter.q.hint"))}</p>'
                   f'<ol class="bp-questions" id="bp-questions">'
                   + "".join(_question(case, view, i, n, q) for i, q in enumerate(vragen, 1)) + "</ol>")
    else:
        listing = f'<p class="bp-empty">{esc(t("basisposter.none.vragen"))}</p>'
    return (f'<section class="bp-field bp-vragen" aria-labelledby="{title_id}">'
            f'<h2 class="bp-field-title" id="{title_id}">{icon_html(ICON_QUESTION)}'
            f'<span>{esc(t("basisposter.field.vragen"))}</span></h2>'
            f'<p class="bp-b1">{esc(t("basisposter.b1.vragen"))}</p>{listing}'
            f'{_add_form(KEY, "vragen", view.errors.get("vragen", ""))}'
            f'<p class="visually-hidden" id="bp-live" role="status" aria-live="polite"></p></section>')


# ----- who thought along, who writes -----

def _meedenkers(case: Case, view: BasisposterView) -> str:
    chosen = [p for pid in case.basisposter.meedenkers for p in case.personen if p.id == pid]
    if chosen:
        chips = "".join(
            f'<li>{button(p.naam or "?", f"{KEY}.meedenker", icon=icons.CHECK, cls="btn bp-chip", pressed=True, data={"pid": p.id}, aria_label=t("basisposter.toast.meedenker_off", naam=p.naam))}</li>'
            for p in chosen)
        listing = f'<ul class="bp-chips">{chips}</ul>'
    else:
        listing = f'<p class="bp-empty">{esc(t("basisposter.meedenkers_none"))}</p>'
    chooser = ""
    if view.choose_meedenkers:
        others = sorted((p for p in case.personen if p.id != case.klant_id and p.soort == "mens" and p.naam.strip()),
                        key=lambda p: p.naam.casefold())
        if not others:
            chooser = f'<p class="hint">{esc(t("basisposter.meedenkers_nobody"))}</p>'
        else:
            picked = set(case.basisposter.meedenkers)
            shown = [p for p in others if p.id in picked] + [p for p in others if p.id not in picked]
            lis = "".join(
                f'<li>{button(p.naam + (f" · {p.rol}" if p.rol else ""), f"{KEY}.meedenker", cls="seg", pressed=p.id in picked, data={"pid": p.id})}</li>'
                for p in shown[:MORE_LIMIT])
            more = (f'<p class="hint">{esc(t("basisposter.meedenkers_more", count=len(others) - MORE_LIMIT))}</p>'
                    if len(others) > MORE_LIMIT else "")
            chooser = f'<ul class="bp-pick" id="bp-pick">{lis}</ul>{more}'
    toggle = button(t("basisposter.meedenkers_close" if view.choose_meedenkers else "basisposter.meedenkers_choose"),
                    f"{KEY}.choose", icon=icons.PEOPLE, cls="btn", pressed=view.choose_meedenkers,
                    id="bp-choose")
    return (f'<section class="bp-meedenkers card" aria-labelledby="bp-meedenkers-title">'
            f'<h2 id="bp-meedenkers-title">{icon_html(icons.PEOPLE)}{esc(t("basisposter.meedenkers"))}</h2>'
            f'<p class="bp-b1">{esc(t("basisposter.meedenkers_b1"))}</p>{listing}{toggle}{chooser}</section>')


def writer_row(case: Case, view: CardsView, prefix: str = KEY) -> str:
    current = writer_id(case, view)
    people = candidates(case, more=view.more, keep=(current,))
    opts = [(p.id, person_label(case, p.id)) for p in people] + [(NOBODY, t("basisposter.card.nobody"))]
    value = current if current is not None else NOBODY
    buttons = "".join(button(label, f"{prefix}.writer", cls="seg", data={"value": v}, pressed=v == value)
                      for v, label in opts)
    toggle = button(t("basisposter.card.less" if view.more else "basisposter.card.more"), f"{prefix}.more",
                    icon=icons.PEOPLE, cls="btn btn-small bp-more", pressed=view.more)
    return (f'<fieldset class="segmented bp-writer" id="{prefix}-writer"><legend>{esc(t("basisposter.writer"))}</legend>'
            f'<p class="hint">{esc(t("basisposter.writer_hint"))}</p><div class="seg-row">{buttons}{toggle}</div></fieldset>')


def _centre(case: Case) -> str:
    naam = case.klant.naam
    return (f'<div class="bp-centre" role="img" aria-label="{esc(t("basisposter.centre_aria", naam=naam))}">'
            f'{marker(naam, klant=True, size=72)}<span class="bp-centre-name">{esc(naam)}</span></div>')


def toolbar() -> str:
    return (f'<div class="bp-toolbar" role="toolbar" aria-label="{esc(t("basisposter.title"))}">'
            + button(t("basisposter.export"), f"{KEY}.export", icon=icons.EXPORT, cls="btn", id="bp-export")
            + button(t("ui.print.instrument"), "app.print", icon=icons.PRINT, cls="btn", id=f"{KEY}-print",
                     data={"instrument": KEY})
            + "</div>")


def render(case: Case, view: BasisposterView) -> str:
    fields = "".join(cards_field(case, view, veld) for veld in ITEM_FIELDS) + questions_field(case, view)
    return (f'<div class="screen screen-basisposter bp">'
            f'<div class="bp-head"><div><h1 id="screen-title">{icon_html(ICON_POSTER)}{esc(t("basisposter.title"))}</h1>'
            f'<p class="bp-b1">{esc(t("basisposter.b1"))}</p></div>{toolbar()}</div>'
            f'{writer_row(case, view)}'
            f'<div class="bp-poster" role="group" aria-label="{esc(t("basisposter.fields_label"))}">'
            f'{_centre(case)}{fields}</div>'
            f'{_meedenkers(case, view)}</div>')
