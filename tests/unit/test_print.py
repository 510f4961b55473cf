"""Printing: one instrument or the whole atlas as pages made from the instruments' SVG exports."""
from __future__ import annotations

import datetime as dt
import re

import pytest
from defusedxml import ElementTree as SafeET

from snv.model import ops
from snv.model.demo import demo_case
from snv.render import instruments, print_doc
from snv.ui import printing, screens
from snv.ui.app import App
from hosts import RecordingHost


TODAY = dt.date(2026, 3, 14)
NOW = dt.datetime(2026, 3, 14, 10, 0)


@pytest.fixture(scope="module")
def demo():
    return demo_case()


def sections(document: str) -> list[str]:
    return re.findall(r'data-instrument="([a-z]+)"', document)


def test_the_atlas_has_one_page_per_instrument_in_atlas_order(demo):
    document = print_doc.document(demo, today=TODAY)
    assert sections(document) == instruments.atlas_keys()
    assert document.count('<section class="print-page') == len(instruments.atlas_keys())


def test_a_page_is_the_export_drawing_without_the_embedded_case_or_xml_declaration(demo):
    page = print_doc.page(demo, "relatiekaart", today=TODAY)
    assert "<?xml" not in page and 'id="snv-case"' not in page and "<metadata" not in page
    # the drawing keeps what makes a printout useful: name, date and legend of the export
    export = instruments.export_svg("relatiekaart", demo, today=TODAY)
    title = re.search(r"<title[^>]*>([^<]*)</title>", export).group(1)
    assert title in page and "14-3-2026" in page
    SafeET.fromstring(page)  # still well-formed (one element, no entities)


def test_ids_are_scoped_per_page_so_two_drawings_never_share_one():
    svg = ('<?xml version="1.0"?>\n<svg aria-labelledby="snv-title snv-desc"><title id="snv-title">x</title>'
           '<desc id="snv-desc">y</desc><defs><marker id="m1"/></defs><path marker-end="url(#m1)"/>'
           '<use href="#m1"/><a href="https://example.org/x"/>'
           '<metadata id="snv-case">{&quot;a&quot;: 1}</metadata></svg>')
    out = print_doc.inline_svg(svg, "pr-x-")
    assert 'aria-labelledby="pr-x-snv-title pr-x-snv-desc"' in out
    assert 'id="pr-x-snv-title"' in out and 'id="pr-x-m1"' in out and "url(#pr-x-m1)" in out
    assert 'href="#pr-x-m1"' in out and 'href="https://example.org/x"' in out  # only local references change
    assert "metadata" not in out and "<?xml" not in out


def test_hostile_names_stay_text_on_the_printed_page(demo):
    case = ops.update_person(demo, demo.klant_id, naam='<script>alert(1)</script>"]]>')
    page = print_doc.document(case, today=TODAY)
    assert "<script>" not in page
    SafeET.fromstring(f"<div>{page}</div>")


def make_app(screen="start"):
    screens.load_screens()
    host = RecordingHost()
    app = App(demo_case(), host=host, now=lambda: NOW)
    app.go(screen)
    return app, host


def test_print_button_of_an_instrument_prints_that_instrument_only():
    app, host = make_app("relatiekaart")
    app.dispatch("app.print", {"instrument": "relatiekaart", "event": "click"})
    assert host.prints == 1 and sections(host.printed[0]) == ["relatiekaart"]


def test_print_whole_atlas_from_the_export_sheet_prints_every_instrument():
    app, host = make_app("personen")
    app.dispatch("export.print_atlas", {"event": "click"})
    assert sections(host.printed[0]) == instruments.atlas_keys()


def test_print_this_screen_prints_the_instrument_on_show_or_the_page_itself():
    app, host = make_app("relatiekaart")
    app.dispatch("export.print", {"event": "click"})
    app.go("personen")
    app.dispatch("export.print", {"event": "click"})
    assert sections(host.printed[0]) == ["relatiekaart"]
    assert host.printed[1] is None  # Personen prints with its own print rules


def test_an_unknown_instrument_is_a_programming_error_not_a_blank_print():
    app, host = make_app()
    with pytest.raises(KeyError):
        app.dispatch("app.print", {"instrument": "stamboom", "event": "click"})
    assert host.prints == 0


def test_ctrl_p_on_voorbereiden_prints_the_invitation_and_on_personen_the_page_itself():
    app, _ = make_app("voorbereiden")
    assert sections(printing.for_screen(app)) == ["uitnodiging"]
    app.go("personen")
    assert printing.for_screen(app) is None
