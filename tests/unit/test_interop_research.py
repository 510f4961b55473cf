"""Research exports (storage/interop/research.py): GraphML with one graph per map, CSV tables in a zip,
pseudonymised unless names are deliberately chosen."""
from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile

import networkx as nx
import pytest

from snv.analysis.figures import compute_figures
from snv.messages import set_language
from snv.model import ops
from snv.storage.interop.research import (FIGURE_COLUMNS, PERSON_COLUMNS, csv_tables, export_csv_zip, export_graphml)

TODAY = dt.date(2026, 5, 20)


@pytest.fixture(autouse=True)
def _dutch():
    yield
    set_language("nl")


def graphs(text: str) -> list:
    """Every graph of a GraphML text, read by networkx."""
    return list(nx.readwrite.graphml.GraphMLReader()(string=text.encode("utf-8")))


def real_names(case) -> set:
    return {p.naam for p in case.personen if len(p.naam) > 3}


def test_graphml_has_the_map_now_first_and_one_graph_per_snapshot(demo_case):
    gs = graphs(export_graphml(demo_case, today=TODAY))
    assert len(gs) == 1 + len(demo_case.momentopnamen)
    assert gs[0].graph["titel"] == "Nu" and gs[0].graph["datum"] == "2026-05-01"  # pseudonymised: the month
    assert gs[0].number_of_nodes() == len(demo_case.personen)
    for g, snap in zip(gs[1:], demo_case.momentopnamen):
        assert g.number_of_nodes() == len(snap.personen)
        assert g.graph["datum"] == snap.gemaakt.date().replace(day=1).isoformat()


def test_graphml_nodes_carry_sector_ring_professional_and_kind(demo_case):
    g = graphs(export_graphml(demo_case, today=TODAY))[0]
    clients = [n for n, d in g.nodes(data=True) if d["klant"]]
    assert len(clients) == 1
    on_map = [d for _, d in g.nodes(data=True) if d["op_kaart"]]
    assert len(on_map) == sum(p.op_kaart for p in demo_case.personen)
    for d in on_map:
        assert d["sector"] and d["ring"] and d["soort"] in ("mens", "huisdier") and isinstance(d["professioneel"], bool)
    assert sum(d["professioneel"] for _, d in g.nodes(data=True)) == sum(p.professioneel for p in demo_case.personen)


def test_graphml_edges_carry_quality_and_support(demo_case):
    g = graphs(export_graphml(demo_case, names=True, today=TODAY))[0]
    klant = f"nu:{demo_case.klant_id}"
    for band in demo_case.banden:
        d = g.edges[f"nu:{band.a}", f"nu:{band.b}"]
        assert d["kwaliteit"] == (band.kwaliteit or "") and d["lijn"]
    for s in demo_case.steun:
        assert g.edges[klant, f"nu:{s.persoon}"][f"steun_{s.soort}"] == s.richting


def test_support_without_a_line_is_an_edge_marked_without_line():
    case, _ = ops.add_person(_sam(), "Bo", id="p-bo")
    case = ops.set_support(case, "p-bo", "zorg", "krijgt")
    g = graphs(export_graphml(case, names=True, today=TODAY))[0]
    edge = g.edges[f"nu:{case.klant_id}", "nu:p-bo"]
    assert (edge["lijn"], edge["met_klant"], edge["steun_zorg"]) == (False, True, "krijgt")


def _sam():
    from snv.model import new_case

    return new_case("Sam")


def test_research_files_are_without_names_by_default_and_with_them_when_chosen(demo_case):
    names = real_names(demo_case)
    pseudo = export_graphml(demo_case, today=TODAY) + "".join(csv_tables(demo_case, today=TODAY).values())
    assert not [n for n in names if n in pseudo]
    assert "tante 1" in pseudo or "familielid 1" in pseudo
    named = export_graphml(demo_case, names=True, today=TODAY)
    assert demo_case.klant.naam in named


def test_notes_never_go_into_research_files(demo_case):
    notes = {n.tekst for p in demo_case.personen for n in p.notities if len(n.tekst) > 8}
    assert notes
    text = export_graphml(demo_case, names=True, today=TODAY) + "".join(
        csv_tables(demo_case, names=True, today=TODAY).values())
    assert not [n for n in notes if n in text]


def test_csv_zip_holds_four_tables_and_a_codebook(demo_case):
    z = zipfile.ZipFile(io.BytesIO(export_csv_zip(demo_case, today=TODAY)))
    assert z.namelist() == ["personen.csv", "banden.csv", "steun.csv", "kengetallen.csv", "LEESMIJ.txt"]
    rows = list(csv.DictReader(io.StringIO(z.read("personen.csv").decode("utf-8"))))
    assert list(rows[0]) == list(PERSON_COLUMNS)
    maps = 1 + len(demo_case.momentopnamen)
    assert len(rows) == len(demo_case.personen) + sum(len(m.personen) for m in demo_case.momentopnamen)
    assert {r["kaart"] for r in rows} == {"nu", *(f"momentopname{i}" for i in range(1, maps))}
    assert {r["klant"] for r in rows} == {"0", "1"} and {r["op_kaart"] for r in rows} <= {"0", "1"}
    figures = list(csv.DictReader(io.StringIO(z.read("kengetallen.csv").decode("utf-8"))))
    assert list(figures[0]) == list(FIGURE_COLUMNS) and len(figures) == maps
    assert "tante 1" in z.read("LEESMIJ.txt").decode("utf-8")


def test_figures_per_map_match_the_analysis(demo_case):
    tables = csv_tables(demo_case, names=True, today=TODAY)
    figures = {r["kaart"]: r for r in csv.DictReader(io.StringIO(tables["kengetallen.csv"]))}
    now = compute_figures(demo_case)
    assert int(figures["nu"]["op_kaart"]) == now["size"]["on_map"]
    assert int(figures["nu"]["sector_familie"]) == now["per_sector"]["familie"]
    assert figures["nu"]["dichtheid"] == ("" if now["density"]["value"] is None else str(now["density"]["value"]))
    snap = demo_case.momentopnamen[0]
    on_map = sum(1 for p in snap.personen if p.op_kaart and p.id != snap.klant_id)
    assert int(figures[snap.id]["op_kaart"]) == on_map


def test_a_name_that_looks_like_a_formula_is_plain_text_in_csv():
    case, _ = ops.add_person(_sam(), "=HYPERLINK(\"x\")", sector="familie", nabijheid="dichtbij")
    text = csv_tables(case, names=True, today=TODAY)["personen.csv"]
    assert "'=HYPERLINK" in text and ",=HYPERLINK" not in text


def test_the_same_day_gives_the_same_zip(demo_case):
    assert export_csv_zip(demo_case, today=TODAY) == export_csv_zip(demo_case, today=TODAY)


def test_the_codebook_follows_the_language(demo_case):
    set_language("en")
    readme = csv_tables(demo_case, today=TODAY)["LEESMIJ.txt"]
    assert "tables for research" in readme and "tabellen" not in readme
    assert graphs(export_graphml(demo_case, today=TODAY))[0].graph["titel"] == "Now"
