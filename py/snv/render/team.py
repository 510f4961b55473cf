"""Team screen (Basisteam, "Je vaste groep"): who is in the group, when it first meets, Wie doet wat
(from the active agreements of the current plan), questions without an owner, and the professionals'
presence over the meetings (falling is good: *zichzelf overbodig maken*).

Members are chosen from those present at the meedenkbijeenkomst; the client is always a member and
cannot be taken out; others from the network can join later (*Iemand anders uit je netwerk*).

`who_html`, `questions_html` and `attendance_html` are shared with the meeting walk (render/overleg.py)
so the team screen and a meeting say the same. The words of an agreement come from render/plan.py.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Callable, Optional

from ..analysis import basisteam as bt
from ..messages import on_change, t
from . import icons
from .format import shown_name
from .html import button, esc, icon_html, marker, text_field
from .plan import date_long, when_text

KEY = "team"
ICON = icons.PHASE["basisteam"]
PICK_FIRST = 16  # people of the network shown under *Iemand anders uit je netwerk* before *Iedereen tonen*
ATTENDANCE_LAST = 8  # meetings in the stepping-back table (it must fit a tablet in portrait)


@dataclass
class TeamView:
    """The screen's state between renders."""
    others: bool = False  # the picker also shows people who were not at the meedenkbijeenkomst
    everyone: bool = False  # ... and all of them, not only the closest PICK_FIRST
    owner_q: Optional[str] = None  # the question whose owner picker is open


# A person's line and an agreement's task line depend only on that (frozen) object: kept by identity, so
# an edit renders again only what changed (the team screen lists every carrier and every task).
_KEPT: dict[tuple[str, int], tuple[Any, str]] = {}
on_change(_KEPT.clear)  # task lines hold words: not across a language switch


def _kept(kind: str, obj: Any, make: Callable[[], str]) -> str:
    hit = _KEPT.get((kind, id(obj)))
    if hit is not None and hit[0] is obj:
        return hit[1]
    if len(_KEPT) > 4000:
        _KEPT.clear()
    html = make()
    _KEPT[(kind, id(obj))] = (obj, html)
    return html


def _person_line(p, *, klant: bool) -> str:
    return _kept("klant" if klant else "persoon", p, lambda: _person_line_html(p, klant=klant))


def _person_line_html(p, *, klant: bool) -> str:
    rol = f'<span class="bt-rol">{esc(p.rol)}</span>' if p.rol.strip() else ""
    return (f'{marker(p.naam, sector=p.sector, professioneel=p.professioneel, soort=p.soort, klant=klant, size=32)}'
            f'<span class="bt-name">{esc(shown_name(p.naam))}</span>{rol}')


def short_date(d: dt.date) -> str:
    """"10-7" (day-month): the column heads of the stepping-back table."""
    return f"{d.day}-{d.month}"


# ----- shared with the meeting walk -----

def _box(cls: str, key: str, titled: bool) -> str:
    """The start of a shared section: with its own heading and B1 line on the team screen; in the
    meeting walk the step's heading says the same, so there the section has none."""
    if not titled:
        return f'<section class="bt-box {cls}">'
    return (f'<section class="bt-box {cls}" aria-labelledby="{cls}-title"><h2 id="{cls}-title">{esc(t(f"{key}.title"))}'
            f'</h2><p class="bt-b1">{esc(t(f"{key}.b1"))}</p>')


