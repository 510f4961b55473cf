"""The invitation to the meeting, written from the client ("Ik nodig je uit…", B1): the short text to
copy into a message (`invitation_text`, shown on the Voorbereiden screen) and the printable letter on
one A4 portrait page (`export_svg`, the instrument "uitnodiging"). Both come from `invitation_lines`,
so the letter and the message always say the same.

The letter is a standalone SVG like every instrument: XML declaration, `<title>`/`<desc>`, the whole
case in `<metadata id="snv-case">` (the caller applies the privacy choices first), the client's name
and the date at the top. No symbols are drawn, so it has no legend. Pure for a given `today`.
"""
from __future__ import annotations

import datetime as dt
from typing import Optional

from ..messages import t
from ..model.ops import meeting_questions
from .format import date_nl
from .svg import esc, file_head, num

TEXT = "#1A1A1A"
ACCENT = "#1F4E8C"
# A4 portrait at 96 px per inch: 210 x 297 mm. 22 px on this page prints at about 16 pt.
WIDTH, HEIGHT = 794, 1123
MARGIN = 72
BODY = 22
LINE = 34
CHAR_W = 0.54  # average glyph width of the system sans-serif, in font sizes (for wrapping)


def long_date(d: dt.date) -> str:
    """"zaterdag 14 maart 2026": the date as people write it in a letter."""
    return t("voorbereiden.long_date", dag=t(f"voorbereiden.day.{d.weekday()}"), d=d.day,
             maand=t(f"voorbereiden.month.{d.month}"), jaar=d.year)


def when_text(case) -> Optional[str]:
    """"zaterdag 14 maart 2026 om 19:30 uur", or only the date, or None when no date is chosen."""
    bk = case.bijeenkomst
    if bk.datum is None:
        return None
    if bk.tijd is None:
        return long_date(bk.datum)
    return t("voorbereiden.inv.when_time", datum=long_date(bk.datum), tijd=bk.tijd.strftime("%H:%M"))


def invitation_lines(case) -> tuple[list[str], list[str], list[str]]:
    """(opening lines, the meeting's questions in their order, closing lines) of the invitation."""
    bk = case.bijeenkomst
    when = when_text(case)
    head = [t("voorbereiden.inv.hello"), t("voorbereiden.inv.line1"), t("voorbereiden.inv.line2"),
            t("voorbereiden.inv.when", wanneer=when) if when else t("voorbereiden.inv.when_unknown")]
    if bk.plaats.strip():
        head.append(t("voorbereiden.inv.where", plaats=bk.plaats.strip()))
    questions = [" ".join(v.tekst.split()) for v in meeting_questions(case) if v.tekst.strip()]
    tail = [t("voorbereiden.inv.end1"), t("voorbereiden.inv.end2"), t("voorbereiden.inv.bye"),
            case.klant.naam.strip() or t("map.client_you")]
    return head, questions, tail


def invitation_text(case) -> str:
    """The short message to copy (plain text, one line per sentence, questions numbered)."""
    head, questions, tail = invitation_lines(case)
    lines = [head[0], "", *head[1:3], *head[3:], ""]
    if questions:
        lines.append(t("voorbereiden.inv.questions"))
        lines.extend(f"{i}. {q}" for i, q in enumerate(questions, 1))
    else:
        lines.append(t("voorbereiden.inv.no_questions"))
    lines += ["", *tail[:2], "", *tail[2:]]
    return "\n".join(lines)


def wrap(text: str, width_px: float, size: float) -> list[str]:
    """Greedy word wrap by an estimated glyph width (SVG has no text flow); long words are cut."""
    per_line = max(8, int(width_px / (size * CHAR_W)))
    out: list[str] = []
    line = ""
    for word in text.split():
        while len(word) > per_line:
            if line:
                out.append(line)
                line = ""
            out.append(word[:per_line])
            word = word[per_line:]
        if not line:
            line = word
        elif len(line) + 1 + len(word) <= per_line:
            line += " " + word
        else:
            out.append(line)
            line = word
    if line:
        out.append(line)
    return out or [""]


def letter_svg(case, *, today: dt.date) -> tuple[list[str], float]:
    """The letter's elements (heading, text, questions) and the height they use."""
    naam = case.klant.naam
    head, questions, tail = invitation_lines(case)
    width = WIDTH - 2 * MARGIN
    out: list[str] = []
    y: float = MARGIN + 40
    out.append(f'<text x="{MARGIN}" y="{y}" font-size="44" font-weight="700" fill="{ACCENT}">'
               f'{esc(t("voorbereiden.inv.heading"))}</text>')
    y += 34
    out.append(f'<text x="{MARGIN}" y="{y}" font-size="18" fill="#333333">'
               f'{esc(t("voorbereiden.inv.svg_title", naam=naam))} · {esc(t("voorbereiden.inv.svg_date", datum=date_nl(today)))}</text>')
    y += 22
    out.append(f'<path d="M{MARGIN} {y}H{WIDTH - MARGIN}" stroke="{ACCENT}" stroke-width="3"/>')
    y += 54

    def para(text: str, *, bold: bool = False, size: float = BODY, indent: float = 0, gap: float = 10) -> None:
        nonlocal y
        weight = ' font-weight="700"' if bold else ""
        for line in wrap(text, width - indent, size):
            out.append(f'<text x="{num(MARGIN + indent)}" y="{num(y)}" font-size="{num(size)}"{weight} '
                       f'fill="{TEXT}">{esc(line)}</text>')
            y += size * 1.5
        y += gap

    para(head[0], bold=True, size=26, gap=14)
    for line in head[1:]:
        para(line)
    y += 12
    if questions:
        para(t("voorbereiden.inv.questions"), bold=True, gap=12)
        for i, q in enumerate(questions, 1):
            top = y
            para(q, indent=48, gap=14)
            out.append(f'<circle cx="{MARGIN + 17}" cy="{num(top - 8)}" r="17" fill="none" stroke="{ACCENT}" '
                       f'stroke-width="2.5"/><text x="{MARGIN + 17}" y="{num(top)}" text-anchor="middle" '
                       f'font-size="20" font-weight="700" fill="{ACCENT}">{i}</text>')
    else:
        para(t("voorbereiden.inv.no_questions"))
    y += 12
    for line in tail[:2]:
        para(line)
    y += 16
    para(tail[2], gap=2)
    para(tail[3], bold=True, size=26)
    return out, y


def export_svg(case, *, today: Optional[dt.date] = None) -> str:
    """The invitation as a standalone SVG on A4 portrait, with the case embedded."""
    today = today or dt.date.today()
    naam = case.klant.naam
    body, used = letter_svg(case, today=today)
    height = max(HEIGHT, int(used + MARGIN))  # many long questions: the page grows, print scales it
    title = t("voorbereiden.inv.svg_title", naam=naam)
    desc = t("voorbereiden.inv.svg_desc", naam=naam, count=len(invitation_lines(case)[1]))
    return "".join([
        file_head(case, WIDTH, height, title=title, desc=desc),
        *body,
        "</svg>\n",
    ])
