"""The shared person sheet (UX.md §3): every field of one person, segmented buttons, saves as you type.

`person_sheet` renders an existing person (pid) or a new one (pid None, with staged choices in
`prefill`); for a new person only naam/rol and the staged choices are editable until a name exists.
"""
from __future__ import annotations

from typing import Optional

from ..messages import t
from ..model import NABIJHEDEN, SECTORS, STEUNSOORTEN, Case, KWALITEITEN
from ..model.limits import MAX_NAME, MAX_TEXT
from . import icons
from .html import button, checkbox, esc, icon_html, marker, segmented, text_field, textarea


def _value(person, prefill: dict, field: str, default=None):
    if person is not None:
        return getattr(person, field)
    return prefill.get(field, default)


def render(case: Case, pid: Optional[str], prefill: dict, errors: dict) -> str:
    """The fields of ui.sheets.PersonSheet (render cannot import ui, so they come one by one)."""
    person = case.persoon(pid) if pid else None
    is_klant = pid is not None and pid == case.klant_id
    naam = person.naam if person else ""
    title = naam or t("ui.person.new_title")
    errors = errors or {}
    d = {"pid": pid or ""}

    head_marker = marker(naam or "?", sector=_value(person, prefill, "sector"),
                         professioneel=bool(_value(person, prefill, "professioneel", False)),
                         soort=_value(person, prefill, "soort", "mens"), klant=is_klant)
    parts: list[str] = [
        text_field(t("ui.person.naam"), id="person-naam", value=naam, action="person.field",
                   data={**d, "field": "naam"}, required=True, autofocus=True, maxlength=MAX_NAME,
                   error=errors.get("naam", ""), hint="" if person else t("ui.person.naam_hint")),
    ]
    if not is_klant:  # the client's own role is "ik"
        parts.append(text_field(t("ui.person.rol"), id="person-rol", value=_value(person, prefill, "rol", "") or "",
                                action="person.field", data={**d, "field": "rol"}, maxlength=MAX_NAME,
                                hint=t("ui.person.rol_hint")))

    if not is_klant:
        sector = _value(person, prefill, "sector")
        nabijheid = _value(person, prefill, "nabijheid")
        section = [segmented(t("ui.person.sector"),
                             [(s, t(f"label.sector.{s}")) for s in SECTORS] + [("", t("label.nabijheid.none"))],
                             sector or "", "person.set", data={**d, "field": "sector"}, cls="seg-wrap",
                             group_id="person-sector"),
                   segmented(t("ui.person.nabijheid"), [(n, t(f"label.nabijheid.{n}")) for n in NABIJHEDEN],
                             nabijheid or "", "person.set", data={**d, "field": "nabijheid"},
                             group_id="person-nabijheid")]
        if bool(sector) != bool(nabijheid):
            section.append(f'<p class="hint hint-strong">{esc(t("ui.person.place_half"))}</p>')
        parts.append(_section(t("ui.person.place"), "".join(section)))

    if person is None:
        parts.append(_section(t("ui.person.about_new"), _about(None, prefill, d, errors, new=True)))
        parts.append(f'<p class="hint hint-box">{icon_html(icons.INFO)}{esc(t("ui.person.name_first"))}</p>')
    else:
        if not is_klant:
            quality = case.klant_lijn(person.id)
            parts.append(_section(t("ui.person.lijn"), segmented(
                t("ui.person.lijn_q", naam=naam), [(k, t(f"label.kwaliteit.{k}")) for k in KWALITEITEN]
                + [("", t("label.kwaliteit.none"))], quality or "", "person.quality", data=d, cls="seg-wrap",
                group_id="person-lijn")))
            parts.append(_section(t("ui.person.steun"), _support(case, person.id, naam)))
            parts.append(_section(t("ui.person.ties"), ties_html(case, person.id, naam)))
        parts.append(_section(t("ui.person.about", naam=naam), _about(person, prefill, d, errors, klant=is_klant)))
        parts.append(_section(t("ui.person.interesses"), _interests(person, d)))
        parts.append(_section(t("ui.person.notities"), _notes(person, d)))

    if person is not None and not is_klant:
        parts.append('<section class="sheet-section sheet-danger">'
                     + button(t("ui.person.delete_named", naam=naam), "person.delete", icon=icons.TRASH,
                              cls="btn btn-danger-quiet", data=d, id="person-delete") + "</section>")
    footer = []
    if not is_klant:
        footer.append(button(t("ui.person.another"), "person.another", icon=icons.PLUS, cls="btn", data=d,
                             id="person-another"))
    footer.append(button(t("ui.person.done"), "person.done", icon=icons.CHECK, cls="btn btn-primary", data=d,
                         id="person-done"))

    return (f'<div class="sheet sheet-person" role="dialog" aria-modal="false" aria-labelledby="sheet-title">'
            f'<div class="sheet-head">{head_marker}<h2 id="sheet-title" tabindex="-1">{esc(title)}</h2>'
            f'{button(t("ui.close"), "person.done", icon=icons.CLOSE, cls="btn btn-tool sheet-close", data=d)}</div>'
            f'<div class="sheet-body">{"".join(parts)}</div>'
            f'<div class="sheet-foot">{"".join(footer)}</div></div>')


