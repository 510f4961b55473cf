"""Basisposter and Ontmoeten as HTML and as SVG files: four fields with strengths first, numbered questions,
hostile text stays text, the exports embed the case (round trip) and wrap text without overflow."""
from __future__ import annotations

import datetime as dt
import re

import defusedxml.ElementTree as SafeET
import pytest

from snv.model import new_case, ops
from snv.render import basisposter, basisposter_svg, instruments, ontmoeten, ontmoeten_svg
from snv.render.basisposter import BasisposterView
from snv.render.ontmoeten import OntmoetenView
from snv.render.svg import clip_lines, esc, wrap
from snv.storage.files import read_case_file

from test_render_screens import HOSTILE, assert_accessible, assert_safe

NS = "{http://www.w3.org/2000/svg}"
TODAY = dt.date(2026, 3, 14)


@pytest.fixture
def hostile_poster():
    case = new_case(HOSTILE[0])
    pids = []
    for name in HOSTILE:
        case, pid = ops.add_person(case, name)
        pids.append(pid)
    for i, text in enumerate(HOSTILE + ["]]>", "&amp; <b>vet</b>"]):
        for veld in ("sterke_punten", "wensen_dromen", "zorgen"):
            case, _ = ops.add_card(case, veld, text, pids[i % len(pids)])
        case, vid = ops.add_question(case, text, eigenaar=pids[i % len(pids)], naar_bijeenkomst=i % 2 == 0)
    case = ops.set_meedenkers(case, pids)
    return ops.update_ontmoeten(case, verhaal="\n".join(HOSTILE))


# ----- wrap -----

@pytest.mark.parametrize("text, width, expected", [
    ("", 10, []),
    ("kort", 10, ["kort"]),
    ("Ik kan goed koken. Mijn lasagne is de beste.", 12, ["Ik kan goed", "koken. Mijn", "lasagne is", "de beste."]),
    ("eén\n\ntwee", 10, ["eén", "", "twee"]),
    ("a  b\t c", 10, ["a b c"]),
    ("x" * 25, 10, ["x" * 10, "x" * 10, "x" * 5]),
    ("ab " + "c" * 12, 5, ["ab cc", "ccccc", "ccccc"]),
])
def test_wrap_fills_lines_and_breaks_long_words(text, width, expected):
    assert wrap(text, width) == expected