def who_html(case, *, titled: bool = True, warnings: tuple[str, ...] = ()) -> str:
    """Wie doet wat, waar, wanneer en hoe: per person their active agreements; agreements without
    anyone ask "Wie doet dit?". `warnings`: kind sentences from Wie draagt wat (analysis/load.py)."""
    sub = "h3"
    who = bt.who_does_what(case)
    people = {p.id: p for p in case.personen}
    parts = [_box("bt-who", "team.who", titled)]
    parts.extend(f'<p class="pl-warn" role="note">{icon_html(icons.INFO)}<span>{esc(w)}</span></p>' for w in warnings)
    if not who.people and not who.nobody:
        parts.append(f'<p class="bt-empty">{esc(t("team.who.empty"))}</p></section>')
        return "".join(parts)
    items = []
    for pid, afspraken in who.people:
        p = people.get(pid)
        if p is None:
            continue
        tasks = "".join(_task(a) for a in afspraken)
        items.append(f'<li class="bt-person"><{sub} class="bt-person-head">{_person_line(p, klant=pid == case.klant_id)}'
                     f'</{sub}><ul class="bt-tasks">{tasks}</ul></li>')
    if who.nobody:
        tasks = "".join(f'<li><span class="bt-wat">{esc(a.wat)}</span> <span class="pl-ask">{esc(t("plan.ask.wie"))}</span>'
                        f'</li>' for a in who.nobody)
        items.append(f'<li class="bt-person bt-nobody"><{sub} class="bt-person-head">{esc(t("team.who.nobody"))}</{sub}>'
                     f'<ul class="bt-tasks">{tasks}</ul></li>')
    parts.append(f'<ul class="bt-people">{"".join(items)}</ul></section>')
    return "".join(parts)


def _task(a) -> str:
    return _kept("taak", a, lambda: _task_html(a))


def _task_html(a) -> str:
    facts = []
    when = when_text(a)
    if when:
        facts.append(t("team.who.when", wanneer=when))
    if a.waar.strip():
        facts.append(t("team.who.where", waar=a.waar.strip()))
    if a.hoe.strip():
        facts.append(t("team.who.how", hoe=a.hoe.strip()))
    line = f'<span class="bt-facts">{esc(" · ".join(facts))}</span>' if facts else ""
    return f'<li><span class="bt-wat">{esc(a.wat)}</span>{line}</li>'


def questions_html(case, open_vid: Optional[str], key: str, *, titled: bool = True) -> str:
    """Questions for the plan without an owner; *Kies wie* opens a choice of the vaste groep (actions
    `<key>.owner_open` and `<key>.owner`)."""
    open_qs = bt.questions_without_owner(case)
    parts = [_box("bt-open", "team.open", titled)]
    if not case.basisposter.vragen:
        parts.append(f'<p class="bt-empty">{esc(t("team.open.no_questions"))}</p></section>')
        return "".join(parts)
    if not open_qs:
        parts.append(f'<p class="bt-empty">{icon_html(icons.CHECK)}{esc(t("team.open.none"))}</p></section>')
        return "".join(parts)
    people = {p.id: p for p in case.personen}
    items = []
    for q in open_qs:
        d = {"vid": q.id}
        is_open = q.id == open_vid
        pick = button(t("team.open.pick"), f"{key}.owner_open", icon=icons.PERSON, cls="btn bt-pick-owner",
                      data=d, pressed=is_open, aria_label=t("team.open.pick_aria", vraag=q.tekst), id=f"bt-pick-{q.id}")
        chooser = ""
        if is_open:
            chips = "".join(
                f'<li>{button(shown_name(people[pid].naam), f"{key}.owner", cls="btn pl-chip", data={**d, "pid": pid})}</li>'
                for pid in bt.team_ids(case) if pid in people)
            chooser = (f'<fieldset class="bt-owner" id="bt-owner-{esc(q.id)}"><legend>{esc(t("team.open.legend"))}</legend>'
                       f'<ul class="pl-chips">{chips}</ul></fieldset>')
        items.append(f'<li class="bt-q"><p class="bt-q-text">{esc(q.tekst)}</p>{pick}{chooser}</li>')
    parts.append(f'<ul class="bt-qs">{"".join(items)}</ul></section>')
    return "".join(parts)