def _section(title: str, body: str) -> str:
    return f'<section class="sheet-section"><h3>{esc(title)}</h3>{body}</section>'


def _support(case: Case, pid: str, naam: str) -> str:
    current: dict[str, str] = {s.soort: s.richting for s in case.steun if s.persoon == pid}
    rows = []
    for soort in STEUNSOORTEN:
        options = [(r, t(f"label.richting.{r}", naam=naam)) for r in ("krijgt", "geeft", "wederzijds")]
        options.append(("", t("ui.person.steun_geen")))
        rows.append(segmented(t(f"label.steunsoort.{soort}"), options, current.get(soort, ""), "person.support",
                              data={"pid": pid, "soort": soort}, cls="seg-wrap seg-steun",
                              group_id=f"person-steun-{soort}"))
    return "".join(rows)


def _about(person, prefill: dict, d: dict, errors: dict, *, new: bool = False, klant: bool = False) -> str:
    def yes_no(field: str, legend: str, yes: str, no: str) -> str:
        value = bool(_value(person, prefill, field, False))
        return segmented(legend, [(True, yes), (False, no)], value, "person.set", data={**d, "field": field},
                         group_id=f"person-{field}")

    parts = []
    if not klant:
        parts.append(yes_no("professioneel", t("ui.person.professioneel"), t("ui.yes"), t("ui.no")))
        parts.append(segmented(t("ui.person.soort"), [(s, t(f"label.soort.{s}")) for s in ("mens", "huisdier")],
                               _value(person, prefill, "soort", "mens"), "person.set", data={**d, "field": "soort"},
                               group_id="person-soort"))
    if new:
        return "".join(parts)
    parts.append(segmented(t("ui.person.geslacht"),
                           [(g, t(f"label.geslacht.{g}")) for g in ("man", "vrouw", "anders", "onbekend")],
                           person.geslacht, "person.set", data={**d, "field": "geslacht"}, cls="seg-wrap",
                           group_id="person-geslacht"))
    jaar = "" if person.geboortejaar is None else str(person.geboortejaar)
    parts.append(text_field(t("ui.person.geboortejaar"), id="person-geboortejaar", value=jaar,
                            action="person.field", data={**d, "field": "geboortejaar"}, inputmode="numeric",
                            maxlength=4, hint=t("ui.person.geboortejaar_hint"), error=errors.get("geboortejaar", "")))
    if not klant:
        parts.append(yes_no("overleden", t("ui.person.overleden"), t("ui.yes"), t("ui.no")))
    return "".join(parts)


def _interests(person, d: dict) -> str:
    chips = "".join(
        f'<li class="chip">{esc(item)}'
        f'{button(t("ui.remove"), "person.remove_interest", icon=icons.CLOSE, cls="chip-x", data={**d, "index": i}, aria_label=t("ui.remove_what", what=item))}'
        f"</li>"
        for i, item in enumerate(person.interesses))
    chips_html = f'<ul class="chips" aria-label="{esc(t("ui.person.interesses"))}">{chips}</ul>' if chips else \
        f'<p class="empty-small">{esc(t("ui.person.interesses_empty"))}</p>'
    form = (f'<form class="add-row" novalidate data-action="person.add_interest" data-pid="{esc(d["pid"])}">'
            f'<div class="field"><label for="person-interest">{esc(t("ui.person.interest_add_label"))}</label>'
            f'<input type="text" id="person-interest" name="value" maxlength="{MAX_NAME}" autocomplete="off"></div>'
            f'{button(t("ui.add"), None, icon=icons.PLUS, cls="btn", kind="submit")}</form>')
    return chips_html + form


