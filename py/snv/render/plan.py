"""Plan screen ("Ons plan"): the agreements of the current plan per question, from the case and a PlanView.

Two modes: `bewerken` (the editor: one agreement open at a time, the rest as short cards) and
`presentatie` (the whole plan read-only in large type, readable across a table; gaps as friendly
questions, never a grade, no approve-all). The piketpaaltjes (afspraken die vastliggen) stand above the
plan in both modes; only in the presentation does the professional who set one say *akkoord* or *nog
niet* (with a reason), one piketpaaltje at a time. Beside the editor: Wie draagt wat (analysis/load.py)
and, when there are several versions, Vergelijk met vorige (analysis/plan_diff.py).

The grouping and the wording of an agreement (who, when) are shared with the print/SVG "Ons plan"
(render/plan_svg.py), so paper and screen say the same.
"""
from __future__ import annotations

import datetime as dt
import weakref
from dataclasses import dataclass
from typing import Any, Iterable, Optional

from ..messages import on_change, t
from ..model.limits import MAX_TEXT
from . import icons
from .format import date_nl
from .html import button, esc, icon_html, segmented, text_field

KEY = "plan"
MODES = ("bewerken", "presentatie")
FREQS = ("dagelijks", "wekelijks", "maandelijks", "paar_keer_per_jaar", "zelden", "eenmalig")
STATUSES = ("actief", "gestopt", "klaar")
PICKER_FIRST = 16  # people shown in the wie picker before *Iedereen tonen*

_I = icons._svg
ICON_PLAN = _I('<rect x="5" y="3" width="14" height="18" rx="1.5"/><path d="M9 3v2h6V3M8.5 10h7M8.5 14h7M8.5 18h4"/>')
ICON_PRESENT = _I('<rect x="3" y="4" width="18" height="12" rx="1"/><path d="M12 16v4M8 20h8"/>')
ICON_EDIT = _I('<path d="M4 20h4L19 9l-4-4L4 16z"/><path d="m13.5 6.5 4 4"/>')
ICON_COMPARE = _I('<rect x="3" y="5" width="7" height="14" rx="1"/><rect x="14" y="5" width="7" height="14" rx="1"/>'
                  '<path d="M12 3v18"/>')
ICON_PAAL = _I('<path d="M12 3v18M8 21h8"/><path d="m12 3 4 3-4 3"/>')


@dataclass
class PlanView:
    """The screen's state between renders (defaults here only); ui/plan.py changes it."""
    mode: str = "bewerken"  # one of MODES
    open_id: Optional[str] = None  # the agreement whose editor is open
    adding: Optional[str] = None  # question id whose add form is open ("" = Andere afspraken)
    compare: bool = False  # the *Vergelijk met vorige* panel
    compare_to: Optional[int] = None  # the newer version of the comparison (None: the current one)
    all_people: bool = False  # the wie picker shows everyone


# ----- shared with the SVG -----

def date_long(d: dt.date, today: Optional[dt.date] = None) -> str:
    """"14 maart" (this year) or "14 maart 2025"; the month in the language of the app (the
    catalogue's month names, shared with the invitation)."""
    text = f"{d.day} {t(f'voorbereiden.month.{d.month}')}"
    return text if today is not None and d.year == today.year else f"{text} {d.year}"


def questions(case) -> list:
    """The basisposter's questions in their order (volgorde, then as listed)."""
    return [v for _, v in sorted(enumerate(case.basisposter.vragen), key=lambda iv: (iv[1].volgorde, iv[0]))]


def groups(case, plan) -> list[tuple[Optional[Any], list]]:
    """[(question or None for Andere afspraken, its agreements)] in question order; the last group
    holds agreements without a (known) question. Every question is listed, with or without agreements."""
    afspraken = plan.afspraken if plan is not None else []
    qs = questions(case)
    known = {q.id for q in qs}
    out: list[tuple[Optional[Any], list]] = [(q, [a for a in afspraken if a.vraag_id == q.id]) for q in qs]
    out.append((None, [a for a in afspraken if a.vraag_id not in known]))
    return out


def names_of(case, ids: Iterable[str]) -> list[str]:
    names = {p.id: p.naam for p in case.personen}
    return [names.get(i, "?") for i in ids]


def join_names(names: list[str]) -> str:
    """"Anna", "Anna en Daan", "Anna, Daan en Sam"."""
    names = [n for n in names if n]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} en {names[-1]}"


