"""Voorbereiden and Bijeenkomst in the real browser on a tablet with touch: invite two people by tapping
them on the map picker and set a status; walk the meeting through its seven steps; *Tijd zonder
begeleider* hides the begeleider's notes and the other screens, survives a reload, and ends only with
*De begeleider komt terug* plus a confirm (recorded in the stored case)."""
from __future__ import annotations

from snv.model import parse_case

from . import stored as stored_case
from .conftest import reload_app

KLANT = "p-sam"
PRIVATE = "Alleen voor de begeleider: geheim"


def _case() -> dict:
    return {
        "schema_version": 3, "id": "c-meet", "klant_id": KLANT, "fase": "meedenkbijeenkomst",
        "personen": [
            {"id": KLANT, "naam": "Sam", "rol": "ik",
             "notities": [{"tekst": PRIVATE, "zichtbaar": "klant_en_begeleider"}]},
            {"id": "p-anna", "naam": "Anna", "rol": "tante", "sector": "familie", "nabijheid": "heel_dichtbij"},
            {"id": "p-gerda", "naam": "Gerda", "rol": "buurvrouw", "sector": "buren_buurt", "nabijheid": "dichtbij"},
            {"id": "p-tom", "naam": "Tom", "rol": "vriend", "sector": "vrienden_kennissen", "nabijheid": "dichtbij"},
            {"id": "p-joost", "naam": "Joost", "rol": "bewindvoerder", "sector": "hulpverlening",
             "nabijheid": "verder_weg", "professioneel": True},
        ],
        "basisposter": {"vragen": [
            {"id": "v1", "tekst": "Hoe ben ik minder alleen?", "volgorde": 1, "naar_bijeenkomst": True},
            {"id": "v2", "tekst": "Wie helpt met de post?", "volgorde": 2, "naar_bijeenkomst": True},
        ]},
        "bijeenkomst": {"piketpaaltjes": [{"id": "k1", "gesteld_door": "p-joost", "kader": "bewind",
                                          "tekst": "Het geld voor de huur gaat eerst."}]},
    }


def boot(page, open_app) -> None:
    open_app(page, case=parse_case(_case()))


def step(page, nr: int) -> None:
    page.wait_for_selector(f".screen-bijeenkomst.bk-step-{nr}")
    assert f"Stap {nr} van 7" in page.locator(".bk-of").inner_text()


def test_invite_by_tapping_the_map_and_set_a_status(page, open_app):
    boot(page, open_app)
    page.locator('#bar [data-screen="voorbereiden"]').tap()
    page.wait_for_selector("svg.vb-map .vb-pick")
    for pid in ("p-anna", "p-tom"):
        page.locator(f'.vb-pick[data-pid="{pid}"]').tap()
        page.wait_for_selector(f'.vb-pick.is-in[data-pid="{pid}"]')
    stored_case.wait_stored(page, "(c.bijeenkomst.uitnodigingen || []).map(u => u.persoon).join() === 'p-anna,p-tom'")
    assert "Wie ken je nog bij je buren?" in page.locator(".vb-widen").inner_text()
    page.locator('.vb-invitee[data-pid="p-anna"] [data-action="voorbereiden.status"][data-value="komt"]').tap()
    page.wait_for_selector('.vb-invitee[data-pid="p-anna"] [data-value="komt"][aria-pressed="true"]')
    stored_case.wait_stored(page, "c.bijeenkomst.uitnodigingen[0].status === 'komt'")
    # a second tap on the map takes Tom off the list again
    page.locator('.vb-pick[data-pid="p-tom"]').tap()
    page.wait_for_selector('.vb-pick[data-pid="p-tom"]:not(.is-in)')
    # when and where, then the message text, from the client, with the questions; Kopieer answers with a toast
    page.locator("#vb-tab-wanneer").tap()
    page.locator("#vb-plaats").fill("Buurthuis De Linde")
    page.locator("#vb-plaats").press("Enter")
    stored_case.wait_stored(page, "c.bijeenkomst.plaats === 'Buurthuis De Linde'")
    page.locator("#vb-tab-uitnodiging").tap()
    text = page.locator("#vb-inv-text").input_value()
    assert "Waar: Buurthuis De Linde." in text
    assert "Ik nodig je uit" in text and "1. Hoe ben ik minder alleen?" in text
    page.locator("#vb-copy").tap()
    page.wait_for_function("document.querySelector('#toast').innerText.includes('kopieer')"
                           " || document.querySelector('#toast').innerText.includes('gekopieerd')")


