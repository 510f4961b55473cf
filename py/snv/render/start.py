"""Start screen (strengths, next step, tiles) and the new-case questions (UX.md §2)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ..messages import t
from ..model import Case
from ..model.limits import MAX_NAME, MAX_TEXT
from . import about, icons
from .html import button, esc, icon_html, text_field


@dataclass
class StartView:
    error: str = ""  # why the last strength was not added ("Schrijf eerst iets op.")


@dataclass
class OnboardView:
    error: str = ""  # why the nickname was not taken


def render(case: Case, view: StartView, *, next_step: tuple[str, str, str, dict],
           tiles: Sequence[tuple[str, str, str, str, str]]) -> str:
    """next_step: (text, button label, action, data). tiles: (key, label, icon, description, count text)."""
    strength_error = view.error
    naam = case.klant.naam
    parts = [f'<div class="screen screen-start"><h1 id="screen-title">{esc(t("ui.start.title", naam=naam))}</h1>']
    if case.fase == "ontmoeten":
        parts.append(f'<p class="phase-hint">{icon_html(icons.INFO)}<span>{esc(t("ui.start.ontmoeten_hint"))}</span></p>')
    parts.append('<div class="start-grid">')
    parts.append(_strengths(case, strength_error))
    text, label, action, data = next_step
    parts.append(
        f'<section class="card card-next" aria-labelledby="next-title"><h2 id="next-title">{icon_html(icons.ARROW)}'
        f'{esc(t("ui.start.next"))}</h2><p class="next-text">{esc(text)}</p>'
        + (button(label, action, cls="btn btn-primary", data=data, id="next-step") if action else "")
        + "</section>")
    parts.append("</div>")
    if tiles:
        items = []
        for key, label, icon, desc, count in tiles:
            items.append(
                f'<li><button type="button" class="tile" data-action="app.go" data-screen="{esc(key)}" id="tile-{esc(key)}">'
                f'{icon_html(icon)}<span class="tile-text"><span class="tile-label">{esc(label)}</span>'
                + (f'<span class="tile-desc">{esc(desc)}</span>' if desc else "")
                + (f'<span class="tile-count">{esc(count)}</span>' if count else "")
                + "</span></button></li>")
        parts.append(f'<section class="tiles" aria-labelledby="tiles-title"><h2 id="tiles-title">{esc(t("ui.start.tiles"))}</h2>'
                     f'<ul class="tile-list">{"".join(items)}</ul></section>')
    parts.append(about.footer_link())
    parts.append("</div>")
    return "".join(parts)


def _strengths(case: Case, error: str) -> str:
    items = case.basisposter.sterke_punten
    if items:
        chips = "".join(
            f'<li class="chip chip-strength">{icon_html(icons.STAR)}<span>{esc(item.tekst)}</span>'
            f'{button(t("ui.remove"), "start.remove_strength", icon=icons.CLOSE, cls="chip-x", data={"id": item.id}, aria_label=t("ui.remove_what", what=item.tekst))}'
            f"</li>" for item in items)
        listing = f'<ul class="chips chips-big">{chips}</ul>'
    else:
        listing = f'<p class="empty-small">{esc(t("ui.start.strengths_empty"))}</p>'
    described = ' aria-describedby="strength-err" aria-invalid="true"' if error else ""
    err = f'<p class="field-error" role="alert" id="strength-err">{esc(error)}</p>' if error else ""
    form = (f'<form class="add-row" novalidate data-action="start.add_strength">'
            f'<div class="field"><label for="strength-new">{esc(t("ui.start.strength_label"))}</label>'
            f'<input type="text" id="strength-new" name="tekst" maxlength="{MAX_TEXT}" autocomplete="off"{described}>{err}</div>'
            f'{button(t("ui.add"), None, icon=icons.PLUS, cls="btn", kind="submit", id="strength-add")}</form>')
    return (f'<section class="card card-strengths" aria-labelledby="strengths-title">'
            f'<h2 id="strengths-title">{icon_html(icons.STAR)}{esc(t("ui.start.strengths"))}</h2>'
            f"{listing}{form}</section>")


def onboarding(step: str, view: OnboardView) -> str:
    """The two questions of a new case: a nickname, then "Is er al een netwerkkaart?"."""
    error = view.error
    if step == "naam":
        body = (f'<h1 id="screen-title">{esc(t("ui.onboard.welcome"))}</h1>'
                f'<p class="lead">{esc(t("ui.onboard.intro"))}</p>'
                f'<form class="onboard-form" novalidate data-action="onboard.naam">'
                + text_field(t("ui.onboard.name_label"), id="onboard-naam", hint=t("ui.onboard.name_hint"),
                             error=error, required=True, autofocus=True, maxlength=MAX_NAME, autocomplete="off")
                + f'<div class="form-actions">{button(t("ui.onboard.next"), None, icon=icons.ARROW, cls="btn btn-primary", kind="submit", id="onboard-next")}</div>'
                "</form>"
                f'<p class="onboard-open">{esc(t("ui.onboard.have_file"))} '
                f'{button(t("ui.menu.open"), "onboard.open", icon=icons.OPEN, cls="btn btn-link", id="onboard-open-file")}</p>')
    else:
        body = (f'<h1 id="screen-title">{esc(t("ui.onboard.map_q"))}</h1>'
                f'<p class="lead">{esc(t("ui.onboard.map_lead"))}</p>'
                f'<div class="form-actions">'
                f'{button(t("ui.menu.open"), "onboard.open", icon=icons.OPEN, cls="btn", id="onboard-open")}'
                f'{button(t("ui.onboard.begin"), "onboard.begin", icon=icons.ARROW, cls="btn btn-primary", id="onboard-begin", autofocus=True)}'
                "</div>")
    return f'<div class="screen screen-onboard"><div class="card onboard-card">{body}</div></div>'

