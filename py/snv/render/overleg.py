"""Overleg screen: the meetings of the vaste groep (basisteam), newest first, and one meeting walked
through one part at a time (UX.md §3 Basisteam):

    1 Wanneer en wie?  2 Wat gaat al goed?  3 Wat heeft nog aandacht nodig?  4 Het plan aanpassen
    5 Wie doet wat?  6 Vragen zonder eigenaar  7 Kaart van vandaag bewaren?  8 Volgende keer

Step 4 edits the plan with the plan screen's own editor (render/plan.agreement_editor, actions
`overleg.*`): the first change in a meeting makes a new plan version (model/ops.py, basisteam section),
and the step shows what changed against the version before (render/plan.diff_html over
analysis/plan_diff.py). Steps 5 and 6 are the team screen's parts (render/team.py). Only the newest
meeting changes the plan; an older one shows what it changed.

The printable minutes of a meeting are render/verslag_svg.py (instrument "verslag").
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Optional

from ..analysis import basisteam as bt
from ..messages import on_change, t
from ..model.limits import MAX_TEXT
from ..model.ops import newest_overleg, overleg_owns_version
from . import icons
from .format import shown_name
from .html import button, esc, icon_html, segmented, step_dots, text_field
from .plan import ICON_EDIT, agreement_editor, date_long, diff_html, diff_lines, groups, join_names, names_of, when_text
from .team import next_meeting, questions_html, who_html

KEY = "overleg"
STEPS = tuple(range(1, 9))
ICON = icons._svg('<path d="M4 5h16v11H9l-4 4v-4H4z"/><path d="M8 9h8M8 12h5"/>')


@dataclass
class OverlegView:
    """The screen's state between renders."""
    open_id: Optional[str] = None  # the meeting being walked through (None: the list of meetings)
    step: int = 1  # 1..8
    more: bool = False  # step 1: the whole network to choose who is there
    edit_aid: Optional[str] = None  # step 4: the agreement whose editor is open
    all_people: bool = False  # the editor's wie picker shows everyone
    add_vraag: str = ""  # step 4: the question a new agreement is for ("" = Andere afspraken)
    owner_q: Optional[str] = None  # step 6: the question whose owner picker is open


def meeting_title(o, today: Optional[dt.date] = None) -> str:
    return t("overleg.of", datum=date_long(o.datum, today))


def change_summary(case, o) -> str:
    """"Versie 3 van het plan: 1 nieuw, 2 gestopt, klaar of weer begonnen" or "Het plan bleef hetzelfde"."""
    diff = bt.meeting_diff(case, o)
    if diff is None:
        return t("overleg.plan_same")
    counts = [t(f"overleg.count.{g}", n=len(xs)) for g, xs in diff_lines(case, diff)]
    version = t("overleg.plan_version", versie=o.plan_versie)
    return f"{version}: {', '.join(counts)}" if counts else version


# ----- the list -----

def _items(title: str, items: list[str]) -> str:
    if not items:
        return ""
    return f'<div class="ov-items"><h3>{esc(title)}</h3><ul>{"".join(f"<li>{esc(x)}</li>" for x in items)}</ul></div>'


def _card(case, o, today: dt.date, newest: bool = False) -> str:
    d = {"oid": o.id}
    here = join_names(names_of(case, o.aanwezig)) or t("overleg.nobody_here")
    diff = bt.meeting_diff(case, o)
    changes = ""
    if diff is not None:
        changes = (f'<div class="ov-changes"><h3>{esc(t("overleg.changed"))}</h3>'
                   f'<p class="ov-version">{esc(change_summary(case, o))}</p>{diff_html(case, diff, "h4")}</div>')
    nxt = (f'<p class="ov-next-line">{esc(t("overleg.next_on", datum=date_long(o.volgende, today)))}</p>'
           if o.volgende else "")
    tools = (button(t("overleg.open"), f"{KEY}.open", icon=icons.ARROW, cls="btn", data=d,
                    aria_label=t("overleg.open_aria", datum=date_long(o.datum, today)))
             + button(t("overleg.print"), "app.print", icon=icons.PRINT, cls="btn",
                      data={"instrument": "verslag", "choice": o.id}, id="verslag-print" if newest else None,
                      aria_label=t("overleg.print_aria", datum=date_long(o.datum, today)))
             + button(t("overleg.remove"), f"{KEY}.remove_meeting", icon=icons.TRASH, cls="btn btn-danger-quiet",
                      data=d, aria_label=t("overleg.remove_aria", datum=date_long(o.datum, today))))
    same = "" if diff is not None else f'<p class="ov-version">{esc(t("overleg.plan_same"))}</p>'
    return (f'<li class="ov-card" id="ov-card-{esc(o.id)}"><h2>{esc(meeting_title(o, today))}</h2>'
            f'<p class="ov-here"><strong>{esc(t("overleg.here"))}</strong> {esc(here)}</p>'
            f'<div class="ov-cols">{_items(t("overleg.step.2"), o.successen)}{_items(t("overleg.step.3"), o.zorgen)}</div>'
            f'{same}{changes}{nxt}<div class="ov-tools">{tools}</div></li>')


