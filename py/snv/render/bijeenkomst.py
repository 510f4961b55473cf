"""Bijeenkomst screen (issue #11 items 2-3): the meeting as a full-screen guide through the seven
steps of DOMAIN.md §5, one step per screen, readable from across a table (site/bijeenkomst.css: body
24 px, headings 36 px and more, high contrast). Each step says what happens and what gets written
down; big *Vorige stap* / *Volgende stap* and "Stap 3 van 7". The step is stored (bijeenkomst.stap).

No begeleider notes anywhere on this screen (it never reads Persoon.notities). Step 5 starts
*Tijd zonder begeleider*; while it is on (case.bijeenkomst.in_privetijd) the screen shows only the
client's questions, the piketpaaltjes, *Wie schrijft op?* and the way to the plan, and the only way
out is *De begeleider komt terug* (a confirm).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Optional

from ..messages import t
from ..model.ops import meeting_questions
from . import icons
from .format import shown_name
from .html import button, esc, icon_html, step_dots, text_field
from .voorbereiden import kader_word

KEY = "bijeenkomst"
STEPS = tuple(range(1, 8))
ICON = icons.PHASE["meedenkbijeenkomst"]


@dataclass
class BijeenkomstView:
    """The screen's state between renders."""
    edit_q: Optional[str] = None  # the question being reworded in step 3
    info_door: Optional[str] = None  # who explains, for the information item being added (step 4)


def _name(people: dict, pid: Optional[str]) -> str:
    p = people.get(pid) if pid else None
    return shown_name(p.naam) if p is not None else "?"


def present(case) -> list:
    """Persons marked present in step 2, the client first if present, in the order they were marked."""
    people = {p.id: p for p in case.personen}
    here = case.bijeenkomst.aanwezig
    ids = [case.klant_id, *here] if case.klant_id in here else list(here)
    return [people[i] for i in dict.fromkeys(ids) if i in people]


def _head(nr: int) -> str:
    dots = step_dots(KEY, STEPS, nr, label=t(f"{KEY}.steps_label"),
                     go=lambda n: t(f"{KEY}.step_go", nr=n, naam=t(f"{KEY}.step.{n}")))
    return (f'<div class="bk-top"><p class="bk-of" id="bk-of">{esc(t(f"{KEY}.step_of", nr=nr))}</p>'
            f'{dots}</div>'
            f'<h1 id="screen-title" class="bk-title">{esc(t(f"{KEY}.step.{nr}"))}</h1>'
            f'<div class="bk-explain"><p><strong>{esc(t(f"{KEY}.happens"))}</strong> {esc(t(f"{KEY}.do.{nr}"))}</p>'
            f'<p><strong>{esc(t(f"{KEY}.written"))}</strong> {esc(t(f"{KEY}.write.{nr}"))}</p></div>')


def _nav(nr: int) -> str:
    prev = button(t(f"{KEY}.prev"), f"{KEY}.step", icon=icons.UNDO, cls="btn bk-nav bk-prev", id="bk-prev",
                  data={"value": nr - 1}, disabled=nr <= 1)
    nxt = (button(t(f"{KEY}.next"), f"{KEY}.step", icon=icons.ARROW, cls="btn btn-primary bk-nav bk-next", id="bk-next",
                  data={"value": nr + 1}) if nr < 7
           else f'<p class="bk-done">{icon_html(icons.CHECK)}{esc(t(f"{KEY}.done"))}</p>')
    return f'<div class="bk-navrow">{prev}{nxt}</div>'


# ----- the steps -----

def _step1(case, v: BijeenkomstView) -> str:
    bk = case.bijeenkomst
    fields = (text_field(t(f"{KEY}.datum"), id="bk-datum", kind="date", value=bk.datum.isoformat() if bk.datum else "",
                         action=f"{KEY}.when", data={"field": "datum"})
              + text_field(t(f"{KEY}.tijd"), id="bk-tijd", kind="time", value=bk.tijd.strftime("%H:%M") if bk.tijd else "",
                           action=f"{KEY}.when", data={"field": "tijd"})
              + text_field(t(f"{KEY}.plaats"), id="bk-plaats", value=bk.plaats, action=f"{KEY}.when",
                           data={"field": "plaats"}, maxlength=120))
    return (f'<p class="bk-big">{esc(t(f"{KEY}.welcome"))}</p>'
            f'<p class="bk-line">{esc(t(f"{KEY}.checkin"))}</p>'
            f'<section class="bk-box" aria-labelledby="bk-when-title"><h2 id="bk-when-title">{esc(t(f"{KEY}.when_where"))}</h2>'
            f'<div class="bk-when">{fields}</div></section>')


