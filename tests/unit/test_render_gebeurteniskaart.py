"""The Gebeurteniskaart drawing and screen HTML: fijn above the line, moeilijk below, allebei on it;
cards are named buttons; hostile text stays text; the export is a standalone landscape SVG that holds
the case, wraps the line into rows, and is what the CLI writes."""
from __future__ import annotations

import datetime as dt
import re

import defusedxml.ElementTree as DET
import pytest

from snv.cli import main
from snv.model import ops, parse_case
from snv.render import gebeurteniskaart as screen
from snv.render import gebeurteniskaart_svg as gsvg
from snv.render import instruments
from snv.render.gebeurteniskaart import NEW, GebeurteniskaartView
from snv.storage import dumps_case, for_export, read_case_file

NS = "{http://www.w3.org/2000/svg}"
TODAY = dt.date(2026, 12, 2)
HOSTILE = '<script>alert(1)</script> ]]> & "x"'


def case_with(events: list[dict], **klant) -> object:
    return parse_case({
        "schema_version": 2, "id": "c-g", "klant_id": "p-ik",
        "personen": [{"id": "p-ik", "naam": klant.get("naam", "Sam"), "geboortejaar": klant.get("jaar", 2001)},
                     {"id": "p-ma", "naam": "Ma", "sector": "familie", "nabijheid": "heel_dichtbij"}],
        "gebeurtenissen": events,
    })


THREE = [
    {"id": "g-up", "wanneer": {"jaar": 2010}, "titel": "Fijn ding", "gevoel": "fijn"},
    {"id": "g-down", "wanneer": {"jaar": 2012}, "titel": "Moeilijk ding", "gevoel": "moeilijk"},
    {"id": "g-on", "wanneer": {"jaar": 2014}, "titel": "Beide", "gevoel": "allebei", "personen": ["p-ma"]},
]


def card_boxes(svg_text: str) -> dict[str, tuple[float, float, float, float]]:
    root = DET.fromstring(svg_text)
    out = {}
    for g in root.iter(f"{NS}g"):
        if "gk-ev" in (g.get("class") or ""):
            rect = g.find(f"{NS}rect")
            out[g.get("data-id")] = tuple(float(rect.get(k)) for k in ("x", "y", "width", "height"))
    return out


def line_y(svg_text: str) -> float:
    root = DET.fromstring(svg_text)
    line = next(e for e in root.iter(f"{NS}line") if "gk-line" in (e.get("class") or ""))
    return float(line.get("y1"))


def test_fijn_above_moeilijk_below_allebei_on_the_line():
    svg = gsvg.line_svg(case_with(THREE))
    boxes, y = card_boxes(svg), line_y(svg)
    assert boxes["g-up"][1] + boxes["g-up"][3] < y  # whole card above
    assert boxes["g-down"][1] > y  # whole card below
    assert boxes["g-on"][1] < y < boxes["g-on"][1] + boxes["g-on"][3]  # across the line
    xs = [boxes[k][0] for k in ("g-up", "g-down", "g-on")]
    assert xs == sorted(xs)  # in time order from left to right


def test_cards_are_named_buttons_and_years_are_marked():
    svg = gsvg.line_svg(case_with(THREE), selected="g-down")
    root = DET.fromstring(svg)
    cards = [g for g in root.iter(f"{NS}g") if "gk-ev" in (g.get("class") or "")]
    assert all(g.get("role") == "button" and g.get("tabindex") == "0" for g in cards)
    assert all(g.get("data-action") == "gebeurteniskaart.select" for g in cards)
    names = {g.get("data-id"): g.get("aria-label") for g in cards}
    # the name starts with the card's lines as shown (WCAG 2.5.3 label in name), then the feeling
    assert names["g-up"] == "Fijn ding 2010, fijn"
    assert names["g-down"] == "Moeilijk ding 2012, moeilijk"
    assert {g.get("data-id"): g.get("aria-pressed") for g in cards}["g-down"] == "true"
    years = ["".join(g.itertext()) for g in root.iter(f"{NS}g") if "gk-year" in (g.get("class") or "")]
    assert years == ["2010", "2012", "2014"]
    assert min(b[3] for b in card_boxes(svg).values()) >= 44  # ≥ 44 px targets
    assert min(b[2] for b in card_boxes(gsvg.line_svg(case_with(THREE), zoom=0)).values()) >= 44