def _list(case, today: dt.date) -> str:
    meetings = case.basisteam.overleggen
    nxt = next_meeting(case)
    parts = [f'<div class="screen-head ov-head"><h1 id="screen-title">{esc(t("overleg.title"))}</h1>'
             f'<p class="screen-sub">{esc(t("overleg.sub"))}</p><p class="bt-b1 bt-lead">{esc(t("overleg.b1"))}</p></div>']
    top = []
    if nxt is not None:
        top.append(f'<p class="ov-next">{icon_html(icons.PIN)}<span>{esc(t("team.next", datum=date_long(nxt, today)))}</span></p>')
    top.append(button(t("overleg.new"), f"{KEY}.new", icon=icons.PLUS, cls="btn btn-primary", id="ov-new"))
    parts.append(f'<div class="ov-top">{"".join(top)}</div>')
    if len(bt.team_ids(case)) <= 1:
        parts.append(f'<div class="ov-hint"><p>{esc(t("team.empty"))}</p>'
                     + button(t("overleg.to_team"), "app.go", icon=icons.ARROW, cls="btn", data={"screen": "team"},
                              id="ov-to-team") + "</div>")
    if not meetings:
        parts.append(f'<p class="bt-empty bt-empty-big">{esc(t("overleg.empty"))}</p>')
    else:
        cards = "".join(_card(case, o, today, newest=o is meetings[-1]) for o in reversed(meetings))
        parts.append(f'<ol class="ov-list" aria-label="{esc(t("overleg.list_label"))}">{cards}</ol>')
    return f'<div class="screen screen-{KEY}">{"".join(parts)}</div>'


# ----- the walk -----

def _dots(nr: int) -> str:
    dots = step_dots(KEY, STEPS, nr, label=t("overleg.steps_label"),
                     go=lambda n: t("overleg.step_go", nr=n, naam=t(f"overleg.step.{n}")))
    return f'<div class="bk-top ov-steps"><p class="bk-of">{esc(t("overleg.step_of", nr=nr, n=len(STEPS)))}</p>{dots}</div>'


def _nav(nr: int) -> str:
    prev = button(t("overleg.prev"), f"{KEY}.step", icon=icons.UNDO, cls="btn bk-nav", id="ov-prev",
                  data={"value": nr - 1}, disabled=nr <= 1)
    if nr < len(STEPS):
        nxt = button(t("overleg.next"), f"{KEY}.step", icon=icons.ARROW, cls="btn btn-primary bk-nav", id="ov-next",
                     data={"value": nr + 1})
    else:
        nxt = button(t("overleg.done"), f"{KEY}.list", icon=icons.CHECK, cls="btn btn-primary bk-nav", id="ov-done")
    return f'<div class="bk-navrow ov-navrow">{prev}{nxt}</div>'


def _chip(p, on: bool, action: str, data: dict) -> str:
    naam = shown_name(p.naam)
    rol = f' <span class="pl-chip-rol">{esc(p.rol)}</span>' if p.rol.strip() else ""
    return (f'<li><button type="button" class="btn pl-chip{" is-on" if on else ""}" data-action="{esc(action)}"'
            + "".join(f' data-{k}="{esc(val)}"' for k, val in data.items())
            + f' aria-pressed="{"true" if on else "false"}">{icon_html(icons.CHECK) if on else ""}<span class="btn-text">'
            f'{esc(naam)}{rol}</span></button></li>')


