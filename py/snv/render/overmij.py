"""*Alles over mij* (kernwaarde Transparantie): everything written down in this case, read-only,
the begeleider's notes included. Nothing here is hidden from the client.

On paper it is different: a printout can lie on a table at home. Notes marked "Alleen jij en de
begeleider" are printed only when that is chosen (the same choice as for files, FileOptions.notes);
the screen root carries data-print-notes and the print stylesheet hides .note-private otherwise.
"""
from __future__ import annotations

from ..messages import t
from ..model import SECTORS, Case, Persoon
from . import icons
from .html import button, checkbox, esc, icon_html


def _dl(rows: list[tuple[str, str]]) -> str:
    items = "".join(f"<div><dt>{esc(k)}</dt><dd>{esc(v)}</dd></div>" for k, v in rows)
    return f'<dl class="facts">{items}</dl>'


def _notes(p: Persoon) -> str:
    if not p.notities:
        return ""
    items = []
    for n in p.notities:
        lock = ""
        if n.zichtbaar == "klant_en_begeleider":
            lock = f'<span class="note-lock">{icon_html(icons.LOCK)}{esc(t("ui.person.note_locked"))}</span>'
        cls = "note-read note-private" if n.zichtbaar == "klant_en_begeleider" else "note-read"
        items.append(f'<li class="{cls}">{esc(n.tekst)}{lock}</li>')
    return f'<ul class="notes-read">{"".join(items)}</ul>'


def _section(title: str, body: str, sid: str) -> str:
    return f'<section class="card about-section" aria-labelledby="{sid}"><h2 id="{sid}">{esc(title)}</h2>{body}</section>'


def _items(texts: list[str], empty: str) -> str:
    if not texts:
        return f'<p class="empty-small">{esc(empty)}</p>'
    return "<ul class=\"plain-list\">" + "".join(f"<li>{esc(x)}</li>" for x in texts) + "</ul>"


def _print_options(print_notes: bool) -> str:
    return ('<div class="print-options card">'
            + checkbox(t("ui.overmij.print_notes"), id="om-print-notes", checked=print_notes,
                       action="overmij.print_notes", hint=t("ui.overmij.print_notes_hint"))
            + button(t("ui.overmij.print"), "overmij.print", icon=icons.PRINT, cls="btn", id="overmij-print")
            + "</div>")


def render(case: Case, print_notes: bool = False) -> str:
    """Read-only; `print_notes`: print the notes for the client and begeleider only too."""
    k = case.klant
    none = t("ui.overmij.none")
    rows = [(t("ui.person.naam"), k.naam), (t("ui.person.geslacht"), t(f"label.geslacht.{k.geslacht}")),
            (t("ui.person.geboortejaar"), str(k.geboortejaar) if k.geboortejaar else none),
            (t("ui.person.interesses"), ", ".join(k.interesses) or none),
            (t("ui.overmij.fase"), t(f"label.fase.{case.fase}"))]
    flag = "ja" if print_notes else "nee"
    parts = [f'<div class="screen screen-overmij" data-print-notes="{flag}"><div class="screen-head"><h1 id="screen-title">{esc(t("ui.overmij.title"))}</h1>'
             f'{button(t("ui.overmij.edit"), "overmij.edit", icon=icons.PERSON, cls="btn", id="overmij-edit")}</div>'
             f'<p class="lead">{esc(t("ui.overmij.intro"))}</p>', _print_options(print_notes)]
    parts.append(_section(t("ui.overmij.about"), _dl(rows) + _notes(k), "om-about"))
    if case.ontmoeten.verhaal:
        parts.append(_section(t("ui.overmij.story"), f'<p class="story">{esc(case.ontmoeten.verhaal)}</p>', "om-story"))
    poster = case.basisposter
    parts.append(_section(t("ui.start.strengths"), _items([i.tekst for i in poster.sterke_punten], none), "om-strengths"))
    if poster.wensen_dromen:
        parts.append(_section(t("ui.overmij.wishes"), _items([i.tekst for i in poster.wensen_dromen], none), "om-wishes"))
    if poster.zorgen:
        parts.append(_section(t("ui.overmij.worries"), _items([i.tekst for i in poster.zorgen], none), "om-worries"))
    if poster.vragen:
        vragen = sorted(poster.vragen, key=lambda v: v.volgorde)
        parts.append(_section(t("ui.overmij.questions"), _items([v.tekst for v in vragen], none), "om-questions"))

    others = [p for p in case.personen if p.id != case.klant_id]
    if others:
        order = {s: i for i, s in enumerate(SECTORS)}
        others.sort(key=lambda p: (order.get(p.sector or "", 99), p.naam.casefold()))
        steun: dict[str, list[str]] = {}
        for s in case.steun:
            steun.setdefault(s.persoon, []).append(
                f'{t(f"label.steunsoort.{s.soort}")}: {t(f"label.richting.{s.richting}", naam=case.persoon(s.persoon).naam)}')
        people = []
        for p in others:
            facts = [p.rol] if p.rol else []
            if p.sector:
                facts.append(t(f"label.sector.{p.sector}"))
            facts.append(t(f"label.nabijheid.{p.nabijheid}") if p.nabijheid else t("label.nabijheid.none"))
            quality = case.klant_lijn(p.id)
            if quality:
                facts.append(t("ui.personen.line", kwaliteit=t(f"label.kwaliteit.{quality}")))
            if p.professioneel:
                facts.append(t("ui.personen.professional"))
            if p.overleden:
                facts.append(t("ui.personen.deceased"))
            if p.geboortejaar:
                facts.append(t("ui.overmij.born", jaar=p.geboortejaar))
            if p.interesses:
                facts.append(t("ui.overmij.likes", what=", ".join(p.interesses)))
            extra = "".join(f"<li>{esc(x)}</li>" for x in steun.get(p.id, []))
            people.append(f'<li class="about-person"><p><strong>{esc(p.naam)}</strong> · {esc(" · ".join(facts))}</p>'
                          + (f'<ul class="plain-list">{extra}</ul>' if extra else "") + _notes(p) + "</li>")
        parts.append(_section(t("ui.overmij.people", count=len(others)), f'<ul class="about-people">{"".join(people)}</ul>',
                              "om-people"))
    counts = [(t("ui.overmij.n_events"), len(case.gebeurtenissen)), (t("ui.overmij.n_contacts"), len(case.contacten)),
              (t("ui.overmij.n_agreements"), len(case.huidig_plan.afspraken) if case.huidig_plan else 0),
              (t("ui.overmij.n_snapshots"), len(case.momentopnamen))]
    parts.append(_section(t("ui.overmij.more"), _dl([(k_, str(v)) for k_, v in counts]), "om-more"))
    parts.append("</div>")
    return "".join(parts)
