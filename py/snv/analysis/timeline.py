"""The order of the life events on the Gebeurteniskaart, and where each one goes on the life line.

Order (`ordered`), one rule a person can follow by looking at the line:

1. **On the years line** come events with a date, a year, or an age when the client's birth year is
   known (age 12 + born 2001 = 2013). Sorted by year.
   Within one year: first the events that only have a year (or an age: "that year, some time"),
   then the events with an exact date, by date. A year reads as the heading of what happened in it.
2. **Ages without a birth year** ("toen ik 12 was") cannot be placed among years. They come after the
   years line, sorted by age, under their own marker "Leeftijd".
3. **Unknown** (`wanneer` None) comes last, under "Weet niet meer wanneer".

`ongeveer` does not change the place; it is shown as "±" on the card and as "ongeveer" in words.
Equal keys keep the order of the list (a stable sort), so the order people entered them stays.

`lay_out` turns that order into columns on one line or on several rows (the printed page): each
event one column, and a narrow marker column where a new year (or group) starts, so years are marked
along the line and no two cards can overlap. Pure and linear: 500 events take well under a millisecond.
"""
from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import Optional, Sequence

from ..messages import t
from ..model.case import Case, Gebeurtenis, Moment

GROUP_YEARS, GROUP_AGES, GROUP_UNKNOWN = 0, 1, 2


@dataclass(frozen=True)
class Item:
    """One event in its place in the order."""
    event: Gebeurtenis
    group: int  # GROUP_YEARS, GROUP_AGES or GROUP_UNKNOWN
    year: Optional[int]  # the year on the line (None outside GROUP_YEARS)
    marker: str  # the text of the marker column this event falls under: "2013", "Leeftijd", …
    key: tuple  # the sort key (without the list position)


def moment_year(moment: Optional[Moment], birth_year: Optional[int]) -> Optional[int]:
    """The year an event happened in, when it can be known."""
    if moment is None:
        return None
    if moment.datum is not None:
        return moment.datum.year
    if moment.jaar is not None:
        return moment.jaar
    if moment.leeftijd is not None and birth_year is not None:
        return birth_year + moment.leeftijd
    return None


def sort_key(moment: Optional[Moment], birth_year: Optional[int]) -> tuple:
    """(group, …): see the module docstring. Year-only and age events sort before exact dates of the
    same year."""
    if moment is None:
        return (GROUP_UNKNOWN,)
    year = moment_year(moment, birth_year)
    if year is None:  # an age without a birth year
        return (GROUP_AGES, moment.leeftijd or 0)
    if moment.datum is not None:
        return (GROUP_YEARS, year, 1, moment.datum.month, moment.datum.day)
    return (GROUP_YEARS, year, 0, 0, 0)


def _marker(group: int, year: Optional[int]) -> str:
    if group == GROUP_YEARS:
        return str(year)
    return t("gebeurteniskaart.group.ages" if group == GROUP_AGES else "gebeurteniskaart.group.unknown")


def order_events(events: Sequence[Gebeurtenis], birth_year: Optional[int]) -> list[Item]:
    """The events in life-line order (stable for equal keys)."""
    items = []
    for ev in events:
        key = sort_key(ev.wanneer, birth_year)
        group = key[0]
        year = key[1] if group == GROUP_YEARS else None
        items.append(Item(ev, group, year, _marker(group, year), key))
    items.sort(key=lambda it: it.key)  # list.sort is stable
    return items


_CACHE: list = [None, None]  # [weakref to the last case, its order]: a render asks more than once


def ordered(case: Case) -> list[Item]:
    """The order of `case.gebeurtenissen`, with the client's birth year. Cases are frozen, so the
    order of one case object is computed once."""
    last, items = _CACHE
    if last is not None and last() is case:
        return items
    items = order_events(case.gebeurtenissen, case.klant.geboortejaar)
    _CACHE[:] = [weakref.ref(case), items]
    return items


# ----- words for a moment -----

def moment_text(moment: Optional[Moment], birth_year: Optional[int] = None, *, short: bool = True) -> str:
    """"± 2009", "8 jaar", "2-5-2020"; `short=False` says "ongeveer" in words and adds the year an age
    falls in: "ongeveer 8 jaar (2009)". None: "Weet niet meer wanneer"."""
    if moment is None:
        return t("gebeurteniskaart.when.unknown")
    if moment.datum is not None:
        d = moment.datum
        text = f"{d.day}-{d.month}-{d.year}"
    elif moment.jaar is not None:
        text = str(moment.jaar)
    else:
        text = t("gebeurteniskaart.when.age", leeftijd=moment.leeftijd)
        if not short and birth_year is not None:
            text += f" ({birth_year + (moment.leeftijd or 0)})"
    if moment.ongeveer:
        text = (t("gebeurteniskaart.when.about_short") + " " if short else t("gebeurteniskaart.when.about") + " ") + text
    return text


def moment_kind(moment: Optional[Moment]) -> str:
    """"datum" | "jaar" | "leeftijd" | "onbekend"."""
    if moment is None:
        return "onbekend"
    if moment.datum is not None:
        return "datum"
    return "jaar" if moment.jaar is not None else "leeftijd"


# ----- columns on the line -----

@dataclass(frozen=True)
class Slot:
    """One column: an event card (item set) or a marker (item None, text = year or group name)."""
    row: int
    x: float  # left edge
    width: float
    item: Optional[Item] = None
    text: str = ""
    continued: bool = False  # a marker repeated at the start of a row (the year goes on from the row above)
    group: int = GROUP_YEARS  # of the event, or of the events a marker stands before


def lay_out(items: Sequence[Item], *, slot_w: float, marker_w: float, row_w: Optional[float] = None,
            x0: float = 0.0, group_marker_w: Optional[float] = None) -> list[Slot]:
    """Columns for `items` in order: a marker column before each new year or group, then one column per
    event. With `row_w` the line wraps into rows of at most that width; a marker never ends a row (it
    moves on with its first event), and a row that starts inside a year repeats that year's marker.
    The markers of the groups without a year ("Weet niet meer wanneer") may be wider: `group_marker_w`."""
    slots: list[Slot] = []
    row, x = 0, x0
    current = None
    for it in items:
        new_marker = it.marker != current
        mw = marker_w if it.group == GROUP_YEARS or group_marker_w is None else group_marker_w
        need = (mw if new_marker else 0.0) + slot_w
        if row_w is not None and x > x0 and x - x0 + need > row_w:
            row, x = row + 1, x0
            if not new_marker:  # the year goes on: repeat its marker at the start of the row
                slots.append(Slot(row, x, mw, None, it.marker, continued=True, group=it.group))
                x += mw
        if new_marker:
            slots.append(Slot(row, x, mw, None, it.marker, group=it.group))
            x += mw
            current = it.marker
        slots.append(Slot(row, x, slot_w, it, group=it.group))
        x += slot_w
    return slots
