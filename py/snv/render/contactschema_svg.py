"""The contactschema: what the screen table and the SVG export share (column order, sorting, words,
icons), and the standalone landscape SVG export.

One row per person with a Contact (case.contacten). The screen (render/contactschema.py) shows the rows
as an HTML table (cards on a phone); the export draws the same rows, in the same order, with the same
icons. Meaning is never in an icon or a colour alone: the screen writes the word next to each icon, the
export explains every icon in its legend.

Export layout (one A4 landscape page, 1680 × 1188 units, body text 24 units ≈ 11 pt on paper):
up to ROWS_PER_BLOCK (20) rows → one wide table with words in the cells; up to 2 × ROWS_PER_BLOCK (40)
rows → two compact tables side by side (symbols, explained in the legend; texts shortened with "…").
More rows: still two tables, the page grows taller and prints smaller (below 11 pt); nothing is left out.
"""
from __future__ import annotations

import datetime as dt
import math
from typing import Any, Callable, Optional

from ..messages import t
from ..model.case import FREQUENTIES
from .format import date_nl
from .svg import esc, file_head, num

KEY = "contactschema"
WAYS: tuple[str, ...] = ("bij_elkaar", "telefoon", "berichten", "video")
FEELINGS: tuple[str, ...] = ("ja", "gaat_wel", "nee")
WISHES: tuple[str, ...] = ("meer", "evenveel", "minder")
DAYS: tuple[str, ...] = ("ma", "di", "wo", "do", "vr", "za", "zo")
COLUMNS: tuple[str, ...] = ("persoon", "hoe_vaak", "manieren", "samen_doen", "tevreden", "wens", "dagen")

TEXT = "#1A1A1A"
MUTED = "#4A4A4A"
ACCENT = "#1F4E8C"
STRIPE = "#F6F6F3"
RULE = "#B8B8B2"

# ----- icons: path data in a 24 × 24 box, drawn with a stroke (HTML: currentColor; SVG: TEXT) -----

WAY_ICON = {
    "bij_elkaar": ('<circle cx="8" cy="7" r="3"/><circle cx="16.5" cy="7" r="3"/>'
                   '<path d="M2.5 20c.5-4 2.7-6.5 5.5-6.5s5 2.5 5.5 6.5M11 20c.5-4 2.7-6.5 5.5-6.5S21.5 16 22 20"/>'),
    "telefoon": ('<path d="M6.5 3.5h3l1.5 4.5-2.2 1.4a11 11 0 0 0 5.8 5.8l1.4-2.2 4.5 1.5v3a2 2 0 0 1-2 2'
                 'A16.5 16.5 0 0 1 4.5 5.5a2 2 0 0 1 2-2z"/>'),
    "berichten": '<path d="M4 5h16v11H10l-5 4v-4H4z"/><path d="M8 9.5h8M8 12.5h5"/>',
    "video": '<rect x="2.5" y="6.5" width="13" height="11" rx="2"/><path d="m15.5 10.5 6-3.5v10l-6-3.5z"/>',
}
FACE_ICON = {
    "ja": '<circle cx="12" cy="12" r="9.5"/><path d="M8 14.5c2.2 2.6 5.8 2.6 8 0"/>'
          '<path d="M9 9.5v.5M15 9.5v.5"/>',
    "gaat_wel": '<circle cx="12" cy="12" r="9.5"/><path d="M8 15.5h8"/><path d="M9 9.5v.5M15 9.5v.5"/>',
    "nee": '<circle cx="12" cy="12" r="9.5"/><path d="M8 17c2.2-2.6 5.8-2.6 8 0"/><path d="M9 9.5v.5M15 9.5v.5"/>',
}
WISH_ICON = {
    "meer": '<path d="M12 20V5M6 11l6-6 6 6"/>',
    "evenveel": '<path d="M5 9h14M5 15h14"/>',
    "minder": '<path d="M12 4v15M6 13l6 6 6-6"/>',
}


def freq_level(hoe_vaak: Optional[str]) -> int:
    """5 bars for dagelijks … 1 for zelden, 0 for unknown."""
    return len(FREQUENTIES) - FREQUENTIES.index(hoe_vaak) if hoe_vaak in FREQUENTIES else 0


