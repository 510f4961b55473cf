"""The basisposter as a standalone SVG for one A3 landscape page (DOMAIN.md §4): the client in the
centre, four fields around them — *Wat lukt al wel?* top left, *Wensen en dromen* top right, *Zorgen*
bottom left, *Vragen voor het plan* bottom right — cards with wrapped text and the writer's initials,
numbered questions with a mark for those that go to the meedenkbijeenkomst, and who thought along.

`poster_svg` is the drawing; `export_svg` puts the file around it (title, date, legend, the case as JSON
in <metadata>). Pure and deterministic for a given `today`. Only presentation attributes, no fonts or
external references. Sizes: 1600 units across 420 mm, so 15 units ≈ 11 pt on paper; text is ≥ 16.
Card helpers (`card`, `FONT`…) are shared with render/ontmoeten_svg.py.
"""
from __future__ import annotations

import datetime as dt
from typing import Optional

from ..messages import t
from ..model.ops import questions_in_order
from .format import date_nl
from .svg import clip_lines, esc, file_head, initials, mix, num, wrap

W, H = 1600, 1131  # A3 landscape (420 × 297 mm)
MARGIN = 40
TOP = 128  # below the heading
FOOT = 96  # meedenkers and legend at the bottom
CENTRE_W = 230  # the middle column with the client
GAP = 24

TEXT = "#1A1A1A"
MUTED = "#4A4A4A"
ACCENT = "#1F4E8C"
CARD_FONT = 19
LINE = 25  # line height of card text
CHAR_W = 0.54  # average glyph width of the sans-serif at font size 1 (for wrapping)

FIELD_COLOURS = {  # calm tints; the heading word carries the meaning
    "sterke_punten": "#E69F00",
    "wensen_dromen": "#56B4E9",
    "zorgen": "#CC79A7",
    "vragen": "#1F4E8C",
}
ITEM_FIELDS = ("sterke_punten", "wensen_dromen", "zorgen")

# a small flag: the mark of a question that goes to the meedenkbijeenkomst (legend explains it)
FLAG = "M0 -11V11M0 -11H13L9 -5.5L13 0H0"


def chars_for(width: float, font: float = CARD_FONT) -> int:
    return max(4, int(width / (font * CHAR_W)))


def badge(cx: float, cy: float, letters: str, *, r: float = 17) -> str:
    """The writer's initials in a circle (the legend says what they mean)."""
    return (f'<circle cx="{num(cx)}" cy="{num(cy)}" r="{num(r)}" fill="#FFFFFF" stroke="{TEXT}" stroke-width="1.5"/>'
            f'<text x="{num(cx)}" y="{num(cy + 5.5)}" font-size="16" font-weight="700" text-anchor="middle"'
            f' fill="{TEXT}">{esc(letters)}</text>')


def text_lines(x: float, y: float, lines: list[str], *, size: float = CARD_FONT, line: float = LINE,
               weight: str = "", fill: str = TEXT) -> str:
    """One <text> with a <tspan> per line, first baseline at y."""
    w = f' font-weight="{weight}"' if weight else ""
    spans = "".join(f'<tspan x="{num(x)}" dy="{num(0 if i == 0 else line)}">{esc(s)}</tspan>' for i, s in enumerate(lines))
    return f'<text x="{num(x)}" y="{num(y)}" font-size="{num(size)}"{w} fill="{fill}">{spans}</text>'


def card(x: float, y: float, w: float, tekst: str, letters: str, *, max_lines: int = 4,
         fill: str = "#FFFFFF", edge: str = "#8A8A85") -> tuple[str, float]:
    """A card with wrapped text (long words broken, too much text ends in "…") and, if given, the
    writer's initials at its right. Returns (svg, height)."""
    room = w - 28 - (40 if letters else 0)
    per_line = chars_for(room)
    lines = clip_lines(wrap(tekst, per_line), max_lines, per_line) or [""]
    h = 20 + len(lines) * LINE
    out = [f'<rect x="{num(x)}" y="{num(y)}" width="{num(w)}" height="{num(h)}" rx="10" fill="{fill}"'
           f' stroke="{edge}" stroke-width="1.5"/>',
           text_lines(x + 14, y + 10 + CARD_FONT, lines)]
    if letters:
        out.append(badge(x + w - 26, y + min(h / 2, 28), letters))
    return "".join(out), h


def _writer(case, door: Optional[str]) -> str:
    if door is None:
        return ""
    for p in case.personen:
        if p.id == door:
            return initials(p.naam)
    return ""


