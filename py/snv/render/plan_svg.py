""""Ons plan" as a standalone SVG on A4 portrait: the print page of the plan and its file export.

Every agreement of the current plan, grouped per question (the basisposter's order; agreements without a
question under "Andere afspraken"), with wat, wie, wanneer / hoe vaak, waar, hoe and the dates; the
piketpaaltjes (afspraken die vastliggen) in a fixed border at the top. A gap is a friendly question in a
dashed box ("Wie doet dit?"), never a grade. The wording is the screen's (render/plan.py).

Layout: the page is 760 × 1100 units (190 × 275 mm, the printable part of A4 portrait: 4 units per mm),
two columns that the blocks flow through (a block is never split; a question's heading stays with its
first agreement). Body text is 16 units = 11.3 pt on paper: that holds about 12 agreements of usual
length. When the plan does not fit, the text is made smaller in steps down to 0.8 (9 pt), then a third
column is tried at 9 pt: about 25 agreements of usual length fit (a few words for wat, one or two
people, wanneer, often waar; the facts flow as one paragraph with bold labels). Beyond that the page
grows longer (the layout that runs on least) and print scales the whole page down to one A4, so the text
gets smaller than 9 pt (30 agreements: about 7 pt, 40: about 5 pt): still one page, but for a plan that
big a print per question would be the better way (not built).
The file export is the same drawing.

Pure and deterministic for a given `today`; the caller applies the privacy choices first.
"""
from __future__ import annotations

import datetime as dt
from typing import Callable, Optional

from ..messages import t
from .format import date_nl
from .plan import date_long, dates_text, groups, kader_text, when_text, who_text
from .svg import esc, file_head, num

W = 760.0
H = 1100.0
MARGIN = 24.0
GUTTER = 24.0
TEXT = "#1A1A1A"
MUTED = "#4D4D4D"  # ≥ 7:1 on white
ACCENT = "#1F4E8C"
LAYOUTS = ((1.0, 2), (0.92, 2), (0.85, 2), (0.8, 2), (0.8, 3))  # (text scale, columns), tried in turn
CHAR_W = 0.58  # average glyph width of the sans-serif in em (bold a little wider), to wrap without a font
BOLD_W = 0.64

Draw = Callable[[float, float], str]  # draws a block with its top left corner at (x, y)


def wrap(text: str, max_chars: int) -> list[str]:
    """Greedy word wrap by an estimated character count; a word longer than a line is cut."""
    lines: list[str] = []
    for para in (text or "").splitlines() or [""]:
        words = para.split()
        line = ""
        for word in words:
            while len(word) > max_chars:
                if line:
                    lines.append(line)
                    line = ""
                lines.append(word[:max_chars])
                word = word[max_chars:]
            if not line:
                line = word
            elif len(line) + 1 + len(word) <= max_chars:
                line += " " + word
            else:
                lines.append(line)
                line = word
        if line:
            lines.append(line)
    return lines or [""]


class _Layout:
    def __init__(self, scale: float, cols: int):
        self.s = scale
        self.cols = cols
        self.body = 16.0 * scale
        self.line = 20.0 * scale
        self.head = 19.0 * scale
        self.head_line = 24.0 * scale
        self.col_w = (W - 2 * MARGIN - (cols - 1) * GUTTER) / cols
        self.inset = 12.0

    def chars(self, width: float, size: float, bold: bool = False) -> int:
        return max(8, int(width / (size * (BOLD_W if bold else CHAR_W))))


def _text(x: float, y: float, size: float, content: str, *, bold: bool = False, fill: str = TEXT,
          italic: bool = False) -> str:
    weight = ' font-weight="700"' if bold else ""
    style = ' font-style="italic"' if italic else ""
    return f'<text x="{num(x)}" y="{num(y)}" font-size="{num(size)}" fill="{fill}"{weight}{style}>{content}</text>'


def _question_block(L: _Layout, title: str, others: bool) -> tuple[float, Draw]:
    lines = wrap(title, L.chars(L.col_w, L.head, bold=True))
    h = 8 + len(lines) * L.head_line + 6

    def draw(x: float, y: float) -> str:
        out = [f'<g class="pl-q{" pl-q-others" if others else ""}">']
        out.append(f'<rect x="{num(x)}" y="{num(y)}" width="{num(L.col_w)}" height="{num(h - 4)}" fill="#EEF2F8"/>')
        for i, ln in enumerate(lines):
            out.append(_text(x + 8, y + 4 + (i + 1) * L.head_line - 5 * L.s, L.head, esc(ln), bold=True, fill=ACCENT))
        out.append("</g>")
        return "".join(out)
    return h, draw


