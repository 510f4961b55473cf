"""The print document: one page per instrument, made from the instruments' own SVG exports.

Printing the screen itself would print app chrome, cut a map over several pages and miss the name,
date and legend; the SVG export already has all of those. Each page is that SVG inline, scaled by the
print stylesheet (site/styles.css, "print document") to fill one landscape page: A4, or A3 for
instruments that ask for it (render/instruments.Instrument.page). The embedded case is left out (paper
needs no file), and the ids inside each drawing are made unique per page.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Iterable, Optional

from ..messages import t
from . import instruments
from .format import esc

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>\s*")
# the case JSON is escaped for XML (svg.json_for_xml), so it holds no "<": the match ends at its tag
_METADATA = re.compile(r'<metadata id="snv-case">[^<]*</metadata>')
_IDS = re.compile(r'\b(id|aria-labelledby|aria-describedby|href)="([^"]*)"|url\(#([^)]+)\)')


def _scoped(svg: str, prefix: str) -> str:
    """Prefix every id and every reference to one (id, aria-*, href="#…", url(#…)), so two drawings on
    one page never share an id."""
    def repl(m: re.Match) -> str:
        if m.group(3) is not None:
            return f"url(#{prefix}{m.group(3)})"
        attr, value = m.group(1), m.group(2)
        if attr == "href":
            return f'href="#{prefix}{value[1:]}"' if value.startswith("#") else m.group(0)
        return f'{attr}="' + " ".join(prefix + v for v in value.split()) + '"'
    return _IDS.sub(repl, svg)


def inline_svg(svg: str, prefix: str) -> str:
    """A standalone SVG file as an element for an HTML page: no XML declaration, no embedded case,
    ids scoped by `prefix`."""
    return _scoped(_METADATA.sub("", _XML_DECL.sub("", svg), count=1), prefix)


def page(case, key: str, *, today: dt.date, choice: Optional[str] = None) -> str:
    """One printed page: instrument `key` of `case` (the caller applied the privacy choices); `choice`
    picks what it draws (instruments.export_svg)."""
    instrument = instruments.get(key)
    svg = inline_svg(instruments.export_svg(key, case, today=today, choice=choice), f"pr-{key}-")
    return (f'<section class="print-page print-{esc(instrument.page)}" data-instrument="{esc(key)}"'
            f' aria-label="{esc(t("ui.print.page", naam=t(f"ui.print.name.{key}")))}">{svg}</section>')


def document(case, keys: Optional[Iterable[str]] = None, *, today: Optional[dt.date] = None,
             choices: Optional[dict[str, str]] = None) -> str:
    """The pages of `keys` (default: the whole netwerkatlas, in atlas order), one instrument per page;
    `choices`: per key what it draws (the verslag: which meeting)."""
    today = today or dt.date.today()
    chosen = list(keys) if keys is not None else instruments.atlas_keys()
    return "".join(page(case, key, today=today, choice=(choices or {}).get(key)) for key in chosen)