def test_zoom_makes_columns_wider():
    near = card_boxes(gsvg.line_svg(case_with(THREE), zoom=3))
    far = card_boxes(gsvg.line_svg(case_with(THREE), zoom=0))
    assert near["g-up"][2] > far["g-up"][2]


def test_wrap_fits_lines_and_marks_what_was_cut():
    assert gsvg.wrap("Begonnen in de keuken van de dagbesteding", 14, 3) == ["Begonnen in de", "keuken van de",
                                                                             "dagbesteding"]
    assert gsvg.wrap("een twee drie vier vijf zes", 9, 2) == ["een twee", "drie…"]
    assert gsvg.wrap("Supercalifragilistisch", 8, 2) == ["Supercal", "ifragil…"]
    for line in gsvg.wrap("a " * 200, 10, 3):
        assert len(line) <= 10


def test_hostile_titles_and_names_stay_text():
    c = case_with([{"id": "g-x", "wanneer": None, "titel": HOSTILE, "verhaal": HOSTILE, "gevoel": "moeilijk",
                    "personen": ["p-ma"]}], naam=HOSTILE)
    for text in (gsvg.line_svg(c), gsvg.export_svg(c, today=TODAY),
                 screen.render(c, GebeurteniskaartView(sel="g-x"))):
        assert "<script>" not in text
        if text.startswith("<?xml"):
            root = DET.fromstring(text)
            assert not [e for e in root.iter() if e.tag.endswith("script")]
            assert read_case_file("x.svg", text.encode()) == c


def test_screen_empty_state_and_new_panel():
    c = case_with([])
    html = screen.render(c, GebeurteniskaartView())
    assert "Wat was belangrijk in je leven? Begin met iets fijns." in html
    assert 'id="gk-panel"' not in html and 'id="gk-add"' in html
    html = screen.render(c, GebeurteniskaartView(sel=NEW))
    assert 'id="gk-titel"' in html and "Nieuwe gebeurtenis" in html and 'id="gk-gevoel"' not in html


def test_screen_panel_shows_every_field_of_the_event():
    c = case_with(THREE)
    html = screen.render(c, GebeurteniskaartView(sel="g-on"))
    for part in ('id="gk-titel"', 'id="gk-verhaal"', 'id="gk-wanneer"', 'id="gk-jaar"', 'id="gk-ongeveer"',
                 'id="gk-gevoel"', 'id="gk-show"', 'id="gk-remove"', 'id="gk-newperson"', 'data-pid="p-ma"',
                 "Wie waren erbij?", "Hoe was het?", 'id="gebeurteniskaart-print"'):
        assert part in html, part
    assert re.search(r'aria-pressed="true"[^>]*data-value="allebei"', html)
    # an age without a birth year says how to place it; a gone event shows no panel
    c2 = case_with([{"id": "g-a", "wanneer": {"leeftijd": 7}, "titel": "Zeven", "gevoel": "fijn"}], jaar=None)
    assert "geboortejaar" in screen.render(c2, GebeurteniskaartView(sel="g-a"))
    assert 'id="gk-panel"' not in screen.render(c, GebeurteniskaartView(sel="g-weg"))


def test_export_is_landscape_with_heading_legend_and_the_case(demo_case):
    svg = gsvg.export_svg(demo_case, today=TODAY)
    assert svg.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')
    root = DET.fromstring(svg)
    w, h = float(root.get("width")), float(root.get("height"))
    assert w >= h  # landscape
    assert root.get("role") == "img" and root.find(f"{NS}title").text == "Gebeurteniskaart van Sam"
    text = "".join(root.itertext())
    for word in ("Gemaakt op 2-12-2026", "Fijn: boven de lijn", "Moeilijk: onder de lijn", "Allebei: op de lijn",
                 "Weet niet meer wanneer", "Zelf wonen", "± = ongeveer"):
        assert word in text, word
    assert read_case_file("sam.svg", svg.encode()) == demo_case
    assert gsvg.export_svg(demo_case, today=TODAY) == svg  # deterministic