def _candidates(case) -> list:
    """Who may be marked present: the client, invitees who said komt, other invitees, then the rest."""
    people = {p.id: p for p in case.personen}
    order = [case.klant_id]
    status = {u.persoon: u.status for u in case.bijeenkomst.uitnodigingen}
    order += [u.persoon for u in case.bijeenkomst.uitnodigingen if u.status == "komt"]
    order += list(case.bijeenkomst.aanwezig)
    order += [u.persoon for u in case.bijeenkomst.uitnodigingen if u.status != "komt"]
    return [(people[i], status.get(i)) for i in dict.fromkeys(order) if i in people]


def _step2(case, v: BijeenkomstView) -> str:
    here = set(case.bijeenkomst.aanwezig)
    intro = {x.persoon: x.tekst for x in case.bijeenkomst.voorstelrondje}
    shown = _candidates(case)
    rows = []
    for p, status in shown:
        naam = shown_name(p.naam)
        on = p.id in here
        said = f'<span class="bk-said">{esc(t(f"{KEY}.present.said_yes"))}</span>' if status == "komt" else ""
        line = ""
        if on:
            line = text_field(t(f"{KEY}.present.intro", naam=naam), id=f"bk-intro-{p.id}", value=intro.get(p.id, ""),
                              action=f"{KEY}.intro", data={"pid": p.id}, hint=t(f"{KEY}.present.intro_hint"),
                              maxlength=300)
        rows.append(f'<li class="bk-person{" is-here" if on else ""}">'
                    + button(naam, f"{KEY}.present", icon=icons.CHECK if on else icons.PERSON, cls="btn bk-toggle",
                             pressed=on, data={"pid": p.id}, aria_label=t(f"{KEY}.present.toggle_aria", naam=naam))
                    + f'{said}{line}</li>')
    shown_ids = {p.id for p, _ in shown}
    others = sorted((p for p in case.personen if p.id not in shown_ids and p.naam.strip()), key=lambda p: p.naam.casefold())
    more = ""
    if others:
        lis = "".join(f'<li>{button(p.naam, f"{KEY}.present", icon=icons.PLUS, cls="btn btn-small", data={"pid": p.id}, pressed=False)}</li>'
                      for p in others)
        more = (f'<details class="bk-more"><summary>{esc(t(f"{KEY}.present.others"))}</summary>'
                f'<ul class="bk-morelist">{lis}</ul></details>')
    count = len(here)
    return (f'<p class="bk-line">{esc(t(f"{KEY}.present.hint"))} {esc(t(f"{KEY}.present.count", count=count))}</p>'
            f'<ul class="bk-people">{"".join(rows)}</ul>{more}')


def questions_html(case, *, editable: bool, edit_q: Optional[str] = None) -> str:
    """The client's questions for the meeting, large and numbered (steps 3 and 5)."""
    qs = meeting_questions(case)
    if not qs:
        return f'<p class="bk-line">{esc(t(f"{KEY}.q.none"))}</p>'
    lis = []
    for nr, q in enumerate(qs, 1):
        tools = ""
        if editable:
            if edit_q == q.id:
                body = (f'<div class="field bk-qedit"><label for="bk-q-{esc(q.id)}">{esc(t(f"{KEY}.q.label", nr=nr))}</label>'
                        f'<textarea id="bk-q-{esc(q.id)}" rows="2" maxlength="2000" data-action="{KEY}.q_text" '
                        f'data-vid="{esc(q.id)}" data-autofocus>{esc(q.tekst)}</textarea></div>')
                tools = button(t(f"{KEY}.q.done"), f"{KEY}.q_edit", icon=icons.CHECK, cls="btn", data={"vid": ""})
            else:
                body = f'<p class="bk-q-text">{esc(q.tekst)}</p>'
                tools = button(t(f"{KEY}.q.reword"), f"{KEY}.q_edit", cls="btn", data={"vid": q.id},
                               aria_label=t(f"{KEY}.q.reword_aria", nr=nr))
            tools += (button(t(f"{KEY}.q.up"), f"{KEY}.q_move", cls="btn", data={"vid": q.id, "step": "-1"},
                             disabled=nr == 1, aria_label=t(f"{KEY}.q.up_aria", nr=nr))
                      + button(t(f"{KEY}.q.down"), f"{KEY}.q_move", cls="btn", data={"vid": q.id, "step": "1"},
                               disabled=nr == len(qs), aria_label=t(f"{KEY}.q.down_aria", nr=nr)))
            tools = f'<div class="bk-q-tools">{tools}</div>'
        else:
            body = f'<p class="bk-q-text">{esc(q.tekst)}</p>'
        lis.append(f'<li class="bk-q" data-vid="{esc(q.id)}"><span class="bk-q-nr" aria-hidden="true">{nr}</span>'
                   f'<div class="bk-q-body">{body}{tools}</div></li>')
    return f'<ol class="bk-questions">{"".join(lis)}</ol>'


