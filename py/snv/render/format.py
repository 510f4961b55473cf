"""Text helpers shared by the HTML screens and the SVG map, so both say a thing the same way:
escaping, a person's initials, a date in Dutch. html.py and svg.py re-export esc and initials."""
from __future__ import annotations

import datetime as dt
import re
from html import escape as _escape
from typing import Any

# XML 1.0 allows tab, newline, carriage return and most of Unicode; not other control characters,
# lone surrogates (possible in Python strings) or U+FFFE/U+FFFF.
BAD_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def esc(value: Any) -> str:
    """Text that is safe inside an element or a double-quoted attribute, in HTML and in SVG alike.
    None becomes ""; characters XML forbids are dropped, so an exported SVG always parses."""
    s = "" if value is None else str(value)
    if BAD_XML.search(s):
        s = BAD_XML.sub("", s)
    return _escape(s, quote=True)


def shown_name(naam: str) -> str:
    """A person's name as the screens show it: "?" for a nameless placeholder (an unknown parent)."""
    return naam.strip() or "?"


def name_of(case, pid: str) -> str:
    """The shown name of person `pid` of `case`; "?" also when the case has no such person."""
    try:
        return shown_name(case.persoon(pid).naam)
    except KeyError:
        return "?"


def initials(name: str) -> str:
    """Up to two letters for a marker: first letters of the first and last word ("Tante Marieke" -> "TM",
    "Jan-Willem" -> "JW", "Sam" -> "S"); "?" when the name has no letter or digit."""
    firsts = [next((c for c in w if c.isalnum()), "") for w in str(name or "").replace("-", " ").split()]
    firsts = [c for c in firsts if c]
    if not firsts:
        return "?"
    return (firsts[0] + (firsts[-1] if len(firsts) > 1 else "")).upper()


def date_nl(d: dt.date) -> str:
    """14-3-2026: the short date on snapshots and exports."""
    return f"{d.day}-{d.month}-{d.year}"