def _step1(case, o, v: OverlegView) -> str:
    """The date, and who is there: the vaste groep, who does something in the plan, everyone who came to
    a meeting before (the begeleider too), and on request the rest of the network."""
    people = {p.id: p for p in case.personen}
    carriers = [pid for pid, _ in bt.who_does_what(case).people]
    usual = [*bt.team_ids(case), *o.aanwezig, *carriers, *case.bijeenkomst.aanwezig,
             *(pid for m in case.basisteam.overleggen for pid in m.aanwezig)]
    usual = [pid for pid in dict.fromkeys(usual) if pid in people]
    here = set(o.aanwezig)
    chips = "".join(_chip(people[pid], pid in here, f"{KEY}.present", {"pid": pid}) for pid in usual)
    more = ""
    offered = set(usual)
    rest = [p for p in case.personen if p.id not in offered and p.soort == "mens" and not p.overleden and p.naam.strip()]
    if rest:
        more = button(t("team.add.others_less" if v.more else "team.add.others"), f"{KEY}.more", icon=icons.PEOPLE,
                      cls="btn", pressed=v.more, id="ov-more")
        if v.more:
            rest.sort(key=lambda p: (p.naam.casefold(), p.id))
            more += ('<ul class="pl-chips" id="ov-more-list">'
                     + "".join(_chip(p, False, f"{KEY}.present", {"pid": p.id}) for p in rest) + "</ul>")
    date = text_field(t("overleg.date"), id="ov-datum", kind="date", value=o.datum.isoformat(), action=f"{KEY}.date")
    return (f'<section class="bt-box">{date}</section>'
            f'<section class="bt-box" aria-labelledby="ov-here-title"><h2 id="ov-here-title">{esc(t("overleg.who"))}</h2>'
            f'<p class="bt-b1">{esc(t("overleg.who_hint"))}</p>'
            f'<ul class="pl-chips ov-present" id="ov-present">{chips}</ul>{more}</section>')


def _list_step(case, o, veld: str) -> str:
    items = getattr(o, veld)
    rows = "".join(
        f'<li class="ov-item"><span class="ov-item-text">{esc(x)}</span>'
        + button(t("overleg.item.remove"), f"{KEY}.item_remove", icon=icons.CLOSE, cls="chip-x ov-item-x",
                 data={"veld": veld, "index": i}, aria_label=t("ui.remove_what", what=x))
        + "</li>" for i, x in enumerate(items))
    listing = (f'<ul class="ov-items-list" id="ov-{veld}">{rows}</ul>' if items
               else f'<p class="bt-empty">{esc(t(f"overleg.{veld}.empty"))}</p>')
    earlier = ""
    if veld == "zorgen":  # last time's worries: are they still worries?
        meetings = case.basisteam.overleggen  # in date order
        i = meetings.index(o)
        if i > 0 and meetings[i - 1].zorgen:
            earlier = (f'<div class="bt-box ov-earlier"><h2>{esc(t("overleg.zorgen.before"))}</h2>'
                       f'<ul>{"".join(f"<li>{esc(x)}</li>" for x in meetings[i - 1].zorgen)}</ul></div>')
    form = (f'<form class="add-row ov-add" novalidate data-action="{KEY}.item_add" data-veld="{veld}">'
            f'<div class="field"><label for="ov-new-{veld}">{esc(t(f"overleg.{veld}.label"))}</label>'
            f'<input type="text" id="ov-new-{veld}" name="tekst" maxlength="{MAX_TEXT}" autocomplete="off" data-autofocus></div>'
            + button(t("ui.add"), None, icon=icons.PLUS, cls="btn", kind="submit", id=f"ov-add-{veld}") + "</form>")
    return f'<section class="bt-box ov-{veld}">{listing}{form}</section>{earlier}'


# An agreement's card in part 4 depends only on the agreement, the names of the people and whether it is
# new in this meeting: kept by object identity (models are frozen), so a change of one agreement renders
# one card anew (a meeting's plan can hold 50 agreements).
_CARDS: dict[tuple[int, int, bool], tuple[Any, Any, str]] = {}
on_change(_CARDS.clear)  # cards hold words: not across a language switch


def _facts(names: dict, a) -> str:
    who = join_names([names.get(pid, "?") for pid in a.wie])
    facts = [f'{t("plan.field.wie")}: {who or t("plan.ask.wie")}']
    when = when_text(a)
    if when:
        facts.append(when)
    return " · ".join(facts)


