"""The basisteam in the real browser on a tablet with touch: the vaste groep chosen from those at the
meeting, a new overleg walked part by part (who is there, a success, a worry), plan changes in the meeting
(stop one, another owner and frequency for one, a new one) that make ONE new plan version, the version
diff on the meeting and on the plan screen, autosave that survives a reload (turned to landscape), and the
verslag printed.

window.print is replaced by a counter (a headless page has no print dialog), as in tests/e2e/test_plan.py.
"""
from __future__ import annotations

from playwright.sync_api import expect

from snv.model import parse_case

from . import stored as stored_case
from .conftest import reload_app

KLANT = "p-sam"


def _case() -> dict:
    return {
        "schema_version": 3, "id": "c-basisteam-e2e", "klant_id": KLANT, "fase": "basisteam",
        "personen": [
            {"id": KLANT, "naam": "Sam", "rol": "ik"},
            {"id": "p-anna", "naam": "Anna", "rol": "tante", "sector": "familie", "nabijheid": "heel_dichtbij"},
            {"id": "p-daan", "naam": "Daan", "rol": "broer", "sector": "familie", "nabijheid": "dichtbij"},
            {"id": "p-joost", "naam": "Joost", "rol": "procesbegeleider", "sector": "hulpverlening",
             "nabijheid": "dichtbij", "professioneel": True},
        ],
        "basisposter": {"vragen": [{"id": "v-alleen", "tekst": "Hoe ben ik 's avonds minder alleen?", "volgorde": 1},
                                   {"id": "v-post", "tekst": "Wie helpt mij met de post?", "volgorde": 2}]},
        "bijeenkomst": {"stap": 7, "aanwezig": [KLANT, "p-anna", "p-daan", "p-joost"]},
        "plannen": [{"versie": 1, "datum": "2025-06-12", "afspraken": [
            {"id": "a-eten", "vraag_id": "v-alleen", "wat": "Op dinsdag samen eten", "wie": ["p-anna"],
             "hoe_vaak": "wekelijks"},
            {"id": "a-post", "vraag_id": "v-post", "wat": "Samen de post openmaken", "wie": ["p-anna"],
             "hoe_vaak": "wekelijks"},
        ]}],
        "basisteam": {"leden": [KLANT], "eerste_overleg": "2025-07-10"},
    }


def bar(page, key: str) -> None:
    page.locator(f'#bar [data-action="app.go"][data-screen="{key}"]').tap()
    expect(page.locator(f"#content .screen-{key}")).to_be_visible()


def no_sideways_scroll_and_big_targets(page) -> None:
    assert not page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1"), "scrolls sideways"
    small = page.evaluate("""() => [...document.querySelectorAll('#content button, #content input')]
        .filter((el) => el.offsetParent !== null)
        .map((el) => [el.getBoundingClientRect(), el.textContent.trim() || el.id])
        .filter(([r]) => Math.min(r.width, r.height) < 43.5).map(([r, n]) => `${n}: ${r.width}x${r.height}`)""")
    assert small == [], small


