"""Ontmoeten and the Basisposter in the real browser, on a tablet with touch: a new case asks for an earlier
map, then the story, a strength and a first person are made in Ontmoeten; on the Poster a wish, a worry and
two questions, reordered by a finger drag and by a button, one marked for the meeting; everything is still
there after a reload; the poster SVG from the menu opens again as the case."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from . import stored
from .conftest import new_context, reload_app
from .test_relatiekaart import touch_drag


def _questions(page) -> list[str]:
    return page.locator("#bp-questions .bp-q-text").all_inner_texts()


def _centre(box) -> tuple[float, float]:
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def test_ontmoeten_then_poster_by_touch_reload_export_and_open(page, open_app, browser):
    page.set_viewport_size({"width": 768, "height": 1024})
    open_app(page)
    # a new case: nickname, then tip 3 "Is er al een netwerkkaart?"
    page.fill("#onboard-naam", "Sam")
    page.locator("#onboard-next").tap()
    assert page.locator("#screen-title").inner_text() == "Is er al een netwerkkaart?"
    assert page.locator("#onboard-open").is_visible()
    page.locator("#onboard-begin").tap()

    # ----- Ontmoeten (phase 1) -----
    page.locator('#bar [data-screen="ontmoeten"]').tap()
    assert "Luister eerst. Schrijf later samen op." in page.locator("#content").inner_text()
    page.locator("#om-verhaal").tap()
    page.keyboard.type("Ik woon alleen met kat Kees.")
    stored.wait_stored(page, "c.ontmoeten && c.ontmoeten.verhaal === 'Ik woon alleen met kat Kees.'")  # 1 s quiet
    page.fill("#ontmoeten-new-sterke_punten", "Ik kan goed koken")
    page.locator("#ontmoeten-new-sterke_punten-add").tap()
    page.fill("#om-person", "Anna")
    page.keyboard.press("Enter")
    page.wait_for_selector('#om-people button:has-text("Anna")')
    assert page.locator("#om-person").evaluate("el => el === document.activeElement")  # ready for the next name
    stored.wait_stored(page, "c.personen.some(p => p.naam === 'Anna' && !p.sector)"
                             " && c.basisposter.sterke_punten.some(i => i.tekst === 'Ik kan goed koken')")

    # ----- the Poster (phase 2) -----
    page.locator('#route [data-action="app.phase"][data-fase="netwerkatlas"]').tap()
    page.locator('#bar [data-screen="basisposter"]').tap()
    page.wait_for_selector("#content .screen-basisposter")
    assert "Ik kan goed koken" in page.locator(".bp-sterke_punten").inner_text()  # the same strengths
    for veld, text in (("wensen_dromen", "Een baan in een keuken"), ("zorgen", "Post vind ik moeilijk"),
                       ("vragen", "Wie helpt mij met de post?"), ("vragen", "Hoe vind ik werk?")):
        page.fill(f"#basisposter-new-{veld}", text)
        page.locator(f"#basisposter-new-{veld}-add").tap()
        page.wait_for_function("(t) => document.querySelector('#content').innerText.includes(t)", arg=text)
    assert _questions(page) == ["Wie helpt mij met de post?", "Hoe vind ik werk?"]
    # the portrait poster stacks the fields, strengths first, and nothing scrolls sideways
    boxes = [page.locator(f".bp-{v}").bounding_box() for v in ("sterke_punten", "wensen_dromen", "zorgen", "vragen")]
    assert [b["y"] for b in boxes] == sorted(b["y"] for b in boxes)
    assert page.evaluate("document.documentElement.scrollWidth") <= 768

    # drag the second question above the first with a finger (on its number)
    grips = page.locator("#bp-questions .bp-q-grip")
    page.evaluate("document.querySelector('#bp-questions').scrollIntoView({block: 'center'})")  # not under the bar
    start = _centre(grips.nth(1).bounding_box())
    first = page.locator("#bp-questions .bp-q").nth(0).bounding_box()
    touch_drag(page, start, (start[0], first["y"] + 4))
    page.wait_for_function("document.querySelector('#bp-questions .bp-q-text').innerText === 'Hoe vind ik werk?'")
    assert _questions(page) == ["Hoe vind ik werk?", "Wie helpt mij met de post?"]
    # and back down by the button, the keyboard way
    page.locator("#bp-questions .bp-q-down").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('#bp-questions .bp-q-text').innerText === 'Wie helpt mij met de post?'")
    # a tap after the drag still works (Omhoog of the second question, then back with Omlaag)
    page.locator("#bp-questions .bp-q-up").nth(1).tap()
    page.wait_for_function("document.querySelector('#bp-questions .bp-q-text').innerText === 'Hoe vind ik werk?'")
    page.locator("#bp-questions .bp-q-down").first.tap()
    page.wait_for_function("document.querySelector('#bp-questions .bp-q-text').innerText === 'Wie helpt mij met de post?'")
    # mark the first for the meeting
    page.locator("#bp-questions .bp-q-meeting").first.tap()
    page.wait_for_selector('#bp-questions .bp-q-meeting[aria-pressed="true"]')
    stored.wait_stored(page, "c.basisposter.vragen.length === 2"
                             " && c.basisposter.vragen.find(v => v.volgorde === 1).tekst === 'Wie helpt mij met de post?'"
                             " && c.basisposter.vragen.find(v => v.volgorde === 1).naar_bijeenkomst"
                             " && !c.basisposter.vragen.find(v => v.volgorde === 2).naar_bijeenkomst")

    # ----- reload: still there -----
    reload_app(page)
    page.locator('#bar [data-screen="basisposter"]').tap()
    assert _questions(page) == ["Wie helpt mij met de post?", "Hoe vind ik werk?"]
    assert page.locator("#bp-questions .bp-q-meeting").first.get_attribute("aria-pressed") == "true"
    text = page.locator("#content").inner_text()
    assert "Een baan in een keuken" in text and "Post vind ik moeilijk" in text and "Ik kan goed koken" in text

    # ----- export the poster via the menu, open it on a fresh tablet -----
    page.locator("#btn-menu").tap()
    page.locator('[data-action="menu.export"]').tap()
    with page.expect_download() as info:
        page.locator("#export-basisposter_svg").tap()
    download = info.value
    assert download.suggested_filename.endswith("-basisposter.svg")
    data = Path(download.path()).read_bytes()
    root = ET.fromstring(data)
    assert root.get("viewBox") == "0 0 1600 1131"
    words = "".join(root.itertext())
    assert "Wie helpt mij met de post?" in words and "Een baan in een keuken" in words

    context = new_context(browser)
    try:
        fresh = context.new_page()
        open_app(fresh)
        fresh.set_input_files("#file-input", files=[{"name": download.suggested_filename,
                                                      "mimeType": "image/svg+xml", "buffer": data}])
        fresh.locator('#bar [data-screen="basisposter"]').click()
        fresh.wait_for_selector("#bp-questions")
        assert fresh.locator("#bp-questions .bp-q-text").all_inner_texts() == ["Wie helpt mij met de post?",
                                                                                "Hoe vind ik werk?"]
        fresh.locator('#bar [data-screen="start"]').click()
        fresh.locator('#route [data-action="app.phase"][data-fase="ontmoeten"]').click()
        fresh.locator('#bar [data-screen="ontmoeten"]').click()
        assert fresh.locator("#om-verhaal").input_value() == "Ik woon alleen met kat Kees."
    finally:
        context.close()
