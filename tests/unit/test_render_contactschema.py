"""Contactschema: sorting (every column, stable, empties last), the table and cards HTML (aria-sort,
hostile text), the figures it feeds, the ops, and the SVG export (round trip, CLI, one landscape page)."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import defusedxml.ElementTree as DET
import pytest

from snv.analysis.figures import compute_figures, contact_sentences, sentences
from snv.cli import main
from snv.model import CaseError, ops, parse_case
from snv.render import contactschema, instruments
from snv.render.contactschema import ContactschemaView
from snv.render.contactschema_svg import COLUMNS, H, W, export_svg, sorted_rows
from snv.storage import dumps_case, for_export, read_case_file

ROOT = Path(__file__).resolve().parents[2]
NS = "{http://www.w3.org/2000/svg}"
TODAY = dt.date(2026, 11, 25)
EVIL = "<script>alert(1)</script>]]>"


def make_case(contacten=None, **extra):
    personen = [
        {"id": "p-sam", "naam": "Sam", "rol": "ik", "interesses": ["vissen"]},
        {"id": "p-anna", "naam": "Anna", "rol": "tante", "sector": "familie", "nabijheid": "dichtbij",
         "interesses": ["Vissen", "koken"]},
        {"id": "p-tom", "naam": "Tom", "sector": "vrienden_kennissen", "nabijheid": "dichtbij",
         "interesses": ["vissen "]},
        {"id": "p-bert", "naam": "Bert", "sector": "buren_buurt", "nabijheid": "verder_weg"},
        {"id": "p-cor", "naam": "Cor"},
        {"id": "p-dirk", "naam": "Dirk"},
    ]
    if contacten is None:
        contacten = [
            {"persoon": "p-tom", "hoe_vaak": "wekelijks", "manieren": ["telefoon"], "samen_doen": "Vissen",
             "tevreden": "ja", "wens": "meer", "dagen": ["za"]},
            {"persoon": "p-anna", "hoe_vaak": "dagelijks", "manieren": ["bij_elkaar", "video"], "samen_doen": "koken",
             "tevreden": "gaat_wel", "wens": "meer", "dagen": ["ma", "wo"]},
            {"persoon": "p-bert", "hoe_vaak": None, "manieren": [], "tevreden": "nee", "wens": "minder"},
            {"persoon": "p-cor", "hoe_vaak": "wekelijks", "manieren": ["bij_elkaar"], "tevreden": "ja",
             "wens": "evenveel", "dagen": ["ma"]},
        ]
    return parse_case({"schema_version": 2, "id": "c-cs", "klant_id": "p-sam", "fase": "netwerkatlas",
                       "personen": personen, "contacten": contacten, **extra})


def order(case, col=None, desc=False):
    return [c.persoon for c in sorted_rows(case, col, desc)]


# ----- sorting -----

@pytest.mark.parametrize("col, asc, desc", [
    ("persoon", ["p-anna", "p-bert", "p-cor", "p-tom"], ["p-tom", "p-cor", "p-bert", "p-anna"]),
    # equal frequencies (tom, cor) keep the order they were added in, in both directions; empty last
    ("hoe_vaak", ["p-anna", "p-tom", "p-cor", "p-bert"], ["p-tom", "p-cor", "p-anna", "p-bert"]),
    ("manieren", ["p-cor", "p-anna", "p-tom", "p-bert"], ["p-tom", "p-anna", "p-cor", "p-bert"]),
    ("samen_doen", ["p-anna", "p-tom", "p-bert", "p-cor"], ["p-tom", "p-anna", "p-bert", "p-cor"]),
    ("tevreden", ["p-tom", "p-cor", "p-anna", "p-bert"], ["p-bert", "p-anna", "p-tom", "p-cor"]),
    ("wens", ["p-tom", "p-anna", "p-cor", "p-bert"], ["p-bert", "p-cor", "p-tom", "p-anna"]),
    ("dagen", ["p-anna", "p-cor", "p-tom", "p-bert"], ["p-tom", "p-cor", "p-anna", "p-bert"]),
])
def test_sort_by_each_column_both_ways_stable_with_empties_last(col, asc, desc):
    case = make_case()
    assert order(case, col) == asc
    assert order(case, col, desc=True) == desc


def test_every_column_is_sortable_and_no_sort_keeps_the_order_added():
    case = make_case()
    assert order(case) == ["p-tom", "p-anna", "p-bert", "p-cor"]
    for col in COLUMNS:
        assert sorted(order(case, col)) == sorted(order(case))


# ----- the screen -----

def test_table_has_a_row_per_contact_with_words_next_to_icons():
    html = contactschema.render(make_case(), ContactschemaView())
    assert html.count('<tr class="cs-row') == 4
    for word in ("Elke dag", "Elke week", "Bij elkaar", "Video", "Gaat wel", "Niet fijn", "Meer", "Minder",
                 "Evenveel", "Wat doen jullie samen?", "Nog niet gekozen"):
        assert word in html
    assert "aria-sort" not in html  # nothing sorted yet
    assert "Welke dagen?" not in html  # the week column only after *Weekdagen tonen*
    assert 'class="cs-lab"' in html  # the column names written in each cell, for the card layout


def test_sorted_header_says_aria_sort_and_the_sort_buttons_show_the_direction():
    v = ContactschemaView(sort="hoe_vaak")
    html = contactschema.render(make_case(), v)
    assert html.count("aria-sort=") == 1 and '<th scope="col" class="cs-h cs-c-hoe_vaak" aria-sort="ascending">' in html
    v.desc = True
    html = contactschema.render(make_case(), v)
    assert 'aria-sort="descending"' in html
    assert html.index('data-pid="p-tom"') < html.index('data-pid="p-anna"')


def test_editor_has_segmented_buttons_for_each_field_and_days_when_shown():
    v = ContactschemaView(open="p-anna", days=True)
    html = contactschema.render(make_case(), v)
    for group in ("hoe_vaak", "manieren", "samen_doen", "tevreden", "wens", "dagen"):
        assert f'id="cs-ed-{group}"' in html
    assert "<select" not in html  # segmented buttons, not dropdowns
    assert 'data-action="contactschema.samen"' in html and 'value="koken"' in html
    assert 'aria-label="maandag"' in html and "Welke dagen?" in html


def test_empty_schema_asks_and_offers_the_people_in_the_list():
    case = make_case(contacten=[])
    html = contactschema.render(case, ContactschemaView())
    assert "Met wie heb je contact? Kies iemand uit je lijst." in html
    assert html.count('data-action="contactschema.pick"') == 5  # everyone but the client
    assert 'data-action="contactschema.new"' in html and "<table" not in html


def test_chooser_offers_only_people_not_in_the_schema_and_filters():
    v = ContactschemaView(adding=True)
    html = contactschema.render(make_case(), v)
    assert html.count('data-action="contactschema.pick"') == 1 and 'data-pid="p-dirk"' in html
    assert [p.id for p in contactschema.candidates(make_case(contacten=[]), "ANN")] == ["p-anna"]


def test_hostile_names_and_texts_stay_text():
    case = make_case()
    case = ops.update_person(case, "p-anna", naam=EVIL, interesses=[EVIL])
    case = ops.update_person(case, "p-tom", interesses=[EVIL])
    case = ops.set_contact(case, "p-tom", samen_doen=EVIL)
    html = contactschema.render(case, ContactschemaView(open="p-tom", days=True, adding=True))
    assert "<script>" not in html and "&lt;script&gt;" in html
    sents = contact_sentences(case)
    assert any(EVIL in s["text"] for s in sents)  # the sentence itself is plain text …
    assert "<script>" not in html  # … and escaped where it is shown


# ----- figures -----

def test_contact_figures_count_wishes_and_name_shared_interests():
    case = make_case()
    s = {x["key"]: x for x in sentences(compute_figures(case))}
    assert s["wish_more"]["text"] == "Met 2 mensen wil je meer contact."
    assert s["wish_more"]["persons"] == ["p-anna", "p-tom"]
    assert s["wish_less"]["text"] == "Met 1 persoon wil je minder contact."
    assert s["shared.0"]["text"] == "Anna en Tom houden allebei van vissen."  # the client never in the pair
    assert [x["key"] for x in contact_sentences(case)] == ["shared.0", "wish_more", "wish_less"]


def test_shared_interests_prefer_people_not_yet_tied():
    case = make_case()
    case = ops.update_person(case, "p-bert", interesses=["Vissen"])
    case = ops.set_band(case, "p-anna", "p-tom")
    texts = [x["text"] for x in contact_sentences(case)]
    assert texts[0] == "Anna en Bert houden allebei van vissen."


def test_contact_figures_show_even_before_anyone_is_on_the_map():
    case = make_case(contacten=[{"persoon": "p-cor", "wens": "meer"}])
    s = {x["key"] for x in sentences(compute_figures(case))}
    assert "wish_more" in s


# ----- ops -----

def test_set_contact_creates_then_updates_one_row_and_remove_takes_it_out():
    case = make_case(contacten=[])
    case = ops.set_contact(case, "p-dirk")
    assert [c.persoon for c in case.contacten] == ["p-dirk"]
    case = ops.set_contact(case, "p-dirk", hoe_vaak="maandelijks", manieren=["video", "telefoon", "video"],
                           dagen=["zo", "ma"])
    c = ops.contact(case, "p-dirk")
    assert (c.hoe_vaak, c.manieren, c.dagen) == ("maandelijks", ["telefoon", "video"], ["ma", "zo"])
    assert ops.set_contact(case, "p-dirk", dagen=[]).contacten[0].dagen is None
    same = ops.set_contact(case, "p-dirk", hoe_vaak="maandelijks")
    assert same is case  # nothing changed: no new case
    case = ops.remove_contact(case, "p-dirk")
    assert case.contacten == [] and case.persoon("p-dirk").naam == "Dirk"


@pytest.mark.parametrize("pid, fields", [
    ("p-sam", {}),  # the client has no row of their own
    ("p-dirk", {"hoe_vaak": "elk uur"}),
    ("p-dirk", {"wens": "heel veel"}),
    ("p-dirk", {"kleur": "blauw"}),
    ("p-dirk", {"dagen": ["maandag"]}),
])
def test_set_contact_refuses_bad_input_in_dutch(pid, fields):
    with pytest.raises(CaseError) as err:
        ops.set_contact(make_case(), pid, **fields)
    assert err.value.message


def test_removing_a_person_removes_their_row():
    case = ops.remove_person(make_case(), "p-anna")
    assert "p-anna" not in [c.persoon for c in case.contacten]


# ----- the SVG export -----

def test_export_is_a_landscape_svg_with_heading_legend_and_the_case():
    case = make_case()
    svg = export_svg(case, today=TODAY)
    root = DET.fromstring(svg.encode("utf-8"))
    assert root.tag == f"{NS}svg" and root.get("role") == "img"
    assert (root.get("width"), root.get("height")) == (str(W), str(H)) and W > H
    text = "".join(root.itertext())
    assert "Contactschema van Sam" in text and "Gemaakt op 25-11-2026" in text
    assert "Uitleg" in text and "Bij elkaar" in text  # legend
    assert root.find(f"{NS}title").text == "Contactschema van Sam"
    assert "4 mensen" in root.find(f"{NS}desc").text
    rows = [g.get("data-pid") for g in root.iter(f"{NS}g") if g.get("class") == "cs-row"]
    assert rows == ["p-tom", "p-anna", "p-bert", "p-cor"]
    assert read_case_file("x.svg", svg.encode("utf-8")) == case
    assert export_svg(case, today=TODAY) == svg  # deterministic


def test_export_keeps_the_screen_order():
    svg = export_svg(make_case(), today=TODAY, col="persoon", desc=True)
    root = DET.fromstring(svg.encode("utf-8"))
    assert [g.get("data-pid") for g in root.iter(f"{NS}g") if g.get("class") == "cs-row"] == \
        ["p-tom", "p-cor", "p-bert", "p-anna"]


@pytest.mark.parametrize("n, blocks, taller", [(20, 1, False), (40, 2, False), (60, 2, True)])
def test_export_fits_forty_rows_on_one_page_and_grows_beyond(n, blocks, taller):
    personen = [{"id": "p0", "naam": "Sam"}] + [{"id": f"p{i}", "naam": f"Persoon {i}"} for i in range(1, n + 1)]
    contacten = [{"persoon": f"p{i}", "hoe_vaak": "wekelijks", "manieren": ["telefoon"], "samen_doen": "Praten"}
                 for i in range(1, n + 1)]
    case = parse_case({"schema_version": 2, "id": "c-n", "klant_id": "p0", "personen": personen,
                       "contacten": contacten})
    root = DET.fromstring(export_svg(case, today=TODAY).encode("utf-8"))
    rows = [g for g in root.iter(f"{NS}g") if g.get("class") == "cs-row"]
    assert len(rows) == n  # nothing left out
    heads = [r for r in root.iter(f"{NS}rect") if r.get("height") == "46"]
    assert len(heads) == blocks
    assert (float(root.get("height")) > H) is taller


def test_export_escapes_hostile_text():
    case = ops.update_person(make_case(), "p-anna", naam=EVIL)
    case = ops.set_contact(case, "p-tom", samen_doen=EVIL)
    svg = export_svg(case, today=TODAY)
    root = DET.fromstring(svg.encode("utf-8"))
    assert not [el for el in root.iter() if el.tag.endswith("script")]
    assert read_case_file("x.svg", svg.encode("utf-8")).persoon("p-anna").naam == EVIL


def test_instrument_is_registered_for_cli_and_print():
    inst = instruments.get("contactschema")
    assert inst.module == "snv.render.contactschema_svg" and inst.order == 50
    assert instruments.export_svg("contactschema", make_case(), today=TODAY) == export_svg(make_case(), today=TODAY)


def test_cli_renders_the_same_svg_and_validate_accepts_it(tmp_path, capsys, demo_case):
    src = tmp_path / "sam.json"
    src.write_text(dumps_case(demo_case), encoding="utf-8")
    out = tmp_path / "contact.svg"
    assert main(["render", "contactschema", str(src), "-o", str(out)]) == 0
    capsys.readouterr()
    data = out.read_bytes()
    assert read_case_file(out.name, data) == for_export(demo_case, notes=False, pseudonymise=False)
    assert "Contactschema van Sam" in data.decode("utf-8")
    assert main(["validate", str(out)]) == 0
    env_path = str(ROOT / "py")
    ok = subprocess.run([sys.executable, "-m", "snv", "validate", str(out)], capture_output=True, text=True,
                        env={"PYTHONPATH": env_path, "PATH": "/usr/bin:/bin"}, timeout=120)
    assert ok.returncode == 0, ok.stderr


def test_long_schema_shows_sixty_rows_then_more_and_keeps_the_open_row():
    personen = [{"id": "p0", "naam": "Sam"}] + [{"id": f"p{i}", "naam": f"Persoon {i:03d}"} for i in range(1, 71)]
    contacten = [{"persoon": f"p{i}", "hoe_vaak": "wekelijks"} for i in range(1, 71)]
    case = parse_case({"schema_version": 2, "id": "c-n", "klant_id": "p0", "personen": personen,
                       "contacten": contacten})
    v = ContactschemaView()
    html = contactschema.render(case, v)
    assert html.count('<tr class="cs-row') == 60 and "Toon meer (nog 10)" in html
    assert html.count('<symbol id="cs-') == 15 and '<use href="#cs-f-wekelijks"/>' in html
    v.open = "p70"
    assert 'data-pid="p70"' in contactschema.render(case, v)
    v.open, v.shown = None, 120
    html = contactschema.render(case, v)
    assert html.count('<tr class="cs-row') == 70 and 'id="cs-more"' not in html