def _field_frame(veld: str, x: float, y: float, w: float, h: float) -> str:
    colour = FIELD_COLOURS[veld]
    return (f'<rect x="{num(x)}" y="{num(y)}" width="{num(w)}" height="{num(h)}" rx="18" fill="{mix(colour, 0.14)}"'
            f' stroke="{mix(colour, 0.8, "#000000")}" stroke-width="2"/>'
            f'<rect x="{num(x)}" y="{num(y)}" width="{num(w)}" height="10" rx="5" fill="{colour}"/>'
            f'<text x="{num(x + 24)}" y="{num(y + 48)}" font-size="28" font-weight="700" fill="{TEXT}">'
            f'{esc(t(f"basisposter.field.{veld}"))}</text>')


def _more(x: float, y: float, count: int) -> str:
    return (f'<text x="{num(x)}" y="{num(y)}" font-size="18" font-style="italic" fill="{MUTED}">'
            f'{esc(t("basisposter.export.more", count=count))}</text>')


def _cards(case, veld: str, x: float, y: float, w: float, h: float) -> str:
    """The cards of one item field in two columns, row by row, as many as fit."""
    items = getattr(case.basisposter, veld)
    out = [_field_frame(veld, x, y, w, h)]
    inner_x, inner_y, bottom = x + 20, y + 72, y + h - 20
    col_w = (w - 40 - 16) / 2
    if not items:
        empty = t("basisposter.empty") if veld == "sterke_punten" else t(f"basisposter.none.{veld}")
        out.append(text_lines(inner_x, inner_y + 20, wrap(empty, chars_for(w - 40)), fill=MUTED))
        return "".join(out)
    row_y = inner_y
    i = 0
    while i < len(items):
        row = items[i:i + 2]
        drawn = [card(inner_x + k * (col_w + 16), row_y, col_w, item.tekst, _writer(case, item.door)) for k, item in enumerate(row)]
        row_h = max(hh for _, hh in drawn)
        left_after = len(items) - i - len(row)
        if row_y + row_h > bottom - (30 if left_after else 0):
            out.append(_more(inner_x, min(row_y + 22, bottom), len(items) - i))
            break
        out.extend(s for s, _ in drawn)
        row_y += row_h + 14
        i += len(row)
    return "".join(out)


def _questions(case, x: float, y: float, w: float, h: float) -> str:
    vragen = questions_in_order(case.basisposter.vragen)
    names = {p.id: p.naam for p in case.personen}
    out = [_field_frame("vragen", x, y, w, h)]
    inner_x, row_y, bottom = x + 20, y + 72, y + h - 20
    if not vragen:
        out.append(text_lines(inner_x, row_y + 20, wrap(t("basisposter.none.vragen"), chars_for(w - 40)), fill=MUTED))
        return "".join(out)
    text_x = inner_x + 50
    per_line = chars_for(w - 40 - 50 - 40)
    for n, q in enumerate(vragen, 1):
        lines = clip_lines(wrap(q.tekst, per_line), 3, per_line)
        owner = t("basisposter.q.owner_line", naam=names.get(q.eigenaar) or "?") if q.eigenaar else ""
        qh = max(54, 16 + len(lines) * LINE + (24 if owner else 0))
        if row_y + qh > bottom - (30 if n < len(vragen) else 0):
            out.append(_more(inner_x, min(row_y + 22, bottom), len(vragen) - n + 1))
            break
        box_w = w - 40
        out.append(f'<rect x="{num(inner_x)}" y="{num(row_y)}" width="{num(box_w)}" height="{num(qh)}" rx="10"'
                   f' fill="#FFFFFF" stroke="{ACCENT if q.naar_bijeenkomst else "#8A8A85"}"'
                   f' stroke-width="{3 if q.naar_bijeenkomst else 1.5}"/>')
        out.append(f'<circle cx="{num(inner_x + 24)}" cy="{num(row_y + 26)}" r="16" fill="{ACCENT}"/>'
                   f'<text x="{num(inner_x + 24)}" y="{num(row_y + 32)}" font-size="17" font-weight="700"'
                   f' text-anchor="middle" fill="#FFFFFF">{n}</text>')
        out.append(text_lines(text_x, row_y + 8 + CARD_FONT, lines))
        if owner:
            out.append(f'<text x="{num(text_x)}" y="{num(row_y + 8 + CARD_FONT + len(lines) * LINE)}" font-size="16"'
                       f' fill="{MUTED}">{esc(owner)}</text>')
        if q.naar_bijeenkomst:
            out.append(f'<path transform="translate({num(inner_x + box_w - 28)} {num(row_y + 24)})" d="{FLAG}"'
                       f' fill="{ACCENT}" stroke="{ACCENT}" stroke-width="2.5" stroke-linejoin="round"/>')
        row_y += qh + 12
    return "".join(out)


