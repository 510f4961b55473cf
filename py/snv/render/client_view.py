"""*Rustig scherm*: a calm, larger view for the client. One thing per screen: my map, my questions,
my plan; big buttons with a pictogram and a word; no tools, nothing to edit; *Lees voor* reads the
screen aloud. The menu's *Weergave* part (this view, contrast, letter size) is here too.

What a page shows and what *Lees voor* reads come from one list of blocks (`page`), so the voice says
exactly what is on the screen, in the same order: `script` gives those sentences (pure, tested), the
browser speaks them (ui/speech_dom.py).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..analysis import layout as L
from ..messages import t
from ..model import NABIJHEDEN, SECTORS
from . import icons
from .html import button, esc, icon_html
from .plan import ICON_PLAN, groups, join_names, names_of, when_text
from .relatiekaart import ICON_MAP
from .relatiekaart_svg import MapOptions, map_svg

PAGES = ("kaart", "vragen", "plan")
ICON_QUESTION = icons._svg('<circle cx="12" cy="12" r="9"/><path d="M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6v.6'
                           'M12 17v.5"/>')
ICON_SPEAK = icons._svg('<path d="M4 9v6h4l5 4V5L8 9z"/><path d="M16 9a4 4 0 0 1 0 6M18.5 6.5a7.5 7.5 0 0 1 0 11"/>')
ICON_STOP = icons._svg('<rect x="6" y="6" width="12" height="12" rx="1.5"/>')
ICONS = {"kaart": ICON_MAP, "vragen": ICON_QUESTION, "plan": ICON_PLAN}
TEXT_SIZES = ("normaal", "groot", "heel_groot")  # the same as ui/prefs.TEXT_SIZES (render does not import ui)


@dataclass
class ClientView:
    page: str = PAGES[0]


@dataclass
class Item:
    text: str  # the main line
    details: list[str] = field(default_factory=list)  # smaller lines under it ("Wie: Anna")


@dataclass
class Section:
    heading: str
    icon: str = ""
    items: list[Item] = field(default_factory=list)
    numbered: bool = False


@dataclass
class Page:
    title: str
    b1: str
    sections: list[Section]
    empty: str = ""  # said when there are no sections


def _page(v_page: str) -> str:
    return v_page if v_page in PAGES else PAGES[0]


def _map_page(case) -> Page:
    people = [p for p in case.personen if L.on_map(p, case.klant_id)]
    sections = []
    for sector in SECTORS:
        items = []
        for ring in NABIJHEDEN:
            here = sorted((p.naam + (f" {t('map.deceased')}" if p.overleden else "")
                           for p in people if p.sector == sector and p.nabijheid == ring), key=str.casefold)
            if here:
                items.append(Item(t("client.kaart.ring", ring=t(f"label.nabijheid.{ring}"), namen=join_names(here))))
        if items:
            sections.append(Section(t(f"label.sector.{sector}"), icons.SECTOR[sector], items))
    return Page(t("client.page.kaart"), t("client.kaart.b1"), sections, t("client.kaart.empty"))


def _questions_page(case) -> Page:
    from .plan import questions  # noqa: PLC0415 (the same order as the plan and the poster)

    items = [Item(q.tekst) for q in questions(case) if q.tekst.strip()]
    sections = [Section(t("client.vragen.heading"), ICON_QUESTION, items, numbered=True)] if items else []
    return Page(t("client.page.vragen"), t("client.vragen.b1"), sections, t("client.vragen.empty"))


def _plan_page(case) -> Page:
    plan = case.plannen[-1] if case.plannen else None
    sections = []
    if plan is not None:
        for q, afspraken in groups(case, plan):
            items = []
            for a in afspraken:
                if a.status == "gestopt":
                    continue
                details = []
                who = join_names(names_of(case, a.wie))
                if who:
                    details.append(t("client.plan.wie", namen=who))
                when = when_text(a, sep=", ")
                if when:
                    details.append(t("client.plan.wanneer", tekst=when))
                if a.waar.strip():
                    details.append(t("client.plan.waar", tekst=a.waar.strip()))
                items.append(Item(a.wat, details))
            if items:
                heading = q.tekst if q is not None else t("client.plan.other")
                sections.append(Section(heading, ICON_QUESTION if q is not None else ICON_PLAN, items))
    return Page(t("client.page.plan"), t("client.plan.b1"), sections, t("client.plan.empty"))


def page(case, which: str) -> Page:
    return {"kaart": _map_page, "vragen": _questions_page, "plan": _plan_page}[_page(which)](case)


def _sentence(text: str) -> str:
    """A line as a spoken sentence: it ends with a full stop (or its own ? ! …), so the voice pauses."""
    text = " ".join(text.split())
    return text if not text or text[-1] in ".?!…:" else text + "."


def script(case, which: str) -> list[str]:
    """What *Lees voor* says on this page, in screen order: title, the line under it, then every
    heading with its items (a numbered list says the numbers too)."""
    p = page(case, which)
    lines = [_sentence(p.title), _sentence(p.b1)]
    if not p.sections:
        lines.append(_sentence(p.empty))
    for s in p.sections:
        lines.append(_sentence(s.heading))
        for i, item in enumerate(s.items, 1):
            text = t("client.numbered", nr=i, tekst=item.text) if s.numbered else item.text
            lines.append(_sentence(text))
            lines.extend(_sentence(d) for d in item.details)
    return [line for line in lines if line]


# ----- HTML -----

def _sections_html(p: Page) -> str:
    if not p.sections:
        return f'<p class="cv-empty">{esc(p.empty)}</p>'
    out = []
    for s in p.sections:
        tag = "ol" if s.numbered else "ul"
        lis = "".join(
            '<li class="cv-item">'
            + (f'<span class="cv-nr" aria-hidden="true">{i}</span>' if s.numbered else "")  # the list says it
            + f'<span class="cv-text"><span class="cv-main">{esc(item.text)}</span>'
            + "".join(f'<span class="cv-detail">{esc(d)}</span>' for d in item.details) + "</span></li>"
            for i, item in enumerate(s.items, 1))
        out.append(f'<section class="cv-section"><h2>{icon_html(s.icon)}<span>{esc(s.heading)}</span></h2>'
                   f'<{tag} class="cv-items">{lis}</{tag}></section>')
    return "".join(out)


def render(case, v: ClientView) -> str:
    which = _page(v.page)
    p = page(case, which)
    drawing = ""
    if which == "kaart" and p.sections:
        read = L.readable_width(L.text_scale(L.cached_layout_map(case, case.klant_id)))
        drawing = (f'<div class="cv-map" id="cv-map" style="--rk-read:{read:.0f}px" tabindex="0" role="region" '
                   f'aria-labelledby="screen-title"><div class="cv-stage">'
                   f'{map_svg(case, options=MapOptions(interactive=False, empty_hints=False))}</div></div>')
    return (f'<div class="cv cv-{which}">'
            f'<h1 id="screen-title">{icon_html(ICONS[which])}<span>{esc(p.title)}</span></h1>'
            f'<p class="cv-b1">{esc(p.b1)}</p>{drawing}{_sections_html(p)}</div>')


def bar(current: str) -> str:
    """The three pages as big buttons with a pictogram and a word."""
    current = _page(current)
    here = ' aria-current="page"'
    lis = "".join(
        f'<li><button type="button" class="bar-btn cv-bar-btn" data-action="client.page" data-value="{key}"'
        f' id="cv-bar-{key}"{here if key == current else ""}>{icon_html(ICONS[key])}'
        f'<span class="bar-label">{esc(t(f"client.page.{key}"))}</span></button></li>'
        for key in PAGES)
    return f'<ul class="bar-list cv-bar">{lis}</ul>'


def tools(speaking: bool) -> str:
    """The header in the calm view: *Lees voor* (or *Stop* while reading) and *Terug*."""
    read = (button(t("client.stop"), "client.stop", icon=ICON_STOP, cls="btn btn-tool cv-read is-speaking",
                   id="cv-stop") if speaking else
            button(t("client.read"), "client.read", icon=ICON_SPEAK, cls="btn btn-tool cv-read", id="cv-read"))
    back = button(t("client.leave"), "prefs.client", icon=icons.CLOSE, cls="btn btn-tool", id="cv-leave",
                  data={"value": "off"}, aria_label=t("client.leave_aria"))
    return read + back


def menu_part(client: bool, contrast: bool, text: str) -> str:
    """*Weergave* in the menu: the calm view, contrast and letter size (ui/prefs.py keeps them)."""
    def seg(group: str, legend: str, options: list[tuple[str, str]], current: str) -> str:
        btns = "".join(button(label, f"prefs.{group}", cls="seg", data={"value": value}, pressed=value == current,
                              id=f"prefs-{group}-{value}") for value, label in options)
        return (f'<fieldset class="segmented menu-prefs"><legend>{esc(legend)}</legend>'
                f'<div class="seg-row">{btns}</div></fieldset>')

    view = (f'<ul class="menu-list"><li><button type="button" class="menu-item" data-action="prefs.client" '
            f'data-value="{"off" if client else "on"}" id="prefs-client" aria-pressed="{"true" if client else "false"}">'
            f'{icon_html(ICON_SPEAK)}<span class="menu-text"><span class="menu-label">{esc(t("client.menu.view"))}'
            f'</span><span class="menu-desc">{esc(t("client.menu.view_desc"))}</span></span></button></li></ul>')
    return (f'<h3 class="menu-head">{esc(t("client.menu.head"))}</h3>{view}'
            + seg("contrast", t("client.contrast.legend"),
                  [("normal", t("client.contrast.normal")), ("high", t("client.contrast.high"))],
                  "high" if contrast else "normal")
            + seg("text", t("client.text.legend"), [(k, t(f"client.text.{k}")) for k in TEXT_SIZES], text))