def freq_icon(hoe_vaak: Optional[str], paint: str = "currentColor") -> str:
    """Five rising bars, as many filled as the frequency is high (a meter, in a 24 × 24 box)."""
    level = freq_level(hoe_vaak)
    bars = []
    for i in range(5):
        h = 4 + i * 4
        fill = paint if i < level else "none"
        bars.append(f'<rect x="{1 + i * 4.6:.1f}" y="{22 - h}" width="3.2" height="{h}" rx="0.8" fill="{fill}"/>')
    return "".join(bars)


# ----- words -----

def way_word(way: str) -> str:
    return t(f"contactschema.way.{way}")


def freq_word(hoe_vaak: Optional[str]) -> str:
    return t(f"contactschema.freq.{hoe_vaak}") if hoe_vaak else ""


def feel_word(tevreden: Optional[str]) -> str:
    return t(f"contactschema.feel.{tevreden}") if tevreden else ""


def wish_word(wens: Optional[str]) -> str:
    return t(f"contactschema.wish.{wens}") if wens else ""


def day_word(day: str) -> str:
    return t(f"contactschema.day.{day}")


# ----- rows and sorting -----

def _index(options: tuple[str, ...], value: Optional[str]) -> Optional[int]:
    return options.index(value) if value in options else None


def _sort_key(col: str, names: dict[str, str]) -> Callable[[Any], Any]:
    """Key of a row for column `col`; None means "empty" (always listed last)."""
    if col == "persoon":
        return lambda c: (names.get(c.persoon, "").casefold(), c.persoon)
    if col == "hoe_vaak":
        return lambda c: _index(FREQUENTIES, c.hoe_vaak)
    if col == "manieren":
        return lambda c: tuple(WAYS.index(m) for m in c.manieren) or None
    if col == "samen_doen":
        return lambda c: " ".join(c.samen_doen.split()).casefold() or None
    if col == "tevreden":
        return lambda c: _index(FEELINGS, c.tevreden)
    if col == "wens":
        return lambda c: _index(WISHES, c.wens)
    if col == "dagen":
        return lambda c: (DAYS.index(c.dagen[0]), -len(c.dagen)) if c.dagen else None
    raise KeyError(col)


def sorted_rows(case, col: Optional[str] = None, desc: bool = False) -> list:
    """The contact rows in screen order: as entered, or sorted by `col` (stable: equal rows keep the
    order they were entered in). Ascending is the column's natural order — name A→Z, dagelijks first,
    bij elkaar first, ja first, meer first, Monday first; `desc` reverses it. Empty cells stay last
    in both directions."""
    rows = [c for c in case.contacten if c.persoon != case.klant_id]
    if col not in COLUMNS:
        return rows
    names = {p.id: p.naam for p in case.personen}
    key = _sort_key(col, names)
    keyed = [(key(c), c) for c in rows]
    filled = [(k, c) for k, c in keyed if k is not None]
    empty = [c for k, c in keyed if k is None]
    filled.sort(key=lambda kc: kc[0], reverse=desc)  # list.sort stays stable with reverse=True
    return [c for _, c in filled] + empty


# ----- export -----

W, H = 1680, 1188
MARGIN = 40
FS = 24  # body text: 24 / 1680 of a 277 mm wide print area ≈ 11.2 pt
ROW_H = 42
HEAD_H = 46
TOP = 112
ROWS_PER_BLOCK = 20
CHAR_W = 0.5 * FS  # estimated average glyph width of the system sans fonts

# (column, width) of the wide table (words in the cells) and of a compact one (symbols only)
WIDE = (("persoon", 250), ("hoe_vaak", 270), ("manieren", 170), ("samen_doen", 290), ("tevreden", 180),
        ("wens", 160), ("dagen", 280))
COMPACT = (("persoon", 186), ("hoe_vaak", 70), ("manieren", 124), ("samen_doen", 140), ("tevreden", 102),
           ("wens", 70), ("dagen", 96))


def _fit(text: str, width: float, bold: bool = False) -> str:
    """Shorten to about `width` units with "…" (estimated; the screen shows the full text)."""
    text = " ".join(str(text).split())
    room = max(1, int(width / (CHAR_W * (1.3 if bold else 1.0))))
    return text if len(text) <= room else text[: max(1, room - 1)].rstrip() + "…"


def _icon(body: str, x: float, y: float, size: float = 28.0, colour: str = TEXT) -> str:
    """A 24-box icon at (x, y) (top left), stroked."""
    s = size / 24
    return (f'<g transform="translate({num(x)} {num(y)}) scale({s:.3f})" fill="none" stroke="{colour}" '
            f'stroke-width="2" stroke-linecap="round" stroke-linejoin="round">{body}</g>')


