"""The order of life events on the Gebeurteniskaart (analysis/timeline.py) with fuzzy dates, the words
for a moment, and the columns of the line (one row on screen, several rows on paper)."""
from __future__ import annotations

import datetime as dt
import itertools

from snv.analysis import timeline as tl
from snv.model.case import Gebeurtenis, Moment
from snv.model.demo import big_case


def ev(eid: str, wanneer: dict | None, gevoel: str = "fijn") -> Gebeurtenis:
    return Gebeurtenis(id=eid, titel=eid, gevoel=gevoel, wanneer=Moment(**wanneer) if wanneer is not None else None)


def order(events, birth=None) -> list[str]:
    return [it.event.id for it in tl.order_events(events, birth)]


def test_years_dates_and_ages_with_birth_year_sort_by_year():
    events = [ev("d2020", {"datum": dt.date(2020, 5, 2)}), ev("j2010", {"jaar": 2010}),
              ev("age12", {"leeftijd": 12}), ev("j1999", {"jaar": 1999, "ongeveer": True})]
    # born 2001: age 12 is 2013, between 2010 and 2020
    assert order(events, 2001) == ["j1999", "j2010", "age12", "d2020"]


def test_in_one_year_the_year_comes_before_its_exact_dates_and_dates_sort_by_day():
    events = [ev("d-dec", {"datum": dt.date(2020, 12, 1)}), ev("d-mar", {"datum": dt.date(2020, 3, 9)}),
              ev("j2020", {"jaar": 2020}), ev("age19", {"leeftijd": 19}), ev("j2019", {"jaar": 2019})]
    # born 2001: age 19 is 2020 too, a year without a day like "2020"
    assert order(events, 2001) == ["j2019", "j2020", "age19", "d-mar", "d-dec"]


def test_ages_without_birth_year_sort_by_age_after_the_years_and_before_unknown():
    events = [ev("onbekend", None), ev("age30", {"leeftijd": 30}), ev("j2024", {"jaar": 2024}),
              ev("age5", {"leeftijd": 5, "ongeveer": True}), ev("d1990", {"datum": dt.date(1990, 1, 1)})]
    assert order(events, None) == ["d1990", "j2024", "age5", "age30", "onbekend"]
    items = tl.order_events(events, None)
    assert [it.group for it in items] == [0, 0, 1, 1, 2]
    assert [it.marker for it in items] == ["1990", "2024", "Leeftijd", "Leeftijd", "Weet niet meer wanneer"]


def test_unknown_is_always_last_and_ongeveer_does_not_move_an_event():
    events = [ev("onbekend", None), ev("ong", {"jaar": 2005, "ongeveer": True}), ev("exact", {"jaar": 2005})]
    assert order(events, 1990) == ["ong", "exact", "onbekend"]


def test_equal_keys_keep_the_list_order():
    events = [ev(f"e{i}", {"jaar": 2000}) for i in range(6)] + [ev(f"u{i}", None) for i in range(3)]
    shuffled = events[3:6] + events[:3] + events[6:][::-1]
    assert order(shuffled) == ["e3", "e4", "e5", "e0", "e1", "e2", "u2", "u1", "u0"]


def test_moment_words_short_and_long():
    assert tl.moment_text(Moment(jaar=2009, ongeveer=True)) == "± 2009"
    assert tl.moment_text(Moment(jaar=2009, ongeveer=True), short=False) == "ongeveer 2009"
    assert tl.moment_text(Moment(leeftijd=8), 2001, short=False) == "8 jaar (2009)"
    assert tl.moment_text(Moment(leeftijd=8), 2001) == "8 jaar"
    assert tl.moment_text(Moment(datum=dt.date(2020, 5, 2))) == "2-5-2020"
    assert tl.moment_text(None) == "Weet niet meer wanneer"
    assert [tl.moment_kind(m) for m in (None, Moment(jaar=2000), Moment(leeftijd=3), Moment(datum=dt.date.today()))] \
        == ["onbekend", "jaar", "leeftijd", "datum"]


def test_columns_mark_each_new_year_once_and_never_overlap():
    events = [ev("a", {"jaar": 2000}), ev("b", {"jaar": 2000}), ev("c", {"jaar": 2003}), ev("u", None)]
    slots = tl.lay_out(tl.order_events(events, None), slot_w=100, marker_w=40)
    assert [(s.text if s.item is None else s.item.event.id) for s in slots] == \
        ["2000", "a", "b", "2003", "c", "Weet niet meer wanneer", "u"]
    for left, right in itertools.pairwise(slots):
        assert right.x >= left.x + left.width - 1e-9
    assert {s.row for s in slots} == {0}


def test_rows_wrap_within_width_repeat_the_year_and_no_marker_ends_a_row():
    events = [ev(f"e{i}", {"jaar": 2000 + i // 3}) for i in range(20)]
    slots = tl.lay_out(tl.order_events(events, None), slot_w=100, marker_w=40, row_w=500, x0=20)
    rows: dict[int, list] = {}
    for s in slots:
        rows.setdefault(s.row, []).append(s)
    assert len(rows) > 1
    for row in rows.values():
        assert row[-1].item is not None  # a marker moves on with its first event
        assert row[0].item is None  # every row starts with its year
        assert row[-1].x + row[-1].width - 20 <= 500
    continued = [s for s in slots if s.continued]
    assert continued and all(s.x == 20 for s in continued)
    assert [s.item.event.id for s in slots if s.item] == [f"e{i}" for i in range(20)]


def test_order_of_a_case_is_cached_per_case_object(demo_case):
    first = tl.ordered(demo_case)
    assert tl.ordered(demo_case) is first
    assert [it.event.id for it in first][-1] == "g-zwemdiploma"  # unknown date: last


def test_500_events_sort_in_time_order_and_lay_out_without_overlap():
    case = big_case(500)
    assert len(case.gebeurtenissen) == 500
    items = tl.order_events(case.gebeurtenissen, case.klant.geboortejaar)
    assert len(items) == 500 and [it.key for it in items] == sorted(it.key for it in items)
    slots = tl.lay_out(items, slot_w=144, marker_w=60, group_marker_w=92)
    assert [s.item for s in slots if s.item] == items  # every event once, in time order
    assert all(a.x + a.width <= b.x + 1e-9 for a, b in itertools.pairwise(slots))  # columns side by side