def wrap_runs(runs: list[tuple[str, bool]], width: float, size: float) -> list[list[tuple[str, bool]]]:
    """Word wrap of text runs (text, bold) into lines of runs, by estimated glyph widths."""
    words: list[tuple[str, bool]] = [(w, bold) for text, bold in runs for w in text.split()]
    lines: list[list[tuple[str, bool]]] = []
    line: list[tuple[str, bool]] = []
    used = 0.0
    space = size * CHAR_W

    def w_of(word: str, bold: bool) -> float:
        return len(word) * size * (BOLD_W if bold else CHAR_W)

    for word, bold in words:
        ww = w_of(word, bold)
        if ww > width:  # a word longer than a line: cut it
            limit = max(1, int(width / (size * (BOLD_W if bold else CHAR_W))))
            while len(word) > limit:
                if line:
                    lines.append(line)
                    line, used = [], 0.0
                lines.append([(word[:limit], bold)])
                word = word[limit:]
            ww = w_of(word, bold)
        if line and used + space + ww > width:
            lines.append(line)
            line, used = [], 0.0
        used += (space if line else 0.0) + ww
        line.append((word, bold))
    if line:
        lines.append(line)
    return lines


def _runs_svg(line: list[tuple[str, bool]]) -> str:
    """One wrapped line as text with bold tspans (runs of the same weight joined)."""
    out: list[str] = []
    current: list[str] = []
    weight: Optional[bool] = None
    for word, bold in line:
        if weight is not None and bold != weight:
            out.append((f'<tspan font-weight="700">{esc(" ".join(current))}</tspan>' if weight
                        else esc(" ".join(current))) + " ")
            current = []
        weight = bold
        current.append(word)
    if current:
        out.append(f'<tspan font-weight="700">{esc(" ".join(current))}</tspan>' if weight else esc(" ".join(current)))
    return "".join(out)


def _agreement_block(L: _Layout, case, a) -> tuple[float, Draw]:
    """What (bold), then the facts as one flowing paragraph "Wie: … · Wanneer: … · Waar: … · Hoe: …"
    with bold labels (dense, so a plan fits one page), gaps as boxed questions, then the dates."""
    width = L.col_w - L.inset
    status = "" if a.status == "actief" else f" ({t(f'plan.status.{a.status}').lower()})"
    wat_lines = wrap_runs([(a.wat + status, True)], width, L.body)
    asks: list[str] = []
    runs: list[tuple[str, bool]] = []

    def fact(label: str, value: str) -> None:
        if runs:
            runs.append(("·", False))
        runs.extend([(f"{label}:", True), (value, False)])

    who = who_text(case, a)
    if who:
        fact(t("plan.field.wie"), who)
    else:
        asks.append(t("plan.ask.wie"))
    when = when_text(a, ", ")
    if when:
        fact(t("plan.field.wanneer"), when)
    else:
        asks.append(t("plan.ask.wanneer"))
    if a.waar.strip():
        fact(t("plan.field.waar"), a.waar.strip())
    if a.hoe.strip():
        fact(t("plan.field.hoe"), a.hoe.strip())
    fact_lines = wrap_runs(runs, width, L.body) if runs else []
    dates = dates_text(a)
    date_lines = wrap_runs([(dates, False)], width, L.body) if dates else []
    n_lines = len(wat_lines) + len(fact_lines) + len(date_lines) + 1.3 * len(asks)
    h = n_lines * L.line + 12 * L.s
    muted = a.status != "actief"

    def draw(x: float, y: float) -> str:
        bar = MUTED if muted else ACCENT
        out = [f'<g class="pl-a" data-aid="{esc(a.id)}">',
               f'<rect x="{num(x)}" y="{num(y + 2)}" width="4" height="{num(h - 12 * L.s)}" fill="{bar}"/>']
        cy = y
        tx = x + L.inset
        for ln in wat_lines:
            cy += L.line
            out.append(_text(tx, cy - 4 * L.s, L.body, _runs_svg(ln), fill=MUTED if muted else TEXT))
        for ask in asks:
            cy += L.line * 1.3
            box_w = min(width, (len(ask) + 2) * L.body * CHAR_W)
            out.append(f'<rect x="{num(tx)}" y="{num(cy - L.line * 1.15)}" width="{num(box_w)}" '
                       f'height="{num(L.line * 1.1)}" rx="4" fill="#FFFFFF" stroke="{ACCENT}" stroke-width="1.5" '
                       f'stroke-dasharray="5 3"/>')
            out.append(_text(tx + L.body * CHAR_W, cy - 8 * L.s, L.body, esc(ask), italic=True, fill=ACCENT))
        for ln in fact_lines:
            cy += L.line
            out.append(_text(tx, cy - 4 * L.s, L.body, _runs_svg(ln)))
        for ln in date_lines:
            cy += L.line
            out.append(_text(tx, cy - 4 * L.s, L.body, _runs_svg(ln), fill=MUTED))
        out.append("</g>")
        return "".join(out)
    return h, draw