def test_a_basisteam_meeting_changes_the_plan_and_the_version_diff_shows_it(page, open_app):
    page.set_viewport_size({"width": 768, "height": 1024})
    open_app(page, case=parse_case(_case()))

    # Team: the empty state, then two people from the meeting join; the client is always in
    bar(page, "team")
    expect(page.get_by_text("Wie zit in je vaste groep? Kies mensen van de bijeenkomst.")).to_be_visible()
    for pid in ("p-anna", "p-daan"):
        page.locator(f'#bt-from-meeting [data-pid="{pid}"]').tap()
        expect(page.locator(f"#bt-m-{pid}")).to_be_visible()
    expect(page.locator(".bt-member")).to_have_count(3)
    no_sideways_scroll_and_big_targets(page)

    # Overleg: a new meeting, walked part by part
    bar(page, "overleg")
    page.locator("#ov-new").tap()
    expect(page.locator("#screen-title")).to_have_text("Wanneer en wie?")
    expect(page.locator('#ov-present [data-pid="p-anna"]')).to_have_attribute("aria-pressed", "true")
    page.locator('#ov-present [data-pid="p-joost"]').tap()  # the begeleider comes this time
    expect(page.locator('#ov-present [data-pid="p-joost"]')).to_have_attribute("aria-pressed", "true")
    page.locator("#ov-next").tap()
    page.locator("#ov-new-successen").fill("Samen eten lukt elke week.")
    page.locator("#ov-add-successen").tap()
    expect(page.locator("#ov-successen")).to_contain_text("Samen eten lukt elke week.")
    page.locator("#ov-next").tap()
    page.locator("#ov-new-zorgen").fill("Anna heeft het druk.")
    page.locator("#ov-add-zorgen").tap()
    expect(page.locator("#ov-zorgen")).to_contain_text("Anna heeft het druk.")
    page.locator("#ov-next").tap()

    # part 4: the first change makes version 2; the others go into it
    expect(page.locator("#screen-title")).to_have_text("Het plan aanpassen")
    page.locator('#ov-a-a-eten [data-action="overleg.status"]').tap()
    expect(page.locator("#toast")).to_contain_text("nieuwe versie 2 van het plan")
    page.locator('#ov-a-a-post [data-action="overleg.edit"]').tap()
    page.locator('.pl-card.is-open .pl-chip[data-pid="p-daan"]').tap()
    expect(page.locator('.pl-card.is-open .pl-chip[data-pid="p-daan"]')).to_have_attribute("aria-pressed", "true")
    page.locator(".pl-card.is-open #pl-hoe_vaak").get_by_role("button", name="Maandelijks").tap()
    page.locator("#pl-done").tap()
    page.locator('#ov-for [data-value="v-alleen"]').tap()
    page.locator("#ov-new-wat").fill("Samen zwemmen op zaterdag")
    page.locator("#ov-new-add").tap()
    page.locator("#pl-done").tap()
    diff = page.locator(".ov-diff")
    for sentence in ("Versie 2 van het plan", "Samen zwemmen op zaterdag", "Op dinsdag samen eten: nu gestopt",
                     "Samen de post openmaken: eerst Anna, nu Anna en Daan",
                     "Samen de post openmaken: eerst wekelijks, nu maandelijks"):
        expect(diff).to_contain_text(sentence)
    no_sideways_scroll_and_big_targets(page)
    stored_case.wait_stored(page, "c.plannen.length === 2 && c.plannen[1].afspraken.length === 3"
                                  " && c.basisteam.overleggen.length === 1 && c.basisteam.overleggen[0].plan_versie === 2"
                                  " && c.basisteam.overleggen[0].nieuwe_afspraken.length === 1"
                                  " && c.basisteam.overleggen[0].successen.length === 1")

    # reload, turned to landscape: the meeting, its changes and the plan's own compare are still there
    page.set_viewport_size({"width": 1024, "height": 768})
    reload_app(page)
    bar(page, "overleg")
    card = page.locator(".ov-card").first
    expect(card).to_contain_text("Versie 2 van het plan: 1 nieuw, 1 gestopt, klaar of weer begonnen, 1 met iemand anders")
    expect(card).to_contain_text("Samen eten lukt elke week.")
    bar(page, "plan")
    expect(page.locator(".pl-version")).to_contain_text("Versie 2")
    page.locator("#pl-compare").tap()
    expect(page.locator("#pl-cmp")).to_contain_text("Samen de post openmaken: eerst Anna, nu Anna en Daan")
    bar(page, "team")
    expect(page.locator(".bt-att")).to_contain_text("Joost")
    no_sideways_scroll_and_big_targets(page)

    # the verslag of the meeting, printed
    bar(page, "overleg")
    page.evaluate("() => { window.__prints = 0; window.print = () => { window.__prints += 1; }; }")
    card.locator('[data-instrument="verslag"]').tap()
    assert page.evaluate("window.__prints") == 1
    printed = page.locator('#print-root [data-instrument="verslag"]')
    expect(printed).to_contain_text("Verslag van het overleg")
    expect(printed).to_contain_text("Samen zwemmen op zaterdag")
