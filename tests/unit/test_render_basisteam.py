"""The basisteam's HTML (render/team.py, render/overleg.py) and the verslag as SVG (render/verslag_svg.py):
members with the client always in, the empty state, Wie doet wat, questions without an owner, the
stepping-back table, the list of meetings newest first, each part of a meeting's walk, the version diff
in the plan step; hostile text stays text; the verslag opens again as the case, the CLI writes the same
file and validate accepts it."""
from __future__ import annotations

import datetime as dt
import re

import pytest
from defusedxml import ElementTree as SafeET

from snv.cli import main
from snv.model import ops
from snv.model.demo import demo_case
from snv.render import overleg, team, verslag_svg
from snv.render.overleg import OverlegView
from snv.render.team import TeamView
from snv.storage import dumps_case, for_export
from snv.storage.files import read_case_file

from plan_cases import afspraak, plan_case
from test_render_screens import assert_accessible, assert_safe, parse

TODAY = dt.date(2026, 3, 14)
NS = "{http://www.w3.org/2000/svg}"
HOSTILE = "<script>alert(1)</script>]]>&amp;"


def team_html(case, **view) -> str:
    return team.render(case, TeamView(**view), today=TODAY)


def overleg_html(case, **view) -> str:
    return overleg.render(case, OverlegView(**view), today=TODAY)


def text_of(html: str) -> str:
    return " ".join(" ".join(parse(html).text).split())


def with_changes():
    """The demo case with a fourth meeting that stops one agreement, gives one to someone else, changes
    one's frequency and adds one."""
    case = demo_case()
    case, oid = ops.add_overleg(case, "2026-03-02", aanwezig=["p-sam", "p-anna", "p-daan", "p-marja"])
    case = ops.add_overleg_item(case, oid, "successen", "Sam kookt nu zelf.")
    case = ops.add_overleg_item(case, oid, "zorgen", "Anna heeft het druk.")
    case = ops.overleg_update_agreement(case, oid, "a-dinsdag", status="gestopt")
    case = ops.overleg_update_agreement(case, oid, "a-post", wie=["p-daan"])
    case = ops.overleg_update_agreement(case, oid, "a-kees", hoe_vaak="maandelijks")
    case, aid = ops.overleg_add_agreement(case, oid, "v-alleen", "Samen koken op vrijdag", wie=["p-marja"])
    case = ops.update_overleg(case, oid, volgende="2026-06-01")
    return case, oid, aid


def hostile_case():
    case = plan_case([afspraak("a1", ["p-anna"], wat=HOSTILE, waar=HOSTILE)],
                     vragen=[{"id": "v-alleen", "tekst": HOSTILE, "volgorde": 1}])
    case = ops.update_person(case, "p-anna", naam=HOSTILE, rol=HOSTILE)
    case = ops.set_team_member(case, "p-anna", True)
    case = ops.set_present(case, "p-daan", True)
    case, oid = ops.add_overleg(case, TODAY, aanwezig=["p-sam", "p-anna", "p-joost"])
    case = ops.add_overleg_item(case, oid, "successen", HOSTILE)
    case = ops.add_overleg_item(case, oid, "zorgen", HOSTILE)
    case = ops.overleg_update_agreement(case, oid, "a1", wat=HOSTILE + "!")
    return case, oid


# ----- Team -----

def test_team_lists_the_client_always_and_members_can_be_taken_out():
    case = demo_case()
    html = team_html(case)
    doc = assert_safe(html)
    assert_accessible(doc)
    assert "Basisteam" in html and "Je vaste groep" in html
    members = html[html.index('class="bt-member-list"'):html.index("</ul>", html.index('class="bt-member-list"'))]
    assert [m for m in re.findall(r'id="bt-m-([^"]+)"', members)] == ["p-sam", "p-marja", "p-anna", "p-jeroen", "p-gerda"]
    assert 'data-action="team.member" data-pid="p-sam"' not in html  # the client cannot be taken out
    assert "Zit er altijd in" in html and html.count('class="btn bt-out"') == 4


def test_team_offers_people_from_the_meeting_first_and_the_rest_on_request():
    case = demo_case()
    html = team_html(case)
    offered = re.findall(r'data-action="team.member" data-pid="([^"]+)" aria-label', html)
    assert offered == ["p-devries", "p-karin", "p-marieke"]  # present at the meeting, not in the team yet
    more = team_html(case, others=True)
    others = re.findall(r'data-action="team.member" data-pid="([^"]+)" aria-label', more)[3:]
    assert len(others) == team.PICK_FIRST and "p-kees" not in others and "p-opa-henk" not in others  # no pets, no deceased
    assert len(re.findall(r'data-action="team.member" data-pid="([^"]+)" aria-label',
                          team_html(case, others=True, everyone=True))) > len(offered) + team.PICK_FIRST


