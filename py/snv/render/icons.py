"""Inline SVG icons (24×24, stroke = currentColor so they follow text colour and forced colours).

Icons never carry meaning alone: a visible Dutch label always sits next to them. Screens and the
relatiekaart may reuse them (e.g. SECTOR icons at the rim of the map).
"""
from __future__ import annotations


def _svg(body: str, *, fill: bool = False) -> str:
    paint = 'fill="currentColor" stroke="none"' if fill else \
        'fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"'
    return (f'<svg viewBox="0 0 24 24" width="24" height="24" focusable="false" aria-hidden="true" {paint}>'
            f"{body}</svg>")


HOME = _svg('<path d="M3 11 12 3l9 8"/><path d="M5 10v10h5v-6h4v6h5V10"/>')
PEOPLE = _svg('<circle cx="9" cy="8" r="3.5"/><path d="M2.5 20c.6-3.8 3.2-6 6.5-6s5.9 2.2 6.5 6"/>'
              '<circle cx="17" cy="9" r="2.5"/><path d="M16 14.2c2.8.2 4.8 2.2 5.4 5.3"/>')
PERSON = _svg('<circle cx="12" cy="8" r="4"/><path d="M4 21c.8-4.4 4-7 8-7s7.2 2.6 8 7"/>')
MENU = _svg('<path d="M4 6h16M4 12h16M4 18h16"/>')
UNDO = _svg('<path d="M9 14 4 9l5-5"/><path d="M4 9h10.5a5.5 5.5 0 0 1 0 11H11"/>')
REDO = _svg('<path d="m15 14 5-5-5-5"/><path d="M20 9H9.5a5.5 5.5 0 0 0 0 11H13"/>')
CLOSE = _svg('<path d="M6 6l12 12M18 6 6 18"/>')
PLUS = _svg('<path d="M12 5v14M5 12h14"/>')
SEARCH = _svg('<circle cx="11" cy="11" r="6.5"/><path d="m16 16 4.5 4.5"/>')
LOCK = _svg('<rect x="5" y="11" width="14" height="10" rx="2"/><path d="M8 11V8a4 4 0 0 1 8 0v3"/>')
UNLOCK = _svg('<rect x="5" y="11" width="14" height="10" rx="2"/><path d="M8 11V8a4 4 0 0 1 7.7-1.5"/>')
TRASH = _svg('<path d="M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3"/>')
OPEN = _svg('<path d="M3 7V5a1 1 0 0 1 1-1h5l2 2h8a1 1 0 0 1 1 1v2"/><path d="M3 9h18l-2 10H5z"/>')
SAVE = _svg('<path d="M12 3v12M7 10l5 5 5-5"/><path d="M4 17v3h16v-3"/>')
EXPORT = _svg('<path d="M12 15V3M7 8l5-5 5 5"/><path d="M4 14v6h16v-6"/>')
NEW = _svg('<path d="M14 3H6a1 1 0 0 0-1 1v16a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1V8z"/><path d="M14 3v5h5M12 11v6M9 14h6"/>')
END = _svg('<path d="M10 4H5a1 1 0 0 0-1 1v14a1 1 0 0 0 1 1h5"/><path d="M15 8l4 4-4 4M19 12H9"/>')
PRINT = _svg('<path d="M7 9V3h10v6"/><rect x="3" y="9" width="18" height="8" rx="1"/><path d="M7 14h10v7H7z"/>')
CHECK = _svg('<path d="m5 12 5 5 9-10"/>')
PIN = _svg('<path d="M12 21s7-6.3 7-12a7 7 0 0 0-14 0c0 5.7 7 12 7 12z"/><circle cx="12" cy="9" r="2.5"/>')
ARROW = _svg('<path d="M5 12h14M13 6l6 6-6 6"/>')
INFO = _svg('<circle cx="12" cy="12" r="9"/><path d="M12 11v6M12 7.5v.5"/>')
WARN = _svg('<path d="M12 3 2 20h20z"/><path d="M12 10v4M12 17v.5"/>')
STAR = _svg('<path d="m12 3 2.7 5.6 6.1.9-4.4 4.3 1 6.1L12 17l-5.4 2.9 1-6.1-4.4-4.3 6.1-.9z"/>')
LIST = _svg('<path d="M9 6h11M9 12h11M9 18h11"/><circle cx="4.5" cy="6" r="1"/><circle cx="4.5" cy="12" r="1"/>'
            '<circle cx="4.5" cy="18" r="1"/>')
EYE = _svg('<path d="M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12z"/><circle cx="12" cy="12" r="3"/>')

# The four phases of SNV
PHASE = {
    "ontmoeten": _svg('<path d="M3 5h11v7H8l-3 3v-3H3z"/><path d="M17 9h4v7h-2v3l-3-3h-5v-2"/>'),
    "netwerkatlas": _svg('<circle cx="12" cy="12" r="9"/><circle cx="12" cy="12" r="5"/><circle cx="12" cy="12" r="1.5"/>'),
    "meedenkbijeenkomst": _svg('<circle cx="6" cy="6" r="2"/><circle cx="18" cy="6" r="2"/><circle cx="6" cy="18" r="2"/>'
                               '<circle cx="18" cy="18" r="2"/><rect x="9" y="9" width="6" height="6" rx="1"/>'),
    "basisteam": _svg('<circle cx="12" cy="7" r="3"/><circle cx="5" cy="10" r="2.5"/><circle cx="19" cy="10" r="2.5"/>'
                      '<path d="M7 20c.5-3.5 2.5-5.5 5-5.5s4.5 2 5 5.5"/><path d="M1.5 18c.3-2.3 1.6-3.8 3.5-4"/>'
                      '<path d="M22.5 18c-.3-2.3-1.6-3.8-3.5-4"/>'),
}

# The five sectors of the relatiekaart
SECTOR = {
    "familie": _svg('<path d="M3 11 12 4l9 7"/><path d="M6 9.5V20h12V9.5"/><path d="M10 20v-5h4v5"/>'),
    "vrienden_kennissen": _svg('<path d="M12 20s-8-4.7-8-10.2A4.3 4.3 0 0 1 12 7.5a4.3 4.3 0 0 1 8 2.3C20 15.3 12 20 12 20z"/>'),
    "buren_buurt": _svg('<path d="M2 20h20"/><path d="M4 20v-8l4-3 4 3v8"/><path d="M12 20v-10l4-3 4 3v10"/>'),
    "school_werk_vrije_tijd": _svg('<rect x="3" y="8" width="18" height="12" rx="1.5"/><path d="M9 8V5h6v3M3 13h18"/>'),
    "hulpverlening": _svg('<circle cx="12" cy="12" r="9"/><path d="M12 7.5v9M7.5 12h9"/>'),
}

PAW = ('<g class="paw"><ellipse cx="12" cy="15.5" rx="4" ry="3.3"/><circle cx="7" cy="10.5" r="1.7"/>'
       '<circle cx="10" cy="7.5" r="1.7"/><circle cx="14" cy="7.5" r="1.7"/><circle cx="17" cy="10.5" r="1.7"/></g>')