def attendance_html(case) -> str:
    """*Zichzelf overbodig maken*: which professional was at which meeting (a filled or an open dot,
    with words for screen readers), how many per meeting, and one kind sentence."""
    att = bt.attendance(case, ATTENDANCE_LAST)
    parts = [_box("bt-back", "team.back", True)]
    if not att.dates:
        parts.append(f'<p class="bt-empty">{esc(t("team.back.no_meetings"))}</p></section>')
        return "".join(parts)
    if not att.rows:
        parts.append(f'<p class="bt-say">{esc(t("team.back.none"))}</p></section>')
        return "".join(parts)
    people = {p.id: p for p in case.personen}
    heads = "".join(f'<th scope="col"><span aria-hidden="true">{esc(short_date(d))}</span>'
                    f'<span class="visually-hidden">{esc(date_long(d))}</span></th>' for d in att.dates)
    rows = []
    for pid, present in att.rows:
        p = people[pid]
        cells = "".join(
            f'<td><span class="bt-dot{" is-on" if here else ""}" aria-hidden="true"></span>'
            f'<span class="visually-hidden">{esc(t("team.back.here" if here else "team.back.away"))}</span></td>'
            for here in present)
        rol = f' <span class="bt-rol">{esc(p.rol)}</span>' if p.rol.strip() else ""
        rows.append(f'<tr><th scope="row"><span class="bt-name">{esc(shown_name(p.naam))}</span>{rol}</th>{cells}</tr>')
    counts = "".join(f"<td>{n}</td>" for n in att.counts)
    rows.append(f'<tr class="bt-att-count"><th scope="row">{esc(t("team.back.count"))}</th>{counts}</tr>')
    say = t("team.back.falling") if att.falling else t("team.back.steady")
    # many meetings or large letters make it scroll sideways: a keyboard must be able to reach and scroll it
    parts.append(f'<div class="bt-att-wrap" tabindex="0" role="region" aria-label="{esc(t("team.back.caption"))}">'
                 f'<table class="bt-att"><caption class="visually-hidden">'
                 f'{esc(t("team.back.caption"))}</caption><thead><tr><th scope="col">{esc(t("team.back.who"))}</th>'
                 f'{heads}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>'
                 f'<p class="bt-say">{icon_html(icons.CHECK if att.falling else icons.INFO)}<span>{esc(say)}</span></p>'
                 f'</section>')
    return "".join(parts)


def next_meeting(case) -> Optional[dt.date]:
    """When the vaste groep meets next: the newest meeting's *volgende*, else (no meeting yet) the
    first meeting's date from step 7 of the meedenkbijeenkomst."""
    meetings = case.basisteam.overleggen
    return meetings[-1].volgende if meetings else case.basisteam.eerste_overleg


# ----- the team screen -----

def _members(case) -> str:
    people = {p.id: p for p in case.personen}
    rows = []
    for pid in bt.team_ids(case):
        p = people.get(pid)
        if p is None:
            continue
        naam = shown_name(p.naam)
        if pid == case.klant_id:
            tool = f'<span class="bt-always">{esc(t("team.always"))}</span>'
        else:
            tool = button(t("team.out"), f"{KEY}.member", icon=icons.CLOSE, cls="btn bt-out", data={"pid": pid},
                          aria_label=t("team.out_aria", naam=naam))
        rows.append(f'<li class="bt-member" id="bt-m-{esc(pid)}"><span class="bt-who-line">'
                    f'{_person_line(p, klant=pid == case.klant_id)}</span>{tool}</li>')
    alone = len(rows) <= 1
    empty = f'<p class="bt-empty bt-empty-big">{esc(t("team.empty"))}</p>' if alone else ""
    return (f'<section class="bt-box bt-members" aria-labelledby="bt-members-title"><h2 id="bt-members-title">'
            f'{esc(t("team.members.title"))}</h2>{empty}<ul class="bt-member-list">{"".join(rows)}</ul></section>')