def who_text(case, a) -> Optional[str]:
    """The names in `wie`, or None (then ask "Wie doet dit?")."""
    return join_names(names_of(case, a.wie)) or None


def when_text(a, sep: str = " · ") -> Optional[str]:
    """"Dinsdag om 18.00 uur · wekelijks", or None when neither wanneer nor hoe vaak is known."""
    parts = [a.wanneer.strip()] if a.wanneer.strip() else []
    if a.hoe_vaak:
        freq = t(f"plan.freq.{a.hoe_vaak}")
        parts.append(freq.lower() if parts else freq)
    return sep.join(parts) or None


def dates_text(a) -> str:
    if a.start and a.evaluatie:
        return t("plan.dates", start=date_nl(a.start), evaluatie=date_nl(a.evaluatie))
    if a.start:
        return t("plan.date_start", start=date_nl(a.start))
    if a.evaluatie:
        return t("plan.date_evaluatie", evaluatie=date_nl(a.evaluatie))
    return ""


def version_text(plan, today: Optional[dt.date] = None) -> str:
    return t("plan.version", versie=plan.versie, datum=date_long(plan.datum, today))


def kader_text(case, pk) -> str:
    try:
        naam = case.persoon(pk.gesteld_door).naam
    except KeyError:
        naam = "?"
    return t("plan.piket.by_kader", naam=naam, kader=t(f"plan.piket.kader.{pk.kader}"))


def number_nl(x: float) -> str:
    """30 -> "30", 4.5 -> "4,5", 0.25 -> "0,3" (one decimal, Dutch comma)."""
    s = f"{x:.1f}".rstrip("0").rstrip(".")
    return s.replace(".", ",")


# ----- pieces of the screen -----

# Agreements and the person list are frozen: the HTML of an unchanged agreement card is kept, so an edit
# of one agreement (or a switch of mode) re-renders only what changed. Keyed by object identity and
# checked against the objects themselves (an id can be reused once an object is gone).
_CARDS: dict[tuple[str, int, int], tuple[Any, Any, str]] = {}
_CARDS_MAX = 2000
on_change(_CARDS.clear)  # cards hold words: not across a language switch


def _memo(kind: str, case, a, make) -> str:
    key = (kind, id(a), id(case.personen))
    hit = _CARDS.get(key)
    if hit is not None and hit[0] is a and hit[1] is case.personen:
        return hit[2]
    html = make()
    if len(_CARDS) >= _CARDS_MAX:
        _CARDS.clear()
    _CARDS[key] = (a, case.personen, html)
    return html


def _ask(text: str) -> str:
    return f'<span class="pl-ask">{esc(text)}</span>'


def _facts(case, a, *, big: bool = False) -> str:
    """Wie / Wanneer / Waar / Hoe / dates as a definition list; gaps as friendly questions."""
    rows = []
    who = who_text(case, a)
    rows.append((t("plan.field.wie"), esc(who) if who else _ask(t("plan.ask.wie"))))
    when = when_text(a)
    rows.append((t("plan.field.wanneer"), esc(when) if when else _ask(t("plan.ask.wanneer"))))
    if a.waar.strip():
        rows.append((t("plan.field.waar"), esc(a.waar)))
    if a.hoe.strip():
        rows.append((t("plan.field.hoe"), esc(a.hoe)))
    dates = dates_text(a)
    body = "".join(f"<div><dt>{esc(k)}</dt><dd>{v}</dd></div>" for k, v in rows)
    extra = f'<p class="pl-dates">{esc(dates)}</p>' if dates else ""
    return f'<dl class="pl-facts{" pl-facts-big" if big else ""}">{body}</dl>{extra}'


def _status_badge(a) -> str:
    if a.status == "actief":
        return ""
    return f'<span class="pl-badge st-{esc(a.status)}">{esc(t(f"plan.status.{a.status}"))}</span>'


def _card(case, a) -> str:
    """A closed agreement in the editor: what, the facts, *Bewerken*."""
    return _memo("card", case, a, lambda: _card_html(case, a))


def _card_html(case, a) -> str:
    edit = button(t("plan.edit"), f"{KEY}.open", icon=ICON_EDIT, cls="btn pl-edit", data={"aid": a.id},
                  aria_label=t("plan.edit_aria", wat=a.wat))
    return (f'<article class="pl-card st-{esc(a.status)}" id="pl-a-{esc(a.id)}" data-aid="{esc(a.id)}">'
            f'<div class="pl-card-head"><h3 class="pl-wat">{esc(a.wat)}</h3>{_status_badge(a)}</div>'
            f'{_facts(case, a)}<div class="pl-card-tools">{edit}</div></article>')


