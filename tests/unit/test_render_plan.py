"""The plan screen's HTML (render/plan.py) and "Ons plan" as SVG (render/plan_svg.py): grouping per
question, gaps as friendly questions, piketpaaltjes above the plan with one choice each in the
presentation, no approve-all, versions, Wie draagt wat; hostile text stays text; the SVG opens again as
the case and the CLI writes the same file."""
from __future__ import annotations

import datetime as dt
import re

import pytest
from defusedxml import ElementTree as SafeET

from snv.cli import main
from snv.model.demo import demo_case
from snv.render import plan, plan_svg
from snv.render.plan import PlanView
from snv.storage import dumps_case, for_export
from snv.storage.files import read_case_file

from plan_cases import afspraak, plan_case

TODAY = dt.date(2026, 3, 14)
NS = "{http://www.w3.org/2000/svg}"
HOSTILE = "<script>alert(1)</script>]]>&amp;"


def html(case, **view) -> str:
    return plan.render(case, PlanView(**view), today=TODAY)


def crafted():
    return plan_case([
        afspraak("a-post", ["p-anna", "p-daan"], "wekelijks", "v-post", wat="Samen de post openmaken", waar="Thuis",
                 wanneer="Woensdag", hoe="Rustig", start="2026-03-01", evaluatie="2026-06-01"),
        afspraak("a-eten", [], None, "v-alleen", wat="Op dinsdag samen eten"),
        afspraak("a-kat", ["p-gerda"], "zelden", None, wat="Voor Kees zorgen"),
    ])


def test_agreements_are_grouped_per_question_in_order_with_others_last():
    page = html(crafted())
    first, second, others = (page.index(x) for x in ("Hoe ben ik minder alleen?", "Wie helpt mij met de post?",
                                                     "Andere afspraken"))
    assert first < page.index("Op dinsdag samen eten") < second < page.index("Samen de post openmaken") < others
    assert others < page.index("Voor Kees zorgen")


def test_empty_wie_and_wanneer_are_friendly_questions():
    page = html(crafted())
    card = page[page.index('id="pl-a-a-eten"'):page.index('id="pl-a-a-post"')]
    assert "Wie doet dit?" in card and "Wanneer gebeurt dit?" in card
    post = page[page.index('id="pl-a-a-post"'):]
    assert "Anna en Daan" in post and "Woensdag · wekelijks" in post and "Start 1-3-2026 · evaluatie 1-6-2026" in post


def test_empty_state_and_version_line():
    page = html(plan_case())
    assert "Nog geen afspraken. Begin bij de eerste vraag." in page and "Nog geen plan" in page
    assert 'data-action="plan.adding"' in page
    demo = html(demo_case())
    assert "Versie 2 · 15 september 2025" in demo and 'id="pl-compare"' in demo
    assert 'id="pl-compare"' not in html(crafted())  # one version: nothing to compare


def test_editor_of_the_open_agreement_has_every_field_and_the_wie_picker():
    page = html(crafted(), open_id="a-eten")
    for field in ("pl-wat", "pl-waar", "pl-wanneer", "pl-hoe", "pl-start", "pl-evaluatie"):
        assert f'id="{field}"' in page
    assert page.count('data-action="plan.field"') == 6 and 'type="date"' in page
    assert 'data-action="plan.wie"' in page and 'data-pid="p-anna"' in page
    assert 'data-pid="p-kees"' not in page  # a pet does no tasks
    for label in ("Dagelijks", "Wekelijks", "Maandelijks", "Paar keer per jaar", "Zelden", "Eenmalig"):
        assert f'<span class="btn-text">{label}</span>' in page
    assert 'id="pl-remove"' in page and "Wie doet dit?" in page


def test_presentation_is_read_only_large_with_one_choice_per_piketpaaltje_and_no_approve_all():
    page = html(crafted(), mode="presentatie")
    assert "pl-mode-presentatie" in page
    assert 'data-action="plan.field"' not in page and 'data-action="plan.open"' not in page
    assert page.count('data-action="plan.oordeel"') == 4  # two choices for each of two piketpaaltjes
    assert set(re.findall(r'data-pid="([^"]+)"', page)) == {"k-geld", "k-twee"}
    assert "Wie doet dit?" in page
    low = page.lower()
    for grade in ("alles akkoord", "goedkeuren", "cijfer", "score", "alles goed"):
        assert grade not in low
    assert html(crafted()).count('data-action="plan.oordeel"') == 0  # the editor shows the borders only


def test_piketpaaltjes_are_shown_as_fixed_borders_in_both_modes_only_when_they_exist():
    for mode in ("bewerken", "presentatie"):
        page = html(crafted(), mode=mode)
        assert "Afspraken die vastliggen" in page and "Sam blijft hier wonen." in page
    assert "Afspraken die vastliggen" not in html(plan_case(piket=False))


def test_load_panel_has_names_numbers_and_a_kind_warning():
    case = plan_case([afspraak("a1", ["p-anna"], "dagelijks"), afspraak("a2", ["p-daan"]), afspraak("a3", ["p-gerda"])])
    page = html(case)
    assert "Wie draagt wat" in page
    assert "30× per maand · 79 %" in page and "Anna doet veel. Wie kan iets overnemen?" in page
    assert 'aria-label="Anna: 30× per maand, 79 procent van alles"' in page
    assert "Wie draagt wat" not in html(case, mode="presentatie")
    assert "Wie draagt wat" not in plan.render(case, PlanView(), today=TODAY, hide_figures=True)  # privétijd