def test_walk_the_meeting_and_privetijd_survives_a_reload(page, open_app):
    page.set_viewport_size({"width": 768, "height": 1024})
    boot(page, open_app)
    page.locator('#bar [data-screen="bijeenkomst"]').tap()
    step(page, 1)
    page.locator("#bk-next").tap()
    step(page, 2)
    page.locator('[data-action="bijeenkomst.present"][data-pid="p-sam"]').tap()
    page.wait_for_selector('[data-action="bijeenkomst.present"][data-pid="p-sam"][aria-pressed="true"]')
    page.locator("summary", has_text="Iemand anders is er ook").tap()
    page.locator('.bk-morelist [data-action="bijeenkomst.present"][data-pid="p-anna"]').tap()
    page.wait_for_selector('[data-action="bijeenkomst.present"][data-pid="p-anna"][aria-pressed="true"]')
    page.locator("#bk-next").tap()
    step(page, 3)
    assert page.locator(".bk-q-text").all_inner_texts() == ["Hoe ben ik minder alleen?", "Wie helpt met de post?"]
    page.locator('[data-action="bijeenkomst.q_move"][data-vid="v2"][data-step="-1"]').tap()
    page.wait_for_function("document.querySelector('.bk-q-text').innerText === 'Wie helpt met de post?'")
    page.locator("#bk-next").tap()
    step(page, 4)
    assert "Het geld voor de huur gaat eerst." in page.locator(".bk-fixed").inner_text()
    page.locator("#bk-next").tap()
    step(page, 5)
    stored_case.wait_stored(page, "c.bijeenkomst.stap === 5")
    assert PRIVATE not in page.locator("#app").inner_text()

    page.locator("#bk-priv-start").tap()
    page.wait_for_selector("#privetijd-banner")
    stored_case.wait_stored(page, "(c.bijeenkomst.privetijd || []).length === 1 && c.bijeenkomst.privetijd[0].einde === null")

    def private_mode() -> None:
        # only the meeting and the plan (Screen(privetijd=True)) are reachable
        bar = page.locator("#bar .bar-btn").evaluate_all("els => els.map(e => e.dataset.screen)")
        assert bar == ["bijeenkomst", "plan"]
        assert page.locator('#alias [data-screen="overmij"]').count() == 0  # no Alles over mij (notes)
        assert page.locator("#route .route-btn").count() == 0
        assert PRIVATE not in page.locator("#app").inner_text()
        assert page.locator(".bk-questions").is_visible() and page.locator(".bk-fixed").is_visible()

    private_mode()
    page.locator("#bk-plan-edit").tap()  # step 5: the network writes the plan
    page.wait_for_selector(".screen-plan.pl-mode-bewerken")
    assert "Wie draagt wat" not in page.locator("#content").inner_text()  # figures stay hidden
    page.locator('#bar [data-screen="bijeenkomst"]').tap()
    page.wait_for_selector(".screen-bijeenkomst")
    reload_app(page)
    page.wait_for_selector("#privetijd-banner")
    page.wait_for_selector(".screen-bijeenkomst.is-private")
    private_mode()

    page.locator("#bk-priv-stop").tap()
    page.wait_for_selector("#confirm-yes")
    page.locator("#confirm-yes").tap()
    step(page, 6)
    assert page.locator("#privetijd-banner").count() == 0
    stored_case.wait_stored(page, "c.bijeenkomst.privetijd[0].einde !== null && c.bijeenkomst.stap === 6")
    assert page.locator('#bar [data-screen="start"]').count() == 1
    page.locator("#bk-next").tap()
    step(page, 7)
    page.locator('[data-action="bijeenkomst.team"][data-pid="p-anna"]').tap()
    stored_case.wait_stored(page, "c.basisteam.leden.join() === 'p-sam,p-anna'")