def _agreement(case, a, is_new: bool, names: dict) -> str:
    key = (id(a), id(case.personen), is_new)
    hit = _CARDS.get(key)
    if hit is not None and hit[0] is a and hit[1] is case.personen:
        return hit[2]
    if len(_CARDS) > 2000:
        _CARDS.clear()
    html = _agreement_html(a, is_new, names)
    _CARDS[key] = (a, case.personen, html)
    return html


def _agreement_html(a, is_new: bool, names: dict) -> str:
    d = {"aid": a.id}
    badge = "" if a.status == "actief" else f'<span class="pl-badge">{esc(t(f"plan.status.{a.status}"))}</span>'
    if is_new:
        badge += f'<span class="pl-badge ov-new-badge">{esc(t("overleg.plan.new_badge"))}</span>'
    tools = [button(t("overleg.plan.edit"), f"{KEY}.edit", icon=ICON_EDIT, cls="btn",
                    data=d, aria_label=t("overleg.plan.edit_aria", wat=a.wat))]
    if a.status == "actief":
        tools.append(button(t("overleg.plan.stop"), f"{KEY}.status", cls="btn", data={**d, "value": "gestopt"},
                            aria_label=t("overleg.plan.stop_aria", wat=a.wat)))
    else:
        tools.append(button(t("overleg.plan.restart"), f"{KEY}.status", cls="btn", data={**d, "value": "actief"},
                            aria_label=t("overleg.plan.restart_aria", wat=a.wat)))
    return (f'<article class="pl-card ov-a st-{esc(a.status)}" id="ov-a-{esc(a.id)}" data-aid="{esc(a.id)}">'
            f'<div class="pl-card-head"><h3 class="pl-wat">{esc(a.wat)}</h3>{badge}</div>'
            f'<p class="ov-a-facts">{esc(_facts(names, a))}</p><div class="pl-card-tools">{"".join(tools)}</div></article>')


def _step4(case, o, v: OverlegView) -> str:
    newest = newest_overleg(case)
    diff = bt.meeting_diff(case, o)
    changed = (f'<section class="bt-box ov-diff" aria-labelledby="ov-diff-title"><h2 id="ov-diff-title">'
               f'{esc(t("overleg.changed"))}</h2><p class="ov-version">{esc(change_summary(case, o))}</p>'
               + (diff_html(case, diff) if diff is not None else "") + "</section>")
    if newest is None or newest.id != o.id:
        return f'<p class="ov-note">{icon_html(icons.INFO)}<span>{esc(t("overleg.plan.older"))}</span></p>{changed}'
    plan = case.huidig_plan
    own = overleg_owns_version(case, o)
    note = (t("overleg.plan.own", versie=o.plan_versie) if own
            else t("overleg.plan.will_copy") if plan is not None else t("overleg.plan.first"))
    parts = [f'<p class="ov-note">{icon_html(icons.INFO)}<span>{esc(note)}</span></p>']
    new_ids = set(o.nieuwe_afspraken) if own else set()
    names = {p.id: p.naam for p in case.personen}
    sections = []
    for q, afspraken in groups(case, plan):
        if not afspraken:
            continue
        cards = "".join(agreement_editor(case, a, all_people=v.all_people, key=KEY) if a.id == v.edit_aid
                        else _agreement(case, a, a.id in new_ids, names) for a in afspraken)
        title = q.tekst if q is not None else t("plan.others")
        sections.append(f'<section class="pl-q ov-q"><h2 class="ov-q-text">{esc(title)}</h2>'
                        f'<div class="pl-cards">{cards}</div></section>')
    parts.append("".join(sections) or f'<p class="bt-empty">{esc(t("plan.empty"))}</p>')
    options = [(q.id, q.tekst) for q, _ in groups(case, plan) if q is not None] + [("", t("plan.others"))]
    choose = (segmented(t("overleg.plan.for"), options, v.add_vraag, f"{KEY}.add_vraag", cls="seg-wrap ov-for",
                        group_id="ov-for") if len(options) > 1 else "")
    parts.append(f'<section class="pl-add-form ov-new-a" aria-labelledby="ov-new-a-title"><h2 id="ov-new-a-title">'
                 f'{esc(t("overleg.plan.add_title"))}</h2>{choose}'
                 f'<form class="add-row" novalidate data-action="{KEY}.agree_add">'
                 f'<div class="field"><label for="ov-new-wat">{esc(t("plan.add.label"))}</label>'
                 f'<p class="hint" id="ov-new-wat-hint">{esc(t("plan.add.hint"))}</p>'
                 f'<input type="text" id="ov-new-wat" name="wat" maxlength="{MAX_TEXT}" autocomplete="off" '
                 f'aria-describedby="ov-new-wat-hint"></div>'
                 + button(t("plan.add.button"), None, icon=icons.PLUS, cls="btn", kind="submit", id="ov-new-add")
                 + "</form></section>")
    return (f'<div class="ov-plan-layout"><div class="ov-plan-main">{"".join(parts)}</div>'
            f'<aside class="ov-plan-side">{changed}</aside></div>')