def _notes(person, d: dict) -> str:
    items = []
    for i, note in enumerate(person.notities):
        locked = note.zichtbaar == "klant_en_begeleider"
        lock_label = t("ui.person.note_locked") if locked else t("ui.person.note_open")
        items.append(
            f'<li class="note{" is-locked" if locked else ""}">'
            + textarea(t("ui.person.note_n", n=i + 1), id=f"person-note-{i}", value=note.tekst,
                       action="person.note_text", data={**d, "index": i}, rows=2, maxlength=MAX_TEXT,
                       label_hidden=True)
            + '<div class="note-tools">'
            + button(t("ui.person.note_lock"), "person.note_lock", icon=icons.LOCK if locked else icons.UNLOCK,
                     cls="btn btn-small btn-lock", data={**d, "index": i}, pressed=locked, id=f"person-note-lock-{i}")
            + f'<span class="note-state">{esc(lock_label)}</span>'
            + button(t("ui.remove"), "person.remove_note", icon=icons.TRASH, cls="btn btn-small btn-danger-quiet",
                     data={**d, "index": i}, aria_label=t("ui.person.note_remove", n=i + 1))
            + "</div></li>")
    listing = f'<ul class="notes">{"".join(items)}</ul>' if items else \
        f'<p class="empty-small">{esc(t("ui.person.notes_empty"))}</p>'
    form = (f'<form class="add-note" novalidate data-action="person.add_note" data-pid="{esc(d["pid"])}">'
            + textarea(t("ui.person.note_add_label"), id="person-note-new", rows=2, maxlength=MAX_TEXT)
            + '<div class="add-note-row">'
            + checkbox(t("ui.person.note_lock"), id="person-note-new-lock", checked=False, name="locked")
            + f'{button(t("ui.person.note_add"), None, icon=icons.PLUS, cls="btn", kind="submit")}</div></form>')
    return listing + form


# ----- lines with others (the keyboard and list alternative of *Verbinden* on the relatiekaart) -----

TIE_CHOICES_MAX = 60  # people offered in "Lijn maken met…"; more: *Verbinden* on the map


def ties_html(case: Case, pid: str, naam: str) -> str:
    """"Verbonden met …" with a remove button per line, and "Lijn maken met…" listing the others."""
    names = {p.id: p.naam for p in case.personen}
    tied: dict[str, Optional[str]] = {}
    for b in case.banden:
        if pid in (b.a, b.b) and case.klant_id not in (b.a, b.b):
            tied[b.b if b.a == pid else b.a] = b.kwaliteit
    parts = [f'<p class="hint">{esc(t("ui.person.ties_b1", naam=naam))}</p>']
    if tied:
        lis = []
        for other in sorted(tied, key=lambda i: (names.get(i, "").casefold(), i)):
            q = tied[other]
            word = f' <span class="hint">({esc(t(f"label.kwaliteit.{q}").lower())})</span>' if q else ""
            lis.append(f'<li class="tie-row"><span>{esc(names.get(other, "?"))}{word}</span>'
                       + button(t("ui.person.tie_remove"), "person.unlink", icon=icons.CLOSE, cls="btn btn-small",
                                data={"pid": pid, "other": other},
                                aria_label=t("ui.person.tie_remove_aria", a=naam, b=names.get(other, "?")))
                       + "</li>")
        parts.append(f'<h4>{esc(t("ui.person.ties_with"))}</h4><ul class="tie-list">{"".join(lis)}</ul>')
    else:
        parts.append(f'<p class="empty-small">{esc(t("ui.person.ties_none", naam=naam))}</p>')
    others = sorted((p for p in case.personen if p.id not in (pid, case.klant_id) and p.id not in tied
                     and p.naam.strip()), key=lambda p: (not p.op_kaart, p.naam.casefold(), p.id))
    if others:
        chips = "".join(f'<li>{button(p.naam, "person.link", icon=icons.PLUS, cls="btn btn-small", data={"pid": pid, "other": p.id})}</li>'
                        for p in others[:TIE_CHOICES_MAX])
        more = (f'<p class="hint">{esc(t("ui.person.tie_more", n=len(others) - TIE_CHOICES_MAX))}</p>'
                if len(others) > TIE_CHOICES_MAX else "")
        parts.append(f'<details class="tie-make" id="person-tie-make"><summary>{esc(t("ui.person.tie_make"))}</summary>'
                     f'<ul class="chips">{chips}</ul>{more}</details>')
    return "".join(parts)
