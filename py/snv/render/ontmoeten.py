"""Ontmoeten screen (DOMAIN.md §3, phase 1): filled in together after the first conversation — the
client's story in their own words, *Wat lukt al wel?* (the same cards as the basisposter) and the first
important people by name only. No hulpvraag, no dossier fields. The export is render/ontmoeten_svg.py.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..messages import t
from ..model import Case
from ..model.limits import MAX_NAME, MAX_TEXT
from . import icons
from .basisposter import CardsView, cards_field, writer_row
from .html import button, esc, icon_html, marker

KEY = "ontmoeten"
PEOPLE_SHOWN = 40  # the list is a reminder; Personen has everyone

ICON = icons.PHASE["ontmoeten"]


@dataclass
class OntmoetenView(CardsView):
    person_error: str = ""  # why the last quick add was refused


def _story(case: Case) -> str:
    o = case.ontmoeten
    datum = o.datum.isoformat() if o.datum else ""
    return (f'<section class="card om-story" aria-labelledby="om-story-title">'
            f'<h2 id="om-story-title">{icon_html(ICON)}{esc(t("ontmoeten.story"))}</h2>'
            f'<div class="field"><label for="om-verhaal">{esc(t("ontmoeten.story_label"))}</label>'
            f'<p class="hint" id="om-verhaal-hint">{esc(t("ontmoeten.story_hint"))}</p>'
            f'<textarea id="om-verhaal" name="om-verhaal" rows="9" maxlength="{MAX_TEXT}" data-action="{KEY}.verhaal"'
            f' aria-describedby="om-verhaal-hint">{esc(o.verhaal)}</textarea></div>'
            f'<div class="field om-date"><label for="om-datum">{esc(t("ontmoeten.date"))}</label>'
            f'<p class="hint" id="om-datum-hint">{esc(t("ontmoeten.date_hint"))}</p>'
            f'<input type="date" id="om-datum" name="om-datum" value="{esc(datum)}" data-action="{KEY}.datum"'
            f' aria-describedby="om-datum-hint"></div></section>')


def _people(case: Case, view: OntmoetenView) -> str:
    others = [p for p in case.personen if p.id != case.klant_id and p.naam.strip()]
    error = view.person_error
    described = ' aria-describedby="om-person-err" aria-invalid="true"' if error else ""
    err = f'<p class="field-error" role="alert" id="om-person-err">{esc(error)}</p>' if error else ""
    form = (f'<form class="add-row om-add" novalidate data-action="{KEY}.person">'
            f'<div class="field"><label for="om-person">{esc(t("ontmoeten.people_label"))}</label>'
            f'<input type="text" id="om-person" name="naam" maxlength="{MAX_NAME}" autocomplete="off"{described}>'
            f'{err}</div>'
            + button(t("ui.add"), None, icon=icons.PLUS, cls="btn", kind="submit", id="om-person-add") + "</form>")
    if others:
        recent = list(reversed(others))[:PEOPLE_SHOWN]  # the newest first: those just added
        lis = "".join(
            f'<li>{button(p.naam, f"{KEY}.open_person", cls="btn om-person", data={"pid": p.id})}</li>'
            for p in recent)
        more = (f'<p class="hint">{esc(t("ontmoeten.people_more", count=len(others) - PEOPLE_SHOWN))}</p>'
                if len(others) > PEOPLE_SHOWN else "")
        listing = (f'<ul class="om-people" id="om-people">{lis}</ul>{more}'
                   f'<p class="om-listed">{icon_html(icons.INFO)}<span>{esc(t("ontmoeten.people_listed"))}</span></p>')
    else:
        listing = f'<p class="bp-empty">{esc(t("ontmoeten.people_none"))}</p>'
    to_list = button(t("ontmoeten.to_personen"), "app.go", icon=icons.PEOPLE, cls="btn", data={"screen": "personen"},
                     id="om-to-personen")
    return (f'<section class="card om-people-card" aria-labelledby="om-people-title">'
            f'<h2 id="om-people-title">{icon_html(icons.PEOPLE)}{esc(t("ontmoeten.people"))}</h2>'
            f'<p class="bp-b1">{esc(t("ontmoeten.people_b1"))}</p>{form}{listing}{to_list}</section>')


def render(case: Case, view: OntmoetenView) -> str:
    naam = case.klant.naam
    strengths = cards_field(case, view, "sterke_punten", prefix=KEY, b1=t("ontmoeten.strengths_b1"))
    return (f'<div class="screen screen-ontmoeten om">'
            f'<div class="om-head">{marker(naam, klant=True, size=56)}<div>'
            f'<h1 id="screen-title">{esc(t("ontmoeten.title"))}</h1>'
            f'<p class="phase-hint om-hint">{icon_html(icons.INFO)}<span>{esc(t("ontmoeten.hint"))}</span></p></div>'
            + button(t("ui.print.instrument"), "app.print", icon=icons.PRINT, cls="btn om-print", id=f"{KEY}-print",
                     data={"instrument": KEY})
            + "</div>"
            f'<div class="om-grid">{_story(case)}'
            f'<div class="om-side"><div class="card om-strengths">{strengths}{writer_row(case, view, KEY)}</div>'
            f'{_people(case, view)}</div></div></div>')