def piket_html(case) -> str:
    """*Afspraken die vastliggen* as fixed borders: a locked, framed box (steps 4 and 5)."""
    people = {p.id: p for p in case.personen}
    items = "".join(f'<li class="bk-piket">{icon_html(icons.LOCK)}<div><p class="bk-piket-text">{esc(k.tekst)}</p>'
                    f'<p class="bk-piket-by">{esc(t(f"{KEY}.piket.by", naam=_name(people, k.gesteld_door)))} · '
                    f'{esc(kader_word(k.kader))}</p></div></li>'
                    for k in case.bijeenkomst.piketpaaltjes)
    body = (f'<ul class="bk-pikets">{items}</ul>' if items
            else f'<p class="bk-line">{esc(t(f"{KEY}.piket.none"))}</p>')
    return (f'<section class="bk-fixed" aria-labelledby="bk-piket-title"><h2 id="bk-piket-title">{icon_html(icons.LOCK)}'
            f'{esc(t(f"{KEY}.piket.title"))}</h2><p class="bk-line">{esc(t(f"{KEY}.piket.b1"))}</p>{body}</section>')


def _step3(case, v: BijeenkomstView) -> str:
    return questions_html(case, editable=True, edit_q=v.edit_q)


def _step4(case, v: BijeenkomstView) -> str:
    people = {p.id: p for p in case.personen}
    items = []
    for i in case.bijeenkomst.info:
        answer = (f'<p class="bk-answer">{esc(i.antwoord)}</p>' if i.antwoord
                  else f'<p class="bk-answer is-empty">{esc(t(f"{KEY}.info.no_answer"))}</p>')
        by = f'<p class="bk-by">{esc(t(f"{KEY}.info.by", naam=_name(people, i.door)))}</p>' if i.door else ""
        items.append(f'<li class="bk-info"><p class="bk-info-q">{esc(i.vraag)}</p>{answer}{by}'
                     + button(t(f"{KEY}.info.remove"), f"{KEY}.info_remove", icon=icons.TRASH, cls="btn btn-small",
                              data={"iid": i.id}, aria_label=t(f"{KEY}.info.remove_aria", vraag=i.vraag))
                     + "</li>")
    listing = (f'<ul class="bk-infos">{"".join(items)}</ul>' if items
               else f'<p class="bk-line">{esc(t(f"{KEY}.info.none"))}</p>')
    who = present(case) or [p for p in case.personen if p.professioneel]
    door = "".join(button(p.naam or "?", f"{KEY}.info_door", cls="seg", data={"value": p.id},
                          pressed=v.info_door == p.id) for p in who)
    form = (f'<form class="bk-info-form" novalidate data-action="{KEY}.info_add" autocomplete="off">'
            f'<div class="field"><label for="bk-info-vraag">{esc(t(f"{KEY}.info.vraag"))}</label>'
            f'<input type="text" id="bk-info-vraag" name="vraag" maxlength="300"></div>'
            f'<div class="field"><label for="bk-info-antwoord">{esc(t(f"{KEY}.info.antwoord"))}</label>'
            f'<textarea id="bk-info-antwoord" name="antwoord" rows="2" maxlength="2000"></textarea></div>'
            f'<fieldset class="segmented seg-wrap"><legend>{esc(t(f"{KEY}.info.door"))}</legend>'
            f'<div class="seg-row">{door}</div></fieldset>'
            + button(t(f"{KEY}.info.add"), None, icon=icons.PLUS, cls="btn btn-primary", kind="submit", id="bk-info-add")
            + "</form>")
    return (f'<div class="bk-two"><section class="bk-box" aria-labelledby="bk-info-title"><h2 id="bk-info-title">'
            f'{esc(t(f"{KEY}.info.title"))}</h2>{listing}{form}</section>{piket_html(case)}</div>')


def _writer(case) -> str:
    here = present(case) or [case.klant]
    current = case.bijeenkomst.genoteerd_door
    seg = "".join(button(p.naam or "?", f"{KEY}.writer", cls="seg", data={"value": p.id}, pressed=current == p.id)
                  for p in here if not p.professioneel)
    return (f'<fieldset class="segmented seg-wrap bk-writer"><legend>{esc(t(f"{KEY}.priv.writer"))}</legend>'
            f'<div class="seg-row">{seg}</div></fieldset>')