@pytest.mark.parametrize("width", [1, 3, 7, 20])
def test_wrap_never_overflows_and_keeps_every_letter(width):
    text = "Supercalifragilistisch is een lang woord en https://voorbeeld.nl/heel/lang/pad ook"
    lines = wrap(text, width)
    assert all(len(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_clip_lines_marks_what_was_left_out():
    lines = wrap("een twee drie vier vijf zes zeven", 9)
    assert clip_lines(lines, 10, 9) == lines
    clipped = clip_lines(lines, 2, 9)
    assert len(clipped) == 2 and clipped[-1].endswith("…") and all(len(x) <= 9 for x in clipped)


# ----- screen HTML -----

def test_four_fields_with_strengths_first_and_the_client_in_the_centre(demo_case):
    html = basisposter.render(demo_case, BasisposterView())
    assert_accessible(assert_safe(html))
    positions = [html.index(f'class="bp-field bp-{veld}"') for veld in basisposter.FIELDS]
    assert positions == sorted(positions) and html.index("bp-sterke_punten") < html.index("bp-wensen_dromen")
    assert 'class="bp-centre"' in html and ">Sam<" in html
    for item in demo_case.basisposter.sterke_punten:
        assert item.tekst in html
    assert re.search(r'class="bp-initials"[^>]*>S<', html)  # the client's initials on their own cards
    assert 'id="basisposter-print"' in html and 'data-instrument="basisposter"' in html


def test_questions_are_numbered_by_volgorde_with_their_marks(demo_case):
    case = ops.move_question(demo_case, "v-buurman", 0)
    html = basisposter.render(case, BasisposterView())
    nrs = re.findall(r'data-qid="([^"]+)" data-nr="(\d)"', html)
    assert nrs == [("v-buurman", "1"), ("v-alleen", "2"), ("v-post", "3"), ("v-werk", "4")]
    # first cannot go up, last cannot go down; the meeting toggle shows its state
    assert re.search(r'<button[^>]*class="btn btn-small bp-q-up"[^>]*disabled[^>]*data-id="v-buurman"', html)
    assert re.search(r'<button[^>]*class="btn btn-small bp-q-down"[^>]*disabled[^>]*data-id="v-werk"', html)
    assert re.search(r'aria-pressed="true"[^>]*data-id="v-alleen"', html)
    assert re.search(r'aria-pressed="false"[^>]*data-id="v-buurman"', html)
    assert "Voor: Jeroen" in html


def test_empty_poster_invites_to_write_strengths():
    html = basisposter.render(new_case("Kim"), BasisposterView())
    assert "Wat lukt al goed? Schrijf het hier op." in html
    assert "bp-questions" not in html


def test_open_card_and_question_show_their_editors(demo_case):
    view = BasisposterView(open="sp-koken")
    html = basisposter.render(demo_case, view)
    assert 'id="basisposter-text-sp-koken"' in html and 'data-action="basisposter.item_door"' in html
    view.open = "v-post"
    html = basisposter.render(demo_case, view)
    assert 'id="bp-q-text-v-post"' in html and 'data-action="basisposter.q_owner"' in html
    assert_accessible(assert_safe(html))


def test_hostile_text_stays_text_on_screens(hostile_poster):
    for html in (basisposter.render(hostile_poster, BasisposterView(open=hostile_poster.basisposter.vragen[0].id,
                                                                     choose_meedenkers=True, more=True)),
                 basisposter.render(hostile_poster, BasisposterView(open=hostile_poster.basisposter.zorgen[0].id)),
                 ontmoeten.render(hostile_poster, OntmoetenView(open=hostile_poster.basisposter.sterke_punten[0].id))):
        doc = assert_safe(html)
        assert_accessible(doc)
        assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_ontmoeten_has_story_strengths_and_people_but_no_hulpvraag(demo_case):
    html = ontmoeten.render(demo_case, OntmoetenView())
    assert_accessible(assert_safe(html))
    assert "Luister eerst. Schrijf later samen op." in html
    assert 'data-action="ontmoeten.verhaal"' in html and esc(demo_case.ontmoeten.verhaal) in html
    assert 'value="2025-02-03"' in html
    assert all(i.tekst in html for i in demo_case.basisposter.sterke_punten)
    assert "Ze staan in je lijst. Later zet je ze op de kaart." in html and 'data-screen="personen"' in html
    assert "hulpvraag" not in html.lower()


# ----- SVG exports -----

def _parse(svg: str):
    return SafeET.fromstring(svg.encode("utf-8"))


@pytest.mark.parametrize("module, size", [(basisposter_svg, (1600, 1131)), (ontmoeten_svg, (1188, 840))])
def test_export_is_a_landscape_file_that_opens_again_as_the_case(demo_case, module, size):
    svg = module.export_svg(demo_case, today=TODAY)
    root = _parse(svg)
    assert svg.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    assert root.get("viewBox") == f"0 0 {size[0]} {size[1]}" and size[0] / size[1] == pytest.approx(2 ** 0.5, 0.01)
    assert root.get("role") == "img" and root.find(f"{NS}title") is not None and root.find(f"{NS}desc") is not None
    assert read_case_file("x.svg", svg.encode("utf-8")) == demo_case
    assert "14-3-2026" in svg
    assert module.export_svg(demo_case, today=TODAY) == svg  # deterministic


def test_basisposter_svg_has_four_fields_strengths_first_numbered_questions(demo_case):
    svg = basisposter_svg.export_svg(demo_case, today=TODAY)
    root = _parse(svg)
    texts = ["".join(el.itertext()) for el in root.iter(f"{NS}text")]
    heads = [t for t in texts if t in ("Wat lukt al wel?", "Wensen en dromen", "Zorgen", "Vragen voor het plan")]
    assert heads == ["Wat lukt al wel?", "Wensen en dromen", "Zorgen", "Vragen voor het plan"]
    numbers = [t for t in texts if t.isdigit()]
    assert numbers == ["1", "2", "3", "4"]
    assert sum(1 for p in root.iter(f"{NS}path") if p.get("d") == basisposter_svg.FLAG) == 3 + 1  # 3 marked + legend
    assert "Meegedacht: Marja, Anna, Jeroen, Gerda" in texts
    assert "Basisposter van Sam" in texts


def test_svg_text_fits_its_card_and_font_stays_readable(hostile_poster):
    long = ops.add_card(hostile_poster, "zorgen", "Ontzettendlangwoordzonderspaties" * 6 + " en veel meer " * 40)[0]
    for svg in (basisposter_svg.export_svg(long, today=TODAY), ontmoeten_svg.export_svg(long, today=TODAY)):
        root = _parse(svg)
        for el in root.iter():
            size = el.get("font-size")
            if size:
                assert float(size) >= 16, el.attrib
        widest = basisposter_svg.chars_for(basisposter_svg.W - 2 * basisposter_svg.MARGIN - 560, 18)  # the footer
        spans = [span.text or "" for span in root.iter(f"{NS}tspan")]
        assert spans and max(map(len, spans)) <= widest
        assert not any("Ontzettendlangwoordzonderspaties" * 2 in s for s in spans)  # the long word is broken


def test_svg_exports_escape_hostile_text(hostile_poster):
    for module in (basisposter_svg, ontmoeten_svg):
        svg = module.export_svg(hostile_poster, today=TODAY)
        root = _parse(svg)
        tags = {el.tag.removeprefix(NS) for el in root.iter()}
        assert tags <= {"svg", "title", "desc", "metadata", "rect", "text", "tspan", "circle", "path"}, tags
        assert not any(k.startswith("on") for el in root.iter() for k in el.attrib)
        assert read_case_file("h.svg", svg.encode("utf-8")) == hostile_poster


def test_instruments_list_both_for_the_cli_and_print():
    assert instruments.get("basisposter").page == "a3" and instruments.get("basisposter").order == 10
    assert instruments.get("ontmoeten").order == 5
    assert instruments.keys().index("ontmoeten") < instruments.keys().index("basisposter")
