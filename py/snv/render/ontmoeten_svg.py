"""Ontmoeten as a standalone SVG for one A4 landscape page: the heading "Ontmoeten — <naam>", the date
of the meeting, the story wrapped in lines, *Wat lukt al wel?* as cards with the writer's initials, and
the first important people; the whole case as JSON in <metadata> (the file opens again).

Pure and deterministic for a given `today`. 1188 units across 297 mm: 15.5 units ≈ 11 pt; text ≥ 17.
The cards are drawn by render/basisposter_svg.py's `card`, like on the poster.
"""
from __future__ import annotations

import datetime as dt
from typing import Optional

from ..messages import t
from .basisposter_svg import ACCENT, CARD_FONT, MUTED, TEXT, badge, card, chars_for, text_lines
from .format import date_nl
from .svg import clip_lines, esc, file_head, initials, mix, num, wrap

W, H = 1188, 840  # A4 landscape (297 × 210 mm)
MARGIN = 40
TOP = 124
SPLIT = 660  # the story on the left, strengths and people on the right
STORY_FONT = 19
STORY_LINE = 28


def _heading(x: float, y: float, text: str) -> str:
    return f'<text x="{num(x)}" y="{num(y)}" font-size="26" font-weight="700" fill="{TEXT}">{esc(text)}</text>'


def _story(case, x: float, y: float, w: float, bottom: float) -> str:
    out = [f'<rect x="{num(x)}" y="{num(y)}" width="{num(w)}" height="{num(bottom - y)}" rx="16"'
           f' fill="{mix(ACCENT, 0.06)}" stroke="#8A8A85" stroke-width="1.5"/>',
           _heading(x + 22, y + 44, t("ontmoeten.story"))]
    per_line = chars_for(w - 44, STORY_FONT)
    max_lines = max(1, int((bottom - y - 84) // STORY_LINE))
    lines = clip_lines(wrap(case.ontmoeten.verhaal, per_line), max_lines, per_line)
    if lines:
        out.append(text_lines(x + 22, y + 88, lines, size=STORY_FONT, line=STORY_LINE))
    else:
        out.append(text_lines(x + 22, y + 88, [t("ontmoeten.export.no_story")], size=STORY_FONT, fill=MUTED))
    return "".join(out)


def _strengths(case, x: float, y: float, w: float, bottom: float) -> tuple[str, float]:
    out = [_heading(x, y + 26, t("basisposter.field.sterke_punten"))]
    names = {p.id: p.naam for p in case.personen}
    row_y = y + 44
    items = case.basisposter.sterke_punten
    if not items:
        out.append(text_lines(x, row_y + 22, [t("ontmoeten.export.no_strengths")], fill=MUTED))
        return "".join(out), row_y + 40
    for i, item in enumerate(items):
        letters = initials(names[item.door]) if item.door in names else ""
        svg, h = card(x, row_y, w, item.tekst, letters, max_lines=3, fill="#FFF8E6", edge="#B8860B")
        if row_y + h > bottom:
            out.append(f'<text x="{num(x)}" y="{num(row_y + 20)}" font-size="18" font-style="italic" fill="{MUTED}">'
                       f'{esc(t("basisposter.export.more", count=len(items) - i))}</text>')
            row_y += 30
            break
        out.append(svg)
        row_y += h + 10
    return "".join(out), row_y


def _people(case, x: float, y: float, w: float, bottom: float) -> str:
    others = [p.naam for p in case.personen if p.id != case.klant_id and p.naam.strip()]
    out = [_heading(x, y + 26, t("ontmoeten.people"))]
    if not others:
        out.append(text_lines(x, y + 62, [t("ontmoeten.export.no_people")], fill=MUTED))
        return "".join(out)
    per_line = chars_for(w, CARD_FONT)
    max_lines = max(1, int((bottom - y - 50) // 26))
    lines = clip_lines(wrap(", ".join(others), per_line), max_lines, per_line)
    out.append(text_lines(x, y + 62, lines, line=26))
    return "".join(out)


def export_svg(case, *, today: Optional[dt.date] = None) -> str:
    """A standalone A4-landscape SVG of Ontmoeten with the whole case embedded (opens again)."""
    today = today or dt.date.today()
    naam = case.klant.naam
    heading = t("ontmoeten.export.title", naam=naam)
    met = case.ontmoeten.datum
    when = (t("ontmoeten.export.met", datum=date_nl(met)) + " · " if met else "") + t("ontmoeten.export.made",
                                                                                      datum=date_nl(today))
    desc = t("ontmoeten.export.desc", naam=naam, sterk=len(case.basisposter.sterke_punten),
             mensen=len(case.personen) - 1)
    bottom = H - MARGIN
    right_x = MARGIN + SPLIT + 28
    right_w = W - MARGIN - right_x
    strengths, after = _strengths(case, right_x, TOP, right_w, bottom - 150)
    title_lines = clip_lines(wrap(heading, 60), 1, 60)
    return "".join([
        file_head(case, W, H, title=heading, desc=desc),
        f'<text x="{MARGIN}" y="60" font-size="34" font-weight="700" fill="{TEXT}">{esc(title_lines[0])}</text>',
        f'<text x="{MARGIN}" y="94" font-size="19" fill="{MUTED}">{esc(when)}</text>',
        _story(case, MARGIN, TOP, SPLIT, bottom),
        strengths,
        _people(case, right_x, max(after + 10, TOP + 120), right_w, bottom),
        badge(W - MARGIN - 262, 84, "AB", r=15),
        f'<text x="{W - MARGIN - 240}" y="90" font-size="17" fill="{TEXT}">{esc(t("basisposter.export.initials"))}</text>',
        "</svg>\n",
    ])