def _meter(hoe_vaak: Optional[str], x: float, y: float, size: float = 28.0) -> str:
    s = size / 24
    return (f'<g transform="translate({num(x)} {num(y)}) scale({s:.3f})" stroke="{TEXT}" stroke-width="1.3">'
            f'{freq_icon(hoe_vaak, TEXT)}</g>')


def _days(dagen, x: float, y: float, box: float, gap: float) -> str:
    on = set(dagen or ())
    out = []
    for i, d in enumerate(DAYS):
        fill = TEXT if d in on else "#FFFFFF"
        out.append(f'<rect x="{num(x + i * (box + gap))}" y="{num(y)}" width="{num(box)}" height="{num(box)}" '
                   f'rx="2" fill="{fill}" stroke="{TEXT}" stroke-width="1.5"/>')
    return "".join(out)


def _cell(col: str, c, names: dict, x: float, y: float, w: float, compact: bool) -> str:
    """One cell's drawing; (x, y) is the cell's top left, the row is ROW_H high."""
    base = y + ROW_H / 2 + FS * 0.36  # text baseline, vertically centred
    iy = y + (ROW_H - 28) / 2
    if col == "persoon":
        return f'<text x="{num(x)}" y="{num(base)}" font-weight="700">{esc(_fit(names.get(c.persoon, "?"), w - 12, bold=True))}</text>'
    if col == "hoe_vaak":
        if not c.hoe_vaak:
            return ""
        word = "" if compact else (f'<text x="{num(x + 38)}" y="{num(base)}">'
                                   f'{esc(_fit(freq_word(c.hoe_vaak), w - 46))}</text>')
        return _meter(c.hoe_vaak, x, iy) + word
    if col == "manieren":
        step = 31 if compact else 40
        return "".join(_icon(WAY_ICON[m], x + i * step, iy) for i, m in enumerate(c.manieren))
    if col == "samen_doen":
        return f'<text x="{num(x)}" y="{num(base)}">{esc(_fit(c.samen_doen, w - 10))}</text>' if c.samen_doen else ""
    if col in ("tevreden", "wens"):
        value = getattr(c, col)
        if not value:
            return ""
        body = (FACE_ICON if col == "tevreden" else WISH_ICON)[value]
        word = feel_word(value) if col == "tevreden" else wish_word(value)
        text = "" if compact else f'<text x="{num(x + 36)}" y="{num(base)}">{esc(_fit(word, w - 44))}</text>'
        return _icon(body, x, iy) + text
    if col == "dagen":
        box, gap = (11.0, 2.0) if compact else (28.0, 10.0)
        return _days(c.dagen, x, y + (ROW_H - box) / 2, box, gap)
    raise KeyError(col)


def _block(rows: list, names: dict, x0: float, y0: float, columns, compact: bool) -> str:
    width = sum(w for _, w in columns)
    out = [f'<rect x="{num(x0)}" y="{num(y0)}" width="{num(width)}" height="{HEAD_H}" fill="{ACCENT}"/>']
    x = x0
    head_base = y0 + HEAD_H / 2 + FS * 0.36
    for col, w in columns:
        label = t(f"contactschema.svg.{'short' if compact else 'col'}.{col}")
        if col == "dagen" and not compact:
            # the day names over their boxes
            out.extend(f'<text x="{num(x + 8 + i * 38 + 14)}" y="{num(head_base)}" text-anchor="middle" '
                       f'fill="#FFFFFF" font-weight="700">{esc(day_word(d))}</text>' for i, d in enumerate(DAYS))
        else:
            out.append(f'<text x="{num(x + 8)}" y="{num(head_base)}" fill="#FFFFFF" font-weight="700">'
                       f'{esc(label)}</text>')  # short words chosen to fit their column
        x += w
    for r, c in enumerate(rows):
        y = y0 + HEAD_H + r * ROW_H
        if r % 2:
            out.append(f'<rect x="{num(x0)}" y="{num(y)}" width="{num(width)}" height="{ROW_H}" fill="{STRIPE}"/>')
        out.append(f'<line x1="{num(x0)}" y1="{num(y + ROW_H)}" x2="{num(x0 + width)}" y2="{num(y + ROW_H)}" '
                   f'stroke="{RULE}" stroke-width="1"/>')
        x = x0
        cells = []
        for col, w in columns:
            cells.append(_cell(col, c, names, x + 8, y, w, compact))
            x += w
        out.append(f'<g class="cs-row" data-pid="{esc(c.persoon)}">{"".join(cells)}</g>')
    return "".join(out)