def test_compare_panel_lists_what_changed():
    page = html(demo_case(), compare=True)
    assert "Wat is er veranderd?" in page and "Versie 1 en versie 2" in page
    assert "Samen zwemmen op zaterdag" in page  # added
    assert "Koffie drinken bij Gerda: nu gestopt" in page
    assert "Samen de post openmaken: eerst Anna, nu Anna en Daan" in page


def hostile_case():
    case = plan_case([afspraak("a1", [], "wekelijks", "v-alleen", wat=HOSTILE, waar=HOSTILE, hoe=HOSTILE,
                               wanneer=HOSTILE)],
                     vragen=[{"id": "v-alleen", "tekst": HOSTILE}],
                     extra_people=[{"id": "p-x", "naam": HOSTILE, "sector": "familie", "nabijheid": "dichtbij"}])
    from snv.model import ops
    case = ops.update_agreement(case, "a1", wie=["p-x"])
    return ops.set_piket_oordeel(case, "k-geld", "nog_niet", HOSTILE)


@pytest.mark.parametrize("view", [{}, {"open_id": "a1"}, {"mode": "presentatie"}])
def test_hostile_text_stays_text_on_screen(view):
    page = html(hostile_case(), **view)
    assert "<script>" not in page and "]]>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;]]&gt;&amp;amp;" in page


def test_svg_is_standalone_a4_portrait_with_every_agreement_grouped_and_the_case_embedded():
    case = crafted()
    svg = plan_svg.export_svg(case, today=TODAY)
    assert svg.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    root = SafeET.fromstring(svg.encode())
    assert root.get("viewBox") == "0 0 760 1100" and root.get("role") == "img"
    assert root.find(f"{NS}title").text == "Ons plan — Sam"
    texts = " ".join("".join(el.itertext()) for el in root.iter(f"{NS}text"))
    for what in ("Samen de post openmaken", "Op dinsdag samen eten", "Voor Kees zorgen", "Wie doet dit?",
                 "Afspraken die vastliggen", "Sam blijft hier wonen.", "14-3-2026", "Andere afspraken"):
        assert what in texts, what
    assert texts.index("Hoe ben ik minder alleen?") < texts.index("Op dinsdag samen eten") < texts.index(
        "Wie helpt mij met de post?")
    assert read_case_file("plan.svg", svg.encode()) == case
    assert plan_svg.export_svg(case, today=TODAY) == svg  # deterministic


def test_svg_hostile_text_stays_text():
    svg = plan_svg.export_svg(hostile_case(), today=TODAY)
    root = SafeET.fromstring(svg.encode())
    assert not [el for el in root.iter() if el.tag.endswith("script")]
    assert HOSTILE in " ".join("".join(el.itertext()) for el in root.iter(f"{NS}text"))


def test_svg_fits_25_agreements_on_one_page_and_grows_beyond_that():
    def many(n):  # usual agreements: a few words, one or two people, wanneer, sometimes waar or hoe
        return plan_case([afspraak(f"a{i}", ["p-anna", "p-daan"][:1 + i % 2], "wekelijks", "v-post" if i % 2 else "v-alleen",
                                   wat=f"Afspraak nummer {i}: samen koken", waar="Bij Sam thuis" if i % 3 else "",
                                   hoe="Anna belt even vooraf" if i % 4 == 0 else "",
                                   wanneer="Dinsdagavond") for i in range(n)])
    svg25 = plan_svg.export_svg(many(25), today=TODAY)
    assert 'viewBox="0 0 760 1100"' in svg25
    assert all(f"Afspraak nummer {i}:" in svg25 for i in range(25))
    svg60 = plan_svg.export_svg(many(60), today=TODAY)
    height = float(re.search(r'viewBox="0 0 760 ([\d.]+)"', svg60).group(1))
    assert height > 1100 and all(f"Afspraak nummer {i}:" in svg60 for i in range(60))


def test_svg_without_a_plan_says_so():
    svg = plan_svg.export_svg(plan_case(piket=False), today=TODAY)
    assert "Nog geen afspraken" in svg
    SafeET.fromstring(svg.encode())


def test_cli_render_plan_writes_the_same_svg_and_validate_accepts_it(tmp_path, capsys, monkeypatch):
    case = demo_case()
    src = tmp_path / "sam.json"
    src.write_text(dumps_case(case), encoding="utf-8")
    out = tmp_path / "plan.svg"

    class Today(dt.date):
        @classmethod
        def today(cls):
            return TODAY

    monkeypatch.setattr(plan_svg.dt, "date", Today)
    assert main(["render", "plan", str(src), "-o", str(out)]) == 0
    # the CLI applies the default privacy choices first (no begeleider notes), like every export
    assert out.read_text(encoding="utf-8") == plan_svg.export_svg(for_export(case, notes=False, pseudonymise=False),
                                                                  today=TODAY)
    assert main(["validate", str(out)]) == 0
    assert "Geldig dossier van Sam" in capsys.readouterr().out
    assert read_case_file(out.name, out.read_bytes()) == for_export(case, notes=False, pseudonymise=False)


def test_load_panel_suggests_close_people_and_shows_what_the_client_gives_back():
    case = plan_case([afspraak("a1", ["p-anna"]), afspraak("a2", ["p-sam", "p-daan"], wat="Samen zwemmen")],
                     steun=[{"persoon": "p-anna", "soort": "gezelschap", "richting": "wederzijds"}])
    page = html(case)
    assert "Deze mensen zijn dichtbij en doen nog niets in het plan: <strong>Gerda</strong>." in page
    assert "Wat Sam zelf doet" in page and "In het plan: Samen zwemmen" in page and "Sam helpt ook: Anna" in page