def _client(case, cx: float, cy: float) -> str:
    naam = case.klant.naam
    lines = clip_lines(wrap(naam, 14), 2, 14)
    return (f'<circle cx="{num(cx)}" cy="{num(cy)}" r="92" fill="#FFFFFF" stroke="{TEXT}" stroke-width="3"/>'
            f'<circle cx="{num(cx)}" cy="{num(cy)}" r="82" fill="{mix(ACCENT, 0.1)}" stroke="{TEXT}" stroke-width="1.5"/>'
            + f'<text x="{num(cx)}" y="{num(cy - (len(lines) - 1) * 14 + 10)}" font-size="28" font-weight="700"'
            f' text-anchor="middle" fill="{TEXT}">'
            + "".join(f'<tspan x="{num(cx)}" dy="{0 if i == 0 else 30}">{esc(s)}</tspan>' for i, s in enumerate(lines))
            + "</text>")


def poster_svg(case, top: float = TOP, bottom: float = H - FOOT) -> str:
    """The poster: four fields around the client (the drawing without heading and legend)."""
    field_w = (W - 2 * MARGIN - CENTRE_W) / 2
    field_h = (bottom - top - GAP) / 2
    left, right = MARGIN, W - MARGIN - field_w
    upper, lower = top, top + field_h + GAP
    return "".join([
        _cards(case, "sterke_punten", left, upper, field_w, field_h),
        _cards(case, "wensen_dromen", right, upper, field_w, field_h),
        _cards(case, "zorgen", left, lower, field_w, field_h),
        _questions(case, right, lower, field_w, field_h),
        _client(case, W / 2, top + field_h + GAP / 2),
    ])


def _footer(case, y: float) -> str:
    names = {p.id: p.naam for p in case.personen}
    people = [names[i] or "?" for i in case.basisposter.meedenkers if i in names]
    out = []
    if people:
        line = t("basisposter.export.meedenkers", namen=", ".join(people))
        lines = clip_lines(wrap(line, chars_for(W - 2 * MARGIN - 560, 18)), 2, chars_for(W - 2 * MARGIN - 560, 18))
        out.append(text_lines(MARGIN, y + 24, lines, size=18, line=24))
    # legend: initials, and the flag
    lx = W - MARGIN - 520
    out.append(badge(lx + 17, y + 18, "AB"))
    out.append(f'<text x="{num(lx + 44)}" y="{num(y + 24)}" font-size="18" fill="{TEXT}">'
               f'{esc(t("basisposter.export.initials"))}</text>')
    out.append(f'<path transform="translate({num(lx + 10)} {num(y + 58)})" d="{FLAG}" fill="{ACCENT}" stroke="{ACCENT}"'
               f' stroke-width="2.5" stroke-linejoin="round"/>')
    out.append(f'<text x="{num(lx + 44)}" y="{num(y + 64)}" font-size="18" fill="{TEXT}">'
               f'{esc(t("basisposter.q.meeting"))}</text>')
    return "".join(out)


def export_svg(case, *, today: Optional[dt.date] = None) -> str:
    """A standalone A3-landscape SVG file of the basisposter with the whole case embedded (opens again)."""
    today = today or dt.date.today()
    naam = case.klant.naam
    heading = t("basisposter.export.title", naam=naam)
    poster = case.basisposter
    desc = t("basisposter.export.svg_desc", naam=naam, datum=date_nl(today), sterk=len(poster.sterke_punten),
             wensen=len(poster.wensen_dromen), zorgen=len(poster.zorgen), vragen=len(poster.vragen))
    return "".join([
        file_head(case, W, H, title=heading, desc=desc),
        f'<text x="{MARGIN}" y="62" font-size="36" font-weight="700" fill="{TEXT}">{esc(heading)}</text>',
        f'<text x="{MARGIN}" y="98" font-size="20" fill="{MUTED}">{esc(t("basisposter.export.date", datum=date_nl(today)))}</text>',
        poster_svg(case),
        _footer(case, H - FOOT + 8),
        "</svg>\n",
    ])
