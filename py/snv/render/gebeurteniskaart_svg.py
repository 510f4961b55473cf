"""The Gebeurteniskaart as SVG: the life line for the screen (one long row that scrolls sideways) and
the standalone export (the same line wrapped into rows, so many events fit one landscape page).

Both use one drawing routine (`draw_line`). The order and the columns come from analysis/timeline.py:
each event gets its own column, so cards never overlap; a marker column names each new year (or
"Leeftijd", "Weet niet meer wanneer"). Fijn cards stand above the line, moeilijk cards below it,
allebei cards on it. Meaning never rests on colour alone: position, a face (smile, frown, wavy mouth)
and, in the legend and the accessible names, the word.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Optional, Sequence

from ..analysis import timeline as tl
from ..messages import on_change, t
from .format import date_nl, shown_name
from .svg import FONT, SVG_NS, esc, file_head, mix, num

KEY = "gebeurteniskaart"
TEXT = "#1A1A1A"
MUTED = "#4A4A4A"
ACCENT = "#1F4E8C"
LINE = "#333333"
GEVOELENS = ("fijn", "moeilijk", "allebei")

# Okabe–Ito hues as light card tints, with a darker border of the same hue (≥ 3:1 on white)
_HUE = {"fijn": "#E69F00", "moeilijk": "#0072B2", "allebei": "#CC79A7"}
CARD_FILL = {g: mix(c, 0.16) for g, c in _HUE.items()}
CARD_EDGE = {g: mix(c, 0.75, "#000000") for g, c in _HUE.items()}
FACE_FILL = {g: mix(c, 0.45) for g, c in _HUE.items()}

# mouths of the face, drawn around (0, 0) in a face of radius 10
MOUTH = {"fijn": "M-5 2.5Q0 8.5 5 2.5", "moeilijk": "M-5 7Q0 1.5 5 7", "allebei": "M-5.5 4.5Q-2.75 1.5 0 4.5T5.5 4.5"}


@dataclass(frozen=True)
class Size:
    """The measures of one way of drawing the line (screen zoom levels, the printed page)."""
    slot_w: float  # width of one event column
    marker_w: float  # width of a year marker column
    group_w: float  # width of a marker without a year: "Leeftijd", "Weet niet meer wanneer"
    gap: float  # between a card and the line
    title_lines: int  # at most; a card is as high as its title needs
    title_font: float
    time_font: float
    people_line: bool = False  # the printed card names who were there
    min_half: float = 60.0  # the least room above and below the line

    @property
    def card_w(self) -> float:
        return self.slot_w - 12

    @property
    def line_h(self) -> float:
        return self.title_font * 1.25

    def card_h(self, lines: int, people: bool) -> float:
        """Padding, the face and time row, the title lines, the persons line."""
        return 8 + 2 * self.time_font * 0.7 + 4 + lines * self.line_h + (self.time_font * 1.3 if people else 0) + 10


#: the screen's zoom levels, "Verder weg" … "Dichterbij": wider columns show more of each title
ZOOM_SIZES = tuple(Size(w, 60, 92, 30, 3, 16, 14, min_half=110) for w in (104, 144, 188, 240))
DEFAULT_ZOOM = 1
#: the printed page: 1200 wide (A4 landscape → 1 unit ≈ 0.25 mm, so 16 units ≈ 11 pt)
PAGE_W = 1200
PAGE_MARGIN = 40
PRINT_SIZE = Size(156, 60, 96, 26, 4, 16, 16, people_line=True)


# ----- text helpers -----

def wrap(text: str, max_chars: int, max_lines: int) -> list[str]:
    """Words into at most `max_lines` lines of at most `max_chars` characters (an estimate of the
    width); a word longer than a line is cut; text that does not fit ends in "…"."""
    max_chars = max(2, max_chars)
    words = " ".join(str(text).split()).split(" ")
    lines: list[str] = []
    current = ""
    rest = False
    for word in words:
        while len(word) > max_chars:  # a very long word: cut it over lines
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:max_chars])
            word = word[max_chars:]
            if len(lines) >= max_lines:
                break
        if len(lines) >= max_lines:
            rest = True
            break
        candidate = f"{current} {word}" if current else word
        if len(candidate) <= max_chars:
            current = candidate
            continue
        lines.append(current)
        current = word
        if len(lines) >= max_lines:
            rest = True
            break
    else:
        if current:
            lines.append(current)
    if len(lines) > max_lines:
        lines, rest = lines[:max_lines], True
    if rest and lines:
        last = lines[-1]
        if len(last) >= max_chars:  # make room for "…", at a word break when there is one
            cut = last[: max_chars - 1]
            last = cut.rsplit(" ", 1)[0] if " " in cut else cut
        lines[-1] = last.rstrip() + "…"
    return [line for line in lines if line] or [""]


def _chars(width: float, font: float) -> int:
    """How many characters of a proportional (semi-)bold font fit in `width`: an average glyph is
    taken as 0.62 em, so text stays inside its card with the wider fallback fonts too."""
    return max(2, int(width / (font * 0.62)))


def feeling_word(gevoel: str) -> str:
    return t(f"gebeurteniskaart.gevoel.{gevoel}")


def event_name(ev, birth_year: Optional[int], shown: tuple[str, ...] = ()) -> str:
    """Accessible name of an event: "Zelf wonen, 1-9-2023, allebei".

    `shown`: the card's lines as drawn (title lines, when, with whom). The name of a card on screen
    starts with them, so what you see is what you can say (WCAG 2.5.3 label in name); then the feeling
    and what the card had no room for (the whole title, the long date)."""
    titel = ev.titel.strip() or t("gebeurteniskaart.no_title")
    wanneer = tl.moment_text(ev.wanneer, birth_year, short=False)
    gevoel = feeling_word(ev.gevoel).lower()
    if not shown:
        return t("gebeurteniskaart.aria_event", titel=titel, wanneer=wanneer, gevoel=gevoel)
    seen = " ".join(shown)
    return ", ".join([seen, gevoel] + [x for x in (titel, wanneer) if x and x not in seen])


def face_svg(gevoel: str, x: float, y: float, r: float = 10.0) -> str:
    """The face of a feeling, radius r, centred on (x, y)."""
    s = r / 10.0
    scale = f" scale({num(s)})" if s != 1 else ""
    return (f'<g class="gk-face" transform="translate({num(x)} {num(y)}){scale}" aria-hidden="true">'
            f'<circle r="10" fill="{FACE_FILL[gevoel]}" stroke="{TEXT}" stroke-width="1.6"/>'
            f'<circle cx="-3.6" cy="-2.6" r="1.5" fill="{TEXT}"/><circle cx="3.6" cy="-2.6" r="1.5" fill="{TEXT}"/>'
            f'<path d="{MOUTH[gevoel]}" fill="none" stroke="{TEXT}" stroke-width="1.7" stroke-linecap="round"/></g>')


# ----- the drawing -----

def _card_y(gevoel: str, line_y: float, h: float, size: Size) -> float:
    if gevoel == "fijn":
        return line_y - size.gap - h
    if gevoel == "moeilijk":
        return line_y + size.gap
    return line_y - h / 2


_LINES: dict = {}  # event id -> (event object, size, title lines): re-used while the event is unchanged
on_change(_LINES.clear)  # an untitled event shows a placeholder in the current language


def _title_lines(ev, size: Size) -> list[str]:
    hit = _LINES.get(ev.id)
    if hit is not None and hit[0] is ev and hit[1] == size:
        return hit[2]
    title = ev.titel.strip() or t("gebeurteniskaart.no_title")
    lines = wrap(title, _chars(size.card_w - 16, size.title_font), size.title_lines)
    if len(_LINES) > 6000:
        _LINES.clear()
    _LINES[ev.id] = (ev, size, lines)
    return lines


def _card(slot: tl.Slot, line_y: float, size: Size, lines: list[str], birth_year: Optional[int], names: dict,
          selected: bool, interactive: bool) -> str:
    it = slot.item
    assert it is not None
    ev = it.event
    gevoel = ev.gevoel
    people = size.people_line and bool(ev.personen)
    x, w, h = slot.x + 6, size.card_w, size.card_h(len(lines), people)
    y = _card_y(gevoel, line_y, h, size)
    cx = slot.x + slot.width / 2
    parts = []
    if gevoel != "allebei":  # a stem from the card to its dot on the line
        y1, y2 = (y + h, line_y) if gevoel == "fijn" else (line_y, y)
        parts.append(f'<line x1="{num(cx)}" y1="{num(y1)}" x2="{num(cx)}" y2="{num(y2)}" stroke="{CARD_EDGE[gevoel]}" '
                     f'stroke-width="2"/><circle cx="{num(cx)}" cy="{num(line_y)}" r="5" fill="{CARD_EDGE[gevoel]}"/>')
    edge, width = (ACCENT, 4) if selected else (CARD_EDGE[gevoel], 2)
    parts.append(f'<rect class="gk-card" x="{num(x)}" y="{num(y)}" width="{num(w)}" height="{num(h)}" rx="8" '
                 f'fill="{CARD_FILL[gevoel]}" stroke="{edge}" stroke-width="{width}"/>')
    pad = 8
    face_r = size.time_font * 0.7
    top = y + pad + face_r
    parts.append(face_svg(gevoel, x + pad + face_r, top, face_r))
    tx = x + pad + 2 * face_r + 6
    # under "Weet niet meer wanneer" the marker already says it
    # the title first in the drawing (then when, then with whom): that is also the order of the name
    shown = list(lines)
    ty = top + face_r + 4 + size.title_font
    for i, line in enumerate(lines):
        parts.append(f'<text x="{num(x + pad)}" y="{num(ty + i * size.line_h)}" font-size="{num(size.title_font)}" '
                     f'font-weight="600" fill="{TEXT}">{esc(line)}</text>')
    when_text = "" if it.group == tl.GROUP_UNKNOWN else tl.moment_text(ev.wanneer, birth_year)
    if when_text:
        when = wrap(when_text, _chars(x + w - pad - tx, size.time_font), 1)[0]
        shown.append(when)
        parts.append(f'<text x="{num(tx)}" y="{num(top + size.time_font * 0.36)}" font-size="{num(size.time_font)}" '
                     f'font-weight="700" fill="{MUTED}">{esc(when)}</text>')
    if people:
        namen = ", ".join(names.get(pid, "?") for pid in ev.personen)
        text = wrap(t("gebeurteniskaart.export.with", namen=namen), _chars(w - 2 * pad, size.time_font), 1)[0]
        shown.append(text)
        parts.append(f'<text x="{num(x + pad)}" y="{num(y + h - 10 - size.time_font * 0.25)}" '
                     f'font-size="{num(size.time_font)}" fill="{MUTED}">{esc(text)}</text>')
    body = " ".join(parts)  # spaces: the shown lines stay apart for anything that reads the text
    cls = f"gk-ev g-{gevoel}" + (" is-sel" if selected else "")
    if interactive:
        name = esc(event_name(ev, birth_year, tuple(shown)))
        return (f'<g class="{cls}" data-action="{KEY}.select" data-id="{esc(ev.id)}" role="button" tabindex="0" '
                f'aria-label="{name}" aria-pressed="{"true" if selected else "false"}">{body}</g>')
    return f'<g class="{cls}" data-id="{esc(ev.id)}"><title>{esc(event_name(ev, birth_year))}</title>{body}</g>'


def _marker(slot: tl.Slot, top: float, line_y: float, bottom: float, size: Size) -> str:
    cx = slot.x + slot.width / 2
    font = size.time_font
    lines = wrap(slot.text, _chars(slot.width - 6, font), 3)
    h = len(lines) * font * 1.2 + 8
    w = slot.width - 4
    fill = "#FFFFFF"
    ink = MUTED if slot.continued else TEXT
    out = [f'<g class="gk-year{" is-cont" if slot.continued else ""}">'
           f'<line x1="{num(cx)}" y1="{num(top)}" x2="{num(cx)}" y2="{num(bottom)}" stroke="#B5B5AF" '
           f'stroke-width="1.5" stroke-dasharray="3 5"/>'
           f'<rect x="{num(cx - w / 2)}" y="{num(line_y - h / 2)}" width="{num(w)}" height="{num(h)}" rx="6" '
           f'fill="{fill}" stroke="{LINE}" stroke-width="2"/>']
    y0 = line_y - h / 2 + 4 + font * 0.92
    style = ' font-style="italic"' if slot.continued else ""
    for i, line in enumerate(lines):
        out.append(f'<text x="{num(cx)}" y="{num(y0 + i * font * 1.2)}" text-anchor="middle" font-size="{num(font)}" '
                   f'font-weight="700" fill="{ink}"{style}>{esc(line)}</text>')
    out.append("</g>")
    return "".join(out)


def _line_segments(slots: Sequence[tl.Slot]) -> list[tuple[float, float, bool]]:
    """(x from, x to, dashed) for one row: solid along the years, dashed where time is not known."""
    segs: list[tuple[float, float, bool]] = []
    for i, s in enumerate(slots):
        dashed = s.group != tl.GROUP_YEARS
        start = s.x + s.width / 2 if i == 0 and s.item is None else s.x  # a row begins at its first marker
        if segs and segs[-1][2] == dashed and abs(segs[-1][1] - s.x) < 0.01:
            segs[-1] = (segs[-1][0], s.x + s.width, dashed)
        else:
            segs.append((start, s.x + s.width, dashed))
    return segs


# finished card strings by event id: (event object, inputs, svg). Edits share unchanged events
# (model/ops.py), so selecting or editing one event re-uses the other cards as they are.
_CARD_CACHE: dict = {}
_CARD_CACHE_MAX = 6000
on_change(_CARD_CACHE.clear)  # a card's SVG holds words: not across a language switch


def draw_line(out: list, case, slots: Sequence[tl.Slot], size: Size, *, top: float = 0.0,
              selected: Optional[str] = None, interactive: bool = True, fixed: bool = False,
              window: Optional[tuple[float, float]] = None) -> float:
    """Append the rows of the life line to `out`, the first row starting at `top`. Each row is as high
    as its cards need (fijn above, moeilijk below, allebei across the line); `fixed`: as high as the
    highest possible card, so the height does not depend on the titles. With `window` (x from, x to)
    only the cards and markers inside it are drawn (the screen draws what can be scrolled to soon; the
    line itself is drawn whole). Returns the height used."""
    birth = case.klant.geboortejaar
    names = {p.id: shown_name(p.naam) for p in case.personen} if size.people_line else {}
    rows: dict[int, list[tl.Slot]] = {}
    for s in slots:
        rows.setdefault(s.row, []).append(s)
    n_rows = max(rows) + 1 if rows else 0
    y0 = top
    highest = max(size.min_half, size.card_h(size.title_lines, size.people_line) + size.gap + 6)
    for r in range(n_rows):
        row = rows.get(r, [])
        if window is not None:
            a, b = window
            shown = [s for s in row if s.x + s.width >= a and s.x <= b]
        else:
            shown = row
        lines = {}
        up = down = highest if fixed else size.min_half
        for s in shown if fixed else row:
            if s.item is None:
                continue
            ev = s.item.event
            lines[ev.id] = ln = _title_lines(ev, size)
            if fixed:
                continue
            h = size.card_h(len(ln), size.people_line and bool(ev.personen))
            if ev.gevoel == "fijn":
                up = max(up, h + size.gap + 6)
            elif ev.gevoel == "moeilijk":
                down = max(down, h + size.gap + 6)
            else:
                up, down = max(up, h / 2 + 6), max(down, h / 2 + 6)
        line_y = y0 + up
        bottom = line_y + down
        out.append(f'<g class="gk-row" data-row="{r}">')
        for a, b, dashed in _line_segments(row):
            dash = ' stroke-dasharray="10 8"' if dashed else ""
            out.append(f'<line class="gk-line" x1="{num(a)}" y1="{num(line_y)}" x2="{num(b)}" y2="{num(line_y)}" '
                       f'stroke="{LINE}" stroke-width="4" stroke-linecap="round"{dash}/>')
        if row:  # time goes on: an arrow at the end of each row
            end = row[-1].x + row[-1].width
            out.append(f'<path d="M{num(end - 2)} {num(line_y - 8)}L{num(end + 10)} {num(line_y)}L{num(end - 2)} '
                       f'{num(line_y + 8)}" fill="none" stroke="{LINE}" stroke-width="4" stroke-linejoin="round" '
                       f'stroke-linecap="round"/>')
        for s in shown:
            if s.item is None:
                out.append(_marker(s, y0 + 4, line_y, bottom - 4, size))
        for s in shown:
            if s.item is None:
                continue
            ev = s.item.event
            sel = ev.id == selected
            key = (s.x, s.width, line_y, size, sel, interactive, birth,
                   tuple(names.get(p, "?") for p in ev.personen) if size.people_line else ())
            hit = _CARD_CACHE.get(ev.id)
            if hit is not None and hit[0] is ev and hit[1] == key:
                out.append(hit[2])
                continue
            svg = _card(s, line_y, size, lines[ev.id], birth, names, sel, interactive)
            _CARD_CACHE[ev.id] = (ev, key, svg)
            out.append(svg)
        out.append("</g>")
        y0 = bottom + (12 if r < n_rows - 1 else 0)
    if len(_CARD_CACHE) > _CARD_CACHE_MAX:
        _CARD_CACHE.clear()
    return y0 - top


def screen_size(zoom: int) -> Size:
    return ZOOM_SIZES[max(0, min(zoom, len(ZOOM_SIZES) - 1))]


WINDOW_MARGIN = 1200  # css px drawn beyond each side of what is visible
WINDOW_STEP = 600  # the drawn window moves in steps, so a small scroll changes nothing


def screen_window(scroll_x: Optional[float], view_w: Optional[float]) -> tuple[float, float]:
    """The part of the screen's line to draw (x from, x to) for a scroll position and a box width."""
    x = max(0.0, scroll_x or 0.0)
    start = max(0.0, (x - WINDOW_MARGIN) // WINDOW_STEP * WINDOW_STEP)
    width = (view_w or 1100.0) + 2 * WINDOW_MARGIN
    return start, (start + width) // WINDOW_STEP * WINDOW_STEP + WINDOW_STEP


_LAYOUT: list = [None, None, None]  # [the ordered items list, size, slots]: one case, one zoom → one layout


def screen_slots(case, size: Size) -> list[tl.Slot]:
    items = tl.ordered(case)
    if _LAYOUT[0] is items and _LAYOUT[1] == size:
        return _LAYOUT[2]
    slots = tl.lay_out(items, slot_w=size.slot_w, marker_w=size.marker_w, group_marker_w=size.group_w, x0=12)
    _LAYOUT[:] = [items, size, slots]
    return slots


def line_svg(case, *, zoom: int = DEFAULT_ZOOM, selected: Optional[str] = None,
             window: Optional[tuple[float, float]] = None) -> str:
    """The interactive inline SVG of the screen: one row, as wide as it needs (its container scrolls).
    With `window` only the cards inside it are drawn (see screen_window); the selected one always."""
    size = screen_size(zoom)
    slots = screen_slots(case, size)
    end = (slots[-1].x + slots[-1].width) if slots else 12
    width = max(320, end + 28)
    if window is not None and selected is not None:
        sel = next((s for s in slots if s.item is not None and s.item.event.id == selected), None)
        if sel is not None and not window[0] <= sel.x <= window[1]:
            window = (min(window[0], sel.x - size.slot_w), max(window[1], sel.x + 2 * size.slot_w))
    body: list[str] = []
    height = draw_line(body, case, slots, size, top=4, selected=selected, fixed=True, window=window) + 8
    if not slots:  # the empty line: the start of a life, waiting for its first event
        height = 2 * size.min_half
        body.append(f'<line class="gk-line" x1="12" y1="{num(height / 2)}" x2="{num(width - 24)}" '
                    f'y2="{num(height / 2)}" stroke="{LINE}" stroke-width="4" stroke-linecap="round" '
                    f'stroke-dasharray="10 8"/>')
    drawn = f' data-from="{num(window[0])}" data-to="{num(window[1])}"' if window is not None else ""
    return (f'<svg xmlns="{SVG_NS}" class="gk-svg" viewBox="0 0 {num(width)} {num(height)}" width="{num(width)}" '
            f'height="{num(height)}" role="group" font-family="{FONT}"{drawn} '
            f'aria-label="{esc(t("gebeurteniskaart.aria", naam=case.klant.naam, count=len(tl.ordered(case))))}">'
            + "".join(body) + "</svg>")


# ----- legend -----

def legend_items() -> list[tuple[str, str]]:
    """(face SVG centred in a 28×28 box, words) for each feeling."""
    return [(face_svg(g, 14, 14, 11), t(f"gebeurteniskaart.legend.{g}")) for g in GEVOELENS]


def _legend(x: float, y: float, width: float) -> tuple[str, float]:
    font = 17
    out = [f'<g class="gk-legend" transform="translate({num(x)} {num(y)})" font-size="{font}" fill="{TEXT}">'
           f'<text x="0" y="20" font-size="19" font-weight="700">{esc(t("gebeurteniskaart.legend.title"))}</text>']
    col_w = width / 4
    for i, (face, word) in enumerate(legend_items()):
        cx = i * col_w
        out.append(f'<g transform="translate({num(cx)} 32)"><rect width="36" height="36" rx="6" '
                   f'fill="{CARD_FILL[GEVOELENS[i]]}" stroke="{CARD_EDGE[GEVOELENS[i]]}" stroke-width="2"/>'
                   f'<g transform="translate(4 4)">{face}</g>'
                   f'<text x="46" y="24">{esc(word)}</text></g>')
    out.append(f'<text x="{num(3 * col_w)}" y="56">{esc(t("gebeurteniskaart.legend.about"))}</text></g>')
    return "".join(out), 32 + 36 + 8


# ----- export -----

def export_layout(case, size: Size = PRINT_SIZE) -> list[tl.Slot]:
    """The events in rows that fit the printed page's width."""
    return tl.lay_out(tl.ordered(case), slot_w=size.slot_w, marker_w=size.marker_w, group_marker_w=size.group_w,
                      row_w=PAGE_W - 2 * PAGE_MARGIN - 16, x0=PAGE_MARGIN)


def export_svg(case, *, today: Optional[dt.date] = None) -> str:
    """A standalone SVG file of the life line: the client's name and the date, the line in rows, the
    legend, `<title>`/`<desc>`, and the whole case as JSON in `<metadata id="snv-case">`.

    Pure: the caller applies the privacy choices first (storage.privacy.for_export); the embedded case
    is exactly the case given. Only presentation attributes, no external references or fonts."""
    today = today or dt.date.today()
    size = PRINT_SIZE
    naam = case.klant.naam
    heading = t("gebeurteniskaart.export.title", naam=naam)
    date_text = t("gebeurteniskaart.export.date", datum=date_nl(today))
    count = len(case.gebeurtenissen)
    desc = t("gebeurteniskaart.export.desc", naam=naam, datum=date_nl(today), count=count)
    top = 100
    body: list[str] = []
    slots = export_layout(case, size)
    if slots:
        used = draw_line(body, case, slots, size, top=top, interactive=False)
    else:
        used = 60
        body.append(f'<text x="{PAGE_MARGIN}" y="{top + 36}" font-size="20" fill="{MUTED}">'
                    f'{esc(t("gebeurteniskaart.export.empty"))}</text>')
    legend, legend_h = _legend(PAGE_MARGIN, top + used + 16, PAGE_W - 2 * PAGE_MARGIN)
    height = max(top + used + 16 + legend_h + 24, round(PAGE_W / 1.414))  # at least a landscape page
    return "".join([
        file_head(case, PAGE_W, height, title=heading, desc=desc),
        f'<text x="{PAGE_MARGIN}" y="50" font-size="30" font-weight="700" fill="{TEXT}">{esc(heading)}</text>',
        f'<text x="{PAGE_MARGIN}" y="82" font-size="18" fill="{MUTED}">{esc(date_text)}</text>',
        *body,
        legend,
        "</svg>\n",
    ])