def _candidates(case, v: TeamView) -> str:
    """Chips to add someone: first who was at the meedenkbijeenkomst, then (on request) the rest of the
    network, closest first; pets and the deceased cannot join a meeting."""
    team = set(bt.team_ids(case))
    people = {p.id: p for p in case.personen}
    there = [pid for pid in dict.fromkeys(case.bijeenkomst.aanwezig) if pid not in team and pid in people]

    def chip(pid: str) -> str:
        p = people[pid]
        naam = shown_name(p.naam)
        rol = f' <span class="pl-chip-rol">{esc(p.rol)}</span>' if p.rol.strip() else ""
        return (f'<li><button type="button" class="btn pl-chip" data-action="{KEY}.member" data-pid="{esc(pid)}" '
                f'aria-label="{esc(t("team.in_aria", wie=f"{naam} {p.rol.strip()}".strip()))}">{icon_html(icons.PLUS)}<span class="btn-text">'
                f'{esc(naam)}{rol}</span></button></li>')

    parts = [f'<section class="bt-box bt-add" aria-labelledby="bt-add-title"><h2 id="bt-add-title">'
             f'{esc(t("team.add.title"))}</h2>']
    if there:
        parts.append(f'<p class="bt-b1">{esc(t("team.add.from_meeting"))}</p><ul class="pl-chips" id="bt-from-meeting">'
                     f'{"".join(chip(pid) for pid in there)}</ul>')
    elif case.bijeenkomst.aanwezig:
        parts.append(f'<p class="bt-b1">{esc(t("team.add.all_in"))}</p>')
    else:
        parts.append(f'<p class="bt-b1">{esc(t("team.add.no_meeting"))}</p>')
    ring = {"heel_dichtbij": 0, "dichtbij": 1, "verder_weg": 2}
    taken = team | set(there)
    rest = [p for p in case.personen if p.id not in taken and p.soort == "mens" and not p.overleden and p.naam.strip()]
    if rest:
        parts.append(button(t("team.add.others_less" if v.others else "team.add.others"), f"{KEY}.others",
                            icon=icons.PEOPLE, cls="btn bt-others", pressed=v.others, id="bt-others"))
    if v.others and rest:
        rest.sort(key=lambda p: (p.professioneel, ring.get(p.nabijheid or "", 3), p.naam.casefold(), p.id))
        shown = rest if v.everyone else rest[:PICK_FIRST]
        parts.append(f'<ul class="pl-chips" id="bt-others-list">{"".join(chip(p.id) for p in shown)}</ul>')
        if len(rest) > PICK_FIRST:
            parts.append(button(t("plan.wie.less" if v.everyone else "plan.wie.more"), f"{KEY}.everyone",
                                cls="btn pl-more", id="bt-everyone"))
    parts.append("</section>")
    return "".join(parts)


def _dates(case, today: dt.date) -> str:
    first = case.basisteam.eerste_overleg
    nxt = next_meeting(case) if case.basisteam.overleggen else None
    line = (f'<p class="bt-next">{icon_html(icons.PIN)}<span>{esc(t("team.next", datum=date_long(nxt, today)))}</span></p>'
            if nxt else "")
    go = button(t("team.to_overleg"), "app.go", icon=icons.ARROW, cls="btn", data={"screen": "overleg"}, id="bt-to-overleg")
    return (f'<section class="bt-box bt-dates" aria-labelledby="bt-dates-title"><h2 id="bt-dates-title">'
            f'{esc(t("team.dates.title"))}</h2>'
            + text_field(t("team.first"), id="bt-first", kind="date", value=first.isoformat() if first else "",
                         action=f"{KEY}.first", hint=t("team.first_hint"))
            + f"{line}{go}</section>")


def render(case, v: TeamView, *, today: dt.date) -> str:
    head = (f'<div class="screen-head bt-head"><h1 id="screen-title">{esc(t("team.term"))}</h1>'
            f'<p class="screen-sub">{esc(t("team.term_b1"))}</p><p class="bt-b1 bt-lead">{esc(t("team.b1"))}</p></div>')
    left = f"{_members(case)}{_candidates(case, v)}{_dates(case, today)}"
    right = f"{who_html(case)}{questions_html(case, v.owner_q, KEY)}{attendance_html(case)}"
    return (f'<div class="screen screen-{KEY}">{head}<div class="bt-grid"><div class="bt-col">{left}</div>'
            f'<div class="bt-col">{right}</div></div></div>')
