"""Bijeenkomst's HTML (render/bijeenkomst.py): one step per screen with "Stap N van 7", what happens and
what is written down, big step buttons; no begeleider notes in any step (also in privétijd); hostile
text stays text; the large type of site/bijeenkomst.css; the plan buttons of steps 5 and 6."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from snv.model import ops
from snv.render import bijeenkomst
from snv.render.bijeenkomst import BijeenkomstView

HOSTILE = "<script>alert(1)</script>]]>"
CSS = Path(__file__).resolve().parents[2] / "site" / "bijeenkomst.css"
PRIVATE_NOTES = ("Niet in de groep bespreken", "Vooraf zeggen helpt")  # the demo's begeleider-only notes


def at(case, nr: int):
    return ops.set_step(case, nr)


@pytest.mark.parametrize("nr", range(1, 8))
def test_each_step_is_one_screen_with_indicator_explanation_and_buttons(demo_case, nr):
    html = bijeenkomst.render(at(demo_case, nr), BijeenkomstView())
    assert f'class="screen screen-bijeenkomst bk bk-step-{nr}"' in html
    assert f"Stap {nr} van 7" in html
    assert re.search(r'<h1 id="screen-title" class="bk-title">[^<]+</h1>', html)
    assert "Wat gebeurt er?" in html and "Wat schrijven we op?" in html
    prev = re.search(r'<button type="button" class="btn bk-nav bk-prev"[^>]*>', html).group(0)
    assert ("disabled" in prev) is (nr == 1) and 'id="bk-prev"' in prev
    assert ('id="bk-next"' in html) is (nr < 7)
    assert html.count('data-action="bijeenkomst.step"') >= 7  # the seven step buttons on top
    assert f'data-value="{nr}" aria-label="Naar stap {nr}' in html


@pytest.mark.parametrize("nr", range(1, 8))
def test_no_begeleider_notes_on_any_step(demo_case, nr):
    html = bijeenkomst.render(at(demo_case, nr), BijeenkomstView())
    for note in PRIVATE_NOTES:
        assert note not in html
    assert "Sam wil graag zelf koken" not in html  # not even notes for everyone: notes are not for the table


def test_no_notes_during_privetijd(demo_case):
    html = bijeenkomst.render(ops.start_privetijd(at(demo_case, 5), dt.datetime(2026, 3, 14, 19)), BijeenkomstView())
    for note in PRIVATE_NOTES:
        assert note not in html


def test_step2_lists_those_who_said_komt_and_one_line_each(demo_case):
    html = bijeenkomst.render(at(demo_case, 2), BijeenkomstView())
    assert 'data-action="bijeenkomst.present" aria-pressed="true"' in html
    assert "Ik ben de tante. Ik help graag, maar niet met alles." in html
    assert "Zei: komt" in html and "Iemand anders is er ook" in html


def test_step3_shows_the_questions_large_in_order_with_reword_and_reorder(demo_case):
    html = bijeenkomst.render(at(demo_case, 3), BijeenkomstView())
    texts = re.findall(r'<p class="bk-q-text">([^<]+)</p>', html)
    assert texts == [v.tekst.replace("'", "&#x27;") for v in ops.meeting_questions(demo_case)]
    assert "Anders zeggen" in html and "Omhoog" in html and "Omlaag" in html
    vid = ops.meeting_questions(demo_case)[0].id
    editing = bijeenkomst.render(at(demo_case, 3), BijeenkomstView(edit_q=vid))
    assert f'data-action="bijeenkomst.q_text" data-vid="{vid}"' in editing


def test_step4_info_items_and_fixed_borders(demo_case):
    html = bijeenkomst.render(at(demo_case, 4), BijeenkomstView())
    assert "Wat doet een bewindvoerder precies?" in html and "Uitleg van Dhr. De Vries" in html
    assert 'class="bk-fixed"' in html and "Afspraken die vastliggen" in html
    assert "De bewindvoerder betaalt de rekeningen." in html


def test_step5_starts_privetijd_and_then_shows_only_questions_piketpaaltjes_and_plan(demo_case):
    before = bijeenkomst.render(at(demo_case, 5), BijeenkomstView())
    assert 'id="bk-priv-start"' in before and "Jullie praten nu samen. De begeleider is even weg." in before
    on = bijeenkomst.render(ops.start_privetijd(at(demo_case, 5), dt.datetime(2026, 3, 14, 19)), BijeenkomstView())
    assert 'class="bk-questions"' in on and 'class="bk-fixed"' in on and "Wie schrijft op?" in on
    assert 'data-action="plan.show"' in on and 'data-mode="bewerken"' in on
    assert 'id="bk-priv-stop"' in on and "De begeleider komt terug" in on
    assert 'id="bk-next"' not in on and 'id="bk-prev"' not in on  # leaving is only the deliberate button
    assert "Anders zeggen" not in on and "bijeenkomst.info_add" not in on
    # who writes down: people present, not the professionals
    writer = on[on.index("Wie schrijft op?"):on.index("Jullie vragen")]
    assert "Jeroen" in writer and "Marieke" not in writer and "Dhr. De Vries" not in writer


def test_step6_opens_the_plan_presentation(demo_case):
    html = bijeenkomst.render(at(demo_case, 6), BijeenkomstView())
    assert re.search(r'data-action="plan.show"[^>]*data-mode="presentatie"', html)


def test_step7_team_from_those_present_client_always_in(demo_case):
    html = bijeenkomst.render(at(demo_case, 7), BijeenkomstView())
    client = re.search(r'<button type="button" class="btn bk-toggle" data-action="bijeenkomst.team" '
                       r'aria-pressed="true" disabled aria-label="Sam in de vaste groep"', html)
    assert client
    assert "Altijd" in html and 'id="bk-first"' in html and 'value="2025-07-10"' in html
    assert "Robin" not in html  # invited, but not present


def test_hostile_text_stays_text(demo_case):
    c = ops.update_person(demo_case, "p-anna", naam=HOSTILE)
    c = ops.update_question(c, ops.meeting_questions(c)[0].id, tekst=HOSTILE)
    c, _ = ops.add_info(c, HOSTILE, HOSTILE, "p-anna")
    c, _ = ops.add_piketpaaltje(c, "p-devries", HOSTILE)
    for nr in range(1, 8):
        html = bijeenkomst.render(at(c, nr), BijeenkomstView())
        assert "<script>" not in html and "]]>" not in html
    assert "&lt;script&gt;" in bijeenkomst.render(at(c, 4), BijeenkomstView())


def test_type_is_large_for_reading_across_a_table():
    css = CSS.read_text(encoding="utf-8")
    rules = dict(re.findall(r"\n(\.[\w\- .,:]+?)\s*\{([^}]*)\}", "\n" + css))
    assert "font-size: 1.5rem" in rules[".bk"]  # body 24 px
    assert "font-size: 3rem" in rules[".bk-title"]  # step heading 48 px
    assert "font-size: 2.25rem" in rules[".bk h2"]  # headings 36 px
    assert "font-size: 2.25rem" in rules[".bk-q-text"]  # the client's questions
    assert "#1a1a1a" in rules[".bk"]
