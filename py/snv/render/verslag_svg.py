"""The minutes (verslag) of one basisteam meeting as a standalone SVG on A4 portrait: the print page
of a meeting and its file export, the whole case embedded like every drawing of the app.

What it holds, in the order of the meeting: who was there, Wat gaat al goed?, Wat heeft nog aandacht
nodig?, what changed in the plan (the plan diff's sentences, render/plan.diff_lines), Wie doet wat
(the active agreements of the plan per person), questions without an owner, and the next date.

`choice` is the id of the meeting (from the Overleg screen); without it, or for an id that is not
there, the newest meeting. The page is 760 × 1100 units like "Ons plan" (render/plan_svg.py); one
column, text wrapped by an estimated glyph width; a long verslag makes the page longer and print
scales it to one A4. Pure and deterministic for a given `today`; the caller applies the privacy
choices first.
"""
from __future__ import annotations

import datetime as dt
from typing import Optional

from ..analysis import basisteam as bt
from ..messages import t
from .format import date_nl, shown_name
from .plan import date_long, diff_lines, join_names, names_of, when_text
from .plan_svg import ACCENT, CHAR_W, MARGIN, MUTED, TEXT, H, W
from .svg import esc, file_head, num, wrap

BODY = 16.0
LINE = 22.0
HEAD = 20.0


def _text(x: float, y: float, size: float, content: str, *, bold: bool = False, fill: str = TEXT) -> str:
    weight = ' font-weight="700"' if bold else ""
    return f'<text x="{num(x)}" y="{num(y)}" font-size="{num(size)}" fill="{fill}"{weight}>{esc(content)}</text>'


class _Page:
    """Lines placed top to bottom; `y` is the baseline of the last line."""

    def __init__(self, top: float):
        self.y = top
        self.parts: list[str] = []
        self.chars = int((W - 2 * MARGIN) / (BODY * CHAR_W))

    def heading(self, text: str) -> None:
        self.y += 18
        self.parts.append(f'<rect x="{num(MARGIN)}" y="{num(self.y)}" width="{num(W - 2 * MARGIN)}" height="3" '
                          f'fill="{ACCENT}"/>')
        self.y += HEAD + 10
        self.parts.append(_text(MARGIN, self.y, HEAD, text, bold=True, fill=ACCENT))
        self.y += 4

    def para(self, text: str, *, indent: float = 0.0, bold: bool = False, fill: str = TEXT, bullet: str = "") -> None:
        width = self.chars - int(indent / (BODY * CHAR_W)) - (2 if bullet else 0)
        for i, line in enumerate(wrap(text, width) or [""]):
            self.y += LINE
            x = MARGIN + indent
            if bullet and i == 0:
                self.parts.append(_text(x, self.y, BODY, bullet, fill=fill))
            self.parts.append(_text(x + (BODY * CHAR_W * 2 if bullet else 0), self.y, BODY, line, bold=bold, fill=fill))

    def bullets(self, items: list[str], empty: str) -> None:
        if not items:
            self.para(empty, fill=MUTED)
        for item in items:
            self.para(item, bullet="•")


def _chosen(case, choice: Optional[str]):
    meetings = case.basisteam.overleggen
    found = next((o for o in meetings if o.id == choice), None) if choice else None
    return found or (meetings[-1] if meetings else None)


def _who(case, page: _Page) -> None:
    who = bt.who_does_what(case)
    names = {p.id: shown_name(p.naam) for p in case.personen}
    if not who.people and not who.nobody:
        page.para(t("team.who.empty"), fill=MUTED)
    for pid, afspraken in who.people:
        page.para(names.get(pid, "?"), bold=True)
        for a in afspraken:
            when = when_text(a, ", ")
            page.para(f"{a.wat} · {when}" if when else a.wat, indent=12, bullet="•")
    if who.nobody:
        page.para(t("team.who.nobody"), bold=True)
        for a in who.nobody:
            page.para(f"{a.wat} \u2014 {t('plan.ask.wie')}", indent=12, bullet="•")


def export_svg(case, *, today: Optional[dt.date] = None, choice: Optional[str] = None) -> str:
    """The standalone SVG "Verslag van het overleg" (A4 portrait) of meeting `choice` (default: the
    newest), the whole case in <metadata id="snv-case">."""
    today = today or dt.date.today()
    naam = case.klant.naam
    o = _chosen(case, choice)
    heading = t("verslag.title", naam=naam)
    made = t("plan.svg.date", datum=date_nl(today))
    page = _Page(96)
    if o is None:
        sub = made
        page.para(t("overleg.empty"))
        desc = t("verslag.desc_none", naam=naam)
    else:
        sub = f'{t("overleg.of", datum=date_long(o.datum))} · {made}'
        desc = t("verslag.desc", naam=naam, datum=date_nl(o.datum))
        page.heading(t("overleg.here_title"))
        page.para(join_names(names_of(case, o.aanwezig)) or t("overleg.nobody_here"))
        page.heading(t("overleg.step.2"))
        page.bullets(list(o.successen), t("overleg.successen.empty"))
        page.heading(t("overleg.step.3"))
        page.bullets(list(o.zorgen), t("overleg.zorgen.empty"))
        page.heading(t("overleg.changed"))
        diff = bt.meeting_diff(case, o)
        if diff is None:
            page.para(t("overleg.plan_same"))
        else:
            page.para(t("overleg.plan_version", versie=o.plan_versie), fill=MUTED)
            lines = diff_lines(case, diff)
            if not lines:
                page.para(t("plan.cmp.same"))
            for group, sentences in lines:
                page.para(t(f"plan.cmp.group.{group}"), bold=True)
                for s in sentences:
                    page.para(s, indent=12, bullet="•")
        page.heading(t("team.who.title"))
        _who(case, page)
        open_qs = bt.questions_without_owner(case)
        if open_qs:
            page.heading(t("team.open.title"))
            page.bullets([q.tekst for q in open_qs], "")
        page.heading(t("overleg.step.8"))
        page.para(date_long(o.volgende) if o.volgende else t("verslag.no_next"))
    height = max(H, page.y + 2 * MARGIN)
    return "".join([
        file_head(case, W, height, title=heading, desc=desc),
        _text(MARGIN, 50, 30, heading, bold=True),
        _text(MARGIN, 80, 16, sub, fill=MUTED),
        *page.parts,
        "</svg>\n",
    ])
