"""The start preview: what the next start shows of this case while Python loads (site/preview.js).

Saved beside the case on each save (storage/store.py PREVIEW_KEY), in the same store, and wiped with
it: it is case data (names), so it never goes anywhere else. A JSON object of plain strings:

    v        1 (the shape; preview.js ignores any other)
    lang     the language of the texts
    naam     the client's name (header)
    loading  "Bezig met laden…"
    title    heading above the map ("Relatiekaart"), alt its text alternative
    map      a standalone SVG of the relatiekaart as the screen draws it by default, with presentation
             attributes only; preview.js shows it as an <img> (an image runs no script, loads nothing)
    bar      the bottom bar's labels and icons (standalone SVGs), drawn disabled

During privétijd there is no map and no bar: the page then opens on the meeting, not on the map.
"""
from __future__ import annotations

import json
import weakref
from typing import Sequence

from ..analysis import layout as L
from ..messages import language, on_change, t
from .relatiekaart import RelatiekaartView, map_options
from .relatiekaart_svg import MapOptions, draw_map
from .svg import FONT, SVG_NS

VERSION = 1
ICON_COLOUR = "#4a4a4a"  # --color-text-muted: a disabled look


def map_image(case) -> str:
    """The relatiekaart as a standalone SVG, drawn with the screen's default view (what the map shows
    right after a start), without the interactive hooks and the empty-slice hints."""
    shown = map_options(case, RelatiekaartView())
    opts = MapOptions(member_ties=shown.member_ties, support=shown.support, frequency=shown.frequency,
                      interactive=False, empty_hints=False)
    size = L.MAP_SIZE
    out = [f'<svg xmlns="{SVG_NS}" viewBox="0 0 {size} {size}" width="{size}" height="{size}" '
           f'font-family="{FONT}">']
    draw_map(out, case, opts)
    out.append("</svg>")
    return "".join(out)


def _icon_image(svg: str) -> str:
    """An icon of render/icons as a file of its own: namespaced, its currentColor made explicit."""
    return svg.replace("<svg ", f'<svg xmlns="{SVG_NS}" ', 1).replace("currentColor", ICON_COLOUR)


_LAST: list = [None, None, None]  # [weakref to the case, its language and bar, the record]: saves repeat


@on_change
def _clear() -> None:
    _LAST[:] = [None, None, None]


def record(case, bar: Sequence[tuple[str, str]]) -> str:
    """The preview of `case` as JSON. `bar`: (label, icon svg) of each bottom-bar button."""
    key = (language(), tuple(bar))
    last, last_key, text = _LAST
    if last is not None and last() is case and last_key == key:
        return text
    naam = case.klant.naam
    private = case.bijeenkomst.in_privetijd
    data = {
        "v": VERSION,
        "lang": language(),
        "naam": naam,
        "loading": t("offline.preview.loading"),
        "title": "" if private else t("offline.preview.title", naam=naam),
        "alt": "" if private else t("offline.preview.alt", naam=naam),
        "map": "" if private else map_image(case),
        "bar": [] if private else [{"label": label, "icon": _icon_image(icon)} for label, icon in bar],
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    _LAST[:] = [weakref.ref(case), key, text]
    return text