def test_team_empty_state_asks_who_is_in_the_steady_group():
    html = team_html(plan_case())
    assert "Wie zit in je vaste groep? Kies mensen van de bijeenkomst." in html
    assert "Er is nog geen overleg geweest." in html
    assert_accessible(assert_safe(html))


def test_who_does_what_per_person_with_where_when_and_how_and_asks_for_the_rest():
    html = team_html(demo_case())
    text = text_of(html)
    assert "Anna tante Samen de post openmaken Wanneer: Woensdagavond · wekelijks · Waar: Bij Sam thuis" in text
    assert "Nog niemand Samen met de buurman praten over de muziek Wie doet dit?" in text
    assert "Koffie drinken bij Gerda" not in text  # stopped: not something anyone does now


def test_questions_without_an_owner_open_a_choice_of_the_steady_group():
    case = demo_case()
    html = team_html(case, owner_q="v-werk")
    assert "Hoe vind ik werk in een keuken?" in html
    chosen = re.findall(r'data-action="team.owner" data-vid="v-werk" data-pid="([^"]+)"', html)
    assert chosen == ["p-sam", "p-marja", "p-anna", "p-jeroen", "p-gerda"]
    for q in case.basisposter.vragen:
        case = ops.update_question(case, q.id, eigenaar="p-sam")
    assert "Voor elke vraag zorgt iemand." in team_html(case)


def test_stepping_back_shows_each_professional_per_meeting_and_says_falling_is_good():
    html = team_html(demo_case())
    table = html[html.index('<table class="bt-att"'):html.index("</table>")]
    assert "Marieke" in table and "procesbegeleider MEE" in table
    assert table.count('class="bt-dot is-on"') == 1 and table.count('class="bt-dot"') == 2  # shape, not colour alone
    assert table.count("was erbij") == 1 and table.count("was er niet bij") == 2
    assert "Er komen steeds minder hulpverleners. Dat is goed" in html
    assert "mislukt" not in html.lower()


# ----- Overleg -----

def test_the_list_shows_meetings_newest_first_with_what_changed():
    case, oid, _ = with_changes()
    html = overleg_html(case)
    assert_accessible(assert_safe(html))
    titles = re.findall(r'<li class="ov-card" id="ov-card-([^"]+)"><h2>([^<]+)</h2>', html)
    assert [t for _, t in titles] == ["Overleg van 2 maart", "Overleg van 1 december 2025", "Overleg van 15 september 2025",
                                      "Overleg van 10 juli 2025"]
    first = html[html.index(f'id="ov-card-{oid}"'):html.index('id="ov-card-o-december"')]
    text = text_of(first)
    assert "Versie 3 van het plan: 1 nieuw, 1 gestopt, klaar of weer begonnen, 1 met iemand anders, 1 met een andere keer" in text
    assert "Samen de post openmaken: eerst Anna en Daan, nu Daan" in text
    assert "Voor Kees zorgen als Sam op vakantie is: eerst paar keer per jaar, nu maandelijks" in text
    assert 'data-instrument="verslag" data-choice="' + oid + '"' in first
    assert "Het plan bleef hetzelfde." in html  # the July and December meetings


def test_the_list_without_meetings_or_team_says_what_to_do():
    html = overleg_html(plan_case())
    assert "Nog geen overleg. Tik op Nieuw overleg als jullie samenkomen." in html
    assert "Wie zit in je vaste groep? Kies mensen van de bijeenkomst." in html and 'data-screen="team"' in html


@pytest.mark.parametrize("step", range(1, 9))
def test_every_part_of_the_walk_has_its_title_a_b1_line_and_the_step_buttons(step):
    case, oid, _ = with_changes()
    html = overleg_html(case, open_id=oid, step=step)
    doc = assert_safe(html)
    assert_accessible(doc)
    assert f"Deel {step} van 8" in html and 'id="screen-title"' in html
    assert ('id="ov-next"' in html) is (step < 8) and ('id="ov-done"' in html) is (step == 8)
    assert html.count('aria-current="step"') == 1
    ids = [a.get("id") for _, a in doc.tags if a.get("id")]
    assert len(ids) == len(set(ids)), "duplicate ids"


def test_walk_part_1_has_the_date_and_who_is_there_including_the_begeleider():
    case, oid, _ = with_changes()
    html = overleg_html(case, open_id=oid, step=1)
    assert 'id="ov-datum"' in html and 'value="2026-03-02"' in html
    pressed = re.findall(r'data-action="overleg.present" data-pid="([^"]+)" aria-pressed="true"', html)
    assert pressed == ["p-sam", "p-marja", "p-anna", "p-daan"]
    assert 'data-pid="p-marieke" aria-pressed="false"' in html  # was at an earlier meeting: one tap away