def _piket_block(L: _Layout, case, width: float) -> tuple[float, Draw]:
    paaltjes = case.bijeenkomst.piketpaaltjes
    if not paaltjes:
        return 0.0, lambda x, y: ""
    chars = L.chars(width - 24, L.body)
    items = []
    for pk in paaltjes:
        by = kader_text(case, pk)
        if pk.oordeel is not None:
            naam = case.persoon(pk.gesteld_door).naam
            by += " · " + t(f"plan.piket.said.{pk.oordeel}", naam=naam) + (f": {pk.uitleg}" if pk.uitleg.strip() else "")
        items.append((wrap(pk.tekst, chars), wrap(by, chars)))
    n = sum(len(a) + len(b) for a, b in items)
    h = 14 + L.head_line + n * L.line + len(items) * 8 + 10

    def draw(x: float, y: float) -> str:
        out = [f'<g class="pl-piket"><rect x="{num(x)}" y="{num(y)}" width="{num(width)}" height="{num(h)}" '
               f'fill="#FFFFFF" stroke="{TEXT}" stroke-width="3"/>',
               _text(x + 12, y + 8 + L.head_line - 4, L.head, esc(t("plan.piket.title")), bold=True)]
        cy = y + 8 + L.head_line
        for tekst, by in items:
            cy += 8
            for ln in tekst:
                cy += L.line
                out.append(_text(x + 12, cy - 4 * L.s, L.body, esc(ln)))
            for ln in by:
                cy += L.line
                out.append(_text(x + 12, cy - 4 * L.s, L.body, esc(ln), fill=MUTED))
        out.append("</g>")
        return "".join(out)
    return h, draw


def _flow(L: _Layout, case, plan, top: float, bottom: float) -> tuple[bool, list[str], float]:
    """Place the blocks in columns from `top`; returns (fits between top and bottom, svg parts, the
    lowest y used)."""
    blocks: list[tuple[float, Draw, bool]] = []
    for q, afspraken in groups(case, plan):
        if q is None and not afspraken:
            continue
        h, draw = _question_block(L, q.tekst if q is not None else t("plan.others"), q is None)
        blocks.append((h, draw, True))
        if not afspraken:
            def none(x: float, y: float) -> str:
                return _text(x + L.inset, y + L.line - 4 * L.s, L.body, esc(t("plan.count.none")), italic=True,
                             fill=MUTED)
            blocks.append((L.line + 10 * L.s, none, False))
        for a in afspraken:
            h, draw = _agreement_block(L, case, a)
            blocks.append((h, draw, False))
    col, y = 0, top
    parts: list[str] = []
    lowest = top
    fits = True
    i = 0
    while i < len(blocks):
        h, draw, keep = blocks[i]
        need = h + (blocks[i + 1][0] if keep and i + 1 < len(blocks) else 0)
        if y + need > bottom and y > top:
            if col + 1 < L.cols:
                col, y = col + 1, top
                continue
            fits = False  # the last column runs on below the page
        x = MARGIN + col * (L.col_w + GUTTER)
        parts.append(draw(x, y))
        y += h
        lowest = max(lowest, y)
        i += 1
    return fits, parts, lowest


def export_svg(case, *, today: Optional[dt.date] = None) -> str:
    """The standalone SVG "Ons plan" (A4 portrait), the whole case in <metadata id="snv-case">."""
    today = today or dt.date.today()
    plan = case.huidig_plan
    naam = case.klant.naam
    heading = t("plan.svg.title", naam=naam)
    sub = t("plan.svg.date", datum=date_nl(today))
    if plan is not None:
        sub = t("plan.svg.version", versie=plan.versie, datum=date_long(plan.datum)) + " · " + sub
    count = len(plan.afspraken) if plan is not None else 0
    legend_h = 34.0
    chosen: Optional[tuple] = None
    for scale, cols in LAYOUTS:
        L = _Layout(scale, cols)
        ph, pdraw = _piket_block(L, case, W - 2 * MARGIN)
        top = 96 + (ph + 16 if ph else 0)
        bottom = H - MARGIN - legend_h
        if plan is None or not plan.afspraken:
            chosen = (L, ph, pdraw, top, [], top)
            break
        fits, parts, lowest = _flow(L, case, plan, top, bottom)
        if fits:
            chosen = (L, ph, pdraw, top, parts, lowest)
            break
        if chosen is None or lowest < chosen[5]:  # nothing fits: the layout that runs on the least
            chosen = (L, ph, pdraw, top, parts, lowest)
    assert chosen is not None
    L, ph, pdraw, top, parts, lowest = chosen
    height = max(H, lowest + legend_h + MARGIN)
    body: list[str] = []
    if ph:
        body.append(pdraw(MARGIN, 96))
    if plan is None or not plan.afspraken:
        body.append(_text(MARGIN, top + 30, 20, esc(t("plan.empty"))))
    body.extend(parts)
    legend_y = height - MARGIN - 8
    legend = (f'<g class="pl-legend"><rect x="{num(MARGIN)}" y="{num(legend_y - 17)}" width="34" height="22" rx="4" '
              f'fill="#FFFFFF" stroke="{ACCENT}" stroke-width="1.5" stroke-dasharray="5 3"/>'
              + _text(MARGIN + 46, legend_y, 16, esc(t("plan.svg.legend")), fill=MUTED) + "</g>")
    desc = t("plan.svg.desc", naam=naam, datum=date_nl(today), count=count)
    return "".join([
        file_head(case, W, height, title=heading, desc=desc),
        _text(MARGIN, 50, 30, esc(heading), bold=True),
        _text(MARGIN, 80, 16, esc(sub), fill=MUTED),
        *body,
        legend,
        "</svg>\n",
    ])
