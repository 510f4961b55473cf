"""Printing in Chromium: each instrument on one landscape page with the client's name, date and legend,
and the whole atlas one instrument per page; Chromium prints to PDF, pypdf reads it back.

window.print is replaced by a counter (a headless page has no print dialog); page.pdf() then prints
what the print stylesheet shows, exactly as the dialog would.
"""
from __future__ import annotations

import io
import re

import pytest
from playwright.sync_api import expect

from snv.model.demo import demo_case
from snv.render import instruments
from snv.storage.jsonio import dumps_case

pypdf = pytest.importorskip("pypdf")

# page sizes in PDF points (1/72 inch), landscape: width > height
A4_LANDSCAPE = (841.9, 595.3)
A3_LANDSCAPE = (1190.6, 841.9)
A4_PORTRAIT = (595.3, 841.9)  # the plan ("Ons plan")
PAGE_SIZE = {"landscape": A4_LANDSCAPE, "a3": A3_LANDSCAPE, "portrait": A4_PORTRAIT}


def open_demo(page, open_app, tmp_path) -> None:
    open_app(page)
    path = tmp_path / "sam.json"
    path.write_text(dumps_case(demo_case()), encoding="utf-8")
    page.set_input_files("#file-input", str(path))
    expect(page.get_by_role("heading", name="Hallo Sam")).to_be_visible()
    # a function body, not an expression: Playwright would call a function the expression returns
    page.evaluate("() => { window.__prints = 0; window.print = () => { window.__prints += 1; }; }")


def pdf_pages(page) -> list:
    reader = pypdf.PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))
    return list(reader.pages)


def assert_size(pdf_page, key: str) -> None:
    box = pdf_page.mediabox
    want = PAGE_SIZE[instruments.get(key).page]
    assert abs(float(box.width) - want[0]) < 1.5 and abs(float(box.height) - want[1]) < 1.5, (key, box)


def assert_fits(page, key: str) -> None:
    """In print media the drawing of `key` lies inside its page box (nothing cut off). Print media
    stays on: switching back to screen makes Chromium fire afterprint, which empties the print pages."""
    page.emulate_media(media="print")
    inside = page.evaluate("""(key) => {
            const sec = document.querySelector(`#print-root .print-page[data-instrument="${key}"]`);
            const svg = sec && sec.querySelector('svg');
            if (!svg) return false;
            const a = sec.getBoundingClientRect(), b = svg.getBoundingClientRect();
            return b.width > 100 && b.left >= a.left - 1 && b.right <= a.right + 1
                && b.top >= a.top - 1 && b.bottom <= a.bottom + 1;
        }""", key)
    assert inside, f"{key}: the drawing does not fit its print page"


def test_each_instrument_prints_on_one_landscape_page_with_name_and_date(page, open_app, tmp_path):
    open_demo(page, open_app, tmp_path)
    for key in instruments.keys():
        page.locator('#bar [data-screen="start"]').click()  # Start has a tile for every screen
        page.locator(f'#content [data-screen="{instruments.get(key).on_screen}"]').first.click()
        if key == "uitnodiging":  # Voorbereiden shows one part at a time: the invitation is the last
            page.locator("#vb-tab-uitnodiging").click()
        page.locator(f"#{key}-print").click()
        assert page.evaluate("document.documentElement.dataset.print") == "doc"
        assert_fits(page, key)
        pages = pdf_pages(page)
        assert len(pages) == 1, f"{key} printed on {len(pages)} pages"
        assert_size(pages[0], key)
        text = pages[0].extract_text()
        assert "Sam" in text, f"{key}: the client's name is not on the page"
        page.emulate_media(media="screen")
        page.evaluate("window.dispatchEvent(new Event('afterprint'))")  # the dialog closed
        assert page.evaluate("document.getElementById('print-root').innerHTML") == ""
    assert page.evaluate("window.__prints") == len(instruments.keys())


def test_whole_atlas_prints_one_instrument_per_page_without_app_chrome(page, open_app, tmp_path):
    open_demo(page, open_app, tmp_path)
    page.click("#btn-menu")
    page.get_by_role("button", name=re.compile("Delen en afdrukken")).click()
    page.get_by_role("button", name="Hele netwerkatlas afdrukken").click()
    keys = instruments.atlas_keys()
    for key in keys:
        assert_fits(page, key)
    pages = pdf_pages(page)
    assert len(pages) == len(keys)
    for key, pdf_page in zip(keys, pages):
        assert_size(pdf_page, key)
        text = pdf_page.extract_text()
        assert "Sam" in text, key
        assert "Ongedaan maken" not in text and "Menu" not in text  # no app chrome on paper