def _people_for_picker(case, a, all_people: bool) -> tuple[list, bool]:
    """Chosen people first, then the client, then by closeness and name; pets and the deceased
    cannot do a task. Returns (people, more to show)."""
    ring = {"heel_dichtbij": 0, "dichtbij": 1, "verder_weg": 2}
    chosen = set(a.wie)
    people = [p for p in case.personen if p.id in chosen or (p.soort == "mens" and not p.overleden and p.naam.strip())]
    people.sort(key=lambda p: (p.id not in chosen, p.id != case.klant_id, p.professioneel,
                               ring.get(p.nabijheid or "", 3), p.naam.casefold(), p.id))
    if all_people or len(people) <= PICKER_FIRST:
        return people, False
    first = people[:max(PICKER_FIRST, len(chosen))]
    return first, True


def _wie_picker(case, a, all_people: bool, key: str = KEY) -> str:
    people, more = _people_for_picker(case, a, all_people)
    chosen = set(a.wie)
    chips = []
    for p in people:
        on = p.id in chosen
        rol = f' <span class="pl-chip-rol">{esc(p.rol)}</span>' if p.rol else ""
        check = icon_html(icons.CHECK) if on else ""
        chips.append(f'<li><button type="button" class="btn pl-chip{" is-on" if on else ""}" '
                     f'data-action="{key}.wie" data-aid="{esc(a.id)}" data-pid="{esc(p.id)}" '
                     f'aria-pressed="{"true" if on else "false"}">{check}<span class="btn-text">'
                     f'{esc(p.naam)}{rol}</span></button></li>')
    toggle = ""
    if more or all_people:
        toggle = button(t("plan.wie.less" if all_people else "plan.wie.more"), f"{key}.people", cls="btn pl-more",
                        data={"aid": a.id})
    ask = "" if a.wie else f'<p class="pl-ask-line">{_ask(t("plan.ask.wie"))}</p>'
    return (f'<fieldset class="pl-wie" id="pl-wie-{esc(a.id)}"><legend>{esc(t("plan.wie.legend"))}</legend>{ask}'
            f'<p class="hint">{esc(t("plan.wie.hint"))}</p><ul class="pl-chips">{"".join(chips)}</ul>{toggle}</fieldset>')


def _editor(case, a, v: PlanView) -> str:
    return agreement_editor(case, a, all_people=v.all_people)


def agreement_editor(case, a, *, all_people: bool, key: str = KEY) -> str:
    """The open agreement: every field; typed text commits like the app's other text fields. `key` is
    the prefix of its actions (`<key>.field`, `.set`, `.wie`, `.people`, `.close`, `.remove`): the
    basisteam's meeting (render/overleg.py) edits the plan with the same editor through its own ops."""
    d = {"aid": a.id}

    def field(name: str, **kw: Any) -> str:
        return text_field(t(f"plan.field.{name}"), id=f"pl-{name}", value=str(getattr(a, name) or ""),
                          action=f"{key}.field", data={**d, "field": name}, **kw)

    def date_field(name: str) -> str:
        value = getattr(a, name)
        return text_field(t(f"plan.field.{name}"), id=f"pl-{name}", value=value.isoformat() if value else "",
                          action=f"{key}.field", data={**d, "field": name}, kind="date",
                          hint=t(f"plan.hint.{name}"))

    freq = segmented(t("plan.field.hoe_vaak"), [(f, t(f"plan.freq.{f}")) for f in FREQS] + [("", t("plan.freq.none"))],
                     a.hoe_vaak or "", f"{key}.set", data={**d, "field": "hoe_vaak"}, cls="seg-wrap",
                     group_id="pl-hoe_vaak")
    status = segmented(t("plan.field.status"), [(s, t(f"plan.status.{s}")) for s in STATUSES], a.status,
                       f"{key}.set", data={**d, "field": "status"}, group_id="pl-status")
    tools = (button(t("plan.done"), f"{key}.close", icon=icons.CHECK, cls="btn btn-primary", id="pl-done", data=d)
             + button(t("plan.remove"), f"{key}.remove", icon=icons.TRASH, cls="btn btn-danger-quiet", id="pl-remove",
                      data=d))
    return (f'<article class="pl-card is-open st-{esc(a.status)}" id="pl-a-{esc(a.id)}" data-aid="{esc(a.id)}" '
            f'aria-labelledby="pl-open-title"><h3 class="visually-hidden" id="pl-open-title">{esc(a.wat)}</h3>'
            f'{field("wat", maxlength=MAX_TEXT, required=True, autofocus=True)}'
            f'{_wie_picker(case, a, all_people, key)}'
            f'<div class="pl-grid">{field("waar", maxlength=MAX_TEXT)}'
            f'{field("wanneer", maxlength=MAX_TEXT, hint=t("plan.hint.wanneer"))}</div>'
            f'{freq}{field("hoe", maxlength=MAX_TEXT)}'
            f'<div class="pl-grid">{date_field("start")}{date_field("evaluatie")}</div>'
            f'{status}<div class="pl-card-tools">{tools}</div></article>')