def snapshot_title(o) -> str:
    """The title of the map kept in part 7: "Overleg van 15 september 2025"."""
    return t("overleg.snap.title", datum=date_long(o.datum))


def _step7(case, o, v: OverlegView) -> str:
    # kept for this meeting: by its title (a meeting may be written down on a later day) or made that day
    title = snapshot_title(o)
    made = [m for m in case.momentopnamen if m.titel == title or m.gemaakt.date() == o.datum]
    if made:
        done = (f'<p class="ov-done">{icon_html(icons.CHECK)}<span>'
                f'{esc(t("overleg.snap.made", titel=made[-1].titel or date_long(made[-1].gemaakt.date())))}</span></p>')
    else:
        done = ""
    return (f'<section class="bt-box"><p class="bt-b1">{esc(t("overleg.snap.b1"))}</p>{done}'
            + button(t("overleg.snap.make"), f"{KEY}.snap", icon=icons.PIN, cls="btn", id="ov-snap")
            + button(t("overleg.snap.look"), "app.go", icon=icons.ARROW, cls="btn", data={"screen": "relatiekaart"},
                     id="ov-to-map")
            + "</section>")


def _step8(case, o, v: OverlegView) -> str:
    field = text_field(t("overleg.next_date"), id="ov-volgende", kind="date",
                       value=o.volgende.isoformat() if o.volgende else "", action=f"{KEY}.next_date",
                       hint=t("overleg.next_hint"))
    print_btn = button(t("overleg.print"), "app.print", icon=icons.PRINT, cls="btn", id="verslag-print",
                       data={"instrument": "verslag", "choice": o.id})
    return (f'<section class="bt-box">{field}</section>'
            f'<section class="bt-box"><p class="bt-b1">{esc(t("overleg.print_hint"))}</p>{print_btn}</section>')


def _walk(case, o, v: OverlegView, today: dt.date, warnings: tuple[str, ...]) -> str:
    nr = v.step if v.step in STEPS else 1
    if nr == 1:
        body = _step1(case, o, v)
    elif nr == 2:
        body = _list_step(case, o, "successen")
    elif nr == 3:
        body = _list_step(case, o, "zorgen")
    elif nr == 4:
        body = _step4(case, o, v)
    elif nr == 5:
        body = who_html(case, titled=False, warnings=warnings)
    elif nr == 6:
        body = questions_html(case, v.owner_q, KEY, titled=False)
    elif nr == 7:
        body = _step7(case, o, v)
    else:
        body = _step8(case, o, v)
    back = button(t("overleg.back"), f"{KEY}.list", icon=icons.UNDO, cls="btn btn-link ov-back", id="ov-back")
    return (f'<div class="screen screen-{KEY} ov-walk ov-step-{nr}"><div class="ov-walk-top">{back}'
            f'<p class="ov-which">{esc(meeting_title(o, today))}</p></div>{_dots(nr)}'
            f'<h1 id="screen-title" class="ov-title">{esc(t(f"overleg.step.{nr}"))}</h1>'
            f'<p class="bt-b1 ov-b1">{esc(t(f"overleg.do.{nr}"))}</p>'
            f'<div class="ov-body">{body}</div>{_nav(nr)}</div>')


def render(case, v: OverlegView, *, today: dt.date, warnings: tuple[str, ...] = ()) -> str:
    """The list of meetings, or the walk through meeting `v.open_id`. `warnings`: Wie draagt wat's kind
    sentences for step 5 (the screen passes them; render does not compute the load)."""
    o = next((m for m in case.basisteam.overleggen if m.id == v.open_id), None) if v.open_id else None
    if o is None:
        return _list(case, today)
    return _walk(case, o, v, today, warnings)

