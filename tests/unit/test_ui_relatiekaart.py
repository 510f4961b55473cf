"""The Relatiekaart screen's actions under CPython: moves (drop and keyboard) are undoable edits, taps open
the shared sheet, panels, snapshots and Vergelijk, the list view, and the SVG export download."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
import xml.etree.ElementTree as ET

import pytest

from snv.messages import t
from snv.model import parse_case
from snv.render import relatiekaart
from snv.storage.files import read_case_file
from snv.ui import relatiekaart as screen
from snv.ui import packages, screens
from snv.ui.app import App
from snv.ui.prefs import TEXT_SCALE
from hosts import RecordingHost

KLANT = "p-sam"
NOW = dt.datetime(2026, 11, 25, 14, 30)


def make_app(**extra) -> App:
    data = {
        "schema_version": 1, "id": "c-ui", "klant_id": KLANT, "fase": "netwerkatlas",
        "personen": [
            {"id": KLANT, "naam": "Sam", "rol": "ik"},
            {"id": "p-marieke", "naam": "Marieke", "rol": "tante", "sector": "familie", "nabijheid": "heel_dichtbij",
             "notities": [{"tekst": "geheim", "zichtbaar": "klant_en_begeleider"}]},
            {"id": "p-gerda", "naam": "Gerda", "rol": "buurvrouw", "sector": "buren_buurt", "nabijheid": "dichtbij"},
            {"id": "p-eva", "naam": "Eva", "rol": "nicht"},
        ],
        "banden": [{"a": KLANT, "b": "p-marieke", "kwaliteit": "goed"}, {"a": "p-marieke", "b": "p-gerda"}],
        "steun": [{"persoon": "p-marieke", "soort": "zorg", "richting": "krijgt"}],
        **extra,
    }
    return App(parse_case(data), host=RecordingHost(), now=lambda: NOW)


def where(app, pid):
    p = app.case.persoon(pid)
    return (p.sector, p.nabijheid)


def test_screen_is_registered_with_its_export():
    screens.load_screens()
    assert screens.get("relatiekaart").mount is not None
    assert "netwerkatlas" in screens.get("relatiekaart").phases
    assert "kaart_svg" in [e.key for e in screens.exports()]


def test_drop_move_is_one_undoable_edit_with_a_toast():
    app = make_app()
    assert app.dispatch("relatiekaart.move", {"pid": "p-marieke", "sector": "familie", "ring": "verder_weg"}) is True
    assert where(app, "p-marieke") == ("familie", "verder_weg")
    assert app.toast.text == "Marieke verplaatst" and app.toast.undo
    app.undo()
    assert where(app, "p-marieke") == ("familie", "heel_dichtbij")
    app.redo()
    assert where(app, "p-marieke") == ("familie", "verder_weg")
    # dropping on its own place, on the client, or with nonsense changes nothing and adds no history
    undo_depth = len(app._undo)
    for data in ({"pid": "p-marieke", "sector": "familie", "ring": "verder_weg"},
                 {"pid": KLANT, "sector": "familie", "ring": "dichtbij"},
                 {"pid": "p-marieke", "sector": "elders", "ring": "dichtbij"},
                 {"pid": "p-niemand", "sector": "familie", "ring": "dichtbij"}):
        assert app.dispatch("relatiekaart.move", data) is False
    assert len(app._undo) == undo_depth


@pytest.mark.parametrize("how", ["key", "open"])
def test_the_sheet_of_a_marker_gives_the_focus_back_to_that_marker(how):
    app = make_app()
    app.trigger = "#rk-add"  # where the focus was before (a toolbar button): not where it must return
    if how == "key":
        app.dispatch("relatiekaart.key", {"pid": "p-marieke", "key": "Enter"})
    else:
        app.dispatch("relatiekaart.open", {"pid": "p-marieke"})
    assert app.sheet is not None and app.sheet.pid == "p-marieke"
    app.dispatch("sheet.close", {})
    assert app.sheet is None and app.focus_request == '.rk-m[data-pid="p-marieke"]'


def test_keyboard_moves_sector_and_ring_and_keeps_focus():
    app = make_app()
    key = lambda k: app.dispatch("relatiekaart.key", {"pid": "p-marieke", "key": k})  # noqa: E731
    key("ArrowDown")
    assert where(app, "p-marieke") == ("familie", "dichtbij")
    assert app.focus_request == '.rk-m[data-pid="p-marieke"]'
    key("ArrowLeft")  # familie is the first slice: ← wraps round to the last
    assert where(app, "p-marieke") == ("hulpverlening", "dichtbij")
    key("ArrowRight")
    key("ArrowRight")
    assert where(app, "p-marieke") == ("vrienden_kennissen", "dichtbij")
    key("ArrowUp")
    depth = len(app._undo)
    key("ArrowUp")  # already closest: a friendly notice, no edit
    assert where(app, "p-marieke") == ("vrienden_kennissen", "heel_dichtbij")
    # already as *close* as can be: said so (not "zo ver mogelijk", which is for the outer ring)
    assert len(app._undo) == depth and app.toast.text == "Marieke staat al zo dichtbij als het kan."
    key("ArrowDown")
    key("ArrowDown")
    depth = len(app._undo)
    key("ArrowDown")  # already furthest away
    assert where(app, "p-marieke") == ("vrienden_kennissen", "verder_weg")
    assert len(app._undo) == depth and app.toast.text == "Marieke staat al zo ver mogelijk weg."
    key("Enter")
    assert app.sheet.kind == "person" and app.sheet.pid == "p-marieke"


def test_taps_open_the_sheet_or_a_new_person_with_place():
    app = make_app()
    app.dispatch("relatiekaart.open", {"pid": "p-gerda"})
    assert app.sheet.pid == "p-gerda"
    app.close_sheet()
    count = len(app.case.personen)
    app.dispatch("relatiekaart.new", {"sector": "buren_buurt", "ring": "verder_weg"})
    assert app.sheet.pid is None and app.sheet.prefill == {"sector": "buren_buurt", "nabijheid": "verder_weg"}
    assert len(app.case.personen) == count  # nothing exists before a name is typed
    app.dispatch("relatiekaart.new", {"sector": "<script>", "ring": "x"})
    assert app.sheet.prefill == {}
    app.dispatch("relatiekaart.add", {})
    assert app.sheet.kind == "person" and app.sheet.pid is None


def test_toolbar_toggles_change_the_map():
    app = make_app()
    html = screen.render(app)
    assert 'class="rk-members"' not in html and 'aria-pressed="false"' in html
    app.dispatch("relatiekaart.lines", {})
    app.dispatch("relatiekaart.support", {})
    html = screen.render(app)
    assert 'class="rk-members"' in html and "rk-sup s-zorg r-krijgt" in html
    assert html.count('aria-pressed="true"') == 2


def test_map_opens_readable_and_zooms_to_the_whole_map_and_back():
    """By default the map is as wide as its names need (14 px, 44 px taps): wider than the screen's
    square when crowded, so the view pans. *Hele kaart* fits it; *Groter*/*Kleiner* and a pinch zoom
    from there, never smaller than the whole map."""
    app = make_app()
    v = app.view_state(relatiekaart.RelatiekaartView)
    read = relatiekaart.readable_px(app.case, v)
    html = screen.render(app)
    assert f"--rk-read:{round(read, 1):g}px;" in html and "data-zoomed" not in html
    v.fit = int(read / 2)  # a small screen: the readable map is twice as wide as the screen's square
    assert relatiekaart.zoom_factor(app.case, v) == pytest.approx(read / v.fit)
    app.dispatch("relatiekaart.whole", {})
    html = screen.render(app)
    assert v.zoom == 1.0 and 'data-zoomed="1"' in html and "--rk-zoom:1;" in html
    assert re.search(r'<button[^>]*id="rk-whole"[^>]*disabled', html)  # already the whole map
    assert re.search(r'<button[^>]*id="rk-zoom-out"[^>]*disabled', html)
    app.dispatch("relatiekaart.zoom", {"step": "-1"})
    assert v.zoom == 1.0  # never smaller than the whole map
    app.dispatch("relatiekaart.zoom", {"step": "1"})
    assert v.zoom == pytest.approx(1.25)
    app.dispatch("relatiekaart.zoom_to", {"factor": "1000"})
    assert v.zoom == pytest.approx(relatiekaart.zoom_limit(app.case, v), abs=1e-3)
    app.dispatch("relatiekaart.zoom_to", {"factor": "<script>"})  # nonsense changes nothing
    assert v.zoom == pytest.approx(relatiekaart.zoom_limit(app.case, v), abs=1e-3)
    app.dispatch("relatiekaart.full", {})
    assert v.full and 'class="rk screen-relatiekaart is-full' in screen.render(app)
    app.dispatch("relatiekaart.full", {})
    assert not v.full


def test_a_map_bigger_than_its_view_says_so_and_points_to_groot_scherm():
    """A crowded map at the readable size pans: a line at the map says the map is bigger than the screen
    and how to see it whole. Not when it fits, once the user zoomed, or in Groot scherm."""
    app = make_app()
    v = app.view_state(relatiekaart.RelatiekaartView)
    read = relatiekaart.readable_px(app.case, v)
    assert 'id="rk-more"' not in screen.render(app)  # not measured yet: nothing to say
    v.fit = int(read) + 1  # the screen's square holds the readable map
    assert 'id="rk-more"' not in screen.render(app)
    v.fit = int(read * 0.8)  # it does not: the view pans
    html = screen.render(app)
    line = re.search(r'<p class="rk-more" id="rk-more">([^<]*)</p>', html)
    assert line and t("map.tool.full") in line.group(1), html
    assert html.index('class="rk-main"') < html.index('id="rk-more"') < html.index('id="rk-scroll"')  # at the map
    # the line takes height from the view (fit); a map that fits the view without it gets no line
    v.room = int(read) + 1
    assert 'id="rk-more"' not in screen.render(app)
    v.room = None
    app.dispatch("relatiekaart.full", {})
    assert 'id="rk-more"' not in screen.render(app)  # Groot scherm: the whole window is map
    app.dispatch("relatiekaart.full", {})
    app.dispatch("relatiekaart.zoom", {"step": "1"})
    assert 'id="rk-more"' not in screen.render(app)  # the user chose a size themselves


def test_with_larger_letters_a_map_that_fitted_pans_and_whole_map_and_the_line_say_so():
    """*Grote letters* make the readable map 1.25 times wider (site/client.css): a map that just fitted
    now pans, so *Hele kaart* is on offer and the line says the map is bigger than the screen."""
    app = make_app()
    v = app.view_state(relatiekaart.RelatiekaartView)
    read = relatiekaart.readable_px(app.case, v)
    v.fit = int(read * 1.1) + 1
    html = screen.render(app)
    assert 'id="rk-more"' not in html and re.search(r'<button[^>]*id="rk-whole"[^>]*disabled', html)
    app.dispatch("prefs.text", {"value": "groot"})
    html = screen.render(app)
    assert 'id="rk-more"' in html and not re.search(r'<button[^>]*id="rk-whole"[^>]*disabled', html)
    assert relatiekaart.zoom_factor(app.case, v) == pytest.approx(read * 1.25 / v.fit)


def test_the_letter_sizes_scale_the_map_as_the_style_sheet_does():
    css = (Path(__file__).parents[2] / "site" / "client.css").read_text(encoding="utf-8")
    scales = dict(re.findall(r'html\[data-text="(\w+)"\][^}]*--text-scale:\s*([\d.]+)', css))
    assert {k: float(x) for k, x in scales.items()} == {k: x for k, x in TEXT_SCALE.items() if x != 1.0}


def test_figures_wait_for_networkx_after_the_start_and_only_a_failed_load_says_it_does_not_work(monkeypatch):
    """networkx comes after the start (ui/packages.py). Opened before it is there, *Wat zie je?* says it
    is on its way, not that it does not work; only when loading it failed does it say so."""
    monkeypatch.setattr(relatiekaart, "_figures", lambda case: ([], False))  # networkx not importable (yet)
    monkeypatch.setattr(packages, "_state", dict(packages._state))
    app = make_app()
    app.dispatch("relatiekaart.panel", {"panel": "figures"})
    packages._state["later"] = "waiting"  # load_later was called: the browser is fetching it
    html = screen.render(app)
    assert t("map.fig.loading") in html and t("map.fig.unavailable") not in html
    packages._state["later"] = "failed"
    html = screen.render(app)
    assert t("map.fig.unavailable") in html and t("map.fig.loading") not in html


def test_off_map_people_are_listed_and_empty_map_hint():
    app = make_app()
    html = screen.render(app)
    assert "Nog niet op de kaart" in html and 'data-pid="p-eva"' in html
    assert "Wie is er belangrijk voor jou?" not in html
    empty = make_app(personen=[{"id": KLANT, "naam": "Sam"}], banden=[], steun=[])
    assert "Wie is er belangrijk voor jou? Tik op een plek om iemand toe te voegen." in screen.render(empty)


def test_figures_panel_highlights_people():
    app = make_app()
    app.dispatch("relatiekaart.panel", {"panel": "figures"})
    html = screen.render(app)
    assert 'id="rk-panel"' in html and "Wat zie je?" in html
    from snv.analysis.figures import compute_figures, sentences

    with_people = [s for s in sentences(compute_figures(app.case)) if s["persons"]]
    assert with_people, "the test case should give at least one sentence about people"
    first = with_people[0]
    app.dispatch("relatiekaart.fig", {"key": first["key"]})
    html = screen.render(app)
    for pid in first["persons"]:
        if pid != KLANT and app.case.persoon(pid).nabijheid:
            assert f'class="rk-m hl" data-pid="{pid}"' in html
    app.dispatch("relatiekaart.fig", {"key": first["key"]})  # tap again: off
    assert " hl" not in screen.render(app)


def test_snapshot_then_compare_lists_changes_by_group():
    app = make_app()
    app.dispatch("relatiekaart.panel", {"panel": "compare"})
    assert t("map.cmp.none") in screen.render(app)
    app.dispatch("relatiekaart.panel", {"panel": "snapshot"})
    assert 'value="Kaart van 25-11-2026"' in screen.render(app)
    app.dispatch("relatiekaart.snap", {})
    assert [m.titel for m in app.case.momentopnamen] == ["Kaart van 25-11-2026"]
    assert app.toast.text == t("map.snap.made")
    app.dispatch("relatiekaart.snap_title", {"value": "Na het gesprek"})
    app.dispatch("relatiekaart.snap", {})
    assert app.case.momentopnamen[-1].titel == "Na het gesprek"
    app.dispatch("relatiekaart.key", {"pid": "p-gerda", "key": "ArrowUp"})
    app.dispatch("relatiekaart.panel", {"panel": "compare"})
    html = screen.render(app)
    assert 'rk-diff-group g-dichterbij' in html and "Gerda" in html.split("g-dichterbij", 1)[1].split("</section>")[0]
    assert "rk-badge b-dichterbij" in html
    # compare the two snapshots with each other: nothing changed between them, map read-only
    first = app.case.momentopnamen[0].id
    app.dispatch("relatiekaart.cmp_from", {"value": first})
    app.dispatch("relatiekaart.cmp_to", {"value": app.case.momentopnamen[1].id})
    html = screen.render(app)
    assert "Er is niets veranderd." in html and 'data-readonly="1"' in html
    app.dispatch("relatiekaart.cmp_to", {"value": "bestaat-niet"})  # ignored
    assert 'data-readonly="1"' in screen.render(app)
    app.dispatch("relatiekaart.panel", {"panel": ""})
    assert "rk-badge" not in screen.render(app)


def test_list_view_in_words_and_escaped():
    app = make_app()
    app.apply(lambda c: c.model_copy(update={"personen": [
        *c.personen, c.personen[1].model_copy(update={"id": "p-x", "naam": "<img src=x onerror=alert(1)>"})]}))
    html = relatiekaart.list_html(app.case)
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "Lijn: goed." in html and "Zorg: Marieke helpt mij" in html and "Kent: Gerda." in html
    assert html.index("Familie") < html.index("Buren en buurt")
    assert "Eva" not in html  # not on the map


@pytest.mark.parametrize("pseudonymise", [False, True])
def test_export_downloads_an_svg_that_opens_again(pseudonymise):
    app = make_app()
    name = screen.run_export(app, {"notes": False, "pseudonymise": pseudonymise})
    filename, text, mime = app.host.downloads[-1]
    assert filename == name and name.endswith("-2026-11-25.svg") and mime == "image/svg+xml"
    ET.fromstring(text.encode("utf-8"))
    back = read_case_file(filename, text.encode("utf-8"))
    assert len(back.personen) == len(app.case.personen)
    assert not any(n.tekst == "geheim" for p in back.personen for n in p.notities)  # notes stay out
    assert ("Marieke" in text) is (not pseudonymise)
    assert app.toast.text == t("map.export.done")


def test_export_button_opens_the_privacy_choices():
    app = make_app()
    app.dispatch("relatiekaart.export", {})
    assert app.sheet.kind == "export"


def test_sizes_measured_before_the_first_render_keep_every_default():
    """The browser (relatiekaart_dom) may write the measured map size before the screen ever rendered;
    both use the one RelatiekaartView, so no default can go missing (they were two dicts before)."""
    app = make_app()
    measured = app.view_state(relatiekaart.RelatiekaartView)
    measured.fit, measured.height, measured.hit = 612, 600, 33.5
    html = screen.render(app)
    assert "--rk-h:600px;--rk-hit:33.5px;" in html and "data-zoomed" not in html
    app.dispatch("relatiekaart.lines", {})
    assert app.view_state(relatiekaart.RelatiekaartView) is measured and measured.lines is True


def test_view_state_is_created_from_the_class_defaults_once():
    app = make_app()
    v = app.view_state(relatiekaart.RelatiekaartView)
    assert v == relatiekaart.RelatiekaartView() and app.view_state(relatiekaart.RelatiekaartView) is v
    app.reset(app.case)
    assert app.view_state(relatiekaart.RelatiekaartView) is not v  # a new case starts from the defaults


def test_figures_are_computed_once_per_case_with_a_sentence_highlighted(demo_case, monkeypatch):
    import snv.analysis.figures as figures

    calls = []
    real = figures.compute_figures
    monkeypatch.setattr(figures, "compute_figures", lambda case: calls.append(case) or real(case))
    first = relatiekaart._figures(demo_case)[0][0]["key"]
    calls.clear()
    other = demo_case.model_copy()  # a new case object: nothing remembered for it
    view = relatiekaart.RelatiekaartView(panel="figures", fig=first)
    html = relatiekaart.render(other, view, today=dt.date(2026, 12, 2))
    assert calls == [other] and 'aria-pressed="true"' in html
    relatiekaart.render(other, view, today=dt.date(2026, 12, 2))
    assert calls == [other]  # the same (frozen) case again: the figures are reused


def test_kept_maps_of_one_day_get_the_time_in_their_name():
    app = make_app()
    app.dispatch("relatiekaart.panel", {"panel": "snapshot"})
    app.dispatch("relatiekaart.snap", {})
    app.dispatch("relatiekaart.snap", {})
    first, second = (m.titel for m in app.case.momentopnamen)
    assert first == "Kaart van 25-11-2026"
    assert second == "Kaart van 25-11-2026, 14:30"
    assert first != second