def _add(vraag_id: str, v: PlanView, vraag_text: Optional[str]) -> str:
    label = t("plan.add_for", vraag=vraag_text) if vraag_text else t("plan.add")
    if v.adding != vraag_id:
        return ('<div class="pl-add-row">'
                + button(t("plan.add"), f"{KEY}.adding", icon=icons.PLUS, cls="btn pl-add", data={"vraag": vraag_id},
                         aria_label=label) + "</div>")
    return (f'<form class="pl-add-form" novalidate data-action="{KEY}.add" data-vraag="{esc(vraag_id)}">'
            f'<div class="field"><label for="pl-new">{esc(t("plan.add.label"))}</label>'
            f'<p class="hint" id="pl-new-hint">{esc(t("plan.add.hint"))}</p>'
            f'<input type="text" id="pl-new" name="wat" maxlength="{MAX_TEXT}" autocomplete="off" aria-required="true" '
            f'aria-describedby="pl-new-hint" data-autofocus></div>'
            f'<div class="pl-card-tools">'
            + button(t("plan.add.button"), None, icon=icons.PLUS, cls="btn btn-primary", id="pl-new-add", kind="submit")
            + button(t("plan.add.cancel"), f"{KEY}.adding", cls="btn", data={"vraag": vraag_id, "cancel": "1"},
                     id="pl-new-cancel")
            + "</div></form>")


def _group_head(q, count: int, big: bool) -> str:
    if q is None:
        title = f'<h2 class="pl-q-text pl-q-others">{esc(t("plan.others"))}</h2>'
    else:
        title = (f'<p class="pl-q-label">{esc(t("plan.question_label"))}</p>'
                 f'<h2 class="pl-q-text">{esc(q.tekst)}</h2>')
    n = t("plan.count.none") if count == 0 else (t("plan.count.one") if count == 1 else t("plan.count.many", count=count))
    count_html = "" if big else f'<p class="pl-q-count">{esc(n)}</p>'
    return f'<div class="pl-q-head">{title}{count_html}</div>'


def _editor_body(case, plan, v: PlanView) -> str:
    parts = []
    empty = plan is None or not plan.afspraken
    if empty:
        parts.append(f'<p class="pl-empty">{esc(t("plan.empty"))}</p>')
    if not case.basisposter.vragen:
        parts.append(f'<p class="hint">{esc(t("plan.no_questions"))}</p>')
    for q, afspraken in groups(case, plan):
        if q is None and not afspraken and case.basisposter.vragen and v.adding != "":
            # no others yet: the add button alone, quietly
            parts.append(f'<section class="pl-q pl-q-none">{_group_head(None, 0, False)}{_add("", v, None)}</section>')
            continue
        cards = "".join(_editor(case, a, v) if a.id == v.open_id else _card(case, a) for a in afspraken)
        vid = q.id if q is not None else ""
        parts.append(f'<section class="pl-q" data-vraag="{esc(vid)}">{_group_head(q, len(afspraken), False)}'
                     f'<div class="pl-cards">{cards}</div>{_add(vid, v, q.tekst if q else None)}</section>')
    return "".join(parts)