def legend_items() -> list[tuple[str, str]]:
    """(icon drawing in a 28 × 28 box at 0,0, word) pairs of the export legend."""
    items = [(_meter(f, 0, 0), freq_word(f)) for f in FREQUENTIES]
    items += [(_icon(WAY_ICON[w], 0, 0), way_word(w)) for w in WAYS]
    items += [(_icon(FACE_ICON[f], 0, 0), t("contactschema.legend.feel", woord=feel_word(f))) for f in FEELINGS]
    items += [(_icon(WISH_ICON[w], 0, 0), t("contactschema.legend.wish", woord=wish_word(w))) for w in WISHES]
    items.append((f'<rect x="4" y="4" width="20" height="20" rx="2" fill="{TEXT}" stroke="{TEXT}" stroke-width="1.5"/>',
                  t("contactschema.legend.day")))
    return items


def _legend(y: float) -> tuple[str, float]:
    items = legend_items()
    cols = 6
    col_w = (W - 2 * MARGIN) / cols
    out = [f'<g class="cs-legend" transform="translate({MARGIN} {num(y)})">'
           f'<text x="0" y="24" font-weight="700">{esc(t("contactschema.legend.title"))}</text>']
    for i, (sample, word) in enumerate(items):
        x, yy = (i % cols) * col_w, 32 + (i // cols) * 36
        out.append(f'<g transform="translate({num(x)} {num(yy)})">{sample}'
                   f'<text x="38" y="22">{esc(_fit(word, col_w - 44))}</text></g>')
    out.append("</g>")
    rows = math.ceil(len(items) / cols)
    return "".join(out), 32 + rows * 36


def export_svg(case, *, today: Optional[dt.date] = None, col: Optional[str] = None, desc: bool = False) -> str:
    """The contactschema as a standalone landscape SVG: heading with the client's name and the date, the
    table (all rows, in the screen's order when `col`/`desc` are given), a legend of the symbols,
    `<title>`/`<desc>`, and the whole case as JSON in `<metadata id="snv-case">`. Pure for a given
    `today`; the caller applies the privacy choices first (storage.privacy.for_export)."""
    today = today or dt.date.today()
    naam = case.klant.naam
    rows = sorted_rows(case, col, desc)
    names = {p.id: p.naam for p in case.personen}
    heading = t("contactschema.export.title", naam=naam)
    date_text = t("contactschema.export.date", datum=date_nl(today))
    legend, legend_h = _legend(0)
    compact = len(rows) > ROWS_PER_BLOCK
    per_block = max(ROWS_PER_BLOCK, math.ceil(len(rows) / 2)) if compact else ROWS_PER_BLOCK
    table_h = HEAD_H + per_block * ROW_H
    height = max(H, TOP + table_h + 16 + legend_h + 32)
    body: list[str] = []
    if not rows:
        body.append(f'<text x="{MARGIN}" y="{TOP + 40}" fill="{MUTED}">{esc(t("contactschema.empty"))}</text>')
    elif not compact:
        columns = WIDE if any(c.dagen for c in rows) else tuple(
            (k, w + 280 if k == "samen_doen" else w) for k, w in WIDE if k != "dagen")
        body.append(_block(rows, names, MARGIN, TOP, columns, False))
    else:
        gap = W - 2 * MARGIN - 2 * sum(w for _, w in COMPACT)
        for b in range(2):
            part = rows[b * per_block:(b + 1) * per_block]
            if part:
                x0 = MARGIN + b * (sum(w for _, w in COMPACT) + gap)
                body.append(_block(part, names, x0, TOP, COMPACT, True))
    shown = min(len(rows), per_block)
    legend_y = min(height - 32 - legend_h, TOP + HEAD_H + max(1, shown) * ROW_H + 40)
    description = t("contactschema.export.desc", naam=naam, datum=date_nl(today), count=len(rows))
    return "".join([
        file_head(case, W, height, title=heading, desc=description, attrs=f' font-size="{FS}" fill="{TEXT}"'),
        f'<text x="{MARGIN}" y="58" font-size="36" font-weight="700">{esc(heading)}</text>',
        f'<text x="{MARGIN}" y="96" fill="{MUTED}">{esc(date_text)}</text>',
        *body,
        f'<g transform="translate(0 {num(legend_y)})">{legend}</g>',
        "</svg>\n",
    ])