def _step5(case, v: BijeenkomstView, now: Optional[dt.datetime]) -> str:
    bk = case.bijeenkomst
    if not bk.in_privetijd:
        earlier = "".join(
            f'<p class="bk-line">{esc(t(f"{KEY}.priv.earlier", begin=s.begin.strftime("%H:%M"), einde=s.einde.strftime("%H:%M")))}</p>'
            for s in bk.privetijd if s.einde is not None)
        return (f'<p class="bk-big">{esc(t(f"{KEY}.priv.b1"))}</p>'
                f'<p class="bk-line">{esc(t(f"{KEY}.priv.start_hint"))}</p>'
                + button(t(f"{KEY}.priv.start"), f"{KEY}.priv_start", icon=icons.LOCK, cls="btn btn-primary bk-huge",
                         id="bk-priv-start")
                + earlier)
    plan = button(t(f"{KEY}.priv.to_plan"), "plan.show", icon=icons.LIST, cls="btn btn-primary bk-huge",
                  id="bk-plan-edit", data={"mode": "bewerken"})
    back = button(t(f"{KEY}.priv.back"), f"{KEY}.priv_stop", icon=icons.ARROW, cls="btn bk-huge bk-back",
                  id="bk-priv-stop")
    return (f'<p class="bk-big bk-priv-on">{icon_html(icons.LOCK)}{esc(t(f"{KEY}.priv.b1"))}</p>'
            f'<p class="bk-line">{esc(t(f"{KEY}.priv.on"))}</p>'
            f'{_writer(case)}'
            f'<section class="bk-box" aria-labelledby="bk-pq-title"><h2 id="bk-pq-title">{esc(t(f"{KEY}.priv.questions"))}</h2>'
            f'{questions_html(case, editable=False)}</section>'
            f'{piket_html(case)}<div class="bk-priv-actions">{plan}{back}</div>')


def _step6(case, v: BijeenkomstView) -> str:
    return (f'<p class="bk-line">{esc(t(f"{KEY}.show.hint"))}</p>'
            + button(t(f"{KEY}.show.button"), "plan.show", icon=icons.EYE, cls="btn btn-primary bk-huge", id="bk-plan-show",
                     data={"mode": "presentatie"})
            + piket_html(case))


def _step7(case, v: BijeenkomstView) -> str:
    team = set(case.basisteam.leden) | {case.klant_id}
    here = [case.klant, *(p for p in present(case) if p.id != case.klant_id)]
    rows = []
    for p in here:
        naam = shown_name(p.naam)
        client = p.id == case.klant_id
        on = p.id in team
        always = f'<span class="bk-said">{esc(t(f"{KEY}.team.always"))}</span>' if client else ""
        rows.append(f'<li class="bk-person{" is-here" if on else ""}">'
                    + button(naam, f"{KEY}.team", icon=icons.CHECK if on else icons.PERSON, cls="btn bk-toggle",
                             pressed=on, data={"pid": p.id}, disabled=client,
                             aria_label=t(f"{KEY}.team.toggle_aria", naam=naam))
                    + f"{always}</li>")
    none = (f'<p class="bk-line">{esc(t(f"{KEY}.team.none_present"))}</p>' if len(here) <= 1 else "")
    first = case.basisteam.eerste_overleg
    return (f'<p class="bk-line">{esc(t(f"{KEY}.team.hint"))}</p>{none}'
            f'<ul class="bk-people">{"".join(rows)}</ul>'
            f'<section class="bk-box">'
            + text_field(t(f"{KEY}.team.first"), id="bk-first", kind="date", value=first.isoformat() if first else "",
                         action=f"{KEY}.first")
            + "</section>")


def render(case, v: BijeenkomstView, *, now: Optional[dt.datetime] = None) -> str:
    bk = case.bijeenkomst
    nr = 5 if bk.in_privetijd else bk.stap  # during privétijd the meeting stays in step 5
    body = {1: _step1, 2: _step2, 3: _step3, 4: _step4, 6: _step6, 7: _step7}.get(nr)
    content = _step5(case, v, now) if nr == 5 else body(case, v)  # type: ignore[misc]
    nav = "" if bk.in_privetijd else _nav(nr)
    return (f'<div class="screen screen-{KEY} bk bk-step-{nr}{" is-private" if bk.in_privetijd else ""}">'
            f'{_head(nr) if not bk.in_privetijd else _private_head()}'
            f'<div class="bk-body">{content}</div>{nav}</div>')


def _private_head() -> str:
    return (f'<div class="bk-top"><p class="bk-of">{esc(t(f"{KEY}.step_of", nr=5))}</p></div>'
            f'<h1 id="screen-title" class="bk-title">{esc(t(f"{KEY}.priv.title"))}</h1>')