def _present_body(case, plan) -> str:
    if plan is None or not plan.afspraken:
        return f'<p class="pl-empty pl-empty-big">{esc(t("plan.empty"))}</p>'
    parts = []
    for q, afspraken in groups(case, plan):
        if not afspraken:
            continue
        items = "".join(_memo("present", case, a, lambda a=a: (
            f'<li class="pl-pcard st-{esc(a.status)}"><p class="pl-p-wat">{esc(a.wat)} {_status_badge(a)}</p>'
            f'{_facts(case, a, big=True)}</li>')) for a in afspraken)
        parts.append(f'<section class="pl-q">{_group_head(q, len(afspraken), True)}<ol class="pl-plist">{items}</ol></section>')
    return "".join(parts)


def _piketpaaltjes(case, v: PlanView) -> str:
    paaltjes = case.bijeenkomst.piketpaaltjes
    if not paaltjes:
        return ""
    present = v.mode == "presentatie"
    items = []
    for pk in paaltjes:
        try:
            naam = case.persoon(pk.gesteld_door).naam
        except KeyError:
            naam = "?"
        body = [f'<p class="pl-paal-tekst">{esc(pk.tekst)}</p><p class="pl-paal-by">{esc(kader_text(case, pk))}</p>']
        if present:
            d = {"pid": pk.id}
            body.append(segmented(t("plan.piket.ask", naam=naam),
                                  [("akkoord", t("plan.piket.akkoord")), ("nog_niet", t("plan.piket.nog_niet"))],
                                  pk.oordeel or "", f"{KEY}.oordeel", data=d, group_id=f"pl-oordeel-{pk.id}"))
            if pk.oordeel is not None:
                error = t("plan.piket.uitleg_needed") if pk.oordeel == "nog_niet" and not pk.uitleg.strip() else ""
                label = t("plan.piket.uitleg" if pk.oordeel == "nog_niet" else "plan.piket.uitleg_akkoord")
                body.append(text_field(label, id=f"pl-uitleg-{pk.id}", value=pk.uitleg,
                                       action=f"{KEY}.uitleg", data=d, maxlength=MAX_TEXT,
                                       hint=t("plan.piket.uitleg_hint"), error=error))
        else:
            said = t(f"plan.piket.said.{pk.oordeel or 'open'}", naam=naam)
            extra = f" {esc(pk.uitleg)}" if pk.oordeel and pk.uitleg.strip() else ""
            body.append(f'<p class="pl-paal-said">{esc(said)}{"" if not extra else " —"}{extra}</p>')
        items.append(f'<li class="pl-paal" id="pl-paal-{esc(pk.id)}">{icon_html(ICON_PAAL)}<div>{"".join(body)}</div></li>')
    return (f'<section class="pl-piket" aria-labelledby="pl-piket-title"><h2 id="pl-piket-title">'
            f'{esc(t("plan.piket.title"))}</h2><p class="pl-b1">{esc(t("plan.piket.b1"))}</p>'
            f'<ul class="pl-paaltjes">{"".join(items)}</ul></section>')


def _toolbar(case, v: PlanView) -> str:
    modes = "".join(
        button(t(f"plan.mode.{m}"), f"{KEY}.show", icon=ICON_EDIT if m == "bewerken" else ICON_PRESENT,
               cls="btn seg pl-mode", pressed=v.mode == m, data={"mode": m}, id=f"pl-mode-{m}")
        for m in MODES)
    parts = [f'<div class="pl-modes" role="group" aria-label="{esc(t("plan.mode.legend"))}">{modes}</div>']
    if len(case.plannen) >= 2 and v.mode == "bewerken":
        parts.append(button(t("plan.tool.compare"), f"{KEY}.compare", icon=ICON_COMPARE, cls="btn", pressed=v.compare,
                            id="pl-compare"))
    parts.append(button(t("ui.print.instrument"), "app.print", icon=icons.PRINT, cls="btn", id="plan-print",
                        data={"instrument": KEY}))
    return f'<div class="pl-toolbar" role="toolbar" aria-label="{esc(t("plan.tool.label"))}">{"".join(parts)}</div>'


# ----- side panels -----