def test_walk_parts_2_and_3_list_successes_and_worries_and_last_times_worries():
    case, oid, _ = with_changes()
    two = overleg_html(case, open_id=oid, step=2)
    assert "Sam kookt nu zelf." in two and 'data-action="overleg.item_add" data-veld="successen"' in two
    three = overleg_html(case, open_id=oid, step=3)
    assert "Anna heeft het druk." in three and "Vorige keer hadden jullie deze zorgen." in three
    assert "Vacatures zoeken lukt nog niet goed." in three  # December's worry


def test_walk_part_4_edits_the_plan_and_shows_the_version_diff():
    case, oid, aid = with_changes()
    html = overleg_html(case, open_id=oid, step=4)
    text = text_of(html)
    assert "Wat jullie nu veranderen, staat in versie 3 van het plan." in text
    assert "Nieuw Samen koken op vrijdag" in text and "Op dinsdag samen eten: nu gestopt" in text
    card = html[html.index(f'id="ov-a-{aid}"'):]
    assert card.index("Nieuw") < card.index("</article>")
    assert 'data-aid="a-zwemmen" data-value="gestopt"><span class="btn-text">Stoppen' in html
    assert 'data-aid="a-dinsdag" data-value="actief"><span class="btn-text">Weer laten lopen' in html
    editor = overleg_html(case, open_id=oid, step=4, edit_aid="a-post")
    assert 'data-action="overleg.wie" data-aid="a-post"' in editor and 'data-action="plan.' not in editor
    fresh, other = ops.add_overleg(demo_case(), "2026-03-02")
    assert "Dan komt er een nieuwe versie van het plan." in overleg_html(fresh, open_id=other, step=4)
    older = overleg_html(fresh, open_id="o-september", step=4)
    assert "Dit is een eerder overleg." in older and 'data-action="overleg.status"' not in older


def test_walk_parts_5_to_8():
    case, oid, _ = with_changes()
    assert "Samen koken op vrijdag" in text_of(overleg_html(case, open_id=oid, step=5))
    assert "Hoe vind ik werk in een keuken?" in overleg_html(case, open_id=oid, step=6)
    seven = overleg_html(case, open_id=oid, step=7)
    assert 'id="ov-snap"' in seven and 'data-screen="relatiekaart"' in seven
    case, _ = ops.take_snapshot(case, "Overleg van 2 maart", dt.datetime(2026, 3, 2, 20, 0))
    assert "Bewaard: Overleg van 2 maart" in overleg_html(case, open_id=oid, step=7)
    eight = overleg_html(case, open_id=oid, step=8)
    assert 'id="ov-volgende"' in eight and 'value="2026-06-01"' in eight and 'data-instrument="verslag"' in eight


@pytest.mark.parametrize("view", [{}, {"step": 1}, {"step": 2}, {"step": 3}, {"step": 4}, {"step": 4, "edit_aid": "a1"},
                                  {"step": 5}, {"step": 6, "owner_q": "v-alleen"}])
def test_hostile_text_stays_text_on_the_overleg_screen(view):
    case, oid = hostile_case()
    html = overleg_html(case, open_id=oid if view else None, **view)
    assert "<script>" not in html and "]]>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;]]&gt;&amp;amp;" in html
    assert_accessible(assert_safe(html))


def test_hostile_text_stays_text_on_the_team_screen():
    case, _ = hostile_case()
    html = team_html(case, others=True, owner_q="v-alleen")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;]]&gt;&amp;amp;" in html
    assert_accessible(assert_safe(html))


# ----- the verslag -----

def svg_texts(svg: str) -> str:
    root = SafeET.fromstring(svg.encode())
    return " ".join("".join(el.itertext()) for el in root.iter(f"{NS}text"))


def test_verslag_is_a_standalone_a4_portrait_with_the_meeting_and_the_case_embedded():
    case, oid, _ = with_changes()
    svg = verslag_svg.export_svg(case, today=TODAY, choice=oid)
    assert svg.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    root = SafeET.fromstring(svg.encode())
    assert root.get("viewBox").startswith("0 0 760 ") and float(root.get("viewBox").split()[3]) >= 1100
    assert root.find(f"{NS}title").text == "Verslag van het overleg — Sam"
    texts = svg_texts(svg)
    for what in ("Overleg van 2 maart 2026", "Sam, Anna, Daan en Marja", "Sam kookt nu zelf.", "Anna heeft het druk.",
                 "Versie 3 van het plan", "Samen koken op vrijdag", "Op dinsdag samen eten: nu gestopt",
                 "Samen de post openmaken: eerst Anna en Daan, nu Daan", "Wie doet wat?", "Vragen zonder eigenaar",
                 "1 juni 2026", "14-3-2026"):
        assert what in texts, what
    assert read_case_file("verslag.svg", svg.encode()) == case
    assert verslag_svg.export_svg(case, today=TODAY, choice=oid) == svg  # deterministic


