"""Relatiekaart, finished: *Verbinden* makes and removes lines between others (taps, keyboard, the line's
panel, the person sheet's list), and the *Hoe vaak?* layer (line width = contact frequency, the quality
keeps its shape)."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from snv.model import parse_case
from snv.render import person_sheet
from snv.render.relatiekaart import RelatiekaartView
from snv.render.relatiekaart_svg import FREQ_NONE_WIDTH, FREQ_WIDTH, MapOptions, export_svg, legend_items, map_svg
from snv.ui import relatiekaart as screen
from snv.ui.app import App

NS = "{http://www.w3.org/2000/svg}"
KLANT = "p-sam"


def make_case(**extra):
    return parse_case({
        "schema_version": 2, "id": "c-rk", "klant_id": KLANT, "fase": "netwerkatlas",
        "personen": [
            {"id": KLANT, "naam": "Sam"},
            {"id": "p-anna", "naam": "Anna", "sector": "familie", "nabijheid": "heel_dichtbij"},
            {"id": "p-tom", "naam": "Tom", "sector": "vrienden_kennissen", "nabijheid": "dichtbij"},
            {"id": "p-gerda", "naam": "Gerda", "sector": "buren_buurt", "nabijheid": "dichtbij"},
            {"id": "p-bas", "naam": "Bas", "sector": "buren_buurt", "nabijheid": "verder_weg"},
        ],
        "banden": [{"a": KLANT, "b": "p-anna", "kwaliteit": "goed"},
                   {"a": KLANT, "b": "p-tom", "kwaliteit": "conflict"},
                   {"a": KLANT, "b": "p-gerda", "kwaliteit": "moeizaam"}],
        "contacten": [{"persoon": "p-anna", "hoe_vaak": "dagelijks"}, {"persoon": "p-tom", "hoe_vaak": "zelden"},
                      {"persoon": "p-bas", "hoe_vaak": "wekelijks"}],
        **extra,
    })


def go(app, verb, **data):
    return app.dispatch(f"relatiekaart.{verb}", data)


def view(app) -> RelatiekaartView:
    return app.view_state(RelatiekaartView)


def test_connect_tap_a_then_b_makes_a_line_with_toast_and_undo():
    app = App(make_case())
    go(app, "connect")
    assert view(app).connect
    html = screen.render(app)
    assert "Verbinden: tik op de eerste persoon." in html and 'data-connect="1"' in html
    assert 'class="rk-members"' in html or app.case.band("p-anna", "p-tom") is None  # lines shown while connecting
    go(app, "open", pid="p-anna")
    assert view(app).chosen == "p-anna" and app.sheet is None  # a tap chooses, it opens no sheet
    html = screen.render(app)
    assert "Anna gekozen" in html and "rk-m is-chosen" in html
    assert go(app, "open", pid="p-tom") is True
    assert app.case.band("p-anna", "p-tom") is not None and app.case.band("p-anna", "p-tom").kwaliteit is None
    assert app.toast.text == "Lijn tussen Anna en Tom" and app.toast.undo
    assert view(app).chosen is None and view(app).connect  # ready for the next line
    html = screen.render(app)
    assert 'data-a="p-anna" data-b="p-tom"' in html
    app.undo()
    assert app.case.band("p-anna", "p-tom") is None


def test_connect_tap_a_again_or_stop_cancels_and_nothing_else_happens():
    app = App(make_case())
    go(app, "connect")
    go(app, "open", pid="p-anna")
    go(app, "open", pid="p-anna")
    assert view(app).chosen is None and "niet meer gekozen" in app.toast.text
    go(app, "open", pid="p-gerda")
    go(app, "connect")  # *Stop*
    assert not view(app).connect and view(app).chosen is None and app.toast.text == "Verbinden gestopt."
    assert not app.can_undo
    go(app, "open", pid="p-gerda")  # not connecting: a tap opens the sheet again
    assert app.sheet.pid == "p-gerda"


def test_connect_an_existing_pair_or_an_empty_spot_changes_nothing():
    app = App(make_case(banden=[{"a": "p-anna", "b": "p-tom", "kwaliteit": "goed"}]))
    go(app, "connect")
    go(app, "new", sector="familie", ring="dichtbij")
    assert app.sheet is None
    go(app, "open", pid="p-anna")
    assert go(app, "open", pid="p-tom") is False
    assert app.toast.text == "Anna en Tom hebben al een lijn." and not app.can_undo
    assert app.case.band("p-anna", "p-tom").kwaliteit == "goed"


def test_connect_by_keyboard_enter_on_focused_markers():
    app = App(make_case())
    go(app, "connect")
    go(app, "key", pid="p-gerda", key="Enter")
    go(app, "key", pid="p-bas", key=" ")
    assert app.case.band("p-gerda", "p-bas") is not None and app.sheet is None
    assert app.focus_request == '.rk-m[data-pid="p-bas"]'


def test_tap_a_line_between_others_to_set_its_kind_or_remove_it():
    app = App(make_case(banden=[{"a": "p-anna", "b": "p-tom"}]))
    go(app, "tie", a="p-tom", b="p-anna")
    assert view(app).panel == "tie"
    html = screen.render(app)
    assert "Lijn tussen Tom en Anna" in html and 'id="rk-tie-remove"' in html and 'class="is-on"' in html
    go(app, "tie_kind", value="moeizaam")
    assert app.case.band("p-anna", "p-tom").kwaliteit == "moeizaam"
    assert app.toast.text == "Lijn tussen Tom en Anna: lastig"
    go(app, "tie_remove")
    assert app.case.band("p-anna", "p-tom") is None and view(app).panel is None
    app.undo()
    assert app.case.band("p-anna", "p-tom").kwaliteit == "moeizaam"
    go(app, "tie", a=KLANT, b="p-anna")  # the client's own line is set in the person sheet, not here
    assert view(app).panel is None


def test_person_sheet_lists_lines_with_others_and_makes_and_removes_them():
    app = App(make_case(banden=[{"a": "p-anna", "b": "p-tom", "kwaliteit": "goed"}]))
    html = person_sheet.render(app.case, "p-anna", {}, {})
    assert "Lijnen met anderen" in html and "Verbonden met" in html and 'data-other="p-tom"' in html
    assert 'data-action="person.link" data-pid="p-anna" data-other="p-gerda"' in html
    assert 'data-other="p-sam"' not in html  # the client's line is the one above
    app.open_person("p-anna")
    app.dispatch("person.link", {"pid": "p-anna", "other": "p-gerda"})
    assert app.case.band("p-anna", "p-gerda") is not None and app.toast.text == "Lijn tussen Anna en Gerda"
    app.dispatch("person.unlink", {"pid": "p-anna", "other": "p-tom"})
    assert app.case.band("p-anna", "p-tom") is None and app.toast.text == "Lijn tussen Anna en Tom weggehaald"
    app.dispatch("person.link", {"pid": "p-anna", "other": KLANT})
    assert app.case.band("p-anna", KLANT) is None  # the client's line is chosen above, not here
    app.undo()
    assert app.case.band("p-anna", "p-tom") is not None


def _ties(svg: str) -> dict:
    root = ET.fromstring(svg)
    out = {}
    for el in root.iter():
        cls = el.get("class") or ""
        if cls.startswith("rk-tie"):
            line = el if el.tag == f"{NS}line" else next(x for x in el if x.tag in (f"{NS}line", f"{NS}path"))
            out[el.get("data-pid")] = (cls, float(line.get("stroke-width")), line.get("stroke-dasharray"), el.tag)
    return out


def test_frequency_layer_sets_width_by_frequency_and_keeps_the_quality_style():
    case = make_case()
    off = _ties(map_svg(case, options=MapOptions()))
    assert off["p-anna"][1] == 5.0 and "p-bas" not in off  # quality widths; no line without a quality
    on = _ties(map_svg(case, options=MapOptions(frequency=True)))
    assert on["p-anna"][1] == FREQ_WIDTH["dagelijks"] > on["p-tom"][1] == FREQ_WIDTH["zelden"]
    assert on["p-gerda"][1] == FREQ_NONE_WIDTH  # a line but no contact row: thin
    assert on["p-bas"][1] == FREQ_WIDTH["wekelijks"]  # a contact row but no quality: a plain line
    assert on["p-tom"][0].startswith("rk-tie q-conflict") and on["p-tom"][3] == f"{NS}g"  # still zig-zag + ⚡
    assert on["p-gerda"][2] == "10 7"  # moeizaam keeps its dashes
    assert "f-dagelijks" in on["p-anna"][0] and "f-geen" in on["p-gerda"][0]


def test_frequency_layer_toggle_legend_and_export():
    app = App(make_case())
    assert not view(app).freq  # off by default
    go(app, "freq")
    html = screen.render(app)
    assert view(app).freq and 'id="rk-freq" data-action="relatiekaart.freq" aria-pressed="true"' in html
    assert "Lijn elke dag" in html and "Lijn: hoe vaak weet je niet" in html
    words = [w for _, w in legend_items(frequency=True)]
    assert "Lijn bijna nooit" in words and "Lijn bijna nooit" not in [w for _, w in legend_items()]
    svg = export_svg(app.case, options=MapOptions(frequency=True))
    assert "f-dagelijks" in svg and "Lijn elke week" in svg


def test_a_tap_near_a_line_between_others_opens_it_elsewhere_adds_a_person():
    from snv.analysis.layout import cached_layout_map

    app = App(make_case(banden=[{"a": "p-anna", "b": "p-tom"}]))
    placed = cached_layout_map(app.case, KLANT)
    a, b = placed["p-anna"], placed["p-tom"]
    mid = {"x": str((a.x + b.x) / 2 + 5), "y": str((a.y + b.y) / 2), "sector": "familie", "ring": "dichtbij"}
    go(app, "new", **mid)  # lines between others not shown: a tap there is an empty spot
    assert app.sheet is not None and app.sheet.pid is None
    app.close_sheet()
    go(app, "lines")
    go(app, "new", **mid)
    assert view(app).panel == "tie" and view(app).tie == ("p-anna", "p-tom") and app.sheet is None
    assert screen.line_at(app.case, 5.0, 5.0) is None  # far from every line
    go(app, "new", x="5", y="5", sector="familie", ring="verder_weg")
    assert app.sheet is not None and app.sheet.prefill == {"sector": "familie", "nabijheid": "verder_weg"}