def load_panel(case, load) -> str:
    """Wie draagt wat: bars with names and numbers (never colour alone), kind warnings, ideas, and what
    the client gives back. `load` is analysis.load.Load (None: analysis not available)."""
    head = (f'<section class="pl-load" aria-labelledby="pl-load-title"><h2 id="pl-load-title">'
            f'{esc(t("plan.load.title"))}</h2><p class="pl-b1">{esc(t("plan.load.b1"))}</p>')
    if load is None:
        return head + "</section>"
    parts = [head]
    if not load.order:
        parts.append(f'<p>{esc(t("plan.load.none"))}</p>')
    else:
        top = max(load.weights.values()) or 1.0
        names = {p.id: p.naam for p in case.personen}
        rows = []
        for pid in load.order:
            w = load.weights[pid]
            keer = t("plan.load.per_month", n=number_nl(w)) if w >= 1 else t("plan.load.less")
            pct = round(100 * load.share(pid))
            width = max(2.0, 100 * w / top)
            naam = names.get(pid, "?")
            rows.append(f'<li class="pl-bar-row" aria-label="{esc(t("plan.load.aria", naam=naam, keer=keer, pct=pct))}">'
                        f'<span class="pl-bar-name">{esc(naam)}</span>'
                        f'<span class="pl-bar" aria-hidden="true"><span class="pl-bar-fill" style="width:{width:.0f}%">'
                        f'</span></span><span class="pl-bar-num" aria-hidden="true">{esc(keer)} · '
                        f'{esc(t("plan.load.share", pct=pct))}</span></li>')
        parts.append(f'<ul class="pl-bars">{"".join(rows)}</ul>')
    for w in load.warnings:
        parts.append(f'<p class="pl-warn" role="note">{icon_html(icons.INFO)}<span>{esc(w.text)}</span></p>')
    if load.suggestions:
        ideas = join_names(names_of(case, load.suggestions[:12]))
        parts.append(f'<div class="pl-ideas"><p>{esc(t("plan.load.ideas"))} <strong>{esc(ideas)}</strong>.</p>'
                     f'<p>{esc(t("plan.load.ideas_q"))}</p></div>')
    klant = case.klant.naam
    plan = case.huidig_plan
    own = [a.wat for a in (plan.afspraken if plan else ()) if a.id in set(load.client_agreements)]
    gives = [f'<h3>{esc(t("plan.load.gives", naam=klant))}</h3>']
    if own:
        gives.append("<ul>" + "".join(f"<li>{esc(t('plan.load.gives_plan', wat=w))}</li>" for w in own) + "</ul>")
    else:
        gives.append(f'<p>{esc(t("plan.load.gives_none", naam=klant))}</p>')
    if load.client_helps:
        gives.append(f'<p>{esc(t("plan.load.gives_help", naam=klant, namen=join_names(names_of(case, load.client_helps))))}</p>')
    parts.append(f'<div class="pl-gives">{"".join(gives)}</div></section>')
    return "".join(parts)


def diff_lines(case, diff) -> list[tuple[str, list[str]]]:
    """[(group, sentences)] of a analysis.plan_diff.PlanDiff, groups in their fixed order."""
    from ..analysis.plan_diff import GROUPS  # noqa: PLC0415

    def who(ids) -> str:
        return join_names(names_of(case, ids)) or t("plan.cmp.nobody")

    def freq(f) -> str:
        return t(f"plan.freq.{f}").lower() if f else t("plan.cmp.unknown")

    out = []
    for g in GROUPS:
        lines = []
        for c in diff.group(g):
            a = c.new if c.new is not None else c.old
            if g in ("toegevoegd", "verwijderd"):
                lines.append(a.wat)
            elif g == "status":
                lines.append(t("plan.cmp.restarted", wat=a.wat) if c.new.status == "actief" else
                             t("plan.cmp.status", wat=a.wat, status=t(f"plan.status.{c.new.status}").lower()))
            elif g == "wie":
                lines.append(t("plan.cmp.wie", wat=a.wat, oud=who(c.old.wie), nieuw=who(c.new.wie)))
            elif g == "hoe_vaak":
                lines.append(t("plan.cmp.hoe_vaak", wat=a.wat, oud=freq(c.old.hoe_vaak), nieuw=freq(c.new.hoe_vaak)))
            else:
                velden = join_names([t(f"plan.field.{f}").lower() for f in c.fields])
                lines.append(t("plan.cmp.tekst", wat=c.old.wat if "wat" in c.fields else a.wat, velden=velden))
        if lines:
            out.append((g, lines))
    return out