def test_verslag_of_another_meeting_and_the_newest_by_default():
    case, oid, _ = with_changes()
    assert verslag_svg.export_svg(case, today=TODAY) == verslag_svg.export_svg(case, today=TODAY, choice=oid)
    july = svg_texts(verslag_svg.export_svg(case, today=TODAY, choice="o-juli"))
    assert "Overleg van 10 juli 2025" in july and "Het plan bleef hetzelfde." in july and "Marieke" in july
    assert "Nog geen overleg." in svg_texts(verslag_svg.export_svg(plan_case(), today=TODAY))


def test_verslag_hostile_text_stays_text():
    case, oid = hostile_case()
    svg = verslag_svg.export_svg(case, today=TODAY, choice=oid)
    root = SafeET.fromstring(svg.encode())
    assert not [el for el in root.iter() if el.tag.endswith("script")]
    assert HOSTILE in svg_texts(svg)


def test_cli_render_verslag_writes_the_same_svg_and_validate_accepts_it(tmp_path, capsys, monkeypatch):
    case, oid, _ = with_changes()
    src = tmp_path / "sam.json"
    src.write_text(dumps_case(case), encoding="utf-8")
    out = tmp_path / "verslag.svg"

    class Today(dt.date):
        @classmethod
        def today(cls):
            return TODAY

    monkeypatch.setattr(verslag_svg.dt, "date", Today)
    assert main(["render", "verslag", str(src), "-o", str(out)]) == 0
    exported = for_export(case, notes=False, pseudonymise=False)
    assert out.read_text(encoding="utf-8") == verslag_svg.export_svg(exported, today=TODAY)  # the newest meeting
    assert main(["validate", str(out)]) == 0
    assert "Geldig dossier van Sam" in capsys.readouterr().out
    assert read_case_file(out.name, out.read_bytes()) == exported
    assert main(["render", "verslag", str(src), "-o", str(tmp_path / "anon.svg"), "--zonder-namen"]) == 0
    anon = (tmp_path / "anon.svg").read_text(encoding="utf-8")
    assert "Sam kookt nu zelf." not in anon and "Anna" not in anon  # free text and names stay out


def test_walk_part_1_offers_who_does_something_in_the_plan_and_the_rest_on_request():
    case = plan_case([afspraak("a1", ["p-gerda"])])
    case, oid = ops.add_overleg(case, TODAY, aanwezig=["p-sam"])
    html = overleg_html(case, open_id=oid, step=1)
    offered = re.findall(r'data-action="overleg.present" data-pid="([^"]+)"', html)
    assert offered == ["p-sam", "p-gerda"]  # the client (the team) and who carries an agreement
    everyone = re.findall(r'data-action="overleg.present" data-pid="([^"]+)"', overleg_html(case, open_id=oid, step=1,
                                                                                          more=True))
    assert set(everyone) == {"p-sam", "p-gerda", "p-anna", "p-daan", "p-mila", "p-joost"}  # no pets


def test_walk_part_7_knows_the_map_kept_for_a_meeting_written_down_later():
    case, oid, _ = with_changes()
    o = ops.overleg(case, oid)
    case, _ = ops.take_snapshot(case, overleg.snapshot_title(o), dt.datetime(2026, 4, 1, 10, 0))
    assert "Bewaard: Overleg van 2 maart 2026" in overleg_html(case, open_id=oid, step=7)


def test_the_screens_and_the_verslag_follow_the_language_months_too():
    from snv.messages import set_language

    case, oid, _ = with_changes()
    before = overleg_html(case, open_id=oid, step=4)  # Dutch first: part 4's cards are kept by identity
    try:
        set_language("en")
        walk = overleg_html(case, open_id=oid, step=4)
        assert "Meeting of 2 March" in walk and "Changing the plan" in walk and "Stop" in walk
        assert "Stoppen" not in walk and "Stoppen" in before
        assert "Core team" in team_html(case) and "Your steady group" in team_html(case)
        assert "Minutes of the meeting — Sam" in verslag_svg.export_svg(case, today=TODAY, choice=oid)
    finally:
        set_language("nl")


def test_an_agreement_started_again_says_so_in_the_diff():
    case, oid = ops.add_overleg(demo_case(), "2026-03-02")
    case = ops.overleg_update_agreement(case, oid, "a-koffie", status="actief")  # stopped in version 2
    assert "Koffie drinken bij Gerda: loopt weer" in overleg_html(case, open_id=oid, step=4)