def test_export_wraps_many_events_into_rows_within_the_page_width(demo_case):
    case = demo_case
    for k in range(40):
        case, _ = ops.add_event(case, f"Gebeurtenis nummer {k}", wanneer={"jaar": 1990 + k % 30},
                                gevoel=("fijn", "moeilijk", "allebei")[k % 3])
    svg = gsvg.export_svg(case, today=TODAY)
    root = DET.fromstring(svg)
    rows = [g for g in root.iter(f"{NS}g") if "gk-row" in (g.get("class") or "")]
    assert len(rows) >= 5
    width = float(root.get("width"))
    for x, _y, w, _h in card_boxes(svg).values():
        assert 0 <= x and x + w <= width
    # no two cards overlap
    boxes = list(card_boxes(svg).values())
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert a[0] + a[2] <= b[0] or b[0] + b[2] <= a[0] or a[1] + a[3] <= b[1] or b[1] + b[3] <= a[1]


def test_instrument_and_cli_write_the_same_svg(tmp_path, demo_case, capsys):
    assert "gebeurteniskaart" in instruments.keys()
    assert instruments.export_svg("gebeurteniskaart", demo_case, today=TODAY) == gsvg.export_svg(demo_case,
                                                                                                 today=TODAY)
    source = tmp_path / "sam.json"
    source.write_text(dumps_case(demo_case), encoding="utf-8")
    target = tmp_path / "lijn.svg"
    assert main(["render", "gebeurteniskaart", str(source), "-o", str(target)]) == 0
    data = target.read_bytes()
    shared = for_export(demo_case, notes=False, pseudonymise=False)  # the CLI leaves private notes out
    assert data.decode() == gsvg.export_svg(shared)  # the CLI uses today's date
    assert read_case_file(target.name, data) == shared
    capsys.readouterr()
    assert main(["validate", str(target)]) == 0
    assert capsys.readouterr().out.startswith("Geldig dossier van Sam")


@pytest.mark.parametrize("zoom", range(len(gsvg.ZOOM_SIZES)))
def test_card_text_stays_inside_its_card(zoom, demo_case):
    size = gsvg.ZOOM_SIZES[zoom]
    for ev in demo_case.gebeurtenissen:
        for line in gsvg._title_lines(ev, size):
            assert len(line) * size.title_font * 0.62 <= size.card_w - 16 + 1e-6


def test_screen_draws_only_the_cards_near_the_scroll_position_and_always_the_selected_one():
    from snv.model.demo import big_case

    case = big_case(200)
    full = card_boxes(gsvg.line_svg(case))
    assert len(full) == 200
    window = gsvg.screen_window(3000, 1000)
    assert window[0] <= 3000 - 1000 and window[1] >= 3000 + 1000 + 1000
    part = gsvg.line_svg(case, window=window)
    boxes = card_boxes(part)
    assert 10 < len(boxes) < 60
    assert all(window[0] - 200 <= x <= window[1] for x, _y, _w, _h in boxes.values())
    assert DET.fromstring(part).get("width") == DET.fromstring(gsvg.line_svg(case)).get("width")  # same scroll width
    last = max(full, key=lambda k: full[k][0])
    assert last in card_boxes(gsvg.line_svg(case, window=window, selected=last))
    assert gsvg.screen_window(3100, 1000) == window  # a small scroll draws the same


def test_title_field_keeps_its_place_when_a_new_event_is_made():
    """The browser keeps a focused field only when the nodes around it stay in the same places."""
    c = case_with(THREE)

    def field(html: str) -> str:
        start = html.index('<div class="gk-panel-body">')
        return html[start:html.index('id="gk-titel"', start)]

    new = screen.render(c, GebeurteniskaartView(sel=NEW))
    made = screen.render(c, GebeurteniskaartView(sel="g-up"))
    assert field(new) == field(made)