def compare_panel(case, v: PlanView, today: Optional[dt.date] = None) -> str:
    from ..analysis.plan_diff import diff_plans, previous_version  # noqa: PLC0415

    plannen = case.plannen
    head = (f'<section class="pl-cmp" id="pl-cmp" aria-labelledby="pl-cmp-title"><h2 id="pl-cmp-title" tabindex="-1">'
            f'{esc(t("plan.cmp.title"))}</h2><p class="pl-b1">{esc(t("plan.cmp.b1"))}</p>')
    if len(plannen) < 2:
        return head + "</section>"
    versions = [p.versie for p in plannen[1:]]
    to: int = v.compare_to if v.compare_to is not None and v.compare_to in versions else versions[-1]
    new = next(p for p in plannen if p.versie == to)
    old = previous_version(plannen, to)
    choose = ""
    if len(versions) > 1:
        choose = segmented(t("plan.cmp.which"), [(x, t("plan.cmp.version", versie=x)) for x in versions], to,
                           f"{KEY}.compare_to", group_id="pl-cmp-which")
    between = f'<p class="hint">{esc(t("plan.cmp.between", oud=old.versie if old else "-", nieuw=new.versie))}</p>'
    close = button(t("plan.tool.close_compare"), f"{KEY}.compare", icon=icons.CLOSE, cls="btn", id="pl-cmp-close")
    return head + choose + between + diff_html(case, diff_plans(old, new)) + f'{close}</section>'


def diff_html(case, diff, heading: str = "h3") -> str:
    """The changes of a PlanDiff as groups of sentences (Nieuw, Gestopt, klaar of weer begonnen, Iemand anders doet
    het, …), or "Er is niets veranderd."; the plan's compare panel and the basisteam's meetings."""
    lines = diff_lines(case, diff)
    if not lines:
        return f'<div class="pl-diff"><p>{esc(t("plan.cmp.same"))}</p></div>'
    body = "".join(f'<div class="pl-diff-group g-{esc(g)}"><{heading}>{esc(t(f"plan.cmp.group.{g}"))}</{heading}><ul>'
                   + "".join(f"<li>{esc(x)}</li>" for x in xs) + "</ul></div>" for g, xs in lines)
    return f'<div class="pl-diff">{body}</div>'


_LOAD: list = [None, None, None]  # [weakref to the last case, its day, its Load]: cases are frozen


def _load_of(case, today: dt.date):
    last, day, load = _LOAD
    if last is not None and last() is case and day == today:
        return load
    try:
        from ..analysis.load import compute_load  # noqa: PLC0415
    except ImportError:  # analysis not installed in this build: the plan still works
        return None
    _LOAD[:] = [weakref.ref(case), today, compute_load(case, today=today)]
    return _LOAD[2]


def render(case, v: PlanView, *, today: dt.date, hide_figures: bool = False) -> str:
    """The screen. `hide_figures` leaves Wie draagt wat out (privétijd shows only the questions, the
    piketpaaltjes and the plan editor)."""
    plan = case.huidig_plan
    mode = v.mode if v.mode in MODES else "bewerken"
    version = (f'<p class="screen-sub pl-version">{esc(version_text(plan, today))}</p>' if plan is not None
               else f'<p class="screen-sub pl-version">{esc(t("plan.no_version"))}</p>')
    b1 = t("plan.present.b1") if mode == "presentatie" else t("plan.b1")
    head = (f'<div class="screen-head pl-head"><h1 id="screen-title">{esc(t("plan.title"))}</h1>{version}'
            f'<p class="pl-b1">{esc(b1)}</p></div>')
    piket = _piketpaaltjes(case, v)
    if mode == "presentatie":
        body = f'<div class="pl-body pl-present">{_present_body(case, plan)}</div>'
        side = ""
    else:
        body = f'<div class="pl-body">{_editor_body(case, plan, v)}</div>'
        side_parts = []
        if v.compare and len(case.plannen) >= 2:
            side_parts.append(compare_panel(case, v, today))
        if plan is not None and plan.afspraken and not hide_figures:
            side_parts.append(load_panel(case, _load_of(case, today)))
        # the side scrolls on its own in landscape: focusable, so a keyboard can scroll it too (WCAG 2.1.1)
        titles = " ".join(i for i in ("pl-cmp-title", "pl-load-title") if f'id="{i}"' in "".join(side_parts))
        side = (f'<aside class="pl-side" tabindex="0" aria-labelledby="{titles}">{"".join(side_parts)}</aside>'
                if side_parts else "")
    return (f'<div class="screen screen-plan pl-mode-{mode}{" has-side" if side else ""}">{head}{_toolbar(case, v)}'
            f'<div class="pl-layout"><div class="pl-main">{piket}{body}</div>{side}</div></div>')
